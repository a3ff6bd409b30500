"""People in a case, shown by pseudonym; the protected identity is revealed on request only."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake.models import Person, ProtectedIdentity
from intake.people import PeopleService
from ui.errors import show_error
from ui.form_drafts import PERSON_ADD, PERSON_EDIT, PERSON_IDENTITY
from ui.formatting import term
from ui.operations import PEOPLE, ChangeListener, operations
from ui.people.add_person_dialog import AddPersonDialog
from ui.people.edit_identity_dialog import EditIdentityDialog
from ui.people.edit_person_dialog import EditPersonDialog
from ui.people.identity_dialog import IdentityDialog
from ui.reason_dialog import ask_reason
from vault import roles
from vault.errors import CustodiaError

log = logging.getLogger(__name__)

CopyProtected = Callable[[str], None]


class PeopleTab(QWidget):
    def __init__(
        self,
        people: PeopleService,
        case_id: str,
        copy_protected: CopyProtected,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._people = people
        self._copy = copy_protected
        self.case_id = case_id
        self._persons: list[Person] = []
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Pseudonym"), self.tr("Role"), self.tr("Safe to contact"), self.tr("Minor")]
        )
        self.table.setAccessibleName(self.tr("People in the case"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr("&Add person…"), self)
        self.add_button.setAccessibleName(self.tr("Add a person to the case"))
        self.add_button.clicked.connect(lambda: self.open_add())
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setAccessibleName(self.tr("Edit the pseudonym, role and notes"))
        self.edit_button.clicked.connect(lambda: self.open_edit())
        self.identity_button = QPushButton(self.tr("Edit &identity…"), self)
        self.identity_button.setAccessibleName(self.tr("Record or correct the protected identity"))
        self.identity_button.setToolTip(
            self.tr("An identity already recorded is shown only after you give a reason.")
        )
        self.identity_button.clicked.connect(self._identity_clicked)
        self.reveal_button = QPushButton(self.tr("&Reveal identity…"), self)
        self.reveal_button.setAccessibleName(self.tr("Reveal the protected identity"))
        self.reveal_button.setToolTip(
            self.tr("You will be asked for a reason; every reveal is recorded in the audit log.")
        )
        self.reveal_button.clicked.connect(self._reveal_clicked)
        # Viewers read and reveal (audited) but change nothing (DESIGN §6.4).
        self.may_edit = people.vault.may(roles.CASE_WORK)
        for button in (self.add_button, self.edit_button, self.identity_button):
            button.setVisible(self.may_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.identity_button)
        buttons.addWidget(self.reveal_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        ChangeListener(self, (PEOPLE,), self.refresh, vault_open=lambda: people.vault.is_open)
        self.refresh()

    def refresh(self) -> None:
        self._persons = self._people.list_for_case(self.case_id)
        self.table.setRowCount(len(self._persons))
        yes, no = self.tr("yes"), self.tr("no")
        for row, person in enumerate(self._persons):
            values = [
                person.pseudonym,
                term(person.role),
                yes if person.safe_to_contact else no,
                yes if person.is_minor else no,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, person.person_id)
                self.table.setItem(row, column, item)
        self._selection_changed()

    def selected_person(self) -> Person | None:
        rows = self.table.selectionModel().selectedRows()
        return self._persons[rows[0].row()] if rows else None

    def select_person(self, person_id: str | None) -> bool:
        for row, person in enumerate(self._persons):
            if person.person_id == person_id:
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        person = self.selected_person()
        self.edit_button.setEnabled(self.may_edit and person is not None)
        self.identity_button.setEnabled(self.may_edit and person is not None)
        self.reveal_button.setEnabled(
            person is not None and self._people.has_identity(person.person_id)
        )

    def open_add(self) -> AddPersonDialog:
        dialog = AddPersonDialog(self._people, self.case_id, self)
        dialog.track_draft(PERSON_ADD, case_id=self.case_id)
        dialog.accepted.connect(lambda: operations().notify(PEOPLE))
        dialog.open()
        return dialog

    def open_edit(self, person_id: str | None = None) -> EditPersonDialog | None:
        if person_id is not None:
            self.select_person(person_id)
        person = self.selected_person()
        if person is None:
            return None
        dialog = EditPersonDialog(self._people, person, self)
        dialog.track_draft(PERSON_EDIT, case_id=self.case_id, subject_id=person.person_id)
        dialog.accepted.connect(lambda: operations().notify(PEOPLE))
        dialog.open()
        return dialog

    def edit_identity(self, person_id: str, reason: str | None) -> EditIdentityDialog:
        """Open the identity form; an existing identity is revealed (audited) with ``reason``."""
        identity = None
        if self._people.has_identity(person_id):
            if reason is None:
                raise ValueError("a recorded identity is revealed only with a reason")
            identity = self._people.reveal_identity(person_id, reason)
        dialog = EditIdentityDialog(self._people, self._people.get(person_id), identity, self)
        dialog.track_draft(PERSON_IDENTITY, case_id=self.case_id, subject_id=person_id)
        dialog.accepted.connect(lambda: operations().notify(PEOPLE))
        dialog.open()
        return dialog

    def _identity_clicked(self) -> None:
        person = self.selected_person()
        if person is None:
            return
        reason = None
        if self._people.has_identity(person.person_id):
            reason = self._ask_reveal_reason(person)
            if reason is None:
                return
        try:
            self.edit_identity(person.person_id, reason)
        except CustodiaError as exc:
            show_error(self, exc)

    def _ask_reveal_reason(self, person: Person) -> str | None:
        return ask_reason(
            self,
            self.tr("Reveal identity"),
            self.tr("Why do you need to see %1's identity? The reason is recorded.").replace(
                "%1", person.pseudonym
            ),
        )

    def reveal(self, person_id: str, reason: str) -> IdentityDialog:
        """Reveal (audited) and show the identity in a dialog that closes at lock."""
        identity: ProtectedIdentity = self._people.reveal_identity(person_id, reason)
        person = self._people.get(person_id)
        dialog = IdentityDialog(person.pseudonym, identity, self._copy, self)
        dialog.open()
        return dialog

    def _reveal_clicked(self) -> None:
        person = self.selected_person()
        if person is None:
            return
        reason = self._ask_reveal_reason(person)
        if reason is None:
            return
        try:
            self.reveal(person.person_id, reason)
        except CustodiaError as exc:
            show_error(self, exc)
