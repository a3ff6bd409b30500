"""Recording an interview: when, where, who interviewed, interpreter, language, who was present."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
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
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError


class InterviewDialog(QDialog):
    def __init__(
        self,
        interviews: InterviewService,
        people: list[Person],
        case_id: str,
        interviewer: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._interviews = interviews
        self.case_id = case_id
        self.interview: Interview | None = None
        self.setWindowTitle(self.tr("New interview"))
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

    def _present(self) -> list[PresentPerson]:
        people = []
        for part in self.present_edit.text().split(","):
            part = part.strip()
            if not part:
                continue
            name, _, role = part.partition("(")
            people.append(PresentPerson(name.strip(), role.rstrip(")").strip()))
        return people

    def accept(self) -> None:
        person_id = self.person_combo.currentData()
        try:
            self.interview = self._interviews.create(
                self.case_id,
                started_at=self.started_edit.dateTime().toPython().astimezone(UTC),  # type: ignore[attr-defined]
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
