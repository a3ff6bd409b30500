"""A case's overview: what it is, its status and legal hold, and the indicators checklist."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake.cases import CaseService
from intake.indicators import IndicatorService
from intake.models import Case, CaseStatus
from ui.cases.edit_case_dialog import EditCaseDialog
from ui.errors import show_error
from ui.form_drafts import CASE_EDIT
from ui.formatting import day, language, term, when
from ui.reason_dialog import ask_reason
from ui.widgets import data_label
from vault import roles
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class OverviewTab(QWidget):
    changed = Signal()

    def __init__(
        self,
        cases: CaseService,
        indicators: IndicatorService,
        case_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._cases = cases
        self._indicators = indicators
        self.case_id = case_id
        self.reference = data_label("", self)
        self.title_label = data_label("", self)
        self.status = data_label("", self)
        self.jurisdiction = data_label("", self)
        self.description = data_label("", self)
        self.created = data_label("", self)
        self.retention = data_label("", self)
        self.hold_label = data_label("", self)
        for label, name in (
            (self.reference, self.tr("Reference")),
            (self.title_label, self.tr("Title")),
            (self.status, self.tr("Status")),
            (self.jurisdiction, self.tr("Jurisdiction")),
            (self.description, self.tr("Description")),
            (self.hold_label, self.tr("Legal hold")),
        ):
            label.setAccessibleName(name)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Reference:"), self.reference)
        form.addRow(self.tr("Title:"), self.title_label)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Jurisdiction:"), self.jurisdiction)
        form.addRow(self.tr("Description:"), self.description)
        form.addRow(self.tr("Opened:"), self.created)
        form.addRow(self.tr("Keep until:"), self.retention)
        form.addRow(self.tr("Legal hold:"), self.hold_label)
        self.hold_check = QCheckBox(
            self.tr("&Legal hold (nothing in the case can be erased)"), self
        )
        self.hold_check.setAccessibleName(self.tr("Legal hold"))
        self.hold_check.clicked.connect(self._hold_clicked)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setAccessibleName(self.tr("Edit the case"))
        self.edit_button.clicked.connect(self.open_edit)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self._close_clicked)
        # Offer only what the role may do (DESIGN §6.4); the core refuses the rest anyway.
        vault = cases.vault
        self.hold_check.setEnabled(vault.may(roles.LEGAL_HOLD))
        if not vault.may(roles.LEGAL_HOLD):
            self.hold_check.setToolTip(
                self.tr("Only an administrator places or lifts a legal hold.")
            )
        self.edit_button.setVisible(vault.may(roles.CASE_WORK))
        self.close_button.setVisible(vault.may(roles.CASE_WORK))
        buttons = QHBoxLayout()
        buttons.addWidget(self.hold_check)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.close_button)
        about = QGroupBox(self.tr("Case"), self)
        about_layout = QVBoxLayout(about)
        about_layout.addLayout(form)
        about_layout.addLayout(buttons)

        self.indicator_tree = QTreeWidget(self)
        self.indicator_tree.setHeaderHidden(True)
        self.indicator_tree.setAccessibleName(self.tr("Trafficking indicators"))
        self.indicator_tree.setWordWrap(True)
        self.indicator_tree.itemChanged.connect(self._indicator_changed)
        indicators_box = QGroupBox(self.tr("Trafficking indicators"), self)
        indicators_layout = QVBoxLayout(indicators_box)
        indicators_layout.addWidget(self.indicator_tree)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(indicators_box, 1)
        self.refresh()

    def refresh(self) -> None:
        case = self._cases.get(self.case_id)
        self._show_case(case)
        self._load_indicators()

    def _show_case(self, case: Case) -> None:
        self.reference.setText(case.reference)
        self.title_label.setText(case.title)
        self.status.setText(term(case.status))
        self.jurisdiction.setText(case.jurisdiction or "—")
        self.description.setText(case.description or "—")
        self.created.setText(
            self.tr("%1 by %2").replace("%1", when(case.created_at)).replace("%2", case.created_by)
        )
        self.retention.setText(day(case.retention_until))
        if case.legal_hold:
            self.hold_label.setText(self.tr("On: %1").replace("%1", case.legal_hold_reason or "—"))
        else:
            self.hold_label.setText(self.tr("Off"))
        self.hold_check.setChecked(case.legal_hold)
        is_open = case.status is CaseStatus.OPEN
        self.close_button.setText(self.tr("Close case…") if is_open else self.tr("Reopen case…"))
        self.close_button.setAccessibleName(self.close_button.text())

    def _load_indicators(self) -> None:
        lang = language()
        states = {s.indicator.indicator_id: s for s in self._indicators.checklist(self.case_id)}
        catalogue = self._indicators.catalogue()
        self.indicator_tree.blockSignals(True)
        self.indicator_tree.clear()
        for family in catalogue.families:
            parent = QTreeWidgetItem([family.label(lang)])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.indicator_tree.addTopLevelItem(parent)
            for indicator in catalogue.indicators:
                if indicator.family_id != family.family_id:
                    continue
                item = QTreeWidgetItem([indicator.label(lang)])
                item.setData(0, Qt.ItemDataRole.UserRole, indicator.indicator_id)
                # Shown to everyone, ticked only by those who do case work (not viewers).
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                    if self._cases.vault.may(roles.CASE_WORK)
                    else Qt.ItemFlag.ItemIsEnabled
                )
                state = states.get(indicator.indicator_id)
                present = state is not None and state.present
                item.setCheckState(0, Qt.CheckState.Checked if present else Qt.CheckState.Unchecked)
                hint = indicator.hint(lang)
                if hint:
                    item.setToolTip(0, hint)
                parent.addChild(item)
            parent.setExpanded(True)
        self.indicator_tree.blockSignals(False)

    def set_indicator(self, indicator_id: str, present: bool) -> None:
        if present:
            self._indicators.set(self.case_id, indicator_id)
        else:
            self._indicators.unset(self.case_id, indicator_id)

    def _indicator_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        indicator_id = item.data(0, Qt.ItemDataRole.UserRole)
        if not indicator_id:
            return
        try:
            self.set_indicator(str(indicator_id), item.checkState(0) == Qt.CheckState.Checked)
        except CustodiaError as exc:
            show_error(self, exc)
            self._load_indicators()

    def set_legal_hold(self, on: bool, reason: str) -> None:
        case = self._cases.set_legal_hold(self.case_id, on, reason)
        self._show_case(case)
        self.changed.emit()

    def _hold_clicked(self, checked: bool) -> None:
        prompt = (
            self.tr("Why is this case put under legal hold? (for example, the authority's request)")
            if checked
            else self.tr("Why is the legal hold lifted?")
        )
        reason = ask_reason(self, self.tr("Legal hold"), prompt)
        if reason is None:
            self.hold_check.setChecked(not checked)
            return
        try:
            self.set_legal_hold(checked, reason)
        except CustodiaError as exc:
            show_error(self, exc)
            self.refresh()

    def open_edit(self) -> EditCaseDialog:
        dialog = EditCaseDialog(self._cases, self.case_id, self)
        dialog.track_draft(CASE_EDIT, case_id=self.case_id, subject_id=self.case_id)
        dialog.accepted.connect(self._edited)
        dialog.open()
        return dialog

    def _edited(self) -> None:
        self._show_case(self._cases.get(self.case_id))
        self.changed.emit()

    def _close_clicked(self) -> None:
        case = self._cases.get(self.case_id)
        closing = case.status is CaseStatus.OPEN
        reason = ask_reason(
            self,
            self.close_button.text().rstrip("…"),
            self.tr("Why is the case closed?") if closing else self.tr("Why is the case reopened?"),
        )
        if reason is None:
            return
        try:
            if closing:
                case = self._cases.close(self.case_id, reason)
            else:
                case = self._cases.reopen(self.case_id, reason)
        except CustodiaError as exc:
            show_error(self, exc)
            return
        self._show_case(case)
        self.changed.emit()
