"""The real flow, driven through the widgets: create a vault, a case, consent, an interview and
a statement (autosaved), finalise it, add evidence with progress, idle-lock, unlock."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from intake import open_intake
from intake.models import Acquisition, RecipientCategory
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.main_window import MainWindow
from ui.onboarding.create_vault_dialog import CreateVaultDialog
from ui.session import Session
from ui.workspace import Workspace
from vault import Vault


def _create_through_wizard(qtbot, window: MainWindow) -> None:
    wizard = window.start()
    assert isinstance(wizard, CreateVaultDialog)
    wizard.next()
    wizard.identity_page.user_edit.setText("ana")
    wizard.identity_page.org_edit.setText("Asociația Exemplu")
    wizard.next()
    wizard.passphrase_page.pass_edit.setText(PASSPHRASE)
    wizard.passphrase_page.confirm_edit.setText(PASSPHRASE)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10_000)
    wizard.recovery_page.stored_check.setChecked(True)
    with qtbot.waitSignal(window.session.unlocked, timeout=5000):
        wizard.accept()


def test_the_whole_intake_flow(qtbot, settings, vault_path, clock, tmp_path):
    session = Session(clock=clock, tick_ms=20)
    window = MainWindow(session, settings, vault_path, kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    window.show()
    _create_through_wizard(qtbot, window)
    workspace = window.workspace
    assert isinstance(workspace, Workspace)

    # A case.
    dialog = workspace.open_new_case()
    dialog.reference_edit.setText("RO-2026-0042")
    dialog.title_edit.setText("Recrutare pentru muncă agricolă, Constanța")
    dialog.accept()
    view = workspace.case_view
    assert view is not None
    assert "RO-2026-0042" in view.title.text()
    assert workspace.case_list.list.count() == 1

    # A person, and consent for police and prosecutor.
    people = view.people
    from ui.people.add_person_dialog import AddPersonDialog

    add = AddPersonDialog(people._people, view.case_id, people)
    add.pseudonym_edit.setText("Olena")
    add.identity_box.setChecked(True)
    add.legal_name_edit.setText("Олена Коваленко")
    add.contact_edit.setText("+40 712 345 678")
    add.accept()
    people.refresh()
    assert people.table.rowCount() == 1
    people.table.selectRow(0)
    assert people.reveal_button.isEnabled()
    revealed = people.reveal(people._persons[0].person_id, "preparing the police referral")
    assert revealed.name_label.text() == "Олена Коваленко"
    revealed.copy_button.click()
    assert QGuiApplication.clipboard().text() == "+40 712 345 678"
    revealed.close()

    view.tabs.setCurrentWidget(view.consent)
    consent = view.consent.open_dialog(withdraw=False)
    consent.person_combo.setCurrentIndex(1)
    consent.scope_checks[RecipientCategory.POLICE].setChecked(True)
    consent.scope_checks[RecipientCategory.PROSECUTOR].setChecked(True)
    consent.accept()
    assert consent.result_consent is not None
    assert view.consent.table.rowCount() == 1
    assert view.consent.withdraw_button.isEnabled()

    # An interview and a statement, typed into the editor and autosaved.
    statements = view.statements
    view.tabs.setCurrentWidget(statements)
    interview = statements.open_new_interview()
    interview.person_combo.setCurrentIndex(1)
    interview.location_edit.setText("Biroul ONG, București")
    interview.interpreter_edit.setText("Iryna (interpreter)")
    interview.accept()
    assert statements.interview_list.count() == 1
    new = statements.open_new_statement()
    new.title_edit.setText("Заява Олени")
    new.person_combo.setCurrentIndex(1)
    new.accept()
    editor = statements.editor
    assert editor is not None
    editor.editor.setFocus()
    # QTest types ASCII only; Cyrillic arrives as an input method would insert it.
    qtbot.keyClicks(editor.editor, "Olena: ")
    editor.editor.insertPlainText("Мене звуть Олена. ")
    # The first keystroke wrote the rolling draft; the rest waits for the autosave interval.
    assert editor.pending
    assert "Editing" in editor.autosave_label.text()
    clock.advance(3)
    with qtbot.waitSignal(editor.saved, timeout=3000):
        pass  # the editor's own timer ticks the draft
    assert not editor.pending
    assert "Saved" in editor.autosave_label.text()
    editor.editor.appendPlainText("У лютому я побачила оголошення в Telegram.")
    editor.record_readback("Read back in Ukrainian by the interpreter; no corrections.")
    statement = editor.finalise()
    assert statement.finalised
    assert statement.text.startswith("Olena: Мене звуть Олена.")
    assert "Telegram" in statement.text
    assert editor.editor.isReadOnly()
    assert editor.addendum_button.isVisible()
    addendum = editor.open_addendum()
    addendum.reason_edit.setText("date corrected")
    addendum.text_edit.setPlainText("Оголошення було на початку березня.")
    addendum.accept()
    assert "Addendum 1" in editor.addenda.toPlainText()
    history = editor.open_history()
    # Typing makes one rolling draft; the read-back made it the one revision that was finalised.
    assert history.list.count() == 1
    history.close()

    # Evidence, with progress, in a worker.
    source = tmp_path / "chat.txt"
    source.write_text("Vasile: pașapoartele rămân la mine.\n" * 60_000, encoding="utf-8")
    view.tabs.setCurrentWidget(view.evidence)
    progress: list[tuple[int, int]] = []
    job = view.evidence.start_ingest(
        [source], Acquisition(acquired_by="ana", method="handed over on USB")
    )
    job.on_progress(lambda done, total: progress.append((done, total)))
    assert view.evidence.progress.isVisible()
    with qtbot.waitSignal(job.succeeded, timeout=20_000):
        pass
    assert progress
    assert progress[-1][0] == progress[-1][1] == source.stat().st_size
    assert view.evidence.table.rowCount() == 1
    assert view.evidence.details.fields["label"].text().startswith("E-0001")
    preview_job = view.evidence.preview.load()
    with qtbot.waitSignal(preview_job.finished, timeout=10_000):
        pass
    assert view.evidence.preview.text.toPlainText().startswith("Vasile: pașapoartele")
    assert not view.evidence.progress.isVisible()

    # Idle: the controllable clock passes five minutes and the vault locks itself.
    clock.advance(5 * 60 + 1)
    with qtbot.waitSignal(session.locked, timeout=3000) as blocker:
        pass
    assert blocker.args == ["idle"]
    assert window.workspace is None
    assert QGuiApplication.clipboard().text() == ""
    assert QApplication.activeModalWidget() is None

    # Unlock again: everything is still there.
    unlock = window.open_unlock()
    unlock.pass_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(session.unlocked, timeout=10_000):
        unlock.unlock_button.click()
    intake = open_intake(session.vault)
    case = intake.cases.by_reference("RO-2026-0042")
    (stored,) = intake.statements.list_for_case(case.case_id)
    assert stored.finalised
    assert intake.statements.verify_final(stored.statement_id)
    assert len(intake.evidence.list_for_case(case.case_id)) == 1
    actions = {e.action for e in session.vault.audit_entries(limit=1000)}
    assert "person.identity_revealed" in actions or any("reveal" in a for a in actions)
    session.lock()
    Vault.unlock(vault_path, "ana", PASSPHRASE).lock()
