"""Backups: consistent while in use, incremental, tamper-evident, crash-safe, explicit restore."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import MemoryKeyring
from vault import KdfParams, Vault, backup
from vault.blobs import ciphertext_size
from vault.errors import OperationCancelledError, RollbackError

CHEAP = KdfParams(8 * 1024, 1, 1)
PASSPHRASE = "backup test passphrase"


def make_vault(path: Path) -> Vault:
    vault, _ = Vault.create(path, "ana", PASSPHRASE, kdf=CHEAP)
    return vault


def add_blob(vault: Vault, tmp: Path, size: int) -> str:
    source = tmp / f"src-{os.urandom(4).hex()}"
    source.write_bytes(os.urandom(size))
    info = vault.ingest_file(source)
    with vault.transaction() as tx:
        tx.register_blob(info)
        tx.audit("test.blob_added", info.blob_id)
    source.unlink()
    return info.blob_id


def test_backup_while_autosaving_restores_to_a_vault_that_verifies(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "v")
    vault.read("SELECT 1")
    with vault.transaction() as tx:
        tx.execute("CREATE TABLE drafts (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        tx.audit("test.schema", "drafts")
    for _ in range(3):
        add_blob(vault, tmp_path, 200_000)
    stop = threading.Event()
    saved: list[int] = []

    def autosave() -> None:
        revision = 0
        while not stop.is_set():
            revision += 1
            with vault.transaction() as tx:
                tx.execute("INSERT INTO drafts (text) VALUES (?)", (f"revision {revision}",))
                tx.audit("statement.autosaved", "s-1", {"revision": revision})
            saved.append(revision)

    typist = threading.Thread(target=autosave)
    typist.start()
    try:
        while len(saved) < 20:
            time.sleep(0.001)
        report = backup.backup(vault, tmp_path / "dest")
    finally:
        stop.set()
        typist.join()
    assert len(saved) > 20
    vault.lock()

    checked = backup.check_backup(tmp_path / "dest")
    assert checked.ok, checked.problems
    restored = tmp_path / "restored"
    backup.restore(tmp_path / "dest", restored)
    opened = Vault.unlock(restored, "ana", PASSPHRASE, restored_from=backup.restore_note(checked))
    try:
        assert opened.check().ok
        rows = opened.read("SELECT count(*) FROM drafts")[0][0]
        assert rows >= 1
        assert report.blobs_copied == 3
        actions = [e.action for e in opened.audit_entries(limit=10)]
        assert "vault.restored" in actions
    finally:
        opened.lock()


def test_second_backup_copies_only_new_blobs(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "v")
    for _ in range(4):
        add_blob(vault, tmp_path, 300_000)
    dest = tmp_path / "dest"
    first = backup.backup(vault, dest)
    assert first.blobs_copied == 4
    new_size = 123_456
    add_blob(vault, tmp_path, new_size)
    second = backup.backup(vault, dest)
    assert (second.blobs_copied, second.blobs_reused) == (1, 4)
    generation = dest / "generations" / second.generation
    db_and_header = sum((generation / n).stat().st_size for n in ("vault.db", "vault.json"))
    # Bytes written: the database, the header and the one new blob, nothing else.
    assert second.bytes_written == db_and_header + ciphertext_size(new_size)
    vault.lock()
    assert backup.check_backup(dest).ok


def _tamper_targets(dest: Path) -> list[Path]:
    generation = dest / "generations" / backup.current_generation(dest)
    blobs = sorted(p for p in (dest / "blobs").rglob("*") if p.is_file())
    return [
        generation / "vault.json",
        generation / "vault.db",
        generation / "manifest.json",
        blobs[0],
    ]


def test_tampering_with_any_file_fails_check_and_names_it(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "v")
    add_blob(vault, tmp_path, 50_000)
    dest = tmp_path / "dest"
    backup.backup(vault, dest)
    vault.lock()
    for target in _tamper_targets(dest):
        original = target.read_bytes()
        tampered = bytearray(original)
        tampered[len(tampered) // 2] ^= 0x01
        target.write_bytes(bytes(tampered))
        try:
            result = backup.check_backup(dest)
        except backup.BackupDamagedError:
            assert target.name == "manifest.json"  # unparseable manifest: refused outright
        else:
            assert not result.ok
            named = " ".join(p.subject for p in result.problems)
            assert target.name in named, (target, result.problems)
        finally:
            target.write_bytes(original)
    assert backup.check_backup(dest).ok


def test_deleted_file_fails_check(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "v")
    blob_id = add_blob(vault, tmp_path, 10_000)
    dest = tmp_path / "dest"
    backup.backup(vault, dest)
    vault.lock()
    (dest / "blobs" / blob_id[:2] / blob_id).unlink()
    result = backup.check_backup(dest)
    assert [p.code for p in result.problems] == ["backup.missing"]
    assert blob_id in result.problems[0].subject


def test_restore_refuses_a_folder_holding_a_vault(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "v")
    backup.backup(vault, tmp_path / "dest")
    vault.lock()
    with pytest.raises(backup.RestoreTargetExistsError):
        backup.restore(tmp_path / "dest", tmp_path / "v")


def test_cancelled_backup_leaves_the_previous_one_intact(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "v")
    add_blob(vault, tmp_path, 10_000)
    dest = tmp_path / "dest"
    first = backup.backup(vault, dest)
    for _ in range(3):
        add_blob(vault, tmp_path, 10_000)
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        cancel.set()

    with pytest.raises(OperationCancelledError):
        backup.backup(vault, dest, progress=progress, cancel=cancel)
    vault.lock()
    assert backup.current_generation(dest) == first.generation
    assert backup.check_backup(dest).ok
    assert not list((dest / "generations").glob(".staging-*"))


def test_restoring_an_older_backup_is_an_explicit_rollback(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    vault = make_vault(tmp_path / "v")
    dest = tmp_path / "dest"
    old = backup.backup(vault, dest)
    add_blob(vault, tmp_path, 1000)
    backup.backup(vault, dest)
    vault.lock()  # the keyring now holds a checkpoint newer than the old generation
    restored = tmp_path / "restored"
    checked = backup.restore(dest, restored, generation=old.generation)
    with pytest.raises(RollbackError):
        Vault.unlock(restored, "ana", PASSPHRASE)
    opened = Vault.unlock(restored, "ana", PASSPHRASE, restored_from=backup.restore_note(checked))
    restored_entries = opened.audit_entries(action_prefix="vault.restored")
    assert restored_entries[0].details["backup_taken_at"] == old.taken_at
    assert opened.check().ok
    opened.lock()
    Vault.unlock(restored, "ana", PASSPHRASE).lock()  # from now on it opens normally


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from vault import Vault, backup
    vault = Vault.unlock(Path(sys.argv[1]), "ana", sys.argv[3])
    print("ready", flush=True)
    while True:
        backup.backup(vault, Path(sys.argv[2]))
        print("done", flush=True)
    """
)


def test_killing_a_backup_leaves_the_previous_one_restorable(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "v")
    for _ in range(12):
        add_blob(vault, tmp_path, 400_000)
    dest = tmp_path / "dest"
    backup.backup(vault, dest)
    vault.lock()
    rng = random.Random(1234)
    kills = 0
    for round_number in range(6):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tmp_path / "v"), str(dest), PASSPHRASE],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        kills += 1
        checked = backup.check_backup(dest)
        assert checked.ok, (round_number, checked.problems)
        restored = tmp_path / f"restored-{round_number}"
        backup.restore(dest, restored)
        opened = Vault.unlock(
            restored, "ana", PASSPHRASE, restored_from=backup.restore_note(checked)
        )
        assert opened.check().ok
        opened.lock()
        # New evidence, so that the next backup has copying to be cut in the middle of.
        source = Vault.unlock(tmp_path / "v", "ana", PASSPHRASE)
        for _ in range(2):
            add_blob(source, tmp_path, 400_000)
        source.lock()
    assert kills == 6
    manifest = json.loads(
        (dest / "generations" / backup.current_generation(dest) / "manifest.json").read_text()
    )
    assert len([n for n in manifest["files"] if n.startswith("blobs/")]) >= 12
