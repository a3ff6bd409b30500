"""Verification results carry stable codes and parameters; the English is made from them."""

from __future__ import annotations

import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from exports.verify import (
    FACT_LABELS,
    Check,
    CheckCode,
    FactCode,
    VerdictCode,
    describe,
    parse_manifest,
    verify_bundle,
)


def _codes(path: Path) -> set[CheckCode]:
    return {c.code for c in verify_bundle(path).checks}


def test_every_code_has_english_words() -> None:
    params = {"line": "3", "path": "data/x", "reason": "r", "seq": "7", "expected": "a"}
    for code in CheckCode:
        text = describe(code, params)
        assert text
        assert "{" not in text
    # A missing parameter never raises: the code itself is shown.
    assert describe(CheckCode.MANIFEST_MALFORMED, {}) == "manifest.malformed"
    assert set(FACT_LABELS) == set(FactCode)


def test_an_intact_bundle_says_so_in_codes(bundle_copy: Path) -> None:
    verdict = verify_bundle(bundle_copy)
    assert verdict.code is VerdictCode.UNCONFIRMED  # intact; no pin, no known sender
    assert verdict.exit_code == 3
    assert all(isinstance(c.code, CheckCode) for c in verdict.checks)
    codes = {c.code for c in verdict.checks}
    # The sample is signed with a self-signed certificate: a code, not a phrase to search.
    assert CheckCode.PDF_SELF_SIGNED in codes
    assert CheckCode.PDF_ORGANISATION not in codes
    assert {
        CheckCode.FILE_OK,
        CheckCode.BAGIT_OK,
        CheckCode.BAG_INFO_OK,
        CheckCode.SIGNATURE_OK,
        CheckCode.CASE_JSON_KEY_OK,
        CheckCode.CHECKPOINT_OK,
        CheckCode.PDF_CERTIFICATE_OK,
        CheckCode.BINDING_OK,
    } <= codes
    checkpoint = next(c for c in verdict.checks if c.code is CheckCode.CHECKPOINT_OK)
    assert checkpoint.params["seq"] == "17"
    assert set(verdict.fact_codes) >= {FactCode.SIGNER_KEY, FactCode.CASE, FactCode.PDF_SIGNER}
    # The command line's words are unchanged.
    lines = verdict.lines()
    assert lines[-1].startswith("VERDICT: intact, sender not confirmed")
    assert any("self-signed certificate: intact, identity not trusted" in line for line in lines)
    assert any(line.startswith("  Signer key (Ed25519) SHA-256: ") for line in lines)


def test_a_changed_file_names_expected_and_found(bundle_copy: Path) -> None:
    evidence = next((bundle_copy / "data" / "evidence").iterdir())
    data = bytearray(evidence.read_bytes())
    data[0] ^= 1
    evidence.write_bytes(bytes(data))
    verdict = verify_bundle(bundle_copy)
    assert verdict.code is VerdictCode.NOT_INTACT
    (problem,) = [c for c in verdict.problems if c.code is CheckCode.FILE_HASH_MISMATCH]
    assert problem.subject == f"data/evidence/{evidence.name}"
    assert problem.params["expected"] != problem.params["found"]
    assert problem.detail == "SHA-256 differs from the manifest: the file was changed"


def test_hostile_manifests_map_to_codes(bundle_copy: Path) -> None:
    manifest = bundle_copy / "manifest-sha256.txt"
    lines = manifest.read_text().splitlines()
    digest = lines[0].split()[0]
    lines += ["not a manifest line", f"{digest}  ../../etc/passwd", lines[0]]
    manifest.write_text("\n".join(lines) + "\n")
    (bundle_copy / "data" / "added.txt").write_text("added")
    problems = {(c.code, c.params.get("line")) for c in verify_bundle(bundle_copy).problems}
    n = len(lines)
    assert (CheckCode.MANIFEST_MALFORMED, str(n - 2)) in problems
    assert (CheckCode.MANIFEST_UNSAFE_PATH, str(n - 1)) in problems
    assert (CheckCode.MANIFEST_DUPLICATE, str(n)) in problems
    assert (CheckCode.FILE_UNEXPECTED, None) in problems
    assert (CheckCode.FILE_HASH_MISMATCH, None) in problems  # the manifest itself changed


def test_unreadable_and_unsafe_inputs(tmp_path: Path) -> None:
    junk = tmp_path / "junk"
    junk.write_bytes(b"junk")
    verdict = verify_bundle(junk)
    assert verdict.code is not VerdictCode.INTACT
    assert all(isinstance(c.code, CheckCode) for c in verdict.checks)
    missing = verify_bundle(tmp_path / "nothing-here")
    assert missing.code is VerdictCode.UNREADABLE
    assert [c.code for c in missing.checks] == [CheckCode.UNREADABLE]
    assert missing.checks[0].params["reason"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert [c.code for c in verify_bundle(empty).checks] == [CheckCode.NOT_A_BUNDLE]
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../escape.txt", b"x")
        zf.writestr("bagit.txt", b"BagIt-Version: 1.0\n")
    verdict = verify_bundle(evil)
    assert verdict.code is VerdictCode.NOT_INTACT
    assert [c.code for c in verdict.checks] == [CheckCode.UNSAFE_ARCHIVE]
    assert verdict.checks[0].detail.startswith("refused as unsafe: ")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_any_manifest_bytes_map_to_known_codes(raw: bytes) -> None:
    checks: list[Check] = []
    entries = parse_manifest(raw, "manifest-sha256.txt", checks)
    for check in checks:
        assert isinstance(check.code, CheckCode)
        assert not check.ok
        assert check.detail
    for path, digest in entries.items():
        assert not path.startswith("/")
        assert len(digest) == 64
