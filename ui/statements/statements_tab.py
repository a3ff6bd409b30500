"""Interviews and statements of a case: lists on the left, the statement editor on the right."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.interviews import InterviewService
from intake.models import Interview
from intake.people import PeopleService
from intake.statements import StatementService
from ui.form_drafts import INTERVIEW_BREAK, INTERVIEW_EDIT, INTERVIEW_NEW, STATEMENT_NEW
from ui.formatting import term, when
from ui.operations import PEOPLE, STATEMENTS, ChangeListener, operations
from ui.statements.break_dialog import BreakDialog
from ui.statements.interview_dialog import InterviewDialog
from ui.statements.new_statement_dialog import NewStatementDialog
from ui.statements.statement_editor import StatementEditor
from ui.widgets import data_label, heading, plain_label, wrapping_list

log = logging.getLogger(__name__)

EditorFactory = Callable[[StatementService, str, QWidget], StatementEditor]


def default_editor(
    statements: StatementService, statement_id: str, parent: QWidget
) -> StatementEditor:
    return StatementEditor(statements, statement_id, parent=parent)


class StatementsTab(QWidget):
    def __init__(
        self,
        interviews: InterviewService,
        statements: StatementService,
        people: PeopleService,
        case_id: str,
        actor: str,
        *,
        editor_factory: EditorFactory = default_editor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._interviews = interviews
        self._statements = statements
        self._people = people
        self._editor_factory = editor_factory
        self.case_id = case_id
        self.actor = actor
        self.editor: StatementEditor | None = None
        self.interview_list = wrapping_list(QListWidget(self))
        self.interview_list.setAccessibleName(self.tr("Interviews"))
        self.interview_list.currentItemChanged.connect(lambda *_: self._interview_chosen())
        # Everything recorded about the chosen interview, to read again after saving it.
        self.interview_details = data_label("", self)
        self.interview_details.setAccessibleName(self.tr("Interview details"))
        self.interview_details.setObjectName("details")
        self.statement_list = wrapping_list(QListWidget(self))
        self.statement_list.setAccessibleName(self.tr("Statements"))
        self.statement_list.currentItemChanged.connect(self._statement_chosen)
        self.new_interview_button = QPushButton(self.tr("New &interview…"), self)
        self.new_interview_button.setAccessibleName(self.tr("Record a new interview"))
        self.new_interview_button.clicked.connect(self.open_new_interview)
        self.edit_interview_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_interview_button.setAccessibleName(self.tr("Edit the chosen interview"))
        self.edit_interview_button.clicked.connect(self.open_edit_interview)
        self.break_button = QPushButton(self.tr("Add &break…"), self)
        self.break_button.setAccessibleName(self.tr("Record a break in the chosen interview"))
        self.break_button.clicked.connect(self.open_add_break)
        self.new_statement_button = QPushButton(self.tr("New &statement…"), self)
        self.new_statement_button.setAccessibleName(self.tr("Start a new statement"))
        self.new_statement_button.clicked.connect(self.open_new_statement)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading(self.tr("Interviews"), left))
        left_layout.addWidget(self.interview_list, 1)
        left_layout.addWidget(self.interview_details)
        interview_buttons = QHBoxLayout()
        interview_buttons.addWidget(self.edit_interview_button)
        interview_buttons.addWidget(self.break_button)
        left_layout.addLayout(interview_buttons)
        left_layout.addWidget(self.new_interview_button)
        left_layout.addWidget(heading(self.tr("Statements"), left))
        left_layout.addWidget(self.statement_list, 2)
        left_layout.addWidget(self.new_statement_button)
        self.placeholder = plain_label(self.tr("Choose a statement, or start a new one."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.placeholder)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 700])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        # Interviews and statements changed here or elsewhere, people renamed. Autosave of the
        # open draft is not announced: the list shows no text, and a notification every few
        # seconds of typing would refresh every listening view for nothing.
        ChangeListener(
            self,
            (STATEMENTS, PEOPLE),
            lambda: self.refresh(),
            vault_open=lambda: statements.vault.is_open,
        )
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        names = {p.person_id: p.pseudonym for p in self._people.list_for_case(self.case_id)}
        chosen = self.current_interview_id()
        self.interview_list.blockSignals(True)
        self.interview_list.clear()
        for interview in self._interviews.list_for_case(self.case_id):
            parts = [
                when(interview.started_at),
                names.get(interview.person_id or "", ""),
                interview.location,
            ]
            if interview.breaks:
                parts.append(self.tr("%n break(s)", "", len(interview.breaks)))
            item = QListWidgetItem(" · ".join(p for p in parts if p))
            item.setData(Qt.ItemDataRole.UserRole, interview.interview_id)
            self.interview_list.addItem(item)
            if interview.interview_id == chosen:
                self.interview_list.setCurrentItem(item)
        self.interview_list.blockSignals(False)
        self._interview_chosen()
        current = select or self.current_statement_id()
        self.statement_list.blockSignals(True)
        self.statement_list.clear()
        for statement in self._statements.list_for_case(self.case_id):
            state = self.tr("final") if statement.finalised else self.tr("draft")
            parts = [
                statement.title or self.tr("Untitled statement"),
                names.get(statement.person_id or "", ""),
                term(statement.kind),
                state,
            ]
            item = QListWidgetItem(" · ".join(p for p in parts if p))
            item.setData(Qt.ItemDataRole.UserRole, statement.statement_id)
            self.statement_list.addItem(item)
            if statement.statement_id == current:
                self.statement_list.setCurrentItem(item)
        self.statement_list.blockSignals(False)
        if select is not None:
            self.open_statement(select)

    def current_interview_id(self) -> str | None:
        item = self.interview_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _interview_chosen(self) -> None:
        chosen = self.current_interview_id() is not None
        self.edit_interview_button.setEnabled(chosen)
        self.break_button.setEnabled(chosen)
        interview = self._current_interview()
        self.interview_details.setText("" if interview is None else self.details_text(interview))
        self.interview_details.setVisible(interview is not None)

    def details_text(self, interview: Interview) -> str:
        """The interview as recorded, one fact per line (plain text)."""
        names = {p.person_id: p.pseudonym for p in self._people.list_for_case(self.case_id)}
        ended = when(interview.ended_at) if interview.ended_at else self.tr("not recorded as ended")
        lines = [
            self.tr("Started %1 · ended %2")
            .replace("%1", when(interview.started_at))
            .replace("%2", ended),
            self.tr("Person: %1").replace(
                "%1", names.get(interview.person_id or "", "") or self.tr("not recorded")
            ),
        ]
        facts = [
            (self.tr("Location: %1"), interview.location),
            (self.tr("Interviewer: %1"), interview.interviewer),
            (self.tr("Interpreter: %1"), interview.interpreter),
            (self.tr("Language: %1"), interview.language),
            (
                self.tr("Also present: %1"),
                ", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in interview.present),
            ),
            (self.tr("Recorded as: %1"), interview.recording_method),
        ]
        lines += [label.replace("%1", value) for label, value in facts if value]
        for number, pause in enumerate(interview.breaks, start=1):
            end = when(pause.ended_at) if pause.ended_at else "…"
            line = (
                self.tr("Break %1: %2 – %3")
                .replace("%1", str(number))
                .replace("%2", when(pause.started_at))
                .replace("%3", end)
            )
            lines.append(f"{line} · {pause.reason}" if pause.reason else line)
        if interview.notes:
            lines.append(self.tr("Notes: %1").replace("%1", interview.notes))
        return "\n".join(lines)

    def _current_interview(self) -> Interview | None:
        interview_id = self.current_interview_id()
        return None if interview_id is None else self._interviews.get(interview_id)

    def current_statement_id(self) -> str | None:
        item = self.statement_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _statement_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.open_statement(str(item.data(Qt.ItemDataRole.UserRole)))

    def open_statement(self, statement_id: str) -> StatementEditor:
        if self.editor is not None and self.editor.statement_id == statement_id:
            return self.editor
        self.close_editor()
        self.editor = self._editor_factory(self._statements, statement_id, self.right)
        self.editor.finalised.connect(lambda: operations().notify(STATEMENTS))
        self.right.addWidget(self.editor)
        self.right.setCurrentWidget(self.editor)
        return self.editor

    def close_editor(self) -> None:
        if self.editor is not None:
            self.editor.close_editor()
            self.right.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None

    def open_new_interview(self) -> InterviewDialog:
        dialog = InterviewDialog(
            self._interviews,
            self._people.list_for_case(self.case_id),
            self.case_id,
            self.actor,
            self,
        )
        dialog.track_draft(INTERVIEW_NEW, case_id=self.case_id)
        dialog.accepted.connect(lambda: operations().notify(STATEMENTS))
        dialog.open()
        return dialog

    def select_interview(self, interview_id: str | None) -> bool:
        for row in range(self.interview_list.count()):
            item = self.interview_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == interview_id:
                self.interview_list.setCurrentItem(item)
                return True
        return False

    def open_edit_interview(self, interview_id: str | None = None) -> InterviewDialog | None:
        if interview_id is not None:
            self.select_interview(interview_id)
        interview = self._current_interview()
        if interview is None:
            return None
        dialog = InterviewDialog(
            self._interviews,
            self._people.list_for_case(self.case_id),
            self.case_id,
            self.actor,
            self,
            editing=interview,
        )
        dialog.track_draft(INTERVIEW_EDIT, case_id=self.case_id, subject_id=interview.interview_id)
        dialog.accepted.connect(lambda: operations().notify(STATEMENTS))
        dialog.open()
        return dialog

    def open_add_break(self, interview_id: str | None = None) -> BreakDialog | None:
        if interview_id is not None:
            self.select_interview(interview_id)
        interview = self._current_interview()
        if interview is None:
            return None
        dialog = BreakDialog(self._interviews, interview, self)
        dialog.track_draft(INTERVIEW_BREAK, case_id=self.case_id, subject_id=interview.interview_id)
        dialog.accepted.connect(lambda: operations().notify(STATEMENTS))
        dialog.open()
        return dialog

    def _statement_created(self, dialog: NewStatementDialog) -> None:
        # Open the new statement here; other views learn of it from the notification.
        if dialog.statement is not None:
            self.refresh(select=dialog.statement.statement_id)
        operations().notify(STATEMENTS)

    def open_new_statement(self) -> NewStatementDialog:
        dialog = NewStatementDialog(
            self._statements,
            self._people.list_for_case(self.case_id),
            self._interviews.list_for_case(self.case_id),
            self.case_id,
            self,
        )
        dialog.track_draft(STATEMENT_NEW, case_id=self.case_id)
        dialog.accepted.connect(lambda: self._statement_created(dialog))
        dialog.open()
        return dialog
