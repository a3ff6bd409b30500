"""Editing an evidence item's kind and descriptive notes (the original file never changes)."""

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

from intake.evidence import EvidenceService
from intake.models import Evidence
from ui.errors import user_message
from ui.form_drafts import DraftForm
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError


class DescriptionDialog(DraftForm, QDialog):
    def __init__(
        self, evidence: EvidenceService, item: Evidence, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._evidence = evidence
        self.evidence_id = item.evidence_id
        self.item: Evidence | None = None
        self.setWindowTitle(self.tr("Describe %1").replace("%1", item.label))
        self.setMinimumSize(480, 320)
        self.kind_edit = QLineEdit(item.kind, self)
        self.kind_edit.setAccessibleName(self.tr("Kind of evidence"))
        self.notes_edit = QPlainTextEdit(item.notes, self)
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Kind:"), self.kind_edit)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.item = self._evidence.update_description(
                self.evidence_id,
                kind=self.kind_edit.text().strip(),
                notes=self.notes_edit.toPlainText().strip(),
            )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        super().accept()
