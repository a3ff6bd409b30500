"""Verify a bundle (folder, ZIP or encrypted .zip.age) received from Custodia: no vault needed.

The check runs :func:`exports.verify.verify_bundle` in a worker with progress and cancel. The
verdict is one of three outcomes (DESIGN §6.1), in colour and words: intact and from a known
sender (green), intact but the sender not confirmed (amber, with both fingerprints to read out
with the sender by phone, and a button to confirm the sender afterwards), not intact (red).
Every check is listed, green for what passed and red for what failed, in the words of
:mod:`ui.verify_words`, the same table the command line speaks.

Known senders come from ``sender_book``: the open vault's (set by the main window), else the
user's own list in the config folder.

An encrypted bundle (age) is opened, like ``custodia verify`` does, with the open vault's own
receiving key (``open_vault``, set by the main window), an age identity file, or a passphrase
the window asks for. It is decrypted in memory inside the worker: no plaintext reaches the disk.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from exports.encryption import DecryptionError, decrypt_bundle, is_age_file, read_identity_file
from exports.senders import FileSenderBook, KnownSender, SenderBook, SenderError, make_sender
from exports.verify import Check, FactCode, Trust, Verdict, VerdictCode, verify_bundle
from ui import verify_words as words
from ui.error_sentences import user_message
from ui.formatting import fingerprint, term, when
from ui.job_panel import JobPanel
from ui.operations import operations
from ui.widgets import button_box, data_label, heading, plain_label, wrapping_list
from ui.workers import Job, ProgressFn
from vault import Vault
from vault.errors import CustodiaError

log = logging.getLogger(__name__)

# How an encrypted bundle is opened (the key combo's data).
BY_VAULT, BY_FILE, BY_PASSPHRASE = "vault", "file", "passphrase"

OK_COLOUR = QColor("#1b5e20")
BAD_COLOUR = QColor("#b00020")


def describe_check(check: Check) -> str:
    """One line for one check: the item, then what was found, in the interface language."""
    mark = "✓" if check.ok else "✗"
    verdict = (
        QCoreApplication.translate("VerifyWindow", "OK")
        if check.ok
        else QCoreApplication.translate("VerifyWindow", "FAILED")
    )
    return f"{mark} {verdict} · {check.subject}: {words.check_words(check)}"


# The verifier states the checkpoint in English ("entry 60 at 2026-05-02T…"); its parts are
# said again in the interface language.
_CHECKPOINT = re.compile(r"entry (\d+) at (\S+)")


def _moment(text: str) -> str:
    """An ISO 8601 time from the bundle in local time, or as written when it is not one."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    return when(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


def describe_fact(code: FactCode, value: str) -> str:
    value = words.fact_value(code, value)
    if code in (FactCode.SIGNER_KEY, FactCode.PDF_CERTIFICATE):
        value = fingerprint(value)  # grouped as the export wizard shows it to the sender
    elif code is FactCode.PROFILE:
        value = term(value)
    elif code is FactCode.CREATED:
        value = _moment(value)
    elif code is FactCode.CHECKPOINT and (found := _CHECKPOINT.fullmatch(value)):
        value = (
            QCoreApplication.translate("VerifyWindow", "entry %1 at %2")
            .replace("%1", found[1])
            .replace("%2", _moment(found[2]))
        )
    return f"{words.fact_label(code)}: {value}"


