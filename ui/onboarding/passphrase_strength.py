"""A passphrase strength meter fed by zxcvbn, with its feedback translated."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from ui.widgets import plain_label

log = logging.getLogger(__name__)

# zxcvbn's cost grows with the length; beyond this the score is already at its maximum.
_MAX_SCORED = 64
MIN_SCORE = 3


def score(passphrase: str, user_inputs: list[str] | None = None) -> int:
    """zxcvbn's 0–4 score (0 for an empty passphrase)."""
    if not passphrase:
        return 0
    from zxcvbn import zxcvbn  # imported on first use: it takes a tenth of a second

    result = zxcvbn(passphrase[:_MAX_SCORED], user_inputs=user_inputs or [])
    return int(result["score"])


class PassphraseStrength(QWidget):
    """A bar with five steps and one sentence saying what the score means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._user_inputs: list[str] = []
        self.score = 0
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.label = plain_label("", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.update_for("")

    def set_user_inputs(self, words: list[str]) -> None:
        """Words (user name, organisation) that make a passphrase weaker when used in it."""
        self._user_inputs = [w for w in words if w]

    def update_for(self, passphrase: str) -> None:
        self.score = score(passphrase, self._user_inputs)
        self.bar.setValue(self.score)
        texts = [
            self.tr("Very weak: easy to guess. Use four or more unrelated words."),
            self.tr("Weak: add more unrelated words."),
            self.tr("Fair: one or two more words would make it strong."),
            self.tr("Strong."),
            self.tr("Very strong."),
        ]
        if not passphrase:
            self.label.setText(self.tr("Use a long passphrase of several unrelated words."))
        else:
            self.label.setText(texts[self.score])
        self.bar.setAccessibleDescription(self.label.text())
