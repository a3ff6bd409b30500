"""Trends as published files: CSV and XLSX with small counts suppressed, and the "anonymised
research" profile (issue 18).

Two profiles:

- ``all``: every case of the period, for the organisation's reports to ANITP and to donors;
- ``research``: only cases whose consent covers anonymised research (intake.stats applies the
  consent rule); the file says how many cases and survivors were left out for want of it.

Both carry aggregates only: counts by month and by jurisdiction, never a case, a person or a
text a person typed (a referral's outcome text is not read). Every count under 5 is "<5", with
secondary suppression (exports.suppression). Nationalities whose total is under 5 are pooled
into one "other nationalities" row before suppression, since a row's name alone would say that
someone of that nationality is in the vault. Writing a file is audited (``export.statistics``)
with the parameters, the numbers counted and the file's SHA-256: never a label of the tables.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from babel.dates import format_date

from exports.suppression import SUPPRESSED, THRESHOLD, suppress, table_lines
from intake.indicators import default_catalogue
from intake.models import indicator_text
from intake.stats import (
    AGE_BANDS,
    NOT_RECORDED,
    Axis,
    CountTable,
    Dimension,
    StatisticsService,
    StatsFilter,
    Trends,
)
from resources import i18n
from resources.i18n import N_, _, pgettext
from vault import Vault, roles

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
OTHER_NATIONALITIES = "\x00other"  # a key no typed nationality can be
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


class Profile(StrEnum):
    ALL = "all"
    RESEARCH = "research"


class Format(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


# Words --------------------------------------------------------------------------------------

_DIMENSIONS: dict[Dimension, str] = {
    Dimension.CASES: N_("Cases opened"),
    Dimension.INDICATORS: N_("Trafficking indicators ticked (cases)"),
    Dimension.CHANNELS: N_("Recruitment channels seen in the case (cases)"),
    Dimension.NATIONALITY: N_("Nationality (survivors)"),
    Dimension.AGE_BAND: N_("Age when the case was opened (survivors)"),
    Dimension.GENDER: N_("Gender (survivors)"),
    Dimension.REFERRALS: N_("Referrals by status"),
}
_AXES: dict[Axis, str] = {Axis.MONTH: N_("by month"), Axis.JURISDICTION: N_("by jurisdiction")}
#: Platform names are names, the same in every language.
_CHANNELS: dict[str, str] = {
    "telegram": "Telegram",
    "whatsapp": "WhatsApp",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "viber": "Viber",
    "signal": "Signal",
    "other_social": N_("Other social network"),
    "job_site": N_("Job site or classified ads"),
}
_WORDS: dict[str, str] = {
    "cases": N_("Cases"),
    "female": N_("female"),
    "male": N_("male"),
    "other": N_("other"),
}
#: A referral's status in the words the referral screens use (ui.referrals.words).
STATUS_CONTEXT = "ReferralStatus"


def dimension_title(dimension: Dimension) -> str:
    return _(_DIMENSIONS[dimension])


def axis_title(axis: Axis) -> str:
    return _(_AXES[axis])


def not_recorded() -> str:
    return _("not recorded")


def total_label() -> str:
    return _("Total")


def category_label(dimension: Dimension, key: str) -> str:
    """A row of a table in the current language."""
    if key == NOT_RECORDED:
        return not_recorded()
    if key == OTHER_NATIONALITIES:
        return _("other nationalities (fewer than 5 each)")
    if dimension is Dimension.INDICATORS:
        indicator = default_catalogue().indicator(key)
        return indicator_text(indicator.english_label, language()) if indicator else key
    if dimension is Dimension.CHANNELS and key in _CHANNELS:
        return _(_CHANNELS[key]) if key in ("other_social", "job_site") else _CHANNELS[key]
    if dimension is Dimension.AGE_BAND and key in AGE_BANDS:
        if key.endswith("+"):
            return _("{age} and over").format(age=key[:-1])
        return key.replace("-", "–")
    if dimension is Dimension.REFERRALS:
        return pgettext(STATUS_CONTEXT, key)
    if key in _WORDS and dimension is not Dimension.NATIONALITY:
        return _(_WORDS[key])
    return key  # a nationality as recorded


def language() -> str:
    return i18n.current().language


def month_label(month: str, *, short: bool = False) -> str:
    """``2026-03`` as "March 2026" in the current language (Babel's standalone month name)."""
    try:
        first = date(int(month[:4]), int(month[5:7]), 1)
    except ValueError:
        return month
    return str(format_date(first, "LLL y" if short else "LLLL y", locale=language()))


def column_label(axis: Axis, key: str, *, short: bool = False) -> str:
    if axis is Axis.MONTH:
        return month_label(key, short=short)
    return key or not_recorded()


# Tables -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedTable:
    """One table as published: body and totals with the entries to hide.

    ``values`` has one more column (each row's total) and, with ``column_totals``, one more row
    (each column's total, the grand total in the corner).
    """

    dimension: Dimension
    axis: Axis
    row_keys: tuple[str, ...]
    column_keys: tuple[str, ...]
    values: list[list[int]]
    hidden: list[list[bool]]
    column_totals: bool

    def shown(self, i: int, j: int) -> int | str:
        return SUPPRESSED if self.hidden[i][j] else self.values[i][j]

    @property
    def suppressed(self) -> int:
        return sum(h for row in self.hidden for h in row)

    def row_labels(self) -> list[str]:
        labels = [category_label(self.dimension, k) for k in self.row_keys]
        return labels + ([total_label()] if self.column_totals else [])

    def column_labels(self, *, short: bool = False) -> list[str]:
        labels = [column_label(self.axis, k, short=short) for k in self.column_keys]
        return [*labels, total_label()]

    def title(self) -> str:
        return f"{dimension_title(self.dimension)} — {axis_title(self.axis)}"


def _pool_nationalities(table: CountTable) -> CountTable:
    small = [r for r in table.rows if r != NOT_RECORDED and table.row_total(r) < THRESHOLD]
    if not small:
        return table
    counts: dict[tuple[str, str], int] = {}
    for (row, column), n in table.counts.items():
        key = OTHER_NATIONALITIES if row in small else row
        counts[(key, column)] = counts.get((key, column), 0) + n
    rows = [r for r in table.rows if r not in small and r != NOT_RECORDED]
    rows.append(OTHER_NATIONALITIES)
    if NOT_RECORDED in table.rows:
        rows.append(NOT_RECORDED)
    return CountTable(table.dimension, table.axis, tuple(rows), table.columns, counts)


def publish(table: CountTable) -> PublishedTable:
    """The table with its totals, nationalities pooled and small counts suppressed."""
    if table.dimension is Dimension.NATIONALITY:
        table = _pool_nationalities(table)
    body = table.matrix()
    values = [[*row, sum(row)] for row in body]
    if table.partition:
        width = len(table.columns) + 1
        values.append([sum(row[j] for row in values) for j in range(width)])
    lines = table_lines(len(table.rows), len(table.columns), column_totals=table.partition)
    hidden = suppress(values, lines)
    return PublishedTable(
        table.dimension, table.axis, table.rows, table.columns, values, hidden, table.partition
    )


@dataclass(frozen=True)
class StatisticsExport:
    profile: Profile
    trends: Trends
    tables: tuple[PublishedTable, ...]

    @property
    def suppressed(self) -> int:
        return sum(t.suppressed for t in self.tables)


def profile_filter(query: StatsFilter, profile: Profile) -> StatsFilter:
    """The research profile counts only consenting cases, whatever the filter said."""
    return StatsFilter(
        query.date_from, query.date_to, query.jurisdiction, profile is Profile.RESEARCH
    )


def prepare(
    vault: Vault,
    query: StatsFilter,
    profile: Profile = Profile.ALL,
    *,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> StatisticsExport:
    trends = StatisticsService(vault).compute(
        profile_filter(query, profile), progress=progress, cancel=cancel
    )
    return from_trends(trends)


def from_trends(trends: Trends) -> StatisticsExport:
    profile = Profile.RESEARCH if trends.filter.research_only else Profile.ALL
    tables = tuple(
        publish(trends.table(dimension, axis))
        for dimension in Dimension
        if dimension is not Dimension.REFERRALS or trends.referrals_counted
        for axis in Axis
    )
    return StatisticsExport(profile, trends, tables)


# Files --------------------------------------------------------------------------------------


def _text(value: str) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula is quoted with '."""
    return "'" + value if value.startswith(_FORMULA) else value


def _count(value: int) -> int | str:
    """A summary count, suppressed like every other (a count of left-out survivors too)."""
    return SUPPRESSED if value < THRESHOLD else value


def about_rows(export: StatisticsExport) -> list[tuple[str, str, int | str]]:
    """(key, words, value) lines that say what the file holds."""
    trends = export.trends
    query = trends.filter
    profile = (
        _("anonymised research (only cases whose consent covers it)")
        if export.profile is Profile.RESEARCH
        else _("all cases")
    )
    rows: list[tuple[str, str, int | str]] = [
        ("profile", _("Profile"), profile),
        ("from", _("Cases opened from"), query.date_from.isoformat() if query.date_from else ""),
        ("to", _("Cases opened to"), query.date_to.isoformat() if query.date_to else ""),
        ("jurisdiction", _("Jurisdiction"), query.jurisdiction or _("all")),
        ("cases_counted", _("Cases counted"), _count(trends.cases_counted)),
        ("survivors_counted", _("Survivors counted"), _count(trends.survivors_counted)),
    ]
    if export.profile is Profile.RESEARCH:
        rows += [
            (
                "cases_left_out",
                _("Cases left out for want of consent to anonymised research"),
                _count(trends.cases_left_out),
            ),
            (
                "survivors_left_out",
                _("Survivors in the cases left out"),
                _count(trends.survivors_left_out),
            ),
        ]
    if not trends.referrals_counted:
        rows.append(("referrals", _("Referrals"), _("not recorded in this vault")))
    rows.append(
        (
            "suppression",
            _("Small counts"),
            _(
                "Every count under 5 is shown as <5; where a total would give a hidden count"
                " back, another count of its row or column is hidden too."
            ),
        )
    )
    return rows


def csv_bytes(export: StatisticsExport) -> bytes:
    """One row per published entry (long format), UTF-8 with a BOM, which spreadsheets read."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["table", "by", "row_key", "row", "column_key", "column", "count"])
    for key, words, value in about_rows(export):
        writer.writerow(["about", "", key, _text(words), "", "", _text(str(value))])
    for table in export.tables:
        rows = [*table.row_keys, *(["total"] if table.column_totals else [])]
        labels = table.row_labels()
        columns = [*table.column_keys, "total"]
        column_words = table.column_labels()
        for i, row_key in enumerate(rows):
            for j, column_key in enumerate(columns):
                writer.writerow(
                    [
                        table.dimension.value,
                        table.axis.value,
                        _text(row_key),
                        _text(labels[i]),
                        _text(column_key),
                        _text(column_words[j]),
                        table.shown(i, j),
                    ]
                )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _sheet_name(n: int, title: str, taken: set[str]) -> str:
    # Excel refuses more than 31 characters and any of []:*?/\ in a sheet's name.
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title)
    name = f"{n}. {cleaned}"[:31].strip()
    taken.add(name)
    return name


def xlsx_bytes(export: StatisticsExport) -> bytes:
    """A workbook: what the file holds on the first sheet, then one sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = _text(_("About"))[:31]
    bold = Font(bold=True)
    for _key, words, value in about_rows(export):
        sheet.append([_text(words), _text(value) if isinstance(value, str) else value])
    sheet.column_dimensions["A"].width = 48
    taken: set[str] = {sheet.title}
    for n, table in enumerate(export.tables, start=1):
        ws = book.create_sheet(
            _sheet_name(n, f"{dimension_title(table.dimension)} {axis_title(table.axis)}", taken)
        )
        ws.append([_text(table.title())])
        ws["A1"].font = bold
        ws.append(["", *(_text(c) for c in table.column_labels())])
        for i, label in enumerate(table.row_labels()):
            ws.append(
                [_text(label), *(table.shown(i, j) for j in range(len(table.column_keys) + 1))]
            )
        for cell in ws[2]:
            cell.font = bold
        ws.column_dimensions["A"].width = 44
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


@dataclass(frozen=True)
class WrittenStatistics:
    path: Path
    sha256: str
    export: StatisticsExport


def write_statistics(
    vault: Vault,
    path: Path,
    fmt: Format | str,
    query: StatsFilter,
    profile: Profile | str = Profile.ALL,
    *,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> WrittenStatistics:
    """Compute, suppress and write the trends to ``path``; audited as ``export.statistics``."""
    vault.require(roles.EXPORT)
    export = prepare(vault, query, Profile(profile), progress=progress, cancel=cancel)
    return write_export(vault, path, fmt, export)


def write_export(
    vault: Vault, path: Path, fmt: Format | str, export: StatisticsExport
) -> WrittenStatistics:
    """Write trends already computed (the app's window shows them first)."""
    vault.require(roles.EXPORT)
    fmt = Format(fmt)
    data = csv_bytes(export) if fmt is Format.CSV else xlsx_bytes(export)
    path.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    trends = export.trends
    details: dict[str, Any] = {
        **trends.filter.parameters(),
        "format": fmt.value,
        "cases": trends.cases_counted,
        "survivors": trends.survivors_counted,
        "cases_left_out": trends.cases_left_out,
        "survivors_left_out": trends.survivors_left_out,
        "suppressed": export.suppressed,
        "sha256": digest,
    }
    with vault.transaction() as tx:
        tx.audit("export.statistics", "statistics", details)
    log.info(
        "statistics written (%s, profile %s, %d cases, %d entries suppressed)",
        fmt.value,
        export.profile.value,
        trends.cases_counted,
        export.suppressed,
    )
    return WrittenStatistics(path, digest, export)
