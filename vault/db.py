"""SQLCipher connections and versioned schema migrations."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from vault.errors import (
    DatabaseDamagedError,
    MigrationError,
    ReadOnlyStorageError,
    SqlcipherUnsafeError,
    StorageFullError,
    VaultError,
)

log = logging.getLogger(__name__)

Connection = Any  # sqlcipher3 ships no type information
DatabaseError = sqlcipher.DatabaseError
SQLITE_PLAIN_MAGIC = b"SQLite format 3\x00"
# Primary SQLite result codes of storage failures (the extended code's low byte).
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 8, 10, 13, 14


def storage_error_of(exc: BaseException) -> VaultError | None:
    """The clear error for a database write that failed on the medium, else ``None``.

    SQLite reports a full disk or a read-only medium as its own result codes; without this they
    would surface as a raw driver error, or be mistaken for a damaged database.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(exc, DatabaseError) or not isinstance(code, int):
        return None
    primary = code & 0xFF
    if primary == _SQLITE_FULL:
        return StorageFullError("database")
    if primary == _SQLITE_READONLY:
        return ReadOnlyStorageError("database")
    if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
        return VaultError(f"database storage error {code}")
    return None


def connect(path: Path, raw_key: bytes) -> Connection:
    """Open ``path`` keyed with ``raw_key`` and set the pragmas of DESIGN §2.

    The raw 256-bit key skips SQLCipher's own PBKDF2: the key already comes from Argon2id/HKDF.
    """
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        # Silence SQLCipher's own stderr lines before anything can fail noisily.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{raw_key.hex()}'\"")
        self_check(conn)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as exc:
            storage = storage_error_of(exc)
            if storage is not None:
                raise storage from exc
            raise DatabaseDamagedError("key does not open the database") from exc
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlcipher.DatabaseError as exc:
            raise storage_error_of(exc) or DatabaseDamagedError("pragmas refused") from exc
    except BaseException:
        conn.close()
        raise
    return conn


def self_check(conn: Connection) -> None:
    """Refuse a SQLCipher build that would not authenticate pages or that leaks a header."""
    try:
        version = conn.execute("PRAGMA cipher_version").fetchone()
        hmac_algorithm = conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()
        use_hmac = conn.execute("PRAGMA cipher_use_hmac").fetchone()
        plaintext_header = conn.execute("PRAGMA cipher_plaintext_header_size").fetchone()
    except sqlcipher.DatabaseError as exc:
        raise SqlcipherUnsafeError("cipher pragmas unavailable") from exc
    if not version or not version[0]:
        raise SqlcipherUnsafeError("not a SQLCipher build")
    if not use_hmac or str(use_hmac[0]) != "1":
        raise SqlcipherUnsafeError("HMAC disabled")
    if not hmac_algorithm or not str(hmac_algorithm[0]).startswith("HMAC_SHA"):
        raise SqlcipherUnsafeError("no HMAC algorithm")
    if not plaintext_header or str(plaintext_header[0]) != "0":
        raise SqlcipherUnsafeError("plaintext header configured")


def assert_encrypted_file(path: Path) -> None:
    """After the first write, the file must not start with SQLite's plaintext magic."""
    with open(path, "rb") as handle:
        if handle.read(len(SQLITE_PLAIN_MAGIC)) == SQLITE_PLAIN_MAGIC:
            raise SqlcipherUnsafeError("database written in the clear")


@dataclass(frozen=True)
class Migration:
    """One step of one component's schema. ``apply`` runs inside the migration's transaction."""

    version: int
    description: str
    apply: Callable[[Connection], None]


def sql_migration(version: int, description: str, script: str) -> Migration:
    statements = [part.strip() for part in script.split(";") if part.strip()]

    def apply(conn: Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return Migration(version, description, apply)


def check_migration_list(component: str, migrations: Sequence[Migration]) -> None:
    versions = [migration.version for migration in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise MigrationError(f"{component}: migrations must be numbered 1..n")


def schema_version(conn: Connection, component: str) -> int:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_versions'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute(
        "SELECT version FROM schema_versions WHERE component = ?", (component,)
    ).fetchone()
    return 0 if row is None else int(row[0])