class VerifyWindow(QDialog):
    """Choose a bundle, check it in a worker, and read the verdict item by item."""

    verified = Signal(object)  # the Verdict

    def __init__(
        self,
        parent: QWidget | None = None,
        sender_book: Callable[[], SenderBook] | None = None,
    ) -> None:
        super().__init__(parent)
        self.verdict: Verdict | None = None
        #: Where known senders are read and added: the open vault's book when the main window
        #: has one, else the user's own list.
        self.sender_book: Callable[[], SenderBook] = sender_book or FileSenderBook
        #: The unlocked vault whose receiving key opens bundles encrypted to it (main window).
        self.open_vault: Callable[[], Vault | None] = lambda: None
        self.setMinimumSize(640, 520)
        self.title = heading("", self)
        self.intro = plain_label("", self)
        self.path_edit = QLineEdit(self)
        self.path_edit.textChanged.connect(self._update_buttons)
        self.folder_button = QPushButton(self)
        self.folder_button.clicked.connect(self._choose_folder)
        self.zip_button = QPushButton(self)
        self.zip_button.clicked.connect(self._choose_zip)
        self.key_intro = plain_label("", self, wrap=False)
        self.key_combo = QComboBox(self)
        self.key_combo.currentIndexChanged.connect(self._update_buttons)
        self._key_chosen = False  # until the person picks one, the vault's key when open
        self.key_combo.activated.connect(self._key_picked)
        self.identity_edit = QLineEdit(self)
        self.identity_edit.textChanged.connect(self._update_buttons)
        self.identity_button = QPushButton(self)
        self.identity_button.clicked.connect(self._choose_identity)
        self.verify_button = QPushButton(self)
        self.verify_button.setDefault(True)
        # Its own width only, also while the progress bar beside it is hidden.
        self.verify_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.verify_button.clicked.connect(lambda: self.verify())
        self.panel = JobPanel(
            self,
            progress_name=self.tr("Verification progress"),
            result_name=self.tr("Verdict"),
            cancel_name=self.tr("Cancel the verification"),
        )
        self.panel.idle.connect(self._update_buttons)
        self.result_label = self.panel.result
        self.facts = data_label("", self)
        self.confirm_button = QPushButton(self)
        self.confirm_button.clicked.connect(self._ask_confirm_sender)
        self.confirm_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.confirm_button.hide()
        self.items = wrapping_list(QListWidget(self))
        self.buttons = button_box(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        pick = QHBoxLayout()
        pick.addWidget(self.path_edit, 1)
        pick.addWidget(self.folder_button)
        pick.addWidget(self.zip_button)
        # Shown for an encrypted bundle only: how to open it.
        self.key_row = QWidget(self)
        key = QHBoxLayout(self.key_row)
        key.setContentsMargins(0, 0, 0, 0)
        key.addWidget(self.key_intro)
        key.addWidget(self.key_combo)
        key.addWidget(self.identity_edit, 1)
        key.addWidget(self.identity_button)
        key.addStretch(0)
        self.key_row.hide()
        run = QHBoxLayout()
        run.addWidget(self.verify_button)
        run.addWidget(self.panel, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(pick)
        layout.addWidget(self.key_row)
        layout.addLayout(run)
        layout.addWidget(self.facts)
        layout.addWidget(self.confirm_button)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        """Every word in the current language; a verdict on screen is said again too.

        The window has no parent and outlives a language switch, so it listens for Qt's
        LanguageChange rather than being rebuilt like the main window's views.
        """
        self.setWindowTitle(self.tr("Verify a bundle"))
        self.title.setText(self.tr("Verify a bundle"))
        self.intro.setText(
            self.tr(
                "Checks a bundle exported by Custodia, as a folder or a ZIP file: every file's "
                "SHA-256, the signatures and the audit checkpoint. No vault is needed."
            )
            + " "
            + self.tr(
                "An encrypted bundle (.zip.age) is opened with your vault's receiving key, an "
                "age identity file or its passphrase, in memory only."
            )
        )
        self.path_edit.setAccessibleName(self.tr("Bundle to verify"))
        self.path_edit.setPlaceholderText(self.tr("A bundle folder or ZIP file"))
        self.folder_button.setText(self.tr("Choose &folder…"))
        self.folder_button.setAccessibleName(self.tr("Choose a bundle folder"))
        self.zip_button.setText(self.tr("Choose &ZIP…"))
        self.zip_button.setAccessibleName(self.tr("Choose a bundle ZIP file"))
        self.key_intro.setText(self.tr("Encrypted. Open it with:"))
        chosen = self.key_combo.currentData()
        self.key_combo.blockSignals(True)
        self.key_combo.clear()
        self.key_combo.addItem(self.tr("This vault's receiving key"), BY_VAULT)
        self.key_combo.addItem(self.tr("An age identity file"), BY_FILE)
        self.key_combo.addItem(self.tr("A passphrase (asked for)"), BY_PASSPHRASE)
        self.key_combo.setCurrentIndex(max(0, self.key_combo.findData(chosen)))
        self.key_combo.blockSignals(False)
        self.key_combo.setAccessibleName(self.tr("How to open the encrypted bundle"))
        self.identity_edit.setAccessibleName(self.tr("Age identity file"))
        self.identity_edit.setPlaceholderText(self.tr("AGE-SECRET-KEY-… file"))
        self.identity_button.setText(self.tr("Choose &key file…"))
        self.identity_button.setAccessibleName(self.tr("Choose an age identity file"))
        self.verify_button.setText(self.tr("&Verify"))
        self.verify_button.setAccessibleName(self.tr("Verify the bundle"))
        self.panel.progress.setAccessibleName(self.tr("Verification progress"))
        self.panel.result.setAccessibleName(self.tr("Verdict"))
        self.panel.cancel_button.setAccessibleName(self.tr("Cancel the verification"))
        self.facts.setAccessibleName(self.tr("What the bundle says about itself"))
        self.items.setAccessibleName(self.tr("Checks, one per item"))
        self.confirm_button.setText(self.tr("&Confirm this sender…"))
        self.confirm_button.setAccessibleName(
            self.tr("Add the sender to your known senders, after confirming both fingerprints")
        )
        if self.verdict is not None:
            self.show_verdict(self.verdict)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def job(self) -> Job | None:
        return self.panel.job

    # Choosing ------------------------------------------------------------------------------

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose a bundle folder"))
        if name:
            self.path_edit.setText(name)
            self.verify()

    def _choose_zip(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a bundle ZIP file"),
            "",
            self.tr("Bundles (*.zip *.zip.age *.age)"),
        )
        if name:
            self.path_edit.setText(name)
            if not self.encrypted:
                self.verify()  # an encrypted one waits for the choice of key

    def _choose_identity(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an age identity file"))
        if name:
            self.identity_edit.setText(name)

    @property
    def encrypted(self) -> bool:
        """Whether the bundle chosen is an age file (by its name, or its first bytes)."""
        text = self.path_edit.text().strip()
        if not text:
            return False
        path = Path(text)
        return path.name.lower().endswith(".age") or (path.is_file() and is_age_file(path))

    def _key_picked(self) -> None:
        self._key_chosen = True

    @property
    def key_source(self) -> str:
        return str(self.key_combo.currentData() or BY_PASSPHRASE)

    def _update_buttons(self) -> None:
        idle = self.job is None
        encrypted = self.encrypted
        self.key_row.setVisible(encrypted)
        # The vault's key only while a vault is open; the first choice then, else a passphrase.
        has_vault = self.open_vault() is not None
        model = self.key_combo.model()
        if isinstance(model, QStandardItemModel) and model.item(0) is not None:
            model.item(0).setEnabled(has_vault)
        if self.key_source == BY_VAULT and not has_vault:
            self.key_combo.setCurrentIndex(self.key_combo.findData(BY_PASSPHRASE))
        elif has_vault and not self._key_chosen and self.key_source != BY_VAULT:
            self.key_combo.setCurrentIndex(self.key_combo.findData(BY_VAULT))
        by_file = self.key_source == BY_FILE
        self.identity_edit.setVisible(by_file)
        self.identity_button.setVisible(by_file)
        ready = bool(self.path_edit.text().strip())
        if encrypted and by_file:
            ready = ready and bool(self.identity_edit.text().strip())
        self.verify_button.setEnabled(idle and ready)
        for widget in (self.folder_button, self.zip_button, self.path_edit, self.key_row):
            widget.setEnabled(idle)

    # Verifying -----------------------------------------------------------------------------

    def verify(self, path: Path | None = None, *, passphrase: str | None = None) -> Job | None:
        """Check ``path`` (or the one typed) in a worker; the verdict is shown when done.

        An encrypted bundle is opened with the key chosen in the window; a passphrase is asked
        for unless given.
        """
        if self.job is not None:
            return self.job
        if path is not None:
            self.path_edit.setText(str(path))
        text = self.path_edit.text().strip()
        if not text:
            return None
        target = Path(text)
        trust = Trust(known_senders=tuple(self._known_senders()))
        self._update_buttons()  # a vault may have locked since: its key is no longer offered
        source = self.key_source if self.encrypted else ""
        vault = self.open_vault() if source == BY_VAULT else None
        identity_file = Path(self.identity_edit.text().strip()) if source == BY_FILE else None
        if source == BY_PASSPHRASE and passphrase is None:
            passphrase = self.ask_passphrase()
            if passphrase is None:
                return None

        def check(progress: ProgressFn, cancel: threading.Event) -> Verdict:
            archive = None
            if vault is not None:
                # Imported here: the address book is vault work, done in this worker.
                from exports.address_book import receiving_identity

                archive = decrypt_bundle(target, identities=[receiving_identity(vault)])
            elif identity_file is not None:
                archive = decrypt_bundle(target, identities=read_identity_file(identity_file))
            elif source == BY_PASSPHRASE:
                archive = decrypt_bundle(target, passphrase=passphrase)
            elif source:
                raise DecryptionError("no identity or passphrase given")
            return verify_bundle(
                target, progress=progress, cancel=cancel, trust=trust, archive=archive
            )

        self.verdict = None
        self.items.clear()
        self.facts.setText("")
        self.confirm_button.hide()
        # Reads only the bundle unless the vault's key opens it: then locking stops it.
        job = operations().run(
            check, name="verify-bundle", reads_vault=vault is not None, parent=self
        )
        self.panel.follow(
            job,
            step=self.tr("Decrypting in memory, then checking every file…")
            if source
            else self.tr("Checking every file…"),
            cancelled=self.tr("Verification cancelled: no verdict."),
        )
        job.success(self._done)
        self._update_buttons()
        return job

    def ask_passphrase(self) -> str | None:
        """The encrypted bundle's passphrase, asked for each time and never kept."""
        text, accepted = QInputDialog.getText(
            self,
            self.tr("Passphrase"),
            self.tr("The passphrase the sender gave you for this bundle:"),
            QLineEdit.EchoMode.Password,
        )
        return text if accepted and text else None

    def cancel(self) -> None:
        self.panel.cancel()

    def _done(self, verdict: object) -> None:
        assert isinstance(verdict, Verdict)
        self.verdict = verdict
        self.show_verdict(verdict)
        log.info("bundle verified: exit code %d", verdict.exit_code)
        self.verified.emit(verdict)

    def show_verdict(self, verdict: Verdict) -> None:
        """All of the result display: the outcome, the facts and one line per check.

        The words come from :mod:`ui.verify_words` (the command line's too), keyed by the
        verifier's codes; the outcome's colour is the style sheet's [verdict=…] rule.
        """
        self._set_result(
            words.headline(verdict) + "\n" + words.advice(verdict), words.TONE[verdict.code]
        )
        facts = [describe_fact(k, v) for k, v in verdict.fact_codes.items()]
        self.facts.setText("\n".join(facts))
        self.confirm_button.setVisible(verdict.code is VerdictCode.UNCONFIRMED)
        # Problems first: with thousands of files the one changed file must not hide below.
        self.items.clear()
        ordered = sorted(verdict.checks, key=lambda c: c.ok)
        for check in ordered:
            item = QListWidgetItem(describe_check(check))  # list items never render HTML
            item.setForeground(QBrush(OK_COLOUR if check.ok else BAD_COLOUR))
            item.setData(Qt.ItemDataRole.UserRole, check.subject)
            self.items.addItem(item)

    # Known senders -------------------------------------------------------------------------

    def _known_senders(self) -> list[KnownSender]:
        try:
            return self.sender_book().entries()
        except (SenderError, CustodiaError):
            log.warning("known senders could not be read")
            return []

    def confirm_sender(self, name: str) -> bool:
        """Add the unconfirmed bundle's sender as ``name``, then verify again.

        Called only after the person confirmed both fingerprints with the sender by another
        channel: the window asks for that in words before calling this.
        """
        verdict = self.verdict
        if verdict is None or verdict.code is not VerdictCode.UNCONFIRMED or not verdict.sender:
            return False
        try:
            sender = make_sender(name, *verdict.sender_fingerprints)
            self.sender_book().add(sender)
        except CustodiaError as exc:
            self._set_result(user_message(exc), "bad")
            return False
        log.info("known sender added from the verify window")
        self.verify()
        return True

    def _ask_confirm_sender(self) -> None:
        verdict = self.verdict
        if verdict is None or verdict.sender is None:
            return
        lines = [
            self.tr(
                "Call the sender on a number you already know (not one from this bundle) and "
                "have them read out both fingerprints. Add them only if both agree:"
            ),
            "",
        ]
        lines += [
            f"{label}:\n{fingerprint(value)}"
            for label, value in words.unconfirmed_fingerprints(verdict)
        ]
        lines += ["", self.tr("The sender's name, as you know them:")]
        name, accepted = QInputDialog.getText(
            self, self.tr("Confirm this sender"), "\n".join(lines)
        )
        if accepted and name.strip():
            self.confirm_sender(name)

    def _set_result(self, text: str, verdict: str) -> None:
        self.panel.set_verdict(text, verdict)

    def reject(self) -> None:
        if self.job is not None:
            self.cancel()
        super().reject()
