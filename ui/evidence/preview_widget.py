"""An evidence item's original, shown on request in the viewer for its type (PDF pages, audio
and video, a picture with its metadata, text in its encoding), decrypted in memory only.

Opening an original records a "viewed" custody event, so nothing is shown before the user asks.
Saving a working copy and opening a copy in another application leave the vault as plaintext:
each is recorded in the item's chain of custody, and the copy for another application is
removed again when the vault locks or the app closes.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.custody import CustodyService
from intake.evidence import EvidenceService
from intake.models import CustodyEvent, Evidence
from resources.i18n import NC_
from ui.evidence.viewers import MAX_TEXT_BYTES, viewer_kind
from ui.evidence.viewers.blob_device import BlobDevice
from ui.evidence.viewers.copy_out import copy_for_other_application, save_working_copy
from ui.evidence.viewers.image_viewer import ImageViewer
from ui.evidence.viewers.lock_cleanup import track_reader
from ui.evidence.viewers.text_viewer import TextViewer
from ui.job_panel import JobPanel
from ui.operations import CUSTODY, operations
from ui.workers import Job, ProgressFn
from vault import roles
from vault.blobs import BlobReader

# Imported when first needed: QtPdf and QtMultimedia load large libraries.
if TYPE_CHECKING:
    from ui.evidence.viewers.media_viewer import MediaViewer
    from ui.evidence.viewers.pdf_viewer import PdfViewer

log = logging.getLogger(__name__)

STREAMED = ("pdf", "audio", "video")


class PreviewWidget(QWidget):
    def __init__(
        self,
        evidence: EvidenceService,
        parent: QWidget | None = None,
        *,
        custody: CustodyService | None = None,
    ) -> None:
        super().__init__(parent)
        self._evidence = evidence
        self._custody = custody
        self._item: Evidence | None = None
        self.kind: str | None = None
        self.last_copy: Path | None = None  # the latest copy opened in another application
        self.confirm_box: QMessageBox | None = None
        self.show_button = QPushButton(self.tr("Show &preview"), self)
        self.show_button.setAccessibleName(self.tr("Show a preview (recorded as viewed)"))
        self.show_button.clicked.connect(self.load)
        self.save_button = QPushButton(self.tr("Save a &working copy…"), self)
        self.save_button.setAccessibleName(
            self.tr("Save a working copy of the original (recorded in its chain of custody)")
        )
        self.save_button.clicked.connect(lambda: self.save_working_copy())
        self.open_button = QPushButton(self.tr("Open in another &application…"), self)
        self.open_button.setAccessibleName(
            self.tr("Open a temporary copy in another application (recorded as viewed)")
        )
        self.open_button.clicked.connect(lambda: self.open_in_other_application())
        self.panel = JobPanel(
            self,
            progress_name=self.tr("Decrypting the preview"),
            result_name=self.tr("Preview status"),
            cancel_name=self.tr("Stop decrypting the preview"),
            counts=False,
        )
        self.status = self.panel.result
        self.text_viewer = TextViewer(self)
        self.text = self.text_viewer.text
        self.image_viewer = ImageViewer(self)
        self._pdf: PdfViewer | None = None
        self._media: MediaViewer | None = None
        self.pages = QStackedWidget(self)
        self.blank = QWidget(self)
        self.pages.addWidget(self.blank)
        self.pages.addWidget(self.image_viewer)
        self.pages.addWidget(self.text_viewer)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.panel)
        layout.addWidget(self.pages, 1)
        self.show_item(None)

    @property
    def job(self) -> Job | None:
        return self.panel.job

    @property
    def pdf_viewer(self) -> PdfViewer:
        if self._pdf is None:
            from ui.evidence.viewers.pdf_viewer import PdfViewer

            self._pdf = PdfViewer(self)
            self.pages.addWidget(self._pdf)
        return self._pdf

    @property
    def media_viewer(self) -> MediaViewer:
        if self._media is None:
            from ui.evidence.viewers.media_viewer import MediaViewer

            self._media = MediaViewer(self)
            self.pages.addWidget(self._media)
        return self._media

    def show_item(self, item: Evidence | None) -> None:
        if (
            item is not None
            and self._item is not None
            and item.evidence_id == self._item.evidence_id
        ):
            # The list was refreshed around the same item: keep what is shown or loading.
            self._item = item
            return
        if self.panel.job is not None:
            self.panel.cancel()
        self._item = item
        self._clear_viewers()
        kind = None if item is None else viewer_kind(item)
        self.kind = kind
        self.show_button.setEnabled(kind is not None)
        may_copy = item is not None and self._may_copy()
        self.save_button.setEnabled(may_copy)
        self.open_button.setEnabled(may_copy)
        if item is None:
            self.panel.set_verdict("", "")
        elif kind is None:
            self.panel.set_verdict(
                self.tr(
                    "No preview for this type of file. You can save a working copy or open it"
                    " in another application."
                ),
                "",
            )
        else:
            self.panel.set_verdict(
                self.tr("The preview is decrypted in memory only; showing it is recorded."), ""
            )

    def _may_copy(self) -> bool:
        vault = self._evidence.vault
        return self._custody is not None and vault.is_open and vault.may(roles.EXPORT)

    def _clear_viewers(self) -> None:
        self.pages.setCurrentWidget(self.blank)
        self.image_viewer.clear()
        self.text_viewer.clear()
        if self._pdf is not None:
            self._pdf.clear()
        if self._media is not None:
            self._media.clear()

    # Viewing -------------------------------------------------------------------------------

    def load(self) -> Job | None:
        item = self._item
        kind = None if item is None else viewer_kind(item)
        if item is None or kind is None or self.panel.job is not None:
            return None
        evidence = self._evidence
        # Stored in English like every custody text Custodia writes; shown translated.
        purpose = NC_("Custody", "preview in Custodia")

        def read(_progress: ProgressFn, cancel: threading.Event) -> bytes | BlobReader:
            if kind in STREAMED:
                # Read on demand by the viewer, a chunk at a time: any size, flat memory.
                return track_reader(evidence.open_reader(item.evidence_id, purpose=purpose))
            buffer = bytearray()
            limit = MAX_TEXT_BYTES if kind in ("text", "chat") else item.size
            with evidence.open_original(item.evidence_id, purpose=purpose) as chunks:
                for chunk in chunks:
                    if cancel.is_set():
                        break
                    buffer += chunk[: limit - len(buffer)]
                    if len(buffer) >= limit:
                        break
            return bytes(buffer)

        # Opening the original records a "viewed" custody event.
        job = operations().run(
            read, name="preview", reads_vault=True, changes={CUSTODY}, parent=self
        )
        self.panel.follow(job, step=self.tr("Decrypting…"))
        job.success(lambda data: self._loaded(item, kind, data))
        return job

    def _loaded(self, item: Evidence, kind: str, data: object) -> None:
        if self._item is None or self._item.evidence_id != item.evidence_id:
            if isinstance(data, BlobReader):
                data.close()
            return
        self.panel.set_verdict("", "")
        if isinstance(data, BlobReader):
            device = BlobDevice(data, self)
            if kind == "pdf":
                viewer = self.pdf_viewer
                if not viewer.show_device(device):
                    self.panel.set_verdict(self.tr("This PDF cannot be shown."), "bad")
                    return
                self.pages.setCurrentWidget(viewer)
            else:
                media = self.media_viewer
                media.show_device(device, video=kind == "video")
                self.pages.setCurrentWidget(media)
            return
        assert isinstance(data, bytes)
        if kind == "image":
            shown = self.image_viewer.show_data(data)
            self.pages.setCurrentWidget(self.image_viewer)
            if not shown:
                self.panel.set_verdict(self.tr("This image cannot be shown."), "bad")
            return
        self.text_viewer.show_data(data, shortened=item.size > len(data), chat=kind == "chat")
        self.pages.setCurrentWidget(self.text_viewer)

    # Copies outside the vault ----------------------------------------------------------------

    def save_working_copy(self, target: Path | None = None) -> Job | None:
        """Ask where (unless ``target`` is given), write the copy in a worker, record custody."""
        item, custody = self._item, self._custody
        if item is None or custody is None or self.panel.job is not None:
            return None
        if target is None:
            suggested = str(Path.home() / Path(item.original_filename).name)
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save a working copy"), suggested)
            if not name:
                return None
            target = Path(name)
        evidence = self._evidence

        def write(progress: ProgressFn, cancel: threading.Event) -> CustodyEvent:
            return save_working_copy(evidence, custody, item, target, progress, cancel)

        job = operations().run(
            write, name="working-copy", reads_vault=True, changes={CUSTODY}, parent=self
        )
        self.panel.follow(
            job, step=self.tr("Saving a working copy…"), cancelled=self.tr("Cancelled.")
        )
        job.success(lambda _event: self._saved(target))
        return job

    def _saved(self, target: Path) -> None:
        self.panel.set_verdict(
            self.tr(
                "Working copy saved to %1. It is recorded in the chain of custody; the original"
                " in the vault is unchanged."
            ).replace("%1", str(target)),
            "ok",
        )

    def open_in_other_application(self, *, ask: bool = True) -> QMessageBox | Job | None:
        """Warn that a plaintext copy will exist; on yes, write it and open it."""
        if self._item is None or self.panel.job is not None or not self._may_copy():
            return None
        if not ask:
            return self._open_copy()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Open in another application"),
            self.tr(
                "A plaintext copy of %1 will be written to a private temporary folder so that"
                " another application can open it. That application may keep its own copies"
                " (recent files, thumbnails, autosave). The copy is recorded in the chain of"
                " custody and deleted when the vault locks or Custodia closes."
            ).replace("%1", self._item.label),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        confirm = box.addButton(
            self.tr("Write the copy and &open it"), QMessageBox.ButtonRole.AcceptRole
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _r: self._answered(box.clickedButton() is confirm))
        self.confirm_box = box
        box.open()
        return box

    def _answered(self, yes: bool) -> None:
        self.confirm_box = None
        if yes:
            self._open_copy()

    def _open_copy(self) -> Job | None:
        item = self._item
        if item is None or self.panel.job is not None:
            return None
        evidence = self._evidence

        def write(progress: ProgressFn, cancel: threading.Event) -> Path:
            return copy_for_other_application(evidence, item, progress, cancel)

        job = operations().run(
            write, name="open-copy", reads_vault=True, changes={CUSTODY}, parent=self
        )
        self.panel.follow(
            job, step=self.tr("Writing a temporary copy…"), cancelled=self.tr("Cancelled.")
        )
        job.success(self._copy_written)
        return job

    def _copy_written(self, path: object) -> None:
        assert isinstance(path, Path)
        self.last_copy = path
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.panel.set_verdict(
                self.tr("No application could open this file. The copy is removed at lock."),
                "bad",
            )
            return
        self.panel.set_verdict(
            self.tr("Opened in another application. The copy is removed when the vault locks."),
            "ok",
        )
