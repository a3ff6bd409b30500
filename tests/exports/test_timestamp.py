"""Trusted time (DESIGN §6.3): a local TSA on 127.0.0.1 stamps exports and checkpoints; offline
the export still completes, says so in words, and the request waits in the vault."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from exports import timestamp, tsa_store
from exports.builder import build_bundle
from exports.from_intake import ExportOptions, export_case
from exports.model import RecipientKind
from exports.verify import CheckCode, FactCode, Verdict, verify_bundle
from intake.demo import build_demo
from intake.service import Intake, open_intake
from tests.exports import sample
from tests.exports.conftest import pdf_text
from tests.exports.tsa_local import TSA_NAME, LocalTsa, make_ca
from ui import cli
from vault import KdfParams, Vault

CHEAP = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"
TOKEN = timestamp.TOKEN_PATH


@pytest.fixture(scope="module")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalTsa]:
    server = LocalTsa(tmp_path_factory.mktemp("tsa"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def stamped(tsa: LocalTsa, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bundle built while the TSA answered."""
    dest = tmp_path_factory.mktemp("stamped") / "bundle"
    result = build_bundle(
        sample.request(), dest, trusted_time=timestamp.TimePlan(tsa.url, reachable=True)
    )
    assert result.timestamp_token == (dest / TOKEN).read_bytes()
    return dest


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[Intake, str]]:
    vault, _ = Vault.create(
        tmp_path / "vault", "ana", PASSPHRASE, kdf=CHEAP, role="lawyer", organisation="NGO"
    )
    intake = open_intake(vault)
    reference = intake.cases.get(build_demo(intake)).reference
    try:
        yield intake, reference
    finally:
        if vault.is_open:
            vault.lock()


