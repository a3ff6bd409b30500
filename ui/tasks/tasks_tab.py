"""The case's Tasks tab: court dates, follow-ups, consent renewals and the retention date of the
case, with a form to add a task and a button to mark one done."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from intake.tasks import TaskKind, TaskService, kind_words
from ui.errors import user_message
from ui.operations import CASES, ChangeListener, operations
from ui.referrals.referral_dialog import future_date_field
from ui.referrals.referrals_tab import REFERRALS
from ui.tasks.task_table import TaskTable
from ui.widgets import plain_label
from vault import roles
from vault.errors import CustodiaError

log = logging.getLogger(__name__)

#: The kind of data other views refresh on when a task changes.
TASKS = "tasks"


class TasksTab(QWidget):
    def __init__(
        self,
        tasks: TaskService,
        case_id: str,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._today = today
        self.case_id = case_id
        may = tasks.vault.may(roles.CASE_WORK)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName(self.tr("Kind of task"))
        for kind in TaskKind:
            self.kind_combo.addItem(kind_words(kind), kind.value)
        self.day_field = future_date_field(self, self.tr("Due on"))
        self.day_field.setMinimumWidth(190)
        self.time_check = QCheckBox(self.tr("at"), self)
        self.time_check.setAccessibleName(self.tr("The task has a time"))
        self.time_edit = QTimeEdit(QTime(10, 0), self)
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(self.tr("Time"))
        self.time_edit.setEnabled(False)
        self.time_check.toggled.connect(self.time_edit.setEnabled)
        self.note_edit = QLineEdit(self)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("Note (shown in the app only)"))
        self.note_edit.setMaxLength(2000)
        self.note_edit.returnPressed.connect(self.add_task)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setAccessibleName(self.tr("Add the task to the case"))
        self.add_button.clicked.connect(self.add_task)
        form = QHBoxLayout()
        form.addWidget(self.kind_combo)
        form.addWidget(self.day_field)
        form.addWidget(self.time_check)
        form.addWidget(self.time_edit)
        form.addWidget(self.note_edit, 1)
        form.addWidget(self.add_button)
        self.form = QWidget(self)
        self.form.setLayout(form)
        self.form.setVisible(may)
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        self.table = TaskTable(with_case=False, parent=self)
        self.table.setAccessibleName(self.tr("Tasks and deadlines of the case"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.show_done = QCheckBox(self.tr("Show &done tasks"), self)
        self.show_done.toggled.connect(self.refresh)
        self.done_button = QPushButton(self.tr("&Mark done"), self)
        self.done_button.setAccessibleName(self.tr("Mark the chosen task done, or not done"))
        self.done_button.clicked.connect(self.toggle_done)
        self.done_button.setVisible(may)
        self.hint = plain_label(
            self.tr(
                "Follow-ups of referrals, consent renewals and the retention date come from "
                "the case itself; they change where they come from."
            ),
            self,
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_done)
        bottom.addStretch(1)
        bottom.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.hint)
        ChangeListener(
            self, (TASKS, REFERRALS, CASES), self.refresh, vault_open=lambda: tasks.vault.is_open
        )
        self.refresh()

    def refresh(self) -> None:
        tasks = self._tasks.for_case(self.case_id, include_done=self.show_done.isChecked())
        self.table.show_tasks(tasks, self._today())
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.table.selected()
        manual = chosen is not None and chosen.manual
        self.done_button.setEnabled(manual)
        if chosen is not None and chosen.done:
            self.done_button.setText(self.tr("&Not done"))
        else:
            self.done_button.setText(self.tr("&Mark done"))

    def add_task(self) -> None:
        try:
            due = self.day_field.value()
        except ValueError:
            self.message.setText(self.tr("The day is not a date the app can read."))
            return
        if due is None:
            self.message.setText(self.tr("Give the day the task is due."))
            return
        at: time | None = None
        if self.time_check.isChecked():
            at = self.time_edit.time().toPython()  # type: ignore[assignment]
        try:
            self._tasks.add(
                self.case_id,
                str(self.kind_combo.currentData()),
                due,
                due_time=at,
                note=self.note_edit.text(),
            )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        self.message.setText("")
        self.note_edit.clear()
        self.day_field.set_value(None)
        operations().notify(TASKS)

    def toggle_done(self) -> None:
        chosen = self.table.selected()
        if chosen is None or not chosen.manual:
            return
        try:
            self._tasks.complete(chosen.task_id, not chosen.done)
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        operations().notify(TASKS)
