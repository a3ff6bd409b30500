"""The Users dialog, adding a user, changing one's own passphrase, remembering in the keyring."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from tests.ui.conftest import CHEAP_KDF, PASSPHRASE, FakeClock
from ui.errors import message_for_code
from ui.main_window import MainWindow
from ui.session import Session
from ui.users.change_passphrase_dialog import ChangePassphraseDialog
from ui.users.users_dialog import UsersDialog
from vault import Vault
from vault.errors import WrongPassphraseError

NEW_USER_PASSPHRASE = "lantern orchard pebble harbour"
NEW_PASSPHRASE = "quiet meadow copper violin"


def _cell(table, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return str(item.text())


@pytest.fixture
def window(qtbot, tmp_path, settings):
    vault_path = tmp_path / "v"
    vault, _ = Vault.create(vault_path, "ana", PASSPHRASE, kdf=CHEAP_KDF, role="lawyer")
    session = Session(clock=FakeClock())
    main = MainWindow(
        session,
        settings,
        vault_path,
        kdf=CHEAP_KDF,
        workspace_factory=lambda _s, parent: QWidget(parent),
    )
    qtbot.addWidget(main)
    assert not main.users_action.isEnabled()
    assert not main.change_passphrase_action.isEnabled()
    session.open(vault)
    yield main
    session.lock()


def test_users_listed_and_added(qtbot, window):
    assert window.users_action.isEnabled()
    dialog = window.open_users()
    assert isinstance(dialog, UsersDialog)
    assert dialog.table.rowCount() == 1
    assert _cell(dialog.table, 0, 0) == "ana"
    assert _cell(dialog.table, 0, 1) == "Administrator"  # the creator administers the vault
    add = dialog.open_add_user()
    ok = add.buttons.button(add.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    add.user_edit.setText("Ion Popescu")
    assert add.role == "caseworker"  # the default: most people added do case work
    add.role_combo.setCurrentIndex(add.role_combo.findData("viewer"))
    add.org_edit.setText("Asociația Exemplu")
    add.pass_edit.setText(NEW_USER_PASSPHRASE)
    add.confirm_edit.setText("something else entirely")
    assert not ok.isEnabled()
    assert add.message.text()
    add.confirm_edit.setText(NEW_USER_PASSPHRASE)
    assert ok.isEnabled()
    with qtbot.waitSignal(add.accepted, timeout=10_000):
        add.save()
    assert add.pass_edit.text() == ""  # the passphrase does not linger in the widget
    assert dialog.table.rowCount() == 2
    rows = {_cell(dialog.table, r, 0): _cell(dialog.table, r, 1) for r in range(2)}
    assert rows == {"ana": "Administrator", "Ion Popescu": "Viewer"}
    added = [u for u in window.session.vault.list_users() if u.name == "Ion Popescu"]
    assert [(u.role, u.organisation) for u in added] == [("viewer", "Asociația Exemplu")]
    path = window.session.vault.path
    window.session.lock()
    Vault.unlock(path, "Ion Popescu", NEW_USER_PASSPHRASE).lock()


def test_adding_an_existing_user_says_so(qtbot, window):
    dialog = window.open_users()
    add = dialog.open_add_user()
    add.user_edit.setText("ana")
    add.pass_edit.setText(NEW_USER_PASSPHRASE)
    add.confirm_edit.setText(NEW_USER_PASSPHRASE)
    job = add.save()
    assert job is not None
    qtbot.waitUntil(lambda: add.job is None, timeout=10_000)
    assert add.message.text() == message_for_code("vault.user_exists")
    assert add.isVisible()


def test_keyring_unavailable_is_explained(window):
    dialog = window.open_users()
    assert not dialog.keyring_check.isChecked()
    dialog.keyring_check.setChecked(True)  # the tests' keyring is the failing backend
    assert not dialog.keyring_check.isChecked()
    assert dialog.message.text() == message_for_code("vault.keyring_unavailable")
    assert not window.session.vault.header.slots_of("keyring")


def test_keyring_remembered_and_forgotten(window, memory_keyring):
    dialog = window.open_users()
    dialog.keyring_check.setChecked(True)
    slots = window.session.vault.header.slots_of("keyring")
    assert [slot.user for slot in slots] == ["ana"]
    assert dialog.message.text()
    assert UsersDialog(window.session.vault, kdf=CHEAP_KDF).keyring_check.isChecked()
    dialog.keyring_check.setChecked(False)
    assert not window.session.vault.header.slots_of("keyring")


def test_change_passphrase_checks_the_current_one(qtbot, window):
    assert window.change_passphrase_action.isEnabled()
    dialog = window.open_change_passphrase()
    assert isinstance(dialog, ChangePassphraseDialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.current_edit.setText("not my passphrase at all")
    dialog.pass_edit.setText(NEW_PASSPHRASE)
    dialog.confirm_edit.setText(NEW_PASSPHRASE)
    assert ok.isEnabled()
    assert dialog.save() is not None
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    assert dialog.message.text() == message_for_code(WrongPassphraseError.code)
    assert dialog.isVisible()
    dialog.current_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    path = window.session.vault.path
    window.session.lock()
    with pytest.raises(WrongPassphraseError):
        Vault.unlock(path, "ana", PASSPHRASE)
    Vault.unlock(path, "ana", NEW_PASSPHRASE).lock()
