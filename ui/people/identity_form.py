"""The fields of a protected identity, shared by adding a person and editing an identity."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QWidget

from intake.errors import ValidationError
from intake.models import ProtectedIdentity
from ui.people.date_field import DateField


class IdentityForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Fields this form does not show (documents, guardian contact) survive an edit.
        self._base = ProtectedIdentity()
        self.legal_name_edit = QLineEdit(self)
        self.legal_name_edit.setAccessibleName(self.tr("Legal name"))
        # Typed in the user's own date format, or picked; empty when not known.
        self.birth_edit = DateField(self, years_back=30)
        self.birth_edit.setAccessibleName(self.tr("Birth date"))
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
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Legal &name:"), self.legal_name_edit)
        form.addRow(self.tr("&Birth date:"), self.birth_edit)
        form.addRow(self.tr("Nationalit&y:"), self.nationality_edit)
        form.addRow(self.tr("&Contact:"), self.contact_edit)
        form.addRow(self.safe_check)
        form.addRow(self.tr("Safe &method:"), self.safe_method_edit)
        form.addRow(self.minor_check)
        form.addRow(self.tr("&Guardian:"), self.guardian_edit)

    def set_identity(self, identity: ProtectedIdentity) -> None:
        self._base = identity
        self.legal_name_edit.setText(identity.legal_name)
        self.birth_edit.set_value(identity.birth_date)
        self.nationality_edit.setText(identity.nationality)
        self.contact_edit.setText(identity.contact)
        self.safe_check.setChecked(identity.safe_to_contact)
        self.safe_method_edit.setText(identity.safe_contact_method)
        self.minor_check.setChecked(identity.is_minor)
        self.guardian_edit.setText(identity.guardian_name)

    def problem(self) -> str | None:
        """What must be corrected before saving, in words (``None`` when nothing)."""
        if not self.birth_edit.valid:
            self.birth_edit.setFocus()
            return self.tr(
                "The birth date is not a date. Type it as shown in the field, pick it on the "
                "calendar, or leave it empty if it is not known."
            )
        return None

    def identity(self) -> ProtectedIdentity:
        """The identity in the form; a birth date that is not a date is refused, not dropped."""
        try:
            birth = self.birth_edit.value()
        except ValueError as exc:
            self.birth_edit.setFocus()
            raise ValidationError("birth date") from exc
        return replace(
            self._base,
            legal_name=self.legal_name_edit.text().strip(),
            birth_date=birth,
            nationality=self.nationality_edit.text().strip(),
            contact=self.contact_edit.text().strip(),
            safe_to_contact=self.safe_check.isChecked(),
            safe_contact_method=self.safe_method_edit.text().strip(),
            is_minor=self.minor_check.isChecked(),
            guardian_name=self.guardian_edit.text().strip(),
        )

    def clear(self) -> None:
        """Forget the revealed values (the dialog closes, or the vault locks)."""
        self.set_identity(ProtectedIdentity())
