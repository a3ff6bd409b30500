"""A table of tasks and deadlines (the case's tab, the vault-wide list, the due-soon panel)."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from intake.tasks import Task, TaskSource, kind_words
from ui.referrals.words import local_day

log = logging.getLogger(__name__)


class TaskTable(QTableWidget):
    def __init__(
        self, *, with_case: bool, with_done: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(0, 0, parent)
        self.with_case = with_case
        self.with_done = with_done
        self.tasks: list[Task] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.retranslate()

    def retranslate(self) -> None:
        labels = [self.tr("Due"), self.tr("Kind"), self.tr("About"), self.tr("Done")]
        if self.with_case:
            labels.insert(1, self.tr("Case"))
        self.setColumnCount(len(labels))
        self.setHorizontalHeaderLabels(labels)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(labels) - 2, QHeaderView.ResizeMode.Stretch)
        # Lists of open tasks only have nothing to say in "Done".
        self.setColumnHidden(len(labels) - 1, not self.with_done)

    def about(self, task: Task) -> str:
        """What the task is about, in words (the app shows pseudonyms and recipients; the
        calendar file never does)."""
        if task.source is TaskSource.REFERRAL:
            return self.tr("Follow up the referral to %1").replace("%1", task.about)
        if task.source is TaskSource.CONSENT:
            return self.tr("Confirm the consent of %1 again").replace("%1", task.about or "—")
        if task.source is TaskSource.CASE:
            return self.tr("The case's retention date: erase it or keep it longer")
        return task.about

    def show_tasks(self, tasks: list[Task], today: date) -> None:
        self.tasks = tasks
        self.setRowCount(len(tasks))
        for row, task in enumerate(tasks):
            due = local_day(task.due_on)
            if task.due_time is not None:
                due += " " + task.due_time.strftime("%H:%M")
            late = task.due_on < today and not task.done
            if late:
                # Said in words, not only in a colour.
                due += " · " + self.tr("overdue")
            cells = [
                due,
                kind_words(task.kind),
                self.about(task),
                local_day(task.done_at.date()) if task.done_at else "",
            ]
            if self.with_case:
                cells.insert(1, task.case_reference)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(" ".join(text.split()))
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, task.task_id)
                if column == 0 and late:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(row, column, item)

    def selected(self) -> Task | None:
        row = self.currentRow()
        if 0 <= row < len(self.tasks) and self.selectionModel().hasSelection():
            return self.tasks[row]
        return None
