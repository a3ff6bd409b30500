"""Anchors outside the laptop (DESIGN §6.5, issue 13): a whole vault folder put back from an
older copy is caught by the newer backup destination and by a newer bundle; a backup whose
manifest was re-signed by another key fails its check once the signer is given."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from exports.errors import ConsentRefusedError
from exports.from_intake import ExportOptions, export_case
from exports.model import RecipientKind
from intake.demo import build_demo
from intake.models import ConsentMethod, PersonRole
from intake.service import open_intake
from tests.conftest import TEST_PASSPHRASE, TEST_USER
from ui.anchors import anchors_at, checkpoints_in_text
from vault import Vault, backup
from vault.errors import AnchorRollbackError, MalformedFingerprintError
from vault.header import canonical_json


def unlock(path: Path) -> Vault:
    return Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)


def copy_folder(source: Path, target: Path) -> None:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("vault.lock"))


def put_back(copy: Path, path: Path) -> None:
    """What the thief did: replace the whole vault folder, header and all, by the old copy."""
    shutil.rmtree(path)
    copy_folder(copy, path)


def withdraw_survivor_consent(v: Vault, reference: str) -> None:
    intake = open_intake(v)
    case = intake.cases.by_reference(reference)
    survivor = next(
        p for p in intake.people.list_for_case(case.case_id) if p.role is PersonRole.SURVIVOR
    )
    intake.consent.withdraw(
        case.case_id,
        person_id=survivor.person_id,
        given_at=datetime.now(UTC),
        language="uk",
        method=ConsentMethod.WRITTEN,
    )


def custodia(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui", "--language", "en", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "CUSTODIA_LOG_DIR": os.environ.get("TMPDIR", "/tmp")},
    )


@pytest.fixture
def demo(new_vault: Vault) -> tuple[Path, str]:
    intake = open_intake(new_vault)
    reference = intake.cases.get(build_demo(intake)).reference
    new_vault.lock()
    return new_vault.path, reference


def test_whole_folder_rollback_is_refused_by_backup_and_named_against_bundle_and_backup(
    demo: tuple[Path, str], tmp_path: Path
) -> None:
    """Issue 13: a thief copied the whole folder; the survivor's consent was then withdrawn
    and an export refused; the old folder put back opened, checked OK and exported."""
    path, reference = demo
    dest, old = tmp_path / "backup", tmp_path / "old-copy"
    v = unlock(path)
    backup.backup(v, dest)  # an earlier backup: the copy is not older than this one
    v.lock()
    copy_folder(path, old)

    v = unlock(path)
    options = ExportOptions(reference, RecipientKind.PROSECUTOR, purpose="proceedings")
    export_case(v, options, tmp_path / "bundle.zip", as_zip=True)  # a bundle delivered
    withdraw_survivor_consent(v, reference)
    with pytest.raises(ConsentRefusedError):
        export_case(v, options, tmp_path / "refused")
    backup.backup(v, dest)  # the newest checkpoint now also lives at the destination
    v.lock()

    put_back(old, path)
    rolled_back = unlock(path)  # no keyring on this machine: the folder alone cannot tell
    try:
        assert rolled_back.check().ok
        with pytest.raises(AnchorRollbackError) as info:
            backup.backup(rolled_back, dest)
        assert info.value.code == "vault.rollback_at_anchor"
        assert "rollback" in str(info.value).lower()
        assert backup.check_backup(dest, vault_key=rolled_back.public_key).ok  # untouched
        report = rolled_back.check(anchors=anchors_at(dest) + anchors_at(tmp_path / "bundle.zip"))
    finally:
        rolled_back.lock()
    found = {(p.code, p.subject) for p in report.problems}
    generations = backup.list_generations(dest)
    assert ("anchor.rollback", f"{dest}/generations/{generations[-1]}") in found
    assert ("anchor.rollback", str(tmp_path / "bundle.zip")) in found
    assert all(p.code == "anchor.rollback" for p in report.problems)  # the older one agrees

    # The same through the command line: exit 1, and the word the user must see.
    checked = custodia(
        "vault",
        "check",
        str(path),
        "--against",
        str(tmp_path / "bundle.zip"),
        "--against",
        str(dest),
        "--passphrase-stdin",
        stdin=TEST_PASSPHRASE + "\n",
    )
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "anchor.rollback" in checked.stdout
    assert "rollback:" in checked.stdout
    refused = custodia(
        "vault", "backup", str(path), str(dest), "--passphrase-stdin", stdin=TEST_PASSPHRASE + "\n"
    )
    assert refused.returncode == 2
    assert "Rollback" in refused.stderr


def test_genuine_vault_passes_against_its_bundle_and_backup(
    demo: tuple[Path, str], tmp_path: Path
) -> None:
    path, reference = demo
    v = unlock(path)
    try:
        options = ExportOptions(reference, RecipientKind.PROSECUTOR, purpose="proceedings")
        export_case(v, options, tmp_path / "bundle")
        backup.backup(v, tmp_path / "dest")
        backup.backup(v, tmp_path / "dest")  # a later backup from the same vault is fine
        anchors = anchors_at(tmp_path / "bundle") + anchors_at(tmp_path / "dest")
        assert len(anchors) == 3
        assert all(checkpoint is not None for _, checkpoint in anchors)
        assert v.check(anchors=anchors).ok
        assert not v.check(anchors=anchors_at(tmp_path / "nothing-here")).ok  # anchor.missing
    finally:
        v.lock()


def test_rewritten_history_is_named_against_an_older_anchor(
    new_vault: Vault, tmp_path: Path
) -> None:
    """A key holder who rewrites an entry an anchor vouches for, re-chaining the rest."""
    with new_vault.transaction() as tx:
        tx.audit("test.note", "to be rewritten", {})
    backup.backup(new_vault, tmp_path / "dest")
    anchored = backup.destination_checkpoints(tmp_path / "dest")[0][1]
    conn = new_vault._connection()
    conn.execute("UPDATE audit_log SET hash = ? WHERE seq = ?", ("0" * 64, anchored.seq))
    problems = new_vault.check(anchors=anchors_at(tmp_path / "dest")).problems
    assert ("anchor.diverged", f"{tmp_path / 'dest'}/generations/") in {
        (p.code, p.subject[: -len(p.subject.split("/")[-1])]) for p in problems
    }
    with pytest.raises(AnchorRollbackError):
        backup.backup(new_vault, tmp_path / "dest")


def test_backup_check_confirms_the_signer(new_vault: Vault, tmp_path: Path) -> None:
    """Issue 13: a backup whose database was replaced and whose manifest was re-signed by
    another key passed ``vault backup --check``."""
    dest = tmp_path / "dest"
    backup.backup(new_vault, dest)
    fingerprint = new_vault.fingerprint
    public_key = new_vault.public_key
    genuine = backup.check_backup(dest, expect_keys=[fingerprint])
    assert genuine.ok
    assert genuine.signer_confirmed
    assert not backup.check_backup(dest).signer_confirmed  # intact, but whose?
    # The fingerprint as read out (groups, capitals) confirms too; a shortened one is refused.
    grouped = " ".join(fingerprint[i : i + 4] for i in range(0, 64, 4)).upper()
    assert backup.check_backup(dest, expect_keys=[grouped]).signer_confirmed
    with pytest.raises(MalformedFingerprintError):
        backup.check_backup(dest, expect_keys=[fingerprint[:16]])
    short = custodia("vault", "backup", "--check", str(dest), "--expect-key", fingerprint[:16])
    assert short.returncode == 2, short.stdout + short.stderr
    assert "give the full 64-hex-digit SHA-256 fingerprint" in short.stderr
    assert "NOT" not in short.stdout

    generation = dest / "generations" / backup.current_generation(dest)
    other = Ed25519PrivateKey.generate()
    (generation / "vault.db").write_bytes(os.urandom(8192))
    manifest = json.loads((generation / "manifest.json").read_text())
    manifest["files"]["vault.db"] = {
        "sha256": hashlib.sha256((generation / "vault.db").read_bytes()).hexdigest(),
        "size": 8192,
    }
    manifest["public_key"] = (
        other.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    manifest.pop("signature")
    manifest["signature"] = other.sign(canonical_json(manifest)).hex()
    (generation / "manifest.json").write_text(json.dumps(manifest))

    forged = backup.check_backup(dest)
    assert forged.ok  # self-consistent: without a key to compare, only "not confirmed"
    assert not forged.signer_confirmed
    for checked in (
        backup.check_backup(dest, expect_keys=[fingerprint]),
        backup.check_backup(dest, vault_key=public_key),
    ):
        assert [p.code for p in checked.problems] == ["backup.wrong_signer"]
    # The CLI gives the same verdicts: exit 1 with the vault's key, 3 with none.
    new_vault.lock()
    with_vault = custodia(
        "vault",
        "backup",
        "--check",
        str(dest),
        "--vault",
        str(new_vault.path),
        "--passphrase-stdin",
        stdin=TEST_PASSPHRASE + "\n",
    )
    assert with_vault.returncode == 1, with_vault.stdout + with_vault.stderr
    assert "backup.wrong_signer" in with_vault.stdout
    assert custodia("vault", "backup", "--check", str(dest)).returncode == 3


def test_checkpoints_are_found_in_hostile_case_json() -> None:
    good = {
        "vault_id": "a" * 32,
        "seq": 3,
        "hash": "b" * 64,
        "at": "x",
        "signature": "A" * 86 + "==",
    }
    text = json.dumps({"n": [{}] * 1000, "checkpoint": good, "x": '"checkpoint": {'})
    found = checkpoints_in_text(text)
    assert [c.seq for c in found] == [3]
    assert checkpoints_in_text('"checkpoint": ' + "[" * 100_000) == []
