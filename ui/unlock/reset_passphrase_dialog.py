"""After unlocking with the recovery key: set a new passphrase for a user of the vault."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from ui.job_panel import JobPanel
from ui.onboarding.new_passphrase_fields import NewPassphraseFields
from ui.operations import USERS, operations
from ui.widgets import button_box, plain_label
from ui.workers import Job, ProgressFn

if TYPE_CHECKING:
    from vault import Vault

log = logging.getLogger(__name__)


class ResetPassphraseDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.setWindowTitle(self.tr("Set a new passphrase"))
        self.setMinimumWidth(500)
        intro = plain_label(
            self.tr(
                "The vault was opened with the recovery key. Set a new passphrase now, so that "
                "the recovery key can go back into safe keeping."
            ),
            self,
        )
        self.user_combo = QComboBox(self)
        self.user_combo.setAccessibleName(self.tr("User"))
        for user in vault.header.users():
            self.user_combo.addItem(user, user)
        self.fields = NewPassphraseFields(
            self,
            name=self.tr("New passphrase"),
            confirm_name=self.tr("Confirm the new passphrase"),
        )
        self.pass_edit, self.confirm_edit = self.fields.pass_edit, self.fields.confirm_edit
        self.strength = self.fields.strength
        self.panel = JobPanel.for_passphrase(
            self, progress_name=self.tr("Saving the new passphrase")
        )
        self.message = self.panel.result
        self.panel.idle.connect(self._idle)
        self.busy = self.panel.progress
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&User:"), self.user_combo)
        form.addRow(self.tr("&New passphrase:"), self.pass_edit)
        form.addRow(self.tr("&Confirm:"), self.confirm_edit)
        self.buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.pass_edit.textChanged.connect(self._changed)
        self.confirm_edit.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.strength)
        layout.addWidget(self.message)
        layout.addWidget(self.panel)
        layout.addWidget(self.buttons)
        self._changed()

    @property
    def job(self) -> Job | None:
        return self.panel.job

    def _idle(self) -> None:
        self.buttons.setEnabled(True)

    def _problem(self) -> str | None:
        return self.fields.problem()

    def _changed(self) -> None:
        problem = self._problem()
        self.message.setText(problem if self.pass_edit.text() and problem else "")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None and self.job is None)

    def save(self) -> Job | None:
        if self._problem() is not None or self.job is not None:
            return None
        vault, user, passphrase = (
            self._vault,
            str(self.user_combo.currentData()),
            self.pass_edit.text(),
        )

        def change(_p: ProgressFn, _c: threading.Event) -> None:
            vault.change_passphrase(user, passphrase)

        self.buttons.setEnabled(False)
        job = operations().run(
            change, name="reset-passphrase", reads_vault=True, changes={USERS}, parent=self
        )
        self.panel.follow(job)
        job.success(lambda _r: self.accept())
        return job

    def done(self, result: int) -> None:
        self.pass_edit.clear()
        self.confirm_edit.clear()
        super().done(result)
