"""The audit ledger: an append-only SHA-256 hash chain with Ed25519-signed checkpoints.

Since issue 13 every entry also names its actor by user id and carries that user's Ed25519
signature over its hash (DESIGN §6.4); :func:`verify_accountability` replays the signed list of
users and checks every entry's signature and that the actor's role allowed the action then.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from vault import roles
from vault.db import Connection
from vault.errors import AuditChainError, OperationCancelledError
from vault.header import Checkpoint, canonical_json

GENESIS_HASH = "0" * 64
FIELDS = ("seq", "at", "actor", "action", "subject", "details", "prev_hash")
ACCOUNTABLE = "users.accountable"  # the entry from which every entry must be signed
RECOVERY_USER_ID = "recovery"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    subject: str
    details: dict[str, Any]
    prev_hash: str
    entry_hash: str
    actor_id: str = ""
    signature: bytes = b""


def entry_hash(
    seq: int,
    at: str,
    actor: str,
    action: str,
    subject: str,
    details: object,
    prev_hash: str,
    actor_id: str = "",
) -> str:
    document = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "subject": subject,
        "details": details,
        "prev_hash": prev_hash,
    }
    # Entries written before user keys existed hash as they always did; later ones bind the id.
    if actor_id:
        document["actor_id"] = actor_id
    return hashlib.sha256(canonical_json(document)).hexdigest()


def signed_message(vault_id: str, digest: str) -> bytes:
    """What a user signs for one entry: the hash, bound to this vault."""
    return f"custodia audit entry v1|{vault_id}|{digest}".encode()


@dataclass(frozen=True)
class Signer:
    """The unlocked user: id, name, role and private key (never stored unwrapped)."""

    user_id: str
    name: str
    role: str
    key: Ed25519PrivateKey
    vault_id: str


def last_entry(conn: Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))


def append(
    conn: Connection,
    at: str,
    actor: str,
    action: str,
    subject: str,
    details: dict[str, Any],
    signer: Signer | None = None,
) -> AuditEntry:
    """Append one entry. The caller owns the transaction, so the entry commits with the change.

    With a ``signer`` the entry names the user's id and carries their signature; without one
    (only before the vault's users are accountable: schema set-up, an older vault's upgrade) it
    is written as entries always were.
    """
    seq, prev_hash = last_entry(conn)
    seq += 1
    # Round-trip through JSON so that what is hashed is exactly what verification will read back.
    details_json = json.dumps(details, sort_keys=True, ensure_ascii=False)
    stored_details = json.loads(details_json)
    if signer is None:
        digest = entry_hash(seq, at, actor, action, subject, stored_details, prev_hash)
        conn.execute(
            "INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at, actor, action, subject, details_json, prev_hash, digest),
        )
        return AuditEntry(seq, at, actor, action, subject, stored_details, prev_hash, digest)
    actor_id = signer.user_id
    digest = entry_hash(seq, at, actor, action, subject, stored_details, prev_hash, actor_id)
    signature = signer.key.sign(signed_message(signer.vault_id, digest))
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash,"
        " actor_id, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, actor, action, subject, details_json, prev_hash, digest, actor_id, signature),
    )
    return AuditEntry(
        seq, at, actor, action, subject, stored_details, prev_hash, digest, actor_id, signature
    )


def _row_to_entry(row: tuple[Any, ...]) -> AuditEntry:
    return AuditEntry(
        seq=int(row[0]),
        at=str(row[1]),
        actor=str(row[2]),
        action=str(row[3]),
        subject=str(row[4]),
        details=json.loads(row[5]),
        prev_hash=str(row[6]),
        entry_hash=str(row[7]),
        actor_id=str(row[8] or ""),
        signature=bytes(row[9] or b""),
    )


_COLUMNS = "seq, at, actor, action, subject, details, prev_hash, hash, actor_id, signature"


def iter_entries(conn: Connection, batch: int = 2000) -> Iterator[tuple[Any, ...]]:
    cursor = conn.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq")
    while rows := cursor.fetchmany(batch):
        yield from rows


def entries(
    conn: Connection,
    *,
    action_prefix: str | None = None,
    subject: str | None = None,
    limit: int = 500,
    before_seq: int | None = None,
) -> list[AuditEntry]:
    """Newest first, for display."""
    clauses: list[str] = []
    params: list[object] = []
    if action_prefix:
        clauses.append("action LIKE ? ESCAPE '\\'")
        escaped = action_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(escaped + "%")
    if subject:
        clauses.append("subject = ?")
        params.append(subject)
    if before_seq is not None:
        clauses.append("seq < ?")
        params.append(before_seq)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM audit_log {where} ORDER BY seq DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
    return [_row_to_entry(row) for row in rows]


@dataclass(frozen=True)
class ChainReport:
    entries: int
    last_seq: int
    last_hash: str


def verify_chain(
    conn: Connection,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
) -> ChainReport:
    """Walk the whole chain; raise :class:`AuditChainError` naming the first bad entry."""
    total = int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    expected_seq, prev_hash, count = 1, GENESIS_HASH, 0
    for row in iter_entries(conn):
        seq = int(row[0])
        if seq != expected_seq:
            raise AuditChainError(
                f"entry {expected_seq} is missing or out of order (found {seq})", expected_seq
            )
        if row[6] != prev_hash:
            raise AuditChainError(f"entry {seq} does not link to entry {seq - 1}", seq)
        try:
            details = json.loads(row[5])
        except (TypeError, ValueError) as exc:
            raise AuditChainError(f"entry {seq} has unreadable details", seq) from exc
        # The stored text must be exactly what append() wrote, so even an edit that keeps the
        # meaning (spacing, key order) is caught.
        if row[5] != json.dumps(details, sort_keys=True, ensure_ascii=False):
            raise AuditChainError(f"entry {seq} was altered (details re-encoded)", seq)
        digest = entry_hash(seq, row[1], row[2], row[3], row[4], details, row[6], row[8] or "")
        if digest != row[7]:
            raise AuditChainError(f"entry {seq} was altered (hash mismatch)", seq)
        prev_hash = digest
        expected_seq += 1
        count += 1
        if count % 5000 == 0:
            if cancel is not None and cancel.is_set():
                raise OperationCancelledError()
            if progress is not None:
                progress(count, total)
    if progress is not None:
        progress(count, total)
    return ChainReport(count, expected_seq - 1, prev_hash)


def verify_against_checkpoints(
    conn: Connection, report: ChainReport, checkpoints: Iterable[Checkpoint]
) -> None:
    """Raise :class:`AuditChainError` when the ledger lacks or contradicts a checkpointed entry.

    The chain alone cannot show that its newest entries were deleted; a checkpoint can.
    """
    for checkpoint in sorted(checkpoints, key=lambda c: c.seq):
        if checkpoint.seq > report.last_seq:
            missing = report.last_seq + 1
            raise AuditChainError(
                f"entry {missing} is missing (checkpoint {checkpoint.seq})", missing
            )
        if not checkpoint_matches_ledger(conn, checkpoint):
            raise AuditChainError(
                f"entry {checkpoint.seq} differs from its checkpoint", checkpoint.seq
            )


def sign_checkpoint(key: Ed25519PrivateKey, checkpoint: Checkpoint) -> Checkpoint:
    return Checkpoint(
        checkpoint.vault_id,
        checkpoint.seq,
        checkpoint.entry_hash,
        checkpoint.at,
        key.sign(checkpoint.signed_bytes()),
    )


def checkpoint_signature_valid(public_key: Ed25519PublicKey, checkpoint: Checkpoint) -> bool:
    try:
        public_key.verify(checkpoint.signature, checkpoint.signed_bytes())
    except InvalidSignature:
        return False
    return True


def checkpoint_matches_ledger(conn: Connection, checkpoint: Checkpoint) -> bool:
    """True when the ledger still holds the entry the checkpoint vouches for."""
    if checkpoint.seq == 0:
        return True
    row = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (checkpoint.seq,)).fetchone()
    return row is not None and row[0] == checkpoint.entry_hash


# Accountable users ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One accountability problem: a stable code, the entry and the actor it concerns."""

    code: str
    seq: int
    actor: str
    detail: str


