"""The audit log: newest first, in words (ui.audit_words), filtered by case, user, dates and
kind; CSV export of what the screen shows (audited); verify the whole chain."""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.audit_words import (
    KINDS,
    Names,
    action_words,
    details_words,
    entry_ids,
    kind_prefixes,
    kind_words,
)
from ui.errors import show_error, user_message
from ui.job_panel import JobPanel
from ui.operations import ChangeListener, operations
from ui.widgets import plain_label
from ui.workers import Job, ProgressFn
from vault import Vault, roles
from vault.audit import AuditEntry, ChainReport
from vault.db import DatabaseError
from vault.errors import AuditChainError, CustodiaError

log = logging.getLogger(__name__)

PAGE_SIZE = 500
#: Entries read per step while filtering; at most MAX_SCAN entries are looked at per refresh.
BATCH = 2000
MAX_SCAN = 20_000
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    """One line of the screen, as shown (and as written to CSV)."""

    entry: AuditEntry
    when: str
    who: str
    action: str
    case: str
    about: str

    def cells(self) -> list[str]:
        return [str(self.entry.seq), self.when, self.who, self.action, self.case, self.about]


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula is quoted with '."""
    return "'" + text if text.startswith(_FORMULA) else text


class AuditLogView(QWidget):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._rows: list[Row] = []
        self._names = Names(vault)
        self.more = False

        self.case_filter = QComboBox(self)
        self.case_filter.setAccessibleName(self.tr("Filter by case"))
        self.user_filter = QComboBox(self)
        self.user_filter.setAccessibleName(self.tr("Filter by user"))
        self.kind_filter = QComboBox(self)
        self.kind_filter.setAccessibleName(self.tr("Filter by kind of action"))
        self.kind_filter.addItem(self.tr("Every kind"), "")
        for key, _words, _prefixes in KINDS:
            self.kind_filter.addItem(kind_words(key), key)
        self.dates = QCheckBox(self.tr("&Between"), self)
        self.dates.setAccessibleName(self.tr("Only entries between two dates"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30), self)
        self.date_to = QDateEdit(today, self)
        for edit, name in (
            (self.date_from, self.tr("From date")),
            (self.date_to, self.tr("To date")),
        ):
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.dates.toggled.connect(self._dates_toggled)
        for combo in (self.case_filter, self.user_filter, self.kind_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())

        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.export_button.setAccessibleName(self.tr("Export the entries shown as CSV"))
        self.export_button.clicked.connect(self.choose_csv)
        # A CSV leaves the vault: an export, which viewers may not make (DESIGN §6.4).
        self.export_button.setVisible(vault.may(roles.EXPORT))
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
        self.count_label = plain_label("", self)
        self.count_label.setAccessibleName(self.tr("Entries shown"))

        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(self.headers())
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

        form = QFormLayout()
        top = QHBoxLayout()
        top.addWidget(self.case_filter, 3)
        top.addWidget(QLabel(self.tr("User:"), self))
        top.addWidget(self.user_filter, 2)
        top.addWidget(QLabel(self.tr("Kind:"), self))
        top.addWidget(self.kind_filter, 2)
        form.addRow(self.tr("Case:"), top)
        second = QHBoxLayout()
        second.addWidget(self.dates)
        second.addWidget(self.date_from)
        second.addWidget(QLabel(self.tr("and"), self))
        second.addWidget(self.date_to)
        second.addStretch(1)
        second.addWidget(self.count_label)
        second.addWidget(self.export_button)
        second.addWidget(self.verify_button)
        form.addRow(second)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.panel)
        layout.addWidget(splitter, 1)
        self._fill_choices()
        # Every change to the vault appends an audit entry: any change refreshes the log.
        ChangeListener(self, (), self.refresh, vault_open=lambda: vault.is_open)
        self.refresh()

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("When (UTC)"),
            self.tr("Who"),
            self.tr("Action"),
            self.tr("Case"),
            self.tr("About"),
        ]

    @property
    def _job(self) -> Job | None:
        return self.panel.job

    def _fill_choices(self) -> None:
        for combo in (self.case_filter, self.user_filter):
            combo.blockSignals(True)
            combo.clear()
        self.case_filter.addItem(self.tr("Every case"), "")
        try:
            cases = self._vault.read(
                "SELECT case_id, reference, title FROM cases ORDER BY reference"
            )
        except DatabaseError:
            cases = []  # a vault without the intake tables yet
        for case_id, reference, title in cases:
            self.case_filter.addItem(f"{reference} — {title}", str(case_id))
        self.user_filter.addItem(self.tr("Every user"), "")
        for user in sorted(self._vault.list_users(), key=lambda u: u.name.casefold()):
            self.user_filter.addItem(user.name, user.name)
        for combo in (self.case_filter, self.user_filter):
            combo.blockSignals(False)

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.refresh()

    def _bounds(self) -> tuple[str, str] | None:
        """The date range as UTC ISO bounds [from 00:00, day after "to" 00:00), local days."""
        if not self.dates.isChecked():
            return None
        first: date = self.date_from.date().toPython()  # type: ignore[assignment]
        last: date = self.date_to.date().toPython()  # type: ignore[assignment]
        if last < first:
            first, last = last, first

        def utc(day: date) -> str:
            local = datetime.combine(day, time()).astimezone()
            return local.astimezone(UTC).isoformat().replace("+00:00", "Z")

        return utc(first), utc(last + timedelta(days=1))

    def filters(self) -> dict[str, object]:
        """The filters in force, for the CSV's audit entry (ids and names, never user text)."""
        return {
            "case_id": self.case_filter.currentData() or None,
            "user": self.user_filter.currentData() or None,
            "kind": self.kind_filter.currentData() or None,
            "dates": list(self._bounds() or ()) or None,
        }

    def refresh(self) -> None:
        if not self._vault.is_open:
            return
        case_id = str(self.case_filter.currentData() or "")
        user = str(self.user_filter.currentData() or "")
        prefixes = kind_prefixes(str(self.kind_filter.currentData() or ""))
        bounds = self._bounds()
        rows: list[Row] = []
        before: int | None = None
        scanned = 0
        self.more = False
        while True:
            if scanned >= MAX_SCAN:
                self.more = True  # older entries exist that were not looked at
                break
            batch = self._vault.audit_entries(limit=BATCH, before_seq=before)
            if not batch:
                break
            scanned += len(batch)
            before = batch[-1].seq
            if bounds is not None and batch[0].at < bounds[0]:
                break  # newest first: everything further is older than the range
            self._names.load(i for e in batch for i in entry_ids(e.subject, e.details))
            for entry in batch:
                if user and entry.actor != user:
                    continue
                if prefixes and not entry.action.startswith(prefixes):
                    continue
                if bounds is not None and not bounds[0] <= entry.at < bounds[1]:
                    continue
                subject = self._names.subject(entry.subject, entry.details)
                if case_id and subject.case_id != case_id:
                    continue
                rows.append(
                    Row(
                        entry,
                        entry.at.replace("T", " ")[:19],
                        entry.actor,
                        action_words(entry.action),
                        subject.case_reference,
                        subject.about,
                    )
                )
                if len(rows) >= PAGE_SIZE:
                    self.more = True
                    break
            if self.more or len(batch) < BATCH:
                break
        self._rows = rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            for column, value in enumerate(row.cells()):
                # QTableWidgetItem never interprets HTML: user text stays plain.
                self.table.setItem(number, column, QTableWidgetItem(value))
        if self.more:
            self.count_label.setText(
                self.tr(
                    "The newest %n entries: narrow the filters to see older ones.", "", len(rows)
                )
            )
        else:
            self.count_label.setText(self.tr("%n entries", "", len(rows)))
        self.export_button.setEnabled(bool(rows))
        self.details.clear()

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def _show_details(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            self.details.clear()
            return
        row = self._rows[selected[0].row()]
        lines = [f"{key}: {value}" for key, value in details_words(row.entry.details, self._names)]
        lines += ["", self.tr("Entry hash: %1").replace("%1", row.entry.entry_hash)]
        self.details.setPlainText("\n".join(lines))

    # CSV ----------------------------------------------------------------------------------------

    def choose_csv(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit log as CSV"),
            str(Path.home() / "audit-log.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if not name:
            return None
        try:
            return self.export_csv(Path(name))
        except (OSError, CustodiaError) as exc:
            show_error(self, exc)
            return None

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.headers())
        for row in self._rows:
            writer.writerow([csv_cell(c) for c in row.cells()])
        return out.getvalue()

    def export_csv(self, path: Path) -> Path:
        """Write what the screen shows to ``path`` (UTF-8 with BOM, which spreadsheets read)
        and record the export in the audit log: rows, filters and the file's SHA-256."""
        self._vault.require(roles.EXPORT)
        data = ("\ufeff" + self.csv_text()).encode("utf-8")
        path.write_bytes(data)
        with self._vault.transaction() as tx:
            tx.audit(
                "export.audit_log",
                "audit_log",
                {
                    "rows": len(self._rows),
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "filters": self.filters(),
                },
            )
        log.info("audit log exported as CSV (%d rows)", len(self._rows))
        return path

    # Verification -------------------------------------------------------------------------------

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
