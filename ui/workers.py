"""Background jobs: core functions run on a thread pool and report through Qt signals.

The core stays free of Qt (as in dangerzone): a long operation is a plain function taking
``progress(done, total)`` and a cancel :class:`threading.Event`. :class:`Job` runs it on a pool
thread and re-emits what happens as signals on the UI thread, with Anki-style chaining::

    Job(lambda progress, cancel: vault.ingest_file(path, progress=progress, cancel=cancel))
        .success(on_done).failure(on_error).on_progress(bar.update).start()

Every callback runs on the UI thread. Progress is throttled so that a 1 GiB ingest (a thousand
chunks) cannot flood the event loop.

Widgets do not start jobs themselves: :mod:`ui.operations` starts, registers and cancels them.
Two rules live here, once for every job: a failure that arrives after cancel was requested is
reported as a cancellation (the core often notices the cancel as a broken read), and an
*abandoned* job (cancelled because the vault locked) reports no outcome at all, only
``finished``, so that no callback runs against a closed vault.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

from vault.errors import CustodiaError, OperationCancelledError

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
JobFn = Callable[[ProgressFn, threading.Event], Any]

# Jobs stay referenced until they finish, so that a caller may start one and forget it.
_RUNNING: set[Job] = set()


class _Relay(QObject):
    """Emitted from the pool thread; queued connections carry the calls to the UI thread."""

    progress = Signal(object, object)
    done = Signal(str, object)


class Job(QObject):
    """One background call of ``fn(progress, cancel)``."""

    progress = Signal(object, object)  # done, total (objects: sizes exceed 32 bits)
    succeeded = Signal(object)  # the function's result
    failed = Signal(object)  # the exception, for ui.errors.user_message
    cancelled = Signal()
    finished = Signal()  # after any of the three above, or alone for an abandoned job

    def __init__(
        self,
        fn: JobFn,
        *,
        name: str = "job",
        reads_vault: bool = False,
        changes: frozenset[str] = frozenset(),
        min_interval: float = 0.05,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fn = fn
        self.name = name
        self.reads_vault = reads_vault  # locking cancels it and waits for it
        self.changes = changes  # kinds of vault data it changes, for views to refresh
        self.outcome = ""  # "succeeded", "failed", "cancelled" or "abandoned" once finished
        self._abandoned = False
        self._thread_done = threading.Event()
        self._cancel = threading.Event()
        self._min_interval = min_interval
        self._last_report = 0.0
        self._running = False
        self._relay = _Relay()
        self._relay.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    # Chaining ------------------------------------------------------------------------------

    def success(self, callback: Callable[[Any], object]) -> Job:
        self.succeeded.connect(callback)
        return self

    def failure(self, callback: Callable[[BaseException], object]) -> Job:
        self.failed.connect(callback)
        return self

    def on_progress(self, callback: Callable[[int, int], object]) -> Job:
        self.progress.connect(callback)
        return self

    def on_cancelled(self, callback: Callable[[], object]) -> Job:
        self.cancelled.connect(callback)
        return self

    def on_finished(self, callback: Callable[[], object]) -> Job:
        self.finished.connect(callback)
        return self

    # Control -------------------------------------------------------------------------------

    def start(self, pool: QThreadPool | None = None) -> Job:
        self._running = True
        _RUNNING.add(self)
        (pool or QThreadPool.globalInstance()).start(self._run)
        return self

    def run_here(self) -> None:
        """Run synchronously on the calling thread (signals are still delivered queued)."""
        self._running = True
        _RUNNING.add(self)
        self._run()

    def cancel(self) -> None:
        self._cancel.set()

    def abandon(self) -> None:
        """Cancel and drop the outcome: the job's callbacks never run (the vault is locking)."""
        self._abandoned = True
        self._cancel.set()

    def wait(self, timeout: float) -> bool:
        """Block until the function has returned on its pool thread; False on timeout."""
        return self._thread_done.wait(timeout)

    @property
    def abandoned(self) -> bool:
        return self._abandoned

    @property
    def is_running(self) -> bool:
        return self._running

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    # Pool thread ---------------------------------------------------------------------------

    def _report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_report < self._min_interval:
            return
        self._last_report = now
        self._relay.progress.emit(done, total)

    def _run(self) -> None:
        try:
            if self._cancel.is_set():
                # Cancelled while queued behind other jobs: do not start the work at all.
                raise OperationCancelledError()
            result = self._fn(self._report, self._cancel)
        except OperationCancelledError:
            self._relay.done.emit("cancelled", None)
        except CustodiaError as exc:
            log.info("job %s failed: %s", self.name, exc.code)
            self._relay.done.emit("failed", exc)
        except Exception as exc:  # noqa: BLE001 - a worker reports every failure
            # Type only: an exception's text may carry user content.
            log.error("job %s failed unexpectedly: %s", self.name, type(exc).__name__)
            self._relay.done.emit("failed", exc)
        else:
            self._relay.done.emit("succeeded", result)
        finally:
            self._thread_done.set()

    # UI thread -----------------------------------------------------------------------------

    @Slot(object, object)
    def _on_progress(self, done: object, total: object) -> None:
        if self._running and not self._abandoned:
            self.progress.emit(done, total)

    @Slot(str, object)
    def _on_done(self, outcome: str, payload: object) -> None:
        self._running = False
        if self._abandoned:
            outcome = "abandoned"
        elif outcome == "failed" and self._cancel.is_set():
            # Cancelling often surfaces as an error (a closed stream, a half-written file):
            # the user asked to stop, so it is a cancellation, not a failure to report.
            log.info("job %s failed after cancel: reported as cancelled", self.name)
            outcome = "cancelled"
        self.outcome = outcome
        try:
            if outcome == "succeeded":
                self.succeeded.emit(payload)
            elif outcome == "cancelled":
                self.cancelled.emit()
            elif outcome == "failed":
                self.failed.emit(payload)
        finally:
            self.finished.emit()
            _RUNNING.discard(self)
