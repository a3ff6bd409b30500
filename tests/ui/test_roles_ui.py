"""Roles in the app (DESIGN §6.4): what a viewer is offered, and an administrator managing users
through the users dialog (each change a signed ledger entry, the last administrator kept)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import CHEAP_KDF, PASSPHRASE, FakeClock
from ui.errors import message_for_code
from ui.main_window import MainWindow
from ui.operations import operations
from ui.session import Session
from ui.users.users_dialog import UsersDialog
from ui.workspace import Workspace
from vault import Vault

OTHER = "lantern orchard pebble harbour"


def _cell(table, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return str(item.text())


@pytest.fixture
def vault_with_users(tmp_path):
    """ana administers; vera views; carl does case work. Locked; yields the path."""
    path = tmp_path / "v"
    vault, _ = Vault.create(path, "ana", PASSPHRASE, kdf=CHEAP_KDF)
    vault.add_user("vera", OTHER, role="viewer", kdf=CHEAP_KDF)
    vault.add_user("carl", OTHER, role="caseworker", kdf=CHEAP_KDF)
    vault.lock()
    return path


def _window(qtbot, settings, path, user: str, passphrase: str) -> MainWindow:
    session = Session(clock=FakeClock())
    main = MainWindow(session, settings, path, kdf=CHEAP_KDF)
    qtbot.addWidget(main)
    vault = Vault.unlock(path, user, passphrase)
    with qtbot.waitSignal(session.unlocked):
        session.open(vault)
    return main


def _workspace(main: MainWindow) -> Workspace:
    assert isinstance(main.workspace, Workspace)
    return main.workspace


def _open_a_case(main: MainWindow, case_id: str):
    view = _workspace(main).open_case(case_id)
    assert view is not None
    return view


@pytest.fixture
def case_id(vault_with_users):
    from intake import open_intake

    vault = Vault.unlock(vault_with_users, "ana", PASSPHRASE)
    case = open_intake(vault).cases.create("C-1", "Exemplu", jurisdiction="RO")
    vault.lock()
    return case.case_id


def test_a_viewer_is_offered_no_export_edit_or_legal_hold(
    qtbot, settings, vault_with_users, case_id
):
    main = _window(qtbot, settings, vault_with_users, "vera", OTHER)
    try:
        assert main.session.vault.role == "viewer"
        assert not main.backup_action.isEnabled()
        view = _open_a_case(main, case_id)
        assert view.export_button.isHidden()
        assert not view.overview.hold_check.isEnabled()
        assert view.overview.edit_button.isHidden()
        assert not main.reminder.isVisible()  # no backup reminder they could not act on
        tree = view.overview.indicator_tree
        first = tree.topLevelItem(0).child(0)
        assert not first.flags() & Qt.ItemFlag.ItemIsUserCheckable
        assert view.people.add_button.isHidden()
        assert not view.people.reveal_button.isHidden()  # reading (audited) stays
        assert _workspace(main).case_list.new_button.isHidden()
        users = main.open_users()
        assert isinstance(users, UsersDialog)
        assert users.add_button.isHidden()
        assert users.remove_button.isHidden()
        assert not users.notice.isHidden()
        tsa = main.open_trusted_time()
        assert tsa is not None
        assert tsa.url_edit.isReadOnly()
        assert tsa.save_button is None
    finally:
        main.session.lock()


def test_a_caseworker_exports_but_holds_nothing(qtbot, settings, vault_with_users, case_id):
    main = _window(qtbot, settings, vault_with_users, "carl", OTHER)
    try:
        view = _open_a_case(main, case_id)
        assert not view.export_button.isHidden()
        assert not view.overview.hold_check.isEnabled()
        edit = view.overview.open_edit()
        assert not edit.retention_check.isEnabled()
        edit.title_edit.setText("Exemplu, redenumit")
        edit.accept()  # the untouched retention date is not written (it would be refused)
        assert edit.result() == edit.DialogCode.Accepted
        assert main.session.vault.audit_entries(action_prefix="case.retention_set") == []
    finally:
        main.session.lock()


def test_an_administrator_changes_a_role_and_the_ledger_records_it(
    qtbot, settings, vault_with_users
):
    main = _window(qtbot, settings, vault_with_users, "ana", PASSPHRASE)
    try:
        dialog = main.open_users()
        assert isinstance(dialog, UsersDialog)
        names = [_cell(dialog.table, row, 0) for row in range(dialog.table.rowCount())]
        assert names == ["ana", "carl", "vera"]
        assert [_cell(dialog.table, r, 1) for r in range(3)] == [
            "Administrator",
            "Caseworker",
            "Viewer",
        ]
        dialog.select_user("vera")
        assert dialog.role_combo.currentData() == "viewer"
        assert not dialog.role_button.isEnabled()  # nothing to change yet
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("caseworker"))
        assert dialog.role_button.isEnabled()
        with qtbot.waitSignal(operations().changed, timeout=10_000):
            job = dialog.change_role()
        assert job is not None
        assert job.name == "set-role"
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
        assert _cell(dialog.table, 2, 1) == "Caseworker"
        assert dialog.selected is not None
        assert dialog.selected.name == "vera"
        vault = main.session.vault
        assert {u.name: u.role for u in vault.list_users()}["vera"] == "caseworker"
        entries = vault.audit_entries(action_prefix="user.role_changed")
        assert [(e.details["name"], e.details["role"], e.actor) for e in entries] == [
            ("vera", "caseworker", "ana")
        ]
    finally:
        main.session.lock()


def test_the_last_administrator_cannot_be_removed_or_demoted(qtbot, settings, vault_with_users):
    main = _window(qtbot, settings, vault_with_users, "ana", PASSPHRASE)
    try:
        dialog = main.open_users()
        assert isinstance(dialog, UsersDialog)
        dialog.select_user("ana")
        box = dialog.ask_remove()
        assert isinstance(box, QMessageBox)
        assert "ana" in box.text()
        remove = next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
        )
        remove.click()  # confirmed
        qtbot.waitUntil(lambda: dialog.job is None and bool(dialog.message.text()), timeout=10_000)
        sentence = message_for_code("vault.last_administrator")
        assert dialog.message.text() == sentence
        assert dialog.message.property("verdict") == "bad"
        dialog.select_user("ana")
        job = dialog.change_role("viewer")
        assert job is not None
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
        assert dialog.message.text() == sentence
        vault = main.session.vault
        assert {u.name: u.role for u in vault.list_users()}["ana"] == "administrator"
        assert vault.audit_entries(action_prefix="user.removed") == []
    finally:
        main.session.lock()


def test_removing_a_user_asks_first_and_is_recorded(qtbot, settings, vault_with_users):
    main = _window(qtbot, settings, vault_with_users, "ana", PASSPHRASE)
    try:
        dialog = main.open_users()
        assert isinstance(dialog, UsersDialog)
        dialog.select_user("carl")
        box = dialog.ask_remove()
        assert box is not None
        keep = next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole
        )
        keep.click()
        assert dialog.job is None
        assert dialog.table.rowCount() == 3
        job = dialog.remove_user("carl")
        assert job is not None
        assert job.name == "remove-user"
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
        assert [_cell(dialog.table, r, 0) for r in range(dialog.table.rowCount())] == [
            "ana",
            "vera",
        ]
        assert [
            e.details["name"]
            for e in main.session.vault.audit_entries(action_prefix="user.removed")
        ] == ["carl"]
    finally:
        main.session.lock()
    assert "carl" not in Vault.users(vault_with_users)
