"""Trends over a synthetic vault of 10,000 cases equal counts made independently in Python from
what the generator wrote (issue 18); the research profile's consent rule is THE export rule."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from intake import Intake, open_intake
from intake.consent import decide_export
from intake.models import (
    ConsentSubject,
    ConsentTerms,
    EntityKind,
    PersonRole,
    ProtectedIdentity,
    RecipientCategory,
)
from intake.stats import (
    NOT_RECORDED,
    Axis,
    Dimension,
    StatisticsService,
    StatsFilter,
    Trends,
)
from tests.intake.conftest import CHEAP_KDF, PASSPHRASE
from tests.intake.stats_synthetic import SynthCase, generate_stats_vault
from vault import Vault
from vault.errors import OperationCancelledError

CASES = 10_000
RESEARCH = RecipientCategory.ANONYMISED_RESEARCH


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, list[SynthCase]]]:
    vault, _ = Vault.create(
        tmp_path_factory.mktemp("stats") / "vault", "ana", PASSPHRASE, kdf=CHEAP_KDF
    )
    try:
        yield vault, generate_stats_vault(vault, CASES)
    finally:
        vault.lock()


# Independent counting ---------------------------------------------------------------------------


def consents(case: SynthCase) -> bool:
    """The export consent rule (intake.consent.decide_export), fed from the generator's records:
    the latest version of each chain, every person as a subject with nothing of theirs leaving."""
    latest: dict[str | None, tuple[int, list[str], bool]] = {}
    for person_id, scope, withdrawn in case.consent:
        version = latest.get(person_id, (0, [], False))[0] + 1
        latest[person_id] = (version, scope, withdrawn)

    def terms(key: str | None) -> ConsentTerms | None:
        if key not in latest:
            return None
        version, scope, withdrawn = latest[key]
        return ConsentTerms(
            f"{key}-{version}",
            version,
            frozenset(RecipientCategory(s) for s in scope),
            withdrawn,
            case_wide=key is None,
        )

    subjects = [
        ConsentSubject(
            p.person_id, p.person_id, PersonRole(p.role), terms(p.person_id) or terms(None)
        )
        for p in case.people
    ]
    decision = decide_export(
        RESEARCH, subjects, case_consent=terms(None), consent_recorded=bool(case.consent)
    )
    return decision.allowed


def age_band(person_identity: dict[str, object], opened: date) -> str:
    birth = person_identity.get("birth_date")
    if not birth:
        return "0-17" if person_identity.get("is_minor") else NOT_RECORDED
    born = date.fromisoformat(str(birth))
    age = opened.year - born.year - ((opened.month, opened.day) < (born.month, born.day))
    if age < 0:
        return NOT_RECORDED
    for limit, band in ((18, "0-17"), (25, "18-24"), (35, "25-34"), (50, "35-49")):
        if age < limit:
            return band
    return "50+"


def gender(identity: dict[str, object]) -> str:
    value = str(identity.get("gender") or "").strip().lower()
    return value if value in ("female", "male", "") else "other"


def expected(
    cases: list[SynthCase],
    *,
    research: bool = False,
    start: date | None = None,
    end: date | None = None,
    where: str | None = None,
) -> dict[Dimension, dict[Axis, Counter[tuple[str, str]]]]:
    """Counts by (category, month) and (category, jurisdiction key), made in plain Python."""
    out: dict[Dimension, dict[Axis, Counter[tuple[str, str]]]] = {
        d: {a: Counter() for a in Axis} for d in Dimension
    }

    def add(dimension: Dimension, category: str, month: str, jurisdiction: str) -> None:
        out[dimension][Axis.MONTH][(category, month)] += 1
        out[dimension][Axis.JURISDICTION][(category, jurisdiction.casefold())] += 1

    for case in cases:
        if where is not None and case.jurisdiction.casefold() != where.casefold():
            continue
        if research and not consents(case):
            continue
        j = case.jurisdiction
        for made_on, status in case.referrals:
            if (start and made_on < start) or (end and made_on > end):
                continue
            add(Dimension.REFERRALS, status, made_on.strftime("%Y-%m"), j)
        opened = case.created_at.date()
        if (start and opened < start) or (end and opened > end):
            continue
        add(Dimension.CASES, "cases", case.month, j)
        for indicator in case.indicators:
            add(Dimension.INDICATORS, indicator, case.month, j)
        for channel in case.channels:
            add(Dimension.CHANNELS, channel, case.month, j)
        for person in case.people:
            if person.role != "survivor":
                continue
            identity = person.identity or {}
            nationality = str(identity.get("nationality") or "").strip().casefold()
            add(Dimension.NATIONALITY, nationality, case.month, j)
            add(Dimension.AGE_BAND, age_band(identity, opened), case.month, j)
            add(Dimension.GENDER, gender(identity), case.month, j)
    return out


def measured(trends: Trends, dimension: Dimension, axis: Axis) -> Counter[tuple[str, str]]:
    table = trends.table(dimension, axis)
    counts: Counter[tuple[str, str]] = Counter()
    for (row, column), n in table.counts.items():
        row_key = row.casefold() if dimension is Dimension.NATIONALITY else row
        column_key = column.casefold() if axis is Axis.JURISDICTION else column
        counts[(row_key, column_key)] += n
    return +counts


def assert_equal(
    trends: Trends, wanted: dict[Dimension, dict[Axis, Counter[tuple[str, str]]]]
) -> None:
    for dimension in Dimension:
        for axis in Axis:
            got = measured(trends, dimension, axis)
            assert got == +wanted[dimension][axis], (dimension, axis)


# Tests ------------------------------------------------------------------------------------------


def test_every_count_of_10000_cases_equals_an_independent_count(synthetic) -> None:
    vault, cases = synthetic
    started = time.perf_counter()
    trends = StatisticsService(vault).compute()
    seconds = time.perf_counter() - started
    print(f"statistics over {CASES:,} cases: {seconds:.2f} s")
    assert trends.cases_counted == CASES
    assert trends.referrals_counted
    assert_equal(trends, expected(cases))
    # Every dimension has something to show at this scale.
    for dimension in Dimension:
        assert trends.table(dimension, Axis.MONTH).counts, dimension
    assert trends.survivors_counted == sum(
        1 for c in cases for p in c.people if p.role == "survivor"
    )
    assert seconds < 10


def test_research_counts_only_cases_whose_consent_covers_it(synthetic) -> None:
    vault, cases = synthetic
    trends = StatisticsService(vault).compute(StatsFilter(research_only=True))
    allowed = [c for c in cases if consents(c)]
    assert 0 < len(allowed) < CASES
    assert trends.cases_counted == len(allowed)
    assert trends.cases_left_out == CASES - len(allowed)
    assert trends.survivors_left_out == sum(
        1 for c in cases if not consents(c) for p in c.people if p.role == "survivor"
    )
    assert_equal(trends, expected(cases, research=True))


def test_a_period_and_a_jurisdiction_count_only_their_cases(synthetic) -> None:
    vault, cases = synthetic
    start, end = date(2025, 3, 15), date(2025, 11, 30)
    query = StatsFilter(start, end, "ro", research_only=True)
    trends = StatisticsService(vault).compute(query)
    assert_equal(trends, expected(cases, research=True, start=start, end=end, where="ro"))
    assert trends.jurisdictions == ("RO",)  # "RO" and "ro" are one column
    assert trends.months[0] == "2025-03"
    assert StatisticsService(vault).jurisdictions() == ["Moldova", "PL", "RO", "UA"]


def test_cancel_stops_the_count(synthetic) -> None:
    import threading

    vault, _cases = synthetic
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(OperationCancelledError):
        StatisticsService(vault).compute(cancel=cancel)


def test_counts_read_what_the_services_write(intake: Intake) -> None:
    """The formats the SQL reads (identity JSON, normalised handles and addresses, indicator
    rows, referrals) as the intake services write them, not as the generator does."""
    case = intake.cases.create("RO-2026-0001", "Real services", jurisdiction="RO")
    survivor = intake.people.add(
        case.case_id,
        PersonRole.SURVIVOR,
        "Ana",
        identity=ProtectedIdentity(
            legal_name="Ana Popescu", birth_date=date(2000, 1, 1), nationality="Romanian"
        ),
    )
    intake.people.add(case.case_id, PersonRole.SUSPECT, "Recruiter")
    intake.entities.add(case.case_id, EntityKind.SOCIAL, "t.me/recrutor_ro")
    intake.entities.add(case.case_id, EntityKind.URL, "https://www.OLX.ro/d/oferte/munca")
    intake.entities.add(case.case_id, EntityKind.URL, "https://example.org/facebook.com")
    intake.indicators.set(case.case_id, "dr.job_differs")
    intake.referrals.add(case.case_id, "ANITP", date.today())
    trends = StatisticsService(intake.vault).compute()
    month = case.created_at.strftime("%Y-%m")
    channels = trends.table(Dimension.CHANNELS, Axis.MONTH)
    assert {r for (r, _m), n in channels.counts.items() if n} == {"telegram", "job_site"}
    assert trends.table(Dimension.INDICATORS, Axis.JURISDICTION).counts == {
        ("dr.job_differs", "RO"): 1
    }
    assert trends.table(Dimension.NATIONALITY, Axis.MONTH).counts == {("Romanian", month): 1}
    band = age_band({"birth_date": "2000-01-01"}, case.created_at.date())
    assert trends.table(Dimension.AGE_BAND, Axis.MONTH).row_total(band) == 1
    assert trends.table(Dimension.GENDER, Axis.MONTH).counts == {(NOT_RECORDED, month): 1}
    assert trends.table(Dimension.REFERRALS, Axis.MONTH).row_total("sent") == 1
    # Consent to research for the survivor only: the case counts once consent is recorded.
    research = StatisticsService(intake.vault).compute(StatsFilter(research_only=True))
    assert (research.cases_counted, research.cases_left_out) == (0, 1)
    intake.consent.record(
        case.case_id,
        person_id=survivor.person_id,
        scope=[RESEARCH],
        given_at=datetime.now(UTC),
        language="ro",
        method="written",
    )
    research = StatisticsService(intake.vault).compute(StatsFilter(research_only=True))
    assert (research.cases_counted, research.cases_left_out) == (1, 0)
    assert (
        open_intake(intake.vault)
        .consent.decide_export(case.case_id, RESEARCH, statement_ids=(), evidence_labels=())
        .allowed
    )
