"""Correcting a person's pseudonym, role and notes after they were saved."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from intake.models import Person, PersonRole
from intake.people import PeopleService
from ui.errors import user_message
from ui.form_drafts import DraftForm
from ui.formatting import term
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class EditPersonDialog(DraftForm, QDialog):
    def __init__(
        self, people: PeopleService, person: Person, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._people = people
        self.person_id = person.person_id
        self.person: Person | None = None
        self.setWindowTitle(self.tr("Edit person"))
        self.setMinimumWidth(520)
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName(self.tr("Role"))
        for role in PersonRole:
            self.role_combo.addItem(term(role), role.value)
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(person.role.value), 0))
        self.pseudonym_edit = QLineEdit(person.pseudonym, self)
        self.pseudonym_edit.setAccessibleName(self.tr("Pseudonym"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(90)
        self.notes_edit.setPlainText(person.notes)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Role:"), self.role_combo)
        form.addRow(self.tr("&Pseudonym:"), self.pseudonym_edit)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
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
            self.person = self._people.edit(
                self.person_id,
                role=PersonRole(str(self.role_combo.currentData())),
                pseudonym=self.pseudonym_edit.text().strip(),
                notes=self.notes_edit.toPlainText().strip(),
            )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        super().accept()
