"""Search across the whole vault (Ctrl+K): every text a person typed and the text inside
evidence files. Each result says its case once, where in the case it is, and a snippet."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake.models import SearchHit
from intake.search import SearchService
from ui.errors import user_message
from ui.search.words import headline, snippet
from ui.widgets import plain_label
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class SearchDialog(QDialog):
    hit_chosen = Signal(object)  # the SearchHit

    def __init__(self, search: SearchService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.hits: list[SearchHit] = []
        self.setWindowTitle(self.tr("Search the vault"))
        self.setMinimumSize(640, 420)
        self.query_edit = QLineEdit(self)
        self.query_edit.setAccessibleName(self.tr("Search"))
        self.query_edit.setPlaceholderText(
            self.tr("Names, numbers, places… (Constanta also finds Constanța)")
        )
        self.query_edit.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.setSpacing(3)
        self.results.itemActivated.connect(self._activated)
        self.status = plain_label("", self)
        self.status.setAccessibleName(self.tr("Search status"))
        self.waiting = plain_label("", self)
        self.waiting.setAccessibleName(self.tr("Evidence files still being read"))
        self._show_waiting()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.run)
        self.query_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.query_edit.returnPressed.connect(self._return_pressed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.status)
        layout.addWidget(self.waiting)
        layout.addWidget(self.results, 1)

    def run(self) -> None:
        self._debounce.stop()
        query = self.query_edit.text().strip()
        self.results.clear()
        self.hits = []
        if not query:
            self.status.clear()
            return
        try:
            found = self._search.search(query)
        except CustodiaError as exc:
            self.status.setText(user_message(exc))
            return
        self.hits = list(found)
        for hit in self.hits:
            # Snippets are user text: shown as plain list text, never as HTML.
            text = snippet(hit)
            item = QListWidgetItem(f"{headline(hit)}\n{text}" if text else headline(hit))
            item.setData(Qt.ItemDataRole.UserRole, self.results.count())
            self.results.addItem(item)
        if found.limited:
            self.status.setText(
                self.tr(
                    "%n result(s) from the most recent matches: this word is in many records. "
                    "Add another word to narrow the search.",
                    "",
                    len(self.hits),
                )
            )
        else:
            self.status.setText(self.tr("%n result(s)", "", len(self.hits)))
        if self.hits:
            self.results.setCurrentRow(0)

    def _show_waiting(self) -> None:
        """Say so when evidence files ingested before still wait for their text to be read
        (a background job reads them after unlock): a word in them is not found yet."""
        try:
            count = len(self._search.pending())
        except CustodiaError:
            count = 0
        self.waiting.setVisible(count > 0)
        self.waiting.setText(
            self.tr(
                "The text of %n evidence file(s) is still being read: words in them are not "
                "found yet.",
                "",
                count,
            )
        )

    def _return_pressed(self) -> None:
        if self._debounce.isActive() or not self.hits:
            self.run()
        elif self.results.currentItem() is not None:
            self._activated(self.results.currentItem())

    def _activated(self, item: QListWidgetItem) -> None:
        index = int(item.data(Qt.ItemDataRole.UserRole))
        if 0 <= index < len(self.hits):
            self.hit_chosen.emit(self.hits[index])
            self.accept()
