"""The case list: filter by text and status; Enter or a click opens a case.

Cases load a page at a time, more as the list is scrolled to its end, so that the list opens
at once in a vault of 10,000 cases. Typing a filter loads the remaining pages in the
background, one page per turn of the event loop, so the filter covers every case without
freezing the window.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.cases import CaseService
from intake.models import CaseStatus, CaseSummary
from ui.formatting import term
from ui.operations import CASES, ChangeListener
from ui.widgets import wrapping_list
from vault import roles

log = logging.getLogger(__name__)

PAGE_SIZE = 200


class CaseListView(QWidget):
    case_selected = Signal(str)  # case id
    new_case_requested = Signal()

    def __init__(
        self, cases: CaseService, parent: QWidget | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self._cases = cases
        self._page_size = max(1, page_size)
        self._summaries: list[CaseSummary] = []
        self._exhausted = False
        self._background = QTimer(self)
        self._background.setSingleShot(True)
        self._background.setInterval(0)
        self._background.timeout.connect(self._load_in_background)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter cases…"))
        self.filter_edit.setAccessibleName(self.tr("Filter cases"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Case status"))
        self.status_combo.addItem(self.tr("Open cases"), CaseStatus.OPEN.value)
        self.status_combo.addItem(self.tr("Closed cases"), CaseStatus.CLOSED.value)
        self.status_combo.addItem(self.tr("All cases"), "")
        self.status_combo.currentIndexChanged.connect(self.refresh)
        self.list = wrapping_list(QListWidget(self))
        self.list.setAccessibleName(self.tr("Cases"))
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.new_button = QPushButton(self.tr("&New case…"), self)
        self.new_button.setAccessibleName(self.tr("Create a new case"))
        self.new_button.clicked.connect(self.new_case_requested)
        # A viewer reads and searches; opening a case is case work (DESIGN §6.4).
        self.new_button.setVisible(cases.vault.may(roles.CASE_WORK))
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status_combo)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.new_button)
        # A refresh keeps the selection.
        ChangeListener(self, (CASES,), self.refresh, vault_open=lambda: cases.vault.is_open)
        self.refresh()

    def refresh(self, _index: int = 0, select: str | None = None) -> None:
        """Reload from the first page; keeps (or makes) the selection."""
        current = select or self.current_case_id()
        previously_loaded = len(self._summaries)
        self._background.stop()
        self._summaries = []
        self._exhausted = False
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self.load_more()
        # As deep as the user had scrolled, so that the selection stays in view.
        while len(self._summaries) < previously_loaded and self.load_more():
            pass
        if current is not None:
            self._select_loaded(current, emit=False)
        self._apply_filter()
        if select is not None:
            self.case_selected.emit(select)

    @property
    def fully_loaded(self) -> bool:
        return self._exhausted

    def load_more(self) -> int:
        """Append the next page of cases; returns how many were added."""
        if self._exhausted:
            return 0
        status_value = str(self.status_combo.currentData() or "")
        status = CaseStatus(status_value) if status_value else None
        page = self._cases.list_cases(
            status=status, limit=self._page_size, offset=len(self._summaries)
        )
        self._exhausted = len(page) < self._page_size
        self._summaries.extend(page)
        needle = self._needle()
        self.list.blockSignals(True)
        for summary in page:
            item = self._item(summary)
            self.list.addItem(item)
            item.setHidden(bool(needle) and needle not in item.text().casefold())
        self.list.blockSignals(False)
        return len(page)

    def _item(self, summary: CaseSummary) -> QListWidgetItem:
        case = summary.case
        text = f"{case.reference}\n{case.title}"
        if case.status is CaseStatus.CLOSED:
            text += f"  ({term(case.status)})"
        item = QListWidgetItem(text)  # list items never render HTML
        item.setData(Qt.ItemDataRole.UserRole, case.case_id)
        item.setToolTip(
            self.tr("%1 people, %2 statements, %3 evidence items")
            .replace("%1", str(summary.people))
            .replace("%2", str(summary.statements))
            .replace("%3", str(summary.evidence))
        )
        return item

    def _scrolled(self, value: int) -> None:
        bar = self.list.verticalScrollBar()
        if not self._exhausted and value >= bar.maximum() - bar.pageStep():
            self.load_more()

    def _load_in_background(self) -> None:
        """One more page while a filter is typed, until every case is loaded."""
        if self.load_more() and not self._exhausted:
            self._background.start()

    def current_case_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select(self, case_id: str) -> None:
        if self._select_loaded(case_id):
            return
        # Not in the pages loaded so far: load on until it appears.
        while not self._exhausted:
            self.load_more()
            if self._select_loaded(case_id):
                return
        # Not in the current status filter: show all cases, then select.
        self.status_combo.blockSignals(True)
        self.status_combo.setCurrentIndex(self.status_combo.findData(""))
        self.status_combo.blockSignals(False)
        self.refresh(select=case_id)
        while not self._exhausted and self.current_case_id() != case_id:
            self.load_more()
            self._select_loaded(case_id, emit=False)

    def _select_loaded(self, case_id: str, *, emit: bool = True) -> bool:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == case_id:
                if not emit:
                    self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                if not emit:
                    self.list.blockSignals(False)
                return True
        return False

    def _needle(self) -> str:
        return self.filter_edit.text().casefold().strip()

    def _apply_filter(self) -> None:
        needle = self._needle()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())
        if needle and not self._exhausted:
            self._background.start()

    def _current_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.case_selected.emit(str(item.data(Qt.ItemDataRole.UserRole)))
