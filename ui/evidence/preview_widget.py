"""In-app preview of images and text, decrypted into memory only (never written to disk).

Opening an original records a "viewed" custody event, so a preview is shown only on request.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.evidence import EvidenceService
from intake.models import Evidence
from resources.i18n import NC_
from ui.job_panel import JobPanel
from ui.operations import CUSTODY, operations
from ui.workers import Job, ProgressFn

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 64 * 1024 * 1024
MAX_TEXT_BYTES = 2 * 1024 * 1024
TEXT_TYPES = ("text/", "application/json", "application/xml")


def previewable(item: Evidence) -> str | None:
    """ "image", "text" or None for what this item's type and size allow."""
    if item.media_type.startswith("image/") and item.size <= MAX_IMAGE_BYTES:
        return "image"
    if item.media_type.startswith(TEXT_TYPES):
        return "text"
    return None


class PreviewWidget(QWidget):
    def __init__(self, evidence: EvidenceService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._evidence = evidence
        self._item: Evidence | None = None
        self._pixmap: QPixmap | None = None
        self.show_button = QPushButton(self.tr("Show &preview"), self)
        self.show_button.setAccessibleName(self.tr("Show a preview (recorded as viewed)"))
        self.show_button.clicked.connect(self.load)
        self.panel = JobPanel(
            self,
            progress_name=self.tr("Decrypting the preview"),
            result_name=self.tr("Preview status"),
            cancel_name=self.tr("Stop decrypting the preview"),
            counts=False,
        )
        self.status = self.panel.result
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Image preview"))
        self.image.setMinimumSize(1, 1)
        self.image.installEventFilter(self)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Text preview"))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(QWidget(self))
        self.pages.addWidget(self.image)
        self.pages.addWidget(self.text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.panel)
        layout.addWidget(self.pages, 1)
        self.show_item(None)

    @property
    def job(self) -> Job | None:
        return self.panel.job

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
        self._pixmap = None
        self.image.clear()
        self.text.clear()
        self.pages.setCurrentIndex(0)
        kind = None if item is None else previewable(item)
        self.show_button.setEnabled(kind is not None)
        if item is None:
            self.panel.set_verdict("", "")
        elif kind is None:
            self.panel.set_verdict(self.tr("No preview for this type of file."), "")
        else:
            self.panel.set_verdict(
                self.tr("The preview is decrypted in memory only; showing it is recorded."), ""
            )

    def load(self) -> Job | None:
        item = self._item
        if item is None or previewable(item) is None or self.panel.job is not None:
            return None
        kind = previewable(item)
        limit = MAX_IMAGE_BYTES if kind == "image" else MAX_TEXT_BYTES
        evidence = self._evidence

        def read(_progress: ProgressFn, cancel: threading.Event) -> bytes:
            buffer = bytearray()
            # Stored in English like every custody text Custodia writes; shown translated.
            purpose = NC_("Custody", "preview in Custodia")
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
        job.success(lambda data: self._loaded(item.evidence_id, kind, data))
        return job

    def _loaded(self, evidence_id: str, kind: str | None, data: object) -> None:
        if self._item is None or self._item.evidence_id != evidence_id:
            return
        assert isinstance(data, bytes)
        self.panel.set_verdict("", "")
        if kind == "image":
            image = QImage.fromData(data)
            if image.isNull():
                self.panel.set_verdict(self.tr("This image cannot be shown."), "bad")
                return
            self._pixmap = QPixmap.fromImage(image)
            self.pages.setCurrentWidget(self.image)
            self._scale()
        else:
            text = data.decode("utf-8", errors="replace")
            if len(data) >= MAX_TEXT_BYTES:
                text += "\n\n" + self.tr("[Preview shortened: the file is larger.]")
            self.text.setPlainText(text)
            self.pages.setCurrentWidget(self.text)

    def _scale(self) -> None:
        if self._pixmap is None:
            return
        area = self.image.size()
        upscaling = self._pixmap.width() < area.width() and self._pixmap.height() < area.height()
        # Small images are enlarged without smoothing, so that no detail is invented.
        mode = (
            Qt.TransformationMode.FastTransformation
            if upscaling
            else Qt.TransformationMode.SmoothTransformation
        )
        self.image.setPixmap(self._pixmap.scaled(area, Qt.AspectRatioMode.KeepAspectRatio, mode))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.image and event.type() == QEvent.Type.Resize:
            self._scale()
        return False
