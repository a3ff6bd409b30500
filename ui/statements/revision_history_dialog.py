"""A statement's revisions, newest first; selecting one shows its text (read-only)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from intake.statements import StatementService
from ui.formatting import when
from ui.widgets import button_box


class RevisionHistoryDialog(QDialog):
    def __init__(
        self, statements: StatementService, statement_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revision history"))
        self.setMinimumSize(720, 460)
        self.revisions = sorted(statements.revisions(statement_id), key=lambda r: -r.revision)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Revisions"))
        for revision in self.revisions:
            item = QListWidgetItem(
                self.tr("Revision %1 · %2 · %3")
                .replace("%1", str(revision.revision))
                .replace("%2", when(revision.saved_at))
                .replace("%3", revision.saved_by)
            )
            item.setData(Qt.ItemDataRole.UserRole, revision.revision)
            self.list.addItem(item)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Revision text"))
        self.list.currentRowChanged.connect(self._show)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 2)
        buttons = button_box(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        if self.revisions:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.revisions):
            self.text.setPlainText(self.revisions[row].text)
