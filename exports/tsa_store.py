"""The timestamp authority setting, the queue of timestamp requests and the tokens, in the vault.

The TSA's URL is an administrator's setting (DESIGN §6.4), off by default, changed by an audited
``tsa.configured`` entry. Once set, every audit checkpoint from then on should get a token: the
queue of checkpoints is the checkpoint table itself (every checkpoint without a token, so one
written at lock, offline, is never missed), and a bundle exported while the TSA did not answer
adds its tag-manifest digest. :func:`flush` sends what waits whenever the TSA answers again (each
export, and ``custodia vault timestamp``); each token received is audited.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from exports import timestamp
from exports.errors import TimestampLostError
from vault import Vault, roles
from vault.db import sql_migration
from vault.header import Checkpoint

log = logging.getLogger(__name__)

COMPONENT = "timestamps"
MIGRATIONS = [
    sql_migration(
        1,
        "trusted time: the timestamp authority setting, queued requests and their tokens",
        """
        CREATE TABLE tsa_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE timestamp_tokens (
            request_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('tagmanifest', 'checkpoint')),
            subject TEXT NOT NULL,
            digest TEXT NOT NULL,
            queued_at TEXT NOT NULL,
            token BLOB,
            gen_time TEXT,
            tsa TEXT,
            stamped_at TEXT
        );
        CREATE UNIQUE INDEX timestamp_tokens_subject ON timestamp_tokens (kind, subject)
        """,
    ),
]
TAGMANIFEST, CHECKPOINT = "tagmanifest", "checkpoint"
FLUSH_LIMIT = 200  # requests per flush: a long offline spell must not hold an export for minutes

Requester = Callable[[str, bytes], bytes]


def _request(url: str, digest: bytes) -> bytes:
    return timestamp.request_token(url, digest)


def ensure_schema(vault: Vault) -> None:
    vault.migrate(COMPONENT, MIGRATIONS)


def tsa_url(vault: Vault) -> str:
    """The configured TSA's URL, or "" when trusted time is off."""
    ensure_schema(vault)
    row = vault.read_one("SELECT value FROM tsa_settings WHERE key = 'url'")
    return str(row[0]) if row else ""


def set_tsa_url(vault: Vault, url: str) -> bool:
    """Configure (or with "" turn off) the TSA; administrators only. True when it changed."""
    url = url.strip()
    if url and not timestamp.valid_url(url):
        raise ValueError("not an http(s) URL")
    ensure_schema(vault)
    if url == tsa_url(vault):
        return False
    vault.require(roles.TIMESTAMP_AUTHORITY)
    latest = vault.read_one("SELECT MAX(seq) FROM audit_checkpoints")
    since = int(latest[0]) if latest and latest[0] is not None else 0
    with vault.transaction() as tx:
        if url:
            tx.execute(
                "INSERT INTO tsa_settings (key, value) VALUES ('url', ?), ('since_seq', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (url, str(since)),
            )
            tx.audit("tsa.configured", vault.vault_id, {"url": url, "since_seq": since})
        else:
            tx.execute("DELETE FROM tsa_settings")
            tx.audit("tsa.removed", vault.vault_id, {})
    log.info("timestamp authority of vault %s %s", vault.vault_id, "set" if url else "removed")
    return True


def checkpoint_digest(checkpoint: Checkpoint) -> bytes:
    """What a checkpoint's token stamps: SHA-256 of the checkpoint's signed statement."""
    return hashlib.sha256(checkpoint.signed_bytes()).digest()


@dataclass(frozen=True)
class Pending:
    kind: str
    subject: str  # a bundle id, or a checkpoint's seq
    digest: bytes


def pending(vault: Vault) -> list[Pending]:
    """Every request still waiting for the TSA, oldest first."""
    ensure_schema(vault)
    row = vault.read_one("SELECT value FROM tsa_settings WHERE key = 'since_seq'")
    if row is None:
        return []
    waiting = [
        Pending(TAGMANIFEST, str(r[0]), bytes.fromhex(str(r[1])))
        for r in vault.read(
            "SELECT subject, digest FROM timestamp_tokens"
            " WHERE kind = 'tagmanifest' AND token IS NULL ORDER BY queued_at, request_id"
        )
    ]
    for seq, entry_hash, at in vault.read(
        "SELECT seq, hash, at FROM audit_checkpoints WHERE seq >= ? AND CAST(seq AS TEXT) NOT IN"
        " (SELECT subject FROM timestamp_tokens WHERE kind = 'checkpoint' AND token IS NOT NULL)"
        " ORDER BY seq",
        (int(row[0]),),
    ):
        checkpoint = Checkpoint(vault.vault_id, int(seq), str(entry_hash), str(at))
        waiting.append(Pending(CHECKPOINT, str(seq), checkpoint_digest(checkpoint)))
    return waiting


