"""My receiving key: this vault's age public key, to give to the people who send it bundles."""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtGui import QFont, QGuiApplication, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exports.address_book import receiving_key
from vault import Vault

log = logging.getLogger(__name__)


class ReceivingKeyDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My receiving key"))
        self.key = receiving_key(vault)
        self.vault_id = vault.vault_id
        explain = QLabel(
            self.tr(
                "Give this key to the people who send you bundles: they encrypt to it, and only"
                " this vault can open what they send. It is public: it may be sent by e-mail or"
                " printed. Tell them your signing fingerprint by phone as well."
            )
        )
        explain.setWordWrap(True)
        self.key_edit = QLineEdit(self.key)
        self.key_edit.setReadOnly(True)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.key_edit.setFont(font)
        self.key_edit.setMinimumWidth(560)
        self.key_edit.setAccessibleName(self.tr("Receiving key"))
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.clicked.connect(self.copy)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_card)
        self.save_button = QPushButton(self.tr("&Save as a card…"))
        self.save_button.clicked.connect(self.ask_save)
        self.status = QLabel("")
        row = QHBoxLayout()
        for button in (self.copy_button, self.print_button, self.save_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.key_edit)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(close)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.key)
        self.status.setText(self.tr("Copied."))

    def card(self) -> QTextDocument:
        document = QTextDocument()
        document.setHtml(
            "<h2>"
            + html.escape(self.tr("Custodia receiving key"))
            + "</h2><p>"
            + html.escape(self.tr("Encrypt bundles for this vault to:"))
            + f"</p><p style='font-family: monospace; font-size: 13pt'>{html.escape(self.key)}</p>"
            + "<p>"
            + html.escape(self.tr("Vault {vault}").replace("{vault}", self.vault_id))
            + "</p>"
        )
        return document

    def save_card(self, path: Path) -> None:
        """A small PDF card (A6) with the key."""
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
        writer.setResolution(300)
        document = self.card()
        document.setPageSize(writer.pageLayout().paintRectPixels(300).size().toSizeF())
        document.print_(writer)
        self.status.setText(self.tr("Card saved."))
        log.info("receiving-key card saved")

    def ask_save(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the card"), "receiving-key.pdf", "PDF (*.pdf)"
        )
        if name:
            self.save_card(Path(name))

    def print_card(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.card().print_(printer)
