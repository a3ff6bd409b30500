"""The audit ledger: hash chain, named first bad entry, audited transactions, checkpoints."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import TEST_PASSPHRASE, TEST_USER
from tests.vault.helpers import load_header_document
from vault import Vault, VaultError
from vault.audit import GENESIS_HASH, entry_hash
from vault.db import Connection
from vault.errors import AuditChainError
from vault.header import Checkpoint
from vault.kdf import unb64

COLUMNS = ("at", "actor", "action", "subject", "details", "prev_hash", "hash")


@pytest.fixture
def ledger(new_vault: Vault) -> Vault:
    """A vault with a dozen entries; the newest is covered by a checkpoint."""
    for index in range(8):
        with new_vault.transaction() as tx:
            tx.execute(
                "INSERT INTO vault_meta (key, value) VALUES (?, ?)", (f"k{index}", str(index))
            )
            tx.audit("test.entry", f"subject-{index}", {"index": index, "text": "Ștefan"})
    new_vault.checkpoint("test.export", {"bundle": "b1"})
    assert new_vault.verify_audit().entries >= 10
    return new_vault


@contextlib.contextmanager
def raw_edit(v: Vault) -> Iterator[Connection]:
    """Raw SQL on the open vault's connection, bypassing the audited transaction; undone after."""
    conn = v._connection()
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")


def row(conn: Connection, seq: int) -> tuple[Any, ...]:
    found = conn.execute(
        "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log"
        " WHERE seq = ?",
        (seq,),
    ).fetchone()
    assert found is not None
    return tuple(found)


def insert_row(conn: Connection, values: tuple[Any, ...]) -> None:
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        values,
    )


def make_room_after(conn: Connection, position: int) -> None:
    """Shift every entry after ``position`` up by one (via negatives: seq is a primary key)."""
    conn.execute("UPDATE audit_log SET seq = -seq - 1 WHERE seq > ?", (position,))
    conn.execute("UPDATE audit_log SET seq = -seq WHERE seq < 0")


def verification_error(v: Vault) -> AuditChainError | None:
    try:
        v.verify_audit()
    except AuditChainError as exc:
        return exc
    return None


def assert_names(v: Vault, expected_seq: int, case: str) -> None:
    error = verification_error(v)
    assert error is not None, f"not detected: {case}"
    assert error.first_bad_seq == expected_seq, (case, str(error))
    assert error.code == "vault.audit_broken"
    report = v.check()
    assert not report.ok, case
    assert "audit.chain" in {p.code for p in report.problems}, case


def last_seq(v: Vault) -> int:
    return v.verify_audit().last_seq


def test_intact_ledger_verifies(ledger: Vault) -> None:
    report = ledger.verify_audit()
    newest = ledger.audit_entries(limit=1)[0]
    assert (report.last_seq, report.last_hash) == (newest.seq, newest.entry_hash)
    assert report.entries == report.last_seq
    assert ledger.check().ok
    entries = ledger.audit_entries(action_prefix="test.", limit=1000)
    assert [e.subject for e in entries if e.action == "test.entry"] == [
        f"subject-{i}" for i in reversed(range(8))
    ]
    assert ledger.audit_entries(subject="subject-3")[0].details == {"index": 3, "text": "Ștefan"}
    assert ledger.audit_entries(action_prefix="test_") == []  # LIKE wildcards are escaped
    oldest = ledger.audit_entries(limit=1000)[-1]
    assert (oldest.seq, oldest.prev_hash) == (1, GENESIS_HASH)


def test_deleting_any_entry_is_named(ledger: Vault) -> None:
    for seq in range(1, last_seq(ledger) + 1):
        with raw_edit(ledger) as conn:
            conn.execute("DELETE FROM audit_log WHERE seq = ?", (seq,))
            assert_names(ledger, seq, f"deleted {seq}")
    assert ledger.check().ok


