"""A picture, scaled to fit, beside what it says about itself (date taken, camera, GPS)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.evidence.viewers.image_metadata import ImageMetadata, read_image_metadata
from ui.widgets import data_label

log = logging.getLogger(__name__)


def _dms(value: float, positive: str, negative: str) -> str:
    hemisphere = positive if value >= 0 else negative
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = (value - degrees - minutes / 60) * 3600
    return f"{degrees}°{minutes:02d}′{seconds:04.1f}″ {hemisphere}"


def coordinates(meta: ImageMetadata) -> str:
    """Decimal degrees (what a map search takes), then degrees, minutes and seconds."""
    if meta.latitude is None or meta.longitude is None:
        return ""
    return (
        f"{meta.latitude:.6f}, {meta.longitude:.6f}"
        f" ({_dms(meta.latitude, 'N', 'S')}, {_dms(meta.longitude, 'E', 'W')})"
    )


class ImageViewer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self.metadata = ImageMetadata()
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Picture"))
        self.image.setMinimumSize(1, 1)
        self.image.installEventFilter(self)
        panel = QWidget(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fields = {key: data_label("", panel) for key in ("pixels", "taken", "camera", "gps")}
        self.fields["altitude"] = data_label("", panel)
        self.fields["software"] = data_label("", panel)
        captions = {
            "pixels": self.tr("Size in pixels:"),
            "taken": self.tr("Date taken:"),
            "camera": self.tr("Camera:"),
            "gps": self.tr("GPS position:"),
            "altitude": self.tr("Altitude:"),
            "software": self.tr("Software:"),
        }
        for key, label in self.fields.items():
            label.setAccessibleName(captions[key].rstrip(":"))
            form.addRow(captions[key], label)
        self.tags = QPlainTextEdit(panel)
        self.tags.setReadOnly(True)
        self.tags.setAccessibleName(self.tr("Every metadata tag of the picture"))
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(data_label(self.tr("All metadata tags:"), panel))
        column.addWidget(self.tags, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.image)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def show_data(self, data: bytes) -> bool:
        """Show the picture and its metadata; False when the picture cannot be decoded."""
        image = QImage.fromData(data)
        self.metadata = read_image_metadata(data)
        meta = self.metadata
        none = self.tr("not recorded")
        values = {
            "pixels": "" if image.isNull() else f"{image.width()} × {image.height()}",
            "taken": meta.taken,
            "camera": meta.camera,
            "gps": coordinates(meta),
            "altitude": meta.altitude,
            "software": meta.software,
        }
        for key, value in values.items():
            self.fields[key].setText(value or none)
        self.tags.setPlainText("\n".join(f"{name}: {value}" for name, value in meta.tags))
        if image.isNull():
            self._pixmap = None
            self.image.clear()
            return False
        self._pixmap = QPixmap.fromImage(image)
        self._scale()
        return True

    def clear(self) -> None:
        self._pixmap = None
        self.image.clear()
        self.tags.clear()
        for label in self.fields.values():
            label.clear()

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
