"""Recording a custody event (transferred, received, returned…) for one evidence item."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from intake.custody import CustodyService
from intake.models import CustodyEvent, CustodyEventType
from ui.errors import user_message
from ui.form_drafts import DraftForm
from ui.formatting import term
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError

# Ingested, viewed, verified and exported are recorded by Custodia itself.
MANUAL_EVENTS = (
    CustodyEventType.COLLECTED,
    CustodyEventType.TRANSFERRED,
    CustodyEventType.RECEIVED,
    CustodyEventType.RETURNED,
    CustodyEventType.DESTROYED,
)


class CustodyEventDialog(DraftForm, QDialog):
    def __init__(
        self,
        custody: CustodyService,
        evidence_id: str,
        label: str,
        actor: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._custody = custody
        self.evidence_id = evidence_id
        self.recorded: CustodyEvent | None = None
        self.setWindowTitle(self.tr("Custody event for %1").replace("%1", label))
        self.setMinimumWidth(520)
        self.type_combo = QComboBox(self)
        self.type_combo.setAccessibleName(self.tr("Event"))
        for event_type in MANUAL_EVENTS:
            self.type_combo.addItem(term(event_type), event_type.value)
        self.at_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at_edit.setAccessibleName(self.tr("When"))
        self.actor_edit = QLineEdit(actor, self)
        self.actor_edit.setAccessibleName(self.tr("Who"))
        self.from_edit = QLineEdit(self)
        self.from_edit.setAccessibleName(self.tr("From"))
        self.to_edit = QLineEdit(self)
        self.to_edit.setAccessibleName(self.tr("To"))
        self.purpose_edit = QLineEdit(self)
        self.purpose_edit.setAccessibleName(self.tr("Purpose"))
        self.authority_edit = QLineEdit(self)
        self.authority_edit.setAccessibleName(self.tr("Authority reference"))
        self.method_edit = QLineEdit(self)
        self.method_edit.setAccessibleName(self.tr("Method"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Event:"), self.type_combo)
        form.addRow(self.tr("W&hen:"), self.at_edit)
        form.addRow(self.tr("&Who:"), self.actor_edit)
        form.addRow(self.tr("&From:"), self.from_edit)
        form.addRow(self.tr("&To:"), self.to_edit)
        form.addRow(self.tr("&Purpose:"), self.purpose_edit)
        form.addRow(self.tr("&Authority reference:"), self.authority_edit)
        form.addRow(self.tr("&Method:"), self.method_edit)
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
        try:
            self.recorded = self._custody.record(
                self.evidence_id,
                CustodyEventType(str(self.type_combo.currentData())),
                at=self.at_edit.dateTime().toPython().astimezone(UTC),  # type: ignore[attr-defined]
                actor=self.actor_edit.text().strip() or None,
                from_party=self.from_edit.text().strip(),
                to_party=self.to_edit.text().strip(),
                purpose=self.purpose_edit.text().strip(),
                authority_ref=self.authority_edit.text().strip(),
                method=self.method_edit.text().strip(),
            )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        super().accept()
