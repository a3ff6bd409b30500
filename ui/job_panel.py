"""The one progress, cancel and verdict panel of every long job in the app.

A step text, a progress bar (a busy bar when the work cannot count), a Cancel button and the
verdict of the last run. The panel follows a :class:`~ui.workers.Job` from start to finish:
progress moves the bar, Cancel asks the job to stop, a cancellation shows the owner's
"cancelled" words, a failure shows a human message (never a traceback) in red, and everything
hides again when the job finishes. The owner shows the success itself: only it knows the result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ui.errors import user_message
from ui.widgets import plain_label
from ui.workers import Job

log = logging.getLogger(__name__)

PROGRESS_STEPS = 1000

Describe = Callable[[BaseException], str]


def set_verdict(label: QLabel, text: str, verdict: str) -> None:
    """Plain text plus the style sheet's green/red [verdict=…] colour ("ok", "bad" or "")."""
    label.setText(text)
    label.setProperty("verdict", verdict)
    # Re-polish so the style sheet's [verdict=…] colour applies.
    label.style().unpolish(label)
    label.style().polish(label)


class JobPanel(QWidget):
    """Step text, progress bar and Cancel while a job runs; the verdict label after it."""

    idle = Signal()  # the job finished, whatever its outcome: owners re-enable their buttons

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        progress_name: str,
        result_name: str = "",
        cancel_name: str = "",
        cancellable: bool = True,
        counts: bool = True,
        result_label: QLabel | None = None,
    ) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self._cancellable = cancellable
        self._cancelled_text = ""
        self._describe: Describe = user_message
        self.step = plain_label("", self)
        self.step.hide()
        self.progress = QProgressBar(self)
        # A busy bar for work that cannot count its steps (Argon2id, an unlock).
        self.progress.setRange(0, PROGRESS_STEPS if counts else 0)
        self.progress.setAccessibleName(progress_name)
        self.progress.hide()
        self._cancel_named = bool(cancel_name)
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setAccessibleName(cancel_name or self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        # Dialogs whose form already has a message line show the verdict there.
        self._own_result = result_label is None
        self.result = result_label if result_label is not None else plain_label("", self)
        if self._own_result:
            self.result.setObjectName("statusText")
            self.result.setAccessibleName(result_name or self.tr("Result"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.step)
        layout.addLayout(row)
        if self._own_result:
            layout.addWidget(self.result)

    @classmethod
    def for_passphrase(cls, parent: QWidget, *, progress_name: str) -> JobPanel:
        """The panel of passphrase work (unlock, create, add a user, change a passphrase).

        Argon2id cannot be interrupted: a busy bar and no Cancel. Failures show in the form's
        red message line, :attr:`result`, which the owner places in its own layout.
        """
        message = plain_label("", parent)
        message.setObjectName("errorText")
        return cls(
            parent,
            progress_name=progress_name,
            cancellable=False,
            counts=False,
            result_label=message,
        )

    def changeEvent(self, event: QEvent) -> None:
        # Owners that outlive a language switch say their own names again; the panel's words.
        if event.type() == QEvent.Type.LanguageChange:
            self.cancel_button.setText(self.tr("&Cancel"))
            if not self._cancel_named:
                self.cancel_button.setAccessibleName(self.tr("Cancel"))
        super().changeEvent(event)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def follow(
        self,
        job: Job,
        *,
        step: str = "",
        cancelled: str = "",
        describe_failure: Describe | None = None,
        show_failure: bool = True,
    ) -> Job:
        """Show ``job`` until it finishes. Connect before the event loop runs again."""
        self.job = job
        self._cancelled_text = cancelled or self.tr("Cancelled.")
        self._describe = describe_failure or user_message
        self.set_step(step)
        set_verdict(self.result, "", "")
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setVisible(self._cancellable)
        self.cancel_button.setEnabled(True)
        job.on_progress(self._progress).on_cancelled(self._cancelled)
        if show_failure:
            job.failure(self._failed)
        job.on_finished(self._finished)
        return job

    def set_step(self, text: str) -> None:
        self.step.setText(text)
        self.step.setVisible(bool(text))

    def set_verdict(self, text: str, verdict: str) -> None:
        set_verdict(self.result, text, verdict)

    def cancel(self) -> None:
        """Ask the running job to stop; its outcome arrives later (as cancelled)."""
        if self.job is None:
            return
        self.job.cancel()
        self.cancel_button.setEnabled(False)
        self.set_step(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        if self.progress.maximum() > 0:
            self.progress.setValue(int(PROGRESS_STEPS * done / max(total, 1)))

    def _cancelled(self) -> None:
        self.set_verdict(self._cancelled_text, "")

    def _failed(self, exc: BaseException) -> None:
        self.set_verdict(self._describe(exc), "bad")

    def _finished(self) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.set_step("")
        self.idle.emit()
