"""Accountable users (DESIGN §6.4, issue 13): keys, signed entries, roles, migration."""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

import vault.vault as vault_module
from tests.conftest import CHEAP_KDF, TEST_PASSPHRASE, TEST_USER
from vault import Vault, audit, roles
from vault.db import connect
from vault.errors import (
    AuditChainError,
    LastAdministratorError,
    PermissionDeniedError,
    UnknownRoleError,
    UnknownUserError,
)
from vault.header import Checkpoint, Header, write_header
from vault.kdf import format_recovery_key, new_recovery_key
from vault.schema import VAULT_MIGRATIONS

BOB, BOB_PASSPHRASE = "bob", "bob's own passphrase"
VERA, VERA_PASSPHRASE = "vera", "vera's own passphrase"


def add_note(v: Vault, text: str) -> None:
    with v.transaction() as tx:
        tx.execute("INSERT INTO vault_meta (key, value) VALUES (?, ?)", (f"note:{text}", text))
        tx.audit("test.note", text, {})


def change(v: Vault, action: str) -> None:
    with v.transaction() as tx:
        tx.execute("INSERT INTO vault_meta (key, value) VALUES ('x', 'y')")
        tx.audit(action, "subject", {})


def codes(v: Vault) -> dict[str, list[str]]:
    """Problem code → the subjects and details ``vault check`` names for it."""
    found: dict[str, list[str]] = {}
    for problem in v.check().problems:
        found.setdefault(problem.code, []).append(f"{problem.subject}: {problem.detail}")
    return found


@pytest.fixture
def team(new_vault: Vault) -> Vault:
    """ana (administrator, unlocked), bob (caseworker), vera (viewer)."""
    new_vault.add_user(BOB, BOB_PASSPHRASE, role="caseworker", kdf=CHEAP_KDF)
    new_vault.add_user(VERA, VERA_PASSPHRASE, role="viewer", kdf=CHEAP_KDF)
    return new_vault


def test_every_entry_is_signed_by_its_actor(team: Vault) -> None:
    path = team.path
    add_note(team, "by ana")
    team.lock()
    bob = Vault.unlock(path, BOB, BOB_PASSPHRASE)
    try:
        add_note(bob, "by bob")
        assert bob.role == roles.CASEWORKER
        entries = bob.audit_entries(limit=2)  # his unlock and his note
        assert all(e.actor_id == bob.user_id and len(e.signature) == 64 for e in entries)
        users = {u.name: u for u in bob.list_users()}
        assert users[BOB].role == roles.CASEWORKER
        assert users[VERA].role == roles.VIEWER
        assert users[TEST_USER].role == roles.ADMINISTRATOR
        assert bob.check().ok
    finally:
        bob.lock()


def test_swapped_slot_labels_are_named_and_never_change_who_acts(team: Vault) -> None:
    """Issue 13: a colleague with the master key swapped two slots' user names and re-MACed
    the header; exports by one user were then recorded as the other's."""
    path = team.path
    ana_slot = team.header.passphrase_slot(TEST_USER)
    bob_slot = team.header.passphrase_slot(BOB)
    assert ana_slot is not None
    assert bob_slot is not None
    swapped = tuple(
        replace(s, user=BOB)
        if s.slot_id == ana_slot.slot_id
        else replace(s, user=TEST_USER)
        if s.slot_id == bob_slot.slot_id
        else s
        for s in team.header.slots
    )
    team._save_header(replace(team.header, slots=swapped))  # re-MACed with the master key
    team.lock()

    # Bob types "ana" (the label now on his slot) and his own passphrase: he is still bob.
    as_ana = Vault.unlock(path, TEST_USER, BOB_PASSPHRASE)
    try:
        assert as_ana.actor == BOB
        assert as_ana.role == roles.CASEWORKER
        add_note(as_ana, "who am I")
        assert as_ana.audit_entries(limit=1)[0].actor == BOB
        with pytest.raises(PermissionDeniedError):
            as_ana.add_user("mallory", "mallory's passphrase", kdf=CHEAP_KDF)
        found = codes(as_ana)
    finally:
        as_ana.lock()
    relabelled = found["user.slot_relabelled"]
    assert f"slot {ana_slot.slot_id}: labelled {BOB} but holds the key of {TEST_USER}" in relabelled
    assert f"slot {bob_slot.slot_id}: labelled {TEST_USER} but holds the key of {BOB}" in relabelled


