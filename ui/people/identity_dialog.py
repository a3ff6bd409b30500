"""A revealed identity, shown as plain text; copying it clears the clipboard after 30 s."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from intake.models import ProtectedIdentity
from ui.formatting import day
from ui.widgets import button_box, data_label, plain_label


class IdentityDialog(QDialog):
    def __init__(
        self,
        pseudonym: str,
        identity: ProtectedIdentity,
        copy_protected: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._copy = copy_protected
        self._identity = identity
        self.setWindowTitle(self.tr("Protected identity"))
        self.setMinimumWidth(480)
        notice = plain_label(
            self.tr("Identity of %1. This reveal was recorded in the audit log.").replace(
                "%1", pseudonym
            ),
            self,
        )
        notice.setObjectName("warningBanner")
        notice.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        yes, no = self.tr("yes"), self.tr("no")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_label = data_label(identity.legal_name or "—", self)
        self.name_label.setAccessibleName(self.tr("Legal name"))
        form.addRow(self.tr("Legal name:"), self.name_label)
        form.addRow(self.tr("Birth date:"), data_label(day(identity.birth_date), self))
        form.addRow(self.tr("Nationality:"), data_label(identity.nationality or "—", self))
        documents = "\n".join(
            " ".join(part for part in (d.kind, d.number, d.issuer) if part)
            + (f" ({d.held_by})" if d.held_by else "")
            for d in identity.documents
        )
        form.addRow(self.tr("Documents:"), data_label(documents or "—", self))
        self.contact_label = data_label(identity.contact or "—", self)
        self.contact_label.setAccessibleName(self.tr("Contact"))
        form.addRow(self.tr("Contact:"), self.contact_label)
        form.addRow(
            self.tr("Safe to contact:"),
            data_label(
                (yes if identity.safe_to_contact else no)
                + (f" — {identity.safe_contact_method}" if identity.safe_contact_method else ""),
                self,
            ),
        )
        if identity.is_minor:
            guardian = " · ".join(
                p
                for p in (
                    identity.guardian_name,
                    identity.guardian_relation,
                    identity.guardian_contact,
                )
                if p
            )
            form.addRow(self.tr("Guardian:"), data_label(guardian or "—", self))
        self.copy_button = QPushButton(self.tr("&Copy contact"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the contact (cleared after 30 seconds)"))
        self.copy_button.setEnabled(bool(identity.contact))
        self.copy_button.clicked.connect(lambda: self._copy(self._identity.contact))
        buttons = button_box(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(notice)
        layout.addLayout(form)
        layout.addWidget(buttons)
