"""After unlocking: the forms that were open when the vault locked, offered back.

Each draft is listed by what it was (a new person, a consent, an interview…), its case and when
it was kept. Reopening brings the same form back, filled in; throwing a draft away is its own
button and asks first. "Later" keeps them all for the next time.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.drafts import Draft
from ui import form_drafts as kinds
from ui.formatting import when
from ui.widgets import plain_label

log = logging.getLogger(__name__)


class DraftsDialog(QDialog):
    reopen_requested = Signal(object)  # list[Draft]
    discard_requested = Signal(object)  # list[Draft]

    def __init__(
        self,
        drafts: list[Draft],
        case_names: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.drafts = list(drafts)
        self.setWindowTitle(self.tr("Unsaved work kept at lock"))
        self.setMinimumWidth(560)
        intro = plain_label(
            self.tr(
                "These forms were open when the vault locked. What you typed was kept, "
                "encrypted, in the vault. Reopen them to finish, or throw away those you no "
                "longer need."
            ),
            self,
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Kept drafts"))
        self.list.setWordWrap(True)
        for draft in self.drafts:
            parts = [self.kind_text(draft.kind)]
            if draft.case_id and draft.case_id in case_names:
                parts.append(case_names[draft.case_id])
            parts.append(self.tr("kept %1").replace("%1", when(draft.saved_at)))
            item = QListWidgetItem(" · ".join(parts))  # list items never render HTML
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, draft.draft_id)
            self.list.addItem(item)
        self.reopen_button = QPushButton(self.tr("&Reopen"), self)
        self.reopen_button.setAccessibleName(self.tr("Reopen the ticked forms, filled in"))
        self.reopen_button.setDefault(True)
        self.reopen_button.clicked.connect(self.reopen_checked)
        self.discard_button = QPushButton(self.tr("&Throw away…"), self)
        self.discard_button.setAccessibleName(self.tr("Throw away the ticked drafts"))
        self.discard_button.clicked.connect(self._discard_clicked)
        self.later_button = QPushButton(self.tr("&Later"), self)
        self.later_button.setAccessibleName(self.tr("Keep the drafts for later"))
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def kind_text(self, kind: str) -> str:
        names = {
            kinds.CASE_NEW: self.tr("New case"),
            kinds.CASE_EDIT: self.tr("Case details"),
            kinds.PERSON_ADD: self.tr("New person"),
            kinds.PERSON_EDIT: self.tr("Person's details"),
            kinds.PERSON_IDENTITY: self.tr("Protected identity"),
            kinds.CONSENT_RECORD: self.tr("Consent"),
            kinds.CONSENT_WITHDRAW: self.tr("Withdrawal of consent"),
            kinds.INTERVIEW_NEW: self.tr("New interview"),
            kinds.INTERVIEW_EDIT: self.tr("Interview details"),
            kinds.INTERVIEW_BREAK: self.tr("Break in an interview"),
            kinds.STATEMENT_NEW: self.tr("New statement"),
            kinds.STATEMENT_ADDENDUM: self.tr("Addendum"),
            kinds.EVIDENCE_ACQUISITION: self.tr("Evidence being added"),
            kinds.EVIDENCE_CUSTODY: self.tr("Custody event"),
            kinds.EVIDENCE_DESCRIPTION: self.tr("Evidence description"),
            kinds.ENTITY_ADD: self.tr("Entity being added"),
        }
        return names.get(kind, kind)

    def checked(self) -> list[Draft]:
        by_id = {d.draft_id: d for d in self.drafts}
        found = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(by_id[str(item.data(Qt.ItemDataRole.UserRole))])
        return found

    def reopen_checked(self) -> None:
        chosen = self.checked()
        self.accept()
        if chosen:
            self.reopen_requested.emit(chosen)

    def discard_checked(self) -> None:
        chosen = self.checked()
        if chosen:
            self.discard_requested.emit(chosen)
        ids = {d.draft_id for d in chosen}
        self.drafts = [d for d in self.drafts if d.draft_id not in ids]
        for row in reversed(range(self.list.count())):
            if str(self.list.item(row).data(Qt.ItemDataRole.UserRole)) in ids:
                self.list.takeItem(row)
        if not self.drafts:
            self.accept()

    def _discard_clicked(self) -> None:
        count = len(self.checked())
        if not count:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Throw away drafts"),
            self.tr(
                "Throw away %n draft(s)? What was typed in them cannot be brought back.", "", count
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Throw away"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.discard_checked()
