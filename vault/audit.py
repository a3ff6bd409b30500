"""The audit ledger: an append-only SHA-256 hash chain with Ed25519-signed checkpoints."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from vault.db import Connection
from vault.errors import AuditChainError, OperationCancelledError
from vault.header import Checkpoint, canonical_json

GENESIS_HASH = "0" * 64
FIELDS = ("seq", "at", "actor", "action", "subject", "details", "prev_hash")


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


def entry_hash(
    seq: int, at: str, actor: str, action: str, subject: str, details: object, prev_hash: str
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
    return hashlib.sha256(canonical_json(document)).hexdigest()


def last_entry(conn: Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))


def append(
    conn: Connection, at: str, actor: str, action: str, subject: str, details: dict[str, Any]
) -> AuditEntry:
    """Append one entry. The caller owns the transaction, so the entry commits with the change."""
    seq, prev_hash = last_entry(conn)
    seq += 1
    # Round-trip through JSON so that what is hashed is exactly what verification will read back.
    details_json = json.dumps(details, sort_keys=True, ensure_ascii=False)
    stored_details = json.loads(details_json)
    digest = entry_hash(seq, at, actor, action, subject, stored_details, prev_hash)
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, actor, action, subject, details_json, prev_hash, digest),
    )
    return AuditEntry(seq, at, actor, action, subject, stored_details, prev_hash, digest)


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
    )


def iter_entries(conn: Connection, batch: int = 2000) -> Iterator[tuple[Any, ...]]:
    cursor = conn.execute(
        "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log"
        " ORDER BY seq"
    )
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
        "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log"
        f" {where} ORDER BY seq DESC LIMIT ?",
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
        digest = entry_hash(seq, row[1], row[2], row[3], row[4], details, row[6])
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
