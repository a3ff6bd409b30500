"""The audit screen speaks words (issue 16): actions translated, pseudonyms and case references
instead of hex ids, filters by case, user, dates and kind, and a CSV of what it shows."""

from __future__ import annotations

import csv
import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from intake import Intake, open_intake
from intake.models import PersonRole, ProtectedIdentity
from resources import i18n
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.audit.audit_log_view import AuditLogView, csv_cell
from ui.audit_words import ACTIONS, action_words
from vault import Vault

HEX_ID = re.compile(r"\b[0-9a-f]{32}\b")


@pytest.fixture
def intake(tmp_path):
    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    yield open_intake(vault)
    vault.lock()


def _populate(intake: Intake) -> tuple[str, str]:
    one = intake.cases.create("RO-2026-0201", "Farm")
    two = intake.cases.create("RO-2026-0202", "Hostel")
    intake.people.add(
        one.case_id,
        PersonRole.SURVIVOR,
        "Ana",
        identity=ProtectedIdentity(legal_name="Oksana Legalname"),
    )
    intake.people.add(two.case_id, PersonRole.WITNESS, "Bogdan")
    return one.case_id, two.case_id


def _cell(view: AuditLogView, row: int, column: int) -> str:
    item = view.table.item(row, column)
    assert item is not None
    return item.text()


def _column(view: AuditLogView, column: int) -> list[str]:
    return [_cell(view, r, column) for r in range(view.table.rowCount())]


def test_words_not_codes_and_names_not_ids(qtbot, intake: Intake) -> None:
    _populate(intake)
    view = AuditLogView(intake.vault)
    qtbot.addWidget(view)
    actions = _column(view, 3)
    assert "Person added" in actions
    assert "Case created" in actions
    assert not any(re.fullmatch(r"[a-z_]+\.[a-z_]+", a) for a in actions)  # no bare codes
    about = _column(view, 5)
    assert "Ana" in about
    assert "Bogdan" in about
    assert "RO-2026-0201" in _column(view, 4)
    for row in range(view.table.rowCount()):
        for column in range(view.table.columnCount()):
            assert not HEX_ID.search(_cell(view, row, column))
    assert "Oksana" not in " ".join(" ".join(r.cells()) for r in view.rows)


def test_filters_by_case_user_kind_and_dates(qtbot, intake: Intake) -> None:
    one, two = _populate(intake)
    view = AuditLogView(intake.vault)
    qtbot.addWidget(view)
    everything = view.table.rowCount()
    view.case_filter.setCurrentIndex(view.case_filter.findData(two))
    assert set(_column(view, 4)) == {"RO-2026-0202"}
    assert "Bogdan" in _column(view, 5)
    view.case_filter.setCurrentIndex(0)
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("people"))
    assert set(_column(view, 3)) <= {"Person added", "Protected identity recorded"}
    assert view.table.rowCount() == 2
    view.kind_filter.setCurrentIndex(0)
    view.user_filter.setCurrentIndex(view.user_filter.findData("ana"))
    assert view.table.rowCount() == everything
    view.dates.setChecked(True)
    view.date_from.setDate(QDate(2001, 1, 1))
    view.date_to.setDate(QDate(2001, 1, 2))
    assert view.table.rowCount() == 0
    today = datetime.now(UTC).astimezone().date()
    view.date_from.setDate(QDate(today.year, today.month, today.day))
    view.date_to.setDate(QDate(today.year, today.month, today.day))
    assert view.table.rowCount() == everything
    del one


def test_csv_holds_what_the_screen_shows_and_is_audited(
    qtbot, intake: Intake, tmp_path: Path
) -> None:
    _, two = _populate(intake)
    view = AuditLogView(intake.vault)
    qtbot.addWidget(view)
    view.case_filter.setCurrentIndex(view.case_filter.findData(two))
    shown = [r.cells() for r in view.rows]
    target = tmp_path / "chosen" / "audit.csv"
    target.parent.mkdir()
    view.export_csv(target)
    data = target.read_bytes()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == view.headers()
    assert lines[1:] == shown
    assert "Oksana" not in data.decode("utf-8")  # never a protected identity
    [entry] = intake.vault.audit_entries(action_prefix="export.audit_log")
    assert entry.details["rows"] == len(shown)
    assert entry.details["sha256"] == hashlib.sha256(data).hexdigest()
    assert entry.details["filters"]["case_id"] == two
    # The export is itself on the screen, in words.
    view.case_filter.setCurrentIndex(0)
    assert "Audit log exported as CSV" in _column(view, 3)


def test_csv_cells_never_run_as_formulas() -> None:
    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert csv_cell("Ana") == "Ana"


def test_every_action_has_words_in_each_language() -> None:
    try:
        for language in i18n.available_languages():
            i18n.set_language(language)
            for code in ACTIONS:
                assert action_words(code)
    finally:
        i18n.set_language("en")
    assert action_words("case.note_added") == "Case: note added"  # a new code: still words
