"""Import a bundle: verified first, the sender confirmed, then recorded in one transaction."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)

from exports.address_book import AddressBook
from exports.importer import ImportOutcome, SenderNotConfirmedError, import_bundle
from ui import operations as ops
from ui.errors import user_message
from ui.formatting import fingerprint as grouped
from ui.handoff.job_dialog import JobDialog
from ui.workers import Job
from vault import Vault
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class ImportDialog(JobDialog):
    imported = Signal(object)  # ImportOutcome
    sender_unconfirmed = Signal(object)  # the verdict

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(vault, parent)
        self.setWindowTitle(self.tr("Import a bundle"))
        self.import_button = self.start_button
        self.import_button.setText(self.tr("&Import"))
        self.cancel_button.setText(self.tr("&Cancel import"))
        self.pending_key = ""
        self.pending_certificate = ""
        self.bundle_edit = QLineEdit()
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.bundle_edit, 1)
        row.addWidget(browse)
        self.case_edit = QLineEdit()
        self.case_edit.setPlaceholderText(self.tr("the sender's reference"))
        self.identity_edit = QLineEdit()
        self.identity_edit.setPlaceholderText(self.tr("this vault's receiving key"))
        form = QFormLayout()
        form.addRow(self.tr("Bundle"), row)
        form.addRow(self.tr("Into case"), self.case_edit)
        form.addRow(self.tr("Age identity file"), self.identity_edit)
        self.status.setText(
            self.tr(
                "The bundle is verified first. Nothing is recorded unless it is intact and you"
                " have confirmed who sent it."
            )
        )
        self.confirm_button = QPushButton(self.tr("Con&firm sender…"))
        self.confirm_button.setVisible(False)
        self.confirm_button.clicked.connect(self.ask_confirm)
        self._lay_out(form, [self.confirm_button], 300)

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a bundle"), "", self.tr("Bundles (*.age *.zip);;All files (*)")
        )
        if name:
            self.bundle_edit.setText(name)

    def start(self) -> Job | None:
        bundle = Path(self.bundle_edit.text().strip())
        if not self.bundle_edit.text().strip():
            self.status.setText(self.tr("Choose the bundle to import."))
            return None
        case = self.case_edit.text().strip()
        identity = self.identity_edit.text().strip() or None
        vault = self.vault

        def work(progress: Any, cancel: Any) -> ImportOutcome:
            return import_bundle(
                vault,
                bundle,
                case_reference=case,
                identity_file=identity,
                progress=progress,
                cancel=cancel,
            )

        self.confirm_button.setVisible(False)
        return self._run(
            work,
            name="import",
            changes={ops.CASES, ops.EVIDENCE, ops.CUSTODY, ops.STATEMENTS, ops.PEOPLE},
            busy_text=self.tr("Verifying and importing…"),
        )

    def _done(self, outcome: object) -> None:
        assert isinstance(outcome, ImportOutcome)
        if outcome.already:
            self.status.setText(
                self.tr(
                    "This bundle was imported before, into case {0}: nothing was added."
                ).replace("{0}", outcome.reference)
            )
        else:
            self.status.setText(
                self.tr("Imported into case {0}, from {1}: {2} items, {3} statements.")
                .replace("{0}", outcome.reference)
                .replace("{1}", outcome.sender)
                .replace("{2}", str(outcome.evidence))
                .replace("{3}", str(outcome.statements))
            )
        self.imported.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SenderNotConfirmedError) and exc.verdict is not None:
            self._finish()
            self.progress.setValue(0)
            self.pending_key, self.pending_certificate = exc.verdict.sender_fingerprints
            self.status.setText(
                self.tr(
                    "The bundle is intact, but its sender is not confirmed. Call the sender and"
                    " have them read out their fingerprints; compare them with these, then"
                    " confirm.\nSigning key: {0}\nPDF certificate: {1}"
                )
                .replace("{0}", grouped(self.pending_key))
                .replace("{1}", grouped(self.pending_certificate))
            )
            self.confirm_button.setVisible(True)
            self.sender_unconfirmed.emit(exc.verdict)
            return
        super()._failed(exc)

    def _cancelled_words(self) -> str:
        return self.tr("Import cancelled: nothing was recorded.")

    def ask_confirm(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Confirm sender"), self.tr("The sender's name in your address book:")
        )
        if ok and name.strip():
            self.confirm_sender(name)

    def confirm_sender(self, name: str) -> bool:
        """Add the sender (as read out by phone) to the address book, then import again."""
        try:
            AddressBook(self.vault).confirm_sender(name, self.pending_key, self.pending_certificate)
        except CustodiaError as exc:
            self.status.setText(user_message(exc))
            return False
        self.confirm_button.setVisible(False)
        self.start()
        return True
