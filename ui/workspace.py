"""The workspace of an unlocked vault: cases on the left, the open case on the right, and the
vault's audit log. Built at unlock, destroyed at lock."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from intake.models import SearchHit, SearchKind
from ui.audit.audit_log_view import AuditLogView
from ui.cases.case_list_view import CaseListView
from ui.cases.case_workspace import CaseWorkspace
from ui.cases.new_case_dialog import NewCaseDialog
from ui.errors import show_error
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
        if self.case_view is not None:
            self.case_view.close_case()

    def open_new_case(self) -> NewCaseDialog:
        dialog = NewCaseDialog(self.services.cases, self)
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
            SearchKind.STATEMENT: view.statements,
            SearchKind.EVIDENCE: view.evidence,
            SearchKind.ENTITY: view.entities,
        }.get(hit.kind, view.overview)
        view.tabs.setCurrentWidget(tab)
        if hit.kind is SearchKind.STATEMENT:
            view.statements.refresh(select=hit.ref_id)
        elif hit.kind is SearchKind.EVIDENCE:
            view.evidence.refresh(select=hit.ref_id)
