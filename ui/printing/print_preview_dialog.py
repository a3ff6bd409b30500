"""A print preview of a statement or case summary; printing it is recorded in the audit log."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def print_document(document: QTextDocument, printer: QPrinter) -> None:
    document.print_(printer)


def print_to_pdf(document: QTextDocument, path: str) -> None:
    """Print to a PDF file (what "Print to file" does, and what tests read back)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setDocName(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    print_document(document, printer)


class PrintPreviewDialog(QPrintPreviewDialog):
    def __init__(
        self,
        document: QTextDocument,
        printed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(printer, parent)
        self.page_printer = printer
        self.document = document
        self.page_printer.setDocName(
            document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
        )
        self.setWindowTitle(self.tr("Print preview"))
        self.resize(900, 700)
        self.paintRequested.connect(lambda printer: print_document(self.document, printer))
        # The preview's Print button prints and accepts: what was printed goes into the ledger.
        self.accepted.connect(printed)
