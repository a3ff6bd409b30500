"""A vault database replaced by an older copy is refused (DESIGN §2, audit ledger)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSPHRASE, TEST_USER, MemoryKeyring
from vault import KdfParams, Vault
from vault.errors import RollbackError

DB_NAMES = ("vault.db", "vault.db-wal", "vault.db-shm")


def snapshot(vault_path: Path, into: Path, names: tuple[str, ...] = DB_NAMES) -> Path:
    into.mkdir()
    for name in names:
        if (vault_path / name).exists():
            shutil.copy2(vault_path / name, into / name)
    return into


def restore(snapshot_dir: Path, vault_path: Path, names: tuple[str, ...] = DB_NAMES) -> None:
    for name in names:
        (vault_path / name).unlink(missing_ok=True)
        if (snapshot_dir / name).exists():
            shutil.copy2(snapshot_dir / name, vault_path / name)


def add_change(v: Vault, text: str) -> None:
    with v.transaction() as tx:
        tx.execute("INSERT INTO vault_meta (key, value) VALUES (?, ?)", (f"note:{text}", text))
        tx.audit("test.note", text, {})


def unlock(path: Path) -> Vault:
    return Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)


def assert_refused(path: Path) -> None:
    with pytest.raises(RollbackError) as info:
        unlock(path).lock()
    assert info.value.code == "vault.rollback"


def test_older_database_copied_while_locked_is_refused(new_vault: Vault, tmp_path: Path) -> None:
    path = new_vault.path
    add_change(new_vault, "first")
    new_vault.lock()
    old = snapshot(path, tmp_path / "old")
    v = unlock(path)
    add_change(v, "second")
    v.lock()
    newest = snapshot(path, tmp_path / "newest")

    restore(old, path)
    assert_refused(path)
    assert_refused(path)  # refused every time, and the refusal leaves the vault free
    restore(newest, path)
    v = unlock(path)
    try:
        assert v.check().ok
    finally:
        v.lock()


def test_older_database_and_wal_copied_while_open_is_refused(
    new_vault: Vault, tmp_path: Path
) -> None:
    path = new_vault.path
    add_change(new_vault, "first")
    assert (path / "vault.db-wal").exists()  # the copy includes uncheckpointed pages
    old = snapshot(path, tmp_path / "old")
    add_change(new_vault, "second")
    new_vault.lock()
    restore(old, path)
    assert_refused(path)


def test_diverging_database_is_refused(new_vault: Vault, tmp_path: Path) -> None:
    path = new_vault.path
    new_vault.lock()
    base = snapshot(path, tmp_path / "base", (*DB_NAMES, "vault.json"))
    v = unlock(path)
    add_change(v, "branch A")
    v.lock()
    header_a = (path / "vault.json").read_bytes()

    restore(base, path, (*DB_NAMES, "vault.json"))
    v = unlock(path)
    add_change(v, "branch B")
    v.lock()
    # Branch B's ledger is as long as branch A's, but its entries differ from A's checkpoint.
    (path / "vault.json").write_bytes(header_a)
    assert_refused(path)


def test_keyring_checkpoint_catches_replaced_header_and_database(
    tmp_path: Path, cheap_kdf: KdfParams, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "vault"
    v, _ = Vault.create(path, TEST_USER, TEST_PASSPHRASE, kdf=cheap_kdf)
    add_change(v, "first")
    v.lock()
    old = snapshot(path, tmp_path / "old", (*DB_NAMES, "vault.json"))
    v = unlock(path)
    add_change(v, "second")
    v.lock()
    assert memory_keyring.entries[("custodia", f"checkpoint:{v.vault_id}")]

    # vault.json and vault.db both older: they agree with each other, the keyring does not.
    restore(old, path, (*DB_NAMES, "vault.json"))
    assert_refused(path)


def test_forged_keyring_checkpoint_is_refused(
    new_vault: Vault, memory_keyring: MemoryKeyring
) -> None:
    path, vault_id = new_vault.path, new_vault.vault_id
    new_vault.lock()
    name = ("custodia", f"checkpoint:{vault_id}")
    stored = json.loads(memory_keyring.entries[name])
    stored["hash"] = "0" * 64  # a checkpoint the vault's key never signed
    memory_keyring.entries[name] = json.dumps(stored)
    assert_refused(path)

    memory_keyring.entries[name] = "{unreadable"  # damage is ignored, not fatal
    unlock(path).lock()
