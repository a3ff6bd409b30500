"""Export a case as a signed bundle: recipient, profile, format, destination.

The recipient is picked from the address book, and its kind comes with it (DESIGN §7); a one-off
recipient is typed by hand with a kind chosen explicitly (there is no default). A recipient with
an age key gets an encrypted ``.zip.age`` unless the user picks a plaintext bundle, which is
then marked with a warning. The consent decision is shown while the user chooses, and an export
it does not allow cannot be started; the core checks again (and records a refusal in the audit
log). A partner export is reviewed first: the review is built in a worker, with progress and
cancel, and its redacted copies go on into the bundle. The export runs in a worker with progress
and cancel. At the end the signer key fingerprint and the PDF certificate's SHA-256 are shown,
to be given to the recipient separately so that they can tell the bundle came from this vault.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exports.address_book import AddressBook, AddressEntry
from exports.encryption import sealed_name
from exports.errors import ConsentRefusedError, ProfileNotAllowedError
from exports.from_intake import ExportOptions, export_case, review_export
from exports.handoff import SentBundle, export_sealed
from exports.model import ExportResult, Profile, RecipientKind
from exports.redaction import profile_for
from exports.review import Review, ReviewConfirmation
from intake import Intake
from ui.errors import user_message
from ui.exports.consent_check import ExportDecision, decide
from ui.exports.review_page import ReviewPage
from ui.formatting import fingerprint, term
from ui.i18n import available_languages, current_language, language_name
from ui.job_panel import JobPanel, set_verdict
from ui.operations import CUSTODY, EVIDENCE, operations
from ui.widgets import buddy_label, data_label, heading, plain_label
from ui.workers import Job, ProgressFn
from vault.errors import CustodiaError

log = logging.getLogger(__name__)
# The recipients a court-profile export usually goes to come first.
RECIPIENTS = (
    RecipientKind.COURT,
    RecipientKind.PROSECUTOR,
    RecipientKind.POLICE,
    RecipientKind.NGO_INTERNAL,
    RecipientKind.PARTNER_NGO,
    RecipientKind.RESEARCH,
)


#: The recipient combo's item for someone not in the address book, typed by hand.
ONE_OFF = "\x00one-off"
ZIP, AGE = ".zip", ".zip.age"


def default_bundle_name(reference: str, today: date | None = None) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", reference).strip("-.") or "case"
    return f"{safe}-bundle-{(today or date.today()).isoformat()}"


def _taken(folder: Path, stem: str) -> bool:
    # Every form a bundle of this name can take: switching the format must not collide either.
    names = (stem, stem + ZIP, stem + AGE, stem + ".passphrase" + AGE)
    return any((folder / name).exists() for name in names)


def free_bundle_stem(folder: Path, reference: str, today: date | None = None) -> str:
    """A bundle name in ``folder`` that no file or folder has yet (``…-2``, ``…-3`` after)."""
    stem = default_bundle_name(reference, today)
    candidate, number = stem, 2
    while _taken(folder, candidate):
        candidate, number = f"{stem}-{number}", number + 1
    return candidate


class ExportWizard(QDialog):
    """Choose, check consent, export in a worker, then show the fingerprint."""

    exported = Signal(object)  # ExportResult
    verify_requested = Signal(str)  # the bundle path, to open in the verify window

    def __init__(
        self,
        intake: Intake,
        case_id: str,
        *,
        default_folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._intake = intake
        self.case_id = case_id
        self.case = intake.cases.get(case_id)
        self.export_result: ExportResult | None = None
        self.decision: ExportDecision | None = None
        self._folder = default_folder or Path.home()
        self.setWindowTitle(self.tr("Export a bundle"))
        self.setMinimumSize(640, 560)

        self.title = heading(self.tr("Export a bundle"), self)
        self.case_label = data_label(f"{self.case.reference} · {self.case.title}", self)
        self.case_label.setAccessibleName(self.tr("Case to export"))

        # Choices ------------------------------------------------------------------------------
        try:
            self._entries = {e.name: e for e in AddressBook(intake.vault).entries()}
        except CustodiaError:
            log.warning("the address book could not be read")
            self._entries = {}
        self.recipient_combo = QComboBox(self)
        self.recipient_combo.setAccessibleName(self.tr("Recipient"))
        # No default (DESIGN §7): a bundle "for a partner" once left as court, full identity.
        self.recipient_combo.addItem(self.tr("Choose who receives the bundle…"), None)
        for entry in self._entries.values():
            self.recipient_combo.addItem(self._entry_words(entry), entry.name)
        self.recipient_combo.addItem(self.tr("Someone else (type the name)…"), ONE_OFF)
        self.recipient_edit = QLineEdit(self)
        self.recipient_edit.setAccessibleName(self.tr("Recipient's name"))
        self.recipient_edit.setPlaceholderText(self.tr("e.g. Tribunal Constanța, judge I. Popa"))
        self.category_combo = QComboBox(self)
        self.category_combo.setAccessibleName(self.tr("Recipient category"))
        self.category_combo.addItem(self.tr("Choose the kind of recipient…"), None)
        for kind in RECIPIENTS:
            self.category_combo.addItem(term(kind), kind.value)
        self.court_radio = QRadioButton(self.tr("C&ourt: full identities"), self)
        self.court_radio.setAccessibleName(self.tr("Court profile, with full identities"))
        self.pseudo_radio = QRadioButton(self.tr("&Pseudonymised: no protected identity"), self)
        self.pseudo_radio.setAccessibleName(self.tr("Pseudonymised profile"))
        self.court_radio.setChecked(True)
        self._profiles = QButtonGroup(self)
        self._profiles.addButton(self.court_radio)
        self._profiles.addButton(self.pseudo_radio)
        self.purpose_edit = QLineEdit(self)
        self.purpose_edit.setAccessibleName(self.tr("Purpose"))
        self.authority_edit = QLineEdit(self)
        self.authority_edit.setAccessibleName(self.tr("Authority reference"))
        # The reader's language, not the user's: a Ukrainian-speaking lawyer may write to a
        # Romanian court. It starts as the app's language.
        self.report_language_combo = QComboBox(self)
        self.report_language_combo.setAccessibleName(
            self.tr("Language of the report and VERIFY.txt")
        )
        for code in available_languages():
            self.report_language_combo.addItem(language_name(code), code)
        self.report_language_combo.setCurrentIndex(
            max(0, self.report_language_combo.findData(current_language()))
        )
        self.encrypted_radio = QRadioButton(
            self.tr("Encr&ypted for the recipient (.zip.age)"), self
        )
        self.encrypted_radio.setAccessibleName(
            self.tr("Write one ZIP file encrypted to the recipient's age key")
        )
        self.folder_radio = QRadioButton(self.tr("&Folder"), self)
        self.folder_radio.setAccessibleName(self.tr("Write the bundle as a folder"))
        self.zip_radio = QRadioButton(self.tr("&ZIP file"), self)
        self.zip_radio.setAccessibleName(self.tr("Write the bundle as one ZIP file"))
        self.zip_radio.setChecked(True)
        self._formats = QButtonGroup(self)
        self._formats.addButton(self.encrypted_radio)
        self._formats.addButton(self.zip_radio)
        self._formats.addButton(self.folder_radio)
        self.format_note = plain_label("", self)
        self.format_note.setObjectName("statusText")
        self.format_note.setAccessibleName(self.tr("About the format"))
        self.dest_edit = QLineEdit(self)
        self.dest_edit.setAccessibleName(self.tr("Where to write the bundle"))
        # A name the user typed is kept; the proposal follows the format until then.
        self._proposed = True
        self.dest_edit.textEdited.connect(self._dest_edited)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.setAccessibleName(self.tr("Choose where to write the bundle"))
        self.browse_button.clicked.connect(self._browse)
        self.decision_label = plain_label("", self)
        self.decision_label.setObjectName("statusText")
        self.decision_label.setAccessibleName(self.tr("Consent decision"))
        # The review of a partner export is prepared in a worker: progress and cancel here.
        self.review_panel = JobPanel(
            self,
            progress_name=self.tr("Review progress"),
            result_name=self.tr("Review preparation"),
            cancel_name=self.tr("Stop preparing the review"),
        )

        profile_row = QVBoxLayout()
        profile_row.addWidget(self.court_radio)
        profile_row.addWidget(self.pseudo_radio)
        format_row = QVBoxLayout()
        format_row.addWidget(self.encrypted_radio)
        format_row.addWidget(self.zip_radio)
        format_row.addWidget(self.folder_radio)
        format_row.addWidget(self.format_note)
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.dest_edit, 1)
        dest_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Recipient:"), self.recipient_combo)
        form.addRow(self.tr("&Name:"), self.recipient_edit)
        form.addRow(self.tr("Recipient &category:"), self.category_combo)
        form.addRow(self.tr("Profile:"), profile_row)
        form.addRow(self.tr("P&urpose:"), self.purpose_edit)
        form.addRow(self.tr("&Authority reference:"), self.authority_edit)
        form.addRow(self.tr("Report &language:"), self.report_language_combo)
        form.addRow(self.tr("Format:"), format_row)
        form.addRow(buddy_label(self.tr("&Save as:"), self.dest_edit, self), dest_row)
        self._form = form
        self.choose_page = choose_page = QWidget(self)
        choose_layout = QVBoxLayout(choose_page)
        choose_layout.setContentsMargins(0, 0, 0, 0)
        choose_layout.addLayout(form)
        choose_layout.addWidget(self.decision_label)
        choose_layout.addStretch(1)

        # Running ------------------------------------------------------------------------------
        # The verdict is shown on the last page; the dialog's Cancel button cancels.
        self.outcome = plain_label("", self)
        self.outcome.setObjectName("statusText")
        self.outcome.setAccessibleName(self.tr("Export result"))
        self.panel = JobPanel(
            self,
            progress_name=self.tr("Export progress"),
            cancellable=False,
            result_label=self.outcome,
        )
        self.panel.step.setAccessibleName(self.tr("Export status"))
        self.panel.idle.connect(self._finished)
        self.progress, self.run_status = self.panel.progress, self.panel.step
        run_page = QWidget(self)
        run_layout = QVBoxLayout(run_page)
        run_layout.addStretch(1)
        run_layout.addWidget(self.panel)
        run_layout.addStretch(2)

        # Done ---------------------------------------------------------------------------------
        self.details = data_label("", self)
        self.details.setAccessibleName(self.tr("What the bundle holds"))
        self.fingerprint_intro = plain_label(
            self.tr(
                "Signer key fingerprint. Give it to the recipient separately (by phone or in "
                "person), not with the bundle: it lets them check the bundle came from you."
            ),
            self,
        )
        self.fingerprint_label = data_label("", self)
        self.fingerprint_label.setObjectName("fingerprint")
        self.fingerprint_label.setAccessibleName(self.tr("Signer key fingerprint"))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.2)
        mono.setWeight(QFont.Weight.Bold)
        self.fingerprint_label.setFont(mono)
        # The report's certificate identifies the sender as well (a known sender pairs both
        # fingerprints), so the recipient needs it from the sender too, read out the same way.
        self.certificate_caption = plain_label(self.tr("PDF certificate SHA-256"), self)
        self.certificate_label = data_label("", self)
        self.certificate_label.setObjectName("certificate_sha256")
        self.certificate_label.setAccessibleName(self.tr("PDF certificate SHA-256"))
        self.certificate_label.setFont(mono)
        self.verify_button = QPushButton(self.tr("&Verify the bundle…"), self)
        self.verify_button.setAccessibleName(self.tr("Verify the bundle just written"))
        self.verify_button.clicked.connect(self._verify_result)
        done_page = QWidget(self)
        done_layout = QVBoxLayout(done_page)
        done_layout.addWidget(self.outcome)
        done_layout.addWidget(self.details)
        done_layout.addWidget(self.fingerprint_intro)
        done_layout.addWidget(self.fingerprint_label)
        done_layout.addWidget(self.certificate_caption)
        done_layout.addWidget(self.certificate_label)
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_button)
        verify_row.addStretch(1)
        done_layout.addLayout(verify_row)
        done_layout.addStretch(1)

        # Review (partner exports) -------------------------------------------------------------
        self.review_page = ReviewPage(self)
        self.review_page.confirmation_changed.connect(self._update_export_button)
        self.review: Review | None = None

        self.pages = QStackedWidget(self)
        self.pages.addWidget(choose_page)
        self.pages.addWidget(run_page)
        self.pages.addWidget(done_page)
        self.pages.addWidget(self.review_page)

        self.buttons = QDialogButtonBox(self)
        self.export_button = QPushButton(self.tr("&Export"), self)
        self.export_button.setAccessibleName(self.tr("Export the bundle"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(lambda: self.start_export())
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_or_close)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.case_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.review_panel)  # outside the form it disables while busy
        layout.addWidget(self.buttons)

        self.recipient_combo.currentIndexChanged.connect(self._recipient_changed)
        self.category_combo.currentIndexChanged.connect(self._kind_changed)
        self.category_combo.currentIndexChanged.connect(self._choice_changed)
        self.court_radio.toggled.connect(self._choice_changed)
        self._formats.buttonToggled.connect(self._format_changed)
        self.dest_edit.textChanged.connect(self._update_export_button)
        self._recipient_changed()

    # Choices -------------------------------------------------------------------------------

    @property
    def job(self) -> Job | None:
        return self.panel.job

    @property
    def entry(self) -> AddressEntry | None:
        """The address-book entry chosen, or None (nothing chosen yet, or a one-off)."""
        return self._entries.get(str(self.recipient_combo.currentData()))

    @property
    def one_off(self) -> bool:
        return bool(self.recipient_combo.currentData() == ONE_OFF)

    @property
    def recipient_name(self) -> str:
        entry = self.entry
        return entry.name if entry is not None else self.recipient_edit.text().strip()

    @property
    def recipient_kind(self) -> RecipientKind | None:
        data = self.category_combo.currentData()
        return RecipientKind(str(data)) if data else None

    @property
    def encrypted(self) -> bool:
        return self.encrypted_radio.isChecked() and self.encrypted_radio.isEnabled()

    @property
    def reviewing(self) -> bool:
        return self.pages.currentWidget() is self.review_page

    @property
    def profile(self) -> Profile:
        return Profile.COURT if self.court_radio.isChecked() else Profile.PSEUDONYMISED

    @property
    def as_zip(self) -> bool:
        return not self.folder_radio.isChecked()

    @property
    def suffix(self) -> str:
        if self.folder_radio.isChecked():
            return ""
        return AGE if self.encrypted else ZIP

    def set_choice(self, kind: RecipientKind, profile: Profile) -> None:
        """A one-off recipient of this kind (an address-book entry keeps its own kind)."""
        if self.entry is None and not self.one_off:
            self.recipient_combo.setCurrentIndex(self.recipient_combo.findData(ONE_OFF))
        self.category_combo.setCurrentIndex(self.category_combo.findData(kind.value))
        (self.court_radio if profile is Profile.COURT else self.pseudo_radio).setChecked(True)

    def choose_recipient(self, name: str) -> None:
        """Pick the address-book entry ``name``: its kind, and its key for an encrypted bundle."""
        index = self.recipient_combo.findData(name)
        if index < 0:
            raise KeyError(name)
        self.recipient_combo.setCurrentIndex(index)

    def _entry_words(self, entry: AddressEntry) -> str:
        parts = [entry.name, term(entry.kind) if entry.kind else self.tr("no kind set")]
        if entry.age_recipient:
            parts.append(self.tr("encrypted"))
        return " · ".join(parts)

    def _recipient_changed(self) -> None:
        entry = self.entry
        one_off = self.one_off
        self._form.setRowVisible(self.recipient_edit, one_off)
        # The kind comes with the entry (DESIGN §7); only an entry without one, or a recipient
        # typed by hand, has it chosen here.
        kind_from_entry = entry is not None and entry.kind is not None
        self.category_combo.setEnabled(not kind_from_entry and (one_off or entry is not None))
        if entry is not None and entry.kind is not None:
            self.category_combo.setCurrentIndex(self.category_combo.findData(entry.kind.value))
        elif entry is None and not one_off:
            self.category_combo.setCurrentIndex(0)
        has_key = entry is not None and bool(entry.age_recipient)
        self.encrypted_radio.setEnabled(has_key)
        # Encrypted is the default whenever the recipient has a key (DESIGN §7).
        if has_key:
            self.encrypted_radio.setChecked(True)
        elif self.encrypted_radio.isChecked():
            self.zip_radio.setChecked(True)
        self._format_changed()
        self._choice_changed()

    def _kind_changed(self) -> None:
        kind = self.recipient_kind
        if kind is not None:  # the profile follows the kind; the user may still change it
            court = profile_for(kind) is Profile.COURT
            (self.court_radio if court else self.pseudo_radio).setChecked(True)

    def _choice_changed(self) -> None:
        self.review = None
        kind = self.recipient_kind
        if kind is None:
            self.decision = None
            # Said plainly, not in red: nothing is wrong before anything is chosen.
            set_verdict(
                self.decision_label,
                self.tr("Choose who receives the bundle: there is no default."),
                "",
            )
            self._update_export_button()
            return
        self.decision = decide(self._intake, self.case_id, kind, self.profile)
        if self.decision.allowed:
            text = self.tr("Allowed: %1").replace("%1", self.decision.reasons[0])
        else:
            text = (
                self.tr("Refused. This export is not allowed:")
                + "\n"
                + "\n".join(f"• {reason}" for reason in self.decision.reasons)
            )
        if self.decision.withheld:
            text += "\n" + "\n".join(f"• {line}" for line in self.decision.withheld)
        if self.decision.allowed and self.profile is Profile.PSEUDONYMISED:
            text += "\n" + self.tr(
                "Before it leaves you will read every text with its redactions and confirm."
            )
        set_verdict(self.decision_label, text, "ok" if self.decision.allowed else "bad")
        self.export_button.setText(
            self.tr("&Review…") if self.profile is Profile.PSEUDONYMISED else self.tr("&Export")
        )
        self._update_export_button()

    def _dest_edited(self) -> None:
        self._proposed = False

    def _format_changed(self) -> None:
        current = self.dest_edit.text().strip()
        if self._proposed or not current:
            base = self._folder / free_bundle_stem(self._folder, self.case.reference)
            self._proposed = True
        else:
            base = Path(current)
            for known in (AGE, ZIP, ".age"):
                if base.name.lower().endswith(known):
                    base = base.with_name(base.name[: -len(known)])
                    break
        self.dest_edit.setText(str(base.with_name(base.name + self.suffix)))
        self._update_format_note()

    def _update_format_note(self) -> None:
        entry = self.entry
        if self.encrypted and entry is not None:
            set_verdict(
                self.format_note,
                self.tr("Only %1 can open it, with their own key.").replace("%1", entry.name),
                "ok",
            )
        elif entry is not None and entry.age_recipient:
            set_verdict(
                self.format_note,
                self.tr(
                    "Not encrypted: anyone who gets this bundle can read everything in it. "
                    "Choose this only when the recipient requires a plaintext bundle."
                ),
                "unconfirmed",
            )
        elif entry is not None or self.one_off:
            set_verdict(
                self.format_note,
                self.tr(
                    "Not encrypted: this recipient has no age key in the address book. Hand the "
                    "bundle over in person or on an encrypted drive."
                ),
                "",
            )
        else:
            set_verdict(self.format_note, "", "")

    def _browse(self) -> None:
        if self.as_zip:
            suffix = self.suffix
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the bundle as"),
                self.dest_edit.text(),
                self.tr("Encrypted bundles (*.zip.age)")
                if suffix == AGE
                else self.tr("ZIP files (*.zip)"),
            )
            if name:
                self._proposed = False
                self.dest_edit.setText(name if name.lower().endswith(suffix) else name + suffix)
        else:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Choose the folder to write the bundle in"), str(self._folder)
            )
            if folder:
                self._folder = Path(folder)
                self._proposed = True
                self._format_changed()

    def _update_export_button(self) -> None:
        allowed = self.decision is not None and self.decision.allowed
        if self.reviewing:
            allowed = allowed and self.review_page.confirmed
        self.export_button.setEnabled(
            allowed
            and bool(self.dest_edit.text().strip())
            and self.job is None
            and self.review_job is None
        )

    # Export --------------------------------------------------------------------------------

    def start_export(self) -> Job | None:
        """Export in a worker. The core checks consent again and refuses with the reason."""
        if self.job is not None:
            return self.job
        text = self.dest_edit.text().strip()
        kind = self.recipient_kind
        if not text or kind is None or self.review_job is not None:
            return None
        encrypted, entry = self.encrypted, self.entry
        dest = sealed_name(text) if encrypted else Path(text)
        if dest.exists():
            set_verdict(
                self.decision_label,
                self.tr("%1 already exists; choose a new name.").replace("%1", str(dest)),
                "bad",
            )
            return None
        options = ExportOptions(
            case_reference=self.case.reference,
            recipient=kind,
            profile=self.profile,
            recipient_name=self.recipient_name,
            purpose=self.purpose_edit.text().strip(),
            authority_reference=self.authority_edit.text().strip(),
            language=str(self.report_language_combo.currentData()),
        )
        if self.profile is Profile.PSEUDONYMISED:
            if not self.reviewing or self.review is None:
                self.show_review(options)
                return None
            if not self.review_page.confirmed:
                return None
            # The digest of what the user read: the core refuses if the texts changed since,
            # and takes the redacted copies the review made when it has not.
            options = replace(
                options,
                review=ReviewConfirmation(
                    self.review.digest, "app", derivatives=self.review.derivatives
                ),
            )
        intake, as_zip = self._intake, self.as_zip
        keys = [entry.age_recipient] if encrypted and entry is not None else []

        def run(progress: ProgressFn, cancel: threading.Event) -> ExportResult | SentBundle:
            if keys:
                # Streamed into the age file: no plaintext bundle touches the disk (§7).
                return export_sealed(
                    intake, options, dest, age_recipients=keys, progress=progress, cancel=cancel
                )
            return export_case(
                intake, options, dest, as_zip=as_zip, progress=progress, cancel=cancel
            )

        self.pages.setCurrentIndex(1)
        self.export_button.hide()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setEnabled(True)
        # Exporting records custody events and audit entries: views refresh when it ends.
        job = operations().run(
            run, name="export", reads_vault=True, changes={EVIDENCE, CUSTODY}, parent=self
        )
        self.panel.follow(
            job,
            step=self.tr("Writing and signing the bundle for %1…").replace("%1", term(kind)),
            cancelled=self.tr("Export cancelled; nothing was written."),
            describe_failure=self._describe_failure,
        )
        job.success(self._exported).failure(self._failed).on_cancelled(self._cancelled)
        return job

    @property
    def review_job(self) -> Job | None:
        return self.review_panel.job

    def show_review(self, options: ExportOptions) -> Job | None:
        """Build the review of this partner export in a worker, then show it; Export waits for
        the tick. Redacting every text and picture takes a while on a large case: the window
        stays responsive, with progress and a cancel."""
        if self.review_job is not None:
            return self.review_job
        intake = self._intake

        def build(progress: ProgressFn, cancel: threading.Event) -> Review:
            return review_export(intake, options, progress=progress, cancel=cancel)

        for widget in (self.choose_page, self.export_button):
            widget.setEnabled(False)
        # Reveals protected identity (audited) to find it: it reads the vault.
        job = operations().run(build, name="export-review", reads_vault=True, parent=self)
        self.review_panel.follow(
            job,
            step=self.tr("Preparing the review: redacting every text and copy…"),
            cancelled=self.tr("Review cancelled; nothing was exported."),
            describe_failure=self._describe_failure,
        )
        job.success(self._review_ready).on_finished(self._review_finished)
        return job

    def _review_ready(self, review: object) -> None:
        assert isinstance(review, Review)
        self.review = review
        self.review_panel.set_verdict("", "")
        self.review_page.show_review(review)
        self.pages.setCurrentWidget(self.review_page)
        self.export_button.setText(self.tr("Confirm and &export"))

    def _review_finished(self) -> None:
        self.choose_page.setEnabled(True)
        self.export_button.setEnabled(True)
        self._update_export_button()

    def _exported(self, outcome: object) -> None:
        sealed = outcome if isinstance(outcome, SentBundle) else None
        result = sealed.result if sealed is not None else outcome
        assert isinstance(result, ExportResult)
        self.export_result = result
        self.pages.setCurrentIndex(2)
        if sealed is not None:
            written = "\n".join(str(path) for path in sealed.paths)
            self.panel.set_verdict(
                self.tr("The bundle was written, signed and encrypted:") + "\n" + written, "ok"
            )
            # Encrypted to the recipient's key: this vault cannot open it to verify it.
            self.verify_button.hide()
        else:
            self.panel.set_verdict(
                self.tr("The bundle was written and signed:") + "\n" + result.path, "ok"
            )
        lines = [
            self.tr("%n statement(s)", "", len(result.statement_ids)),
            self.tr("%n evidence file(s)", "", len(result.evidence_numbers)),
        ]
        if result.withheld_numbers:
            lines.append(
                self.tr("Withheld under this profile: %1").replace(
                    "%1", ", ".join(result.withheld_numbers)
                )
            )
        lines.append(
            self.tr('Recorded in the audit log, with an "exported" custody event per item.')
        )
        self.details.setText("\n".join(lines))
        self.fingerprint_label.setText(fingerprint(result.ed25519_fingerprint))
        self.certificate_label.setText(fingerprint(result.pdf_certificate_sha256))
        self.certificate_caption.setVisible(bool(result.pdf_certificate_sha256))
        self.certificate_label.setVisible(bool(result.pdf_certificate_sha256))
        self.exported.emit(result)

    def _describe_failure(self, exc: BaseException) -> str:
        text = user_message(exc)
        if isinstance(exc, ConsentRefusedError | ProfileNotAllowedError) and exc.detail:
            # The refusal's reason names the person and the consent version: the user needs it.
            text += "\n" + self.tr("Reason: %1").replace("%1", str(exc.detail))
        return text

    def _failed(self, _exc: BaseException) -> None:
        self.details.setText("")
        self._show_no_bundle()

    def _cancelled(self) -> None:
        self._show_no_bundle()

    def _show_no_bundle(self) -> None:
        self.pages.setCurrentIndex(2)
        self.fingerprint_intro.hide()
        self.fingerprint_label.hide()
        self.certificate_caption.hide()
        self.certificate_label.hide()
        self.verify_button.hide()

    def _finished(self) -> None:
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setAccessibleName(self.tr("Close"))

    def cancel_or_close(self) -> None:
        if self.job is not None:
            self.panel.cancel()
            self.cancel_button.setEnabled(False)
            return
        if self.export_result is not None:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        if self.job is not None and not self.job.abandoned:
            self.cancel_or_close()  # an export being written is cancelled, not abandoned
            return
        super().reject()

    def _verify_result(self) -> None:
        if self.export_result is not None:
            self.verify_requested.emit(self.export_result.path)
