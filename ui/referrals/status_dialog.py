"""Changing a referral's status, outcome and next follow-up day (each change is kept)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from intake.referrals import Referral, ReferralService, ReferralStatus
from ui.errors import user_message
from ui.referrals.referral_dialog import future_date_field
from ui.referrals.words import local_day, status_words
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class StatusDialog(QDialog):
    def __init__(
        self, referrals: ReferralService, referral: Referral, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._referrals = referrals
        self.referral = referral
        self.setWindowTitle(self.tr("Referral status"))
        self.setMinimumWidth(500)
        self.about = plain_label(
            self.tr("%1 to %2, %3")
            .replace("%1", referral.case_reference)
            .replace("%2", referral.recipient)
            .replace("%3", local_day(referral.referred_on)),
            self,
        )
        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Status"))
        for status in ReferralStatus:
            self.status_combo.addItem(status_words(status), status.value)
        self.status_combo.setCurrentIndex(list(ReferralStatus).index(referral.status))
        self.outcome_edit = QPlainTextEdit(self)
        self.outcome_edit.setAccessibleName(self.tr("Outcome"))
        self.outcome_edit.setPlainText(referral.outcome)
        self.outcome_edit.setTabChangesFocus(True)
        self.outcome_edit.setMaximumHeight(90)
        self.follow_field = future_date_field(self, self.tr("Next follow-up"))
        self.follow_field.set_value(referral.follow_up_on)
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        form = QFormLayout()
        form.addRow(self.tr("&Status:"), self.status_combo)
        form.addRow(self.tr("&Outcome:"), self.outcome_edit)
        form.addRow(self.tr("Next &follow-up:"), self.follow_field)
        self.buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        try:
            follow = self.follow_field.value()
        except ValueError:
            self.message.setText(self.tr("The follow-up day is not a date the app can read."))
            return
        try:
            self.referral = self._referrals.update(
                self.referral.referral_id,
                status=str(self.status_combo.currentData()),
                outcome=self.outcome_edit.toPlainText(),
                follow_up_on=follow,
            )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        self.accept()
