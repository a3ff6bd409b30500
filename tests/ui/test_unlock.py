from __future__ import annotations

from tests.ui.conftest import PASSPHRASE
from ui.unlock.unlock_dialog import UnlockDialog, default_delay


def _dialog(qtbot, vault_path, **kwargs) -> UnlockDialog:
    dlg = UnlockDialog(vault_path, last_user="ana", **kwargs)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_default_delay_grows():
    assert default_delay(1) == 0
    assert default_delay(2) == 0
    assert 0 < default_delay(3) < default_delay(4) < default_delay(5) <= 60


def test_unlock_with_passphrase(qtbot, vault_path, made_vault):
    dlg = _dialog(qtbot, vault_path)
    assert dlg.user == "ana"
    dlg.pass_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(dlg.accepted, timeout=10_000):
        dlg.unlock_button.click()
    assert dlg.vault is not None
    assert dlg.vault.actor == "ana"
    assert dlg.pass_edit.text() == ""
    assert dlg.vault is not None
    dlg.vault.lock()


def test_wrong_passphrase_is_said_plainly_and_delays_grow(qtbot, vault_path, made_vault):
    dlg = _dialog(qtbot, vault_path, delay_policy=lambda n: 1 if n >= 2 else 0, tick_ms=20)
    dlg.pass_edit.setText("not the passphrase")
    dlg.unlock_button.click()
    qtbot.waitUntil(lambda: dlg.failures == 1, timeout=10_000)
    assert "Wrong passphrase" in dlg.message.text()
    assert dlg.unlock_button.isEnabled()
    dlg.unlock_button.click()
    qtbot.waitUntil(lambda: dlg.failures == 2, timeout=10_000)
    assert dlg.waiting
    assert not dlg.unlock_button.isEnabled()
    dlg.attempt()  # refused while waiting
    assert dlg.failures == 2
    qtbot.waitUntil(lambda: dlg.unlock_button.isEnabled(), timeout=5000)
    dlg.pass_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(dlg.accepted, timeout=10_000):
        dlg.unlock_button.click()
    assert dlg.vault is not None
    dlg.vault.lock()


def test_recovery_key_unlocks(qtbot, vault_path, made_vault):
    dlg = _dialog(qtbot, vault_path)
    dlg.recovery_mode.setChecked(True)
    assert dlg.pages.currentIndex() == 1
    dlg.recovery_edit.setText("AAAA-BBBB")
    dlg.unlock_button.click()
    qtbot.waitUntil(lambda: dlg.failures == 1, timeout=5000)
    assert "32 letters" in dlg.message.text()
    dlg.recovery_edit.setText(made_vault.lower().replace("-", " "))
    with qtbot.waitSignal(dlg.accepted, timeout=10_000):
        dlg.unlock_button.click()
    assert dlg.vault is not None
    assert dlg.vault.actor == "recovery key"
    assert dlg.vault is not None
    dlg.vault.lock()


def test_missing_vault_is_reported(qtbot, tmp_path):
    dlg = _dialog(qtbot, tmp_path / "nowhere")
    assert "No vault" in dlg.message.text()
    assert not dlg.unlock_button.isEnabled()
