"""Adding an addendum (a correction) to a finalised statement."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from intake.models import Addendum
from intake.statements import StatementService
from ui.errors import user_message
from ui.form_drafts import DraftForm
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError


class AddendumDialog(DraftForm, QDialog):
    def __init__(
        self, statements: StatementService, statement_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._statements = statements
        self.statement_id = statement_id
        self.addendum: Addendum | None = None
        self.setWindowTitle(self.tr("Add an addendum"))
        self.setMinimumSize(520, 360)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setAccessibleName(self.tr("Reason for the addendum"))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setAccessibleName(self.tr("Addendum text"))
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        form.addRow(self.tr("&Text:"), self.text_edit)
        buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(self.tr("An addendum is permanent once added; it cannot be edited."), self)
        )
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.addendum = self._statements.add_addendum(
                self.statement_id, self.text_edit.toPlainText(), self.reason_edit.text()
            )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        super().accept()
