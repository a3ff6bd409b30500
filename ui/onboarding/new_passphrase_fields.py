"""A new passphrase, typed twice, with strength feedback: the fields and the one rule for them.

Shared by the dialogs that set a passphrase after the wizard (reset with the recovery key, add a
user, change one's own), so that all of them accept exactly the same passphrases.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit, QWidget

from ui.onboarding.passphrase_strength import MIN_SCORE, PassphraseStrength
from vault.constants import MIN_PASSPHRASE_LENGTH


class NewPassphraseFields(QObject):
    def __init__(self, parent: QWidget, *, name: str, confirm_name: str) -> None:
        super().__init__(parent)
        self.pass_edit = QLineEdit(parent)
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.setAccessibleName(name)
        self.confirm_edit = QLineEdit(parent)
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName(confirm_name)
        self.strength = PassphraseStrength(parent)

    def text(self) -> str:
        return self.pass_edit.text()

    def problem(self) -> str | None:
        """Re-rate the passphrase and say what is wrong with it, or ``None``."""
        passphrase = self.pass_edit.text()
        self.strength.update_for(passphrase)
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            return self.tr("Use at least %n characters.", "", MIN_PASSPHRASE_LENGTH)
        if self.strength.score < MIN_SCORE:
            return self.tr("This passphrase is too easy to guess.")
        if self.confirm_edit.text() != passphrase:
            return self.tr("The two passphrases differ.")
        return None

    def clear(self) -> None:
        self.pass_edit.clear()
        self.confirm_edit.clear()
