"""Exports from a real vault filled by intake's demo: records, consent, CLI."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from exports.errors import ConsentRefusedError, ProfileNotAllowedError
from exports.from_intake import ExportOptions, export_case
from exports.model import Profile, RecipientKind
from exports.review import ReviewConfirmation
from exports.verify import verify_bundle
from intake import models as im
from intake.demo import ROMANIAN_STATEMENT, UKRAINIAN_STATEMENT, build_demo
from intake.service import Intake, open_intake
from tests.exports.conftest import pdf_text
from ui import cli
from vault import KdfParams, Vault

CHEAP = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[Intake, str]]:
    vault, _ = Vault.create(
        tmp_path / "vault", "ana", PASSPHRASE, kdf=CHEAP, role="lawyer", organisation="Training NGO"
    )
    intake = open_intake(vault)
    case_id = build_demo(intake)
    reference = intake.cases.get(case_id).reference
    try:
        yield intake, reference
    finally:
        if vault.is_open:
            vault.lock()


def test_demo_exports_and_verifies(demo: tuple[Intake, str], tmp_path: Path) -> None:
    intake, reference = demo
    options = ExportOptions(
        reference,
        RecipientKind.PROSECUTOR,
        recipient_name="Prosecutor X",
        purpose="criminal proceedings",
    )
    result = export_case(intake, options, tmp_path / "bundle")
    verdict = verify_bundle(tmp_path / "bundle")
    assert verdict.ok, verdict.lines()
    text = pdf_text(tmp_path / "bundle/data/report.pdf")
    for sentence in (UKRAINIAN_STATEMENT, ROMANIAN_STATEMENT):
        assert " ".join(sentence.split()) in text
    case = intake.cases.by_reference(reference)
    items = intake.evidence.list_for_case(case.case_id)
    assert items
    assert {i.label for i in items} >= set(result.evidence_numbers)
    for item in items:
        assert item.sha256 in text
        events = intake.custody.events(item.evidence_id)
        if item.label in result.evidence_numbers:
            exported = [e for e in events if e.event_type is im.CustodyEventType.EXPORTED]
            assert len(exported) == 1
            assert exported[0].hash_observed == item.sha256
            assert result.bundle_id in exported[0].method
    completed = intake.vault.audit_entries(action_prefix="export.completed")
    assert completed[0].details["tagmanifest_sha256"] == result.tagmanifest_sha256
    assert intake.vault.audit_entries(action_prefix="person.identity_revealed")
    assert intake.vault.check().ok
    # A second export reuses the stored certificate.
    second = export_case(intake, options, tmp_path / "again.zip", as_zip=True)
    assert second.pdf_certificate_sha256 == result.pdf_certificate_sha256
    assert verify_bundle(tmp_path / "again.zip").ok


def test_demo_beyond_consent_is_refused(demo: tuple[Intake, str], tmp_path: Path) -> None:
    intake, reference = demo
    with pytest.raises(ConsentRefusedError) as info:
        export_case(
            intake,
            ExportOptions(reference, RecipientKind.POLICE, profile=Profile.COURT),
            tmp_path / "b",
        )
    assert "police" in str(info.value.detail)
    with pytest.raises((ConsentRefusedError, ProfileNotAllowedError)):
        export_case(intake, ExportOptions(reference, RecipientKind.PARTNER_NGO), tmp_path / "b")
    assert not (tmp_path / "b").exists()
    refused = intake.vault.audit_entries(action_prefix="export.refused")
    assert len(refused) == 2


def test_demo_pseudonymised_has_no_protected_identity(
    demo: tuple[Intake, str], tmp_path: Path
) -> None:
    intake, reference = demo
    options = ExportOptions(
        reference,
        RecipientKind.PROSECUTOR,
        profile=Profile.PSEUDONYMISED,
        review=ReviewConfirmation(),
    )
    export_case(intake, options, tmp_path / "p.zip", as_zip=True)
    assert verify_bundle(tmp_path / "p.zip").ok
    forbidden: list[str] = []
    case = intake.cases.by_reference(reference)
    for person in intake.people.list_for_case(case.case_id):
        identity = intake.people.reveal_identity(person.person_id, "test")
        forbidden += [
            identity.legal_name,
            identity.contact,
            identity.safe_contact_method,
            identity.guardian_name,
            *(d.number for d in identity.documents),
        ]
        if identity.birth_date:
            forbidden.append(identity.birth_date.isoformat())
    forbidden = [f for f in forbidden if f]
    assert forbidden
    with zipfile.ZipFile(tmp_path / "p.zip") as zf:
        zf.extractall(tmp_path / "x")
    for file in (tmp_path / "x").rglob("*"):
        if file.is_file():
            blobs = [file.read_bytes().decode("utf-8", "replace"), file.name]
            if file.suffix == ".pdf":
                blobs.append(pdf_text(file))
            for blob in blobs:
                for value in forbidden:
                    assert value not in blob, (file.name, value)


def test_cli_export_and_verify(
    demo: tuple[Intake, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    intake, reference = demo
    vault_path = intake.vault.path
    intake.vault.lock()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    out = io.StringIO()
    with redirect_stdout(out):
        code = cli.run(
            [
                "export",
                "--recipient-kind",
                "court",
                str(vault_path),
                "--case",
                reference,
                "--to",
                str(tmp_path / "cli.zip"),
                "--zip",
                "--recipient",
                "Court of Constanța",
                "--passphrase-stdin",
            ]
        )
    assert code == 0, out.getvalue()
    # Both fingerprints the sender tells the recipient separately are printed.
    printed = out.getvalue()
    assert "signer key fingerprint (tell the recipient separately): " in printed
    certificate = next(
        line.split()[-1] for line in printed.splitlines() if "PDF certificate SHA-256" in line
    )
    assert "(tell the recipient separately)" in printed.split(certificate)[0].splitlines()[-1]
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.run(["verify", str(tmp_path / "cli.zip")]) == 3  # sender not confirmed
    assert "VERDICT: INTACT, SENDER NOT CONFIRMED" in out.getvalue()
    with redirect_stdout(io.StringIO()):
        key = next(line.split()[-1] for line in out.getvalue().splitlines() if "Ed25519" in line)
        assert cli.run(["verify", str(tmp_path / "cli.zip"), "--expect-key", key]) == 0
        assert cli.run(["verify", str(tmp_path / "cli.zip"), "--expect-key", certificate]) == 0
        # Read out in groups, or in capitals: the same fingerprint.
        grouped = ":".join(key[i : i + 4] for i in range(0, 64, 4)).upper()
        assert cli.run(["verify", str(tmp_path / "cli.zip"), "--expect-key", grouped]) == 0
    # A shortened fingerprint is a usage error, not a verdict on the bundle.
    capsys.readouterr()
    assert cli.main(["verify", str(tmp_path / "cli.zip"), "--expect-key", key[:16]]) == 2
    shown = capsys.readouterr()
    assert "NOT INTACT" not in shown.out
    assert shown.err.count("\n") == 1
    assert "give the full 64-hex-digit SHA-256 fingerprint" in shown.err
    (tmp_path / "junk").write_bytes(b"junk")
    with redirect_stdout(io.StringIO()):
        assert cli.run(["verify", str(tmp_path / "junk")]) == 2
