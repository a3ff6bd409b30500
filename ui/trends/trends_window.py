"""Vault > Trends: counts across cases by month and by jurisdiction, as a chart and a table, with
filters (period, jurisdiction, consent to research) and CSV or XLSX export (issue 18).

The counting runs in the background through the operations layer (intake.stats). The chart
draws the exact counts of the largest categories for the people working in this vault; the
table shows every category as it will be exported: counts under 5 as "<5", with secondary
suppression (exports.research). Exporting is audited by exports.research.
"""

from __future__ import annotations

import logging
import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exports.research import (
    Format,
    StatisticsExport,
    axis_title,
    dimension_title,
    from_trends,
    write_export,
)
from intake.stats import Axis, Dimension, StatisticsService, StatsFilter, Trends
from ui.errors import show_error
from ui.job_panel import JobPanel
from ui.operations import operations
from ui.trends.trends_chart import TrendsChart
from ui.widgets import plain_label
from ui.workers import Job, ProgressFn
from vault import Vault, roles
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class TrendsWindow(QWidget):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._vault = vault
        self.trends: Trends | None = None
        self.export: StatisticsExport | None = None
        self._job: Job | None = None

        self.between = QCheckBox(self)
        today = QDate.currentDate()
        self.date_from = QDateEdit(QDate(today.year(), 1, 1), self)
        self.date_to = QDateEdit(today, self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.between.toggled.connect(self.date_from.setEnabled)
        self.between.toggled.connect(self.date_to.setEnabled)
        self.jurisdiction = QComboBox(self)
        self.research = QCheckBox(self)
        self.count_button = QPushButton(self)
        self.count_button.setDefault(True)
        self.count_button.clicked.connect(self.count)
        self.dimension = QComboBox(self)
        self.axis = QComboBox(self)
        self.dimension.currentIndexChanged.connect(lambda _i: self._show_table())
        self.axis.currentIndexChanged.connect(lambda _i: self._show_table())
        self.summary = plain_label("", self)
        self.note = plain_label("", self)
        self.panel = JobPanel(self, progress_name="", cancellable=True, counts=True)
        self.panel.idle.connect(lambda: self.count_button.setEnabled(True))
        self.chart = TrendsChart(self)
        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.csv_button = QPushButton(self)
        self.xlsx_button = QPushButton(self)
        self.csv_button.clicked.connect(lambda: self.choose_file(Format.CSV))
        self.xlsx_button.clicked.connect(lambda: self.choose_file(Format.XLSX))
        # A file of counts leaves the vault: an export, which viewers may not make.
        for button in (self.csv_button, self.xlsx_button):
            button.setVisible(vault.may(roles.EXPORT))
            button.setEnabled(False)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)

        self._labels: dict[str, QLabel] = {
            name: plain_label("", self, wrap=False)
            for name in ("from", "to", "jurisdiction", "show")
        }
        filters = QHBoxLayout()
        filters.addWidget(self.between)
        filters.addWidget(self._labels["from"])
        filters.addWidget(self.date_from)
        filters.addWidget(self._labels["to"])
        filters.addWidget(self.date_to)
        filters.addSpacing(12)
        filters.addWidget(self._labels["jurisdiction"])
        filters.addWidget(self.jurisdiction)
        filters.addSpacing(12)
        filters.addWidget(self.research)
        filters.addStretch(1)
        filters.addWidget(self.count_button)
        view = QHBoxLayout()
        view.addWidget(self._labels["show"])
        view.addWidget(self.dimension, 1)
        view.addWidget(self.axis)  # "by month", "by jurisdiction"
        view.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.panel)
        layout.addWidget(self.summary)
        layout.addLayout(view)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.resize(1100, 760)
        self._retranslate()
        self._load_jurisdictions()

    # Words ----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._show_summary()
            self._show_table()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Trends"))
        self.between.setText(self.tr("Cases opened &between"))
        self.between.setAccessibleName(self.tr("Only cases opened between two dates"))
        self._labels["from"].setText(self.tr("from"))
        self._labels["to"].setText(self.tr("to"))
        self.date_from.setAccessibleName(self.tr("First day"))
        self.date_to.setAccessibleName(self.tr("Last day"))
        self._labels["jurisdiction"].setText(self.tr("Jurisdiction:"))
        self.jurisdiction.setAccessibleName(self.tr("Jurisdiction"))
        if self.jurisdiction.count():
            self.jurisdiction.setItemText(0, self.tr("All jurisdictions"))
        self.research.setText(self.tr("Only cases consenting to &anonymised research"))
        self.count_button.setText(self.tr("&Count"))
        self._labels["show"].setText(self.tr("Show:"))
        self.dimension.setAccessibleName(self.tr("What to count"))
        self.axis.setAccessibleName(self.tr("Count by"))
        self._fill_choices()
        self.panel.progress.setAccessibleName(self.tr("Counting progress"))
        self.chart.setAccessibleName(self.tr("Chart of the counts"))
        self.table.setAccessibleName(self.tr("Counts as exported"))
        self.note.setText(
            self.tr(
                "The chart shows exact counts of the largest categories. The table and the"
                " exported files show every count under 5 as <5, and hide another count where"
                " a total would give a hidden one back."
            )
        )
        self.csv_button.setText(self.tr("Export C&SV…"))
        self.xlsx_button.setText(self.tr("Export &XLSX…"))
        self.close_button.setText(self.tr("Close"))

    def _fill_choices(self) -> None:
        for combo, items in (
            (self.dimension, [(dimension_title(d), d.value) for d in Dimension]),
            (self.axis, [(axis_title(a), a.value) for a in Axis]),
        ):
            current = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            for text, key in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(current, 0))
            combo.blockSignals(False)

    def _load_jurisdictions(self) -> None:
        self.jurisdiction.clear()
        self.jurisdiction.addItem(self.tr("All jurisdictions"), "")
        try:
            names = StatisticsService(self._vault).jurisdictions()
        except CustodiaError as exc:
            show_error(self, exc)
            names = []
        for name in names:
            self.jurisdiction.addItem(name, name)

    # Counting -------------------------------------------------------------------------------

    def query(self) -> StatsFilter:
        between = self.between.isChecked()
        return StatsFilter(
            _day(self.date_from.date()) if between else None,
            _day(self.date_to.date()) if between else None,
            str(self.jurisdiction.currentData() or "") or None,
            self.research.isChecked(),
        )

    def count(self) -> Job | None:
        if self.panel.busy:
            return None
        query = self.query()
        if query.date_from and query.date_to and query.date_from > query.date_to:
            QMessageBox.information(
                self, self.tr("Trends"), self.tr("The first day comes after the last day.")
            )
            return None
        vault = self._vault

        def work(progress: ProgressFn, cancel: threading.Event) -> Trends:
            return StatisticsService(vault).compute(query, progress=progress, cancel=cancel)

        self.count_button.setEnabled(False)
        job = operations().run(work, name="statistics", reads_vault=True, parent=self)
        self.panel.follow(job, step=self.tr("Counting across the cases…"))
        job.success(self.show_trends)
        self._job = job
        return job

    def show_trends(self, result: object) -> None:
        assert isinstance(result, Trends)
        self.trends = result
        self.export = from_trends(result)
        self.panel.set_verdict("", "")
        for button in (self.csv_button, self.xlsx_button):
            button.setEnabled(True)
        self._show_summary()
        self._show_table()

    def _show_summary(self) -> None:
        trends = self.trends
        if trends is None:
            self.summary.setText(self.tr("Choose the cases to count, then Count."))
            return
        parts = [
            self.tr("%n case(s) counted", "", trends.cases_counted),
            self.tr("%n survivor(s)", "", trends.survivors_counted),
        ]
        if trends.filter.research_only:
            parts.append(
                self.tr(
                    "%n case(s) left out for want of consent to anonymised research",
                    "",
                    trends.cases_left_out,
                )
            )
        if not trends.referrals_counted:
            parts.append(self.tr("no referrals recorded in this vault"))
        self.summary.setText("; ".join(parts) + ".")

    def current_view(self) -> tuple[Dimension, Axis]:
        dimension = Dimension(self.dimension.currentData() or Dimension.CASES.value)
        axis = Axis(self.axis.currentData() or Axis.MONTH.value)
        return dimension, axis

    def _show_table(self) -> None:
        if self.trends is None or self.export is None:
            self.chart.show_table(None)
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        dimension, axis = self.current_view()
        self.chart.show_table(
            self.trends.table(dimension, axis),
            f"{dimension_title(dimension)} — {axis_title(axis)}",
        )
        published = next(
            (t for t in self.export.tables if (t.dimension, t.axis) == (dimension, axis)), None
        )
        if published is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        rows, columns = published.row_labels(), published.column_labels(short=True)
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setVerticalHeaderLabels(rows)
        for i in range(len(rows)):
            for j in range(len(columns)):
                item = QTableWidgetItem(str(published.shown(i, j)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)

    # Export ---------------------------------------------------------------------------------

    def choose_file(self, fmt: Format) -> Path | None:
        if self.export is None:
            return None
        pattern = (
            self.tr("CSV files (*.csv)")
            if fmt is Format.CSV
            else self.tr("Excel workbooks (*.xlsx)")
        )
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the trends"), str(Path.home() / f"trends.{fmt.value}"), pattern
        )
        if not name:
            return None
        return self.export_to(Path(name), fmt)

    def export_to(self, path: Path, fmt: Format) -> Path | None:
        """Write what was counted to ``path`` (audited by exports.research)."""
        if self.export is None:
            return None
        try:
            write_export(self._vault, path, fmt, self.export)
        except (OSError, CustodiaError) as exc:
            show_error(self, exc)
            return None
        self.panel.set_verdict(self.tr("Written: %1").replace("%1", str(path)), "ok")
        return path
