"""A table of referrals (the case's tab and the vault-wide list share it): plain-text cells."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from intake.referrals import Referral
from ui.formatting import term
from ui.referrals.words import local_day, status_words

log = logging.getLogger(__name__)


class ReferralTable(QTableWidget):
    def __init__(self, *, with_case: bool, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.with_case = with_case
        self.referrals: list[Referral] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.retranslate()

    def retranslate(self) -> None:
        labels = [
            self.tr("Day"),
            self.tr("Referred to"),
            self.tr("Status"),
            self.tr("Next follow-up"),
            self.tr("Outcome"),
            self.tr("Why"),
        ]
        if self.with_case:
            labels.insert(0, self.tr("Case"))
        self.setColumnCount(len(labels))
        self.setHorizontalHeaderLabels(labels)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(labels) - 1, QHeaderView.ResizeMode.Stretch)

    def show_referrals(self, referrals: list[Referral]) -> None:
        chosen = self.selected()
        self.referrals = referrals
        self.setRowCount(len(referrals))
        for row, r in enumerate(referrals):
            recipient = r.recipient + (f" ({term(r.recipient_kind)})" if r.recipient_kind else "")
            cells = [
                local_day(r.referred_on),
                recipient,
                status_words(r.status),
                local_day(r.follow_up_on) if not r.finished else "—",
                r.outcome,
                r.reason,
            ]
            if self.with_case:
                cells.insert(0, r.case_reference)
            for column, text in enumerate(cells):
                # One line per cell; the whole text is in the tooltip and the status dialog.
                item = QTableWidgetItem(" ".join(text.split()))
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, r.referral_id)
                self.setItem(row, column, item)
        if chosen is not None:
            self.select(chosen.referral_id)

    def selected(self) -> Referral | None:
        row = self.currentRow()
        if 0 <= row < len(self.referrals) and self.selectionModel().hasSelection():
            return self.referrals[row]
        return None

    def select(self, referral_id: str) -> None:
        for row, r in enumerate(self.referrals):
            if r.referral_id == referral_id:
                self.selectRow(row)
                return
