"""A statement's revisions, newest first; selecting one shows what changed since the one before.

Differences are shown word by word as plain text: insertions between "[+" and "+]", deletions
between "[-" and "-]", and coloured too (a character format set by code, never markup read from
the statement). "Show the whole text" shows the revision as it was.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from intake.statements import StatementService, text_diff
from ui.formatting import when
from ui.widgets import button_box, plain_label

log = logging.getLogger(__name__)

INSERTED = ("[+", "+]")
DELETED = ("[-", "-]")


@dataclass(frozen=True)
class _Version:
    label: str
    text: str


class RevisionHistoryDialog(QDialog):
    def __init__(
        self, statements: StatementService, statement_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revision history"))
        self.setMinimumSize(760, 480)
        self.revisions = sorted(statements.revisions(statement_id), key=lambda r: -r.revision)
        versions = [
            _Version(
                self.tr("Revision %1 · %2 · %3")
                .replace("%1", str(r.revision))
                .replace("%2", when(r.saved_at))
                .replace("%3", r.saved_by),
                r.text,
            )
            for r in self.revisions
        ]
        current = statements.get(statement_id)
        if current.text != (self.revisions[0].text if self.revisions else ""):
            # Typed since the last revision: kept in the rolling draft, shown as such.
            versions.insert(0, _Version(self.tr("Being typed (not a revision yet)"), current.text))
        self.versions = versions
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Revisions"))
        for version in versions:
            self.list.addItem(QListWidgetItem(version.label))
        self.whole_check = QCheckBox(self.tr("Show the &whole text"), self)
        self.whole_check.setAccessibleName(self.tr("Show the whole text instead of the changes"))
        self.whole_check.toggled.connect(lambda _on: self._show(self.list.currentRow()))
        self.legend = plain_label(
            self.tr("Changes since the revision before: [+ added +]  [- removed -]"), self
        )
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Changes in the chosen revision"))
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.legend)
        right_layout.addWidget(self.text, 1)
        right_layout.addWidget(self.whole_check)
        self.list.currentRowChanged.connect(self._show)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        buttons = button_box(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        if versions:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.versions):
            return
        version = self.versions[row]
        self.text.clear()
        if self.whole_check.isChecked():
            self.text.setPlainText(version.text)
            return
        before = self.versions[row + 1].text if row + 1 < len(self.versions) else ""
        self.show_diff(before, version.text)

    def show_diff(self, before: str, after: str) -> None:
        cursor = self.text.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        plain = QTextCharFormat()
        added = QTextCharFormat()
        added.setBackground(QColor("#d8f5d0"))
        added.setFontUnderline(True)
        removed = QTextCharFormat()
        removed.setBackground(QColor("#f8d7d3"))
        removed.setFontStrikeOut(True)
        for op, piece in text_diff(before, after):
            if op == "+":
                cursor.insertText(f"{INSERTED[0]}{piece}{INSERTED[1]}", added)
            elif op == "-":
                cursor.insertText(f"{DELETED[0]}{piece}{DELETED[1]}", removed)
            else:
                cursor.insertText(piece, plain)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
