"""Reads the text of evidence files ingested before issue 16 (or whose reading failed) into the
search index, in the background after each unlock, through the operations layer.

A lock stops it between two items (each item is its own transaction, so nothing is half done);
the next unlock carries on with what is left.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ui.operations import EVIDENCE, operations
from ui.workers import Job, ProgressFn

if TYPE_CHECKING:
    from vault import Vault

log = logging.getLogger(__name__)

JOB_NAME = "read-evidence-text"


class EvidenceTextReader(QObject):
    """Starts the background reading; ``done`` carries how many items were read."""

    done = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job: Job | None = None

    def start(self, vault: Vault) -> Job | None:
        """Read what waits; None when nothing waits or a reading already runs."""
        if self.job is not None:
            return None
        from intake.search import SearchService  # on use: it is not needed to show a window

        search = SearchService(vault)
        if not search.pending():
            return None

        def work(progress: ProgressFn, cancel: threading.Event) -> int:
            outcomes = search.extract_pending(progress, cancel)
            return sum(outcomes.values())

        job = operations().run(
            work, name=JOB_NAME, reads_vault=True, changes=(EVIDENCE,), parent=self
        )
        self.job = job
        job.success(lambda count: self.done.emit(int(count)))
        job.on_finished(self._finished)
        return job

    def _finished(self) -> None:
        self.job = None
