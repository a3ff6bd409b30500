"""Back up now: choose a folder (an external drive, a mounted share), copy in a worker.

Everything written is still encrypted under the vault's keys. A backup that is cancelled or fails
half-way leaves the previous backup in that folder intact: the core assembles a new generation
aside and names it current only once complete.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.errors import user_message
from ui.formatting import size
from ui.job_panel import JobPanel
from ui.operations import BACKUPS, operations
from ui.widgets import buddy_label, heading, plain_label
from ui.workers import Job, ProgressFn
from vault import Vault
from vault.backup import BackupReport, backup

log = logging.getLogger(__name__)


class BackupDialog(QDialog):
    backed_up = Signal(object)  # BackupReport

    def __init__(
        self,
        vault: Vault,
        *,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self.report: BackupReport | None = None
        self.setWindowTitle(self.tr("Back up the vault"))
        self.setMinimumWidth(560)
        self.title = heading(self.tr("Back up the vault"), self)
        self.intro = plain_label(
            self.tr(
                "Choose a folder on an external drive or a shared folder. The backup stays "
                "encrypted: it opens only with a passphrase or the recovery key. A second backup "
                "to the same folder copies only what is new."
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
        # The dialog's own Cancel/Close button cancels: the panel needs no second one.
        self.panel = JobPanel(
            self,
            progress_name=self.tr("Backup progress"),
            result_name=self.tr("Backup status"),
            cancellable=False,
        )
        self.panel.idle.connect(self._finished)
        self.progress, self.status = self.panel.progress, self.panel.result
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(buddy_label(self.tr("Back up &to:"), self.folder_edit, self), row)
        self.buttons = QDialogButtonBox(self)
        self.start_button = QPushButton(self.tr("&Back up now"), self)
        self.start_button.setAccessibleName(self.tr("Start the backup"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(lambda: self.start_backup())
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.close_button.setAccessibleName(self.tr("Cancel"))
        self.close_button.clicked.connect(self.cancel_or_close)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.panel)
        layout.addStretch(1)
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
        self.start_button.setEnabled(idle and self.folder is not None)
        self.folder_edit.setEnabled(idle)
        self.browse_button.setEnabled(idle)

    def start_backup(self) -> Job | None:
        if self.job is not None:
            return self.job
        dest = self.folder
        if dest is None:
            return None
        if self._inside_vault(dest):
            self.panel.set_verdict(
                self.tr("Choose a folder outside the vault, ideally on another drive."), "bad"
            )
            return None
        vault = self._vault

        def run(progress: ProgressFn, cancel: threading.Event) -> BackupReport:
            return backup(vault, dest, progress=progress, cancel=cancel)

        self.close_button.setText(self.tr("Cancel"))
        self.close_button.setEnabled(True)
        job = operations().run(run, name="backup", reads_vault=True, changes={BACKUPS}, parent=self)
        self.panel.follow(
            job,
            step=self.tr("Backing up…"),
            cancelled=self.tr("Backup cancelled. The previous backup in this folder is unchanged."),
            describe_failure=lambda exc: (
                user_message(exc)
                + "\n"
                + self.tr("The previous backup in this folder is unchanged.")
            ),
        )
        job.success(self._done)
        self._update_buttons()
        return job

    def _inside_vault(self, dest: Path) -> bool:
        try:
            dest.resolve().relative_to(self._vault.path.resolve())
        except ValueError:
            return False
        return True

    def cancel_or_close(self) -> None:
        if self.job is not None:
            self.panel.cancel()
            self.close_button.setEnabled(False)
            return
        if self.report is not None:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        if self.job is not None and not self.job.abandoned:
            self.cancel_or_close()  # a running backup is cancelled, never abandoned
            return
        super().reject()

    def _done(self, report: object) -> None:
        assert isinstance(report, BackupReport)
        self.report = report
        self.panel.set_verdict(
            self.tr(
                "Backup complete: %1 new evidence file(s) copied, %2 already there; %3 written."
            )
            .replace("%1", str(report.blobs_copied))
            .replace("%2", str(report.blobs_reused))
            .replace("%3", size(report.bytes_written)),
            "ok",
        )
        self.backed_up.emit(report)

    def _finished(self) -> None:
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self._update_buttons()
