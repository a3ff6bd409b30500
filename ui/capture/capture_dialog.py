"""Capture a web page…: the address, progress and Cancel, then what the capture saw.

The work is :class:`intake.capture.CaptureService` (or the archive import) run through the
operations layer, so a lock cancels it and the evidence list refreshes when it ends.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.capture import CaptureResult, CaptureService
from intake.capture_archive import ArchiveImportService, ArchiveListing
from intake.models import Evidence, evidence_label
from ui.cli_capture import no_rendering_words
from ui.job_panel import JobPanel
from ui.operations import CUSTODY, EVIDENCE, operations
from ui.widgets import plain_label
from ui.workers import Job, ProgressFn
from vault import Vault

log = logging.getLogger(__name__)


class CaptureDialog(QDialog):
    def __init__(self, vault: Vault, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.case_id = case_id
        self.result_text = ""
        self.intro = plain_label("", self)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://")
        self.url_edit.textChanged.connect(self._update_buttons)
        self.capture_button = QPushButton(self)
        self.capture_button.setDefault(True)
        self.capture_button.clicked.connect(self.capture)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self._pick_archive)
        self.panel = JobPanel(
            self,
            progress_name=self.tr("Capture progress"),
            result_name=self.tr("Capture result"),
            cancel_name=self.tr("Cancel the capture"),
        )
        self.panel.idle.connect(self._update_buttons)
        # Read-only text, so that a fingerprint or an address can be selected and copied.
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.summary.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.capture_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.form = QFormLayout()
        self.form.addRow("", self.url_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.panel)
        layout.addWidget(self.summary, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)
        self._retranslate()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Capture a web page"))
        self.intro.setText(
            self.tr(
                "Custodia fetches the page and everything it loads into a WARC archive, and"
                " makes a full-page screenshot and a PDF of it. All three are encrypted into"
                " this case with the address, redirects, server and certificate the capture saw."
            )
        )
        label = self.form.labelForField(self.url_edit)
        if label is not None:
            label.setText(self.tr("Web &address:"))  # type: ignore[attr-defined]
        self.url_edit.setAccessibleName(self.tr("Address of the web page"))
        self.summary.setAccessibleName(self.tr("What the capture saw"))
        self.capture_button.setText(self.tr("&Capture"))
        self.import_button.setText(self.tr("&Import a WARC or WACZ file…"))
        self.import_button.setAccessibleName(
            self.tr("Import a web archive made with another tool, unchanged")
        )

    def _update_buttons(self) -> None:
        busy = self.panel.busy
        self.capture_button.setEnabled(not busy and bool(self.url_edit.text().strip()))
        self.import_button.setEnabled(not busy)
        self.url_edit.setEnabled(not busy)

    # Capturing ---------------------------------------------------------------------------------

    def capture(self) -> Job | None:
        url = self.url_edit.text().strip()
        if not url or self.panel.busy:
            return None
        vault, case_id = self._vault, self.case_id

        def work(progress: ProgressFn, cancel: threading.Event) -> CaptureResult:
            return CaptureService(vault).capture(case_id, url, progress=progress, cancel=cancel)

        job = operations().run(
            work, name="web capture", reads_vault=True, changes={EVIDENCE, CUSTODY}, parent=self
        )
        self.summary.clear()
        self.panel.follow(
            job,
            step=self.tr("Fetching the page, rendering it and encrypting it into the vault…"),
            cancelled=self.tr("Cancelled. Nothing of this capture was kept."),
        )
        job.success(self._captured)
        self._update_buttons()
        return job

    def _item_line(self, item: Evidence) -> str:
        return (
            self.tr("%1  %2  SHA-256 %3")
            .replace("%1", evidence_label(item.number))
            .replace("%2", item.original_filename)
            .replace("%3", item.sha256)
        )

    def _captured(self, result: object) -> None:
        assert isinstance(result, CaptureResult)
        meta = result.metadata
        lines = [
            self._item_line(item)
            for item in (result.warc, result.screenshot, result.pdf)
            if item is not None
        ]
        lines.append("")
        lines.append(self.tr("Address asked: %1").replace("%1", str(meta["url_requested"])))
        for hop in meta.get("redirects", []):
            lines.append(
                self.tr("Redirected (%1) to %2")
                .replace("%1", str(hop["status"]))
                .replace("%2", str(hop["location"]))
            )
        lines.append(self.tr("Final address: %1").replace("%1", str(meta["final_url"])))
        lines.append(
            self.tr("HTTP status %1, server %2")
            .replace("%1", f"{meta['http_status']} {meta['http_reason']}".strip())
            .replace("%2", str(meta["server_address"]))
        )
        tls = meta.get("tls")
        if tls:
            lines.append(
                self.tr("TLS certificate SHA-256: %1").replace("%1", tls["certificate_sha256"])
            )
            if not tls.get("verified"):
                lines.append(
                    self.tr("The certificate did not verify; the page was captured anyway.")
                )
        verdict = "ok"
        if result.no_rendering_reason:
            verdict = ""
            lines.append(
                self.tr("No screenshot or PDF was made: %1. The WARC holds the page.").replace(
                    "%1", no_rendering_words(result.no_rendering_reason)
                )
            )
        self.result_text = "\n".join(lines)
        self.summary.setPlainText(self.result_text)
        self.summary.show()
        self.panel.set_verdict(self.tr("The page was captured."), verdict)

    # Importing an archive ----------------------------------------------------------------------

    def _pick_archive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a web archive"),
            "",
            self.tr("Web archives (*.warc *.warc.gz *.wacz);;All files (*)"),
        )
        if path:
            self.import_archive(Path(path))

    def import_archive(self, path: Path) -> Job | None:
        if self.panel.busy:
            return None
        vault, case_id = self._vault, self.case_id

        def work(progress: ProgressFn, cancel: threading.Event) -> tuple[Evidence, ArchiveListing]:
            return ArchiveImportService(vault).import_archive(
                case_id, path, progress=progress, cancel=cancel
            )

        job = operations().run(
            work,
            name="web archive import",
            reads_vault=True,
            changes={EVIDENCE, CUSTODY},
            parent=self,
        )
        self.summary.clear()
        self.panel.follow(
            job,
            step=self.tr("Reading the archive's pages and encrypting it into the vault…"),
            cancelled=self.tr("Cancelled. The archive was not added."),
        )
        job.success(self._imported)
        self._update_buttons()
        return job

    def _imported(self, result: object) -> None:
        assert isinstance(result, tuple)
        item, listing = result
        lines = [self._item_line(item), ""]
        lines.append(self.tr("The archive holds %n page(s):", "", listing.page_count))
        lines += [
            f"  {page.timestamp}  {page.url}  {page.title}".rstrip() for page in listing.pages[:200]
        ]
        if listing.page_count > 200:
            lines.append(self.tr("… and %n more", "", listing.page_count - 200))
        self.result_text = "\n".join(lines)
        self.summary.setPlainText(self.result_text)
        self.summary.show()
        self.panel.set_verdict(self.tr("The archive was added unchanged."), "ok")
