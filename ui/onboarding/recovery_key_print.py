"""Rendering the recovery key sheet on a printer or into a PDF file (QPrinter)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter


def render(printer: QPrinter, recovery_key: str, vault_path: str, user: str, vault_id: str) -> None:
    """Draw the sheet: title, instructions, the key in large monospace, and the vault's id."""
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("printer could not start")
    try:
        page = QRectF(painter.viewport())
        y = 0.0
        title = QFont("DejaVu Sans", 18)
        title.setBold(True)
        body = QFont("DejaVu Sans", 11)
        mono = QFont("DejaVu Sans Mono", 20)
        mono.setBold(True)
        blocks: list[tuple[QFont, str]] = [
            (title, QCoreApplication.translate("RecoveryKeySheet", "Custodia vault recovery key")),
            (
                body,
                QCoreApplication.translate(
                    "RecoveryKeySheet",
                    "This key opens the vault if every passphrase is forgotten. Anyone holding "
                    "it can read the vault: keep this sheet locked away, apart from the computer.",
                ),
            ),
            (mono, recovery_key),
            (
                body,
                QCoreApplication.translate("RecoveryKeySheet", "Vault id: %1").replace(
                    "%1", vault_id
                ),
            ),
            (
                body,
                QCoreApplication.translate("RecoveryKeySheet", "Created by: %1").replace(
                    "%1", user
                ),
            ),
            (
                body,
                QCoreApplication.translate("RecoveryKeySheet", "Location: %1").replace(
                    "%1", vault_path
                ),
            ),
        ]
        flags = int(Qt.TextFlag.TextWordWrap)
        for font, text in blocks:
            painter.setFont(font)
            rect = painter.boundingRect(QRectF(0, y, page.width(), page.height()), flags, text)
            painter.drawText(rect, flags, text)
            y = rect.bottom() + painter.fontMetrics().height() * 1.5
    finally:
        painter.end()


def save_pdf(path: Path, recovery_key: str, vault_path: str, user: str, vault_id: str) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName("Custodia recovery key")
    render(printer, recovery_key, vault_path, user, vault_id)
