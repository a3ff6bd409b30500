"""Trends across cases (issue 18): counts by month and by jurisdiction, computed with SQL inside
the encrypted database.

What is counted, and the unit of each count:

- ``cases``: cases opened (``cases.created_at``, month in UTC);
- ``indicators``: cases with the indicator ticked;
- ``channels``: cases in which a recruitment channel appears: a social-media handle's platform,
  a web address's host (entities, and the source address of captured or downloaded evidence),
  and the platform of a parsed chat export. A channel seen in a case is a lead, not proof that
  recruitment happened there; the exports say "seen in the case";
- ``nationality``, ``age_band``, ``gender``: survivors, read from their protected identity
  inside the vault for aggregation only (never returned one by one, never audited as a reveal,
  since nothing identifying leaves this module); age is the age when the case was opened;
- ``referral_outcomes``: referrals (intake.referrals) by status (sent, acknowledged, accepted,
  declined, closed), in the month they were made; the outcome text a person typed is never
  read.

Every person-level dimension has a "not recorded" category, so that its categories add up to
the survivors counted: the exports rely on that to publish totals (see exports.research).

With ``research_only`` only cases whose consent covers anonymised research are counted, by the
consent rule of exports (intake.consent.decide_export) applied to a case whose material does
not leave: some consent recorded for the case, the case-wide chain (if any) covering the
research kind, and every survivor's own chain (else the case-wide one) covering it and not
withdrawn. The rule is written here in SQL so that 10,000 cases take one query, and the tests
check it against decide_export case by case.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from intake.models import PersonRole, RecipientCategory
from vault import Vault
from vault.errors import OperationCancelledError

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]

#: The key of "not recorded" in every dimension (and of a case with no jurisdiction).
NOT_RECORDED = ""


class Dimension(StrEnum):
    CASES = "cases"
    INDICATORS = "indicators"
    CHANNELS = "channels"
    NATIONALITY = "nationality"
    AGE_BAND = "age_band"
    GENDER = "gender"
    REFERRALS = "referral_outcomes"


class Axis(StrEnum):
    MONTH = "month"
    JURISDICTION = "jurisdiction"


#: Dimensions whose categories split the counted units (each survivor, each referral, is in
#: exactly one row): their column totals mean something and are published.
PARTITIONS = frozenset(
    {Dimension.NATIONALITY, Dimension.AGE_BAND, Dimension.GENDER, Dimension.REFERRALS}
)
#: The unit each dimension counts.
UNITS: dict[Dimension, str] = {
    Dimension.CASES: "cases",
    Dimension.INDICATORS: "cases",
    Dimension.CHANNELS: "cases",
    Dimension.NATIONALITY: "survivors",
    Dimension.AGE_BAND: "survivors",
    Dimension.GENDER: "survivors",
    Dimension.REFERRALS: "referrals",
}

AGE_BANDS: tuple[str, ...] = ("0-17", "18-24", "25-34", "35-49", "50+")
GENDERS: tuple[str, ...] = ("female", "male", "other")
#: intake.referrals' statuses, in a referral's order of life.
REFERRAL_STATUSES: tuple[str, ...] = ("sent", "acknowledged", "accepted", "declined", "closed")
#: Recruitment channels, in the order shown.
CHANNELS: tuple[str, ...] = (
    "telegram",
    "whatsapp",
    "facebook",
    "instagram",
    "tiktok",
    "viber",
    "signal",
    "other_social",
    "job_site",
)
#: Platform keys (intake.entities, intake.chats) and web hosts, to channels. A host matches
#: itself and its subdomains (``m.facebook.com``, ``ro.indeed.com``).
CHANNEL_KEYS: dict[str, str] = {
    "telegram": "telegram",
    "whatsapp": "whatsapp",
    "facebook": "facebook",
    "instagram": "instagram",
    "tiktok": "tiktok",
    "viber": "viber",
    "signal": "signal",
    "x": "other_social",
    "vk": "other_social",
    "ok": "other_social",
    "t.me": "telegram",
    "telegram.me": "telegram",
    "telegram.org": "telegram",
    "wa.me": "whatsapp",
    "whatsapp.com": "whatsapp",
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "fb.me": "facebook",
    "messenger.com": "facebook",
    "instagram.com": "instagram",
    "tiktok.com": "tiktok",
    "viber.com": "viber",
    "signal.me": "signal",
    "x.com": "other_social",
    "twitter.com": "other_social",
    "vk.com": "other_social",
    "ok.ru": "other_social",
    # Job sites and the classified-ad sites where job offers are posted, in the countries the
    # organisation works in and beyond.
    "ejobs.ro": "job_site",
    "bestjobs.eu": "job_site",
    "hipo.ro": "job_site",
    "olx.ro": "job_site",
    "olx.ua": "job_site",
    "olx.pl": "job_site",
    "olx.bg": "job_site",
    "olx.md": "job_site",
    "publi24.ro": "job_site",
    "lucru.md": "job_site",
    "work.ua": "job_site",
    "rabota.ua": "job_site",
    "robota.ua": "job_site",
    "jobs.ua": "job_site",
    "pracuj.pl": "job_site",
    "jobs.bg": "job_site",
    "profession.hu": "job_site",
    "indeed.com": "job_site",
    "jooble.org": "job_site",
    "linkedin.com": "job_site",
    "eures.europa.eu": "job_site",
}


@dataclass(frozen=True)
class StatsFilter:
    """Which cases are counted: opened between two dates (inclusive), in one jurisdiction."""

    date_from: date | None = None
    date_to: date | None = None
    jurisdiction: str | None = None
    research_only: bool = False

    def parameters(self) -> dict[str, Any]:
        """The filter as audit details: dates, a jurisdiction's name, a flag; never a person."""
        return {
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "jurisdiction": self.jurisdiction,
            "profile": "research" if self.research_only else "all",
        }


