"""A referral's life in the app: recorded in the case's tab, moved from sent to closed, seen in
the vault-wide list and in the audit screen."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from exports.address_book import AddressBook, make_entry
from intake import open_intake
from intake.referrals import ReferralStatus
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE, FakeClock
from ui.audit.audit_log_view import AuditLogView
from ui.cases.case_workspace import CaseWorkspace
from ui.referrals.referrals_window import ReferralsWindow
from ui.session import Session
from vault import Vault


def _fixed() -> datetime:
    return datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def _text(table, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return str(item.text())


@pytest.fixture
def session(tmp_path, qapp):
    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF, clock=_fixed)
    session = Session(clock=FakeClock())
    session.open(vault)
    AddressBook(vault).put(make_entry("DIICOT Constanța", "prosecutor"))
    AddressBook(vault).put(make_entry("Shelter Casa Lumina", "partner_ngo"))
    yield session
    if session.is_unlocked:
        session.lock()


def _cells(table, row: int) -> list[str]:
    return [_text(table, row, c) for c in range(table.columnCount())]


def test_a_referral_from_sent_to_closed_in_the_app(qtbot, session) -> None:
    services = session.services
    case = services.cases.create("RO-2026-0042", "Farm work")
    view = CaseWorkspace(services, case.case_id, lambda _text: None)
    qtbot.addWidget(view)
    tab = view.referrals
    view.tabs.setCurrentWidget(tab)
    assert tab.empty.isVisibleTo(view)

    dialog = tab.new_referral()
    assert dialog.recipient_combo.count() == 2
    dialog.recipient_combo.setCurrentIndex(dialog.recipient_combo.findData("DIICOT Constanța"))
    dialog.on_field.set_value(date(2026, 3, 9))
    dialog.reason_edit.setPlainText("Recruitment by Telegram; passports held")
    dialog.follow_field.set_value(date(2026, 3, 16))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert tab.table.rowCount() == 1
    row = _cells(tab.table, 0)
    assert "DIICOT Constanța (prosecutor)" in row
    assert "sent" in row
    assert "Mar 16, 2026" in row  # the day in the user's language, by Babel

    for status, outcome in (("acknowledged", ""), ("accepted", ""), ("closed", "Case opened")):
        tab.table.selectRow(0)
        change = tab.change_status()
        assert change is not None
        change.status_combo.setCurrentIndex(change.status_combo.findData(status))
        change.outcome_edit.setPlainText(outcome)
        change.save()
        assert change.result() == change.DialogCode.Accepted
    row = _cells(tab.table, 0)
    assert "closed" in row
    assert "Case opened" in row
    tab.table.selectRow(0)
    history = [tab.history.item(i).text() for i in range(tab.history.count())]
    assert [h.split(" · ")[1] for h in history] == ["sent", "acknowledged", "accepted", "closed"]

    # Across the vault: every status, and under "closed"; "under way" leaves it out.
    services.referrals.add(
        services.cases.create("RO-2026-0043", "Hostel").case_id,
        "Shelter Casa Lumina",
        date(2026, 3, 1),
    )
    window = ReferralsWindow(services.referrals)
    qtbot.addWidget(window)
    assert window.table.rowCount() == 2
    assert {_text(window.table, r, 0) for r in range(2)} == {"RO-2026-0042", "RO-2026-0043"}
    window.status_combo.setCurrentIndex(window.status_combo.findData("closed"))
    assert window.table.rowCount() == 1
    assert _text(window.table, 0, 0) == "RO-2026-0042"
    window.status_combo.setCurrentIndex(window.status_combo.findData("open"))
    assert [_text(window.table, r, 0) for r in range(window.table.rowCount())] == ["RO-2026-0043"]
    opened: list[str] = []
    window.open_case.connect(opened.append)
    window.table.selectRow(0)
    window.open_button.click()
    assert opened == [services.cases.by_reference("RO-2026-0043").case_id]

    # In the audit screen, in words, with the case's reference.
    audit = AuditLogView(session.vault)
    qtbot.addWidget(audit)
    audit.refresh()
    rows = [
        (_text(audit.table, r, 3), _text(audit.table, r, 4)) for r in range(audit.table.rowCount())
    ]
    assert ("Referral recorded", "RO-2026-0042") in rows
    assert rows.count(("Referral status changed", "RO-2026-0042")) == 3
    referral = services.referrals.for_case(case.case_id)[0]
    assert referral.status is ReferralStatus.CLOSED


def test_a_viewer_sees_referrals_without_buttons(qtbot, tmp_path, qapp) -> None:
    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-0050", "Case")
    intake.referrals.add(case.case_id, "Police", date(2026, 3, 1))
    vault.add_user("vic", "viewer passphrase 1", role="viewer", kdf=CHEAP_KDF)
    vault.lock()
    viewer = Vault.unlock(tmp_path / "v", "vic", "viewer passphrase 1")
    session = Session(clock=FakeClock())
    session.open(viewer)
    try:
        view = CaseWorkspace(session.services, case.case_id, lambda _text: None)
        qtbot.addWidget(view)
        assert view.referrals.table.rowCount() == 1
        assert not view.referrals.add_button.isVisibleTo(view)
        assert not view.tasks.form.isVisibleTo(view)
    finally:
        session.lock()
