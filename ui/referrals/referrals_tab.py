"""The case's Referrals tab: every referral of the case, its status history, and the buttons to
record one or change its status."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from intake.referrals import ReferralService
from ui.formatting import when
from ui.operations import CASES, ChangeListener, operations
from ui.referrals.referral_dialog import ReferralDialog
from ui.referrals.referral_table import ReferralTable
from ui.referrals.status_dialog import StatusDialog
from ui.referrals.words import local_day, status_words
from ui.widgets import heading, plain_label, wrapping_list
from vault import roles

log = logging.getLogger(__name__)

#: The kind of data other views refresh on when a referral changes.
REFERRALS = "referrals"


class ReferralsTab(QWidget):
    def __init__(
        self,
        referrals: ReferralService,
        case_id: str,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._referrals = referrals
        self._today = today
        self.case_id = case_id
        self.dialog: ReferralDialog | StatusDialog | None = None  # the open one, for tests
        self.table = ReferralTable(with_case=False, parent=self)
        self.table.setAccessibleName(self.tr("Referrals of the case"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _item: self.change_status())
        may = self._may = referrals.vault.may(roles.CASE_WORK)
        self.add_button = QPushButton(self.tr("&New referral…"), self)
        self.add_button.setAccessibleName(self.tr("Record a referral of this case"))
        self.add_button.clicked.connect(lambda: self.new_referral())
        self.add_button.setVisible(may)
        self.status_button = QPushButton(self.tr("Change &status…"), self)
        self.status_button.setAccessibleName(
            self.tr("Change the chosen referral's status, outcome or follow-up")
        )
        self.status_button.clicked.connect(lambda: self.change_status())
        self.status_button.setVisible(may)
        self.empty = plain_label(
            self.tr(
                "No referral yet. Record one when the case or a survivor is referred to the "
                "police, a prosecutor, ANITP, a shelter or a partner organisation."
            ),
            self,
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.status_button)
        buttons.addStretch(1)
        self.history = wrapping_list(QListWidget(self))
        self.history.setAccessibleName(self.tr("History of the chosen referral"))
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.history_heading = heading(self.tr("History"), lower)
        lower_layout.addWidget(self.history_heading)
        lower_layout.addWidget(self.history)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        ChangeListener(
            self, (REFERRALS, CASES), self.refresh, vault_open=lambda: referrals.vault.is_open
        )
        self.refresh()

    def refresh(self) -> None:
        referrals = self._referrals.for_case(self.case_id)
        self.table.show_referrals(referrals)
        self.empty.setVisible(not referrals)
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.table.selected()
        self.status_button.setEnabled(chosen is not None)
        self.history.clear()
        if chosen is None:
            return
        for event in self._referrals.history(chosen.referral_id):
            parts = [when(event.at), status_words(event.status), event.actor]
            if event.follow_up_on is not None:
                parts.append(
                    self.tr("next follow-up %1").replace("%1", local_day(event.follow_up_on))
                )
            if event.outcome:
                parts.append(event.outcome)
            self.history.addItem(" · ".join(parts))

    def new_referral(self) -> ReferralDialog:
        dialog = ReferralDialog(self._referrals, self.case_id, self._today(), self)
        dialog.accepted.connect(lambda: self._saved(dialog.referral))
        self.dialog = dialog
        dialog.open()
        return dialog

    def change_status(self) -> StatusDialog | None:
        chosen = self.table.selected()
        if chosen is None or not self._may:
            return None
        dialog = StatusDialog(self._referrals, chosen, self)
        dialog.accepted.connect(lambda: self._saved(dialog.referral))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, referral: object) -> None:
        self.dialog = None
        operations().notify(REFERRALS)
        referral_id = getattr(referral, "referral_id", None)
        if isinstance(referral_id, str):
            self.table.select(referral_id)
