"""Consent in a case: every version, newest first; record a new version or a withdrawal."""

from __future__ import annotations

import logging

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

from intake.consent import ConsentService
from intake.models import Consent, RecipientCategory
from intake.people import PeopleService
from ui.consent.consent_dialog import ConsentDialog
from ui.form_drafts import CONSENT_RECORD, CONSENT_WITHDRAW
from ui.formatting import term, when
from ui.operations import CONSENT, PEOPLE, ChangeListener, operations
from ui.widgets import plain_label

log = logging.getLogger(__name__)


class ConsentTab(QWidget):
    def __init__(
        self,
        consent: ConsentService,
        people: PeopleService,
        case_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._consent = consent
        self._people = people
        self.case_id = case_id
        self.summary = plain_label("", self)
        self.summary.setAccessibleName(self.tr("Current consent"))
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Version"),
                self.tr("Given"),
                self.tr("Person"),
                self.tr("Method"),
                self.tr("Language"),
                self.tr("May be shared with"),
            ]
        )
        self.table.setAccessibleName(self.tr("Consent versions"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.record_button = QPushButton(self.tr("&Record consent…"), self)
        self.record_button.setAccessibleName(self.tr("Record a new consent version"))
        self.record_button.clicked.connect(lambda: self.open_dialog(withdraw=False))
        self.withdraw_button = QPushButton(self.tr("Record &withdrawal…"), self)
        self.withdraw_button.setAccessibleName(self.tr("Record that consent was withdrawn"))
        self.withdraw_button.clicked.connect(lambda: self.open_dialog(withdraw=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        # A person added elsewhere appears in the consent form and history.
        ChangeListener(
            self, (PEOPLE, CONSENT), self.refresh, vault_open=lambda: consent.vault.is_open
        )
        self.refresh()

    def _scope_text(self, consent: Consent) -> str:
        if consent.withdrawn:
            return self.tr("WITHDRAWN: no one")
        ordered = [c for c in RecipientCategory if c in consent.scope]
        return ", ".join(term(c) for c in ordered) or "—"

    def refresh(self) -> None:
        history = self._consent.history(self.case_id)
        names = {p.person_id: p.pseudonym for p in self._people.list_for_case(self.case_id)}
        history.sort(key=lambda c: (c.recorded_at, c.version), reverse=True)
        self.table.setRowCount(len(history))
        for row, consent in enumerate(history):
            values = [
                str(consent.version),
                when(consent.given_at),
                names.get(consent.person_id or "", self.tr("whole case")),
                term(consent.method),
                consent.language,
                self._scope_text(consent),
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        current = self._consent.current(self.case_id)
        if not current:
            self.summary.setText(self.tr("No consent recorded yet: nothing may be exported."))
        else:
            self.summary.setText(
                self.tr("In force: %1").replace(
                    "%1", "; ".join(self._scope_text(c) for c in current)
                )
            )
        self.withdraw_button.setEnabled(bool(current))

    def open_dialog(self, *, withdraw: bool) -> ConsentDialog:
        dialog = ConsentDialog(
            self._consent,
            self._people.list_for_case(self.case_id),
            self.case_id,
            withdraw=withdraw,
            parent=self,
        )
        dialog.track_draft(CONSENT_WITHDRAW if withdraw else CONSENT_RECORD, case_id=self.case_id)
        dialog.accepted.connect(lambda: operations().notify(CONSENT))
        dialog.open()
        return dialog