@dataclass
class UserRecord:
    user_id: str
    name: str
    role: str
    public_key: bytes | None  # None until the user's first unlock after an upgrade
    removed: bool = False


def _public_key_of(value: object) -> bytes | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        raw = bytes.fromhex(value)
    except ValueError:
        return None
    return raw if len(raw) == 32 else None


class _Replay:
    """The list of users as the signed ledger built it, entry by entry."""

    def __init__(self, vault_id: str, every_signature: bool = True) -> None:
        self.vault_id = vault_id
        self.every_signature = every_signature
        # A run of consecutive entries by one user, not yet verified (see verify_accountability).
        self._run: list[tuple[int, str, str, bytes, bytes]] = []
        self.users: dict[str, UserRecord] = {}
        self.findings: list[Finding] = []
        self.started_at = 0
        self._keys: dict[bytes, Ed25519PublicKey] = {}

    def note(self, code: str, seq: int, actor: str, detail: str) -> None:
        self.findings.append(Finding(code, seq, actor, detail))

    def signature_ok(self, public_key: bytes, signature: bytes, digest: str) -> bool:
        key = self._keys.get(public_key)
        if key is None:
            try:
                key = Ed25519PublicKey.from_public_bytes(public_key)
            except ValueError:
                return False
            self._keys[public_key] = key
        try:
            key.verify(signature, signed_message(self.vault_id, digest))
        except InvalidSignature:
            return False
        return True

    def start(
        self, seq: int, actor: str, actor_id: str, sig: bytes, digest: str, details: Any
    ) -> None:
        listed = details.get("users") if isinstance(details, dict) else None
        if not isinstance(listed, list):
            self.note("audit.users_malformed", seq, actor, "no list of users")
            listed = []
        for item in listed:
            if not isinstance(item, dict):
                continue
            user_id, name, role = item.get("user_id"), item.get("name"), item.get("role")
            if isinstance(user_id, str) and isinstance(name, str) and role in roles.ROLES:
                self.users[user_id] = UserRecord(
                    user_id, name, str(role), _public_key_of(item.get("public_key"))
                )
        self.started_at = seq
        signer = self.users.get(actor_id)
        if signer is None or signer.public_key is None or signer.role != roles.ADMINISTRATOR:
            self.note(
                "audit.forged_actor",
                seq,
                actor,
                "the list of users is not signed by one of its administrators",
            )
        elif not self.signature_ok(signer.public_key, sig, digest):
            self.note("audit.forged_actor", seq, actor, "signature does not verify")

    def entry(
        self,
        seq: int,
        actor: str,
        action: str,
        details: Any,
        digest: str,
        actor_id: str,
        sig: bytes,
    ) -> None:
        if action == ACCOUNTABLE:
            self.note("audit.users_replaced", seq, actor, "a second list of users")
            return
        user = self.users.get(actor_id)
        if action == "user.key_enrolled":
            self._enrol(seq, actor, actor_id, user, details, sig, digest)
            return
        if not actor_id or not sig:
            self.note("audit.unsigned", seq, actor, "entry carries no user signature")
            return
        if user is None:
            self.note("audit.unknown_actor", seq, actor, f"user id {actor_id} was never added")
            return
        if user.public_key is None:
            self.note("audit.forged_actor", seq, actor, f"not signed by {user.name}'s key")
            return
        if self.every_signature or action.startswith(_DETAILED):
            self.flush()
            if not self.signature_ok(user.public_key, sig, digest):
                self.note("audit.forged_actor", seq, actor, f"not signed by {user.name}'s key")
                return
        else:
            if self._run and self._run[-1][4] != user.public_key:
                self.flush()
            self._run.append((seq, actor, digest, sig, user.public_key))
        if user.removed:
            self.note("audit.removed_actor", seq, actor, f"{user.name} had been removed")
            return
        if actor != user.name:
            self.note("audit.actor_renamed", seq, actor, f"signed by {user.name}")
        permission = roles.permission_for(action, details, actor_id)
        if not roles.allows(user.role, permission):
            self.note(
                "audit.role_not_allowed",
                seq,
                actor,
                f"{action} needs {permission}; role {user.role}",
            )
        self._apply(seq, actor, action, details)

    def flush(self) -> None:
        """Verify the pending run by its last signature; only if that fails, entry by entry.

        The last entry's hash commits to every earlier one (the chain was verified first), so
        its author's signature vouches for each entry of the run naming them as actor.
        """
        run, self._run = self._run, []
        if not run:
            return
        seq, actor, digest, sig, public_key = run[-1]
        if self.signature_ok(public_key, sig, digest):
            return
        for seq, actor, digest, sig, public_key in run:
            if not self.signature_ok(public_key, sig, digest):
                self.note("audit.forged_actor", seq, actor, "not signed by the actor's key")

    def _enrol(
        self,
        seq: int,
        actor: str,
        actor_id: str,
        user: UserRecord | None,
        details: Any,
        sig: bytes,
        digest: str,
    ) -> None:
        public_key = _public_key_of(
            details.get("public_key") if isinstance(details, dict) else None
        )
        if user is None or user.removed:
            self.note("audit.unknown_actor", seq, actor, "key enrolled for no listed user")
        elif user.public_key is not None:
            self.note("audit.forged_actor", seq, actor, f"{user.name} already had a key")
        elif public_key is None or not self.signature_ok(public_key, sig, digest):
            self.note("audit.forged_actor", seq, actor, "first key not signed by itself")
        else:
            user.public_key = public_key

    def _apply(self, seq: int, actor: str, action: str, details: Any) -> None:
        if not isinstance(details, dict):
            return
        user_id = details.get("user_id")
        if not isinstance(user_id, str):
            return
        target = self.users.get(user_id)
        if action == "user.added":
            name, role = details.get("name"), details.get("role")
            if not isinstance(name, str) or role not in roles.ROLES or target is not None:
                self.note("audit.users_malformed", seq, actor, f"user.added for {user_id}")
                return
            self.users[user_id] = UserRecord(
                user_id, name, str(role), _public_key_of(details.get("public_key"))
            )
        elif target is None:
            return
        elif action == "user.role_changed" and details.get("role") in roles.ROLES:
            target.role = str(details["role"])
        elif action == "user.removed":
            target.removed = True
        elif action == "vault.passphrase_changed" and "public_key" in details:
            target.public_key = _public_key_of(details.get("public_key"))


