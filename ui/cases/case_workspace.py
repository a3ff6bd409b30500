"""One open case: its tabs (overview, people, consent, statements, evidence, entities)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from intake import Intake
from ui.cases.overview_tab import OverviewTab
from ui.consent.consent_tab import ConsentTab
from ui.entities.entities_tab import EntitiesTab
from ui.evidence.evidence_tab import EvidenceTab
from ui.operations import CASES, ChangeListener, operations
from ui.people.people_tab import CopyProtected, PeopleTab
from ui.referrals.referrals_tab import ReferralsTab
from ui.statements.statement_editor import StatementEditor
from ui.statements.statements_tab import StatementsTab
from ui.tasks.tasks_tab import TasksTab
from ui.widgets import heading
from vault import roles

log = logging.getLogger(__name__)


class CaseWorkspace(QWidget):
    case_changed = Signal()
    open_case = Signal(str)
    export_requested = Signal(str)  # case id

    def __init__(
        self,
        services: Intake,
        case_id: str,
        copy_protected: CopyProtected,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._open = True
        self._cases = services.cases
        case = services.cases.get(case_id)
        actor = services.vault.actor
        self.title = heading(f"{case.reference} · {case.title}", self)
        self.export_button = QPushButton(self.tr("E&xport bundle…"), self)
        self.export_button.setAccessibleName(
            self.tr("Export this case as a signed bundle for a recipient")
        )
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.case_id))
        # Viewers read but never export (DESIGN §6.4): no button to try.
        self.export_button.setVisible(services.vault.may(roles.EXPORT))
        self.overview = OverviewTab(services.cases, services.indicators, case_id, self)
        self.people = PeopleTab(services.people, case_id, copy_protected, self)
        self.consent = ConsentTab(services.consent, services.people, case_id, self)
        self.statements = StatementsTab(
            services.interviews,
            services.statements,
            services.people,
            case_id,
            actor,
            editor_factory=lambda s, sid, p: StatementEditor(s, sid, clock=clock, parent=p),
            parent=self,
        )
        self.evidence = EvidenceTab(
            services.evidence, services.custody, services.people, case_id, actor, self
        )
        self.entities = EntitiesTab(services.entities, case_id, self)
        # Referrals and deadlines (issue 18); "today" by the vault's clock, in local time.
        today = lambda: services.vault.clock().astimezone().date()  # noqa: E731
        self.referrals = ReferralsTab(services.referrals, case_id, today, self)
        self.tasks = TasksTab(services.tasks, case_id, today, self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Case sections"))
        self.tabs.addTab(self.overview, self.tr("&Overview"))
        self.tabs.addTab(self.people, self.tr("&People"))
        self.tabs.addTab(self.consent, self.tr("Co&nsent"))
        self.tabs.addTab(self.statements, self.tr("&Interviews && statements"))
        self.tabs.addTab(self.evidence, self.tr("E&vidence"))
        self.tabs.addTab(self.entities, self.tr("En&tities"))
        self.tabs.addTab(self.referrals, self.tr("&Referrals"))
        self.tabs.addTab(self.tasks, self.tr("Tas&ks"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.overview.changed.connect(lambda: operations().notify(CASES))
        ChangeListener(self, (CASES,), self._case_edited, vault_open=lambda: services.vault.is_open)
        self.entities.open_case.connect(self.open_case)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.export_button)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def _case_edited(self) -> None:
        if not self._open:
            return  # closing: the vault may already be locked
        case = self._cases.get(self.case_id)
        self.title.setText(f"{case.reference} · {case.title}")
        self.case_changed.emit()

    def _tab_changed(self, _index: int) -> None:
        # Tabs show what other tabs changed (a new person appears in the consent form, …).
        widget = self.tabs.currentWidget()
        refresh = getattr(widget, "refresh", None)
        if callable(refresh) and widget is not self.statements:
            refresh()
        if widget is not self.statements and self.statements.editor is not None:
            self.statements.editor.flush()

    # Where the user is ---------------------------------------------------------------------

    def view_state(self) -> dict[str, Any]:
        """The tab and what is selected in each tab (ids only), to come back to."""
        person = self.people.selected_person()
        return {
            "case_tab": self.tabs.currentIndex(),
            "person_id": person.person_id if person else None,
            "interview_id": self.statements.current_interview_id(),
            "statement_id": self.statements.current_statement_id(),
            "evidence_id": self.evidence.selected_id(),
            "consent_row": self.consent.table.currentRow(),
            "entity_row": self.entities.table.currentRow(),
        }

    def restore_view_state(self, state: dict[str, Any]) -> None:
        if state.get("person_id"):
            self.people.select_person(str(state["person_id"]))
        if state.get("interview_id"):
            self.statements.select_interview(str(state["interview_id"]))
        if state.get("statement_id"):
            self.statements.refresh(select=str(state["statement_id"]))
        if state.get("evidence_id"):
            self.evidence.refresh(select=str(state["evidence_id"]))
        for table, key in (
            (self.consent.table, "consent_row"),
            (self.entities.table, "entity_row"),
        ):
            row = state.get(key)
            if isinstance(row, int) and 0 <= row < table.rowCount():
                table.selectRow(row)
        tab = state.get("case_tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def close_case(self) -> None:
        """Write pending statement text before the view goes away."""
        self._open = False
        self.statements.close_editor()
        self.evidence.cancel_ingest()
