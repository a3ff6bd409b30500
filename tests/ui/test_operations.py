"""The operations layer: every long job runs through it, locking cancels vault jobs and drops
their outcomes, a failure after cancel is a cancellation, and views follow data changes."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from exports.model import Profile, RecipientKind
from intake import open_intake
from intake.demo import build_demo
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from tests.ui.test_onboarding import _walk_to_passphrase
from ui.audit.audit_log_view import AuditLogView
from ui.backup.backup_dialog import BackupDialog
from ui.backup.check_backup_dialog import CheckBackupDialog
from ui.backup.restore_dialog import RestoreDialog
from ui.cases.case_workspace import CaseWorkspace
from ui.evidence.evidence_tab import EvidenceTab
from ui.exports.export_wizard import ExportWizard
from ui.exports.verify_window import VerifyWindow
from ui.job_panel import JobPanel
from ui.main_window import MainWindow
from ui.onboarding.create_vault_dialog import CreateVaultDialog
from ui.operations import ENTITIES, PEOPLE, STATEMENTS, operations
from ui.session import Session
from ui.unlock.reset_passphrase_dialog import ResetPassphraseDialog
from ui.unlock.unlock_dialog import UnlockDialog
from ui.users.add_user_dialog import AddUserDialog
from ui.users.change_passphrase_dialog import ChangePassphraseDialog
from ui.workers import Job
from ui.workspace import Workspace
from vault import Vault
from vault.errors import CustodiaError

NEW_PASSPHRASE = "violet harbour lantern quietly"

LONG_JOBS = {
    "backup",
    "check-backup",
    "restore",
    "export",
    "verify-bundle",
    "ingest",
    "reverify",
    "preview",
    "verify-audit",
    "change-passphrase",
    "reset-passphrase",
    "add-user",
    "create-vault",
    "unlock",
}


@pytest.fixture
def started() -> Iterator[list[str]]:
    """Names of the jobs the layer starts during one test."""
    names: list[str] = []

    def record(job: Job) -> None:
        names.append(job.name)

    operations().started.connect(record)
    yield names
    operations().started.disconnect(record)


def _finish(qtbot, job: Job | None, timeout: int = 60_000) -> Job:
    assert job is not None
    if job.is_running:
        with qtbot.waitSignal(job.finished, timeout=timeout):
            pass
    return job


def test_every_long_job_runs_through_the_operations_layer(qtbot, tmp_path, started):
    vault, _key = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF, role="lawyer")
    intake = open_intake(vault)
    case_id = build_demo(intake)

    tab = EvidenceTab(intake.evidence, intake.custody, intake.people, case_id, "ana")
    qtbot.addWidget(tab)
    note = tmp_path / "note.txt"
    note.write_text("Vasile: pașapoartele", encoding="utf-8")
    _finish(qtbot, tab.start_ingest([note]))
    _finish(qtbot, tab.reverify())
    _finish(qtbot, tab.preview.load())

    audit = AuditLogView(vault)
    qtbot.addWidget(audit)
    _finish(qtbot, audit.verify())

    wizard = ExportWizard(intake, case_id)
    qtbot.addWidget(wizard)
    wizard.set_choice(RecipientKind.COURT, Profile.COURT)
    wizard.folder_radio.setChecked(True)
    wizard.dest_edit.setText(str(tmp_path / "bundle"))
    _finish(qtbot, wizard.start_export())
    assert wizard.export_result is not None
    window = VerifyWindow()
    qtbot.addWidget(window)
    _finish(qtbot, window.verify(tmp_path / "bundle"))
    assert window.verdict is not None
    assert window.verdict.ok

    backup_dialog = BackupDialog(vault, folder=tmp_path / "usb")
    qtbot.addWidget(backup_dialog)
    _finish(qtbot, backup_dialog.start_backup())
    assert backup_dialog.report is not None
    check = CheckBackupDialog(folder=tmp_path / "usb")
    qtbot.addWidget(check)
    _finish(qtbot, check.start_check())
    assert check.check is not None
    assert check.check.ok
    restore = RestoreDialog(backup_folder=tmp_path / "usb", target=tmp_path / "restored")
    qtbot.addWidget(restore)
    _finish(qtbot, restore.start_restore())
    assert restore.note is not None

    add = AddUserDialog(vault, kdf=CHEAP_KDF)
    qtbot.addWidget(add)
    add.user_edit.setText("bogdan")
    add.pass_edit.setText(NEW_PASSPHRASE)
    add.confirm_edit.setText(NEW_PASSPHRASE)
    _finish(qtbot, add.save())
    change = ChangePassphraseDialog(vault)
    qtbot.addWidget(change)
    change.current_edit.setText(PASSPHRASE)
    change.pass_edit.setText(NEW_PASSPHRASE)
    change.confirm_edit.setText(NEW_PASSPHRASE)
    _finish(qtbot, change.save())
    reset = ResetPassphraseDialog(vault)
    qtbot.addWidget(reset)
    reset.pass_edit.setText(PASSPHRASE)
    reset.confirm_edit.setText(PASSPHRASE)
    _finish(qtbot, reset.save())
    vault.lock()

    unlock = UnlockDialog(tmp_path / "v", last_user="ana")
    qtbot.addWidget(unlock)
    unlock.pass_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(unlock.accepted, timeout=10_000):
        unlock.attempt()
    assert unlock.vault is not None
    unlock.vault.lock()

    create = CreateVaultDialog(tmp_path / "new", kdf=CHEAP_KDF)
    qtbot.addWidget(create)
    page = _walk_to_passphrase(qtbot, create)
    page.pass_edit.setText(PASSPHRASE)
    page.confirm_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(page.created, timeout=10_000):
        create.next()
    assert create.vault is not None
    create.vault.lock()

    assert LONG_JOBS <= set(started), LONG_JOBS - set(started)
    assert not any(job.name in LONG_JOBS for job in operations().running)


def test_lock_cancels_preview_and_audit_verify_and_drops_their_callbacks(qtbot, tmp_path, settings):
    path = tmp_path / "v"
    vault, _ = Vault.create(path, "ana", PASSPHRASE, kdf=CHEAP_KDF, role="lawyer")
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-0300", "Lock")
    note = tmp_path / "note.txt"
    note.write_text("minibus CT 00 XYZ\n" * 50_000, encoding="utf-8")
    intake.evidence.ingest_many(case.case_id, [note])
    vault.lock()
    session = Session()
    window = MainWindow(session, settings, path, kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    session.open(Vault.unlock(path, "ana", PASSPHRASE))
    workspace = window.workspace
    assert isinstance(workspace, Workspace)
    view = workspace.open_case(case.case_id)
    assert view is not None
    preview = view.evidence.preview.load()
    audit = workspace.audit_view.verify()
    assert preview is not None
    assert audit is not None
    ran: list[str] = []

    def record(what: str) -> None:
        ran.append(what)

    for job in (preview, audit):
        job.success(lambda _r: record("succeeded"))
        job.failure(lambda _e: record("failed"))
        job.on_cancelled(lambda: record("cancelled"))
    with qtbot.waitSignals([preview.finished, audit.finished], timeout=30_000):
        session.lock("manual")
        # The lock waited for both workers: neither still reads the vault.
        assert preview.wait(0)
        assert audit.wait(0)
    assert ran == []
    assert preview.outcome == audit.outcome == "abandoned"
    assert not session.is_unlocked


def test_a_failure_after_cancel_shows_as_cancelled(qtbot, tmp_path):
    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF, role="lawyer")
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-0301", "Cancel")
    tab = EvidenceTab(intake.evidence, intake.custody, intake.people, case.case_id, "ana")
    qtbot.addWidget(tab)
    failed: list[BaseException] = []
    job = tab.start_ingest([tmp_path / "gone.jpg"])  # fails: the file is not there
    job.failure(failed.append)
    assert job.wait(10)  # the failure is on its way to the UI thread...
    tab.cancel_ingest()  # ...when the user cancels
    _finish(qtbot, job)
    assert failed == []
    assert job.outcome == "cancelled"
    assert tab.status.text().startswith("Cancelled")
    assert tab.status.property("verdict") == ""
    vault.lock()


def test_the_panel_reports_a_cancel_that_surfaced_as_an_error(qtbot):
    panel = JobPanel(progress_name="Work")
    qtbot.addWidget(panel)
    begun = threading.Event()

    def work(_progress, cancel: threading.Event) -> None:
        begun.set()
        cancel.wait(5)
        raise CustodiaError("stream closed under the reader")

    job = operations().run(work, name="test-cancel")
    panel.follow(job, cancelled="Stopped.")
    assert begun.wait(5)
    panel.cancel_button.click()
    _finish(qtbot, job, timeout=10_000)
    assert panel.result.text() == "Stopped."
    assert panel.result.property("verdict") == ""
    assert not panel.progress.isVisible()


def _case_in_window(qtbot, tmp_path, settings) -> tuple[Session, Workspace, CaseWorkspace, str]:
    """An unlocked main window with a new empty case open: (session, workspace, view, case id)."""
    path = tmp_path / "v"
    vault, _ = Vault.create(path, "ana", PASSPHRASE, kdf=CHEAP_KDF, role="lawyer")
    case = open_intake(vault).cases.create("RO-2026-0302", "Refresh")
    vault.lock()
    session = Session()
    window = MainWindow(session, settings, path, kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    session.open(Vault.unlock(path, "ana", PASSPHRASE))
    workspace = window.workspace
    assert isinstance(workspace, Workspace)
    view = workspace.open_case(case.case_id)
    assert view is not None
    return session, workspace, view, case.case_id


def test_views_refresh_on_a_change_without_switching_tabs(qtbot, tmp_path, settings):
    session, workspace, view, case_id = _case_in_window(qtbot, tmp_path, settings)
    view.tabs.setCurrentWidget(view.evidence)
    audit_rows = workspace.audit_view.table.rowCount()

    # An operation: the audit log (another workspace tab) shows the ingest at once.
    note = tmp_path / "note.txt"
    note.write_text("minibus", encoding="utf-8")
    with qtbot.waitSignal(operations().changed, timeout=10_000):
        view.evidence.start_ingest([note])
    assert workspace.tabs.currentIndex() == 0
    assert workspace.audit_view.table.rowCount() > audit_rows
    assert view.evidence.table.rowCount() == 1

    # An edit made elsewhere: the people and consent tabs show the new person, unvisited.
    from intake.models import PersonRole

    services = session.services
    services.people.add(case_id, PersonRole.WITNESS, "Witness Z")
    operations().notify(PEOPLE)
    assert view.tabs.currentWidget() is view.evidence
    assert view.people.table.rowCount() == 1
    first = view.people.table.item(0, 0)
    assert first is not None
    assert "Witness Z" in first.text()
    session.lock("manual")


def test_a_view_of_a_locked_vault_ignores_changes(qtbot, tmp_path):
    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF, role="lawyer")
    view = AuditLogView(vault)
    qtbot.addWidget(view)
    rows = view.table.rowCount()
    vault.lock()
    operations().notify(PEOPLE)  # would raise "vault locked" if the view refreshed
    assert view.table.rowCount() == rows


def test_statements_and_entities_refresh_on_a_change_and_autosave_stays_quiet(
    qtbot, tmp_path, settings
):
    session, _workspace, view, case_id = _case_in_window(qtbot, tmp_path, settings)
    view.tabs.setCurrentWidget(view.overview)
    services = session.services

    # Made elsewhere (an import, another window): both tabs show it without being visited.
    statement = services.statements.create(case_id, kind="verbatim", language="uk")
    operations().notify(STATEMENTS)
    assert view.statements.statement_list.count() == 1
    services.entities.add(case_id, "phone", "+40 712 345 678")
    operations().notify(ENTITIES)
    assert view.entities.table.rowCount() == 1

    # Typing autosaves revisions but tells no view: a draft is not a change to show.
    seen: list[object] = []
    operations().changed.connect(seen.append)
    editor = view.statements.open_statement(statement.statement_id)
    editor.editor.setPlainText("They took our passports at the border.")
    editor.flush()
    assert services.statements.get(statement.statement_id).revision >= 1
    assert seen == []
    # Finalising is a change: the list says "final" at once.
    editor.finalise()
    assert seen == [frozenset({STATEMENTS})]
    item = view.statements.statement_list.item(0)
    assert item is not None
    assert "final" in item.text()
    operations().changed.disconnect(seen.append)
    session.lock("manual")
