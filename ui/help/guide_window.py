"""The built-in guide: sections on the left, the chosen section as plain text on the right."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QTextEdit, QWidget

from ui.help.guide_text import translated_sections
from ui.widgets import wrapping_list

log = logging.getLogger(__name__)


class GuideWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Custodia guide"))
        self.resize(860, 560)
        self.sections = translated_sections()
        self.contents = wrapping_list(QListWidget(self))
        self.contents.setAccessibleName(self.tr("Guide sections"))
        self.contents.setMaximumWidth(260)
        self.text = QTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Guide text"))
        for title, _paragraphs in self.sections:
            self.contents.addItem(title)
        self.contents.currentRowChanged.connect(self.show_section)
        layout = QHBoxLayout(self)
        layout.addWidget(self.contents)
        layout.addWidget(self.text, 1)
        self.contents.setCurrentRow(0)

    def show_section(self, row: int) -> None:
        if not 0 <= row < len(self.sections):
            return
        title, paragraphs = self.sections[row]
        self.text.clear()
        cursor = QTextCursor(self.text.document())
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setFontPointSize(self.font().pointSizeF() * 1.4)
        # Inserted as text, never as markup: a translation cannot inject anything.
        cursor.insertText(title, heading)
        for paragraph in paragraphs:
            cursor.insertBlock()
            cursor.insertBlock()
            cursor.insertText(paragraph, QTextCharFormat())
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def plain_text(self) -> str:
        return self.text.toPlainText()
