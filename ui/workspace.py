"""The workspace of an unlocked vault: cases on the left, the open case on the right, and the
vault's audit log. Built at unlock, destroyed at lock.

At lock it leaves where the user was (tab, case, the case's tab and selections) with the session;
after the next unlock it goes back there and offers the drafts of the forms that were open.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake.drafts import Draft
from intake.models import SearchHit, SearchKind
from ui import form_drafts as kinds
from ui.audit.audit_log_view import AuditLogView
from ui.cases.case_list_view import CaseListView
from ui.cases.case_workspace import CaseWorkspace
from ui.cases.drafts_dialog import DraftsDialog
from ui.cases.new_case_dialog import NewCaseDialog
from ui.errors import show_error
from ui.form_drafts import DraftSource
from ui.operations import CASES, operations
from ui.search.search_dialog import SearchDialog
from ui.session import Session
from ui.widgets import plain_label
from vault.errors import CustodiaError

if TYPE_CHECKING:
    from ui.exports.export_wizard import ExportWizard

log = logging.getLogger(__name__)


class Workspace(QWidget):
    verify_requested = Signal(str)  # a bundle path, for the main window's verifier

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.services = session.services
        self.case_view: CaseWorkspace | None = None
        self.case_list = CaseListView(self.services.cases, self)
        self.case_list.case_selected.connect(self.open_case)
        self.case_list.new_case_requested.connect(self.open_new_case)
        self.placeholder = plain_label(
            self.tr("Choose a case on the left, or create a new one."), self
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.case_stack = QStackedWidget(self)
        self.case_stack.addWidget(self.placeholder)
        splitter = QSplitter(self)
        splitter.addWidget(self.case_list)
        splitter.addWidget(self.case_stack)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([260, 900])
        self.audit_view = AuditLogView(session.vault, self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Workspace"))
        self.tabs.addTab(splitter, self.tr("Cases"))
        self.tabs.addTab(self.audit_view, self.tr("Audit log"))
        self.tabs.currentChanged.connect(self._tab_changed)
        session.about_to_lock.connect(self._before_lock)
        # Ctrl+N anywhere in the workspace: a new case (dialogs take their own shortcuts first).
        self.new_case_action = QAction(self.tr("&New case…"), self)
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_case_action.triggered.connect(self._new_case_shortcut)
        self.new_case_action.setEnabled(self.case_list.new_button.isVisibleTo(self.case_list))
        self.addAction(self.new_case_action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.audit_view:
            self.audit_view.refresh()

    def open_case(self, case_id: str) -> CaseWorkspace | None:
        if self.case_view is not None and self.case_view.case_id == case_id:
            return self.case_view
        self._close_case_view()
        try:
            view = CaseWorkspace(
                self.services,
                case_id,
                self.session.copy_protected,
                clock=self.session.clock,
                parent=self.case_stack,
            )
        except CustodiaError as exc:
            show_error(self, exc)
            return None
        view.open_case.connect(self.case_list.select)
        view.export_requested.connect(self.open_export)
        self.case_view = view
        self.case_stack.addWidget(view)
        self.case_stack.setCurrentWidget(view)
        self.tabs.setCurrentIndex(0)
        return view

    def _close_case_view(self) -> None:
        if self.case_view is not None:
            self.case_view.close_case()
            self.case_stack.removeWidget(self.case_view)
            self.case_view.deleteLater()
            self.case_view = None

    def _before_lock(self) -> None:
        self.session.remember_view(self.view_state())
        if self.case_view is not None:
            self.case_view.close_case()

    # Where the user was --------------------------------------------------------------------

    def view_state(self) -> dict[str, Any]:
        """The workspace tab, the open case and where in it (ids only, kept in memory)."""
        state: dict[str, Any] = {"tab": self.tabs.currentIndex()}
        if self.case_view is not None:
            state["case_id"] = self.case_view.case_id
            state.update(self.case_view.view_state())
        return state

    def restore_view_state(self, state: dict[str, Any]) -> None:
        case_id = state.get("case_id")
        if isinstance(case_id, str) and case_id:
            try:
                self.case_list.select(case_id)
                view = self.open_case(case_id)
            except CustodiaError as exc:
                log.info("case of the last session not reopened: %s", exc.code)
                view = None
            if view is not None:
                view.restore_view_state(state)
        tab = state.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    # Drafts of forms open at the last lock ---------------------------------------------------

    def offer_drafts(self) -> DraftsDialog | None:
        """List the drafts kept at the last lock; nothing when there are none."""
        try:
            drafts = self.services.drafts.list_mine()
        except CustodiaError as exc:
            show_error(self, exc)
            return None
        if not drafts:
            return None
        names = {}
        for draft in drafts:
            if draft.case_id and draft.case_id not in names:
                try:
                    case = self.services.cases.get(draft.case_id)
                except CustodiaError:
                    continue
                names[draft.case_id] = f"{case.reference} · {case.title}"
        dialog = DraftsDialog(drafts, names, self)
        dialog.reopen_requested.connect(self._reopen_all)
        dialog.discard_requested.connect(self._discard_all)
        dialog.open()
        return dialog

    def _reopen_all(self, drafts: object) -> None:
        assert isinstance(drafts, list)
        for draft in drafts:
            self.reopen_draft(draft)

    def _discard_all(self, drafts: object) -> None:
        assert isinstance(drafts, list)
        for draft in drafts:
            try:
                self.services.drafts.discard(draft.draft_id)
            except CustodiaError as exc:
                show_error(self, exc)

    def reopen_draft(self, draft: Draft) -> QWidget | None:
        """Open the form the draft came from, for the same record, and fill it in."""
        try:
            form = self._open_form(draft.kind, draft.case_id, draft.subject_id, draft.state)
        except CustodiaError as exc:
            show_error(self, exc)
            return None
        if form is None:
            log.info("draft %s (%s) has no form to reopen", draft.draft_id, draft.kind)
            return None
        source = form if isinstance(form, DraftSource) else None
        state = {k: v for k, v in draft.state.items() if k != kinds.CONTEXT_KEY}
        if source is not None:
            source.restore_draft(state)
            source.draft_id = draft.draft_id
        if isinstance(form, QDialog):
            draft_id = draft.draft_id
            form.accepted.connect(lambda: self._draft_used(draft_id))
        return form

    def _draft_used(self, draft_id: str) -> None:
        if not self.session.is_unlocked:
            return
        try:
            self.services.drafts.discard(draft_id, used=True)
        except CustodiaError as exc:
            log.warning("draft %s not removed after use: %s", draft_id, exc.code)

    def _open_form(
        self,
        kind: str,
        case_id: str | None,
        subject_id: str | None,
        state: dict[str, Any],
    ) -> QWidget | None:
        if kind == kinds.CASE_NEW:
            return self.open_new_case()
        if not case_id:
            return None
        self.case_list.select(case_id)
        view = self.open_case(case_id)
        if view is None:
            return None
        if kind == kinds.CASE_EDIT:
            view.tabs.setCurrentWidget(view.overview)
            return view.overview.open_edit()
        if kind == kinds.PERSON_ADD:
            view.tabs.setCurrentWidget(view.people)
            return view.people.open_add()
        if kind == kinds.PERSON_EDIT and subject_id:
            view.tabs.setCurrentWidget(view.people)
            return view.people.open_edit(subject_id)
        if kind == kinds.PERSON_IDENTITY and subject_id:
            view.tabs.setCurrentWidget(view.people)
            # The form shows the recorded identity: reopening it is a reveal, audited as such.
            reason = None
            if self.services.people.has_identity(subject_id):
                reason = self.tr("reopening the identity form that was open when the vault locked")
            return view.people.edit_identity(subject_id, reason)
        if kind in (kinds.CONSENT_RECORD, kinds.CONSENT_WITHDRAW):
            view.tabs.setCurrentWidget(view.consent)
            return view.consent.open_dialog(withdraw=kind == kinds.CONSENT_WITHDRAW)
        if kind == kinds.INTERVIEW_NEW:
            view.tabs.setCurrentWidget(view.statements)
            return view.statements.open_new_interview()
        if kind == kinds.INTERVIEW_EDIT and subject_id:
            view.tabs.setCurrentWidget(view.statements)
            return view.statements.open_edit_interview(subject_id)
        if kind == kinds.INTERVIEW_BREAK and subject_id:
            view.tabs.setCurrentWidget(view.statements)
            return view.statements.open_add_break(subject_id)
        if kind == kinds.STATEMENT_NEW:
            view.tabs.setCurrentWidget(view.statements)
            return view.statements.open_new_statement()
        if kind == kinds.STATEMENT_ADDENDUM and subject_id:
            view.tabs.setCurrentWidget(view.statements)
            view.statements.refresh(select=subject_id)
            editor = view.statements.editor
            return editor.open_addendum() if editor is not None else None
        if kind in (kinds.EVIDENCE_CUSTODY, kinds.EVIDENCE_DESCRIPTION) and subject_id:
            view.tabs.setCurrentWidget(view.evidence)
            view.evidence.refresh(select=subject_id)
            if kind == kinds.EVIDENCE_CUSTODY:
                return view.evidence.open_custody_event()
            return view.evidence.open_description()
        if kind == kinds.EVIDENCE_ACQUISITION:
            view.tabs.setCurrentWidget(view.evidence)
            context = state.get(kinds.CONTEXT_KEY) or {}
            paths = [Path(p) for p in context.get("paths", []) if isinstance(p, str)]
            return view.evidence.ask_and_ingest(paths) if paths else None
        if kind == kinds.ENTITY_ADD:
            view.tabs.setCurrentWidget(view.entities)
            return view.entities
        return None

    # Cases ---------------------------------------------------------------------------------

    def _new_case_shortcut(self) -> None:
        if self.new_case_action.isEnabled():
            self.open_new_case()

    def open_new_case(self) -> NewCaseDialog:
        dialog = NewCaseDialog(self.services.cases, self)
        dialog.track_draft(kinds.CASE_NEW)
        dialog.accepted.connect(lambda: self._case_created(dialog))
        dialog.open()
        return dialog

    def _case_created(self, dialog: NewCaseDialog) -> None:
        if dialog.case is None:
            return
        operations().notify(CASES)
        self.case_list.select(dialog.case.case_id)

    def open_export(self, case_id: str) -> ExportWizard | None:
        if self.case_view is not None and self.case_view.statements.editor is not None:
            self.case_view.statements.editor.flush()  # the export reads what is saved
        # Imported on first use: the PDF and signing libraries cost time at unlock otherwise.
        from ui.exports.export_wizard import ExportWizard

        try:
            dialog = ExportWizard(self.services, case_id, parent=self)
        except CustodiaError as exc:
            show_error(self, exc)
            return None
        dialog.verify_requested.connect(self.verify_requested)
        dialog.open()
        return dialog

    def open_search(self) -> SearchDialog:
        dialog = SearchDialog(self.services.search, self)
        dialog.hit_chosen.connect(self.show_hit)
        dialog.open()
        return dialog

    def show_hit(self, hit: object) -> None:
        if not isinstance(hit, SearchHit) or hit.case_id is None:
            return
        self.case_list.select(hit.case_id)
        view = self.open_case(hit.case_id)
        if view is None:
            return
        tab = {
            SearchKind.PERSON: view.people,
            SearchKind.IDENTITY: view.people,
            SearchKind.STATEMENT: view.statements,
            SearchKind.ADDENDUM: view.statements,
            SearchKind.INTERVIEW: view.statements,
            SearchKind.CONSENT: view.consent,
            SearchKind.EVIDENCE: view.evidence,
            SearchKind.EVIDENCE_TEXT: view.evidence,
            SearchKind.CUSTODY: view.evidence,
            SearchKind.ENTITY: view.entities,
            SearchKind.ENTITY_NOTE: view.entities,
        }.get(hit.kind, view.overview)
        view.tabs.setCurrentWidget(tab)
        if hit.kind is SearchKind.STATEMENT:
            view.statements.refresh(select=hit.ref_id)
        elif hit.kind is SearchKind.ADDENDUM and hit.parent_id:
            view.statements.refresh(select=hit.parent_id)  # the statement the addendum corrects
        elif hit.kind is SearchKind.EVIDENCE:
            view.evidence.refresh(select=hit.ref_id)
        elif hit.kind in (SearchKind.EVIDENCE_TEXT, SearchKind.CUSTODY) and hit.parent_id:
            view.evidence.refresh(select=hit.parent_id)  # the item the page or event is of
