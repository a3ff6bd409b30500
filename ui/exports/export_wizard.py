"""Export a case as a signed bundle: recipient, profile, folder or ZIP, destination.

The consent decision is shown while the user chooses, and an export it does not allow cannot be
started; the core checks again (and records a refusal in the audit log). The export runs in a
worker with progress and cancel. At the end the signer key fingerprint is shown, to be given to
the recipient separately so that they can tell the bundle came from this vault.
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

from exports.errors import ConsentRefusedError, ExportError, ProfileNotAllowedError
from exports.from_intake import ExportOptions, export_case, review_export
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


def default_bundle_name(reference: str, today: date | None = None) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", reference).strip("-.") or "case"
    return f"{safe}-bundle-{(today or date.today()).isoformat()}"


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
        self.recipient_edit = QLineEdit(self)
        self.recipient_edit.setAccessibleName(self.tr("Recipient"))
        self.recipient_edit.setPlaceholderText(self.tr("e.g. Tribunal Constanța, judge I. Popa"))
        self.category_combo = QComboBox(self)
        self.category_combo.setAccessibleName(self.tr("Recipient category"))
        # No default (DESIGN §7): a bundle "for a partner" once left as court, full identity.
        self.category_combo.addItem(self.tr("Choose who receives the bundle…"), None)
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
        self.folder_radio = QRadioButton(self.tr("&Folder"), self)
        self.folder_radio.setAccessibleName(self.tr("Write the bundle as a folder"))
        self.zip_radio = QRadioButton(self.tr("&ZIP file"), self)
        self.zip_radio.setAccessibleName(self.tr("Write the bundle as one ZIP file"))
        self.zip_radio.setChecked(True)
        self._formats = QButtonGroup(self)
        self._formats.addButton(self.folder_radio)
        self._formats.addButton(self.zip_radio)
        self.dest_edit = QLineEdit(self)
        self.dest_edit.setAccessibleName(self.tr("Where to write the bundle"))
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.setAccessibleName(self.tr("Choose where to write the bundle"))
        self.browse_button.clicked.connect(self._browse)
        self.decision_label = plain_label("", self)
        self.decision_label.setObjectName("statusText")
        self.decision_label.setAccessibleName(self.tr("Consent decision"))

        profile_row = QVBoxLayout()
        profile_row.addWidget(self.court_radio)
        profile_row.addWidget(self.pseudo_radio)
        format_row = QHBoxLayout()
        format_row.addWidget(self.zip_radio)
        format_row.addWidget(self.folder_radio)
        format_row.addStretch(1)
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.dest_edit, 1)
        dest_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Recipient:"), self.recipient_edit)
        form.addRow(self.tr("Recipient &category:"), self.category_combo)
        form.addRow(self.tr("Profile:"), profile_row)
        form.addRow(self.tr("P&urpose:"), self.purpose_edit)
        form.addRow(self.tr("&Authority reference:"), self.authority_edit)
        form.addRow(self.tr("Report &language:"), self.report_language_combo)
        form.addRow(self.tr("Format:"), format_row)
        form.addRow(buddy_label(self.tr("&Save as:"), self.dest_edit, self), dest_row)
        choose_page = QWidget(self)
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
        self.verify_button = QPushButton(self.tr("&Verify the bundle…"), self)
        self.verify_button.setAccessibleName(self.tr("Verify the bundle just written"))
        self.verify_button.clicked.connect(self._verify_result)
        done_page = QWidget(self)
        done_layout = QVBoxLayout(done_page)
        done_layout.addWidget(self.outcome)
        done_layout.addWidget(self.details)
        done_layout.addWidget(self.fingerprint_intro)
        done_layout.addWidget(self.fingerprint_label)
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
        layout.addWidget(self.buttons)

        self.category_combo.currentIndexChanged.connect(self._kind_changed)
        self.category_combo.currentIndexChanged.connect(self._choice_changed)
        self.court_radio.toggled.connect(self._choice_changed)
        self.zip_radio.toggled.connect(self._format_changed)
        self.dest_edit.textChanged.connect(self._update_export_button)
        self._format_changed()
        self._choice_changed()

    # Choices -------------------------------------------------------------------------------

    @property
    def job(self) -> Job | None:
        return self.panel.job

    @property
    def recipient_kind(self) -> RecipientKind | None:
        data = self.category_combo.currentData()
        return RecipientKind(str(data)) if data else None

    @property
    def reviewing(self) -> bool:
        return self.pages.currentWidget() is self.review_page

    @property
    def profile(self) -> Profile:
        return Profile.COURT if self.court_radio.isChecked() else Profile.PSEUDONYMISED

    @property
    def as_zip(self) -> bool:
        return self.zip_radio.isChecked()

    def set_choice(self, kind: RecipientKind, profile: Profile) -> None:
        self.category_combo.setCurrentIndex(self.category_combo.findData(kind.value))
        (self.court_radio if profile is Profile.COURT else self.pseudo_radio).setChecked(True)

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
            set_verdict(
                self.decision_label,
                self.tr("Choose who receives the bundle: there is no default."),
                "bad",
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

    def _format_changed(self) -> None:
        current = self.dest_edit.text().strip()
        base = Path(current) if current else self._folder / default_bundle_name(self.case.reference)
        if base.suffix.lower() == ".zip":
            base = base.with_suffix("")
        self.dest_edit.setText(str(base.with_suffix(".zip") if self.as_zip else base))

    def _browse(self) -> None:
        if self.as_zip:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the bundle as"),
                self.dest_edit.text(),
                self.tr("ZIP files (*.zip)"),
            )
            if name:
                self.dest_edit.setText(name if name.lower().endswith(".zip") else f"{name}.zip")
        else:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Choose the folder to write the bundle in"), str(self._folder)
            )
            if folder:
                self.dest_edit.setText(str(Path(folder) / default_bundle_name(self.case.reference)))

    def _update_export_button(self) -> None:
        allowed = self.decision is not None and self.decision.allowed
        if self.reviewing:
            allowed = allowed and self.review_page.confirmed
        self.export_button.setEnabled(
            allowed and bool(self.dest_edit.text().strip()) and self.job is None
        )

    # Export --------------------------------------------------------------------------------

    def start_export(self) -> Job | None:
        """Export in a worker. The core checks consent again and refuses with the reason."""
        if self.job is not None:
            return self.job
        text = self.dest_edit.text().strip()
        kind = self.recipient_kind
        if not text or kind is None:
            return None
        dest = Path(text)
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
            recipient_name=self.recipient_edit.text().strip(),
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
            # The digest of what the user read: the core refuses if the texts changed since.
            options = replace(options, review=ReviewConfirmation(self.review.digest, "app"))
        intake, as_zip = self._intake, self.as_zip

        def run(progress: ProgressFn, cancel: threading.Event) -> ExportResult:
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

    def show_review(self, options: ExportOptions) -> Review | None:
        """Build the review of this partner export and show it; Export waits for the tick."""
        try:
            review = review_export(self._intake, options)
        except ExportError as exc:
            set_verdict(self.decision_label, self._describe_failure(exc), "bad")
            return None
        self.review = review
        self.review_page.show_review(review)
        self.pages.setCurrentWidget(self.review_page)
        self.export_button.setText(self.tr("Confirm and &export"))
        self._update_export_button()
        return review

    def _exported(self, result: object) -> None:
        assert isinstance(result, ExportResult)
        self.export_result = result
        self.pages.setCurrentIndex(2)
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
