"""PDF pages, read through a decrypting device: pages are rendered as they scroll into view,
so a long document costs memory for the pages on screen only."""

from __future__ import annotations

import logging

from PySide6.QtCore import QIODevice, QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ui.widgets import buddy_label, plain_label

log = logging.getLogger(__name__)

ZOOM_STEP = 1.25


class PdfViewer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._device: QIODevice | None = None
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("PDF pages"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.page = QSpinBox(self)
        self.page.setAccessibleName(self.tr("Page number"))
        self.page.setMinimum(1)
        self.page.valueChanged.connect(self._go_to)
        self.count = plain_label("", self, wrap=False)
        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._page_changed)
        self.fit_button = QPushButton(self.tr("Fit &width"), self)
        self.fit_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.zoom_in = QPushButton(self.tr("Zoom &in"), self)
        self.zoom_in.clicked.connect(lambda: self._zoom(ZOOM_STEP))
        self.zoom_out = QPushButton(self.tr("Zoom &out"), self)
        self.zoom_out.clicked.connect(lambda: self._zoom(1 / ZOOM_STEP))
        bar = QHBoxLayout()
        bar.addWidget(buddy_label(self.tr("P&age:"), self.page, self))
        bar.addWidget(self.page)
        bar.addWidget(self.count)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_in)
        bar.addWidget(self.fit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def show_device(self, device: QIODevice) -> bool:
        """Load the document from ``device`` (kept open until :meth:`clear`)."""
        self.clear()
        self._device = device
        device.setParent(self)
        self.document.load(device)
        if self.document.status() != QPdfDocument.Status.Ready:
            log.info("PDF not loaded: %s", self.document.error().name)
            return False
        pages = self.document.pageCount()
        self.page.blockSignals(True)
        self.page.setMaximum(max(1, pages))
        self.page.setValue(1)
        self.page.blockSignals(False)
        self.count.setText(self.tr("of %n page(s)", "", pages))
        return True

    def clear(self) -> None:
        self.document.close()
        if self._device is not None:
            self._device.close()
            self._device.deleteLater()
            self._device = None
        self.count.clear()

    def _go_to(self, number: int) -> None:
        if 0 < number <= self.document.pageCount():
            self.view.pageNavigator().jump(number - 1, QPointF(), self.view.zoomFactor())

    def _page_changed(self, index: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(index + 1)
        self.page.blockSignals(False)

    def _zoom(self, factor: float) -> None:
        zoom = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, zoom * factor)))
