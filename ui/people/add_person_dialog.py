"""Adding a person: role and pseudonym, and optionally the protected identity."""

from __future__ import annotations

import logging

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from intake.models import Person, PersonRole, ProtectedIdentity
from intake.people import PeopleService
from ui.errors import user_message
from ui.formatting import term
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class AddPersonDialog(QDialog):
    def __init__(self, people: PeopleService, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people = people
        self.case_id = case_id
        self.person: Person | None = None
        self.setWindowTitle(self.tr("Add person"))
        self.setMinimumWidth(560)
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName(self.tr("Role"))
        for role in PersonRole:
            self.role_combo.addItem(term(role), role.value)
        self.pseudonym_edit = QLineEdit(self)
        self.pseudonym_edit.setAccessibleName(self.tr("Pseudonym"))
        self.pseudonym_edit.setPlaceholderText(self.tr("e.g. Witness A"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(70)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Role:"), self.role_combo)
        form.addRow(self.tr("&Pseudonym:"), self.pseudonym_edit)
        form.addRow(self.tr("&Notes:"), self.notes_edit)

        self.identity_box = QGroupBox(self.tr("Protected identity (revealed only with a reason)"))
        self.identity_box.setCheckable(True)
        self.identity_box.setChecked(False)
        self.legal_name_edit = QLineEdit(self)
        self.legal_name_edit.setAccessibleName(self.tr("Legal name"))
        self.birth_edit = QDateEdit(self)
        self.birth_edit.setAccessibleName(self.tr("Birth date"))
        self.birth_edit.setCalendarPopup(True)
        self.birth_edit.setDisplayFormat("yyyy-MM-dd")
        self.birth_edit.setDate(QDate(1990, 1, 1))
        self.nationality_edit = QLineEdit(self)
        self.nationality_edit.setAccessibleName(self.tr("Nationality"))
        self.contact_edit = QLineEdit(self)
        self.contact_edit.setAccessibleName(self.tr("Contact"))
        self.safe_check = QCheckBox(self.tr("Safe to contact"), self)
        self.safe_method_edit = QLineEdit(self)
        self.safe_method_edit.setAccessibleName(self.tr("Safe contact method"))
        self.minor_check = QCheckBox(self.tr("Minor"), self)
        self.guardian_edit = QLineEdit(self)
        self.guardian_edit.setAccessibleName(self.tr("Guardian"))
        identity_form = QFormLayout(self.identity_box)
        identity_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        identity_form.addRow(self.tr("Legal &name:"), self.legal_name_edit)
        identity_form.addRow(self.tr("&Birth date:"), self.birth_edit)
        identity_form.addRow(self.tr("Nationalit&y:"), self.nationality_edit)
        identity_form.addRow(self.tr("&Contact:"), self.contact_edit)
        identity_form.addRow(self.safe_check)
        identity_form.addRow(self.tr("Safe &method:"), self.safe_method_edit)
        identity_form.addRow(self.minor_check)
        identity_form.addRow(self.tr("&Guardian:"), self.guardian_edit)

        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.identity_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _identity(self) -> ProtectedIdentity | None:
        if not self.identity_box.isChecked():
            return None
        return ProtectedIdentity(
            legal_name=self.legal_name_edit.text().strip(),
            birth_date=self.birth_edit.date().toPython(),  # type: ignore[arg-type]
            nationality=self.nationality_edit.text().strip(),
            contact=self.contact_edit.text().strip(),
            safe_to_contact=self.safe_check.isChecked(),
            safe_contact_method=self.safe_method_edit.text().strip(),
            is_minor=self.minor_check.isChecked(),
            guardian_name=self.guardian_edit.text().strip(),
        )

    def accept(self) -> None:
        try:
            self.person = self._people.add(
                self.case_id,
                PersonRole(str(self.role_combo.currentData())),
                self.pseudonym_edit.text().strip(),
                notes=self.notes_edit.toPlainText().strip(),
                identity=self._identity(),
            )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        super().accept()
