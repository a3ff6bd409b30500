"""Recording an interview (when, where, who interviewed, interpreter, language, who was present),
or correcting one already saved."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from intake.interviews import InterviewService
from intake.models import Interview, Person, PresentPerson
from ui.errors import user_message
from ui.form_drafts import DraftForm
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError


class InterviewDialog(DraftForm, QDialog):
    def __init__(
        self,
        interviews: InterviewService,
        people: list[Person],
        case_id: str,
        interviewer: str,
        parent: QWidget | None = None,
        *,
        editing: Interview | None = None,
    ) -> None:
        super().__init__(parent)
        self._interviews = interviews
        self.case_id = case_id
        self.editing = editing
        self.interview: Interview | None = None
        self._shown_present: str | None = None
        self.setWindowTitle(self.tr("Edit interview") if editing else self.tr("New interview"))
        self.setMinimumWidth(560)
        self.person_combo = QComboBox(self)
        self.person_combo.setAccessibleName(self.tr("Person interviewed"))
        self.person_combo.addItem(self.tr("(not recorded)"), None)
        for person in people:
            self.person_combo.addItem(person.pseudonym, person.person_id)
        self.started_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.started_edit.setCalendarPopup(True)
        self.started_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.started_edit.setAccessibleName(self.tr("Started at"))
        self.ended_check = QCheckBox(self.tr("The interview has &ended"), self)
        self.ended_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.ended_edit.setCalendarPopup(True)
        self.ended_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.ended_edit.setAccessibleName(self.tr("Ended at"))
        self.ended_edit.setEnabled(False)
        self.ended_check.toggled.connect(self.ended_edit.setEnabled)
        self.location_edit = QLineEdit(self)
        self.location_edit.setAccessibleName(self.tr("Location"))
        self.interviewer_edit = QLineEdit(interviewer, self)
        self.interviewer_edit.setAccessibleName(self.tr("Interviewer"))
        self.interpreter_edit = QLineEdit(self)
        self.interpreter_edit.setAccessibleName(self.tr("Interpreter"))
        self.language_edit = QLineEdit("uk", self)
        self.language_edit.setAccessibleName(self.tr("Language"))
        self.present_edit = QLineEdit(self)
        self.present_edit.setAccessibleName(self.tr("Also present"))
        self.present_edit.setPlaceholderText(self.tr("name (role), name (role)…"))
        self.recording_edit = QLineEdit(self.tr("typed notes"), self)
        self.recording_edit.setAccessibleName(self.tr("How it was recorded"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(70)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Person:"), self.person_combo)
        form.addRow(self.tr("&Started:"), self.started_edit)
        form.addRow(self.ended_check)
        form.addRow(self.tr("En&ded:"), self.ended_edit)
        form.addRow(self.tr("&Location:"), self.location_edit)
        form.addRow(self.tr("&Interviewer:"), self.interviewer_edit)
        form.addRow(self.tr("Inter&preter:"), self.interpreter_edit)
        form.addRow(self.tr("Lan&guage:"), self.language_edit)
        form.addRow(self.tr("Also p&resent:"), self.present_edit)
        form.addRow(self.tr("Recor&ded as:"), self.recording_edit)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
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
        if editing is not None:
            self._fill(editing)

    def _fill(self, interview: Interview) -> None:
        # The interviewee is fixed once recorded: statements may already refer to the interview.
        index = self.person_combo.findData(interview.person_id)
        self.person_combo.setCurrentIndex(max(index, 0))
        self.person_combo.setEnabled(False)
        self.started_edit.setDateTime(QDateTime(interview.started_at.astimezone()))
        if interview.ended_at is not None:
            self.ended_check.setChecked(True)
            self.ended_edit.setDateTime(QDateTime(interview.ended_at.astimezone()))
        self.location_edit.setText(interview.location)
        self.interviewer_edit.setText(interview.interviewer)
        self.interpreter_edit.setText(interview.interpreter)
        self.language_edit.setText(interview.language)
        self.present_edit.setText(
            ", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in interview.present)
        )
        self._shown_present = self.present_edit.text()
        self.recording_edit.setText(interview.recording_method)
        self.notes_edit.setPlainText(interview.notes)

    def _present(self) -> list[PresentPerson]:
        people = []
        for part in self.present_edit.text().split(","):
            part = part.strip()
            if not part:
                continue
            # The role is the last parenthesis: a name may hold one too, "P. (fictional)".
            name, _, role = part[:-1].rpartition("(") if part.endswith(")") else ("", "", "")
            if not name.strip():
                name, role = part, ""
            people.append(PresentPerson(name.strip(), role.strip()))
        return people

    def _ended_at(self) -> datetime | None:
        if not self.ended_check.isChecked():
            return None
        return self.ended_edit.dateTime().toPython().astimezone(UTC)  # type: ignore[no-any-return,attr-defined]

    def accept(self) -> None:
        person_id = self.person_combo.currentData()
        started = self.started_edit.dateTime().toPython().astimezone(UTC)  # type: ignore[attr-defined]
        ended = self._ended_at()
        if ended is not None and ended < started:
            self.message.setText(self.tr("The interview cannot end before it started."))
            return
        try:
            if self.editing is not None:
                self.interview = self._interviews.edit(
                    self.editing.interview_id,
                    started_at=started,
                    ended_at=ended,
                    location=self.location_edit.text().strip(),
                    interviewer=self.interviewer_edit.text().strip(),
                    interpreter=self.interpreter_edit.text().strip(),
                    language=self.language_edit.text().strip(),
                    # Untouched, the list is left as saved rather than re-parsed from text.
                    present=None
                    if self.present_edit.text() == self._shown_present
                    else self._present(),
                    recording_method=self.recording_edit.text().strip(),
                    notes=self.notes_edit.toPlainText().strip(),
                )
                super().accept()
                return
            self.interview = self._interviews.create(
                self.case_id,
                started_at=started,
                ended_at=ended,
                person_id=person_id if person_id else None,
                location=self.location_edit.text().strip(),
                interviewer=self.interviewer_edit.text().strip(),
                interpreter=self.interpreter_edit.text().strip(),
                language=self.language_edit.text().strip(),
                present=self._present(),
                recording_method=self.recording_edit.text().strip(),
                notes=self.notes_edit.toPlainText().strip(),
            )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        super().accept()
