"""Tasks and deadlines in the app (the case's tab, the due-soon panel after unlock, the calendar
export) and retention (the erase screen, the command line)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from exports.address_book import AddressBook, make_entry
from intake import open_intake
from intake.errors import CaseNotFoundError
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE, FakeClock
from tests.ui.test_cli import custodia
from tests.ui.test_main_window import _unlock, _window
from ui.cases.case_workspace import CaseWorkspace
from ui.retention.retention_dialog import RetentionDialog
from ui.session import Session
from ui.tasks import open_retention, open_tasks
from ui.tasks.tasks_dialog import TasksDialog
from ui.workspace import Workspace
from vault import Vault

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
TODAY = NOW.astimezone().date()


def _text(table, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return str(item.text())


@pytest.fixture
def session(tmp_path, qapp):
    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF, clock=lambda: NOW)
    session = Session(clock=FakeClock())
    session.open(vault)
    yield session
    if session.is_unlocked:
        session.lock()


def test_case_tab_adds_a_court_date_and_marks_it_done(qtbot, session) -> None:
    services = session.services
    case = services.cases.create("RO-2026-0042", "Farm work")
    services.referrals.add(case.case_id, "Police", TODAY, follow_up_on=TODAY + timedelta(days=2))
    view = CaseWorkspace(services, case.case_id, lambda _text: None)
    qtbot.addWidget(view)
    tab = view.tasks
    assert tab.table.rowCount() == 1  # the referral's follow-up, derived
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData("court_date"))
    tab.day_field.set_value(TODAY + timedelta(days=5))
    tab.time_check.setChecked(True)
    tab.note_edit.setText("Hearing at the tribunal")
    tab.add_task()
    assert tab.message.text() == ""
    assert tab.table.rowCount() == 2
    texts = [_text(tab.table, 1, c) for c in range(tab.table.columnCount())]
    assert texts[1] == "Court date"
    assert texts[0].endswith("10:00")
    assert _text(tab.table, 0, 2) == "Follow up the referral to Police"
    tab.table.selectRow(0)
    assert not tab.done_button.isEnabled()  # a derived date changes where it comes from
    tab.table.selectRow(1)
    tab.toggle_done()
    assert tab.table.rowCount() == 1
    tab.show_done.setChecked(True)
    assert tab.table.rowCount() == 2


def test_due_soon_after_unlock_lists_a_court_date_within_seven_days(
    qtbot, settings, vault_path, made_vault, clock
) -> None:
    vault = Vault.unlock(vault_path, "ana", PASSPHRASE)
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-0077", "Court soon")
    today = datetime.now(UTC).astimezone().date()
    intake.tasks.add(case.case_id, "court_date", today + timedelta(days=4), due_time=time(9))
    intake.tasks.add(case.case_id, "other", today + timedelta(days=20))
    vault.lock()
    window = _window(qtbot, settings, vault_path, clock)
    assert not window.due_soon.isVisible()
    _unlock(qtbot, window)
    panel = window.due_soon
    assert panel.isVisible()
    assert [(t.case_reference, t.kind.value) for t in panel.tasks] == [
        ("RO-2026-0077", "court_date")
    ]
    assert _text(panel.table, 0, 1) == "RO-2026-0077"
    assert _text(panel.table, 0, 2) == "Court date"
    assert "due within 7 days" in panel.title.text()
    panel.all_button.click()
    assert isinstance(window.dialog, TasksDialog)
    window.dialog.close()
    panel.dismiss_button.click()
    assert not panel.isVisible()
    window.session.lock("manual")
    assert panel.tasks == []
    assert panel.table.rowCount() == 0


def test_calendar_export_from_the_tasks_screen(qtbot, session, tmp_path) -> None:
    services = session.services
    case = services.cases.create("RO-2026-0042", "Farm work")
    services.tasks.add(case.case_id, "court_date", TODAY + timedelta(days=3), note="Olena")
    dialog = TasksDialog(services.tasks, TODAY, 7)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    target = tmp_path / "tasks.ics"
    assert dialog.export_calendar(target) == 1
    data = target.read_bytes()
    assert b"Olena" not in data
    assert target.stat().st_mode & 0o077 == 0
    events = list(Calendar.from_ical(data).walk("VEVENT"))
    assert str(events[0]["SUMMARY"]) == "RO-2026-0042 · Court date"
    assert session.vault.audit_entries(action_prefix="export.calendar")


def test_retention_screen_erases_only_what_is_due_and_not_held(qtbot, session) -> None:
    services = session.services
    old = services.cases.create("RO-2018-0001", "Old")
    held = services.cases.create("RO-2018-0002", "Held")
    services.cases.create("RO-2026-0003", "Current")
    for case in (old, held):
        services.cases.set_retention(case.case_id, TODAY - timedelta(days=30))
    services.cases.set_legal_hold(held.case_id, True, "court order")
    dialog = RetentionDialog(services.erasure, TODAY)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.form.isVisibleTo(dialog)
    erased: list[str] = []
    dialog.case_erased.connect(erased.append)

    dialog.select("RO-2018-0002")
    dialog.reason_edit.setText("retention over")
    dialog.confirm_edit.setText("RO-2018-0002")
    assert not dialog.erase_button.isEnabled()
    assert "legal hold" in dialog.message.text()

    dialog.select("RO-2018-0001")
    dialog.confirm_edit.setText("RO-2018-000")
    assert not dialog.erase_button.isEnabled()  # the reference, typed again in full
    dialog.confirm_edit.setText("ro-2018-0001")
    assert dialog.erase_button.isEnabled()
    assert dialog.erase()
    assert erased == [old.case_id]
    with pytest.raises(CaseNotFoundError):
        services.cases.get(old.case_id)
    assert dialog.table.rowCount() == 1
    assert dialog.erased.count() == 1
    assert dialog.erased.item(0).text().startswith("RO-2018-0001 · erased")


def test_menu_entries_open_and_erasing_closes_the_case_view(
    qtbot, settings, vault_path, tmp_path, clock
) -> None:
    vault, _ = Vault.create(vault_path, "ana", PASSPHRASE, kdf=CHEAP_KDF)
    intake = open_intake(vault)
    case = intake.cases.create("RO-2018-0009", "Old")
    intake.cases.set_retention(case.case_id, date(2020, 1, 1))
    vault.lock()
    window = _window(qtbot, settings, vault_path, clock)
    _unlock(qtbot, window)
    workspace = window.workspace
    assert isinstance(workspace, Workspace)
    workspace.open_case(case.case_id)
    assert workspace.case_view is not None
    dialog = open_retention(window)
    assert isinstance(dialog, RetentionDialog)
    dialog.select("RO-2018-0009")
    dialog.reason_edit.setText("retention over")
    dialog.confirm_edit.setText("RO-2018-0009")
    assert dialog.erase()
    assert workspace.case_view is None
    assert open_tasks(window) is not None


def test_referrals_tasks_and_erasure_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "vault"
    vault, _ = Vault.create(path, "ana", PASSPHRASE, kdf=CHEAP_KDF)
    intake = open_intake(vault)
    case = intake.cases.create("RO-2019-0005", "Old")
    AddressBook(vault).put(make_entry("DIICOT Constanța", "prosecutor"))
    intake.tasks.add(case.case_id, "court_date", date.today() + timedelta(days=2), note="Olena")
    vault.lock()
    logs = tmp_path / "logs"
    unlock = ("--passphrase-stdin",)

    def run(*args: str):
        result = custodia(*args, *unlock, stdin=PASSPHRASE + "\n", log_dir=logs)
        return result

    added = run(
        "referral",
        "add",
        str(path),
        "--case",
        "RO-2019-0005",
        "--to",
        "DIICOT Constanța",
        "--on",
        "2026-03-02",
        "--reason",
        "statement",
        "--follow-up",
        "2026-03-20",
    )
    assert added.returncode == 0, added.stderr
    referral_id = added.stdout.split()[1]
    updated = run(
        "referral",
        "update",
        str(path),
        referral_id,
        "--status",
        "closed",
        "--outcome",
        "case opened",
    )
    assert updated.returncode == 0, updated.stderr
    listed = run("referral", "list", str(path), "--case", "RO-2019-0005")
    assert "closed" in listed.stdout
    assert "case opened" in listed.stdout
    ics = tmp_path / "out.ics"
    written = run("tasks", str(path), "--due-within", "7", "--ics", str(ics))
    assert written.returncode == 0, written.stderr
    assert b"Olena" not in ics.read_bytes()
    assert b"RO-2019-0005" in ics.read_bytes()
    early = run("case", "erase", str(path), "--case", "RO-2019-0005", "--reason", "over")
    assert early.returncode != 0
    assert "retention date has not passed" in early.stderr
    vault = Vault.unlock(path, "ana", PASSPHRASE)
    open_intake(vault).cases.set_retention(case.case_id, date(2020, 1, 1))
    vault.lock()
    due = run("retention", str(path))
    assert "RO-2019-0005" in due.stdout
    erased = run("case", "erase", str(path), "--case", "RO-2019-0005", "--reason", "over")
    assert erased.returncode == 0, erased.stderr
    assert "RO-2019-0005 erased" in erased.stdout