def _rechain_from(v: Vault, first_seq: int) -> None:
    """Recompute the hash chain from ``first_seq`` on, keeping every signature as it was."""
    conn = v._connection()
    conn.execute("BEGIN IMMEDIATE")
    prev = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (first_seq - 1,)).fetchone()[0]
    rows = conn.execute(
        "SELECT seq, at, actor, action, subject, details, actor_id FROM audit_log"
        " WHERE seq >= ? ORDER BY seq",
        (first_seq,),
    ).fetchall()
    for seq, at, actor, action, subject, details, actor_id in rows:
        digest = audit.entry_hash(
            seq, at, actor, action, subject, json.loads(details), prev, actor_id
        )
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq)
        )
        prev = digest
    conn.execute("COMMIT")


def test_forged_actor_is_named(team: Vault) -> None:
    """An entry written with the master key in bob's name, but not with bob's key."""
    bob_id = next(u.user_id for u in team.list_users() if u.name == BOB)
    impostor = audit.Signer(
        bob_id, BOB, roles.CASEWORKER, Ed25519PrivateKey.generate(), team.vault_id
    )
    conn = team._connection()
    conn.execute("BEGIN IMMEDIATE")
    forged = audit.append(conn, "2026-01-01T00:00:00Z", BOB, "person.erased", "p1", {}, impostor)
    unsigned = audit.append(conn, "2026-01-01T00:00:01Z", BOB, "case.edited", "c1", {})
    conn.execute("COMMIT")
    found = codes(team)
    assert (
        f"entry {forged.seq}: actor {BOB}: not signed by {BOB}'s key" in found["audit.forged_actor"]
    )
    assert (
        f"entry {unsigned.seq}: actor {BOB}: entry carries no user signature"
        in (found["audit.unsigned"])
    )


def test_deleting_an_entry_and_rechaining_breaks_other_users_signatures(team: Vault) -> None:
    """Issue 13: a colleague deleted an item's ledger entries and re-chained everything. The
    chain verifies again, but each later entry of another user no longer matches its
    signature, and the colleague holds no other user's key to re-sign it."""
    add_note(team, "evidence E-0001 ingested")
    victim = team.audit_entries(limit=1)[0].seq
    add_note(team, "later work by ana")
    conn = team._connection()
    conn.execute("DELETE FROM audit_log WHERE seq = ?", (victim,))
    conn.execute("UPDATE audit_log SET seq = seq - 1 WHERE seq > ?", (victim,))
    conn.execute("DELETE FROM audit_checkpoints")  # the colleague also drops the inner copies
    _rechain_from(team, victim)
    assert audit.verify_chain(conn).entries  # the bare chain is whole again
    found = codes(team)
    assert any(
        line.startswith(f"entry {victim}: actor {TEST_USER}")
        for line in found["audit.forged_actor"]
    )
    assert set(found) == {"audit.forged_actor"}


def test_roles_are_enforced_in_the_core(team: Vault) -> None:
    path = team.path
    team.lock()
    bob = Vault.unlock(path, BOB, BOB_PASSPHRASE)
    try:
        add_note(bob, "case work")  # allowed
        with pytest.raises(PermissionDeniedError) as info:
            bob.change_passphrase(VERA, "a new passphrase for vera", kdf=CHEAP_KDF)
        assert info.value.code == "vault.permission_denied"
        for action in ("person.erased", "case.legal_hold_set", "user.added"):
            with pytest.raises(PermissionDeniedError):
                change(bob, action)
        with pytest.raises(PermissionDeniedError):
            bob.require(roles.ERASURE)
        bob.change_passphrase(BOB, "bob's second passphrase", kdf=CHEAP_KDF)  # his own: fine
        assert bob.check().ok
    finally:
        bob.lock()
    vera = Vault.unlock(path, VERA, VERA_PASSPHRASE)
    try:
        with pytest.raises(PermissionDeniedError):
            change(vera, "case.edited")
        assert not vera.may(roles.EXPORT)
        assert vera.may(roles.READ)
    finally:
        vera.lock()
    Vault.unlock(path, BOB, "bob's second passphrase").lock()


