"""After unlocking, a panel above the workspace lists what is due within a few days (court
dates, follow-ups, consent renewals, retention dates). A panel, not a dialog: it must not
interrupt an interview; Dismiss hides it until the next unlock."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from intake.tasks import Task, TaskService
from ui.tasks.task_table import TaskTable
from ui.widgets import plain_label

log = logging.getLogger(__name__)

DUE_SOON_DAYS = 7
MAX_ROWS = 6


class DueSoonPanel(QWidget):
    show_all = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days = DUE_SOON_DAYS
        self.tasks: list[Task] = []
        self.title = plain_label("", self)
        self.title.setObjectName("warningBanner")
        self.table = TaskTable(with_case=True, with_done=False, parent=self)
        self.all_button = QPushButton(self)
        self.all_button.clicked.connect(self.show_all)
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.clicked.connect(self.dismiss)
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.all_button)
        row.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.all_button.setText(self.tr("&All tasks…"))
        self.all_button.setAccessibleName(self.tr("Show every task and deadline"))
        self.dismiss_button.setText(self.tr("&Dismiss"))
        self.dismiss_button.setAccessibleName(self.tr("Hide what is due until the next unlock"))
        self.table.setAccessibleName(self.tr("Due soon"))
        self.table.retranslate()
        self._say()

    def show_due(self, tasks: TaskService, today: date) -> list[Task]:
        """Read what is due (overdue included) and show the panel when there is any."""
        self.tasks = tasks.due(self.days, today=today)
        self.table.show_tasks(self.tasks[:MAX_ROWS], today)
        # As tall as its rows, so the workspace keeps the room.
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height() + rows + frame + 2
        )
        self._say()
        self.setVisible(bool(self.tasks))
        return self.tasks

    def _say(self) -> None:
        count = len(self.tasks)
        text = self.tr("%n task(s) due within %1 days or overdue", "", count).replace(
            "%1", str(self.days)
        )
        if count > MAX_ROWS:
            text += " · " + self.tr("the first %1 are shown").replace("%1", str(MAX_ROWS))
        self.title.setText(text)

    def dismiss(self) -> None:
        self.hide()

    def clear(self) -> None:
        """At lock: nothing of the vault stays on screen."""
        self.tasks = []
        self.table.show_tasks([], date.today())
        self.hide()
