"""Wizard page: where the vault lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from ui.widgets import plain_label


class LocationPage(QWizardPage):
    def __init__(self, default_path: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Custodia"))
        self.setSubTitle(
            self.tr(
                "Custodia keeps interviews, statements and evidence in an encrypted vault on "
                "this computer. First choose where the vault is stored."
            )
        )
        self.path_edit = QLineEdit(str(default_path), self)
        self.path_edit.setAccessibleName(self.tr("Vault folder"))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setAccessibleName(self.tr("Choose the vault folder"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        hint = plain_label(
            self.tr(
                "Choose an empty folder, ideally on an encrypted disk. Keep regular backups: "
                "without the vault folder, nothing can be recovered."
            ),
            self,
        )
        label = plain_label(self.tr("Vault folder:"), self)
        label.setBuddy(self.path_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addStretch(1)

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        path = self.path
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            self.setSubTitle(self.tr("This folder is not empty. Choose an empty or a new folder."))
            return False
        return True

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the vault folder"), str(self.path.parent)
        )
        if chosen:
            self.path_edit.setText(str(Path(chosen) / "custodia-vault"))
