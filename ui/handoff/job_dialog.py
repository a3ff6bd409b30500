"""What the import and transfer dialogs share: one job, its progress, its end and its cancel.

A form above a progress bar and a status line; a start button, a cancel button and any others
below; Close. The subclass names its buttons, builds its form and its work, and says in its own
words what happened (its texts stay in its own translation context).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import operations as ops
from ui.errors import user_message
from ui.workers import Job, JobFn
from vault import Vault


class JobDialog(QDialog):
    refused = Signal(object)  # the exception

    def __init__(self, vault: Vault, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.job: Job | None = None
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.start_button = QPushButton()  # the subclass names both buttons
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)

    def _lay_out(self, form: QFormLayout, extra: Iterable[QPushButton], height: int) -> None:
        buttons = QHBoxLayout()
        for button in (self.start_button, self.cancel_button, *extra):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(640, height)

    def start(self) -> Job | None:
        raise NotImplementedError

    def _run(self, work: JobFn, *, name: str, changes: set[str], busy_text: str) -> Job:
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(busy_text)
        self.job = ops.operations().run(
            work, name=name, reads_vault=True, changes=changes, parent=self
        )
        self.job.on_progress(self._progress).success(self._succeeded).failure(self._failed)
        self.job.on_cancelled(self._cancelled)
        return self.job

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / max(total, 1)))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _finish(self) -> None:
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _succeeded(self, result: Any) -> None:
        self._finish()
        self.progress.setValue(1000)
        self._done(result)

    def _done(self, result: Any) -> None:
        raise NotImplementedError

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.progress.setValue(0)
        self.status.setText(user_message(exc))
        self.refused.emit(exc)

    def _cancelled(self) -> None:
        self._finish()
        self.progress.setValue(0)
        self.status.setText(self._cancelled_words())

    def _cancelled_words(self) -> str:
        raise NotImplementedError
