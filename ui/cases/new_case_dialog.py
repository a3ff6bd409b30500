"""Creating a case: reference, title, jurisdiction, description."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtWidgets import (
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
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class NewCaseDialog(DraftForm, QDialog):
    def __init__(self, cases: CaseService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cases = cases
        self.case: Case | None = None
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(520)
        self.reference_edit = QLineEdit(f"RO-{datetime.now().year}-", self)
        self.reference_edit.setAccessibleName(self.tr("Case reference"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Case title"))
        self.jurisdiction_edit = QLineEdit(self.tr("Romania"), self)
        self.jurisdiction_edit.setAccessibleName(self.tr("Jurisdiction"))
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.description_edit.setTabChangesFocus(True)
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Reference:"), self.reference_edit)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Jurisdiction:"), self.jurisdiction_edit)
        form.addRow(self.tr("&Description:"), self.description_edit)
        buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create case"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.case = self._cases.create(
                self.reference_edit.text().strip(),
                self.title_edit.text().strip(),
                jurisdiction=self.jurisdiction_edit.text().strip(),
                description=self.description_edit.toPlainText().strip(),
            )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        log.info("case %s created", self.case.case_id)
        super().accept()
