"""Every task and deadline of the vault (Vault > Tasks and deadlines…), due within the days
chosen, and their export to a calendar file (case references and kinds only)."""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intake.tasks import TaskService
from ui.errors import user_message
from ui.operations import CASES, ChangeListener
from ui.referrals.referrals_tab import REFERRALS
from ui.tasks.task_table import TaskTable
from ui.tasks.tasks_tab import TASKS
from ui.widgets import button_box, plain_label
from vault import roles
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` readable by its owner only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


class TasksDialog(QDialog):
    open_case = Signal(str)  # case id

    def __init__(
        self, tasks: TaskService, today: date, days: int = 30, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._today = today
        self.setWindowTitle(self.tr("Tasks and deadlines"))
        self.resize(900, 520)
        self.bounded = QCheckBox(self.tr("Due &within"), self)
        self.bounded.setChecked(True)
        self.days = QSpinBox(self)
        self.days.setRange(0, 3650)
        self.days.setValue(days)
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Due within this many days"))
        self.bounded.toggled.connect(self.days.setEnabled)
        self.bounded.toggled.connect(self.refresh)
        self.days.valueChanged.connect(self.refresh)
        self.count = plain_label("", self, wrap=False)
        self.table = TaskTable(with_case=True, with_done=False, parent=self)
        self.table.setAccessibleName(self.tr("Tasks and deadlines of every case"))
        self.table.itemActivated.connect(lambda _item: self._open_case())
        self.open_button = QPushButton(self.tr("&Open the case"), self)
        self.open_button.clicked.connect(self._open_case)
        self.export_button = QPushButton(self.tr("Export to a &calendar file…"), self)
        self.export_button.setAccessibleName(
            self.tr("Write these tasks to an iCalendar file, with case references and kinds only")
        )
        self.export_button.clicked.connect(lambda: self.export_calendar())
        self.export_button.setVisible(tasks.vault.may(roles.EXPORT))
        self.message = plain_label("", self)
        top = QHBoxLayout()
        top.addWidget(self.bounded)
        top.addWidget(self.days)
        top.addStretch(1)
        top.addWidget(self.count)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        buttons = button_box(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        ChangeListener(
            self, (TASKS, REFERRALS, CASES), self.refresh, vault_open=lambda: tasks.vault.is_open
        )
        self.refresh()

    def refresh(self) -> None:
        within = self.days.value() if self.bounded.isChecked() else None
        shown = self._tasks.due(within, today=self._today)
        self.table.show_tasks(shown, self._today)
        self.count.setText(self.tr("%n task(s)", "", len(shown)))
        self.export_button.setEnabled(bool(shown))

    def _open_case(self) -> None:
        chosen = self.table.selected()
        if chosen is not None:
            self.open_case.emit(chosen.case_id)

    def export_calendar(self, path: Path | None = None) -> int:
        """Write the tasks shown to ``path`` (asked for when not given); returns the events."""
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Export to a calendar file"),
                str(Path.home() / "custodia-tasks.ics"),
                self.tr("Calendar files (*.ics)"),
            )
            if not name:
                return 0
            path = Path(name)
        target = path
        try:
            count = self._tasks.export_calendar(
                self.table.tasks, lambda data: write_private(target, data)
            )
        except (CustodiaError, OSError) as exc:
            self.message.setText(user_message(exc))
            return 0
        self.message.setText(
            self.tr(
                "%n event(s) written. The file carries case references and kinds only.", "", count
            )
        )
        return count
