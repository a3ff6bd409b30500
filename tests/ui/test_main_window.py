from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.main_window import MainWindow
from ui.onboarding.create_vault_dialog import CreateVaultDialog
from ui.session import Session
from ui.unlock.unlock_dialog import UnlockDialog
from vault import Vault


def _window(qtbot, settings, vault_path, clock) -> MainWindow:
    session = Session(clock=clock, tick_ms=10)
    window = MainWindow(session, settings, vault_path, kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    window.show()
    _activate(qtbot, window)
    return window


def _activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def _unlock(qtbot, window) -> None:
    dialog = window.open_unlock()
    assert isinstance(dialog, UnlockDialog)
    dialog.pass_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        dialog.unlock_button.click()


def test_ctrl_l_locks_and_clears_the_workspace(qtbot, settings, vault_path, made_vault, clock):
    window = _window(qtbot, settings, vault_path, clock)
    assert window.stack.currentWidget() is window.locked_view
    _unlock(qtbot, window)
    assert window.workspace is not None
    assert window.stack.currentWidget() is window.workspace
    assert settings.last_user == "ana"
    _activate(qtbot, window)
    with qtbot.waitSignal(window.session.locked, timeout=2000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace is None
    assert window.stack.currentWidget() is window.locked_view
    assert window.stack.count() == 1


def test_idle_lock_then_unlock_again(qtbot, settings, vault_path, made_vault, clock):
    window = _window(qtbot, settings, vault_path, clock)
    _unlock(qtbot, window)
    clock.advance(5 * 60 + 1)
    with qtbot.waitSignal(window.session.locked, timeout=2000) as blocker:
        pass
    assert blocker.args == ["idle"]
    assert "without activity" in window.locked_view.reason_label.text()
    _unlock(qtbot, window)
    assert window.session.is_unlocked
    window.session.lock()


def test_first_run_opens_the_wizard_and_lands_in_the_workspace(qtbot, settings, vault_path, clock):
    window = _window(qtbot, settings, vault_path, clock)
    assert window.locked_view.create_button.isVisibleTo(window)
    wizard = window.start()
    assert isinstance(wizard, CreateVaultDialog)
    wizard.next()
    wizard.identity_page.user_edit.setText("ana")
    wizard.next()
    wizard.passphrase_page.pass_edit.setText(PASSPHRASE)
    wizard.passphrase_page.confirm_edit.setText(PASSPHRASE)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10_000)
    wizard.recovery_page.stored_check.setChecked(True)
    with qtbot.waitSignal(window.session.unlocked, timeout=2000):
        wizard.accept()
    assert window.workspace is not None
    assert settings.last_vault == vault_path
    window.session.lock()
    assert Vault.users(vault_path) == ["ana"]


def test_settings_switch_language_and_idle_time(qtbot, settings, vault_path, made_vault, clock):
    from ui.i18n import set_language

    window = _window(qtbot, settings, vault_path, clock)
    _unlock(qtbot, window)
    dialog = window.open_settings()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ro"))
    dialog.idle_spin.setValue(2)
    try:
        dialog.accept()
        assert settings.language == "ro"
        assert window.session.idle_seconds == 120
        assert window.menuBar().actions()[0].text() == "&Seif"
        assert window.workspace is not None
    finally:
        set_language("en")
    window.session.lock()


def test_app_starts_offscreen_with_nothing_on_stderr(tmp_path: Path):
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
    )
    (tmp_path / "run").mkdir(mode=0o700)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from ui.app import main; sys.exit(main(['--smoke-test']))",
        ],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert result.stderr == b""


def test_recovery_key_unlock_offers_a_new_passphrase(
    qtbot, settings, vault_path, made_vault, clock
):
    from ui.unlock.reset_passphrase_dialog import ResetPassphraseDialog

    window = _window(qtbot, settings, vault_path, clock)
    dialog = window.open_unlock()
    dialog.recovery_mode.setChecked(True)
    dialog.recovery_edit.setText(made_vault)
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        dialog.unlock_button.click()
    reset = window.dialog
    assert isinstance(reset, ResetPassphraseDialog)
    reset.pass_edit.setText("new violet harbour kettle")
    reset.confirm_edit.setText("new violet harbour")
    assert reset.save() is None  # the confirmation differs
    reset.confirm_edit.setText("new violet harbour kettle")
    job = reset.save()
    assert job is not None
    with qtbot.waitSignal(reset.accepted, timeout=10_000):
        pass
    window.session.lock()
    Vault.unlock(vault_path, "ana", "new violet harbour kettle").lock()
