"""A column added to any intake table (a later migration) never breaks reading rows."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from intake import Intake
from intake._base import Columns
from intake.models import PersonRole, RecipientCategory, StatementKind
from tests.intake.conftest import raw_change

NOW = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
TABLES = ("cases", "people", "consent", "statements", "evidence", "custody_events")


def test_columns_read_by_name() -> None:
    columns = Columns.parse("a, b ,c")
    assert columns.sql == "a, b, c"
    assert columns.qualified("t").sql == "t.a, t.b, t.c"
    assert columns.row((1, 2, 3)) == {"a": 1, "b": 2, "c": 3}
    with pytest.raises(ValueError, match="shorter"):
        columns.row((1, 2))


def test_reading_survives_added_columns(intake: Intake, case_id: str, tmp_path) -> None:
    survivor = intake.people.add(case_id, PersonRole.SURVIVOR, "Mira")
    intake.consent.record(
        case_id,
        person_id=survivor.person_id,
        scope=[RecipientCategory.COURT],
        given_at=NOW,
        language="ro",
        method="written",
    )
    statement = intake.statements.create(
        case_id, person_id=survivor.person_id, kind=StatementKind.SUMMARY, language="ro", text="T"
    )
    intake.statements.finalise(statement.statement_id)
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"\xff\xd8fictional")
    item = intake.evidence.ingest(case_id, source)
    before = (
        intake.cases.get(case_id),
        intake.people.get(survivor.person_id),
        intake.consent.current(case_id),
        intake.statements.get(statement.statement_id),
        intake.evidence.get(item.evidence_id),
        intake.consent.decide_export(case_id, "court"),
    )
    existing = {
        r[0] for r in intake.vault.read("SELECT name FROM sqlite_master WHERE type='table'")
    }
    for table in TABLES:
        if table in existing:
            raw_change(intake.vault, f"ALTER TABLE {table} ADD COLUMN added_later TEXT DEFAULT 'x'")
    after = (
        intake.cases.get(case_id),
        intake.people.get(survivor.person_id),
        intake.consent.current(case_id),
        intake.statements.get(statement.statement_id),
        intake.evidence.get(item.evidence_id),
        intake.consent.decide_export(case_id, "court"),
    )
    assert after == before
    assert after[-1].allowed
