"""The address book: who receives bundles from this vault, and whose bundles it trusts."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exports.address_book import AddressBook, AddressEntry, make_entry
from exports.model import RecipientKind
from ui.consent_reasons import kind_name as category_name
from ui.errors import show_error
from vault import Vault
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class AddressBookDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Address book"))
        self.book = AddressBook(vault)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show)
        self.name_edit = QLineEdit()
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Choose the kind…"), "")
        for kind in RecipientKind:
            self.kind_combo.addItem(category_name(kind), kind.value)
        self.age_edit = QLineEdit()
        self.age_edit.setPlaceholderText("age1…")
        self.fpr_edit = QLineEdit()
        self.cert_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(70)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Age public key"), self.age_edit)
        form.addRow(self.tr("Ed25519 fingerprint"), self.fpr_edit)
        form.addRow(self.tr("PDF certificate SHA-256"), self.cert_edit)
        form.addRow(self.tr("Notes"), self.notes_edit)
        self.save_button = QPushButton(self.tr("&Save entry"))
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("&New entry"))
        self.new_button.clicked.connect(self._clear)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(close)
        self.resize(820, 420)
        self.refresh()

    def refresh(self) -> None:
        self.entries: list[AddressEntry] = self.book.entries()
        self.list.clear()
        for entry in self.entries:
            kind = category_name(entry.kind) if entry.kind else self.tr("no kind yet")
            self.list.addItem(f"{entry.name} ({kind})")

    def _clear(self) -> None:
        self.list.clearSelection()
        for edit in (self.name_edit, self.age_edit, self.fpr_edit, self.cert_edit):
            edit.clear()
        self.notes_edit.clear()
        self.kind_combo.setCurrentIndex(0)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        self.name_edit.setText(entry.name)
        self.kind_combo.setCurrentIndex(
            max(0, self.kind_combo.findData(entry.kind.value if entry.kind else ""))
        )
        self.age_edit.setText(entry.age_recipient)
        self.fpr_edit.setText(entry.ed25519_fingerprint)
        self.cert_edit.setText(entry.certificate_sha256)
        self.notes_edit.setPlainText(entry.notes)

    def save(self) -> bool:
        try:
            entry = make_entry(
                self.name_edit.text(),
                str(self.kind_combo.currentData() or ""),
                age_recipient=self.age_edit.text(),
                ed25519_fingerprint=self.fpr_edit.text(),
                certificate_sha256=self.cert_edit.text(),
                notes=self.notes_edit.toPlainText(),
            )
            self.book.put(entry)
        except CustodiaError as exc:
            show_error(self, exc)
            return False
        self.refresh()
        return True

    def remove(self) -> None:
        try:
            self.book.remove(" ".join(self.name_edit.text().split()))
        except CustodiaError as exc:
            show_error(self, exc)
        self._clear()
        self.refresh()
