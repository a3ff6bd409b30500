"""When the vault was last backed up, in words, and whether the user should be reminded."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from ui.formatting import when

log = logging.getLogger(__name__)


def parse_time(value: str | None) -> datetime | None:
    """The ledger's ISO 8601 UTC time, or None when absent or unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        log.warning("unreadable backup time in the ledger")
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def age_days(last: datetime | None, now: datetime) -> float | None:
    return None if last is None else (now - last).total_seconds() / 86_400


def is_overdue(last: datetime | None, now: datetime, reminder_days: int) -> bool:
    """A vault never backed up is overdue too: that is when a lost laptop costs the most."""
    days = age_days(last, now)
    return days is None or days >= reminder_days


def status_text(last: datetime | None, now: datetime) -> str:
    """For the status bar: "Last backup: 2026-05-02 14:03 (3 days ago)"."""
    if last is None:
        return QCoreApplication.translate("BackupStatus", "No backup yet")
    days = int(age_days(last, now) or 0)
    if days < 1:
        ago = QCoreApplication.translate("BackupStatus", "today")
    else:
        ago = QCoreApplication.translate("BackupStatus", "%n day(s) ago", "", days)
    return (
        QCoreApplication.translate("BackupStatus", "Last backup: %1 (%2)")
        .replace("%1", when(last))
        .replace("%2", ago)
    )


def reminder_text(last: datetime | None, now: datetime) -> str:
    if last is None:
        return QCoreApplication.translate(
            "BackupStatus",
            "This vault has never been backed up. If this computer is lost, stolen or broken, "
            "everything in it is lost too.",
        )
    days = int(age_days(last, now) or 0)
    return QCoreApplication.translate(
        "BackupStatus",
        "The last backup is %n day(s) old. Back up now so that a lost or broken computer does "
        "not take the only copy with it.",
        "",
        days,
    )
