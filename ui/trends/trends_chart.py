"""The chart of one trends table (QtCharts): lines over the months, or grouped bars per
jurisdiction, for the categories with the largest totals."""

from __future__ import annotations

import logging
import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from exports.research import category_label, column_label
from intake.stats import Axis, CountTable

log = logging.getLogger(__name__)

#: More lines or bars than this cannot be told apart; the table below lists every category.
MOST = 5  # the default theme has five colours; a sixth line would repeat one


class TrendsChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QChart(), parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart().setMargins(QMargins(4, 4, 4, 4))
        self.shown: list[str] = []  # the categories drawn, for tests and screen readers

    def show_table(self, table: CountTable | None, title: str = "") -> None:
        chart = QChart()
        chart.setTitle(title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        self.shown = []
        if table is not None and table.columns:
            ranked = sorted(table.rows, key=lambda r: -table.row_total(r))
            self.shown = [r for r in ranked if table.row_total(r) > 0][:MOST]
            labels = [column_label(table.axis, c, short=True) for c in table.columns]
            y_axis = QValueAxis()
            y_axis.setLabelFormat("%d")
            top = max((table.count(r, c) for r in self.shown for c in table.columns), default=0)
            if top <= 10:
                # Small counts: one tick per whole number, never "0, 0, 1, 1".
                y_axis.setRange(0, max(top, 1))
                y_axis.setTickCount(max(top, 1) + 1)
            else:
                y_axis.setRange(0, top * 1.1)
                y_axis.applyNiceNumbers()
            chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
            if table.axis is Axis.MONTH:
                x_axis = _month_axis(labels)
                chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
                for row in self.shown:
                    line = QLineSeries()
                    line.setName(category_label(table.dimension, row))
                    for x, column in enumerate(table.columns):
                        line.append(float(x), float(table.count(row, column)))
                    chart.addSeries(line)
                    line.attachAxis(x_axis)
                    line.attachAxis(y_axis)
            else:
                bar_axis = QBarCategoryAxis()
                bar_axis.append(labels)
                chart.addAxis(bar_axis, Qt.AlignmentFlag.AlignBottom)
                bars = QBarSeries()
                for row in self.shown:
                    bar_set = QBarSet(category_label(table.dimension, row))
                    bar_set.append([float(table.count(row, c)) for c in table.columns])
                    bars.append(bar_set)
                chart.addSeries(bars)
                bars.attachAxis(bar_axis)
                bars.attachAxis(y_axis)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()
        self.setAccessibleDescription(", ".join(self.shown))


def _month_axis(labels: list[str]) -> QCategoryAxis:
    """Months at their points, at most about a dozen named (Babel's names, every k-th month),
    so that no name is cut short."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    # Half a month of room at each end, so that the first and last names are drawn whole.
    axis.setStartValue(-0.5)
    axis.setRange(-0.5, len(labels) - 0.5)
    step = max(1, math.ceil(len(labels) / 12))
    for x in range(0, len(labels), step):
        axis.append(labels[x], float(x))
    axis.setGridLineVisible(True)
    return axis
