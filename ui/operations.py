"""The one way the desktop app runs vault work in the background (after Anki's CollectionOp).

Every long job (backup, export, ingest, verification, a passphrase change, a preview…) is
started here::

    operations().run(work, name="ingest", reads_vault=True, changes={"evidence"}, parent=self)

The layer keeps a registry of running jobs and the names of those started (tests read it), and
at lock :meth:`Operations.cancel_all` cancels every job that reads the vault, waits for their
threads to let go of it and drops their outcomes, so that no callback touches a locked vault.
After an operation that changes the vault, and after an edit made on the UI thread
(:meth:`Operations.notify`), ``changed(kinds)`` tells views to refresh what they show.

The core stays free of Qt: it exposes ``fn(progress, cancel)``; :class:`ui.workers.Job` turns
that into signals.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ui.workers import Job, JobFn

log = logging.getLogger(__name__)

HISTORY = 200
LOCK_WAIT_SECONDS = 30.0

# Kinds of vault data a change may touch; views refresh on the kinds they show.
CASES = "cases"
PEOPLE = "people"
CONSENT = "consent"
STATEMENTS = "statements"
EVIDENCE = "evidence"
CUSTODY = "custody"
ENTITIES = "entities"
USERS = "users"
BACKUPS = "backups"


class Operations(QObject):
    """Starts, tracks and reports background jobs; tells views when vault data changed."""

    started = Signal(object)  # the Job
    changed = Signal(object)  # frozenset[str] of kinds (see the constants above)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: list[Job] = []
        self.history: deque[str] = deque(maxlen=HISTORY)  # names of jobs started, oldest first

    # Starting ------------------------------------------------------------------------------

    def run(
        self,
        fn: JobFn,
        *,
        name: str,
        reads_vault: bool = False,
        changes: Iterable[str] = (),
        parent: QObject | None = None,
    ) -> Job:
        """Create, register and start a job; connect its callbacks before the event loop runs."""
        job = Job(fn, name=name, reads_vault=reads_vault, changes=frozenset(changes), parent=parent)
        return self.start(job)

    def start(self, job: Job) -> Job:
        """Register and start a job built elsewhere (a wizard page's creator, a test)."""
        self._running.append(job)
        self.history.append(job.name)
        job.finished.connect(lambda: self._finished(job))
        log.info("job %s started", job.name)
        self.started.emit(job)
        return job.start()

    def _finished(self, job: Job) -> None:
        if job in self._running:
            self._running.remove(job)
        # Cancelled and failed jobs may have changed the vault too (files ingested before the
        # cancel, a refused export's audit entry); an abandoned one ran against a locked vault.
        if job.changes and job.outcome in ("succeeded", "failed", "cancelled"):
            self.changed.emit(job.changes)

    # Tracking ------------------------------------------------------------------------------

    @property
    def running(self) -> list[Job]:
        return list(self._running)

    def started_names(self) -> list[str]:
        return list(self.history)

    # Locking -------------------------------------------------------------------------------

    def cancel_all(self, *, timeout: float = LOCK_WAIT_SECONDS) -> list[Job]:
        """Cancel every job that reads the vault, drop their outcomes, wait for their threads.

        Called before the vault closes: a pool thread still reading it would meet a closed
        database, and a callback would show data of a vault that is locked.
        """
        jobs = [job for job in self._running if job.reads_vault and job.is_running]
        for job in jobs:
            job.abandon()
        deadline = time.monotonic() + timeout
        for job in jobs:
            if not job.wait(max(0.0, deadline - time.monotonic())):
                log.warning("job %s still running when the vault locked", job.name)
        if jobs:
            log.info("lock cancelled %d job(s)", len(jobs))
        return jobs

    # Changes -------------------------------------------------------------------------------

    def notify(self, *kinds: str) -> None:
        """An edit made on the UI thread changed these kinds of data."""
        if kinds:
            self.changed.emit(frozenset(kinds))


_instance: Operations | None = None


def operations() -> Operations:
    """The application's operations layer (one per QApplication)."""
    global _instance
    if _instance is None:
        # Parented to the application so that it lives exactly as long as Qt does.
        _instance = Operations(QCoreApplication.instance())
        _instance.destroyed.connect(_forget)
    return _instance


def _forget() -> None:
    global _instance
    _instance = None


class ChangeListener(QObject):
    """Refreshes a view when data of the kinds it shows changed (any kind when none is named).

    A child of the view: it goes when the view goes, and with it the connection. A view of a
    vault that has locked is only waiting to be destroyed, so it is left alone.
    """

    def __init__(
        self,
        view: QObject,
        kinds: Iterable[str],
        refresh: Callable[[], object],
        *,
        vault_open: Callable[[], bool],
    ) -> None:
        super().__init__(view)
        self._kinds = frozenset(kinds)
        self._refresh = refresh
        self._vault_open = vault_open
        operations().changed.connect(self._changed)

    def _changed(self, kinds: frozenset[str]) -> None:
        if self._kinds and not kinds & self._kinds:
            return
        if not self._vault_open():
            return
        self._refresh()
