"""Changing one's own passphrase: the current one is checked again first, in a worker."""

from __future__ import annotations

import logging
import threading

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.job_panel import JobPanel
from ui.onboarding.new_passphrase_fields import NewPassphraseFields
from ui.operations import USERS, operations
from ui.widgets import button_box, plain_label
from ui.workers import Job, ProgressFn
from vault import Vault
from vault.errors import WrongPassphraseError

log = logging.getLogger(__name__)


class ChangePassphraseDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.user = vault.actor
        self.setWindowTitle(self.tr("Change my passphrase"))
        self.setMinimumWidth(520)
        intro = plain_label(
            self.tr(
                "Changing the passphrase of %1. Type the current passphrase again first; "
                "the recovery key keeps working."
            ).replace("%1", self.user),
            self,
        )
        self.current_edit = QLineEdit(self)
        self.current_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_edit.setAccessibleName(self.tr("Current passphrase"))
        self.fields = NewPassphraseFields(
            self,
            name=self.tr("New passphrase"),
            confirm_name=self.tr("Confirm the new passphrase"),
        )
        self.pass_edit, self.confirm_edit = self.fields.pass_edit, self.fields.confirm_edit
        self.strength = self.fields.strength
        self.strength.set_user_inputs([self.user])
        self.panel = JobPanel.for_passphrase(
            self, progress_name=self.tr("Saving the new passphrase")
        )
        self.message = self.panel.result
        self.panel.idle.connect(self._idle)
        self.busy = self.panel.progress
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("C&urrent passphrase:"), self.current_edit)
        form.addRow(self.tr("&New passphrase:"), self.pass_edit)
        form.addRow(self.tr("&Confirm:"), self.confirm_edit)
        self.buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.current_edit, self.pass_edit, self.confirm_edit):
            edit.textChanged.connect(self._changed)
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
        passphrase_problem = self.fields.problem()
        if not self.current_edit.text():
            return self.tr("Type your current passphrase.")
        if passphrase_problem is not None:
            return passphrase_problem
        if self.fields.text() == self.current_edit.text():
            return self.tr("The new passphrase is the same as the current one.")
        return None

    def _changed(self) -> None:
        problem = self._problem()
        self.message.setText(problem if self.pass_edit.text() and problem else "")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None and self.job is None)

    def save(self) -> Job | None:
        if self._problem() is not None or self.job is not None:
            return None
        vault, user = self._vault, self.user
        current, new = self.current_edit.text(), self.pass_edit.text()

        def change(_p: ProgressFn, _c: threading.Event) -> None:
            if not vault.verify_passphrase(user, current):
                raise WrongPassphraseError()
            vault.change_passphrase(user, new)

        self.buttons.setEnabled(False)
        job = operations().run(
            change, name="change-passphrase", reads_vault=True, changes={USERS}, parent=self
        )
        self.panel.follow(job)
        job.success(lambda _r: self.accept()).failure(self._failed)
        return job

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, WrongPassphraseError):
            self.current_edit.selectAll()
            self.current_edit.setFocus()

    def done(self, result: int) -> None:
        for edit in (self.current_edit, self.pass_edit, self.confirm_edit):
            edit.clear()
        super().done(result)
