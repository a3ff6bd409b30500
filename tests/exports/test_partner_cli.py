"""Partner exports on the command line (issue 14): no default recipient kind, the review and its
confirmation, a witness without consent left out with the reason, a court order's override."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from exports.errors import RecipientKindMissingError, ReviewOutdatedError, ReviewRequiredError
from exports.from_intake import ExportOptions, export_case, review_export
from exports.model import RecipientKind
from exports.review import ReviewConfirmation
from intake import models as im
from intake.service import Intake, open_intake
from ui import cli
from vault import KdfParams, Vault

CHEAP = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"
WHEN = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def case(tmp_path: Path) -> Iterator[tuple[Intake, str, str]]:
    """A survivor who consented to partners, and a witness who consented to nothing."""
    vault, _ = Vault.create(tmp_path / "vault", "ana", PASSPHRASE, kdf=CHEAP)
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-0100", "Training case")
    survivor = intake.people.add(
        case.case_id,
        im.PersonRole.SURVIVOR,
        "Ana-S",
        identity=im.ProtectedIdentity(legal_name="Mădălina Ionescu", contact="+40 712 345 678"),
    )
    witness = intake.people.add(case.case_id, im.PersonRole.WITNESS, "Neighbour-W")
    intake.consent.record(
        case.case_id,
        person_id=survivor.person_id,
        scope=[im.RecipientCategory.PARTNER_NGO, im.RecipientCategory.COURT],
        given_at=WHEN,
        language="ro",
        method="written",
    )
    for person, text in (
        (survivor, "Madalina a fost dusă la ferma lui Vasile; suna-o la 0712 345 678."),
        (witness, "Am văzut microbuzul alb în fiecare dimineață."),
    ):
        statement = intake.statements.create(
            case.case_id,
            kind=im.StatementKind.SUMMARY,
            language="ro",
            person_id=person.person_id,
            text=text,
        )
        intake.statements.finalise(statement.statement_id)
    witness_statement = intake.statements.list_for_case(case.case_id)[-1].statement_id
    try:
        yield intake, case.reference, witness_statement
    finally:
        if vault.is_open:
            vault.lock()


def _cli(
    intake: Intake, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    path = intake.vault.path
    if intake.vault.is_open:
        intake.vault.lock()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    code = cli.run(["export", str(path), *args, "--passphrase-stdin"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_no_recipient_kind_is_refused_with_a_clear_message(
    case: tuple[Intake, str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    intake, reference, _ = case
    with pytest.raises(RecipientKindMissingError):
        export_case(intake, ExportOptions(reference, None), tmp_path / "core")
    code, _out, err = _cli(
        intake,
        monkeypatch,
        capsys,
        "--case",
        reference,
        "--to",
        str(tmp_path / "b"),
        "--recipient",
        "Partner NGO Moldova",
    )
    assert code == cli.EXIT_USAGE
    assert "say who receives the bundle: --recipient-kind" in err
    assert "There is no default." in err
    assert not (tmp_path / "b").exists()
    assert not (tmp_path / "core").exists()


def test_unconfirmed_review_refuses_and_review_then_confirm_exports(
    case: tuple[Intake, str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    intake, reference, witness_statement = case
    options = ExportOptions(reference, RecipientKind.PARTNER_NGO)
    with pytest.raises(ReviewRequiredError):
        export_case(intake, options, tmp_path / "core")
    review = review_export(intake, options)
    stale = ReviewConfirmation("0" * 12, "app")
    with pytest.raises(ReviewOutdatedError):
        export_case(
            intake,
            ExportOptions(reference, RecipientKind.PARTNER_NGO, review=stale),
            tmp_path / "core",
        )
    assert not (tmp_path / "core").exists()
    base = ["--case", reference, "--to", str(tmp_path / "b"), "--recipient-kind", "partner_ngo"]
    code, _out, err = _cli(intake, monkeypatch, capsys, *base)
    assert code == cli.EXIT_USAGE
    assert "reviewed its redacted texts" in err
    assert "--review" in err
    assert not (tmp_path / "b").exists()
    code, out, _err = _cli(intake, monkeypatch, capsys, *base, "--review")
    assert code == 0
    assert "[redacted] a fost dusă la ferma lui ⟦Vasile⟧" in out
    assert "Madalina" not in out
    assert "0712" not in out
    assert f"--reviewed {review.short_digest}" in out
    assert not (tmp_path / "b").exists()
    code, out, _err = _cli(intake, monkeypatch, capsys, *base, "--reviewed", review.short_digest)
    assert code == 0, out
    # The witness consented to nothing: their statement stays behind, and the output says why.
    assert f"Left out: {witness_statement} of Neighbour-W (witness): no consent is recorded." in out
    document = json.loads((tmp_path / "b/data/case.json").read_text("utf-8"))
    assert [s["statement_id"] for s in document["statements"]] != []
    assert witness_statement not in {s["statement_id"] for s in document["statements"]}
    assert document["withheld_statements"] == [
        {
            "statement_id": witness_statement,
            "person_id": document["withheld_statements"][0]["person_id"],
            "reason": "consent.not_recorded",
        }
    ]
    assert not (tmp_path / f"b/data/statements/{witness_statement}.txt").exists()
    vault = Vault.unlock(intake.vault.path, "ana", PASSPHRASE)
    try:
        (entry,) = vault.audit_entries(action_prefix="export.reviewed")
        assert entry.details["review"].startswith(review.short_digest)
        assert entry.details["via"] == "cli"
        refused = vault.audit_entries(action_prefix="export.refused")
        assert {e.details["code"] for e in refused} >= {"export.review_required"}
    finally:
        vault.lock()


def test_court_order_overrides_missing_consent_and_is_audited(
    case: tuple[Intake, str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    intake, reference, witness_statement = case
    code, out, _err = _cli(
        intake,
        monkeypatch,
        capsys,
        "--case",
        reference,
        "--to",
        str(tmp_path / "b"),
        "--recipient-kind",
        "court",
        "--court-order",
        "Tribunalul Constanța 123/2026",
    )
    assert code == 0, out
    assert "Court order Tribunalul Constanța 123/2026 overrides: Neighbour-W (witness)" in out
    assert (tmp_path / f"b/data/statements/{witness_statement}.txt").exists()
    document = json.loads((tmp_path / "b/data/case.json").read_text("utf-8"))
    assert document["court_order"] == "Tribunalul Constanța 123/2026"
    vault = Vault.unlock(intake.vault.path, "ana", PASSPHRASE)
    try:
        (entry,) = vault.audit_entries(action_prefix="export.court_order")
        assert entry.details["court_order"] == "Tribunalul Constanța 123/2026"
        assert re.fullmatch(r"[0-9a-f]+", entry.details["overrides"][0]["person_id"])
    finally:
        vault.lock()