@dataclass(frozen=True)
class CountTable:
    """Counts of one dimension by month or by jurisdiction: ``rows`` are category keys,
    ``columns`` months (``2026-03``) or jurisdictions; a missing cell is 0."""

    dimension: Dimension
    axis: Axis
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    counts: Mapping[tuple[str, str], int]

    def count(self, row: str, column: str) -> int:
        return self.counts.get((row, column), 0)

    def matrix(self) -> list[list[int]]:
        return [[self.count(r, c) for c in self.columns] for r in self.rows]

    def row_total(self, row: str) -> int:
        return sum(self.count(row, c) for c in self.columns)

    def column_total(self, column: str) -> int:
        return sum(self.count(r, column) for r in self.rows)

    @property
    def partition(self) -> bool:
        return self.dimension in PARTITIONS


@dataclass(frozen=True)
class Trends:
    filter: StatsFilter
    months: tuple[str, ...]
    jurisdictions: tuple[str, ...]
    tables: dict[tuple[Dimension, Axis], CountTable]
    cases_counted: int
    survivors_counted: int
    #: With ``research_only``: cases and survivors of the filter left out for want of consent.
    cases_left_out: int = 0
    survivors_left_out: int = 0
    #: Whether referral outcomes could be counted (intake.referrals present in this vault).
    referrals_counted: bool = False
    seconds: float = 0.0
    dimensions: tuple[Dimension, ...] = field(default=tuple(Dimension))

    def table(self, dimension: Dimension, axis: Axis) -> CountTable:
        return self.tables[(dimension, axis)]


# SQL -------------------------------------------------------------------------------------------

_RESEARCH = str(RecipientCategory.ANONYMISED_RESEARCH)
_SURVIVOR = str(PersonRole.SURVIVOR)

