"""Sending the vault's waiting timestamp requests after unlock, in the background.

A TSA that is away or slow must never hold the window: the flush runs through the operations
layer, each request (up to ten seconds) waits on its own thread while the job watches for a
cancel, so locking stops it at once instead of after the network gives up. Failure is quiet: the
requests stay queued in the vault, and :attr:`TimestampQueue.waiting` tells how many.

Everything, even reading the setting, happens on the job's thread: the timestamp code brings
pyHanko, which takes most of a second to import, and the first window after unlock must not wait.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ui.operations import operations
from ui.workers import Job, ProgressFn
from vault import roles
from vault.errors import OperationCancelledError

if TYPE_CHECKING:
    from vault import Vault

log = logging.getLogger(__name__)

JOB_NAME = "timestamp-flush"
POLL_SECONDS = 0.05


Requester = Callable[[str, bytes], bytes]  # exports.tsa_store.Requester, without the import


@dataclass(frozen=True)
class Flushed:
    """What a flush did: requests sent now, requests still waiting."""

    sent: int
    waiting: int


def cancellable(request: Requester, cancel: threading.Event) -> Requester:
    """``request`` run on a thread of its own, given up (not waited for) when ``cancel`` is set.

    The abandoned request only talks to the TSA; its answer, if any, is dropped and the vault is
    never touched by it, so the vault can lock while it is still on the wire.
    """

    def send(url: str, digest: bytes) -> bytes:
        if cancel.is_set():
            raise OperationCancelledError()
        answer: list[bytes] = []
        problem: list[BaseException] = []
        done = threading.Event()

        def call() -> None:
            try:
                answer.append(request(url, digest))
            except BaseException as exc:  # noqa: BLE001 - handed back to the job's thread
                problem.append(exc)
            finally:
                done.set()

        threading.Thread(target=call, name="tsa-request", daemon=True).start()
        while not done.wait(POLL_SECONDS):
            if cancel.is_set():
                raise OperationCancelledError()
        if problem:
            raise problem[0]
        return answer[0]

    return send


class TimestampQueue(QObject):
    """Flushes the queue of an unlocked vault; says how many requests still wait."""

    waiting = Signal(int)  # requests still queued after a flush (0 when all were sent)

    def __init__(self, parent: QObject | None = None, *, request: Requester | None = None) -> None:
        super().__init__(parent)
        self._request = request
        self.job: Job | None = None

    def flush(self, vault: Vault) -> Job | None:
        """Send what waits, if a TSA is set; None when nothing can be sent by this user."""
        # A viewer's session records nothing (the core would send nothing either).
        if self.job is not None or not vault.may(roles.CASE_WORK):
            return None
        chosen = self._request

        def work(_p: ProgressFn, cancel: threading.Event) -> Flushed:
            from exports import timestamp, tsa_store

            if not tsa_store.tsa_url(vault):
                return Flushed(0, 0)
            queued = len(tsa_store.pending(vault))
            if not queued:
                return Flushed(0, 0)
            log.info("flushing %d timestamp request(s)", queued)
            request = cancellable(chosen or timestamp.request_token, cancel)
            try:
                result = tsa_store.flush(vault, request=request)
            except OperationCancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - quiet: the requests stay queued
                log.info("timestamp flush failed: %s", getattr(exc, "code", type(exc).__name__))
                return Flushed(0, queued)
            return Flushed(result.sent, result.waiting)

        job = operations().run(work, name=JOB_NAME, reads_vault=True, parent=self)
        self.job = job
        job.success(self._flushed)
        job.on_finished(self._finished)
        return job

    def _flushed(self, result: object) -> None:
        assert isinstance(result, Flushed)
        if result.waiting:
            log.info("%d timestamp request(s) still waiting", result.waiting)
        self.waiting.emit(result.waiting)

    def _finished(self) -> None:
        self.job = None
