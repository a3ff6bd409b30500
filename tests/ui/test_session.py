from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import PASSPHRASE
from ui.session import Session
from vault import Vault
from vault.errors import VaultLockedError


def _open_session(vault_path, clock, **kwargs) -> Session:
    session = Session(clock=clock, idle_seconds=300, tick_ms=10, **kwargs)
    session.open(Vault.unlock(vault_path, "ana", PASSPHRASE))
    return session


def test_idle_timer_locks_after_the_timeout(qtbot, vault_path, made_vault, clock):
    session = _open_session(vault_path, clock)
    clock.advance(299)
    session.check_idle()
    assert session.is_unlocked
    clock.advance(2)
    with qtbot.waitSignal(session.locked, timeout=2000) as blocker:
        pass  # the 10 ms tick notices by itself
    assert blocker.args == ["idle"]
    assert not session.is_unlocked
    with pytest.raises(VaultLockedError):
        _ = session.vault
    # Locking wrote a checkpoint and released the vault: it unlocks again.
    Vault.unlock(vault_path, "ana", PASSPHRASE).lock()


def test_activity_postpones_the_idle_lock(qtbot, vault_path, made_vault, clock):
    session = _open_session(vault_path, clock)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(session)
    try:
        clock.advance(250)
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        session.eventFilter(session, event)
        clock.advance(250)
        session.check_idle()
        assert session.is_unlocked
    finally:
        app.removeEventFilter(session)
        session.lock()


def test_idle_timeout_is_configurable(qtbot, vault_path, made_vault, clock):
    session = _open_session(vault_path, clock)
    session.set_idle_seconds(60)
    clock.advance(61)
    session.check_idle()
    assert not session.is_unlocked


def test_clipboard_is_cleared_after_copying_protected_data(qtbot, vault_path, made_vault, clock):
    session = _open_session(vault_path, clock, clipboard_clear_ms=50)
    session.copy_protected("Olena Kovalenko")
    assert QGuiApplication.clipboard().text() == "Olena Kovalenko"
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=3000)
    session.lock()


def test_clipboard_is_left_alone_if_the_user_copied_something_else(
    qtbot, vault_path, made_vault, clock
):
    session = _open_session(vault_path, clock)
    session.copy_protected("Olena Kovalenko")
    QGuiApplication.clipboard().setText("shopping list")
    session.lock()
    assert QGuiApplication.clipboard().text() == "shopping list"


def test_lock_clears_protected_clipboard(qtbot, vault_path, made_vault, clock):
    session = _open_session(vault_path, clock)
    session.copy_protected("+40 712 345 678")
    session.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_lock_cancels_vault_jobs_and_drops_their_outcome(qtbot, vault_path, made_vault, clock):
    import threading

    from vault.errors import OperationCancelledError

    session = _open_session(vault_path, clock)
    started = threading.Event()
    outcomes: list[str] = []

    def work(report, cancel):
        started.set()
        cancel.wait(5)
        raise OperationCancelledError()

    job = session.operations.run(work, name="test-lock", reads_vault=True)
    job.success(lambda _r: outcomes.append("succeeded"))
    job.failure(lambda _e: outcomes.append("failed"))
    job.on_cancelled(lambda: outcomes.append("cancelled"))
    assert started.wait(5)
    with qtbot.waitSignal(job.finished, timeout=5000):
        session.lock()
    assert outcomes == []  # no callback runs against the locked vault
    assert job.outcome == "abandoned"