def test_a_role_given_in_the_table_but_not_the_ledger_is_named(team: Vault) -> None:
    """Bob, a caseworker with the master key, edits the users table to make himself an
    administrator, then erases: the core let him, the signed ledger does not."""
    path = team.path
    team.lock()
    bob = Vault.unlock(path, BOB, BOB_PASSPHRASE)
    try:
        conn = bob._connection()
        conn.execute("UPDATE users SET role = 'administrator' WHERE name = ?", (BOB,))
        assert bob._signer is not None
        bob._signer = replace(bob._signer, role=roles.ADMINISTRATOR)
        with bob.transaction() as tx:
            tx.audit("person.erased", "p-witness", {})
        found = codes(bob)
    finally:
        bob.lock()
    assert any(
        "person.erased needs erasure; role caseworker" in d for d in found["audit.role_not_allowed"]
    )
    assert found["user.table_edited"]


def test_reset_of_another_users_passphrase_by_an_administrator(team: Vault) -> None:
    path = team.path
    team.change_passphrase(BOB, "bob was locked out", kdf=CHEAP_KDF)
    reset = team.audit_entries(action_prefix="vault.passphrase_changed", limit=1)[0]
    assert reset.actor == TEST_USER
    assert reset.details["public_key"]
    team.lock()
    bob = Vault.unlock(path, BOB, "bob was locked out")
    try:
        add_note(bob, "after the reset")  # signed with his new key
        assert bob.check().ok
    finally:
        bob.lock()


def test_recovery_key_acts_as_its_own_administrator(
    new_vault_and_recovery_key: tuple[Vault, str],
) -> None:
    v, recovery_key = new_vault_and_recovery_key
    path = v.path
    v.lock()
    recovered = Vault.unlock_with_recovery_key(path, recovery_key)
    try:
        assert recovered.user_id == audit.RECOVERY_USER_ID
        assert recovered.role == roles.ADMINISTRATOR
        recovered.change_passphrase(TEST_USER, "ana forgot hers", kdf=CHEAP_KDF)
        assert recovered.check().ok
    finally:
        recovered.lock()
    Vault.unlock(path, TEST_USER, "ana forgot hers").lock()


def test_users_are_added_changed_and_removed(team: Vault) -> None:
    path = team.path
    with pytest.raises(UnknownRoleError):
        team.add_user("eve", "eve's passphrase", role="overlord", kdf=CHEAP_KDF)
    team.set_role(VERA, roles.CASEWORKER)
    team.remove_user(BOB)
    assert [u.name for u in team.list_users()] == [TEST_USER, VERA]
    with pytest.raises(LastAdministratorError):
        team.set_role(TEST_USER, roles.VIEWER)
    with pytest.raises(LastAdministratorError):
        team.remove_user(TEST_USER)
    assert [e.action for e in team.audit_entries(action_prefix="user.", limit=2)] == [
        "user.removed",
        "user.role_changed",
    ]
    assert team.check().ok
    team.lock()
    with pytest.raises(UnknownUserError):
        Vault.unlock(path, BOB, BOB_PASSPHRASE)
    vera = Vault.unlock(path, VERA, VERA_PASSPHRASE)
    try:
        assert vera.role == roles.CASEWORKER
        add_note(vera, "now a caseworker")
        assert vera.check().ok
    finally:
        vera.lock()


# Migration of a vault from before user keys ----------------------------------------------------