def queue_tagmanifest(vault: Vault, bundle_id: str, digest_hex: str) -> None:
    """A bundle left without a token: its tag manifest's digest waits for the TSA."""
    ensure_schema(vault)
    with vault.transaction() as tx:
        tx.execute(
            "INSERT OR IGNORE INTO timestamp_tokens (request_id, kind, subject, digest, queued_at)"
            " VALUES (?, 'tagmanifest', ?, ?, ?)",
            (secrets.token_hex(16), bundle_id, digest_hex, tx.at),
        )
        tx.audit("timestamp.queued", bundle_id, {"kind": TAGMANIFEST, "digest": digest_hex})
    log.info("timestamp request for bundle %s queued", bundle_id)


def store_token(vault: Vault, kind: str, subject: str, digest: bytes, token: bytes) -> None:
    info = timestamp.token_info(token)
    with vault.transaction() as tx:
        tx.execute(
            "INSERT INTO timestamp_tokens (request_id, kind, subject, digest, queued_at, token,"
            " gen_time, tsa, stamped_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (kind, subject) DO UPDATE SET token = excluded.token,"
            " gen_time = excluded.gen_time, tsa = excluded.tsa, stamped_at = excluded.stamped_at",
            (
                secrets.token_hex(16),
                kind,
                subject,
                digest.hex(),
                tx.at,
                token,
                info.gen_time,
                info.tsa,
                tx.at,
            ),
        )
        # The TSA's time, not ours: the ledger records what the token says.
        tx.audit(
            "timestamp.received",
            subject,
            {"kind": kind, "digest": digest.hex(), "gen_time": info.gen_time, "tsa": info.tsa},
        )


def token_for(vault: Vault, kind: str, subject: str) -> bytes | None:
    ensure_schema(vault)
    row = vault.read_one(
        "SELECT token FROM timestamp_tokens WHERE kind = ? AND subject = ? AND token IS NOT NULL",
        (kind, subject),
    )
    return bytes(row[0]) if row else None


def stamp_checkpoint(
    vault: Vault, checkpoint: Checkpoint, *, request: Requester = _request
) -> bool:
    """Ask the TSA for the checkpoint's token now; False (and it stays queued) if it is away."""
    url = tsa_url(vault)
    if not url:
        return False
    digest = checkpoint_digest(checkpoint)
    try:
        token = request(url, digest)
    except TimestampLostError:
        return False
    store_token(vault, CHECKPOINT, str(checkpoint.seq), digest, token)
    return True


@dataclass(frozen=True)
class FlushResult:
    sent: int
    waiting: int
    reachable: bool


def flush(vault: Vault, *, request: Requester = _request, limit: int = FLUSH_LIMIT) -> FlushResult:
    """Send what waits, oldest first, until done or the TSA stops answering."""
    url = tsa_url(vault)
    if not url or not vault.may(roles.CASE_WORK):  # a viewer's unlock records nothing
        return FlushResult(0, len(pending(vault)) if url else 0, False)
    waiting = pending(vault)
    sent = 0
    reachable = True
    for item in waiting[:limit]:
        try:
            token = request(url, item.digest)
        except TimestampLostError:
            reachable = False
            break  # no point asking again right away: the rest stays queued
        store_token(vault, item.kind, item.subject, item.digest, token)
        sent += 1
    if sent:
        log.info("vault %s: %d timestamp request(s) answered", vault.vault_id, sent)
    return FlushResult(sent, len(waiting) - sent, reachable)


__all__ = [
    "CHECKPOINT",
    "TAGMANIFEST",
    "FlushResult",
    "Pending",
    "checkpoint_digest",
    "ensure_schema",
    "flush",
    "pending",
    "queue_tagmanifest",
    "set_tsa_url",
    "stamp_checkpoint",
    "store_token",
    "token_for",
    "tsa_url",
]