def _edits(original: tuple[Any, ...]) -> Iterator[tuple[str, object]]:
    _seq, at, actor, action, subject, details, prev_hash, digest = original
    yield "at", at.replace("Z", "1Z")
    yield "actor", actor + "x"
    yield "action", action + ".x"
    yield "subject", subject + "x"
    yield "details", json.dumps({**json.loads(details), "added": True})
    # Same meaning, different bytes: still an edit of the record.
    yield "details", json.dumps(json.loads(details), sort_keys=True, indent=1)
    yield "details", "{not json"
    yield "details", "[]"
    yield "prev_hash", ("1" if prev_hash[0] == "0" else "0") + prev_hash[1:]
    yield "hash", ("1" if digest[0] == "0" else "0") + digest[1:]


def test_editing_any_column_of_any_entry_is_named(ledger: Vault) -> None:
    newest = last_seq(ledger)
    for seq in range(1, newest + 1):
        with raw_edit(ledger) as conn:
            original = row(conn, seq)
        for column, value in _edits(original):
            assert column in COLUMNS
            with raw_edit(ledger) as conn:
                conn.execute(f"UPDATE audit_log SET {column} = ? WHERE seq = ?", (value, seq))
                assert_names(ledger, seq, f"{column} of {seq}")
        with raw_edit(ledger) as conn:
            conn.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", (newest + 100, seq))
            assert_names(ledger, seq, f"seq of {seq}")
    assert ledger.check().ok


def test_reordering_any_two_entries_is_named(ledger: Vault) -> None:
    newest = last_seq(ledger)
    pairs = [(a, a + 1) for a in range(1, newest)] + [(a, newest) for a in range(1, newest - 1)]
    pairs += [(1, 5), (3, 7)]
    for first, second in pairs:
        with raw_edit(ledger) as conn:
            conn.execute("UPDATE audit_log SET seq = -1 WHERE seq = ?", (first,))
            conn.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", (first, second))
            conn.execute("UPDATE audit_log SET seq = ? WHERE seq = -1", (second,))
            assert_names(ledger, first, f"swapped {first} and {second}")
    assert ledger.check().ok


def test_inserting_an_entry_anywhere_is_named(ledger: Vault) -> None:
    newest = last_seq(ledger)
    for position in range(newest + 1):  # the new entry becomes seq position + 1
        seq = position + 1
        # A replayed copy of a genuine entry.
        with raw_edit(ledger) as conn:
            # Entry ``position`` again (entry 2 when inserting first: entry 1 at seq 1 is itself).
            replayed = row(conn, position if position else 2)
            make_room_after(conn, position)
            insert_row(conn, (seq, *replayed[1:]))
            assert_names(ledger, seq, f"replayed entry inserted at {seq}")
        # A made-up entry that does not carry a valid hash.
        with raw_edit(ledger) as conn:
            prev = GENESIS_HASH if position == 0 else row(conn, position)[7]
            make_room_after(conn, position)
            insert_row(conn, (seq, "2020-01-01T00:00:00Z", "x", "x", "x", "{}", prev, "0" * 64))
            assert_names(ledger, seq, f"bad-hash entry inserted at {seq}")


def test_forged_self_consistent_insertion_is_named_where_the_chain_breaks(ledger: Vault) -> None:
    # A forger who computes a valid hash for the inserted entry makes that entry itself
    # indistinguishable from a genuine one; the chain breaks at the genuine entry it pushed
    # aside, and that is the entry verification names. (Appending a well-formed entry after the
    # newest one is not tampering the ledger can detect: it is what a genuine change does.)
    newest = last_seq(ledger)
    for position in range(newest):
        seq = position + 1
        with raw_edit(ledger) as conn:
            prev = GENESIS_HASH if position == 0 else row(conn, position)[7]
            fields: tuple[Any, ...] = (
                seq,
                "2020-01-01T00:00:00.000000Z",
                "mallory",
                "forged",
                "s",
                {},
                prev,
            )
            make_room_after(conn, position)
            insert_row(conn, (*fields[:5], "{}", prev, entry_hash(*fields)))
            assert_names(ledger, seq + 1, f"forged entry inserted at {seq}")


