"""Wizard page: who the first user is. The creator of a vault is its administrator."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWizardPage

from ui.users.role_words import role_description, role_name
from ui.widgets import plain_label
from vault import roles

log = logging.getLogger(__name__)


class IdentityPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your account"))
        self.setSubTitle(
            self.tr("Your name is recorded in the audit log next to everything you do.")
        )
        self.user_edit = QLineEdit(self)
        self.user_edit.setAccessibleName(self.tr("User name"))
        self.user_edit.setMaxLength(80)
        self.user_edit.textChanged.connect(self.completeChanged)
        # No choice here: someone must be able to add the others, so the creator administers
        # the vault (the core makes them administrator whatever is passed).
        self.role_label = plain_label(
            self.tr("Your role: %1. %2")
            .replace("%1", role_name(roles.ADMINISTRATOR))
            .replace("%2", role_description(roles.ADMINISTRATOR)),
            self,
        )
        self.role_label.setAccessibleName(self.tr("Your role"))
        self.org_edit = QLineEdit(self)
        self.org_edit.setAccessibleName(self.tr("Organisation"))
        self.org_edit.setMaxLength(200)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&User name:"), self.user_edit)
        form.addRow(self.tr("&Organisation:"), self.org_edit)
        form.addRow(self.role_label)

    @property
    def user(self) -> str:
        return self.user_edit.text().strip()

    @property
    def role(self) -> str:
        return roles.ADMINISTRATOR

    @property
    def organisation(self) -> str:
        return self.org_edit.text().strip()

    def isComplete(self) -> bool:
        return bool(self.user)