def make_pre_issue13_vault(path: Path) -> str:
    """A vault exactly as Custodia wrote it before issue 13: schema 1, slots without user keys,
    job titles as roles, unsigned entries. Returns its recovery key."""
    master_key = os.urandom(32)
    vault_id = secrets.token_hex(16)
    recovery = new_recovery_key()
    slots = (
        vault_module._passphrase_slot(vault_id, master_key, TEST_USER, TEST_PASSPHRASE, CHEAP_KDF),
        vault_module._passphrase_slot(vault_id, master_key, BOB, BOB_PASSPHRASE, CHEAP_KDF),
        vault_module._secret_slot(vault_id, master_key, "recovery", recovery),
    )
    for folder in (path, path / "blobs", path / "tmp"):
        folder.mkdir(mode=0o700)
    db_key, mac_key = vault_module._derived_keys(master_key)
    conn = connect(path / "vault.db", db_key)
    signing_key = Ed25519PrivateKey.generate()
    at = "2025-12-01T10:00:00.000000Z"
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("CREATE TABLE schema_versions (component TEXT PRIMARY KEY, version INTEGER)")
    VAULT_MIGRATIONS[0].apply(conn)
    conn.execute("INSERT INTO schema_versions VALUES ('vault', 1)")
    conn.execute("INSERT INTO vault_meta VALUES ('vault_id', ?)", (vault_id,))
    conn.execute(
        "INSERT INTO vault_secrets VALUES ('signing_key', ?)", (signing_key.private_bytes_raw(),)
    )
    for name, title in ((TEST_USER, "lawyer"), (BOB, "investigator")):
        conn.execute("INSERT INTO users VALUES (?, ?, '', ?)", (name, title, at))
    for action in ("schema.migrated", "vault.created", "vault.user_added", "case.created"):
        last = audit.append(conn, at, TEST_USER, action, vault_id, {})
    checkpoint = audit.sign_checkpoint(
        signing_key, Checkpoint(vault_id, last.seq, last.entry_hash, last.at)
    )
    conn.execute(
        "INSERT INTO audit_checkpoints VALUES (?, ?, ?, ?, 'vault.locked')",
        (checkpoint.seq, checkpoint.entry_hash, checkpoint.at, checkpoint.signature),
    )
    conn.execute("COMMIT")
    conn.close()
    header = Header(vault_id, at, slots, checkpoint).sealed(mac_key)
    write_header(path / "vault.json", header)
    return format_recovery_key(recovery)


def test_an_older_vault_migrates_audited_and_everyone_becomes_administrator(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old"
    recovery_key = make_pre_issue13_vault(path)
    ana = Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)
    try:
        migrated = ana.audit_entries(action_prefix=audit.ACCOUNTABLE)
        assert len(migrated) == 1
        assert migrated[0].actor == TEST_USER
        listed = {u["name"]: u for u in migrated[0].details["users"]}
        assert listed[TEST_USER]["was"] == "lawyer"
        assert listed[BOB]["was"] == "investigator"
        assert {u["role"] for u in listed.values()} == {roles.ADMINISTRATOR}
        assert listed[TEST_USER]["public_key"]
        assert not listed[BOB]["public_key"]
        assert ana.audit_entries(action_prefix="schema.migrated")[0].details == {"from": 1, "to": 2}
        assert ana.role == roles.ADMINISTRATOR
        assert ana.user_profiles() == [(TEST_USER, "lawyer", ""), (BOB, "investigator", "")]
        assert ana.check().ok
    finally:
        ana.lock()
    bob = Vault.unlock(path, BOB, BOB_PASSPHRASE)  # his key is made at his first unlock
    try:
        assert bob.role == roles.ADMINISTRATOR
        enrolled = bob.audit_entries(action_prefix="user.key_enrolled")
        assert enrolled[0].actor == BOB
        bob.set_role(BOB, roles.CASEWORKER)  # an administrator assigns the real roles
        assert bob.check().ok
    finally:
        bob.lock()
    recovered = Vault.unlock_with_recovery_key(path, recovery_key)
    try:
        assert recovered.user_id == audit.RECOVERY_USER_ID
        assert recovered.check().ok
    finally:
        recovered.lock()
    Vault.unlock(path, TEST_USER, TEST_PASSPHRASE).lock()  # and it keeps opening normally


def test_ledger_verification_by_runs_names_the_same_first_entry(team: Vault) -> None:
    """verify_audit checks a run of one user's entries through its last signature; a rewritten
    entry inside the run is still named, as ``vault check`` names it."""
    for index in range(5):
        add_note(team, f"note {index}")
    middle = team.audit_entries(limit=3)[-1].seq
    conn = team._connection()
    conn.execute("UPDATE audit_log SET subject = 'rewritten' WHERE seq = ?", (middle,))
    _rechain_from(team, middle)
    with pytest.raises(AuditChainError) as info:
        team.verify_audit()
    assert info.value.first_bad_seq == middle
    assert f"entry {middle}: actor {TEST_USER}" in codes(team)["audit.forged_actor"][0]
