"""Recording a consent version (scope, method, language, interpreter) or a withdrawal."""

from __future__ import annotations

import logging
from datetime import UTC

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from intake.consent import ConsentService
from intake.models import Consent, ConsentMethod, Person, RecipientCategory
from ui.errors import user_message
from ui.form_drafts import DraftForm
from ui.formatting import term
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class ConsentDialog(DraftForm, QDialog):
    def __init__(
        self,
        consent: ConsentService,
        people: list[Person],
        case_id: str,
        *,
        withdraw: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._consent = consent
        self.case_id = case_id
        self.withdraw = withdraw
        self.result_consent: Consent | None = None
        self.setWindowTitle(self.tr("Record withdrawal") if withdraw else self.tr("Record consent"))
        self.setMinimumWidth(560)
        self.person_combo = QComboBox(self)
        self.person_combo.setAccessibleName(self.tr("Whose consent"))
        self.person_combo.addItem(self.tr("Whole case"), None)
        for person in people:
            self.person_combo.addItem(f"{person.pseudonym} ({term(person.role)})", person.person_id)
        self.given_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.given_edit.setCalendarPopup(True)
        self.given_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.given_edit.setAccessibleName(self.tr("Given at"))
        self.language_edit = QLineEdit("uk", self)
        self.language_edit.setAccessibleName(self.tr("Language"))
        self.interpreter_edit = QLineEdit(self)
        self.interpreter_edit.setAccessibleName(self.tr("Interpreter"))
        self.method_combo = QComboBox(self)
        self.method_combo.setAccessibleName(self.tr("Method"))
        for method in ConsentMethod:
            self.method_combo.addItem(term(method), method.value)
        self.witness_edit = QLineEdit(self)
        self.witness_edit.setAccessibleName(self.tr("Witness"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(70)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Person:"), self.person_combo)
        form.addRow(self.tr("&Given at:"), self.given_edit)
        form.addRow(self.tr("&Language:"), self.language_edit)
        form.addRow(self.tr("&Interpreter:"), self.interpreter_edit)
        form.addRow(self.tr("&Method:"), self.method_combo)
        form.addRow(self.tr("&Witness:"), self.witness_edit)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        self.scope_checks: dict[RecipientCategory, QCheckBox] = {}
        scope_box = QGroupBox(self.tr("May be shared with"), self)
        scope_layout = QVBoxLayout(scope_box)
        for category in RecipientCategory:
            check = QCheckBox(term(category), scope_box)
            check.setAccessibleName(term(category))
            self.scope_checks[category] = check
            scope_layout.addWidget(check)
        self.scope_checks[RecipientCategory.NGO_INTERNAL].setChecked(True)
        scope_box.setVisible(not withdraw)
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if withdraw:
            layout.addWidget(
                plain_label(
                    self.tr("A withdrawal is a new version: nothing may be shared from then on."),
                    self,
                )
            )
        layout.addLayout(form)
        layout.addWidget(scope_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def scope(self) -> list[RecipientCategory]:
        return [c for c, check in self.scope_checks.items() if check.isChecked()]

    def accept(self) -> None:
        given_at = self.given_edit.dateTime().toPython().astimezone(UTC)  # type: ignore[attr-defined]
        person_id = self.person_combo.currentData()
        common = {
            "given_at": given_at,
            "language": self.language_edit.text().strip(),
            "method": ConsentMethod(str(self.method_combo.currentData())),
            "person_id": person_id if person_id else None,
            "interpreter": self.interpreter_edit.text().strip(),
            "witness": self.witness_edit.text().strip(),
            "notes": self.notes_edit.toPlainText().strip(),
        }
        try:
            if self.withdraw:
                self.result_consent = self._consent.withdraw(self.case_id, **common)
            else:
                self.result_consent = self._consent.record(
                    self.case_id, scope=self.scope(), **common
                )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        super().accept()
