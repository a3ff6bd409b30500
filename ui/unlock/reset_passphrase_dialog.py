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
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ui.errors import user_message
from ui.onboarding.passphrase_strength import MIN_SCORE, PassphraseStrength
from ui.widgets import button_box, plain_label
from ui.workers import Job, ProgressFn
from vault.constants import MIN_PASSPHRASE_LENGTH

if TYPE_CHECKING:
    from vault import Vault

log = logging.getLogger(__name__)


class ResetPassphraseDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._job: Job | None = None
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
        self.pass_edit = QLineEdit(self)
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.setAccessibleName(self.tr("New passphrase"))
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName(self.tr("Confirm the new passphrase"))
        self.strength = PassphraseStrength(self)
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(self.tr("Saving the new passphrase"))
        self.busy.hide()
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
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self._changed()

    def _problem(self) -> str | None:
        passphrase, confirm = self.pass_edit.text(), self.confirm_edit.text()
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            return self.tr("Use at least %n characters.", "", MIN_PASSPHRASE_LENGTH)
        if self.strength.score < MIN_SCORE:
            return self.tr("This passphrase is too easy to guess.")
        if confirm != passphrase:
            return self.tr("The two passphrases differ.")
        return None

    def _changed(self) -> None:
        self.strength.update_for(self.pass_edit.text())
        problem = self._problem()
        self.message.setText(problem if self.pass_edit.text() and problem else "")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None and self._job is None)

    def save(self) -> Job | None:
        if self._problem() is not None or self._job is not None:
            return None
        vault, user, passphrase = (
            self._vault,
            str(self.user_combo.currentData()),
            self.pass_edit.text(),
        )

        def change(_p: ProgressFn, _c: threading.Event) -> None:
            vault.change_passphrase(user, passphrase)

        self.busy.show()
        self.buttons.setEnabled(False)
        job = Job(change, name="change-passphrase", parent=self)
        self._job = job
        job.success(lambda _r: self.accept()).failure(self._failed)
        return job.start()

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self.busy.hide()
        self.buttons.setEnabled(True)
        self.message.setText(user_message(exc))

    def done(self, result: int) -> None:
        self.pass_edit.clear()
        self.confirm_edit.clear()
        super().done(result)
