"""What the main window shows while the vault is locked: nothing of the vault's content."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.widgets import heading, plain_label


class LockedView(QWidget):
    unlock_requested = Signal()
    create_requested = Signal()
    verify_requested = Signal()

    def __init__(self, vault_path: Path, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading(self.tr("The vault is locked"), self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.path_label = plain_label(str(vault_path), self)
        self.path_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.path_label.setAccessibleName(self.tr("Vault location"))
        self.reason_label = plain_label("", self)
        self.reason_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self.tr("&Unlock…"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock the vault"))
        self.unlock_button.clicked.connect(self.unlock_requested)
        self.create_button = QPushButton(self.tr("&Create a new vault…"), self)
        self.create_button.setAccessibleName(self.tr("Create a new vault"))
        self.create_button.clicked.connect(self.create_requested)
        self.verify_button = QPushButton(self.tr("&Verify a bundle…"), self)
        self.verify_button.setAccessibleName(self.tr("Verify a bundle, without unlocking"))
        self.verify_button.clicked.connect(self.verify_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.verify_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.path_label)
        layout.addWidget(self.reason_label)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.set_state(vault_path, reason)

    def set_state(self, vault_path: Path, reason: str) -> None:
        exists = (vault_path / "vault.json").is_file()
        self.path_label.setText(str(vault_path))
        self.unlock_button.setVisible(exists)
        self.create_button.setVisible(not exists)
        if not exists:
            self.title.setText(self.tr("No vault yet"))
            self.reason_label.setText(self.tr("Create a vault to start recording cases."))
        elif reason == "idle":
            self.title.setText(self.tr("The vault is locked"))
            self.reason_label.setText(self.tr("Locked after a period without activity."))
        else:
            self.title.setText(self.tr("The vault is locked"))
            self.reason_label.setText("")
        (self.unlock_button if exists else self.create_button).setFocus()
