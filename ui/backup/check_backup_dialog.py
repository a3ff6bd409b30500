"""Check a backup without restoring it: every file's SHA-256 and the manifest's signature.

No vault is needed: the check reads only the backup folder.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.backup.backup_dialog import set_verdict
from ui.backup.backup_status import parse_time
from ui.errors import user_message
from ui.formatting import when
from ui.widgets import button_box, heading, plain_label, wrapping_list
from ui.workers import Job, ProgressFn
from vault.backup import BackupCheck, check_backup

log = logging.getLogger(__name__)

PROGRESS_STEPS = 1000
BAD_COLOUR = QColor("#b00020")


def describe_problem(code: str, subject: str) -> str:
    """One failed file of a backup check, in the interface language."""
    if code == "backup.missing":
        words = QCoreApplication.translate("CheckBackupDialog", "missing")
    elif code == "backup.hash_mismatch":
        words = QCoreApplication.translate(
            "CheckBackupDialog", "content does not match the manifest (changed or damaged)"
        )
    elif code == "backup.unexpected_file":
        words = QCoreApplication.translate("CheckBackupDialog", "not listed in the manifest")
    elif code == "backup.signature":
        words = QCoreApplication.translate(
            "CheckBackupDialog", "the manifest's signature does not verify"
        )
    else:
        words = code
    return f"✗ {subject}: {words}"


class CheckBackupDialog(QDialog):
    checked = Signal(object)  # BackupCheck

    def __init__(self, *, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self.check: BackupCheck | None = None
        self.setWindowTitle(self.tr("Check a backup"))
        self.setMinimumSize(560, 420)
        self.title = heading(self.tr("Check a backup"), self)
        self.intro = plain_label(
            self.tr(
                "Reads every file of the newest backup in a folder and compares it with the "
                "backup's signed manifest. Nothing is restored or changed."
            ),
            self,
        )
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setAccessibleName(self.tr("Backup folder"))
        if folder is not None:
            self.folder_edit.setText(str(folder))
        self.folder_edit.textChanged.connect(self._update_buttons)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.setAccessibleName(self.tr("Choose the backup folder"))
        self.browse_button.clicked.connect(self._browse)
        self.check_button = QPushButton(self.tr("C&heck"), self)
        self.check_button.setAccessibleName(self.tr("Check the backup"))
        self.check_button.setDefault(True)
        # Its own width only, also while the progress bar beside it is hidden.
        self.check_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.check_button.clicked.connect(lambda: self.start_check())
        self.progress = QProgressBar(self)
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setAccessibleName(self.tr("Check progress"))
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the check"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.status = plain_label("", self)
        self.status.setObjectName("statusText")
        self.status.setAccessibleName(self.tr("Check result"))
        self.problems = wrapping_list(QListWidget(self))
        self.problems.setAccessibleName(self.tr("Problems found"))
        self.problems.hide()  # shown when a check finds problems
        self.buttons = button_box(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        run = QHBoxLayout()
        run.addWidget(self.check_button)
        run.addWidget(self.progress, 1)
        run.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addLayout(run)
        layout.addWidget(self.status)
        layout.addWidget(self.problems, 1)
        layout.addStretch(0)
        layout.addWidget(self.buttons)
        self._update_buttons()

    @property
    def folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text) if text else None

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the backup folder"), self.folder_edit.text()
        )
        if name:
            self.folder_edit.setText(name)

    def _update_buttons(self) -> None:
        idle = self.job is None
        self.check_button.setEnabled(idle and self.folder is not None)
        self.folder_edit.setEnabled(idle)
        self.browse_button.setEnabled(idle)

    def start_check(self) -> Job | None:
        if self.job is not None:
            return self.job
        dest = self.folder
        if dest is None:
            return None

        def run(progress: ProgressFn, cancel: threading.Event) -> BackupCheck:
            return check_backup(dest, progress=progress, cancel=cancel)

        self.problems.clear()
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        set_verdict(self.status, self.tr("Checking every file…"), "")
        job = Job(run, name="check-backup", parent=self)
        self.job = job
        job.on_progress(self._progress).success(self._done).failure(self._failed)
        job.on_cancelled(self._cancelled).on_finished(self._finished)
        self._update_buttons()
        return job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(PROGRESS_STEPS * done / max(total, 1)))

    def _done(self, result: object) -> None:
        assert isinstance(result, BackupCheck)
        self.check = result
        taken = when(parse_time(result.taken_at))
        if result.ok:
            set_verdict(
                self.status,
                self.tr(
                    "The backup taken %1 is intact: %n file(s) checked.", "", result.files_checked
                ).replace("%1", taken),
                "ok",
            )
        else:
            set_verdict(
                self.status,
                self.tr(
                    "The backup taken %1 is NOT intact: %n problem(s) found.",
                    "",
                    len(result.problems),
                ).replace("%1", taken),
                "bad",
            )
        self.problems.setVisible(bool(result.problems))
        for problem in result.problems:
            item = QListWidgetItem(describe_problem(problem.code, problem.subject))
            item.setForeground(QBrush(BAD_COLOUR))
            self.problems.addItem(item)
        self.checked.emit(result)

    def _failed(self, exc: BaseException) -> None:
        if self.job is not None and self.job.cancel_requested:
            self._cancelled()
            return
        set_verdict(self.status, user_message(exc), "bad")

    def _cancelled(self) -> None:
        set_verdict(self.status, self.tr("Check cancelled: no verdict."), "")

    def _finished(self) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_buttons()

    def reject(self) -> None:
        self.cancel()
        super().reject()
