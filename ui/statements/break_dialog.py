"""Recording a break in an interview: when it started, when it ended, and why."""

from __future__ import annotations

import logging
from datetime import UTC

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from intake.interviews import InterviewService
from intake.models import Interview
from ui.errors import user_message
from ui.form_drafts import DraftForm
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class BreakDialog(DraftForm, QDialog):
    def __init__(
        self,
        interviews: InterviewService,
        interview: Interview,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._interviews = interviews
        self.interview_id = interview.interview_id
        self.interview: Interview | None = None
        self.setWindowTitle(self.tr("Record a break"))
        self.setMinimumWidth(480)
        start = QDateTime.currentDateTime()
        self.started_edit = QDateTimeEdit(start, self)
        self.started_edit.setCalendarPopup(True)
        self.started_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.started_edit.setAccessibleName(self.tr("Break started at"))
        self.ended_check = QCheckBox(self.tr("The break has &ended"), self)
        self.ended_check.setChecked(True)
        self.ended_edit = QDateTimeEdit(start.addSecs(10 * 60), self)
        self.ended_edit.setCalendarPopup(True)
        self.ended_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.ended_edit.setAccessibleName(self.tr("Break ended at"))
        self.ended_check.toggled.connect(self.ended_edit.setEnabled)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setAccessibleName(self.tr("Reason for the break"))
        self.reason_edit.setPlaceholderText(self.tr("e.g. the interviewee asked to rest"))
        self.reason_edit.setMaxLength(500)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Started:"), self.started_edit)
        form.addRow(self.ended_check)
        form.addRow(self.tr("E&nded:"), self.ended_edit)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def accept(self) -> None:
        started = self.started_edit.dateTime().toPython().astimezone(UTC)  # type: ignore[attr-defined]
        ended = None
        if self.ended_check.isChecked():
            ended = self.ended_edit.dateTime().toPython().astimezone(UTC)  # type: ignore[attr-defined]
            if ended < started:
                self.message.setText(self.tr("The break cannot end before it started."))
                return
        try:
            self.interview = self._interviews.add_break(
                self.interview_id, started, ended, self.reason_edit.text().strip()
            )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        log.info("break recorded for interview %s", self.interview_id)
        super().accept()
