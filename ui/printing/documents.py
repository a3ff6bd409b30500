"""What is printed: a statement (with its interview, read-back, finalisation and addenda) or a
case summary (people by pseudonym, statements, evidence with hashes, custody), as a
QTextDocument built from plain text, so that nothing a person typed is read as markup.

Protected identities are never printed: only what every screen shows.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from intake import Intake
from intake.models import Statement
from ui.formatting import size, system_text, term, when

log = logging.getLogger(__name__)

HASH_FONT = "DejaVu Sans Mono"


class _Writer:
    """Appends headings, label–value lines and paragraphs to a document, as plain text."""

    def __init__(self, title: str) -> None:
        self.document = QTextDocument()
        self.document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
        font = QFont("DejaVu Sans")
        font.setPointSizeF(10.5)
        self.document.setDefaultFont(font)
        self.cursor = QTextCursor(self.document)
        self._first = True

    def _block(self, top: float = 0.0) -> None:
        spacing = QTextBlockFormat()
        spacing.setTopMargin(top)
        spacing.setBottomMargin(3.0)
        if self._first:
            self.cursor.setBlockFormat(spacing)
        else:
            self.cursor.insertBlock(spacing)
        self._first = False

    def heading(self, text: str, level: int = 1) -> None:
        self._block(top=0.0 if self._first else 14.0)
        style = QTextCharFormat()
        style.setFontWeight(QFont.Weight.Bold)
        style.setFontPointSize({1: 16.0, 2: 13.0}.get(level, 11.0))
        self.cursor.insertText(text, style)

    def line(self, label: str, value: str, *, mono: bool = False) -> None:
        if not value:
            return
        self._block()
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        self.cursor.insertText(label + " ", bold)
        plain = QTextCharFormat()
        if mono:
            plain.setFontFamilies([HASH_FONT])
        self.cursor.insertText(value, plain)

    def paragraph(self, text: str) -> None:
        self._block()
        self.cursor.insertText(text, QTextCharFormat())


class PrintDocuments(QObject):
    def __init__(self, intake: Intake, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._intake = intake

    def _pseudonym(self, person_id: str | None) -> str:
        if not person_id:
            return ""
        return self._intake.people.get(person_id).pseudonym

    def statement(self, statement_id: str) -> QTextDocument:
        intake = self._intake
        statement = intake.statements.get(statement_id)
        case = intake.cases.get(statement.case_id)
        title = statement.title or self.tr("Statement")
        out = _Writer(f"{case.reference} · {title}")
        out.heading(title)
        out.line(self.tr("Case:"), f"{case.reference} · {case.title}")
        self._statement_details(out, statement)
        out.heading(self.tr("Text"), 2)
        for paragraph in statement.text.split("\n"):
            out.paragraph(paragraph)
        addenda = intake.statements.addenda(statement_id)
        for addendum in addenda:
            out.heading(self.tr("Addendum %1").replace("%1", str(addendum.number)), 2)
            out.line(self.tr("Added:"), f"{when(addendum.created_at)} · {addendum.created_by}")
            out.line(self.tr("Reason:"), addendum.reason)
            out.line(self.tr("SHA-256:"), addendum.sha256, mono=True)
            for paragraph in addendum.text.split("\n"):
                out.paragraph(paragraph)
        out.heading(self.tr("Signatures"), 2)
        out.paragraph(self.tr("Person giving the statement: ______________________"))
        out.paragraph(self.tr("Interviewer: ______________________"))
        out.paragraph(self.tr("Interpreter: ______________________"))
        return out.document

    def _statement_details(self, out: _Writer, statement: Statement) -> None:
        out.line(self.tr("Person:"), self._pseudonym(statement.person_id))
        out.line(self.tr("Kind:"), term(statement.kind))
        out.line(self.tr("Language:"), statement.language)
        if statement.interview_id:
            interview = self._intake.interviews.get(statement.interview_id)
            span = when(interview.started_at)
            if interview.ended_at is not None:
                span += " – " + when(interview.ended_at)
            out.line(self.tr("Interview:"), span)
            out.line(self.tr("Where:"), interview.location)
            out.line(self.tr("Interviewer:"), interview.interviewer)
            out.line(self.tr("Interpreter:"), interview.interpreter)
        if statement.readback_at is not None:
            out.line(
                self.tr("Read back:"), f"{when(statement.readback_at)} · {statement.readback_by}"
            )
        if statement.finalised_at is not None:
            out.line(
                self.tr("Finalised:"),
                f"{when(statement.finalised_at)} · {statement.finalised_by}",
            )
            out.line(self.tr("SHA-256:"), statement.final_sha256 or "", mono=True)
        else:
            out.line(
                self.tr("Status:"),
                self.tr("Draft (revision %1), not finalised").replace(
                    "%1", str(statement.revision)
                ),
            )

    def case_summary(self, case_id: str) -> QTextDocument:
        intake = self._intake
        case = intake.cases.get(case_id)
        out = _Writer(f"{case.reference} · {self.tr('Case summary')}")
        out.heading(f"{case.reference} · {case.title}")
        out.line(self.tr("Status:"), term(case.status))
        out.line(self.tr("Jurisdiction:"), case.jurisdiction)
        out.line(self.tr("Opened:"), f"{when(case.created_at)} · {case.created_by}")
        if case.legal_hold:
            out.line(self.tr("Legal hold:"), case.legal_hold_reason or self.tr("yes"))
        out.line(self.tr("Description:"), case.description)
        people = intake.people.list_for_case(case_id)
        out.heading(self.tr("People (%n)", "", len(people)), 2)
        for person in people:
            out.paragraph(f"{person.pseudonym} · {term(person.role)}")
        statements = intake.statements.list_for_case(case_id)
        out.heading(self.tr("Statements (%n)", "", len(statements)), 2)
        for statement in statements:
            state = (
                self.tr("finalised %1").replace("%1", when(statement.finalised_at))
                if statement.finalised_at is not None
                else self.tr("draft")
            )
            parts = [
                statement.title or self.tr("Statement"),
                self._pseudonym(statement.person_id),
                statement.language,
                state,
            ]
            out.paragraph(" · ".join(p for p in parts if p))
        items = intake.evidence.list_for_case(case_id)
        out.heading(self.tr("Evidence (%n)", "", len(items)), 2)
        custody = intake.custody
        for item in items:
            out.line(
                item.label + ":",
                f"{item.original_filename} · {item.media_type} · {size(item.size)}",
            )
            out.line(self.tr("SHA-256:"), item.sha256, mono=True)
            for event in custody.events(item.evidence_id):
                parts = [when(event.at), term(event.event_type), event.actor]
                parts.append(system_text(event.purpose))
                out.paragraph("    " + " · ".join(p for p in parts if p))
        return out.document