#: THE consent rule for aggregates, over the whole vault at once: the cases whose consent
#: covers anonymised research. ``covers``: the latest version of each chain, and whether it
#: covers the research kind without being withdrawn; ``refused``: cases with a survivor whose
#: own chain (else the case-wide one) does not.
_RESEARCH_SQL = """
WITH covers AS MATERIALIZED (
    SELECT k.case_id, k.person_key,
        (k.withdrawn = 0 AND EXISTS
            (SELECT 1 FROM json_each(k.scope) WHERE json_each.value = :research)) AS ok
    FROM consent k
    WHERE k.version = (SELECT max(d.version) FROM consent d
                       WHERE d.case_id = k.case_id AND d.person_key = k.person_key)
),
case_wide AS MATERIALIZED (SELECT case_id, ok FROM covers WHERE person_key = ''),
refused AS MATERIALIZED (
    SELECT DISTINCT p.case_id FROM people p
    LEFT JOIN covers own ON own.case_id = p.case_id AND own.person_key = p.person_id
    LEFT JOIN case_wide w ON w.case_id = p.case_id
    WHERE p.role = :survivor AND NOT coalesce(own.ok, w.ok, 0)
)
SELECT c.case_id FROM (SELECT DISTINCT case_id FROM consent) c
LEFT JOIN case_wide w ON w.case_id = c.case_id
WHERE coalesce(w.ok, 1) AND c.case_id NOT IN (SELECT case_id FROM refused)"""

#: ``eligible``: the cases of the jurisdiction (and with research consent) asked for;
#: ``scope``: those of them opened in the period. Referrals are placed in their own month.
_SCOPE_SQL = """
WITH eligible AS MATERIALIZED (
    SELECT c.case_id, substr(c.created_at, 1, 7) AS month, substr(c.created_at, 1, 10) AS day,
        trim(c.jurisdiction) AS jurisdiction, c.created_at
    FROM cases c
    WHERE (:jurisdiction IS NULL OR trim(c.jurisdiction) = :jurisdiction COLLATE NOCASE)
    AND (:research_ids IS NULL
         OR c.case_id IN (SELECT json_each.value FROM json_each(:research_ids)))
),
scope AS MATERIALIZED (
    SELECT case_id, month, day, jurisdiction FROM eligible
    WHERE (:date_from IS NULL OR created_at >= :date_from)
    AND (:date_to IS NULL OR created_at < :date_to)
)"""

#: The cases and survivors of the period and jurisdiction, whatever their consent.
_BEFORE_CONSENT_SQL = """
SELECT count(DISTINCT c.case_id), count(p.person_id)
FROM cases c LEFT JOIN people p ON p.case_id = c.case_id AND p.role = :survivor
WHERE (:jurisdiction IS NULL OR trim(c.jurisdiction) = :jurisdiction COLLATE NOCASE)
AND (:date_from IS NULL OR c.created_at >= :date_from)
AND (:date_to IS NULL OR c.created_at < :date_to)"""


#: Web hosts of URL entities and of evidence source addresses, then channel marks per case.
_CHANNEL_SQL = """,
urls (case_id, rest) AS (
    SELECT l.case_id, substr(lower(e.value), instr(e.value, '://') + 3)
    FROM entity_links l JOIN entities e ON e.entity_id = l.entity_id
    JOIN scope s ON s.case_id = l.case_id
    WHERE e.kind = 'url' AND instr(e.value, '://') > 0
    UNION ALL
    SELECT v.case_id, substr(lower(v.u), instr(v.u, '://') + 3)
    FROM (SELECT ev.case_id, json_extract(ev.acquisition, '$.source_url') AS u
          FROM evidence ev JOIN scope s ON s.case_id = ev.case_id) v
    WHERE instr(v.u, '://') > 0
),
hostports (case_id, hp) AS (
    SELECT case_id,
        CASE WHEN instr(rest, '/') > 0 THEN substr(rest, 1, instr(rest, '/') - 1) ELSE rest END
    FROM urls
),
marks (case_id, mark) AS (
    SELECT case_id,
        CASE WHEN instr(hp, ':') > 0 THEN substr(hp, 1, instr(hp, ':') - 1) ELSE hp END
    FROM hostports
    UNION
    SELECT l.case_id, substr(e.value, 1, instr(e.value, ':') - 1)
    FROM entity_links l JOIN entities e ON e.entity_id = l.entity_id
    JOIN scope s ON s.case_id = l.case_id
    WHERE e.kind = 'social' AND instr(e.value, ':') > 0
    {conversations}
),
channel_map (mark, channel) AS (VALUES {values}),
-- A host matches the map by itself or by its parent domains (m.facebook.com, ro.indeed.com);
-- only names with a dot are parents, so that no host matches a platform's bare key.
parent1 (case_id, mark) AS (
    SELECT case_id, substr(mark, instr(mark, '.') + 1) FROM marks WHERE instr(mark, '.') > 0
),
parent2 (case_id, mark) AS (
    SELECT case_id, substr(mark, instr(mark, '.') + 1) FROM parent1 WHERE instr(mark, '.') > 0
),
candidates (case_id, mark) AS (
    SELECT case_id, mark FROM marks
    UNION ALL SELECT case_id, mark FROM parent1 WHERE instr(mark, '.') > 0
    UNION ALL SELECT case_id, mark FROM parent2 WHERE instr(mark, '.') > 0
),
case_channels AS (
    SELECT DISTINCT k.case_id, m.channel FROM candidates k JOIN channel_map m ON m.mark = k.mark
)
SELECT cc.channel, s.month, s.jurisdiction, count(*)
FROM case_channels cc JOIN scope s ON s.case_id = cc.case_id
GROUP BY 1, 2, 3"""

