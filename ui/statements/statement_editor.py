"""The statement editor: plain text only, kept safe in one rolling draft.

Every keystroke goes to intake's draft, which rewrites the statement's rolling draft at most
every few seconds (a crash loses no more). A timer ticks it, so that a pause is saved too and a
pause of about a minute makes a revision; leaving the editor, locking and read-back make one as
well. A finalised statement is shown read-only with its addenda.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.models import Statement
from intake.statements import (
    DEFAULT_AUTOSAVE_INTERVAL,
    DEFAULT_REVISION_PAUSE,
    StatementDraft,
    StatementService,
)
from ui.errors import show_error
from ui.form_drafts import STATEMENT_ADDENDUM
from ui.formatting import term, when
from ui.reason_dialog import ask_reason
from ui.statements.addendum_dialog import AddendumDialog
from ui.statements.revision_history_dialog import RevisionHistoryDialog
from ui.widgets import data_label, plain_label
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class StatementEditor(QWidget):
    saved = Signal()
    finalised = Signal()

    def __init__(
        self,
        statements: StatementService,
        statement_id: str,
        *,
        autosave_interval: float = DEFAULT_AUTOSAVE_INTERVAL,
        revision_pause: float = DEFAULT_REVISION_PAUSE,
        tick_ms: int = 1000,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._statements = statements
        self.statement_id = statement_id
        self._interval = autosave_interval
        self._pause = revision_pause
        self._clock = clock
        self._draft: StatementDraft | None = None
        self.header = data_label("", self)
        self.header.setAccessibleName(self.tr("Statement details"))
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("Statement text"))
        self.editor.setTabChangesFocus(False)
        font = QFont(self.editor.font())
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.1)
        self.editor.setFont(font)
        self.autosave_label = plain_label("", self)
        self.autosave_label.setObjectName("autosave")
        self.autosave_label.setAccessibleName(self.tr("Autosave status"))
        self.readback_button = QPushButton(self.tr("Record &read-back…"), self)
        self.readback_button.setAccessibleName(self.tr("Record that the statement was read back"))
        self.readback_button.clicked.connect(self._readback_clicked)
        self.finalise_button = QPushButton(self.tr("&Finalise…"), self)
        self.finalise_button.setAccessibleName(self.tr("Finalise the statement"))
        self.finalise_button.clicked.connect(self._finalise_clicked)
        self.addendum_button = QPushButton(self.tr("Add a&ddendum…"), self)
        self.addendum_button.setAccessibleName(self.tr("Add an addendum"))
        self.addendum_button.clicked.connect(self.open_addendum)
        self.history_button = QPushButton(self.tr("Revision &history…"), self)
        self.history_button.setAccessibleName(self.tr("Show the revision history"))
        self.history_button.clicked.connect(self.open_history)
        self.addenda = QPlainTextEdit(self)
        self.addenda.setReadOnly(True)
        self.addenda.setAccessibleName(self.tr("Addenda"))
        self.addenda.setMaximumHeight(140)
        buttons = QHBoxLayout()
        buttons.addWidget(self.autosave_label, 1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.readback_button)
        buttons.addWidget(self.finalise_button)
        buttons.addWidget(self.addendum_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.addenda)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        self.load()
        self.editor.textChanged.connect(self._text_changed)

    # Loading -------------------------------------------------------------------------------

    def load(self) -> None:
        statement = self._statements.get(self.statement_id)
        self.editor.blockSignals(True)
        self.editor.setPlainText(statement.text)
        self.editor.blockSignals(False)
        self._show(statement)
        if statement.finalised:
            self._draft = None
            self._timer.stop()
        else:
            self._draft = self._statements.open_draft(
                self.statement_id, interval=self._interval, pause=self._pause, clock=self._clock
            )
            self._timer.start()
            self.autosave_label.setText(
                self.tr("All changes saved (revision %1)").replace("%1", str(statement.revision))
            )

    def _show(self, statement: Statement) -> None:
        parts = [
            statement.title or self.tr("Untitled statement"),
            term(statement.kind),
            statement.language,
        ]
        if statement.readback_at is not None:
            parts.append(
                self.tr("read back %1 by %2")
                .replace("%1", when(statement.readback_at))
                .replace("%2", statement.readback_by)
            )
        self.header.setText("  ·  ".join(p for p in parts if p))
        final = statement.finalised
        self.editor.setReadOnly(final)
        self.readback_button.setVisible(not final)
        self.finalise_button.setVisible(not final)
        self.addendum_button.setVisible(final)
        self.addenda.setVisible(final)
        if final:
            self.autosave_label.setText(
                self.tr("Finalised %1 by %2 · SHA-256 %3")
                .replace("%1", when(statement.finalised_at))
                .replace("%2", statement.finalised_by)
                .replace("%3", (statement.final_sha256 or "")[:16] + "…")
            )
            self._show_addenda()

    def _show_addenda(self) -> None:
        blocks = [
            self.tr("Addendum %1 (%2, %3): %4")
            .replace("%1", str(a.number))
            .replace("%2", when(a.created_at))
            .replace("%3", a.created_by)
            .replace("%4", a.reason)
            + "\n"
            + a.text
            for a in self._statements.addenda(self.statement_id)
        ]
        self.addenda.setPlainText("\n\n".join(blocks) or self.tr("No addenda."))

    # Autosave ------------------------------------------------------------------------------

    @property
    def pending(self) -> bool:
        return self._draft is not None and self._draft.pending

    def _text_changed(self) -> None:
        self._drive(lambda draft: draft.update(self.editor.toPlainText()))

    def tick(self) -> None:
        self._drive(lambda draft: draft.tick())

    def save_now(self) -> None:
        """Write the rolling draft now, no revision (the history is being opened…)."""
        self._drive(lambda draft: draft.save())

    def flush(self) -> None:
        """Make the text a revision now (leaving the editor, switching statement, locking)."""
        self._drive(lambda draft: draft.flush())

    def _drive(self, step: Callable[[StatementDraft], object]) -> None:
        draft = self._draft
        if draft is None:
            return
        drafts, revisions = draft.drafts_written, draft.revisions_written
        try:
            step(draft)
        except CustodiaError as exc:
            self._save_failed(exc)
            return
        self._after_save(
            draft.drafts_written > drafts or draft.revisions_written > revisions,
            revised=draft.revisions_written > revisions,
        )

    def _after_save(self, wrote: bool, *, revised: bool = False) -> None:
        if revised:
            revision = self._statements.get(self.statement_id).revision
            self.autosave_label.setText(
                self.tr("Revision %1 saved at %2")
                .replace("%1", str(revision))
                .replace("%2", time.strftime("%H:%M"))
            )
        elif wrote:
            self.autosave_label.setText(
                self.tr("Saved at %1").replace("%1", time.strftime("%H:%M:%S"))
            )
        elif self.pending:
            self.autosave_label.setText(self.tr("Editing… saved automatically every few seconds"))
        if wrote:
            self.saved.emit()

    def _save_failed(self, exc: CustodiaError) -> None:
        self.autosave_label.setText(self.tr("NOT SAVED: %1").replace("%1", str(exc.code)))
        show_error(self, exc)

    # Read-back, finalisation, addenda ------------------------------------------------------

    def record_readback(self, note: str) -> None:
        self.flush()
        statement = self._statements.record_readback(self.statement_id, note)
        self._show(statement)

    def _readback_clicked(self) -> None:
        note = ask_reason(
            self,
            self.tr("Read-back"),
            self.tr("Who read the statement back, in which language, and were there corrections?"),
        )
        if note is None:
            return
        try:
            self.record_readback(note)
        except CustodiaError as exc:
            show_error(self, exc)

    def finalise(self) -> Statement:
        self.flush()
        statement = self._statements.finalise(self.statement_id)
        self._draft = None
        self._timer.stop()
        self._show(statement)
        self.finalised.emit()
        return statement

    def _finalise_clicked(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Finalise the statement"),
            self.tr(
                "After finalising, the text can never change; corrections become addenda. "
                "Finalise now?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Finalise"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        try:
            self.finalise()
        except CustodiaError as exc:
            show_error(self, exc)

    def open_addendum(self) -> AddendumDialog:
        dialog = AddendumDialog(self._statements, self.statement_id, self)
        case_id = self._statements.get(self.statement_id).case_id
        dialog.track_draft(STATEMENT_ADDENDUM, case_id=case_id, subject_id=self.statement_id)
        dialog.accepted.connect(self._show_addenda)
        dialog.open()
        return dialog

    def open_history(self) -> RevisionHistoryDialog:
        self.save_now()
        dialog = RevisionHistoryDialog(self._statements, self.statement_id, self)
        dialog.open()
        return dialog

    def close_editor(self) -> None:
        self._timer.stop()
        self.flush()
