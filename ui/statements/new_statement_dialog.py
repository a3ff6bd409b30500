"""Starting a statement: whose, from which interview, verbatim or summary, language, title."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from intake.models import Interview, Person, Statement, StatementKind
from intake.statements import StatementService
from ui.errors import user_message
from ui.form_drafts import DraftForm
from ui.formatting import term, when
from ui.widgets import button_box, plain_label
from vault.errors import CustodiaError


class NewStatementDialog(DraftForm, QDialog):
    def __init__(
        self,
        statements: StatementService,
        people: list[Person],
        interviews: list[Interview],
        case_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._statements = statements
        self.case_id = case_id
        self.statement: Statement | None = None
        self.setWindowTitle(self.tr("New statement"))
        self.setMinimumWidth(520)
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Statement title"))
        self.person_combo = QComboBox(self)
        self.person_combo.setAccessibleName(self.tr("Whose statement"))
        self.person_combo.addItem(self.tr("(not recorded)"), None)
        for person in people:
            self.person_combo.addItem(person.pseudonym, person.person_id)
        self.interview_combo = QComboBox(self)
        self.interview_combo.setAccessibleName(self.tr("Interview"))
        self.interview_combo.addItem(self.tr("(none)"), None)
        for interview in interviews:
            self.interview_combo.addItem(
                f"{when(interview.started_at)} {interview.location}".strip(),
                interview.interview_id,
            )
        # A statement is given in an interview: whose it is follows the interview chosen.
        self._interviewee = {i.interview_id: i.person_id for i in interviews}
        self.interview_combo.currentIndexChanged.connect(self._interview_changed)
        if interviews:
            self.interview_combo.setCurrentIndex(len(interviews))  # the latest interview
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        for kind in StatementKind:
            self.kind_combo.addItem(term(kind), kind.value)
        self.language_edit = QLineEdit("uk", self)
        self.language_edit.setAccessibleName(self.tr("Language"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Person:"), self.person_combo)
        form.addRow(self.tr("&Interview:"), self.interview_combo)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("&Language:"), self.language_edit)
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

    def _interview_changed(self) -> None:
        person_id = self._interviewee.get(str(self.interview_combo.currentData() or ""))
        if person_id:
            index = self.person_combo.findData(person_id)
            if index >= 0:
                self.person_combo.setCurrentIndex(index)

    def accept(self) -> None:
        person_id = self.person_combo.currentData()
        interview_id = self.interview_combo.currentData()
        try:
            self.statement = self._statements.create(
                self.case_id,
                kind=StatementKind(str(self.kind_combo.currentData())),
                language=self.language_edit.text().strip(),
                person_id=person_id if person_id else None,
                interview_id=interview_id if interview_id else None,
                title=self.title_edit.text().strip(),
            )
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        super().accept()