_CONVERSATIONS_SQL = """
    UNION
    SELECT v.case_id, v.platform FROM conversations v JOIN scope s ON s.case_id = v.case_id"""

#: Age when the case was opened, from the recorded birth date; a minor without one is 0-17.
_SURVIVORS_SQL = """,
who AS (
    SELECT s.month, s.jurisdiction, s.day,
        trim(coalesce(json_extract(i.identity, '$.nationality'), '')) AS nationality,
        json_extract(i.identity, '$.birth_date') AS birth,
        coalesce(i.is_minor, 0) AS minor,
        lower(trim(coalesce(json_extract(i.identity, '$.gender'), ''))) AS gender
    FROM people p JOIN scope s ON s.case_id = p.case_id
    LEFT JOIN person_identity i ON i.person_id = p.person_id
    WHERE p.role = :survivor
),
aged AS (
    SELECT *, CASE WHEN birth IS NULL OR birth = '' THEN NULL ELSE
        CAST(substr(day, 1, 4) AS INTEGER) - CAST(substr(birth, 1, 4) AS INTEGER)
        - (substr(day, 6, 5) < substr(birth, 6, 5)) END AS age
    FROM who
)
SELECT nationality,
    CASE WHEN age IS NULL THEN CASE WHEN minor THEN '0-17' ELSE '' END
         WHEN age < 0 THEN ''
         WHEN age < 18 THEN '0-17' WHEN age < 25 THEN '18-24' WHEN age < 35 THEN '25-34'
         WHEN age < 50 THEN '35-49' ELSE '50+' END,
    CASE WHEN gender IN ('female', 'male', '') THEN gender ELSE 'other' END,
    month, jurisdiction, count(*)
FROM aged GROUP BY 1, 2, 3, 4, 5"""


def _has_table(vault: Vault, name: str) -> bool:
    found = vault.read_one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
    return found is not None


def _params(query: StatsFilter) -> dict[str, Any]:
    return {
        "date_from": query.date_from.isoformat() if query.date_from else None,
        # Inclusive: every moment of the last day is before the next day's date.
        "date_to": (query.date_to + timedelta(days=1)).isoformat() if query.date_to else None,
        "jurisdiction": query.jurisdiction.strip() if query.jurisdiction else None,
        "research": _RESEARCH,
        "survivor": _SURVIVOR,
        "research_ids": None,
    }


Cells = dict[tuple[str, str, str], int]  # (category, month, jurisdiction) -> count


def _cells(rows: Iterable[Any]) -> Cells:
    cells: Cells = defaultdict(int)
    for row in rows:
        cells[(str(row[0]), str(row[1]), str(row[2]))] += int(row[3])
    return cells


