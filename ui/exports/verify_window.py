"""Verify a bundle (folder or ZIP) received from Custodia: no vault, no sign-in.

The check runs :func:`exports.verify.verify_bundle` in a worker with progress and cancel. The
verdict is shown per item, green for what passed and red for what failed, in plain text, with
the signer key fingerprint to compare with the one the sender gave separately.
"""

from __future__ import annotations

import logging
import re
import threading
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from exports.verify import Check, FactCode, Verdict, verify_bundle
from ui.formatting import fingerprint, term, when
from ui.job_panel import JobPanel
from ui.operations import operations
from ui.widgets import button_box, data_label, heading, plain_label, wrapping_list
from ui.workers import Job, ProgressFn

log = logging.getLogger(__name__)

OK_COLOUR = QColor("#1b5e20")
BAD_COLOUR = QColor("#b00020")
CONTEXT = "VerifyWindow"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate and returns it unchanged."""
    return text


# What each check means, in the interface language, keyed by the verifier's codes; a variant
# (code, parameter, value) wins over the plain code. %1 and %2 stand for the parameters named
# in _PARAMS. Parameters are facts from the bundle (paths, line numbers) or, for "reason", the
# English words of a library: shown as they are, in plain text.
_CHECKS: dict[str, str] = {
    "file.ok": QT_TRANSLATE_NOOP("VerifyWindow", "SHA-256 matches the manifest"),
    "file.hash_mismatch": QT_TRANSLATE_NOOP(
        "VerifyWindow", "SHA-256 differs from the manifest: the file was changed"
    ),
    "file.missing": QT_TRANSLATE_NOOP("VerifyWindow", "is missing"),
    "file.unexpected": QT_TRANSLATE_NOOP(
        "VerifyWindow", "is not listed in any manifest: the file was added"
    ),
    "file.unprotected": QT_TRANSLATE_NOOP("VerifyWindow", "is not covered by the tag manifest"),
    "file.unreadable": QT_TRANSLATE_NOOP("VerifyWindow", "cannot be read"),
    "file.unsafe": QT_TRANSLATE_NOOP("VerifyWindow", "refused as unsafe: %1"),
    "file.link": QT_TRANSLATE_NOOP("VerifyWindow", "is a symbolic link (not followed)"),
    "file.special": QT_TRANSLATE_NOOP("VerifyWindow", "is not a regular file"),
    "bagit.ok": QT_TRANSLATE_NOOP("VerifyWindow", "BagIt declaration present"),
    "bagit.malformed": QT_TRANSLATE_NOOP("VerifyWindow", "is not a BagIt declaration"),
    "bag_info.ok": QT_TRANSLATE_NOOP("VerifyWindow", "the payload size and file count match"),
    "bag_info.oxum": QT_TRANSLATE_NOOP(
        "VerifyWindow", "the payload size or file count does not match"
    ),
    "manifest.malformed": QT_TRANSLATE_NOOP("VerifyWindow", "line %1 is malformed"),
    "manifest.unsafe_path": QT_TRANSLATE_NOOP("VerifyWindow", "line %1 names an unsafe path"),
    "manifest.duplicate": QT_TRANSLATE_NOOP("VerifyWindow", "line %1 lists %2 twice"),
    "manifest.outside": QT_TRANSLATE_NOOP("VerifyWindow", "lists %1, which it may not"),
    "signature.ok": QT_TRANSLATE_NOOP(
        "VerifyWindow", "the Ed25519 signature over the tag manifest is valid"
    ),
    "signature.invalid": QT_TRANSLATE_NOOP(
        "VerifyWindow",
        "the Ed25519 signature does not match the tag manifest "
        "(manifest altered or signature replaced)",
    ),
    "signature.bad_key": QT_TRANSLATE_NOOP("VerifyWindow", "is not an Ed25519 public key"),
    "case_json.key_ok": QT_TRANSLATE_NOOP("VerifyWindow", "records the same signer key"),
    "case_json.key_mismatch": QT_TRANSLATE_NOOP("VerifyWindow", "records a different signer key"),
    "case_json.malformed": QT_TRANSLATE_NOOP("VerifyWindow", "is malformed"),
    "checkpoint.ok": QT_TRANSLATE_NOOP("VerifyWindow", "the signed audit checkpoint is valid"),
    "checkpoint.invalid": QT_TRANSLATE_NOOP(
        "VerifyWindow", "the audit checkpoint's signature does not verify"
    ),
    "checkpoint.missing": QT_TRANSLATE_NOOP("VerifyWindow", "no audit checkpoint is recorded"),
    "checkpoint.malformed": QT_TRANSLATE_NOOP("VerifyWindow", "the audit checkpoint is malformed"),
    "checkpoint.no_key": QT_TRANSLATE_NOOP(
        "VerifyWindow", "the audit checkpoint cannot be checked without the signer key"
    ),
    "pdf.self_signed": QT_TRANSLATE_NOOP(
        "VerifyWindow",
        "the PDF signature is intact and covers the whole file "
        "(self-signed certificate: intact, identity not trusted)",
    ),
    "pdf.organisation": QT_TRANSLATE_NOOP(
        "VerifyWindow",
        "the PDF signature is intact and covers the whole file (organisation certificate)",
    ),
    "pdf.signature_invalid": QT_TRANSLATE_NOOP(
        "VerifyWindow", "the PDF signature is broken: the document changed after signing"
    ),
    "pdf.certificate_ok": QT_TRANSLATE_NOOP(
        "VerifyWindow", "the certificate matches the one recorded in case.json"
    ),
    "pdf.certificate_mismatch": QT_TRANSLATE_NOOP(
        "VerifyWindow", "the certificate differs from the one recorded in case.json"
    ),
    "evidence.record_mismatch": QT_TRANSLATE_NOOP(
        "VerifyWindow", "the manifest hash differs from the hash recorded at intake"
    ),
    "verify.unreadable": QT_TRANSLATE_NOOP("VerifyWindow", "cannot be read: %1"),
    "verify.not_a_bundle": QT_TRANSLATE_NOOP("VerifyWindow", "is not a BagIt bundle"),
    "verify.unsafe_archive": QT_TRANSLATE_NOOP("VerifyWindow", "refused as unsafe: %1"),
}
_VARIANTS: dict[tuple[str, str, str], str] = {
    ("file.missing", "listed", "yes"): QT_TRANSLATE_NOOP("VerifyWindow", "is listed but missing"),
    ("file.unexpected", "where", "outside_bag"): QT_TRANSLATE_NOOP(
        "VerifyWindow", "is outside the bundle folder"
    ),
    ("bag_info.oxum", "problem", "absent"): QT_TRANSLATE_NOOP(
        "VerifyWindow", "the payload size and file count are not recorded"
    ),
    ("manifest.malformed", "problem", "encoding"): QT_TRANSLATE_NOOP(
        "VerifyWindow", "is not UTF-8 text"
    ),
    ("manifest.outside", "problem", "not_data"): QT_TRANSLATE_NOOP(
        "VerifyWindow", "lists %1, which is not under data/"
    ),
    ("case_json.malformed", "problem", "object"): QT_TRANSLATE_NOOP(
        "VerifyWindow", "is not a JSON object"
    ),
    ("case_json.malformed", "problem", "evidence"): QT_TRANSLATE_NOOP(
        "VerifyWindow", "has a malformed evidence entry"
    ),
    ("pdf.signature_invalid", "problem", "multiple"): QT_TRANSLATE_NOOP(
        "VerifyWindow", "the PDF has more than one signature"
    ),
    ("pdf.signature_invalid", "problem", "partial"): QT_TRANSLATE_NOOP(
        "VerifyWindow", "the PDF signature does not cover the whole file"
    ),
    ("pdf.signature_invalid", "problem", "other"): QT_TRANSLATE_NOOP(
        "VerifyWindow", "the PDF signature is not valid: %1"
    ),
}
# Which parameter stands for %1 and %2 in a code's words.
_PARAMS: dict[str, tuple[str, ...]] = {
    "file.unsafe": ("reason",),
    "manifest.malformed": ("line",),
    "manifest.unsafe_path": ("line",),
    "manifest.duplicate": ("line", "path"),
    "manifest.outside": ("path",),
    "pdf.signature_invalid": ("reason",),
    "verify.unreadable": ("reason",),
    "verify.unsafe_archive": ("reason",),
}

_FACTS: dict[str, str] = {
    "case": QT_TRANSLATE_NOOP("VerifyWindow", "Case"),
    "signer_key": QT_TRANSLATE_NOOP("VerifyWindow", "Signer key (Ed25519) SHA-256"),
    "checkpoint": QT_TRANSLATE_NOOP("VerifyWindow", "Audit checkpoint"),
    "pdf_signer": QT_TRANSLATE_NOOP("VerifyWindow", "PDF signer"),
    "bundle_id": QT_TRANSLATE_NOOP("VerifyWindow", "Bundle id"),
    "created": QT_TRANSLATE_NOOP("VerifyWindow", "Created"),
    "profile": QT_TRANSLATE_NOOP("VerifyWindow", "Profile"),
}
SIGNER_FACT = FactCode.SIGNER_KEY
# The verifier states the checkpoint in English ("entry 60 at 2026-05-02T…"); its parts are
# said again in the interface language.
_CHECKPOINT = re.compile(r"entry (\d+) at (\S+)")


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def describe_check(check: Check) -> str:
    """One line for one check: the item, then what was found, in the interface language."""
    code = str(check.code)
    template = _CHECKS.get(code)
    for (variant, key, value), text in _VARIANTS.items():
        if variant == code and check.params.get(key) == value:
            template = text
            break
    if template is None:
        words = check.detail  # a code this window does not know yet: the verifier's words
    else:
        words = _t(template)
        for number, key in enumerate(_PARAMS.get(code, ()), start=1):
            words = words.replace(f"%{number}", check.params.get(key, ""))
    mark = "✓" if check.ok else "✗"
    verdict = (
        QCoreApplication.translate("VerifyWindow", "OK")
        if check.ok
        else QCoreApplication.translate("VerifyWindow", "FAILED")
    )
    return f"{mark} {verdict} · {check.subject}: {words}"


def _moment(text: str) -> str:
    """An ISO 8601 time from the bundle in local time, or as written when it is not one."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    return when(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


