"""A text file (or a chat export, until it has its own viewer), in the encoding it was written
in: detected, and changeable when the guess was wrong."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ui.evidence.viewers.text_decoding import CHOICES, decode, detect_encoding
from ui.widgets import buddy_label, plain_label

log = logging.getLogger(__name__)


class TextViewer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = b""
        self._shortened = False
        self.encoding = ""
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Text preview"))
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setAccessibleName(self.tr("Encoding of the text"))
        self.encoding_combo.activated.connect(self._chosen)
        self.note: QLabel = plain_label("", self)
        row = QHBoxLayout()
        row.addWidget(buddy_label(self.tr("&Encoding:"), self.encoding_combo, self))
        row.addWidget(self.encoding_combo)
        row.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)

    def show_data(self, data: bytes, *, shortened: bool = False, chat: bool = False) -> None:
        self._data = data
        self._shortened = shortened
        detected = detect_encoding(data)
        self.encoding_combo.clear()
        names = list(dict.fromkeys((detected, *CHOICES)))
        for name in names:
            label = name if name != detected else self.tr("%1 (detected)").replace("%1", name)
            self.encoding_combo.addItem(label, name)
        self.encoding_combo.setCurrentIndex(0)
        notes = []
        if chat:
            notes.append(self.tr("Chat export shown as plain text."))
        if shortened:
            notes.append(self.tr("Only the beginning of this large file is shown."))
        self.note.setText(" ".join(notes))
        self._show(detected)

    def _chosen(self, index: int) -> None:
        self._show(str(self.encoding_combo.itemData(index)))

    def _show(self, encoding: str) -> None:
        self.encoding = encoding
        text = decode(self._data, encoding)
        if self._shortened:
            text += "\n\n" + self.tr("[Preview shortened: the file is larger.]")
        self.text.setPlainText(text)

    def clear(self) -> None:
        self._data = b""
        self.text.clear()
        self.encoding_combo.clear()
        self.note.clear()