def _openssl_ts_verify(bundle: Path, ca_pem: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    command = timestamp.OPENSSL_TS_VERIFY.replace("tsa-ca.pem", str(ca_pem)).split()
    return subprocess.run(command, cwd=bundle, capture_output=True, text=True, check=False)


def _codes(verdict: Verdict) -> dict[CheckCode, bool]:
    return {c.code: c.ok for c in verdict.checks if c.code.value.startswith("timestamp.")}


def test_openssl_accepts_the_token_and_refuses_a_changed_tag_manifest(
    stamped: Path, tsa: LocalTsa, tmp_path: Path
) -> None:
    done = _openssl_ts_verify(stamped, tsa.ca_pem)
    assert done.returncode == 0, done.stderr
    assert "Verification: OK" in done.stdout
    changed = tmp_path / "changed"
    shutil.copytree(stamped, changed)
    with open(changed / "tagmanifest-sha256.txt", "ab") as handle:
        handle.write(b"0" * 64 + b"  extra.txt\n")
    assert _openssl_ts_verify(changed, tsa.ca_pem).returncode != 0
    verdict = verify_bundle(changed)
    assert _codes(verdict) == {CheckCode.TIMESTAMP_MISMATCH: False}
    assert not verdict.ok


def test_the_report_carries_a_signature_timestamp(stamped: Path, tsa: LocalTsa) -> None:
    with open(stamped / "data/report.pdf", "rb") as handle:
        signature = PdfFileReader(handle).embedded_signatures[0]
        status = validate_pdf_signature(
            signature,
            signer_validation_context=ValidationContext(trust_roots=[], allow_fetching=False),
            ts_validation_context=ValidationContext(
                trust_roots=[asn1_x509.Certificate.load(tsa.ca_der)], allow_fetching=False
            ),
        )
    stamp = status.timestamp_validity
    assert stamp is not None
    assert stamp.intact
    assert stamp.valid
    assert stamp.trusted
    assert TSA_NAME in str(stamp.signing_cert.subject.human_friendly)
    text = pdf_text(stamped / "data/report.pdf")
    assert "Trusted time" in text
    assert "RFC 3161 timestamp" in text


def test_the_bundle_says_it_has_trusted_time(stamped: Path) -> None:
    case = json.loads((stamped / "data/case.json").read_text("utf-8"))
    assert case["trusted_time"]["status"] == "stamped"
    assert case["trusted_time"]["token"] == TOKEN
    verify_txt = (stamped / "VERIFY.txt").read_text("utf-8")
    assert f"openssl ts -verify -data tagmanifest-sha256.txt -in {TOKEN}" in verify_txt
    assert "NONE" not in verify_txt


def test_verify_shows_the_trusted_time_and_who_vouches(stamped: Path, tsa: LocalTsa) -> None:
    verdict = verify_bundle(stamped)
    assert _codes(verdict) == {CheckCode.TIMESTAMP_OK: True}
    info = timestamp.token_info((stamped / TOKEN).read_bytes())
    # Without --tsa-root nobody vouches for the TSA: its time is claimed, never called trusted.
    assert verdict.fact_codes[FactCode.TRUSTED_TIME] == "none"
    assert verdict.fact_codes[FactCode.CLAIMED_TIME].startswith(info.gen_time)
    assert TSA_NAME in verdict.fact_codes[FactCode.CLAIMED_TIME]
    line = next(c.detail for c in verdict.checks if c.code is CheckCode.TIMESTAMP_OK)
    assert "not checked against a trusted TSA list" in line
    assert TSA_NAME in line
    assert verdict.readable
    assert not verdict.problems, verdict.lines()
    # The recipient's own list of TSAs: the test CA is on it, a stranger's CA is not.
    trusted = verify_bundle(stamped, tsa_roots=[tsa.ca_der])
    assert _codes(trusted) == {CheckCode.TIMESTAMP_TRUSTED: True}
    other = make_ca("Another root")[1].public_bytes(Encoding.DER)
    assert _codes(verify_bundle(stamped, tsa_roots=[other])) == {
        CheckCode.TIMESTAMP_UNTRUSTED: False
    }


def test_verify_detects_a_token_for_other_data_and_a_broken_one(
    stamped: Path, tsa: LocalTsa, tmp_path: Path
) -> None:
    swapped = tmp_path / "swapped"
    shutil.copytree(stamped, swapped)
    other = timestamp.request_token(tsa.url, hashlib.sha256(b"another manifest").digest())
    (swapped / TOKEN).write_bytes(other)
    assert _codes(verify_bundle(swapped)) == {CheckCode.TIMESTAMP_MISMATCH: False}
    token = bytearray((stamped / TOKEN).read_bytes())
    token[-40] ^= 0x01  # inside the TSA's signature
    (swapped / TOKEN).write_bytes(bytes(token))
    assert _codes(verify_bundle(swapped)) in (
        {CheckCode.TIMESTAMP_INVALID: False},
        {CheckCode.TIMESTAMP_MALFORMED: False},
    )
    (swapped / TOKEN).write_bytes(b"\x30\x03junk")
    assert _codes(verify_bundle(swapped)) == {CheckCode.TIMESTAMP_MALFORMED: False}
    (swapped / TOKEN).unlink()  # case.json says there is one
    verdict = verify_bundle(swapped)
    assert any(c.subject == TOKEN and not c.ok for c in verdict.checks)


def test_a_bundle_without_a_tsa_says_it_has_no_trusted_time(bundle_copy: Path) -> None:
    case = json.loads((bundle_copy / "data/case.json").read_text("utf-8"))
    assert case["trusted_time"]["status"] == "not_configured"
    assert "Trusted time: NONE" in (bundle_copy / "VERIFY.txt").read_text("utf-8")
    assert "no trusted time" in pdf_text(bundle_copy / "data/report.pdf")
    assert verify_bundle(bundle_copy).fact_codes[FactCode.TRUSTED_TIME] == "none"


def test_offline_export_queues_and_the_queue_flushes_when_the_tsa_is_back(
    demo: tuple[Intake, str], tmp_path: Path
) -> None:
    intake, reference = demo
    vault = intake.vault
    tsa = LocalTsa(tmp_path)
    try:
        assert tsa_store.set_tsa_url(vault, tsa.url)
        tsa.stop()  # the TSA is away during the export
        options = ExportOptions(reference, RecipientKind.PROSECUTOR, recipient_name="P")
        result = export_case(intake, options, tmp_path / "bundle")
        bundle = tmp_path / "bundle"
        assert result.timestamp_token is None
        assert not (bundle / TOKEN).exists()
        assert "no trusted time" in pdf_text(bundle / "data/report.pdf")
        assert "Trusted time: NONE" in (bundle / "VERIFY.txt").read_text("utf-8")
        case = json.loads((bundle / "data/case.json").read_text("utf-8"))
        assert case["trusted_time"]["status"] == "queued"
        assert "No trusted time" in case["trusted_time"]["statement"]
        waiting = tsa_store.pending(vault)
        assert (tsa_store.TAGMANIFEST, result.bundle_id) in {(p.kind, p.subject) for p in waiting}
        assert sum(p.kind == tsa_store.CHECKPOINT for p in waiting) >= 2  # started, completed
        assert verify_bundle(bundle).fact_codes[FactCode.TRUSTED_TIME] == "none"

        tsa.start()  # back, on the same address
        flushed = tsa_store.flush(vault)
        assert flushed.reachable
        assert flushed.sent == len(waiting)
        assert flushed.waiting == 0
        assert tsa_store.pending(vault) == []
        token = tsa_store.token_for(vault, tsa_store.TAGMANIFEST, result.bundle_id)
        assert token is not None
        tagmanifest = (bundle / "tagmanifest-sha256.txt").read_bytes()
        assert timestamp.check_token(token, tagmanifest, [tsa.ca_der]).trusted
        received = vault.read("SELECT COUNT(*) FROM audit_log WHERE action = 'timestamp.received'")
        assert received[0][0] == len(waiting)
    finally:
        tsa.stop()


def test_online_export_stamps_the_bundle_and_its_checkpoints(
    demo: tuple[Intake, str], tmp_path: Path, tsa: LocalTsa
) -> None:
    intake, reference = demo
    vault = intake.vault
    tsa_store.set_tsa_url(vault, tsa.url)
    options = ExportOptions(reference, RecipientKind.PROSECUTOR, recipient_name="P")
    result = export_case(intake, options, tmp_path / "b.zip", as_zip=True)
    assert result.timestamp_token is not None
    verdict = verify_bundle(tmp_path / "b.zip", tsa_roots=[tsa.ca_der])
    assert _codes(verdict) == {CheckCode.TIMESTAMP_TRUSTED: True}
    checkpoints = vault.read("SELECT seq, reason FROM audit_checkpoints")
    started = next(seq for seq, reason in checkpoints if reason == "export.started")
    assert tsa_store.token_for(vault, tsa_store.CHECKPOINT, str(started)) is not None
    assert tsa_store.pending(vault) == []  # the completed checkpoint too


def test_the_cli_keeps_the_tsa_and_flushes_the_queue(
    demo: tuple[Intake, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    intake, reference = demo
    path = intake.vault.path
    intake.vault.lock()
    tsa = LocalTsa(tmp_path)
    try:
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
        out = io.StringIO()
        with redirect_stdout(out):
            code = cli.run(
                [
                    "export",
                    "--recipient-kind",
                    "court",
                    str(path),
                    "--case",
                    reference,
                    "--to",
                    str(tmp_path / "one"),
                    "--tsa",
                    tsa.url,
                    "--passphrase-stdin",
                ]
            )
        assert code == 0, out.getvalue()
        assert "signature/tagmanifest.tsr" in out.getvalue()
        out = io.StringIO()
        with redirect_stdout(out):
            code = cli.run(["verify", str(tmp_path / "one"), "--tsa-root", str(tsa.ca_pem)])
        assert "the TSA is one you trust" in out.getvalue(), out.getvalue()
        tsa.stop()
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
        with redirect_stdout(io.StringIO()):  # no --tsa: the vault remembers it
            code = cli.run(
                [
                    "export",
                    "--recipient-kind",
                    "court",
                    str(path),
                    "--case",
                    reference,
                    "--to",
                    str(tmp_path / "two"),
                    "--passphrase-stdin",
                ]
            )
        assert code == 0
        assert not (tmp_path / "two" / TOKEN).exists()
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
        out = io.StringIO()
        with redirect_stdout(out):
            assert cli.run(["vault", "timestamp", str(path), "--passphrase-stdin"]) == 1
        tsa.start()
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
        out = io.StringIO()
        with redirect_stdout(out):
            assert cli.run(["vault", "timestamp", str(path), "--passphrase-stdin"]) == 0
        assert "answered" in out.getvalue()
    finally:
        tsa.stop()
