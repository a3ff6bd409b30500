from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from intake import Intake
from intake.errors import (
    CaseClosedError,
    CaseNotFoundError,
    DuplicateReferenceError,
    GuardianRequiredError,
    InvalidReferenceError,
    ReasonRequiredError,
    ValidationError,
)
from intake.models import (
    CaseStatus,
    ConsentMethod,
    ConsentReason,
    IdentityDocument,
    PersonRole,
    ProtectedIdentity,
    RecipientCategory,
    StatementKind,
)

from .conftest import raw_change

NOW = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def test_case_lifecycle(intake: Intake) -> None:
    case = intake.cases.create("RO-2026-0042", "  Recruitment via Telegram ", jurisdiction="RO")
    assert case.title == "Recruitment via Telegram"
    assert case.status is CaseStatus.OPEN
    with pytest.raises(DuplicateReferenceError):
        intake.cases.create("ro-2026-0042", "Other")
    with pytest.raises(InvalidReferenceError):
        intake.cases.create("RO 2026; DROP", "Other")
    with pytest.raises(ValidationError):
        intake.cases.create("RO-1", "   ")
    assert intake.cases.by_reference("ro-2026-0042").case_id == case.case_id
    edited = intake.cases.edit(case.case_id, title="New title", description="desc")
    assert (edited.title, edited.description) == ("New title", "desc")
    closed = intake.cases.close(case.case_id, "done")
    assert closed.status is CaseStatus.CLOSED
    assert closed.closed_at is not None
    with pytest.raises(CaseClosedError):
        intake.people.add(case.case_id, PersonRole.WITNESS, "W1")
    reopened = intake.cases.reopen(case.case_id)
    assert reopened.status is CaseStatus.OPEN
    assert reopened.closed_at is None
    with pytest.raises(ReasonRequiredError):
        intake.cases.set_legal_hold(case.case_id, True, " ")
    held = intake.cases.set_legal_hold(case.case_id, True, "court order 12/2026")
    assert held.legal_hold
    assert held.legal_hold_reason == "court order 12/2026"
    assert intake.cases.set_retention(case.case_id, date(2036, 1, 1)).retention_until == date(
        2036, 1, 1
    )
    with pytest.raises(CaseNotFoundError):
        intake.cases.get("0" * 32)


def test_case_list_counts(intake: Intake, tmp_path) -> None:
    a = intake.cases.create("RO-2026-0001", "A")
    intake.cases.create("RO-2026-0002", "B")
    intake.people.add(a.case_id, PersonRole.SURVIVOR, "S1")
    intake.people.add(a.case_id, PersonRole.WITNESS, "W1")
    intake.statements.create(a.case_id, kind=StatementKind.SUMMARY, language="ro", text="x")
    f = tmp_path / "f.txt"
    f.write_bytes(b"data")
    intake.evidence.ingest(a.case_id, f)
    rows = intake.cases.list_cases()
    assert [r.case.reference for r in rows] == ["RO-2026-0001", "RO-2026-0002"]
    assert (rows[0].people, rows[0].statements, rows[0].evidence) == (2, 1, 1)
    assert (rows[1].people, rows[1].statements, rows[1].evidence) == (0, 0, 0)
    assert len(intake.cases.list_cases(limit=1, offset=1)) == 1


def test_identity_is_revealed_only_with_reason_and_audited(intake: Intake, case_id: str) -> None:
    identity = ProtectedIdentity(
        legal_name="Oksana Testenko",
        birth_date=date(1990, 5, 1),
        nationality="UA",
        documents=(IdentityDocument("passport", "FX000000", "UA", held_by="employer"),),
        contact="+380 00 000 0000",
        safe_to_contact=True,
        safe_contact_method="Signal, mornings only",
    )
    person = intake.people.add(case_id, PersonRole.SURVIVOR, "Witness O.", identity=identity)
    assert person.pseudonym == "Witness O."
    assert person.safe_to_contact
    assert "Oksana" not in repr(person)
    with pytest.raises(ReasonRequiredError):
        intake.people.reveal_identity(person.person_id, "")
    before = len(intake.vault.audit_entries(action_prefix="person.identity_revealed"))
    assert intake.people.reveal_identity(person.person_id, "court filing") == identity
    entries = intake.vault.audit_entries(action_prefix="person.identity_revealed")
    assert len(entries) == before + 1
    assert entries[0].subject == person.person_id
    assert entries[0].details == {"reason": "court filing"}
    # The identity is searchable only by those who may edit it (here the vault's creator), and
    # a hit shows only the typed words (issue 16; viewers: tests/intake/test_search_everything).
    [hit] = intake.search.search("Testenko")
    assert hit.kind == "identity"
    assert hit.snippet == "[Testenko]"


