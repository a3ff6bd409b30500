"""Import a bundle: verified first, the sender confirmed, then recorded in one transaction."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exports.address_book import AddressBook, make_entry
from exports.importer import ImportOutcome, SenderNotConfirmedError, import_bundle
from ui import operations as ops
from ui.errors import user_message
from ui.formatting import fingerprint as grouped
from ui.workers import Job
from vault import Vault
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportOutcome
    refused = Signal(object)  # the exception
    sender_unconfirmed = Signal(object)  # the verdict

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a bundle"))
        self.vault = vault
        self.job: Job | None = None
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
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.status = QLabel(
            self.tr(
                "The bundle is verified first. Nothing is recorded unless it is intact and you"
                " have confirmed who sent it."
            )
        )
        self.status.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("&Cancel import"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.confirm_button = QPushButton(self.tr("Con&firm sender…"))
        self.confirm_button.setVisible(False)
        self.confirm_button.clicked.connect(self.ask_confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(640, 300)

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

        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.confirm_button.setVisible(False)
        self.status.setText(self.tr("Verifying and importing…"))
        self.job = ops.operations().run(
            work,
            name="import",
            reads_vault=True,
            changes={ops.CASES, ops.EVIDENCE, ops.CUSTODY, ops.STATEMENTS, ops.PEOPLE},
            parent=self,
        )
        self.job.on_progress(self._progress).success(self._done).failure(self._failed)
        self.job.on_cancelled(self._cancelled)
        return self.job

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / max(total, 1)))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _finish(self) -> None:
        self.import_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _done(self, outcome: object) -> None:
        self._finish()
        assert isinstance(outcome, ImportOutcome)
        self.progress.setValue(1000)
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
        self._finish()
        self.progress.setValue(0)
        if isinstance(exc, SenderNotConfirmedError) and exc.verdict is not None:
            sender = exc.verdict.sender
            self.pending_key = sender.params.get("key", "") if sender else ""
            self.pending_certificate = sender.params.get("certificate", "") if sender else ""
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
        self.status.setText(user_message(exc))
        self.refused.emit(exc)

    def _cancelled(self) -> None:
        self._finish()
        self.progress.setValue(0)
        self.status.setText(self.tr("Import cancelled: nothing was recorded."))

    def ask_confirm(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Confirm sender"), self.tr("The sender's name in your address book:")
        )
        if ok and name.strip():
            self.confirm_sender(name)

    def confirm_sender(self, name: str) -> bool:
        """Add the sender (as read out by phone) to the address book, then import again."""
        try:
            book = AddressBook(self.vault)
            existing = next((e for e in book.entries() if e.name == " ".join(name.split())), None)
            book.put(
                make_entry(
                    name,
                    existing.kind if existing else None,
                    age_recipient=existing.age_recipient if existing else "",
                    ed25519_fingerprint=self.pending_key,
                    certificate_sha256=self.pending_certificate,
                    notes=existing.notes if existing else "",
                )
            )
        except CustodiaError as exc:
            self.status.setText(user_message(exc))
            return False
        self.confirm_button.setVisible(False)
        self.start()
        return True
