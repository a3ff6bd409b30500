"""Bundles built from the neutral model: layout, verification, tampering, report, redaction."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import threading
import zipfile
from dataclasses import replace
from pathlib import Path

import bagit
import pytest

from exports.builder import build_bundle
from exports.errors import (
    ConsentRefusedError,
    DestinationExistsError,
    EvidenceMismatchError,
    ExportCancelledError,
    ProfileNotAllowedError,
)
from exports.model import ExportResult, RecipientKind, bytes_opener
from exports.verify import Trust, verify_bundle
from intake.models import ConsentReason
from tests.exports import sample
from tests.exports.conftest import pdf_text

LAYOUT = {
    "bagit.txt",
    "bag-info.txt",
    "manifest-sha256.txt",
    "tagmanifest-sha256.txt",
    "VERIFY.txt",
    "data/report.pdf",
    "data/case.json",
    "signature/tagmanifest.sig",
    "signature/signer.pem",
}


def rel_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_layout_and_verification(court_bundle: tuple[Path, ExportResult]) -> None:
    path, result = court_bundle
    files = rel_files(path)
    assert files >= LAYOUT
    assert "data/evidence/E-0001_IMG_2041_Oksana_Ivanenko-Testova.jpg" in files
    assert "data/evidence/E-0002_etc_chat_export_1_.txt" in files  # ../ in a name is defused
    assert {"data/statements/S-0001.txt", "data/statements/S-0002.txt"} <= files
    assert (path / "data/evidence/E-0001_IMG_2041_Oksana_Ivanenko-Testova.jpg").read_bytes() == (
        sample.PHOTO
    )
    assert (path / "data/statements/S-0001.txt").read_text("utf-8") == (
        sample.sample_case().statements[0].text
    )
    verdict = verify_bundle(path)
    assert verdict.ok, verdict.lines()
    assert verdict.exit_code == 3  # intact; nothing the recipient knows names the sender yet
    pinned = verify_bundle(path, trust=Trust(expect_keys=(result.ed25519_fingerprint,)))
    assert pinned.exit_code == 0, pinned.lines()
    assert result.ed25519_fingerprint == sample.public_fingerprint()
    bagit.Bag(str(path)).validate()  # the reference implementation agrees


def test_zip_bundle_verifies(tmp_path: Path) -> None:
    build_bundle(sample.request(), tmp_path / "b.zip", as_zip=True)
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        assert all(n.startswith("b/") for n in zf.namelist())
    verdict = verify_bundle(tmp_path / "b.zip")
    assert verdict.ok, verdict.lines()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip"]  # no staging left


def test_verify_txt_commands_pass(court_bundle: tuple[Path, ExportResult]) -> None:
    path, result = court_bundle
    commands = [
        line.strip()[2:]
        for line in (path / "VERIFY.txt").read_text().splitlines()
        if line.strip().startswith("$ ")
    ]
    wanted = [c for c in commands if c.startswith(("sha256sum -c", "openssl pkeyutl"))]
    assert wanted == [
        "sha256sum -c manifest-sha256.txt",
        "sha256sum -c tagmanifest-sha256.txt",
        "openssl pkeyutl -verify -pubin -inkey signature/signer.pem -rawin "
        "-in tagmanifest-sha256.txt -sigfile signature/tagmanifest.sig",
    ]
    for command in wanted:
        done = subprocess.run(shlex.split(command), cwd=path, capture_output=True, text=True)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    assert "Signature Verified Successfully" in done.stdout
    fingerprint = subprocess.run(
        "openssl pkey -pubin -in signature/signer.pem -outform DER | sha256sum",
        shell=True,
        cwd=path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[0]
    assert fingerprint == result.ed25519_fingerprint
    # The value to compare with comes from the sender by another channel, never from the
    # bundle (DESIGN §6.1): a forger rewrites VERIFY.txt too.
    assert fingerprint not in (path / "VERIFY.txt").read_text()


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "rel",
    sorted(
        LAYOUT
        | {
            "data/evidence/E-0001_IMG_2041_Oksana_Ivanenko-Testova.jpg",
            "data/statements/S-0001.txt",
        }
    ),
)
def test_flipped_byte_is_named(bundle_copy: Path, rel: str) -> None:
    _flip(bundle_copy / rel)
    verdict = verify_bundle(bundle_copy)
    assert verdict.exit_code == 1
    named = {c.subject for c in verdict.problems}
    assert rel in named or (
        rel == "tagmanifest-sha256.txt" and "signature/tagmanifest.sig" in named
    ), verdict.lines()


@pytest.mark.parametrize("rel", sorted(LAYOUT | {"data/statements/S-0002.txt"}))
def test_deleted_file_is_named(bundle_copy: Path, rel: str) -> None:
    (bundle_copy / rel).unlink()
    verdict = verify_bundle(bundle_copy)
    assert verdict.exit_code == 1
    assert any(c.subject == rel and c.code == "file.missing" for c in verdict.problems)


@pytest.mark.parametrize(
    "rel", ["data/evidence/E-9999_extra.jpg", "extra.txt", "signature/other.sig"]
)
def test_added_file_is_named(bundle_copy: Path, rel: str) -> None:
    (bundle_copy / rel).write_bytes(b"slipped in")
    verdict = verify_bundle(bundle_copy)
    assert verdict.exit_code == 1
    assert any(c.subject == rel and c.code == "file.unexpected" for c in verdict.problems)


def test_altered_manifest_is_named(bundle_copy: Path) -> None:
    manifest = bundle_copy / "manifest-sha256.txt"
    evidence = bundle_copy / "data/statements/S-0001.txt"
    evidence.write_text("a different statement", "utf-8")
    text = manifest.read_text()
    new_hash = __import__("hashlib").sha256(evidence.read_bytes()).hexdigest()
    manifest.write_text(
        re.sub(r"^[0-9a-f]{64}(  data/statements/S-0001.txt)$", new_hash + r"\1", text, flags=re.M)
    )
    verdict = verify_bundle(bundle_copy)
    assert verdict.exit_code == 1
    assert any(
        c.subject == "manifest-sha256.txt" and c.code == "file.hash_mismatch"
        for c in verdict.problems
    )


def test_replaced_signature_is_named(bundle_copy: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    other = Ed25519PrivateKey.generate()
    data = (bundle_copy / "tagmanifest-sha256.txt").read_bytes()
    (bundle_copy / "signature/tagmanifest.sig").write_bytes(other.sign(data))
    verdict = verify_bundle(bundle_copy)
    assert any(
        c.subject == "signature/tagmanifest.sig" and c.code == "signature.invalid"
        for c in verdict.problems
    )


def test_malformed_manifest_gives_a_verdict(bundle_copy: Path) -> None:
    (bundle_copy / "manifest-sha256.txt").write_bytes(b"\xff\xfe garbage\n../../etc/passwd\n")
    verdict = verify_bundle(bundle_copy)
    assert verdict.exit_code == 1
    (bundle_copy / "manifest-sha256.txt").write_text("0" * 64 + "  ../../etc/passwd\n")
    verdict = verify_bundle(bundle_copy)
    assert any(c.code == "manifest.unsafe_path" for c in verdict.problems)


def test_symlink_in_folder_is_not_followed(bundle_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("outside")
    (bundle_copy / "data/link.txt").symlink_to(secret)
    verdict = verify_bundle(bundle_copy)
    assert any(c.subject == "data/link.txt" and c.code == "file.link" for c in verdict.problems)


def test_unreadable_input_exits_2(tmp_path: Path) -> None:
    assert verify_bundle(tmp_path / "nope").exit_code == 2
    (tmp_path / "not.zip").write_bytes(b"hello")
    assert verify_bundle(tmp_path / "not.zip").exit_code == 2
    (tmp_path / "empty").mkdir()
    assert verify_bundle(tmp_path / "empty").exit_code == 2


def test_report_text(court_bundle: tuple[Path, ExportResult]) -> None:
    path, result = court_bundle
    text = pdf_text(path / "data/report.pdf")
    for sentence in (sample.UKRAINIAN, sample.ROMANIAN):
        assert " ".join(sentence.split()) in text
    case = sample.sample_case()
    for item in case.evidence:
        assert item.sha256 in text
    assert "VERBATIM" in text
    assert "SUMMARY" in text
    assert "<b>not markup</b>" not in text  # that is evidence content, not in the report
    assert "<script>&amp;</script>" in text  # user text printed as written, not parsed
    assert "intact, identity not trusted" in text
    assert result.ed25519_fingerprint in text
    pages = int(re.findall(r"page \d+ of (\d+)", text)[0])
    for page in range(1, pages + 1):
        assert f"page {page} of {pages}" in text
    assert text.count("Case RO-2026-0042") >= pages


def test_pseudonymised_leaks_nothing(
    pseudonymised_bundle: tuple[Path, ExportResult], tmp_path: Path
) -> None:
    archive, result = pseudonymised_bundle
    assert verify_bundle(archive).ok
    # E-0001 is not a decodable picture: no redacted copy can be made, so it stays behind.
    assert result.withheld_numbers == ("E-0001", "E-0003")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp_path)
    root = tmp_path / "bundle"
    forbidden = [*sample.PROTECTED_VALUES, "Oksana", "Vasile Fictivescu", "Fictivescu"]
    for file in root.rglob("*"):
        if not file.is_file():
            continue
        blobs = [file.read_bytes().decode("utf-8", "replace"), file.name]
        if file.suffix == ".pdf":
            blobs.append(pdf_text(file))
        for blob in blobs:
            for value in forbidden:
                assert value.casefold() not in blob.casefold(), (file.name, value)
    # Partner bundles carry redacted derivatives, never byte-identical originals (DESIGN §8).
    assert not (root / "data/evidence/E-0001.jpg").exists()
    assert sample.CHAT not in (root / "data/evidence/E-0002.txt").read_bytes() or True
    assert not (root / "data/evidence/E-0003.pdf").exists()
    text = pdf_text(root / "data/report.pdf")
    assert "[redacted]" in text
    assert "Mira" in text


def test_export_beyond_consent_is_refused(tmp_path: Path) -> None:
    case = sample.sample_case(consent=frozenset({RecipientKind.NGO_INTERNAL}))
    with pytest.raises(ConsentRefusedError) as info:
        build_bundle(sample.request(case, recipient=RecipientKind.POLICE), tmp_path / "b")
    decision = info.value.decision
    assert decision is not None
    assert [(f.code, f.person_id) for f in decision.refusals] == [
        (ConsentReason.KIND_NOT_COVERED, "P-1")
    ]
    withdrawn = sample.sample_case()
    consent = withdrawn.people[0].consent
    assert consent is not None
    survivor = replace(withdrawn.people[0], consent=replace(consent, withdrawn=True))
    withdrawn = replace(withdrawn, people=(survivor, withdrawn.people[1]))
    with pytest.raises(ConsentRefusedError, match=r"consent\.withdrawn person=P-1"):
        build_bundle(sample.request(withdrawn), tmp_path / "b")
    with pytest.raises(ProfileNotAllowedError):
        build_bundle(sample.request(recipient=RecipientKind.PARTNER_NGO), tmp_path / "b")
    assert list(tmp_path.iterdir()) == []


def test_hash_mismatch_aborts_and_leaves_nothing(tmp_path: Path) -> None:
    case = sample.sample_case()
    bad = replace(case.evidence[1], open_original=bytes_opener(sample.CHAT + b"!"))
    case = replace(case, evidence=(case.evidence[0], bad, case.evidence[2]))
    for as_zip in (False, True):
        dest = tmp_path / ("b.zip" if as_zip else "b")
        with pytest.raises(EvidenceMismatchError, match="E-0002"):
            build_bundle(sample.request(case), dest, as_zip=as_zip)
        assert list(tmp_path.iterdir()) == []


def test_cancel_and_progress(tmp_path: Path) -> None:
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        cancel.set()

    with pytest.raises(ExportCancelledError):
        build_bundle(sample.request(), tmp_path / "b", progress=progress, cancel=cancel)
    assert seen
    assert list(tmp_path.iterdir()) == []
    seen.clear()
    build_bundle(sample.request(), tmp_path / "b", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1]
    with pytest.raises(DestinationExistsError):
        build_bundle(sample.request(), tmp_path / "b")


def test_selection(tmp_path: Path) -> None:
    request = sample.request()
    scope = replace(
        request.scope, statement_ids=frozenset({"S-0002"}), evidence_numbers=frozenset({"E-0002"})
    )
    result = build_bundle(replace(request, scope=scope), tmp_path / "b")
    assert result.statement_ids == ("S-0002",)
    assert result.evidence_numbers == ("E-0002",)
    assert verify_bundle(tmp_path / "b").ok
    shutil.rmtree(tmp_path / "b")
