"""Recording a referral: to whom (an address-book entry), when, why, what was sent, and the
next follow-up day."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from exports.address_book import AddressBook, AddressEntry
from intake.referrals import Referral, ReferralService
from ui.errors import user_message
from ui.formatting import term
from ui.people.date_field import DateField
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError

log = logging.getLogger(__name__)

LATEST = QDate(2100, 12, 31)


def future_date_field(parent: QWidget, name: str) -> DateField:
    """A date field whose calendar also offers days to come (a follow-up, a hearing)."""
    field = DateField(parent, years_back=0)
    field.calendar.setMaximumDate(LATEST)
    field.setAccessibleName(name)
    return field


def exported_bundles(referrals: ReferralService, case_id: str) -> list[tuple[str, str]]:
    """The bundles exported from the case, newest first: (bundle id, when), from the ledger."""
    found: list[tuple[str, str]] = []
    for entry in referrals.vault.audit_entries(action_prefix="export.completed"):
        details = entry.details
        if details.get("case") == case_id and isinstance(details.get("bundle_id"), str):
            found.append((str(details["bundle_id"]), str(entry.at)[:10]))
    return found


class ReferralDialog(QDialog):
    """Add a referral of one case; :attr:`referral` holds it once recorded."""

    def __init__(
        self,
        referrals: ReferralService,
        case_id: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._referrals = referrals
        self.case_id = case_id
        self.referral: Referral | None = None
        self.setWindowTitle(self.tr("New referral"))
        self.setMinimumWidth(520)
        self._entries: list[AddressEntry] = AddressBook(referrals.vault).entries()
        self.recipient_combo = QComboBox(self)
        self.recipient_combo.setAccessibleName(self.tr("Referred to"))
        for entry in self._entries:
            kind = f" ({term(entry.kind.value)})" if entry.kind else ""
            self.recipient_combo.addItem(entry.name + kind, entry.name)
        self.on_field = future_date_field(self, self.tr("Day of the referral"))
        self.on_field.set_value(today)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setAccessibleName(self.tr("Why"))
        self.reason_edit.setPlaceholderText(self.tr("Why the case is referred (optional)"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(90)
        self.bundle_combo = QComboBox(self)
        self.bundle_combo.setAccessibleName(self.tr("What was sent"))
        self.bundle_combo.addItem(self.tr("No bundle"), "")
        for bundle_id, day in exported_bundles(referrals, case_id):
            self.bundle_combo.addItem(
                self.tr("Bundle %1 of %2").replace("%1", bundle_id[:8]).replace("%2", day),
                bundle_id,
            )
        self.follow_field = future_date_field(self, self.tr("Next follow-up"))
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        if not self._entries:
            self.message.setText(
                self.tr(
                    "The address book is empty: add the organisation under Bundles > Address "
                    "book first."
                )
            )
        form = QFormLayout()
        form.addRow(self.tr("Referred &to:"), self.recipient_combo)
        form.addRow(self.tr("&Day:"), self.on_field)
        form.addRow(self.tr("&Why:"), self.reason_edit)
        form.addRow(self.tr("&Sent:"), self.bundle_combo)
        form.addRow(self.tr("Next &follow-up:"), self.follow_field)
        self.buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self._entries))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        index = self.recipient_combo.currentIndex()
        if index < 0:
            return
        entry = self._entries[index]
        try:
            on = self.on_field.value()
            follow = self.follow_field.value()
        except ValueError:
            self.message.setText(self.tr("A day is not a date the app can read."))
            return
        if on is None:
            self.message.setText(self.tr("Give the day of the referral."))
            return
        try:
            self.referral = self._referrals.add(
                self.case_id,
                entry.name,
                on,
                recipient_kind=entry.kind.value if entry.kind else "",
                reason=self.reason_edit.toPlainText(),
                bundle_id=str(self.bundle_combo.currentData() or ""),
                follow_up_on=follow,
            )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        self.accept()
