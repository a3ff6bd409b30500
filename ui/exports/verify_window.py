"""Verify a bundle (folder or ZIP) received from Custodia: no vault, no sign-in.

The check runs :func:`exports.verify.verify_bundle` in a worker with progress and cancel. The
verdict is shown per item, green for what passed and red for what failed, in plain text, with
the signer key fingerprint to compare with the one the sender gave separately.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
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

from exports.verify import Check, Verdict, verify_bundle
from ui.formatting import fingerprint, term
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


# What each check means, in the interface language. The verifier's own detail (English, and
# sometimes naming a line of a manifest) is kept for codes whose detail carries that fact.
_CHECKS: dict[str, str] = {
    "file.ok": QT_TRANSLATE_NOOP("VerifyWindow", "SHA-256 matches the manifest"),
    "file.hash_mismatch": QT_TRANSLATE_NOOP(
        "VerifyWindow", "SHA-256 differs from the manifest: the file was changed"
    ),
    "file.missing": QT_TRANSLATE_NOOP("VerifyWindow", "is listed but missing"),
    "file.unexpected": QT_TRANSLATE_NOOP(
        "VerifyWindow", "is not listed in any manifest: the file was added"
    ),
    "file.unprotected": QT_TRANSLATE_NOOP("VerifyWindow", "is not covered by the tag manifest"),
    "file.unreadable": QT_TRANSLATE_NOOP("VerifyWindow", "cannot be read"),
    "file.link": QT_TRANSLATE_NOOP("VerifyWindow", "is a symbolic link (not followed)"),
    "file.special": QT_TRANSLATE_NOOP("VerifyWindow", "is not a regular file"),
    "bagit.ok": QT_TRANSLATE_NOOP("VerifyWindow", "BagIt declaration present"),
    "bagit.malformed": QT_TRANSLATE_NOOP("VerifyWindow", "is not a BagIt declaration"),
    "bag_info.ok": QT_TRANSLATE_NOOP("VerifyWindow", "the payload size and file count match"),
    "bag_info.oxum": QT_TRANSLATE_NOOP(
        "VerifyWindow", "the payload size or file count does not match"
    ),
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
    "pdf.certificate_ok": QT_TRANSLATE_NOOP(
        "VerifyWindow", "the certificate matches the one recorded in case.json"
    ),
    "pdf.certificate_mismatch": QT_TRANSLATE_NOOP(
        "VerifyWindow", "the certificate differs from the one recorded in case.json"
    ),
    "evidence.record_mismatch": QT_TRANSLATE_NOOP(
        "VerifyWindow", "the manifest hash differs from the hash recorded at intake"
    ),
    "verify.not_a_bundle": QT_TRANSLATE_NOOP("VerifyWindow", "is not a BagIt bundle"),
}

_FACTS: dict[str, str] = {
    "Case": QT_TRANSLATE_NOOP("VerifyWindow", "Case"),
    "Signer key (Ed25519) SHA-256": QT_TRANSLATE_NOOP(
        "VerifyWindow", "Signer key (Ed25519) SHA-256"
    ),
    "Audit checkpoint": QT_TRANSLATE_NOOP("VerifyWindow", "Audit checkpoint"),
    "PDF signer": QT_TRANSLATE_NOOP("VerifyWindow", "PDF signer"),
    "Bundle id": QT_TRANSLATE_NOOP("VerifyWindow", "Bundle id"),
    "Created": QT_TRANSLATE_NOOP("VerifyWindow", "Created"),
    "Profile": QT_TRANSLATE_NOOP("VerifyWindow", "Profile"),
}
SIGNER_FACT = "Signer key (Ed25519) SHA-256"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def describe_check(check: Check) -> str:
    """One line for one check: the item, then what was found, in the interface language."""
    if check.code == "pdf.ok":
        words = QCoreApplication.translate(
            "VerifyWindow", "the PDF signature is intact and covers the whole file"
        )
        if "identity not trusted" in check.detail:
            words += " " + QCoreApplication.translate(
                "VerifyWindow", "(self-signed certificate: intact, identity not trusted)"
            )
    elif check.code in _CHECKS:
        words = _t(_CHECKS[check.code])
    else:
        words = check.detail  # a fact the verifier spelled out (a manifest line, a ZIP entry)
    mark = "✓" if check.ok else "✗"
    verdict = (
        QCoreApplication.translate("VerifyWindow", "OK")
        if check.ok
        else QCoreApplication.translate("VerifyWindow", "FAILED")
    )
    return f"{mark} {verdict} · {check.subject}: {words}"


def describe_fact(label: str, value: str) -> str:
    if label == SIGNER_FACT:
        value = fingerprint(value)  # grouped as the export wizard shows it to the sender
    elif label == "Profile":
        value = term(value)
    return f"{_t(_FACTS[label]) if label in _FACTS else label}: {value}"


class VerifyWindow(QDialog):
    """Choose a bundle, check it in a worker, and read the verdict item by item."""

    verified = Signal(object)  # the Verdict

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict: Verdict | None = None
        self.setWindowTitle(self.tr("Verify a bundle"))
        self.setMinimumSize(640, 520)
        self.title = heading(self.tr("Verify a bundle"), self)
        self.intro = plain_label(
            self.tr(
                "Checks a bundle exported by Custodia, as a folder or a ZIP file: every file's "
                "SHA-256, the signatures and the audit checkpoint. No vault is needed."
            ),
            self,
        )
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("Bundle to verify"))
        self.path_edit.setPlaceholderText(self.tr("A bundle folder or ZIP file"))
        self.path_edit.textChanged.connect(self._update_buttons)
        self.folder_button = QPushButton(self.tr("Choose &folder…"), self)
        self.folder_button.setAccessibleName(self.tr("Choose a bundle folder"))
        self.folder_button.clicked.connect(self._choose_folder)
        self.zip_button = QPushButton(self.tr("Choose &ZIP…"), self)
        self.zip_button.setAccessibleName(self.tr("Choose a bundle ZIP file"))
        self.zip_button.clicked.connect(self._choose_zip)
        self.verify_button = QPushButton(self.tr("&Verify"), self)
        self.verify_button.setAccessibleName(self.tr("Verify the bundle"))
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
        self.facts.setAccessibleName(self.tr("What the bundle says about itself"))
        self.items = wrapping_list(QListWidget(self))
        self.items.setAccessibleName(self.tr("Checks, one per item"))
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
        self._update_buttons()

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
        facts = [describe_fact(k, v) for k, v in verdict.facts.items()]
        if SIGNER_FACT in verdict.facts:
            facts.append(
                self.tr(
                    "Compare the signer key with the fingerprint the sender gave you "
                    "separately (by phone or in person)."
                )
            )
        self.facts.setText("\n".join(facts))
        # Problems first: with thousands of files the one changed file must not hide below.
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
