"""Adding a person: role and pseudonym, and optionally the protected identity."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QComboBox,
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
from ui.form_drafts import DraftForm
from ui.formatting import term
from ui.people.identity_form import IdentityForm
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class AddPersonDialog(DraftForm, QDialog):
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
        self.identity_form = IdentityForm(self.identity_box)
        # Kept as attributes: tests and callers fill the fields directly.
        self.legal_name_edit = self.identity_form.legal_name_edit
        self.contact_edit = self.identity_form.contact_edit
        self.minor_check = self.identity_form.minor_check
        self.guardian_edit = self.identity_form.guardian_edit
        identity_layout = QVBoxLayout(self.identity_box)
        identity_layout.addWidget(self.identity_form)

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
        return self.identity_form.identity()

    def accept(self) -> None:
        problem = self.identity_form.problem() if self.identity_box.isChecked() else None
        if problem is not None:
            self.message.setText(problem)
            return
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
