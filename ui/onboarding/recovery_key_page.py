"""Wizard page: the recovery key, shown once, with print / save as PDF and a confirmation."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from ui.errors import show_error
from ui.onboarding import recovery_key_print
from ui.widgets import plain_label

log = logging.getLogger(__name__)

# The sheet needs to know what it documents; the dialog supplies it after creation.
SheetInfo = Callable[[], tuple[str, str, str, str]]  # key, vault path, user, vault id


class RecoveryKeyPage(QWizardPage):
    def __init__(self, sheet_info: SheetInfo) -> None:
        super().__init__()
        self._sheet_info = sheet_info
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(
            self.tr(
                "If every passphrase is forgotten, only this key opens the vault. It is shown "
                "now and never again. Print it or save it, and store it somewhere safe."
            )
        )
        self.key_label = QLabel(self)
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setWordWrap(True)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.4 if font.pointSizeF() > 0 else 14)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        self.key_label.setObjectName("recoveryKey")
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print the recovery key"))
        self.print_button.clicked.connect(self._print)
        self.pdf_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.pdf_button.setAccessibleName(self.tr("Save the recovery key as a PDF file"))
        self.pdf_button.clicked.connect(self._save_pdf)
        self.stored_check = QCheckBox(
            self.tr("I have stored the recovery key in a safe place"), self
        )
        self.stored_check.setAccessibleName(self.tr("I have stored the recovery key"))
        self.stored_check.toggled.connect(self.completeChanged)
        warning = plain_label(
            self.tr(
                "Do not keep the key in the same place as this computer. Anyone with the key "
                "can open the vault."
            ),
            self,
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addLayout(buttons)
        layout.addWidget(warning)
        layout.addStretch(1)
        layout.addWidget(self.stored_check)

    def initializePage(self) -> None:
        self.key_label.setText(self._sheet_info()[0])

    def cleanupPage(self) -> None:
        self.key_label.clear()

    def isComplete(self) -> bool:
        return self.stored_check.isChecked()

    def save_pdf(self, path: Path) -> None:
        recovery_key_print.save_pdf(path, *self._sheet_info())
        log.info("recovery key sheet saved as PDF")

    def _save_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery key"),
            str(Path.home() / "custodia-recovery-key.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if not name:
            return
        try:
            self.save_pdf(Path(name))
        except OSError as exc:
            show_error(self, exc)

    def _print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            recovery_key_print.render(printer, *self._sheet_info())
        except OSError as exc:
            show_error(self, exc)
