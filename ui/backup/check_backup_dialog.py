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
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.backup.backup_status import parse_time
from ui.formatting import when
from ui.job_panel import JobPanel
from ui.operations import operations
from ui.widgets import button_box, heading, plain_label, wrapping_list
from ui.workers import Job, ProgressFn
from vault.backup import BackupCheck, check_backup

log = logging.getLogger(__name__)

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
        self.panel = JobPanel(
            self,
            progress_name=self.tr("Check progress"),
            result_name=self.tr("Check result"),
            cancel_name=self.tr("Cancel the check"),
        )
        self.panel.idle.connect(self._update_buttons)
        self.status = self.panel.result
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
        run.addWidget(self.panel, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addLayout(run)
        layout.addWidget(self.problems, 1)
        layout.addStretch(0)
        layout.addWidget(self.buttons)
        self._update_buttons()

    @property
    def job(self) -> Job | None:
        return self.panel.job

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
        self.problems.hide()
        # Reads only the backup folder, never the open vault: locking does not stop it.
        job = operations().run(run, name="check-backup", parent=self)
        self.panel.follow(
            job,
            step=self.tr("Checking every file…"),
            cancelled=self.tr("Check cancelled: no verdict."),
        )
        job.success(self._done)
        self._update_buttons()
        return job

    def cancel(self) -> None:
        self.panel.cancel()

    def _done(self, result: object) -> None:
        assert isinstance(result, BackupCheck)
        self.check = result
        taken = when(parse_time(result.taken_at))
        if result.ok:
            self.panel.set_verdict(
                self.tr(
                    "The backup taken %1 is intact: %n file(s) checked.", "", result.files_checked
                ).replace("%1", taken),
                "ok",
            )
        else:
            self.panel.set_verdict(
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

    def reject(self) -> None:
        self.cancel()
        super().reject()
