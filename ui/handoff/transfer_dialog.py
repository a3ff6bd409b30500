"""Send a case, or some of its items, to a team member's vault (encrypted to their key)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from exports.address_book import AddressBook
from exports.handoff import SentBundle, transfer
from intake import open_intake
from resources import i18n
from ui import operations as ops
from ui.formatting import fingerprint as grouped
from ui.handoff.job_dialog import JobDialog
from ui.workers import Job
from vault import Vault

log = logging.getLogger(__name__)


class TransferDialog(JobDialog):
    sent = Signal(object)  # SentBundle

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(vault, parent)
        self.setWindowTitle(self.tr("Transfer to a team member"))
        self.send_button = self.start_button
        self.send_button.setText(self.tr("&Send"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.member_combo = QComboBox()
        for entry in AddressBook(vault).entries():
            if entry.age_recipient:
                self.member_combo.addItem(entry.name, entry.name)
        self.case_combo = QComboBox()
        for row in open_intake(vault).cases.list_cases():
            self.case_combo.addItem(f"{row.case.reference} — {row.case.title}", row.case.reference)
        self.items_edit = QLineEdit()
        self.items_edit.setPlaceholderText(self.tr("all items, or e.g. E-0001, E-0003"))
        self.dest_edit = QLineEdit()
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.dest_edit, 1)
        dest_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Team member"), self.member_combo)
        form.addRow(self.tr("Case"), self.case_combo)
        form.addRow(self.tr("Items"), self.items_edit)
        form.addRow(self.tr("Save encrypted bundle as"), dest_row)
        self.status.setText(
            self.tr(
                "Only the team member's vault can open the bundle. Your custody log records"
                " the transfer; theirs records the receipt when they import it."
            )
        )
        if self.member_combo.count() == 0:
            self.status.setText(
                self.tr(
                    "No team member with a receiving key yet: add their age key in the address"
                    " book (Bundles → Address book)."
                )
            )
        self.send_button.setEnabled(self.member_combo.count() > 0)
        self._lay_out(form, [], 320)

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save encrypted bundle as"), "", self.tr("Encrypted bundles (*.zip.age)")
        )
        if name:
            self.dest_edit.setText(name)

    def start(self) -> Job | None:
        member = str(self.member_combo.currentData() or "")
        reference = str(self.case_combo.currentData() or "")
        dest = self.dest_edit.text().strip()
        if not (member and reference and dest):
            self.status.setText(self.tr("Choose the team member, the case and where to save."))
            return None
        items = [p.strip().upper() for p in self.items_edit.text().split(",") if p.strip()]
        vault = self.vault
        language = i18n.current().language

        def work(progress: Any, cancel: Any) -> SentBundle:
            return transfer(
                vault,
                member,
                reference,
                Path(dest),
                evidence_numbers=items,
                language=language,
                progress=progress,
                cancel=cancel,
            )

        return self._run(
            work,
            name="transfer",
            changes={ops.CUSTODY},
            busy_text=self.tr("Encrypting the bundle…"),
        )

    def _done(self, result: object) -> None:
        assert isinstance(result, SentBundle)
        self.status.setText(
            self.tr("Sent: {0}\nTell the team member your signing fingerprint by phone: {1}")
            .replace("{0}", str(result.paths[0]))
            .replace("{1}", grouped(result.result.ed25519_fingerprint))
        )
        self.sent.emit(result)

    def _cancelled_words(self) -> str:
        return self.tr("Transfer cancelled: nothing was written.")