_DETAILED = ("user", "vault.passphrase_changed")


def _loads(text: object) -> Any:
    """Details as JSON, or ``None``; unreadable details are the chain check's finding."""
    try:
        return json.loads(str(text))
    except (ValueError, RecursionError):
        return None


def verify_accountability(
    conn: Connection,
    vault_id: str,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
    every_signature: bool = True,
) -> tuple[list[Finding], dict[str, UserRecord]]:
    """Replay the ledger's list of users; check every entry's signature and role.

    Entries before the list was first written (schema set-up of a new vault, the history of an
    upgraded one) have no signature to check; the hash chain and checkpoints still cover them.
    Returns the findings and the users as the ledger leaves them.

    ``every_signature=False`` is for a ledger whose hash chain was just verified: a run of
    consecutive entries by one user is then checked through its last signature, which commits
    to the whole run, and entry by entry only when that fails (the same findings, far fewer
    Ed25519 verifications). ``vault check`` verifies every stored signature.
    """
    total = int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    replay = _Replay(vault_id, every_signature)
    count = 0
    for row in iter_entries(conn):
        seq, actor, action = int(row[0]), str(row[2]), str(row[3])
        actor_id, sig, digest = str(row[8] or ""), bytes(row[9] or b""), str(row[7])
        # Only entries that change users (or may reset someone's passphrase) need their details.
        details = _loads(row[5]) if action.startswith(_DETAILED) else None
        if replay.started_at == 0:
            if action == ACCOUNTABLE:
                replay.start(seq, actor, actor_id, sig, digest, details)
        else:
            replay.entry(seq, actor, action, details, digest, actor_id, sig)
        count += 1
        if count % 5000 == 0:
            if cancel is not None and cancel.is_set():
                raise OperationCancelledError()
            if progress is not None:
                progress(count, total)
    replay.flush()
    if replay.started_at == 0 and count:
        replay.note("audit.no_users", 0, "", "the ledger holds no signed list of users")
    return replay.findings, replay.users
