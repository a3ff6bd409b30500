"""The case list: filter by text and status; Enter or a click opens a case."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
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
from ui.widgets import wrapping_list

log = logging.getLogger(__name__)


class CaseListView(QWidget):
    case_selected = Signal(str)  # case id
    new_case_requested = Signal()

    def __init__(self, cases: CaseService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cases = cases
        self._summaries: list[CaseSummary] = []
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
        self.new_button = QPushButton(self.tr("&New case…"), self)
        self.new_button.setAccessibleName(self.tr("Create a new case"))
        self.new_button.clicked.connect(self.new_case_requested)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status_combo)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.new_button)
        self.refresh()

    def refresh(self, _index: int = 0, select: str | None = None) -> None:
        status_value = str(self.status_combo.currentData() or "")
        status = CaseStatus(status_value) if status_value else None
        current = select or self.current_case_id()
        self._summaries = self._cases.list_cases(status=status)
        self.list.blockSignals(True)
        self.list.clear()
        for summary in self._summaries:
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
            self.list.addItem(item)
            if case.case_id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._apply_filter()
        if select is not None:
            self.case_selected.emit(select)

    def current_case_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select(self, case_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == case_id:
                self.list.setCurrentItem(item)
                return
        # Not in the current status filter: show all cases, then select.
        self.status_combo.setCurrentIndex(self.status_combo.findData(""))
        self.refresh(select=case_id)

    def _apply_filter(self) -> None:
        needle = self.filter_edit.text().casefold().strip()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _current_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.case_selected.emit(str(item.data(Qt.ItemDataRole.UserRole)))