def test_minor_needs_guardian(intake: Intake, case_id: str) -> None:
    with pytest.raises(GuardianRequiredError):
        intake.people.add(
            case_id, PersonRole.SURVIVOR, "Child A", identity=ProtectedIdentity(is_minor=True)
        )
    person = intake.people.add(
        case_id,
        PersonRole.SURVIVOR,
        "Child A",
        identity=ProtectedIdentity(is_minor=True, guardian_name="Guardian G."),
    )
    assert person.is_minor
    with pytest.raises(GuardianRequiredError):
        intake.people.set_identity(person.person_id, ProtectedIdentity(is_minor=True))


def test_consent_versions_and_police(intake: Intake, case_id: str) -> None:
    decision = intake.consent.decide_export(case_id, RecipientCategory.POLICE)
    assert not decision.allowed
    assert decision.codes == {ConsentReason.NOT_RECORDED}
    person = intake.people.add(case_id, PersonRole.SURVIVOR, "S")
    v1 = intake.consent.record(
        case_id,
        person_id=person.person_id,
        scope=[RecipientCategory.NGO_INTERNAL, RecipientCategory.PROSECUTOR],
        given_at=NOW,
        language="uk",
        interpreter="I. Interpreter",
        method=ConsentMethod.WRITTEN,
    )
    assert v1.version == 1
    refused = intake.consent.decide_export(case_id, "police")
    assert not refused.allowed
    assert refused.consent_version == 1
    assert [f.code for f in refused.refusals] == [ConsentReason.KIND_NOT_COVERED]
    assert refused.recipient is RecipientCategory.POLICE
    assert intake.consent.decide_export(case_id, "prosecutor").allowed
    with pytest.raises(ValidationError):
        intake.consent.record(
            case_id, scope=["police"], given_at=NOW, language="uk", method="verbal_witnessed"
        )
    v2 = intake.consent.record(
        case_id,
        person_id=person.person_id,
        scope=[RecipientCategory.NGO_INTERNAL, RecipientCategory.PROSECUTOR, "police"],
        given_at=NOW,
        language="uk",
        method="verbal_witnessed",
        witness="W. Itness",
    )
    assert v2.version == 2
    allowed = intake.consent.decide_export(case_id, RecipientCategory.POLICE)
    assert allowed.allowed
    assert allowed.consent_version == 2
    intake.consent.withdraw(
        case_id, person_id=person.person_id, given_at=NOW, language="uk", method="written"
    )
    withdrawn = intake.consent.decide_export(case_id, "ngo_internal")
    assert not withdrawn.allowed
    assert [f.code for f in withdrawn.refusals] == [ConsentReason.WITHDRAWN]
    history = intake.consent.history(case_id, person.person_id)
    assert [c.version for c in history] == [1, 2, 3]
    assert history[0].scope == frozenset({"ngo_internal", "prosecutor"})


def test_consent_rows_cannot_be_updated(intake: Intake, case_id: str) -> None:
    from vault.db import DatabaseError

    intake.consent.record(case_id, scope=["court"], given_at=NOW, language="ro", method="written")
    with pytest.raises(DatabaseError):
        raw_change(intake.vault, "UPDATE consent SET scope = '[\"police\"]'")
    with pytest.raises(DatabaseError):
        raw_change(intake.vault, "DELETE FROM consent")
    assert not intake.consent.decide_export(case_id, "police").allowed


def test_interviews(intake: Intake, case_id: str) -> None:
    from intake.models import PresentPerson

    person = intake.people.add(case_id, PersonRole.SURVIVOR, "S")
    interview = intake.interviews.create(
        case_id,
        person_id=person.person_id,
        started_at=NOW,
        location="NGO office, Bucharest",
        interviewer="ana",
        interpreter="I. Interpreter",
        language="uk",
        present=[PresentPerson("P. Psychologist", "psychologist")],
        recording_method="typed notes",
    )
    assert interview.present[0].role == "psychologist"
    after = intake.interviews.add_break(
        interview.interview_id, NOW.replace(hour=11), NOW.replace(hour=11, minute=15), "rest"
    )
    assert after.breaks[0].reason == "rest"
    edited = intake.interviews.edit(interview.interview_id, ended_at=NOW.replace(hour=12))
    assert edited.ended_at == NOW.replace(hour=12)
    assert [i.interview_id for i in intake.interviews.list_for_case(case_id)] == [
        interview.interview_id
    ]
