"""A column added to any intake table (a later migration) never breaks reading rows.

SQLite adds columns only at the end of a table, so these tests also check what would catch a
column in the middle: every select list is built from names (the records' fields), and every
record is built from a row by name, whatever order its columns come in.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from intake import Intake, cases, consent, custody, entities, erasure, evidence, interviews, people
from intake import search as search_module
from intake import statements as statements_module
from intake._base import Columns, Row
from intake.models import (
    Addendum,
    Case,
    Consent,
    CustodyEvent,
    Entity,
    EntityKind,
    Evidence,
    Interview,
    Person,
    PersonRole,
    RecipientCategory,
    SearchHit,
    Statement,
    StatementKind,
    StatementRevision,
    Tombstone,
)
from tests.intake.conftest import raw_change

NOW = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
SCHEMA = Path(__file__).parents[2] / "intake" / "schema.py"

#: Each record's select list, where it is read from, and the builder that reads it by name.
READERS: tuple[tuple[Columns, str, Callable[[Row], Any]], ...] = (
    (cases.CASE, "FROM cases", cases.case_from_row),
    (people.PERSON, people.PERSON_FROM, people.person_from_row),
    (consent.CONSENT, "FROM consent", consent.consent_from_row),
    (statements_module.STATEMENT, "FROM statements", statements_module.statement_from_row),
    (statements_module.REVISION, "FROM statement_revisions", statements_module.revision_from_row),
    (statements_module.ADDENDUM, "FROM statement_addenda", statements_module.addendum_from_row),
    (evidence.EVIDENCE, "FROM evidence", evidence.evidence_from_row),
    (custody.CUSTODY, "FROM custody_events", custody.custody_from_row),
    (interviews.INTERVIEW, "FROM interviews", interviews.interview_from_row),
    (entities.ENTITY, "FROM entities", entities.entity_from_row),
    (entities.LINK, entities.LINK_FROM, entities.link_from_row),
    (erasure.TOMBSTONE, "FROM erasures", erasure.tombstone_from_row),
)
#: Select lists generated from a record's fields (Columns.of).
GENERATED: tuple[tuple[Columns, type[Any]], ...] = (
    (cases.CASE, Case),
    (people.PERSON, Person),
    (consent.CONSENT, Consent),
    (statements_module.STATEMENT, Statement),
    (statements_module.REVISION, StatementRevision),
    (statements_module.ADDENDUM, Addendum),
    (evidence.EVIDENCE, Evidence),
    (custody.CUSTODY, CustodyEvent),
    (interviews.INTERVIEW, Interview),
    (entities.ENTITY, Entity),
    (erasure.TOMBSTONE, Tombstone),
    (search_module.HIT, SearchHit),
)


def intake_tables() -> list[str]:
    """Every table the intake schema creates (FTS5's virtual table cannot take a column)."""
    return re.findall(r"CREATE TABLE (\w+)", SCHEMA.read_text(encoding="utf-8"))


def populate(
    intake: Intake, case_id: str, tmp_path: Path, other_reference: str = "RO-2026-0043"
) -> dict[str, str]:
    """One of every kind of record, and a person erased (for a tombstone)."""
    survivor = intake.people.add(case_id, PersonRole.SURVIVOR, "Mira")
    erased = intake.people.add(case_id, PersonRole.WITNESS, "Ion")
    intake.consent.record(
        case_id,
        person_id=survivor.person_id,
        scope=[RecipientCategory.COURT],
        given_at=NOW,
        language="ro",
        method="written",
    )
    interview = intake.interviews.create(case_id, started_at=NOW, person_id=survivor.person_id)
    statement = intake.statements.create(
        case_id,
        person_id=survivor.person_id,
        interview_id=interview.interview_id,
        kind=StatementKind.SUMMARY,
        language="ro",
        text="T",
    )
    intake.statements.save_revision(statement.statement_id, "T2")
    intake.statements.finalise(statement.statement_id)
    intake.statements.add_addendum(statement.statement_id, "correction", "typo")
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"\xff\xd8fictional")
    item = intake.evidence.ingest(case_id, source)
    other = intake.cases.create(other_reference, "Other case")
    link = intake.entities.add(
        case_id, EntityKind.PHONE, "+40 721 000 111", person_id=survivor.person_id
    )
    intake.entities.add(other.case_id, EntityKind.PHONE, "0721000111")
    indicator = intake.indicators.catalogue().indicators[0].indicator_id
    intake.indicators.set(case_id, indicator, "seen")
    tombstone = intake.erasure.erase_person(erased.person_id, "asked to be forgotten")
    return {
        "person_id": survivor.person_id,
        "interview_id": interview.interview_id,
        "statement_id": statement.statement_id,
        "evidence_id": item.evidence_id,
        "link_id": link.link_id,
        "entity_id": link.entity.entity_id,
        "tombstone_id": tombstone.tombstone_id,
    }


