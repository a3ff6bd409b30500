"""The one consent rule of an export (intake.consent.decide_export), over real temp vaults."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exports.errors import ConsentRefusedError
from exports.from_intake import ExportOptions, consent_decision, export_case
from exports.model import Profile
from intake import Intake
from intake.consent import consent_required, decide_export
from intake.models import (
    ConsentReason,
    ConsentSubject,
    ConsentTerms,
    PersonRole,
    RecipientCategory,
    StatementKind,
)
from ui import consent_reasons

NOW = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
COURT_ONLY = [RecipientCategory.COURT, RecipientCategory.PROSECUTOR]


def _person(intake: Intake, case_id: str, role: PersonRole, name: str) -> str:
    return intake.people.add(case_id, role, name).person_id


def _consent(
    intake: Intake, case_id: str, person_id: str | None, scope: list[RecipientCategory]
) -> None:
    intake.consent.record(
        case_id, person_id=person_id, scope=scope, given_at=NOW, language="ro", method="written"
    )


def _statement(intake: Intake, case_id: str, person_id: str) -> str:
    statement = intake.statements.create(
        case_id, person_id=person_id, kind=StatementKind.SUMMARY, language="ro", text="Text."
    )
    intake.statements.finalise(statement.statement_id)
    return statement.statement_id


def test_no_consent_at_all(intake: Intake, case_id: str) -> None:
    survivor = _person(intake, case_id, PersonRole.SURVIVOR, "S")
    decision = intake.consent.decide_export(case_id, RecipientCategory.COURT)
    assert not decision.allowed
    case = decision.finding(None)
    assert case is not None
    assert case.code is ConsentReason.NOT_RECORDED
    person = decision.finding(survivor)
    assert person is not None
    assert person.code is ConsentReason.NOT_RECORDED
    # Said once, for the case, not again for each person.
    assert consent_reasons.refusal_sentences(decision) == ["No consent is recorded for this case."]


def test_covered_and_wrong_recipient_kind(intake: Intake, case_id: str) -> None:
    survivor = _person(intake, case_id, PersonRole.SURVIVOR, "Mira")
    _consent(intake, case_id, survivor, COURT_ONLY)
    allowed = intake.consent.decide_export(case_id, "court")
    assert allowed.allowed
    assert allowed.codes == {ConsentReason.COVERED}
    assert allowed.consent_version == 1
    refused = intake.consent.decide_export(case_id, "police")
    assert not refused.allowed
    (finding,) = refused.refusals
    assert finding.code is ConsentReason.KIND_NOT_COVERED
    assert (finding.person_id, finding.pseudonym, finding.role) == (
        survivor,
        "Mira",
        PersonRole.SURVIVOR,
    )
    assert finding.recipient is RecipientCategory.POLICE
    assert finding.scope == frozenset(COURT_ONLY)
    assert consent_reasons.refusal_sentences(refused) == [
        "Mira (survivor): consent version 1 allows only: court, prosecutor; not police."
    ]


def test_withdrawn_consent_names_version_and_date(intake: Intake, case_id: str) -> None:
    survivor = _person(intake, case_id, PersonRole.SURVIVOR, "Mira")
    _consent(intake, case_id, survivor, COURT_ONLY)
    when = NOW + timedelta(days=3)
    intake.consent.withdraw(
        case_id, person_id=survivor, given_at=when, language="ro", method="written"
    )
    decision = intake.consent.decide_export(case_id, "court")
    (finding,) = decision.refusals
    assert finding.code is ConsentReason.WITHDRAWN
    assert finding.consent_version == 2
    assert finding.withdrawn_at == when
    assert consent_reasons.reason_sentence(finding) == (
        "Mira (survivor): consent was withdrawn on 2026-03-04 (version 2)."
    )


def test_a_witness_whose_statement_leaves_needs_consent(intake: Intake, case_id: str) -> None:
    survivor = _person(intake, case_id, PersonRole.SURVIVOR, "Mira")
    witness = _person(intake, case_id, PersonRole.WITNESS, "Neighbour")
    _consent(intake, case_id, survivor, COURT_ONLY)
    statement = _statement(intake, case_id, witness)
    decision = intake.consent.decide_export(case_id, "court")
    assert not decision.allowed
    (finding,) = decision.refusals
    assert finding.person_id == witness
    assert finding.code is ConsentReason.NOT_RECORDED
    assert finding.statement_ids == (statement,)
    assert not decision.statement_allowed(statement)
    # Without the witness's statement in the selection, nothing of theirs leaves.
    narrowed = intake.consent.decide_export(case_id, "court", statement_ids=frozenset())
    assert narrowed.allowed
    witness_finding = narrowed.finding(witness)
    assert witness_finding is not None
    assert witness_finding.code is ConsentReason.NOT_REQUIRED
    # With their own consent for a court, the statement may go.
    _consent(intake, case_id, witness, [RecipientCategory.COURT])
    assert intake.consent.decide_export(case_id, "court").allowed
    assert not intake.consent.decide_export(case_id, "prosecutor").allowed


def test_case_wide_consent_covers_people_and_is_said_once(intake: Intake, case_id: str) -> None:
    survivor = _person(intake, case_id, PersonRole.SURVIVOR, "Mira")
    _consent(intake, case_id, None, [RecipientCategory.COURT])
    decision = intake.consent.decide_export(case_id, "court")
    assert decision.allowed
    finding = decision.finding(survivor)
    assert finding is not None
    assert finding.case_wide
    refused = intake.consent.decide_export(case_id, "police")
    assert {(f.person_id, f.code) for f in refused.refusals} == {
        (None, ConsentReason.KIND_NOT_COVERED),
        (survivor, ConsentReason.KIND_NOT_COVERED),
    }
    assert consent_reasons.refusal_sentences(refused) == [
        "Case consent: consent version 1 allows only: court; not police."
    ]


def test_suspects_are_not_asked_unless_their_words_leave(intake: Intake, case_id: str) -> None:
    survivor = _person(intake, case_id, PersonRole.SURVIVOR, "Mira")
    suspect = _person(intake, case_id, PersonRole.SUSPECT, "Suspect A")
    _consent(intake, case_id, survivor, COURT_ONLY)
    decision = intake.consent.decide_export(case_id, "court")
    assert decision.allowed
    finding = decision.finding(suspect)
    assert finding is not None
    assert finding.code is ConsentReason.NOT_REQUIRED
    _statement(intake, case_id, suspect)
    refused = intake.consent.decide_export(case_id, "court")
    assert [(f.person_id, f.code) for f in refused.refusals] == [
        (suspect, ConsentReason.NOT_RECORDED)
    ]


def test_every_reason_code_is_reached_and_phrased(intake: Intake, case_id: str) -> None:
    seen: set[ConsentReason] = set()
    survivor = _person(intake, case_id, PersonRole.SURVIVOR, "Mira")
    _person(intake, case_id, PersonRole.SUSPECT, "Suspect A")
    seen |= intake.consent.decide_export(case_id, "court").codes  # not recorded, not required
    _consent(intake, case_id, survivor, COURT_ONLY)
    seen |= intake.consent.decide_export(case_id, "court").codes  # covered
    seen |= intake.consent.decide_export(case_id, "police").codes  # kind not covered
    intake.consent.withdraw(
        case_id, person_id=survivor, given_at=NOW, language="ro", method="written"
    )
    decision = intake.consent.decide_export(case_id, "court")
    seen |= decision.codes  # withdrawn
    assert seen == set(ConsentReason)
    for finding in decision.findings:
        assert consent_reasons.reason_sentence(finding)


def test_exporter_and_wizard_get_the_same_decision(
    intake: Intake, case_id: str, tmp_path: Path
) -> None:
    survivor = _person(intake, case_id, PersonRole.SURVIVOR, "Mira")
    witness = _person(intake, case_id, PersonRole.WITNESS, "Neighbour")
    _consent(intake, case_id, survivor, COURT_ONLY)
    _statement(intake, case_id, survivor)
    _statement(intake, case_id, witness)
    reference = intake.cases.get(case_id).reference
    options = ExportOptions(reference, RecipientCategory.POLICE, profile=Profile.COURT)
    with pytest.raises(ConsentRefusedError) as info:
        export_case(intake, options, tmp_path / "bundle")
    exporter = info.value.decision
    assert exporter is not None
    # What the wizard's check computes for the same case and choice (ui.exports.consent_check
    # makes exactly this call; the Qt-side test lives in tests/ui).
    wizard = intake.consent.decide_export(
        case_id, RecipientCategory.POLICE, withhold_statements=True
    )
    assert exporter == wizard == consent_decision(intake, case_id, options)
    assert [f.person_id for f in exporter.refusals] == [survivor]
    # The witness's statement alone lacks consent: it stays behind, it refuses nothing.
    assert [f.person_id for f in exporter.withheld] == [witness]
    assert not (tmp_path / "bundle").exists()
    refused = intake.vault.audit_entries(action_prefix="export.refused", limit=1)
    assert refused[0].details["reasons"] == [
        {"code": "consent.kind_not_covered", "person_id": survivor}
    ]


# The rule itself, as a pure function -------------------------------------------------------------

_kinds = st.sampled_from(list(RecipientCategory))
_terms = st.none() | st.builds(
    ConsentTerms,
    consent_id=st.just("c1"),
    version=st.integers(1, 9),
    scope=st.frozensets(_kinds),
    withdrawn=st.booleans(),
)
_subjects = st.lists(
    st.builds(
        ConsentSubject,
        person_id=st.uuids().map(str),
        pseudonym=st.text(max_size=8),
        role=st.sampled_from(list(PersonRole)),
        consent=_terms,
        statement_ids=st.lists(st.just("s"), max_size=1).map(tuple),
        evidence_labels=st.lists(st.just("E-0001"), max_size=1).map(tuple),
    ),
    max_size=5,
)


@given(kind=_kinds, subjects=_subjects, case=_terms, recorded=st.booleans())
def test_rule_properties(
    kind: RecipientCategory,
    subjects: list[ConsentSubject],
    case: ConsentTerms | None,
    recorded: bool,
) -> None:
    decision = decide_export(kind, subjects, case_consent=case, consent_recorded=recorded)
    by_person = {f.person_id: f for f in decision.findings}
    for subject in subjects:
        finding = by_person[subject.person_id]
        terms = subject.consent
        covers = terms is not None and not terms.withdrawn and kind in terms.scope
        if consent_required(subject):
            assert finding.allowed == covers
        else:
            assert finding.code is ConsentReason.NOT_REQUIRED
        # Anyone whose statement leaves, witness or not, needs covering consent.
        if subject.statement_ids:
            assert finding.allowed == covers
    # Allowed only when every finding allows, and nothing is allowed on no record at all.
    assert decision.allowed == all(f.allowed for f in decision.findings)
    if case is None and not recorded:
        assert not decision.allowed
    for sentence in consent_reasons.decision_sentences(decision):
        assert sentence.strip()


def test_cli_refusal_prints_the_wizards_sentences(
    intake: Intake,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import io

    from intake.demo import build_demo
    from tests.intake.conftest import PASSPHRASE
    from ui import cli

    case_id = build_demo(intake)
    reference = intake.cases.get(case_id).reference
    expected = consent_reasons.refusal_sentences(
        intake.consent.decide_export(case_id, RecipientCategory.POLICE, withhold_statements=True)
    )
    assert expected
    path = intake.vault.path
    intake.vault.lock()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    argv = ["export", str(path), "--case", reference, "--to", str(tmp_path / "b")]
    argv += ["--recipient-kind", "police", "--passphrase-stdin"]
    assert cli.run(argv) == cli.EXIT_USAGE
    printed = capsys.readouterr().err
    for sentence in expected:
        assert sentence in printed
    assert not (tmp_path / "b").exists()
