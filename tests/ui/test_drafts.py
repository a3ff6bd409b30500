"""Locking never loses typed work: open forms are kept as encrypted drafts and offered back, and
the user returns to the same case, tab and selection (after a lock and after a language switch).
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QApplication

from intake import open_intake
from intake.models import PersonRole
from tests.reliability.helpers import files_under, find_markers
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.cases.drafts_dialog import DraftsDialog
from ui.consent.consent_dialog import ConsentDialog
from ui.main_window import MainWindow
from ui.people.add_person_dialog import AddPersonDialog
from ui.session import Session
from ui.statements.interview_dialog import InterviewDialog
from ui.workspace import Workspace
from vault import Vault

T = TypeVar("T")


def _seed(vault_path: Path) -> dict[str, str]:
    vault = Vault.unlock(vault_path, "ana", PASSPHRASE)
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-0007", "Drafts")
    other = intake.cases.create("RO-2026-0008", "Another")
    first = intake.people.add(case.case_id, PersonRole.SURVIVOR, "Olena")
    second = intake.people.add(case.case_id, PersonRole.WITNESS, "Martor B")
    vault.lock()
    return {
        "case": case.case_id,
        "other": other.case_id,
        "first": first.person_id,
        "second": second.person_id,
    }


def _unlock(qtbot, window: MainWindow) -> None:
    dialog = window.open_unlock()
    dialog.pass_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        dialog.unlock_button.click()


def _window(qtbot, settings, vault_path, clock) -> MainWindow:
    session = Session(clock=clock, tick_ms=20)
    window = MainWindow(session, settings, vault_path, kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    window.show()
    _unlock(qtbot, window)
    return window


def _open_windows(kind: type[T]) -> list[T]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_auto_lock_keeps_three_open_forms_and_offers_them_back(
    qtbot, settings, vault_path, made_vault, clock
):
    ids = _seed(vault_path)
    marker = "Drf" + secrets.token_hex(10)
    window = _window(qtbot, settings, vault_path, clock)
    workspace = window.workspace
    assert isinstance(workspace, Workspace)
    view = workspace.open_case(ids["case"])
    assert view is not None

    add = view.people.open_add()
    qtbot.keyClicks(add.pseudonym_edit, f"Witness {marker}")
    add.notes_edit.setPlainText(f"met at the shelter, {marker}")
    add.identity_box.setChecked(True)
    add.legal_name_edit.setText(f"Олена {marker}")
    consent = view.consent.open_dialog(withdraw=False)
    consent.person_combo.setCurrentIndex(consent.person_combo.findData(ids["second"]))
    consent.interpreter_edit.setText(f"Iryna {marker}")
    interview = view.statements.open_new_interview()
    interview.location_edit.setText(f"Biroul ONG {marker}")
    interview.notes_edit.setPlainText(f"notes {marker}")

    clock.advance(5 * 60 + 1)
    with qtbot.waitSignal(window.session.locked, timeout=3000) as blocker:
        pass
    assert blocker.args == ["idle"]
    assert window.session.drafts_kept == 3
    assert not _open_windows(AddPersonDialog)
    # What was typed is in the vault, encrypted: not in any file in the clear.
    assert not find_markers(files_under(vault_path), [marker])

    _unlock(qtbot, window)
    offered = window.drafts_dialog
    assert isinstance(offered, DraftsDialog)
    assert offered.list.count() == 3
    offered.reopen_checked()

    (add,) = _open_windows(AddPersonDialog)
    (consent,) = _open_windows(ConsentDialog)
    (interview,) = _open_windows(InterviewDialog)
    assert add.pseudonym_edit.text() == f"Witness {marker}"
    assert add.notes_edit.toPlainText() == f"met at the shelter, {marker}"
    assert add.identity_box.isChecked()
    assert add.legal_name_edit.text() == f"Олена {marker}"
    assert consent.person_combo.currentData() == ids["second"]
    assert consent.interpreter_edit.text() == f"Iryna {marker}"
    assert interview.location_edit.text() == f"Biroul ONG {marker}"
    assert interview.notes_edit.toPlainText() == f"notes {marker}"

    # Saving a reopened form uses its draft up; the others stay until saved or thrown away.
    add.accept()
    services = window.session.services
    assert len(services.drafts.list_mine()) == 2
    actions = [e.action for e in window.session.vault.audit_entries(action_prefix="draft.")]
    assert actions.count("draft.saved") == 3
    assert "draft.used" in actions
    for entry in window.session.vault.audit_entries(action_prefix="draft."):
        assert marker not in str(entry.details)  # the ledger names ids, never the text
    window.session.lock()
    assert not find_markers(files_under(vault_path), [marker])


def test_throwing_a_draft_away_is_explicit(qtbot, settings, vault_path, made_vault, clock):
    ids = _seed(vault_path)
    window = _window(qtbot, settings, vault_path, clock)
    assert isinstance(window.workspace, Workspace)
    view = window.workspace.open_case(ids["case"])
    assert view is not None
    add = view.people.open_add()
    add.pseudonym_edit.setText("Someone")
    untouched = view.consent.open_dialog(withdraw=False)
    assert untouched.draft_state() == {}  # opened, nothing typed: nothing to keep
    window.session.lock("manual")
    _unlock(qtbot, window)
    offered = window.drafts_dialog
    assert isinstance(offered, DraftsDialog)
    assert offered.list.count() == 1
    offered.reject()  # "Later": kept
    assert len(window.session.services.drafts.list_mine()) == 1
    window.session.lock("manual")
    _unlock(qtbot, window)
    offered = window.drafts_dialog
    assert isinstance(offered, DraftsDialog)
    offered.discard_checked()
    assert window.session.services.drafts.list_mine() == []
    assert window.session.vault.audit_entries(action_prefix="draft.discarded")
    window.session.lock()


def test_case_tab_and_selection_survive_lock_and_language_switch(
    qtbot, settings, vault_path, made_vault, clock
):
    ids = _seed(vault_path)
    window = _window(qtbot, settings, vault_path, clock)
    workspace = window.workspace
    assert isinstance(workspace, Workspace)
    workspace.case_list.select(ids["case"])
    view = workspace.case_view
    assert view is not None
    view.tabs.setCurrentWidget(view.people)
    view.people.select_person(ids["second"])

    def where(w: MainWindow) -> tuple[str | None, int, str | None]:
        ws = w.workspace
        assert isinstance(ws, Workspace)
        cv = ws.case_view
        assert cv is not None
        person = cv.people.selected_person()
        return cv.case_id, cv.tabs.currentIndex(), person.person_id if person else None

    expected = (ids["case"], 1, ids["second"])
    assert where(window) == expected
    window.session.lock("manual")
    _unlock(qtbot, window)
    assert where(window) == expected
    assert isinstance(window.workspace, Workspace)
    assert window.workspace.case_list.current_case_id() == ids["case"]

    # A form being typed in while the language changes comes back filled in, in the new language.
    view = window.workspace.case_view
    assert view is not None
    add = view.people.open_add()
    add.pseudonym_edit.setText("Martor C")
    try:
        settings.language = "ro"
        window.apply_settings()
        qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
        assert where(window) == expected
        (again,) = _open_windows(AddPersonDialog)
        assert again.pseudonym_edit.text() == "Martor C"
        assert again.windowTitle() != "Add person"
    finally:
        settings.language = "en"
        window.apply_settings()
    assert where(window) == expected
    window.session.lock()
