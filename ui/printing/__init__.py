"""Printing a statement or a case summary: what the user is looking at decides which."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.printing.documents import PrintDocuments
from ui.printing.print_preview_dialog import PrintPreviewDialog

if TYPE_CHECKING:
    from ui.session import Session

log = logging.getLogger(__name__)


def current_subject(workspace: QWidget | None) -> tuple[str, str] | None:
    """("statement", id) when a statement is open in the Statements tab, else
    ("case", id) for the open case, else None."""
    view = getattr(workspace, "case_view", None)
    if view is None:
        return None
    statements = getattr(view, "statements", None)
    tabs = getattr(view, "tabs", None)
    if statements is not None and tabs is not None and tabs.currentWidget() is statements:
        statement_id = statements.current_statement_id()
        if statement_id:
            return ("statement", statement_id)
    return ("case", str(view.case_id))


def record_printed(session: Session, kind: str, subject: str) -> None:
    """A printed page leaves the vault like an export: the ledger says what and by whom."""
    if not session.is_unlocked:
        return
    with session.vault.transaction() as tx:
        tx.audit("export.printed", subject, {"document": kind})


def open_print_preview(
    session: Session, workspace: QWidget | None, parent: QWidget
) -> PrintPreviewDialog | None:
    subject = current_subject(workspace)
    if subject is None or not session.is_unlocked:
        return None
    kind, subject_id = subject
    documents = PrintDocuments(session.services, parent)
    document = (
        documents.statement(subject_id)
        if kind == "statement"
        else documents.case_summary(subject_id)
    )
    dialog = PrintPreviewDialog(document, lambda: record_printed(session, kind, subject_id), parent)
    document.setParent(dialog)
    dialog.open()
    return dialog
