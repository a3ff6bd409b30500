"""Vault > Trends (issue 18): the counting runs through the operations layer, the chart draws the
largest categories, the table shows counts as exported (under 5 as "<5"), filters narrow the
count, and an export is written and audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QTableWidgetItem

from exports.research import Format
from intake.stats import Axis, Dimension
from tests.intake.stats_synthetic import generate_stats_vault
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.operations import operations
from ui.trends.trends_window import TrendsWindow
from vault import Vault


@pytest.fixture
def vault(tmp_path: Path):
    made, _ = Vault.create(tmp_path / "vault", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    generate_stats_vault(made, 300, seed=9)
    yield made
    if made.is_open:
        made.lock()


def text(item: QTableWidgetItem | None) -> str:
    assert item is not None
    return item.text()


def cells(window: TrendsWindow) -> list[str]:
    table = window.table
    return [
        text(table.item(i, j)) for i in range(table.rowCount()) for j in range(table.columnCount())
    ]


def test_the_trends_window_counts_in_the_background_and_shows_a_chart(
    qtbot, vault: Vault, tmp_path: Path
) -> None:
    window = TrendsWindow(vault)
    qtbot.addWidget(window)
    window.show()
    job = window.count()
    assert job is not None
    assert "statistics" in operations().started_names()
    qtbot.waitUntil(lambda: window.trends is not None, timeout=30_000)
    assert window.trends is not None
    assert window.trends.cases_counted == 300
    assert window.summary.text().startswith("300 case")  # "cases counted" once en.po has it
    # Cases by month: one line, the month labels in words.
    assert window.chart.shown == ["cases"]
    assert text(window.table.horizontalHeaderItem(0)).endswith("2025")
    # Channels by jurisdiction: bars for the five largest; the table lists every channel.
    window.dimension.setCurrentIndex(window.dimension.findData(Dimension.CHANNELS.value))
    window.axis.setCurrentIndex(window.axis.findData(Axis.JURISDICTION.value))
    assert len(window.chart.shown) == 5
    assert window.table.rowCount() == 9
    assert text(window.table.verticalHeaderItem(0)) == "Telegram"
    # Nationality by month: thin months, so counts under 5 show as "<5" and no other number
    # under 5 is on screen.
    window.dimension.setCurrentIndex(window.dimension.findData(Dimension.NATIONALITY.value))
    window.axis.setCurrentIndex(window.axis.findData(Axis.MONTH.value))
    shown = cells(window)
    assert "<5" in shown
    assert all(text == "<5" or int(text) >= 5 for text in shown)
    # An export of what was counted, audited.
    target = tmp_path / "trends.xlsx"
    assert window.export_to(target, Format.XLSX) == target
    assert load_workbook(target).sheetnames[0] == "About"
    assert vault.audit_entries(action_prefix="export.statistics")[0].details["format"] == "xlsx"


def test_filters_narrow_the_count_and_research_says_what_was_left_out(qtbot, vault) -> None:
    window = TrendsWindow(vault)
    qtbot.addWidget(window)
    assert window.jurisdiction.itemText(0) == "All jurisdictions"
    assert window.jurisdiction.findData("RO") > 0
    window.between.setChecked(True)
    window.date_from.setDate(QDate(2025, 1, 1))
    window.date_to.setDate(QDate(2025, 6, 30))
    window.jurisdiction.setCurrentIndex(window.jurisdiction.findData("RO"))
    window.research.setChecked(True)
    window.count()
    qtbot.waitUntil(lambda: window.trends is not None, timeout=30_000)
    trends = window.trends
    assert trends is not None
    assert trends.jurisdictions in ((), ("RO",))
    assert all("2025-01" <= m <= "2025-06" for m in trends.months if m)
    assert trends.filter.research_only
    assert "left out for want of consent" in window.summary.text()


def test_the_first_day_must_come_before_the_last(qtbot, vault, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    window = TrendsWindow(vault)
    qtbot.addWidget(window)
    window.between.setChecked(True)
    window.date_from.setDate(QDate(2026, 2, 1))
    window.date_to.setDate(QDate(2026, 1, 1))
    assert window.count() is None
    assert told == ["The first day comes after the last day."]


def test_the_vault_menu_offers_trends(qtbot, tmp_path) -> None:
    from PySide6.QtWidgets import QMenu

    from ui.main_window import MainWindow
    from ui.session import Session
    from ui.settings import Settings

    window = MainWindow(Session(), Settings(tmp_path / "s.ini"), tmp_path / "vault", kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    titles = [a.text() for m in window.menuBar().findChildren(QMenu) for a in m.actions()]
    assert "Tre&nds…" in titles
