"""Vault > Retention…: the cases whose retention date has passed, and their erasure.

Erasing is for administrators (DESIGN §6.4). It asks for a reason (kept on the tombstone and in
the audit log) and for the case reference typed again, so that a slip of the mouse erases
nothing; a case under legal hold is listed with its hold and cannot be erased.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake.erasure import ErasureService, RetentionDue
from ui.errors import user_message
from ui.formatting import term, when
from ui.operations import CASES, ChangeListener, operations
from ui.referrals.words import local_day
from ui.widgets import button_box, heading, plain_label, wrapping_list
from vault import roles
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class RetentionDialog(QDialog):
    case_erased = Signal(str)  # the erased case's id (a view of it must close)

    def __init__(self, erasure: ErasureService, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._erasure = erasure
        self._today = today
        self.due: list[RetentionDue] = []
        self.admin = erasure.vault.may(roles.ERASURE)
        self.setWindowTitle(self.tr("Retention"))
        self.resize(860, 560)
        self.intro = plain_label(
            self.tr(
                "Cases whose retention date has passed. An administrator erases a case with "
                "everything in it: people, statements, evidence files, consent, referrals and "
                "tasks. A tombstone keeps the reference, who erased it, when, why and how much."
            ),
            self,
        )
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Kept until"),
                self.tr("Status"),
                self.tr("Legal hold"),
                self.tr("Title"),
            ]
        )
        self.table.setAccessibleName(self.tr("Cases past their retention date"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update)
        self.empty = plain_label(self.tr("No case is past its retention date."), self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setAccessibleName(self.tr("Reason for the erasure"))
        self.reason_edit.setPlaceholderText(self.tr("e.g. retention period of the policy over"))
        self.reason_edit.setMaxLength(500)
        self.reason_edit.textChanged.connect(self._update)
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setAccessibleName(self.tr("The case reference, typed again"))
        self.confirm_edit.textChanged.connect(self._update)
        self.erase_button = QPushButton(self.tr("&Erase the case"), self)
        self.erase_button.setAccessibleName(self.tr("Erase the chosen case for good"))
        self.erase_button.clicked.connect(lambda: self.erase())
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        self.form = QWidget(self)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        form.addRow(self.tr("Type the case reference &again to confirm:"), self.confirm_edit)
        erase_row = QHBoxLayout()
        erase_row.addWidget(self.erase_button)
        erase_row.addStretch(1)
        form.addRow("", erase_row)
        self.form.setVisible(self.admin)
        self.not_admin = plain_label(
            self.tr("Only an administrator of the vault can erase a case."), self
        )
        self.not_admin.setVisible(not self.admin)
        self.erased = wrapping_list(QListWidget(self))
        self.erased.setAccessibleName(self.tr("Cases erased"))
        buttons = button_box(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.empty)
        layout.addWidget(self.form)
        layout.addWidget(self.not_admin)
        layout.addWidget(self.message)
        layout.addWidget(heading(self.tr("Cases erased"), self))
        layout.addWidget(self.erased, 1)
        layout.addWidget(buttons)
        ChangeListener(self, (CASES,), self.refresh, vault_open=lambda: erasure.vault.is_open)
        self.refresh()

    def refresh(self) -> None:
        self.due = self._erasure.retention_due(self._today)
        self.table.setRowCount(len(self.due))
        for row, case in enumerate(self.due):
            hold = self.tr("yes: cannot be erased") if case.legal_hold else ""
            cells = [
                case.reference,
                local_day(case.retention_until),
                term(case.status),
                hold,
                case.title,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(" ".join(text.split())))
        self.empty.setVisible(not self.due)
        self.erased.clear()
        for gone in self._erasure.case_tombstones():
            t = gone.tombstone
            counts = t.counts
            self.erased.addItem(
                self.tr("%1 · erased %2 by %3 · %4 · people %5, statements %6, evidence %7")
                .replace("%1", gone.reference)
                .replace("%2", when(t.erased_at))
                .replace("%3", t.erased_by)
                .replace("%4", " ".join(t.reason.split()))
                .replace("%5", str(counts.get("people", 0)))
                .replace("%6", str(counts.get("statements", 0)))
                .replace("%7", str(counts.get("evidence", 0)))
            )
        self._update()

    def selected(self) -> RetentionDue | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.due) and self.table.selectionModel().hasSelection():
            return self.due[row]
        return None

    def select(self, reference: str) -> None:
        for row, case in enumerate(self.due):
            if case.reference == reference:
                self.table.selectRow(row)

    def _update(self) -> None:
        chosen = self.selected()
        ready = (
            self.admin
            and chosen is not None
            and not chosen.legal_hold
            and bool(self.reason_edit.text().strip())
            and self.confirm_edit.text().strip().casefold() == chosen.reference.casefold()
        )
        self.erase_button.setEnabled(ready)
        if chosen is not None and chosen.legal_hold:
            self.message.setText(
                self.tr("%1 is under legal hold; lift the hold first.").replace(
                    "%1", chosen.reference
                )
            )
        elif self.message.text() and chosen is not None:
            self.message.setText("")

    def erase(self) -> bool:
        chosen = self.selected()
        if chosen is None or not self.erase_button.isEnabled():
            return False
        try:
            gone = self._erasure.erase_case(
                chosen.case_id, self.reason_edit.text(), today=self._today
            )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return False
        self.reason_edit.clear()
        self.confirm_edit.clear()
        self.case_erased.emit(chosen.case_id)
        operations().notify(CASES)
        self.message.setText(self.tr("%1 was erased.").replace("%1", gone.reference))
        return True
