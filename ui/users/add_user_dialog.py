"""Adding a user to the vault, with their own passphrase (Argon2id runs in a worker)."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
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
from ui.users.role_words import OFFERED, role_description, role_name
from ui.widgets import button_box, plain_label
from ui.workers import Job, ProgressFn
from vault import DEFAULT_KDF, KdfParams, Vault

log = logging.getLogger(__name__)


class AddUserDialog(QDialog):
    def __init__(
        self, vault: Vault, *, kdf: KdfParams = DEFAULT_KDF, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._kdf = kdf
        self.setWindowTitle(self.tr("Add a user"))
        self.setMinimumWidth(520)
        intro = plain_label(
            self.tr(
                "The new user opens the vault with their own passphrase. Let them type it "
                "themselves; nobody else needs to know it."
            ),
            self,
        )
        self.user_edit = QLineEdit(self)
        self.user_edit.setAccessibleName(self.tr("User name"))
        self.user_edit.setMaxLength(80)
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName(self.tr("Role"))
        for role in OFFERED:
            self.role_combo.addItem(role_name(role), role)
            self.role_combo.setItemData(
                self.role_combo.count() - 1, role_description(role), Qt.ItemDataRole.ToolTipRole
            )
        self.role_help = plain_label("", self)
        self.role_help.setObjectName("statusText")
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self.org_edit = QLineEdit(self)
        self.org_edit.setAccessibleName(self.tr("Organisation"))
        self.org_edit.setMaxLength(200)
        self.fields = NewPassphraseFields(
            self,
            name=self.tr("Passphrase of the new user"),
            confirm_name=self.tr("Confirm the passphrase"),
        )
        self.pass_edit, self.confirm_edit = self.fields.pass_edit, self.fields.confirm_edit
        self.strength = self.fields.strength
        self.panel = JobPanel.for_passphrase(self, progress_name=self.tr("Adding the user"))
        self.message = self.panel.result
        self.panel.idle.connect(self._idle)
        self.busy = self.panel.progress
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&User name:"), self.user_edit)
        form.addRow(self.tr("&Role:"), self.role_combo)
        form.addRow("", self.role_help)
        form.addRow(self.tr("&Organisation:"), self.org_edit)
        form.addRow(self.tr("&Passphrase:"), self.pass_edit)
        form.addRow(self.tr("&Confirm:"), self.confirm_edit)
        self.buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.user_edit, self.pass_edit, self.confirm_edit):
            edit.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.strength)
        layout.addWidget(self.message)
        layout.addWidget(self.panel)
        layout.addWidget(self.buttons)
        self._role_changed()
        self._changed()

    @property
    def job(self) -> Job | None:
        return self.panel.job

    @property
    def user(self) -> str:
        return self.user_edit.text().strip()

    @property
    def role(self) -> str:
        return str(self.role_combo.currentData())

    def _role_changed(self) -> None:
        self.role_help.setText(role_description(self.role))

    def _problem(self) -> str | None:
        self.strength.set_user_inputs([self.user, self.org_edit.text()])
        passphrase_problem = self.fields.problem()
        if not self.user:
            return self.tr("Enter the new user's name.")
        return passphrase_problem

    def _changed(self) -> None:
        problem = self._problem()
        self.message.setText(problem if self.pass_edit.text() and problem else "")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None and self.job is None)

    def save(self) -> Job | None:
        if self._problem() is not None or self.job is not None:
            return None
        vault, kdf, user, passphrase = self._vault, self._kdf, self.user, self.pass_edit.text()
        role, organisation = self.role, self.org_edit.text().strip()

        def add(_p: ProgressFn, _c: threading.Event) -> None:
            vault.add_user(user, passphrase, role=role, organisation=organisation, kdf=kdf)

        self.buttons.setEnabled(False)
        job = operations().run(add, name="add-user", reads_vault=True, changes={USERS}, parent=self)
        self.panel.follow(job)
        job.success(lambda _r: self.accept())
        return job

    def _idle(self) -> None:
        self.buttons.setEnabled(True)

    def done(self, result: int) -> None:
        self.pass_edit.clear()
        self.confirm_edit.clear()
        super().done(result)
