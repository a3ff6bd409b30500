"""Recording or correcting a protected identity.

An existing identity is shown only after an audited reveal (the people tab asks the reason
first); the form forgets the values when the dialog closes.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from intake.models import Person, ProtectedIdentity
from intake.people import PeopleService
from ui.errors import user_message
from ui.form_drafts import DraftForm
from ui.people.identity_form import IdentityForm
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class EditIdentityDialog(DraftForm, QDialog):
    def __init__(
        self,
        people: PeopleService,
        person: Person,
        identity: ProtectedIdentity | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._people = people
        self.person_id = person.person_id
        self.person: Person | None = None
        self.setWindowTitle(self.tr("Protected identity"))
        self.setMinimumWidth(520)
        text = (
            self.tr("Identity of %1. This reveal was recorded in the audit log.")
            if identity is not None
            else self.tr("No identity is recorded for %1 yet.")
        )
        notice = plain_label(text.replace("%1", person.pseudonym), self)
        notice.setObjectName("warningBanner")
        notice.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.form = IdentityForm(self)
        if identity is not None:
            self.form.set_identity(identity)
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(notice)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def accept(self) -> None:
        problem = self.form.problem()
        if problem is not None:
            self.message.setText(problem)
            return
        try:
            self.person = self._people.set_identity(self.person_id, self.form.identity())
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        log.info("identity of person %s saved", self.person_id)
        super().accept()

    def done(self, result: int) -> None:
        self.form.clear()
        super().done(result)
