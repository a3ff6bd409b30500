"""Wizard page: who the first user is."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWizardPage

ROLES = ("lawyer", "investigator", "social worker", "interpreter", "coordinator", "other")


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
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName(self.tr("Role"))
        role_names = [
            self.tr("Lawyer"),
            self.tr("Investigator"),
            self.tr("Social worker"),
            self.tr("Interpreter"),
            self.tr("Coordinator"),
            self.tr("Other"),
        ]
        for key, name in zip(ROLES, role_names, strict=True):
            self.role_combo.addItem(name, key)
        self.org_edit = QLineEdit(self)
        self.org_edit.setAccessibleName(self.tr("Organisation"))
        self.org_edit.setMaxLength(200)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&User name:"), self.user_edit)
        form.addRow(self.tr("&Role:"), self.role_combo)
        form.addRow(self.tr("&Organisation:"), self.org_edit)

    @property
    def user(self) -> str:
        return self.user_edit.text().strip()

    @property
    def role(self) -> str:
        return str(self.role_combo.currentData())

    @property
    def organisation(self) -> str:
        return self.org_edit.text().strip()

    def isComplete(self) -> bool:
        return bool(self.user)
