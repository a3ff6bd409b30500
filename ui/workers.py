"""Background jobs: core functions run on a thread pool and report through Qt signals.

The core stays free of Qt (as in dangerzone): a long operation is a plain function taking
``progress(done, total)`` and a cancel :class:`threading.Event`. :class:`Job` runs it on a pool
thread and re-emits what happens as signals on the UI thread, with Anki-style chaining::

    Job(lambda progress, cancel: vault.ingest_file(path, progress=progress, cancel=cancel))
        .success(on_done).failure(on_error).on_progress(bar.update).start()

Every callback runs on the UI thread. Progress is throttled so that a 1 GiB ingest (a thousand
chunks) cannot flood the event loop.
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
    finished = Signal()  # after any of the three above

    def __init__(
        self,
        fn: JobFn,
        *,
        name: str = "job",
        min_interval: float = 0.05,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fn = fn
        self.name = name
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

    # UI thread -----------------------------------------------------------------------------

    @Slot(object, object)
    def _on_progress(self, done: object, total: object) -> None:
        if self._running:
            self.progress.emit(done, total)

    @Slot(str, object)
    def _on_done(self, outcome: str, payload: object) -> None:
        self._running = False
        try:
            if outcome == "succeeded":
                self.succeeded.emit(payload)
            elif outcome == "cancelled":
                self.cancelled.emit()
            else:
                self.failed.emit(payload)
        finally:
            self.finished.emit()
            _RUNNING.discard(self)


def run_job(fn: JobFn, *, name: str = "job", parent: QObject | None = None) -> Job:
    """Create and start a job in one call."""
    return Job(fn, name=name, parent=parent).start()