def test_truncating_checkpointed_entries_is_named(ledger: Vault) -> None:
    newest = last_seq(ledger)
    with raw_edit(ledger) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq > ?", (newest - 3,))
        conn.execute("DELETE FROM audit_checkpoints")  # the header still knows the checkpoint
        assert_names(ledger, newest - 2, "three newest entries and stored checkpoints deleted")


def test_change_without_audit_entry_is_refused(new_vault: Vault) -> None:
    entries_before = new_vault.verify_audit().entries
    with pytest.raises(VaultError) as info, new_vault.transaction() as tx:
        tx.execute("INSERT INTO vault_meta (key, value) VALUES ('sneaky', 'x')")
    assert "audit" in str(info.value)
    assert new_vault.read("SELECT * FROM vault_meta WHERE key = 'sneaky'") == []
    with pytest.raises(VaultError), new_vault.transaction() as tx:
        tx.execute("UPDATE users SET role = 'admin'")
    assert set(new_vault.read("SELECT role FROM users")) == {("administrator",)}
    # Reading, or changing nothing, needs no entry.
    with new_vault.transaction() as tx:
        tx.execute("SELECT count(*) FROM users")
        tx.execute("DELETE FROM vault_meta WHERE key = 'absent'")
    assert new_vault.verify_audit().entries == entries_before
    assert new_vault.check().ok


def test_failed_transaction_rolls_back_its_audit_entry(new_vault: Vault) -> None:
    before = new_vault.verify_audit()
    with pytest.raises(KeyError), new_vault.transaction() as tx:  # noqa: PT012
        tx.execute("INSERT INTO vault_meta (key, value) VALUES ('x', 'y')")
        tx.audit("test.change", "x", {})
        raise KeyError("boom")
    assert new_vault.verify_audit() == before
    assert new_vault.read("SELECT * FROM vault_meta WHERE key = 'x'") == []


def _checkpoint_from_header(path: Any) -> Checkpoint:
    document = load_header_document(path)
    checkpoint = Checkpoint.from_json(document["checkpoint"])
    assert unb64(document["checkpoint"]["signature"]) == checkpoint.signature
    return checkpoint


def test_lock_writes_a_signed_checkpoint(new_vault: Vault) -> None:
    path, public_key, pem = new_vault.path, new_vault.public_key, new_vault.public_key_pem()
    export = new_vault.checkpoint("export.created", {"bundle": "b1"})
    public_key.verify(export.signature, export.signed_bytes())
    assert new_vault.latest_checkpoint() == export == _checkpoint_from_header(path)
    assert new_vault.audit_entries(limit=1)[0].action == "export.created"
    assert b"BEGIN PUBLIC KEY" in new_vault.public_key_pem()

    new_vault.lock()
    checkpoint = _checkpoint_from_header(path)
    public_key.verify(checkpoint.signature, checkpoint.signed_bytes())  # raises if invalid
    assert checkpoint.seq > export.seq
    assert checkpoint.vault_id == new_vault.vault_id

    v = Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)
    try:
        locked = v.read_one(
            "SELECT seq, hash, action FROM audit_log WHERE seq = ?", (checkpoint.seq,)
        )
        assert tuple(locked) == (checkpoint.seq, checkpoint.entry_hash, "vault.locked")
        stored = v.read("SELECT seq FROM audit_checkpoints ORDER BY seq")
        assert (export.seq,) in stored
        assert (checkpoint.seq,) in stored
        assert v.public_key_pem() == pem
    finally:
        v.lock()


def test_forged_checkpoint_signature_is_reported(ledger: Vault) -> None:
    with raw_edit(ledger) as conn:
        conn.execute("UPDATE audit_checkpoints SET signature = zeroblob(64)")
        codes = {p.code for p in ledger.check().problems}
        assert "audit.checkpoint_signature" in codes