def describe_fact(code: FactCode, value: str) -> str:
    if code is FactCode.SIGNER_KEY:
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
    label = _FACTS.get(str(code))
    return f"{_t(label) if label else str(code)}: {value}"


class VerifyWindow(QDialog):
    """Choose a bundle, check it in a worker, and read the verdict item by item."""

    verified = Signal(object)  # the Verdict

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict: Verdict | None = None
        self.setMinimumSize(640, 520)
        self.title = heading("", self)
        self.intro = plain_label("", self)
        self.path_edit = QLineEdit(self)
        self.path_edit.textChanged.connect(self._update_buttons)
        self.folder_button = QPushButton(self)
        self.folder_button.clicked.connect(self._choose_folder)
        self.zip_button = QPushButton(self)
        self.zip_button.clicked.connect(self._choose_zip)
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
        self.items = wrapping_list(QListWidget(self))
        self.buttons = button_box(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        pick = QHBoxLayout()
        pick.addWidget(self.path_edit, 1)
        pick.addWidget(self.folder_button)
        pick.addWidget(self.zip_button)
        run = QHBoxLayout()
        run.addWidget(self.verify_button)
        run.addWidget(self.panel, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(pick)
        layout.addLayout(run)
        layout.addWidget(self.facts)
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
        )
        self.path_edit.setAccessibleName(self.tr("Bundle to verify"))
        self.path_edit.setPlaceholderText(self.tr("A bundle folder or ZIP file"))
        self.folder_button.setText(self.tr("Choose &folder…"))
        self.folder_button.setAccessibleName(self.tr("Choose a bundle folder"))
        self.zip_button.setText(self.tr("Choose &ZIP…"))
        self.zip_button.setAccessibleName(self.tr("Choose a bundle ZIP file"))
        self.verify_button.setText(self.tr("&Verify"))
        self.verify_button.setAccessibleName(self.tr("Verify the bundle"))
        self.panel.progress.setAccessibleName(self.tr("Verification progress"))
        self.panel.result.setAccessibleName(self.tr("Verdict"))
        self.panel.cancel_button.setAccessibleName(self.tr("Cancel the verification"))
        self.facts.setAccessibleName(self.tr("What the bundle says about itself"))
        self.items.setAccessibleName(self.tr("Checks, one per item"))
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
            self, self.tr("Choose a bundle ZIP file"), "", self.tr("ZIP files (*.zip)")
        )
        if name:
            self.path_edit.setText(name)
            self.verify()

    def _update_buttons(self) -> None:
        idle = self.job is None
        self.verify_button.setEnabled(idle and bool(self.path_edit.text().strip()))
        for widget in (self.folder_button, self.zip_button, self.path_edit):
            widget.setEnabled(idle)

    # Verifying -----------------------------------------------------------------------------

    def verify(self, path: Path | None = None) -> Job | None:
        """Check ``path`` (or the one typed) in a worker; the verdict is shown when done."""
        if self.job is not None:
            return self.job
        if path is not None:
            self.path_edit.setText(str(path))
        text = self.path_edit.text().strip()
        if not text:
            return None
        target = Path(text)

        def check(progress: ProgressFn, cancel: threading.Event) -> Verdict:
            return verify_bundle(target, progress=progress, cancel=cancel)

        self.verdict = None
        self.items.clear()
        self.facts.setText("")
        # Reads only the bundle, never a vault: locking does not stop it.
        job = operations().run(check, name="verify-bundle", parent=self)
        self.panel.follow(
            job,
            step=self.tr("Checking every file…"),
            cancelled=self.tr("Verification cancelled: no verdict."),
        )
        job.success(self._done)
        self._update_buttons()
        return job

    def cancel(self) -> None:
        self.panel.cancel()

    def _done(self, verdict: object) -> None:
        assert isinstance(verdict, Verdict)
        self.verdict = verdict
        self.show_verdict(verdict)
        log.info("bundle verified: exit code %d", verdict.exit_code)
        self.verified.emit(verdict)

    def show_verdict(self, verdict: Verdict) -> None:
        """All of the result display: the verdict line, the facts and one line per check.

        The wording of each check comes from :func:`describe_check` and
        :func:`describe_fact`, keyed by the verifier's codes where it has them.
        """
        if not verdict.readable:
            self._set_result(self.tr("NOT A READABLE BUNDLE: nothing could be checked."), "bad")
        elif verdict.ok:
            self._set_result(
                self.tr("INTACT: all %n check(s) passed.", "", len(verdict.checks)), "ok"
            )
        else:
            self._set_result(
                self.tr("NOT INTACT: %n problem(s) found.", "", len(verdict.problems))
                + "\n"
                + self.tr("Do not rely on this bundle; ask the sender for a new copy."),
                "bad",
            )
        facts = [describe_fact(k, v) for k, v in verdict.fact_codes.items()]
        if SIGNER_FACT in verdict.fact_codes:
            facts.append(
                self.tr(
                    "Compare the signer key with the fingerprint the sender gave you "
                    "separately (by phone or in person)."
                )
            )
        self.facts.setText("\n".join(facts))
        # Problems first: with thousands of files the one changed file must not hide below.
        self.items.clear()
        ordered = sorted(verdict.checks, key=lambda c: c.ok)
        for check in ordered:
            item = QListWidgetItem(describe_check(check))  # list items never render HTML
            item.setForeground(QBrush(OK_COLOUR if check.ok else BAD_COLOUR))
            item.setData(Qt.ItemDataRole.UserRole, check.subject)
            self.items.addItem(item)

    def _set_result(self, text: str, verdict: str) -> None:
        self.panel.set_verdict(text, verdict)

    def reject(self) -> None:
        if self.job is not None:
            self.cancel()
        super().reject()
