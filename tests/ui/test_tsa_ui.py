"""Trusted time in the app (DESIGN §6.3): an administrator sets the timestamp authority, and the
requests that waited while offline are sent after unlock in the background, stopped by a lock."""

from __future__ import annotations

import threading
import time

import pytest

from exports import tsa_store
from tests.exports.tsa_local import LocalTsa
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE, FakeClock
from ui.main_window import MainWindow
from ui.operations import operations
from ui.session import Session
from ui.tsa.timestamp_queue import JOB_NAME
from ui.tsa.trusted_time_dialog import TrustedTimeDialog
from vault import Vault


@pytest.fixture(scope="module")
def tsa(tmp_path_factory: pytest.TempPathFactory):
    server = LocalTsa(tmp_path_factory.mktemp("tsa"))
    yield server
    server.stop()


def _window(qtbot, settings, path) -> MainWindow:
    session = Session(clock=FakeClock())
    main = MainWindow(session, settings, path, kdf=CHEAP_KDF)
    qtbot.addWidget(main)
    return main


def _unlock(qtbot, main: MainWindow) -> None:
    vault = Vault.unlock(main.vault_path, "ana", PASSPHRASE)
    with qtbot.waitSignal(main.session.unlocked):
        main.session.open(vault)


def _queued_vault(path, url: str) -> int:
    """A vault whose TSA is ``url`` and whose checkpoints since then wait; returns how many."""
    vault, _ = Vault.create(path, "ana", PASSPHRASE, kdf=CHEAP_KDF)
    tsa_store.set_tsa_url(vault, url)
    vault.checkpoint("vault.checkpoint", {"reason": "test"})
    waiting = len(tsa_store.pending(vault))
    vault.lock()  # the lock's own checkpoint waits too
    return waiting + 1


def _waiting(path) -> int:
    vault = Vault.unlock(path, "ana", PASSPHRASE)
    try:
        return len(tsa_store.pending(vault))
    finally:
        vault.lock()


def test_an_administrator_sets_and_turns_off_the_timestamp_authority(qtbot, settings, tmp_path):
    path = tmp_path / "v"
    Vault.create(path, "ana", PASSPHRASE, kdf=CHEAP_KDF)[0].lock()
    main = _window(qtbot, settings, path)
    assert not main.trusted_time_action.isEnabled()
    _unlock(qtbot, main)
    try:
        assert main.trusted_time_action.isEnabled()
        dialog = main.open_trusted_time()
        assert isinstance(dialog, TrustedTimeDialog)
        assert dialog.manages
        assert dialog.save_button is not None
        assert dialog.off_button is not None
        assert dialog.url_edit.text() == ""
        assert not dialog.save_button.isEnabled()
        assert not dialog.off_button.isEnabled()  # nothing to turn off
        dialog.url_edit.setText("ftp://tsa.example.org/")
        assert not dialog.save_button.isEnabled()
        assert dialog.message.text()
        assert dialog.save() is None
        url = "https://tsa.example.org/rfc3161"
        dialog.url_edit.setText(url)
        assert dialog.message.text() == ""
        assert dialog.save_button.isEnabled()
        job = dialog.save()
        assert job is not None
        assert job.name == "set-tsa"
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
        assert dialog.message.property("verdict") == "ok"
        vault = main.session.vault
        assert tsa_store.tsa_url(vault) == url
        configured = vault.audit_entries(action_prefix="tsa.configured")
        assert [(e.actor, e.details["url"]) for e in configured] == [("ana", url)]
        assert not dialog.save_button.isEnabled()  # stored: nothing new to save
        assert dialog.off_button.isEnabled()
        job = dialog.save("")
        assert job is not None
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
        assert tsa_store.tsa_url(vault) == ""
        assert [e.actor for e in vault.audit_entries(action_prefix="tsa.removed")] == ["ana"]
        assert dialog.url_edit.text() == ""
    finally:
        main.session.lock()


def test_waiting_requests_are_sent_after_unlock_in_the_background(qtbot, settings, tmp_path, tsa):
    path = tmp_path / "v"
    tsa.stop()  # away while the vault was last used: its checkpoints queue
    try:
        queued = _queued_vault(path, tsa.url)
    finally:
        tsa.start()
    assert queued >= 1
    before = tsa.requests
    main = _window(qtbot, settings, path)
    with qtbot.waitSignal(operations().started, timeout=10_000) as started:
        _unlock(qtbot, main)
    job = started.args[0]
    assert job.name == JOB_NAME
    assert job.reads_vault  # locking cancels it
    with qtbot.waitSignal(main.timestamps.waiting, timeout=20_000) as waiting:
        pass
    assert waiting.args == [0]
    assert main.tsa_status.text() == ""
    assert tsa.requests - before >= queued
    received = main.session.vault.audit_entries(action_prefix="timestamp.received")
    assert len(received) >= queued
    main.session.lock()


def test_a_tsa_that_does_not_answer_leaves_a_quiet_status_line(qtbot, settings, tmp_path, tsa):
    path = tmp_path / "v"
    tsa.stop()
    try:
        _queued_vault(path, tsa.url)
        main = _window(qtbot, settings, path)
        with qtbot.waitSignal(main.timestamps.waiting, timeout=20_000) as waiting:
            _unlock(qtbot, main)
        count = waiting.args[0]
        assert count >= 1
        # The English plural comes from en.po once the pending words are merged into it.
        assert main.tsa_status.text().startswith(f"{count} timestamp request")
        assert main.dialog is None  # no dialog interrupts the user
        main.session.lock()
        assert main.tsa_status.text() == ""
    finally:
        tsa.start()


class _Gate:
    """Holds the local TSA's answers until released, to catch a flush in the middle."""

    def __init__(self, stamper) -> None:
        self._stamper = stamper
        self.asked = threading.Event()
        self.release = threading.Event()

    def request_tsa_response(self, request):
        self.asked.set()
        self.release.wait(30)
        return self._stamper.request_tsa_response(request)


def test_locking_cancels_the_flush_at_once(qtbot, settings, tmp_path, tsa):
    path = tmp_path / "v"
    tsa.stop()
    try:
        queued = _queued_vault(path, tsa.url)
    finally:
        tsa.start()
    gate = _Gate(tsa.stamper)
    tsa.stamper = gate
    try:
        main = _window(qtbot, settings, path)
        with qtbot.waitSignal(operations().started, timeout=10_000) as started:
            _unlock(qtbot, main)
        job = started.args[0]
        assert job.name == JOB_NAME
        qtbot.waitUntil(gate.asked.is_set, timeout=10_000)  # a request is on the wire
        assert job.is_running
        began = time.monotonic()
        with qtbot.waitSignal(job.finished, timeout=10_000):
            main.session.lock()
        assert time.monotonic() - began < 5  # not the TSA's 10 s timeout, nor the gate's 30 s
        assert job.outcome == "abandoned"
        assert main.timestamps.job is None
        assert main.tsa_status.text() == ""
    finally:
        gate.release.set()
        tsa.stamper = gate._stamper
    # Nothing was stored from the abandoned request: everything still waits (and the lock's
    # own checkpoint besides).
    assert _waiting(path) >= queued
