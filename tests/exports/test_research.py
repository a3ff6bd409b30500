"""Trends as files (issue 18): every count under 5 is "<5" in the CSV and the XLSX (read back
with openpyxl), secondary suppression holds, the research profile counts only consenting cases
and says how many it left out, and writing a file is audited with parameters only."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from exports.research import (
    Format,
    Profile,
    PublishedTable,
    csv_bytes,
    prepare,
    publish,
    write_statistics,
)
from exports.suppression import SUPPRESSED, suppress, table_lines, violations
from intake.stats import Axis, CountTable, Dimension, StatisticsService, StatsFilter
from tests.intake.conftest import CHEAP_KDF, PASSPHRASE
from tests.intake.stats_synthetic import SynthCase, generate_stats_vault
from tests.ui.test_cli import custodia
from vault import Vault

CASES = 400  # small enough that many counts fall under 5


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, list[SynthCase]]]:
    vault, _ = Vault.create(
        tmp_path_factory.mktemp("research") / "vault", "ana", PASSPHRASE, kdf=CHEAP_KDF
    )
    try:
        yield vault, generate_stats_vault(vault, CASES, seed=4)
    finally:
        vault.lock()


# The suppression function -----------------------------------------------------------------------

counts = st.integers(min_value=0, max_value=40)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[list[int]], bool]:
    rows = draw(st.integers(1, 6))
    columns = draw(st.integers(1, 6))
    body = [[draw(counts) for _ in range(columns)] for _ in range(rows)]
    column_totals = draw(st.booleans())
    values = [[*row, sum(row)] for row in body]
    if column_totals:
        values.append([sum(row[j] for row in values) for j in range(columns + 1)])
    return values, column_totals


@settings(max_examples=400, deadline=None)
@given(tables())
def test_suppression_hides_every_small_count_and_what_would_give_one_back(
    table: tuple[list[list[int]], bool],
) -> None:
    values, column_totals = table
    rows = len(values) - (1 if column_totals else 0)
    lines = table_lines(rows, len(values[0]) - 1, column_totals=column_totals)
    hidden = suppress(values, lines)
    assert violations(values, hidden, lines) == []
    # Nothing is hidden without a reason: a shown entry is never under 5.
    for i, row in enumerate(values):
        for j, value in enumerate(row):
            if not hidden[i][j]:
                assert value >= 5


def test_one_hidden_cell_takes_the_next_smallest_of_its_row_and_column_with_it() -> None:
    # One survivor in March: hiding 1 alone would let 20 - 7 - 12 give it back.
    values = [[7, 1, 12, 20], [9, 8, 30, 47], [16, 9, 42, 67]]
    lines = table_lines(2, 3, column_totals=True)
    hidden = suppress(values, lines)
    assert hidden[0] == [True, True, False, False]  # 7 goes with 1 (row 0)
    assert hidden[1][:2] == [True, True]  # and both columns need a second hidden cell
    assert not any(hidden[2])  # the totals stay: two unknowns per line
    assert violations(values, hidden, lines) == []


# Files read back --------------------------------------------------------------------------------


def number_or_suppressed(value: object) -> None:
    if value == SUPPRESSED:
        return
    assert isinstance(value, int), value
    assert value >= 5


def test_csv_and_xlsx_show_no_count_under_5(synthetic, tmp_path: Path) -> None:
    vault, _cases = synthetic
    query = StatsFilter()
    csv_path, xlsx_path = tmp_path / "trends.csv", tmp_path / "trends.xlsx"
    written = write_statistics(vault, csv_path, Format.CSV, query)
    write_statistics(vault, xlsx_path, Format.XLSX, query)
    assert written.export.suppressed > 0
    raw = csv_path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
    by_line: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    entries = 0
    for row in reader:
        if row["table"] == "about":
            continue
        entries += 1
        value: object = row["count"] if row["count"] == SUPPRESSED else int(row["count"])
        number_or_suppressed(value)
        by_line[(row["table"], row["by"], "row:" + row["row_key"])].append(row["count"])
        by_line[(row["table"], row["by"], "col:" + row["column_key"])].append(row["count"])
    assert entries > 100
    # Read back, no row keeps exactly one hidden entry (columns only where totals are published).
    for (_table, _by, line), shown in by_line.items():
        if line.startswith("row:"):
            assert shown.count(SUPPRESSED) != 1, line
    book = load_workbook(xlsx_path, read_only=True)
    sheets = book.sheetnames
    assert len(sheets) == 1 + len(written.export.tables)
    checked = 0
    for name in sheets[1:]:
        for cells in book[name].iter_rows(min_row=3, min_col=2, values_only=True):
            for cell in cells:
                number_or_suppressed(cell)
                checked += 1
    assert checked == entries
    # The published tables themselves pass every rule.
    for table in written.export.tables:
        rows = len(table.row_keys)
        lines = table_lines(rows, len(table.column_keys), column_totals=table.column_totals)
        assert violations(table.values, table.hidden, lines) == [], table.title()


def test_shown_counts_are_the_counts(synthetic) -> None:
    vault, _cases = synthetic
    trends = StatisticsService(vault).compute()
    export = prepare(vault, StatsFilter())
    for table in export.tables:
        if table.dimension is Dimension.NATIONALITY:
            continue  # pooled rows; checked below
        source = trends.table(table.dimension, table.axis)
        for i, row in enumerate(table.row_keys):
            for j, column in enumerate(table.column_keys):
                shown = table.shown(i, j)
                assert shown == SUPPRESSED or shown == source.count(row, column)


def test_rare_nationalities_are_pooled_before_suppression() -> None:
    table = CountTable(
        Dimension.NATIONALITY,
        Axis.MONTH,
        ("Eritrean", "Romanian", "Syrian", ""),
        ("2026-01", "2026-02"),
        {
            ("Eritrean", "2026-01"): 2,
            ("Romanian", "2026-01"): 30,
            ("Romanian", "2026-02"): 9,
            ("Syrian", "2026-02"): 1,
            ("", "2026-02"): 6,
        },
    )
    published: PublishedTable = publish(table)
    assert "Eritrean" not in published.row_keys
    assert "Syrian" not in published.row_keys
    labels = published.row_labels()
    assert "other nationalities (fewer than 5 each)" in labels
    assert labels[-1] == "Total"


def test_research_profile_counts_only_consenting_cases(synthetic, tmp_path: Path) -> None:
    vault, _cases = synthetic
    path = tmp_path / "research.csv"
    written = write_statistics(vault, path, Format.CSV, StatsFilter(), Profile.RESEARCH)
    research = StatisticsService(vault).compute(StatsFilter(research_only=True))
    assert written.export.trends.cases_counted == research.cases_counted < CASES
    assert research.cases_left_out == CASES - research.cases_counted > 0
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    about = {r["row_key"]: r["count"] for r in rows if r["table"] == "about"}
    assert about["cases_left_out"] in (SUPPRESSED, str(research.cases_left_out))
    assert about["survivors_left_out"] in (SUPPRESSED, str(research.survivors_left_out))
    assert "anonymised research" in about["profile"]
    # Only aggregates: no case reference, pseudonym or identity of the vault is in the file.
    text = path.read_text(encoding="utf-8-sig")
    assert "ST-0" not in text
    assert "P1-0" not in text
    assert "Name " not in text
    assert "typed outcome" not in text
    # Audited with parameters and numbers only.
    entry = vault.audit_entries(action_prefix="export.statistics")[0]  # the newest
    assert entry.details["profile"] == "research"
    assert entry.details["cases"] == research.cases_counted
    assert entry.details["cases_left_out"] == research.cases_left_out
    assert "Romanian" not in json.dumps(entry.details)


def test_a_tampered_label_cannot_become_a_formula() -> None:
    table = CountTable(
        Dimension.NATIONALITY,
        Axis.JURISDICTION,
        ("=cmd|' /C calc'!A0",),
        ("RO",),
        {("=cmd|' /C calc'!A0", "RO"): 9},
    )
    from exports.research import StatisticsExport
    from intake.stats import Trends

    trends = Trends(StatsFilter(), (), ("RO",), {}, 9, 9)
    data = csv_bytes(StatisticsExport(Profile.ALL, trends, (publish(table),))).decode("utf-8-sig")
    assert ",'=cmd" in data
    assert ",=cmd" not in data


def test_custodia_stats_writes_csv_and_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "vault"
    vault, _ = Vault.create(path, "ana", PASSPHRASE, kdf=CHEAP_KDF)
    generate_stats_vault(vault, 80, seed=5)
    vault.lock()
    unlock = ("--user", "ana", "--passphrase-stdin")
    logs = tmp_path / "logs"
    out = tmp_path / "t.xlsx"
    done = custodia(
        "stats",
        str(path),
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--profile",
        "research",
        "--xlsx",
        str(out),
        *unlock,
        stdin=PASSPHRASE + "\n",
        log_dir=logs,
    )
    assert done.returncode == 0, done.stderr
    assert "left out for want of consent" in done.stdout
    assert load_workbook(out).sheetnames[0] == "About"
    written = custodia(
        "stats",
        str(path),
        "--csv",
        str(tmp_path / "t.csv"),
        *unlock,
        stdin=PASSPHRASE + "\n",
        log_dir=logs,
    )
    assert written.returncode == 0, written.stderr
    assert (tmp_path / "t.csv").read_bytes().startswith("\ufeff".encode())
    bad = custodia(
        "stats", str(path), "--from", "31.12.2025", "--csv", "x.csv", *unlock, log_dir=logs
    )
    assert bad.returncode == 2
    assert "2026-03-31" in bad.stderr
    vault = Vault.unlock(path, "ana", PASSPHRASE)
    try:
        entries = vault.audit_entries(action_prefix="export.statistics")
        assert [e.details["format"] for e in entries] == ["csv", "xlsx"]  # newest first
        assert entries[1].details["from"] == "2025-01-01"
    finally:
        vault.lock()