def read_everything(intake: Intake, case_id: str, ids: dict[str, str]) -> list[Any]:
    """Every kind of record, through the services' own reads."""
    person_id, statement_id = ids["person_id"], ids["statement_id"]
    item = intake.evidence.get(ids["evidence_id"])
    return [
        intake.cases.get(case_id),
        intake.cases.by_reference("RO-2026-0042"),
        intake.cases.list_cases(),
        intake.cases.count(),
        intake.people.get(person_id),
        intake.people.list_for_case(case_id),
        intake.people.has_identity(person_id),
        intake.consent.current(case_id),
        intake.consent.history(case_id),
        intake.consent.history(case_id, person_id),
        intake.consent.decide_export(case_id, "court"),
        intake.interviews.get(ids["interview_id"]),
        intake.interviews.list_for_case(case_id),
        intake.statements.get(statement_id),
        intake.statements.list_for_case(case_id),
        intake.statements.revisions(statement_id),
        intake.statements.addenda(statement_id),
        item,
        intake.evidence.by_label(case_id, item.label),
        intake.evidence.list_for_case(case_id),
        intake.custody.events(item.evidence_id),
        intake.custody.events_for_case(case_id),
        intake.entities.link(ids["link_id"]),
        intake.entities.get(ids["entity_id"]),
        intake.entities.find(EntityKind.PHONE, "+40721000111"),
        intake.entities.for_case(case_id),
        intake.entities.links_for(ids["entity_id"]),
        intake.entities.cross_case_links(),
        intake.indicators.checklist(case_id),
        intake.search.search("Mira"),
        intake.search.search("photo", case_id=case_id, kinds=["evidence"]),
        intake.erasure.tombstone(ids["tombstone_id"]),
        intake.erasure.tombstones(case_id),
    ]


def test_columns_read_by_name() -> None:
    columns = Columns.parse("a, b ,c")
    assert columns.sql == "a, b, c"
    assert columns.qualified("t").sql == "t.a, t.b, t.c"
    assert columns.row((1, 2, 3)) == {"a": 1, "b": 2, "c": 3}
    with pytest.raises(ValueError, match="shorter"):
        columns.row((1, 2))
    with pytest.raises(ValueError, match="shorter"):
        columns.rows([(1, 2)])
    named = Columns("count(*) AS n", "x.title") + Columns("t.a AS b")
    assert named.names == ("n", "title", "b")
    assert named.sql == "count(*) AS n, x.title, t.a AS b"
    assert Columns("a").qualified("e", prefix="entity_").sql == "e.a AS entity_a"
    # Two columns of one name would leave only one in a row: refused where they are declared.
    with pytest.raises(ValueError, match="duplicate"):
        Columns("created_at", "l.created_at")


@pytest.mark.parametrize(("columns", "model"), GENERATED, ids=lambda v: getattr(v, "__name__", ""))
def test_select_lists_follow_the_records(columns: Columns, model: type[Any]) -> None:
    assert columns.names == tuple(f.name for f in dataclasses.fields(model))


def test_rows_are_read_by_name_in_any_order(intake: Intake, case_id: str, tmp_path: Path) -> None:
    populate(intake, case_id, tmp_path)
    for columns, source, build in READERS:
        reordered = Columns(*reversed(columns.specs))
        assert reordered.names != columns.names
        as_declared = [build(r) for r in columns.fetch_all(intake.vault, source)]
        reversed_order = [build(r) for r in reordered.fetch_all(intake.vault, source)]
        assert as_declared, source
        assert reversed_order == as_declared, source


def test_reading_survives_added_columns(intake: Intake, case_id: str, tmp_path: Path) -> None:
    ids = populate(intake, case_id, tmp_path)
    before = read_everything(intake, case_id, ids)
    tables = intake_tables()
    existing = {
        r["name"]
        for r in Columns("name").fetch_all(intake.vault, "FROM sqlite_master WHERE type='table'")
    }
    assert {"cases", "people", "consent", "statements", "evidence", "erasures"} <= set(tables)
    assert set(tables) <= existing
    for table in tables:
        raw_change(intake.vault, f"ALTER TABLE {table} ADD COLUMN added_later TEXT DEFAULT 'x'")
    after = read_everything(intake, case_id, ids)
    assert after == before
    assert after[10].allowed  # the consent decision
    # Writing goes by name too: every kind of record can still be added and read back.
    new_case = intake.cases.create("RO-2026-0044", "Added later")
    fresh = populate(intake, new_case.case_id, tmp_path, other_reference="RO-2026-0045")
    assert intake.people.get(fresh["person_id"]).pseudonym == "Mira"
    assert intake.statements.get(fresh["statement_id"]).text == "T2"
    assert intake.erasure.tombstone(fresh["tombstone_id"]).counts["statements"] == 0
