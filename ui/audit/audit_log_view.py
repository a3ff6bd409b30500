"""The audit log: newest first, filtered by action and subject; verify the whole chain."""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.errors import user_message
from ui.job_panel import JobPanel
from ui.operations import ChangeListener, operations
from ui.workers import Job, ProgressFn
from vault import Vault
from vault.audit import AuditEntry, ChainReport
from vault.errors import AuditChainError

log = logging.getLogger(__name__)

PAGE_SIZE = 500


class AuditLogView(QWidget):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._entries: list[AuditEntry] = []
        self.action_filter = QLineEdit(self)
        self.action_filter.setPlaceholderText(self.tr("Action begins with… (e.g. case.)"))
        self.action_filter.setAccessibleName(self.tr("Filter by action"))
        self.subject_filter = QLineEdit(self)
        self.subject_filter.setPlaceholderText(self.tr("Subject id"))
        self.subject_filter.setAccessibleName(self.tr("Filter by subject id"))
        self.action_filter.returnPressed.connect(self.refresh)
        self.subject_filter.returnPressed.connect(self.refresh)
        self.filter_button = QPushButton(self.tr("&Filter"), self)
        self.filter_button.setAccessibleName(self.tr("Apply the filter"))
        self.filter_button.clicked.connect(self.refresh)
        self.verify_button = QPushButton(self.tr("&Verify chain"), self)
        self.verify_button.setAccessibleName(self.tr("Verify the audit chain"))
        self.verify_button.clicked.connect(self.verify)
        self.panel = JobPanel(
            self,
            progress_name=self.tr("Verification progress"),
            result_name=self.tr("Verification result"),
            cancel_name=self.tr("Cancel the verification"),
        )
        self.panel.idle.connect(lambda: self.verify_button.setEnabled(True))
        self.progress, self.result = self.panel.progress, self.panel.result

        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("When (UTC)"),
                self.tr("Who"),
                self.tr("Action"),
                self.tr("Subject"),
            ]
        )
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._show_details)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Entry details"))

        filters = QHBoxLayout()
        filters.addWidget(self.action_filter, 2)
        filters.addWidget(self.subject_filter, 2)
        filters.addWidget(self.filter_button)
        filters.addStretch(1)
        filters.addWidget(self.verify_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.panel)
        layout.addWidget(splitter, 1)
        # Every change to the vault appends an audit entry: any change refreshes the log.
        ChangeListener(self, (), self.refresh, vault_open=lambda: vault.is_open)
        self.refresh()

    @property
    def _job(self) -> Job | None:
        return self.panel.job

    def refresh(self) -> None:
        filters: dict[str, Any] = {"limit": PAGE_SIZE}
        if action := self.action_filter.text().strip():
            filters["action_prefix"] = action
        if subject := self.subject_filter.text().strip():
            filters["subject"] = subject
        self._entries = self._vault.audit_entries(**filters)
        self.table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            values = [
                str(entry.seq),
                entry.at.replace("T", " ")[:19],
                entry.actor,
                entry.action,
                entry.subject,
            ]
            for column, value in enumerate(values):
                # QTableWidgetItem never interprets HTML: user text stays plain.
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.details.clear()

    def _show_details(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.details.clear()
            return
        entry = self._entries[rows[0].row()]
        self.details.setPlainText(
            json.dumps(entry.details, indent=2, ensure_ascii=False, sort_keys=True)
            + "\n\n"
            + self.tr("Entry hash: %1").replace("%1", entry.entry_hash)
        )

    def verify(self) -> Job | None:
        if self._job is not None:
            return None
        vault = self._vault

        def run(progress: ProgressFn, cancel: threading.Event) -> ChainReport:
            return vault.verify_audit(progress=progress, cancel=cancel)

        self.verify_button.setEnabled(False)
        job = operations().run(run, name="verify-audit", reads_vault=True, parent=self)
        self.panel.follow(
            job,
            step=self.tr("Verifying the audit chain…"),
            cancelled=self.tr("Verification cancelled: no verdict."),
            describe_failure=self._describe_failure,
        )
        job.success(self._verified)
        return job

    def _verified(self, report: object) -> None:
        assert isinstance(report, ChainReport)
        self.panel.set_verdict(
            self.tr("The audit chain is intact: %n entries verified.", "", report.entries), "ok"
        )

    def _describe_failure(self, exc: BaseException) -> str:
        if isinstance(exc, AuditChainError) and exc.first_bad_seq is not None:
            return self.tr("The audit chain is BROKEN: the first bad entry is number %1.").replace(
                "%1", str(exc.first_bad_seq)
            )
        return user_message(exc)
