from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake import Intake
from intake.entities import normalise
from intake.errors import IndicatorNotFoundError, InvalidEntityError
from intake.indicators import load_catalogue
from intake.models import EntityKind, SearchKind
from intake.search import build_match
from resources.i18n import available_languages


def test_phone_numbers_link_two_cases(intake: Intake) -> None:
    a = intake.cases.create("RO-2026-0001", "A")
    b = intake.cases.create("RO-2026-0002", "B")
    first = intake.entities.add(a.case_id, EntityKind.PHONE, "+40 721 000 111")
    second = intake.entities.add(b.case_id, "phone", "0721000111")
    assert first.entity.entity_id == second.entity.entity_id
    assert first.entity.value == "+40721000111"
    links = intake.entities.links_for(first.entity.entity_id)
    assert {link.case_reference for link in links} == {"RO-2026-0001", "RO-2026-0002"}
    cross = intake.entities.cross_case_links()
    assert len(cross) == 1
    assert cross[0].case_references == ("RO-2026-0001", "RO-2026-0002")
    assert intake.entities.cross_case_links(a.case_id) == cross
    # Adding the same link again changes nothing.
    assert intake.entities.add(a.case_id, "phone", "+40721000111").link_id == first.link_id
    intake.entities.unlink(second.link_id, "mistake")
    assert intake.entities.cross_case_links() == []


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("phone", "+380 67 123 4567", "+380671234567"),
        ("phone", "0040 721 000 111", "+40721000111"),
        ("email", "Recruiter.Job@Example.COM", "recruiter.job@example.com"),
        (
            "url",
            "HTTP://Example.com:80/jobs?utm_source=x&id=3#top",
            "https://example.com/jobs?id=3",
        ),
        ("url", "example.com", "https://example.com/"),
        ("social", "https://t.me/JobsAbroad", "telegram:jobsabroad"),
        ("social", "@JobsAbroad", "unspecified:jobsabroad"),
        ("name", "  Ionuț   POPA ", "ionut popa"),
        ("vehicle", "b-123 abc", "B123ABC"),
        ("bank_account", "RO49 AAAA 1B31 0075 9384 0000", "RO49AAAA1B31007593840000"),
    ],
)
def test_normalisers(kind: str, raw: str, expected: str) -> None:
    assert normalise(kind, raw)[0] == expected


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("phone", "hello"),
        ("phone", "12"),
        ("email", "not-an-email"),
        ("url", "ftp//"),
        ("name", " "),
    ],
)
def test_normaliser_rejects(kind: str, raw: str) -> None:
    with pytest.raises(InvalidEntityError):
        normalise(kind, raw)


def test_search_folds_diacritics_and_cyrillic(intake: Intake, case_id: str) -> None:
    intake.statements.create(
        case_id, kind="verbatim", language="ro", text="Am lucrat la o fermă lângă Constanța."
    )
    intake.statements.create(
        case_id, kind="verbatim", language="uk", text="Я виїхала з Київ у березні."
    )
    hits = intake.search.search("Constanta")
    assert [h.kind for h in hits] == [SearchKind.STATEMENT]
    assert "Constanța" in hits[0].snippet
    assert intake.search.search("constanța")[0].ref_id == hits[0].ref_id
    assert len(intake.search.search("київ")) == 1
    assert intake.search.search("ферма") == []
    assert intake.search.search("lang*")[0].ref_id == hits[0].ref_id  # prefix, folded


def test_search_current_revision_only_and_ranked(intake: Intake, case_id: str) -> None:
    s = intake.statements.create(case_id, kind="summary", language="en", text="old word zebra")
    intake.statements.save_revision(s.statement_id, "new word giraffe")
    assert intake.search.search("zebra") == []
    assert len(intake.search.search("giraffe")) == 1
    for n in range(6):  # unrelated documents give the term a meaningful rarity
        intake.statements.create(case_id, kind="summary", language="en", text=f"filler {n}")
    dense = intake.statements.create(
        case_id, kind="summary", language="en", text="giraffe giraffe giraffe giraffe"
    )
    intake.cases.edit(case_id, description="one giraffe mentioned")
    hits = intake.search.search("giraffe")
    assert hits[0].ref_id == dense.statement_id
    assert [h.score for h in hits] == sorted(h.score for h in hits)
    assert len(intake.search.search("giraffe", kinds=["statement"])) == 2


def test_search_of_a_very_common_word_ranks_a_bounded_window(intake: Intake, case_id: str) -> None:
    made = [
        intake.statements.create(case_id, kind="summary", language="en", text=f"okapi {n}")
        for n in range(5)
    ]
    everything = intake.search.search("okapi")
    assert len(everything) == 5
    assert not everything.limited
    bounded = intake.search.search("okapi", limit=3, window=3)
    assert bounded.limited  # the UI says "refine your search"
    assert bounded.window == 3
    # The newest three matches are the ones ranked.
    assert {h.ref_id for h in bounded} == {m.statement_id for m in made[2:]}
    assert not intake.search.search("okapi", kinds=["statement"], window=5).limited
    assert intake.search.search("okapi 4", case_id=case_id, limit=1, window=1)[0].ref_id == (
        made[4].statement_id
    )


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "AND",
        "OR NOT",
        "NEAR(a b",
        "a:b",
        "^x",
        "*",
        "(",
        "'; DROP TABLE cases; --",
        "a -b",
        "",
    ],
)
def test_hostile_queries_never_fail(intake: Intake, case_id: str, query: str) -> None:
    intake.search.search(query)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_build_match_always_valid(query: str) -> None:
    import sqlite3

    match = build_match(query)
    if match is None:
        return
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("SELECT * FROM t WHERE t MATCH ?", (match,)).fetchall()


def test_catalogue_is_complete() -> None:
    catalogue = load_catalogue()
    families = {f.family_id for f in catalogue.families}
    assert families == {
        "deceptive_recruitment",
        "retained_documents",
        "debt_bondage",
        "restricted_movement",
        "threats_violence",
        "exploitative_conditions",
    }
    for indicator in catalogue.indicators:
        # Every label is translated in every shipped language, through the one catalogue.
        for language in available_languages():
            if language != "en":
                assert indicator.label(language) != indicator.label("en")
    assert all(any(i.family_id == f for i in catalogue.indicators) for f in families)


def test_checklist(intake: Intake, case_id: str) -> None:
    state = intake.indicators.set(case_id, "rd.passport_held", "employer keeps passport")
    assert state.present
    assert state.note == "employer keeps passport"
    state = intake.indicators.unset(case_id, "rd.passport_held", "returned on 3 March")
    assert not state.present
    checklist = intake.indicators.checklist(case_id)
    assert len(checklist) == len(intake.indicators.catalogue().indicators)
    assert checklist[0].indicator.label("uk") == "Робота виявилася іншою, ніж обіцяли"
    with pytest.raises(IndicatorNotFoundError):
        intake.indicators.set(case_id, "nope")
    entries = intake.vault.audit_entries(action_prefix="indicator.")
    assert sorted(e.action for e in entries) == ["indicator.set", "indicator.unset"]
