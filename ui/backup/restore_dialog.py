"""Restore a backup into a new folder; the restored vault is then unlocked so that its audit log
records "restored from the backup taken at …" (a rollback, but an explicit one).

The backup is checked before anything is copied, and a folder that already holds anything is
refused: a restore never overwrites a vault.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

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

from ui.backup.backup_status import parse_time
from ui.formatting import when
from ui.job_panel import JobPanel
from ui.operations import operations
from ui.widgets import buddy_label, heading, plain_label
from ui.workers import Job, ProgressFn
from vault.backup import BackupCheck, restore, restore_note

log = logging.getLogger(__name__)


class RestoreDialog(QDialog):
    restored = Signal(object, object)  # the new vault folder (Path), restore_note(check) (dict)

    def __init__(
        self,
        *,
        backup_folder: Path | None = None,
        target: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.check: BackupCheck | None = None
        self.note: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(600)
        self.title = heading(self.tr("Restore a backup"), self)
        self.intro = plain_label(
            self.tr(
                "The newest backup in the folder is checked, then copied into a new, empty "
                "folder. Your current vault is not touched. You will then unlock the restored "
                "vault with a passphrase or the recovery key, and its audit log will record "
                "the restore."
            ),
            self,
        )
        self.backup_edit = QLineEdit(self)
        self.backup_edit.setAccessibleName(self.tr("Backup folder"))
        if backup_folder is not None:
            self.backup_edit.setText(str(backup_folder))
        self.backup_browse = QPushButton(self.tr("&Browse…"), self)
        self.backup_browse.setAccessibleName(self.tr("Choose the backup folder"))
        self.backup_browse.clicked.connect(self._browse_backup)
        self.target_edit = QLineEdit(self)
        self.target_edit.setAccessibleName(self.tr("New vault folder"))
        if target is not None:
            self.target_edit.setText(str(target))
        self.target_browse = QPushButton(self.tr("Br&owse…"), self)
        self.target_browse.setAccessibleName(self.tr("Choose the new vault folder"))
        self.target_browse.clicked.connect(self._browse_target)
        for edit in (self.backup_edit, self.target_edit):
            edit.textChanged.connect(self._update_buttons)
        # The dialog's own Cancel/Close button cancels: the panel needs no second one.
        self.panel = JobPanel(
            self,
            progress_name=self.tr("Restore progress"),
            result_name=self.tr("Restore status"),
            cancellable=False,
        )
        self.panel.idle.connect(self._finished)
        self.progress, self.status = self.panel.progress, self.panel.result
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_edit, 1)
        backup_row.addWidget(self.backup_browse)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(self.target_browse)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(buddy_label(self.tr("&Backup folder:"), self.backup_edit, self), backup_row)
        form.addRow(
            buddy_label(self.tr("Restore &into (a new folder):"), self.target_edit, self),
            target_row,
        )
        self.buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setAccessibleName(self.tr("Restore the backup"))
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(lambda: self.start_restore())
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button = QPushButton(self.tr("&Unlock the restored vault…"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock the restored vault"))
        self.unlock_button.clicked.connect(self._unlock_restored)
        self.unlock_button.hide()
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.ActionRole)
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
    def backup_folder(self) -> Path | None:
        text = self.backup_edit.text().strip()
        return Path(text) if text else None

    @property
    def target(self) -> Path | None:
        text = self.target_edit.text().strip()
        return Path(text) if text else None

    def _browse_backup(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the backup folder"), self.backup_edit.text()
        )
        if name:
            self.backup_edit.setText(name)

    def _browse_target(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Choose an empty folder for the restored vault"), self.target_edit.text()
        )
        if name:
            self.target_edit.setText(name)

    def _update_buttons(self) -> None:
        idle = self.job is None and self.note is None
        self.restore_button.setEnabled(
            idle and self.backup_folder is not None and self.target is not None
        )
        for widget in (self.backup_edit, self.target_edit, self.backup_browse, self.target_browse):
            widget.setEnabled(idle)

    def start_restore(self) -> Job | None:
        if self.job is not None:
            return self.job
        source, target = self.backup_folder, self.target
        if source is None or target is None:
            return None

        def run(progress: ProgressFn, cancel: threading.Event) -> BackupCheck:
            return restore(source, target, progress=progress, cancel=cancel)

        # Writes a new vault folder, never the open vault: locking does not stop it.
        job = operations().run(run, name="restore", parent=self)
        self.panel.follow(
            job,
            step=self.tr("Checking and restoring…"),
            cancelled=self.tr("Restore cancelled; nothing was restored."),
        )
        job.success(self._done)
        self._update_buttons()
        return job

    def cancel_or_close(self) -> None:
        if self.job is not None:
            self.panel.cancel()
            self.close_button.setEnabled(False)
            return
        self.reject()

    def reject(self) -> None:
        if self.job is not None:
            self.cancel_or_close()
            return
        super().reject()

    def _done(self, result: object) -> None:
        assert isinstance(result, BackupCheck)
        self.check = result
        self.note = restore_note(result)
        self.panel.set_verdict(
            self.tr(
                "The backup taken %1 was checked and restored into %2. Unlock it now so that "
                "its audit log records the restore."
            )
            .replace("%1", when(parse_time(result.taken_at)))
            .replace("%2", str(self.target)),
            "ok",
        )
        self.restore_button.hide()
        self.unlock_button.show()
        self.unlock_button.setDefault(True)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self._update_buttons()

    def _finished(self) -> None:
        self.close_button.setEnabled(True)
        self._update_buttons()

    def _unlock_restored(self) -> None:
        if self.note is not None and self.target is not None:
            self.restored.emit(self.target, self.note)
            self.accept()
