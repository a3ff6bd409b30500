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
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.errors import user_message
from ui.widgets import plain_label
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
        self._job: Job | None = None
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
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Verification progress"))
        self.progress.hide()
        self.result = plain_label("", self)
        self.result.setObjectName("statusText")
        self.result.setAccessibleName(self.tr("Verification result"))

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
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(splitter, 1)
        self.refresh()

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

    def verify(self) -> None:
        if self._job is not None:
            return
        vault = self._vault

        def run(progress: ProgressFn, cancel: threading.Event) -> ChainReport:
            return vault.verify_audit(progress=progress, cancel=cancel)

        self.verify_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.result.setText(self.tr("Verifying the audit chain…"))
        self._job = Job(run, name="verify-audit", parent=self)
        self._job.on_progress(self._progress).success(self._verified).failure(self._failed)
        self._job.on_finished(self._finished).start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _verified(self, report: object) -> None:
        assert isinstance(report, ChainReport)
        self.result.setText(
            self.tr("The audit chain is intact: %n entries verified.", "", report.entries)
        )
        self.result.setProperty("verdict", "ok")

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AuditChainError) and exc.first_bad_seq is not None:
            self.result.setText(
                self.tr("The audit chain is BROKEN: the first bad entry is number %1.").replace(
                    "%1", str(exc.first_bad_seq)
                )
            )
        else:
            self.result.setText(user_message(exc))
        self.result.setProperty("verdict", "bad")

    def _finished(self) -> None:
        self._job = None
        self.progress.hide()
        self.verify_button.setEnabled(True)
        # Re-polish so the style sheet's [verdict=…] colour applies.
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
