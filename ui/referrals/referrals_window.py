"""Every referral of the vault (Vault > Referrals…), by status, with the case each belongs to."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.referrals import ReferralService, ReferralStatus
from ui.operations import CASES, ChangeListener, operations
from ui.referrals.referral_table import ReferralTable
from ui.referrals.referrals_tab import REFERRALS
from ui.referrals.status_dialog import StatusDialog
from ui.referrals.words import status_words
from ui.widgets import button_box, plain_label
from vault import roles

log = logging.getLogger(__name__)


class ReferralsWindow(QDialog):
    open_case = Signal(str)  # case id

    def __init__(self, referrals: ReferralService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._referrals = referrals
        self.dialog: StatusDialog | None = None
        self.setWindowTitle(self.tr("Referrals"))
        self.resize(980, 520)
        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Show referrals of status"))
        self.status_combo.addItem(self.tr("Every status"), "")
        self.status_combo.addItem(self.tr("Under way (not declined or closed)"), "open")
        for status in ReferralStatus:
            self.status_combo.addItem(status_words(status), status.value)
        self.status_combo.currentIndexChanged.connect(self.refresh)
        self.count = plain_label("", self, wrap=False)
        self.table = ReferralTable(with_case=True, parent=self)
        self.table.setAccessibleName(self.tr("Referrals of every case"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.open_button = QPushButton(self.tr("&Open the case"), self)
        self.open_button.clicked.connect(self._open_case)
        self.status_button = QPushButton(self.tr("Change &status…"), self)
        self.status_button.clicked.connect(lambda: self.change_status())
        self.status_button.setVisible(referrals.vault.may(roles.CASE_WORK))
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Show:"), self, wrap=False))
        top.addWidget(self.status_combo)
        top.addStretch(1)
        top.addWidget(self.count)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.status_button)
        actions.addStretch(1)
        buttons = button_box(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        ChangeListener(
            self, (REFERRALS, CASES), self.refresh, vault_open=lambda: referrals.vault.is_open
        )
        self.refresh()

    def refresh(self) -> None:
        wanted = str(self.status_combo.currentData() or "")
        if wanted == "open":
            shown = [r for r in self._referrals.list_all() if not r.finished]
        elif wanted:
            shown = self._referrals.list_all(status=ReferralStatus(wanted))
        else:
            shown = self._referrals.list_all()
        self.table.show_referrals(shown)
        self.count.setText(self.tr("%n referral(s)", "", len(shown)))
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.table.selected() is not None
        self.open_button.setEnabled(chosen)
        self.status_button.setEnabled(chosen)

    def _open_case(self) -> None:
        chosen = self.table.selected()
        if chosen is not None:
            self.open_case.emit(chosen.case_id)

    def change_status(self) -> StatusDialog | None:
        chosen = self.table.selected()
        if chosen is None:
            return None
        dialog = StatusDialog(self._referrals, chosen, self)
        dialog.accepted.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self) -> None:
        self.dialog = None
        operations().notify(REFERRALS)