def _jurisdiction_key(value: str) -> str:
    return value.strip().casefold()


class StatisticsService:
    """Counts across the cases of one unlocked vault. Reads only; nothing is audited here (the
    exports audit what they write)."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def jurisdictions(self) -> list[str]:
        """The jurisdictions recorded on cases, as first written, for a filter's choices."""
        rows = self._vault.read(
            "SELECT min(trim(jurisdiction)) FROM cases WHERE trim(jurisdiction) <> ''"
            " GROUP BY trim(jurisdiction) COLLATE NOCASE ORDER BY 1 COLLATE NOCASE"
        )
        return [str(r[0]) for r in rows]

    def compute(
        self,
        query: StatsFilter | None = None,
        *,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
    ) -> Trends:
        query = query or StatsFilter()
        started = time.perf_counter()
        vault = self._vault
        params = _params(query)
        steps = 6
        done = 0

        def step() -> None:
            nonlocal done
            if cancel is not None and cancel.is_set():
                raise OperationCancelledError()
            done += 1
            if progress is not None:
                progress(done, steps)

        if query.research_only:
            # The consent rule once, its cases passed to every query as one JSON array.
            ids = [str(r[0]) for r in vault.read(_RESEARCH_SQL, params)]
            params["research_ids"] = json.dumps(ids)
        step()
        scope = _SCOPE_SQL
        cases = _cells(
            ("cases", *r)
            for r in vault.read(
                f"{scope} SELECT month, jurisdiction, count(*) FROM scope GROUP BY 1, 2", params
            )
        )
        indicators = _cells(
            vault.read(
                f"{scope} SELECT i.indicator_id, s.month, s.jurisdiction, count(*)"
                " FROM case_indicators i JOIN scope s ON s.case_id = i.case_id"
                " WHERE i.present = 1 GROUP BY 1, 2, 3",
                params,
            )
        )
        step()
        values = ", ".join(f"('{mark}', '{channel}')" for mark, channel in CHANNEL_KEYS.items())
        conversations = _CONVERSATIONS_SQL if _has_table(vault, "conversations") else ""
        channels = _cells(
            vault.read(
                scope + _CHANNEL_SQL.format(values=values, conversations=conversations), params
            )
        )
        step()
        nationality: Cells = defaultdict(int)
        age: Cells = defaultdict(int)
        gender: Cells = defaultdict(int)
        spellings: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for row in vault.read(scope + _SURVIVORS_SQL, params):
            nat, band, sex, month, where = (str(row[i]) for i in range(5))
            n = int(row[5])
            # One nationality however it was capitalised; shown as most often written.
            key = nat.casefold()
            spellings[key][nat] += n
            nationality[(key, month, where)] += n
            age[(band, month, where)] += n
            gender[(sex, month, where)] += n
        step()
        referrals_counted = _has_table(vault, "referrals")
        referrals: Cells = self._referrals(params) if referrals_counted else {}
        step()
        left_cases = left_survivors = 0
        if query.research_only:
            before = vault.read_one(_BEFORE_CONSENT_SQL, params)
            left_cases = int(before[0]) - sum(cases.values())
            left_survivors = int(before[1]) - sum(gender.values())
        step()
        trends = self._assemble(
            query,
            {
                Dimension.CASES: cases,
                Dimension.INDICATORS: indicators,
                Dimension.CHANNELS: channels,
                Dimension.NATIONALITY: nationality,
                Dimension.AGE_BAND: age,
                Dimension.GENDER: gender,
                Dimension.REFERRALS: referrals,
            },
            {k: max(v.items(), key=lambda kv: (kv[1], kv[0]))[0] for k, v in spellings.items()},
            left_cases,
            left_survivors,
            referrals_counted,
            time.perf_counter() - started,
        )
        log.info(
            "statistics over %d cases in %.2f s (%s)",
            trends.cases_counted,
            trends.seconds,
            "research" if query.research_only else "all",
        )
        return trends

    def _referrals(self, params: dict[str, Any]) -> Cells:
        """Referrals by status, in the month they were made, of the eligible cases. The
        outcome a person typed is free text and is never counted or shown."""
        return _cells(
            self._vault.read(
                f"{_SCOPE_SQL} SELECT r.status, substr(r.referred_on, 1, 7), e.jurisdiction,"
                " count(*) FROM referrals r JOIN eligible e ON e.case_id = r.case_id"
                " WHERE (:date_from IS NULL OR r.referred_on >= :date_from)"
                " AND (:date_to IS NULL OR r.referred_on < :date_to)"
                " GROUP BY 1, 2, 3",
                params,
            )
        )

    @staticmethod
    def _assemble(
        query: StatsFilter,
        cells: dict[Dimension, Cells],
        nationality_names: dict[str, str],
        left_cases: int,
        left_survivors: int,
        referrals_counted: bool,
        seconds: float,
    ) -> Trends:
        # Jurisdictions are free text: one column however capitalised, named by the spelling
        # that sorts first (as StatisticsService.jurisdictions offers it).
        jurisdiction_names: dict[str, str] = {}
        for table in cells.values():
            for _cat, _month, where in table:
                key = _jurisdiction_key(where)
                jurisdiction_names[key] = min(where, jurisdiction_names.get(key, where))
        months = tuple(sorted({m for t in cells.values() for _c, m, _w in t}))
        jurisdictions = tuple(
            sorted(
                jurisdiction_names.values(),
                key=lambda j: (j == NOT_RECORDED, j.casefold()),
            )
        )
        tables: dict[tuple[Dimension, Axis], CountTable] = {}
        for dimension, table in cells.items():
            if dimension is Dimension.NATIONALITY:
                table = {(nationality_names.get(c, c), m, w): n for (c, m, w), n in table.items()}
            rows = _row_order(dimension, {c for c, _m, _w in table})
            by_month: dict[tuple[str, str], int] = defaultdict(int)
            by_where: dict[tuple[str, str], int] = defaultdict(int)
            for (category, month, where), n in table.items():
                by_month[(category, month)] += n
                by_where[(category, jurisdiction_names[_jurisdiction_key(where)])] += n
            tables[(dimension, Axis.MONTH)] = CountTable(
                dimension, Axis.MONTH, rows, months, dict(by_month)
            )
            tables[(dimension, Axis.JURISDICTION)] = CountTable(
                dimension, Axis.JURISDICTION, rows, jurisdictions, dict(by_where)
            )
        counted = tables[(Dimension.CASES, Axis.MONTH)]
        survivors = tables[(Dimension.GENDER, Axis.MONTH)]
        return Trends(
            filter=query,
            months=months,
            jurisdictions=jurisdictions,
            tables=tables,
            cases_counted=sum(counted.counts.values()),
            survivors_counted=sum(survivors.counts.values()),
            cases_left_out=left_cases,
            survivors_left_out=left_survivors,
            referrals_counted=referrals_counted,
            seconds=seconds,
        )


def _row_order(dimension: Dimension, present: set[str]) -> tuple[str, ...]:
    """Known categories in their fixed order (every one, even when none was counted, so that
    tables over different periods line up), then others alphabetically, "not recorded" last."""
    fixed: tuple[str, ...] = {
        Dimension.CASES: ("cases",),
        Dimension.CHANNELS: CHANNELS,
        Dimension.AGE_BAND: (*AGE_BANDS, NOT_RECORDED),
        Dimension.GENDER: (*GENDERS, NOT_RECORDED),
        Dimension.REFERRALS: REFERRAL_STATUSES,
    }.get(dimension, ())
    if dimension is Dimension.INDICATORS:
        from intake.indicators import default_catalogue

        fixed = tuple(i.indicator_id for i in default_catalogue().indicators)
    others = sorted(present - set(fixed) - {NOT_RECORDED}, key=str.casefold)
    tail = (NOT_RECORDED,) if NOT_RECORDED in present and NOT_RECORDED not in fixed else ()
    return (*fixed, *others, *tail)
