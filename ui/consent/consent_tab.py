"""Consent in a case: every version, newest first; record a new version or a withdrawal.

The chosen version's details (interpreter, witness, method, notes, the signed form) are shown
below the list, so that what was recorded can be read again; a scan of the signed form can be
attached to it, as an evidence item of the case.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake.consent import ConsentService
from intake.consent_documents import ConsentDocuments
from intake.evidence import EvidenceService
from intake.models import Consent, RecipientCategory
from intake.people import PeopleService
from ui.consent.consent_dialog import ConsentDialog
from ui.errors import show_error
from ui.form_drafts import CONSENT_RECORD, CONSENT_WITHDRAW
from ui.formatting import term, when
from ui.operations import CONSENT, CUSTODY, EVIDENCE, PEOPLE, ChangeListener, operations
from ui.widgets import data_label, plain_label
from ui.workers import Job, ProgressFn

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
        self._documents = ConsentDocuments(consent.vault)
        self._history: list[Consent] = []
        self.case_id = case_id
        self.job: Job | None = None
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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._show_details)
        self.details = data_label("", self)
        self.details.setAccessibleName(self.tr("Details of the chosen consent"))
        self.details.setObjectName("details")
        self.attach_button = QPushButton(self.tr("Attach &signed form…"), self)
        self.attach_button.setAccessibleName(
            self.tr("Attach a scan or photo of the signed consent form")
        )
        self.attach_button.clicked.connect(self._attach_clicked)
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
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
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
        chosen = self.selected_consent()
        self._history = history
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
        for row, consent in enumerate(history):
            if chosen is not None and consent.consent_id == chosen.consent_id:
                self.table.selectRow(row)
        self._show_details()
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

    def selected_consent(self) -> Consent | None:
        rows = self.table.selectionModel().selectedRows()
        return self._history[rows[0].row()] if rows and rows[0].row() < len(self._history) else None

    def select_consent(self, consent_id: str) -> bool:
        for row, consent in enumerate(self._history):
            if consent.consent_id == consent_id:
                self.table.selectRow(row)
                return True
        return False

    def _show_details(self) -> None:
        consent = self.selected_consent()
        self.attach_button.setEnabled(consent is not None and self.job is None)
        if consent is None:
            self.details.setText(self.tr("Choose a version to see everything that was recorded."))
            return
        names = {p.person_id: p.pseudonym for p in self._people.list_for_case(self.case_id)}
        lines = [
            self.tr("Version %1 · %2 · given %3")
            .replace("%1", str(consent.version))
            .replace("%2", names.get(consent.person_id or "", self.tr("whole case")))
            .replace("%3", when(consent.given_at)),
            self.tr("Method: %1").replace("%1", term(consent.method)),
            self.tr("May be shared with: %1").replace("%1", self._scope_text(consent)),
        ]
        facts = [
            (self.tr("Language: %1"), consent.language),
            (self.tr("Interpreter: %1"), consent.interpreter),
            (self.tr("Witness: %1"), consent.witness),
            (self.tr("Notes: %1"), consent.notes),
        ]
        lines += [label.replace("%1", value) for label, value in facts if value]
        lines.append(
            self.tr("Recorded %1 by %2")
            .replace("%1", when(consent.recorded_at))
            .replace("%2", consent.recorded_by)
        )
        evidence = EvidenceService(self._consent.vault)
        labels = [evidence.get(e).label for e in self._documents.for_consent(consent.consent_id)]
        lines.append(
            self.tr("Signed form: %1").replace("%1", ", ".join(labels))
            if labels
            else self.tr("Signed form: none attached")
        )
        self.details.setText("\n".join(lines))

    def _attach_clicked(self) -> None:
        consent = self.selected_consent()
        if consent is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attach the signed consent form"))
        if name:
            self.attach(consent.consent_id, Path(name))

    def attach(self, consent_id: str, path: Path) -> Job:
        """Ingest the signed form (encrypted, as evidence of the case) and link it, in a worker."""
        documents = self._documents

        def work(_progress: ProgressFn, cancel: threading.Event) -> object:
            return documents.attach(consent_id, path, cancel=cancel)

        self.attach_button.setEnabled(False)
        job = operations().run(
            work,
            name="consent-form",
            reads_vault=True,
            changes={CONSENT, EVIDENCE, CUSTODY},
            parent=self,
        )
        self.job = job
        job.failed.connect(
            lambda exc: show_error(self, exc) if isinstance(exc, BaseException) else None
        )
        job.finished.connect(self._attached)
        return job

    def _attached(self) -> None:
        self.job = None
        self._show_details()

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
