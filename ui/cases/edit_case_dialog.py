"""Editing a case's title, jurisdiction, description and retention date."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from intake.cases import CaseService
from intake.models import Case
from ui.errors import user_message
from ui.form_drafts import DraftForm
from ui.widgets import button_box, plain_label
from vault import roles
from vault.errors import CustodiaError


class EditCaseDialog(DraftForm, QDialog):
    def __init__(self, cases: CaseService, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cases = cases
        self.case_id = case_id
        case = cases.get(case_id)
        self.case: Case | None = None
        self.setWindowTitle(self.tr("Edit case %1").replace("%1", case.reference))
        self.setMinimumWidth(520)
        self.title_edit = QLineEdit(case.title, self)
        self.title_edit.setAccessibleName(self.tr("Case title"))
        self.jurisdiction_edit = QLineEdit(case.jurisdiction, self)
        self.jurisdiction_edit.setAccessibleName(self.tr("Jurisdiction"))
        self.description_edit = QPlainTextEdit(case.description, self)
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.description_edit.setTabChangesFocus(True)
        self.retention_check = QCheckBox(self.tr("Keep until a date"), self)
        self.retention_edit = QDateEdit(self)
        self.retention_edit.setAccessibleName(self.tr("Keep until"))
        self.retention_edit.setCalendarPopup(True)
        self.retention_edit.setDisplayFormat("yyyy-MM-dd")
        if case.retention_until is not None:
            self.retention_check.setChecked(True)
            self.retention_edit.setDate(QDate(case.retention_until))
        else:
            self.retention_edit.setDate(QDate.currentDate().addYears(10))
            self.retention_edit.setEnabled(False)
        self.retention_check.toggled.connect(self.retention_edit.setEnabled)
        self._retention = case.retention_until
        # Retention is an administrator's decision (DESIGN §6.4): others see it, greyed.
        self.may_retain = cases.vault.may(roles.RETENTION)
        if not self.may_retain:
            self.retention_check.setEnabled(False)
            self.retention_edit.setEnabled(False)
            self.retention_check.setToolTip(
                self.tr("Only an administrator changes how long a case is kept.")
            )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Jurisdiction:"), self.jurisdiction_edit)
        form.addRow(self.tr("&Description:"), self.description_edit)
        form.addRow(self.retention_check)
        form.addRow(self.tr("&Keep until:"), self.retention_edit)
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def accept(self) -> None:
        retention = (
            self.retention_edit.date().toPython() if self.retention_check.isChecked() else None
        )
        try:
            self._cases.edit(
                self.case_id,
                title=self.title_edit.text().strip(),
                jurisdiction=self.jurisdiction_edit.text().strip(),
                description=self.description_edit.toPlainText().strip(),
            )
            # Only a change is written: the ledger records decisions, and a caseworker's edit
            # of the title must not be refused for a retention date they did not touch.
            if self.may_retain and retention != self._retention:
                self.case = self._cases.set_retention(self.case_id, retention)  # type: ignore[arg-type]
            else:
                self.case = self._cases.get(self.case_id)
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        super().accept()
