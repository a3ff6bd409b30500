"""An unlocked vault: key slots, the one database connection, the blob store and the ledger.

All database work of an unlocked vault goes through this object, under one lock, on one
connection. Every change happens in :meth:`Vault.transaction`, which refuses to commit a change
that did not append its audit entry.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import os
import secrets
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from vault import audit, keyring_store
from vault.blobs import BlobInfo, BlobStore, Progress, is_blob_id
from vault.constants import (
    DB_FILE,
    HEADER_FILE,
    LOCK_FILE,
    MIN_PASSPHRASE_LENGTH,
    RECOVERY_ACTOR,
)
from vault.db import (
    Connection,
    DatabaseError,
    Migration,
    assert_encrypted_file,
    check_migration_list,
    connect,
    schema_version,
    storage_error_of,
)
from vault.errors import (
    BlobError,
    DatabaseDamagedError,
    KeyringUnavailableError,
    MigrationError,
    OperationCancelledError,
    RollbackError,
    UnknownUserError,
    UnsupportedFormatError,
    UserExistsError,
    VaultError,
    VaultExistsError,
    VaultInUseError,
    VaultLockedError,
    WeakPassphraseError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from vault.fsutil import harden_process, make_private_dir, storage_errors
from vault.header import Checkpoint, Header, Slot, read_vault_header, vault_users, write_header
from vault.kdf import (
    DEFAULT_KDF,
    SALT_BYTES,
    KdfParams,
    b64,
    derive_passphrase_key,
    format_recovery_key,
    hkdf,
    new_recovery_key,
    parse_recovery_key,
    unb64,
    unwrap_key,
    wrap_key,
)
from vault.schema import VAULT_MIGRATIONS

log = logging.getLogger(__name__)

VAULT_COMPONENT = "vault"

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _derived_keys(master_key: bytes) -> tuple[bytes, bytes]:
    """The SQLCipher raw key and the header MAC key, each under its own HKDF label."""
    return (
        hkdf(master_key, info=b"custodia sqlcipher key v1"),
        hkdf(master_key, info=b"custodia header mac v1"),
    )


def _new_slot_id() -> str:
    return secrets.token_hex(8)


def _passphrase_slot(
    vault_id: str,
    master_key: bytes,
    user: str,
    passphrase: str,
    kdf: KdfParams,
    slot_id: str | None = None,
) -> Slot:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphraseError(f"at least {MIN_PASSPHRASE_LENGTH} characters")
    slot_id = slot_id or _new_slot_id()
    salt = os.urandom(SALT_BYTES)
    kek = derive_passphrase_key(passphrase, salt, kdf)
    draft = Slot(slot_id, "passphrase", salt, b"", b"", user=user, kdf=kdf)
    nonce, wrapped = wrap_key(kek, master_key, draft.associated_data(vault_id))
    return replace(draft, nonce=nonce, wrapped=wrapped)


def _secret_slot(vault_id: str, master_key: bytes, kind: str, secret: bytes) -> Slot:
    """A slot for a high-entropy secret (recovery key, keyring secret): HKDF, not Argon2."""
    slot_id = _new_slot_id()
    salt = os.urandom(SALT_BYTES)
    kek = hkdf(secret, info=f"custodia {kind} slot v1".encode(), salt=salt)
    draft = Slot(slot_id, kind, salt, b"", b"")
    nonce, wrapped = wrap_key(kek, master_key, draft.associated_data(vault_id))
    return replace(draft, nonce=nonce, wrapped=wrapped)


def _open_secret_slot(vault_id: str, slot: Slot, secret: bytes) -> bytes | None:
    kek = hkdf(secret, info=f"custodia {slot.kind} slot v1".encode(), salt=slot.salt)
    return unwrap_key(kek, slot.nonce, slot.wrapped, slot.associated_data(vault_id))


class _ProcessLock:
    """An exclusive lock on ``vault.lock`` so that a second process is refused cleanly."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        with storage_errors():
            handle = open(self.path, "a+b")
        try:
            if os.name == "nt":
                import msvcrt

                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise VaultInUseError() from exc
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing drops the lock on every platform
            self._handle = None


@dataclass(frozen=True)
class Problem:
    """One finding of :meth:`Vault.check`: a stable code, the id it concerns, a short detail."""

    code: str
    subject: str
    detail: str


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]
    audit_entries: int
    blobs_checked: int

    @property
    def ok(self) -> bool:
        return not self.problems


class Transaction:
    """One database transaction. A change without an audit entry is refused at commit."""

    def __init__(self, vault: Vault, conn: Connection) -> None:
        self._vault = vault
        self._conn = conn
        self._audited = False
        self.removed_blobs: list[str] = []
        self.at = iso(vault.clock())

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> Any:
        return self._conn.executemany(sql, rows)

    def audit(
        self, action: str, subject: str, details: dict[str, Any] | None = None
    ) -> audit.AuditEntry:
        self._audited = True
        return audit.append(self._conn, self.at, self._vault.actor, action, subject, details or {})

    def register_blob(self, info: BlobInfo) -> None:
        self._conn.execute(
            "INSERT INTO vault_blobs (blob_id, sha256, size, created_at) VALUES (?, ?, ?, ?)",
            (info.blob_id, info.sha256, info.size, self.at),
        )

    def remove_blob(self, blob_id: str) -> None:
        """Forget a blob; its file is deleted once the transaction commits."""
        self._conn.execute("DELETE FROM vault_blobs WHERE blob_id = ?", (blob_id,))
        self.removed_blobs.append(blob_id)

    @property
    def audited(self) -> bool:
        return self._audited


class Vault:
    """An unlocked vault. Create with :meth:`create`, open with one of the ``unlock`` methods."""

    def __init__(
        self,
        path: Path,
        header: Header,
        master_key: bytes,
        conn: Connection,
        process_lock: _ProcessLock,
        actor: str,
        clock: Clock,
    ) -> None:
        self.path = path
        self.actor = actor
        self.clock = clock
        self._header = header
        self._master_key = master_key
        self._db_key, self._mac_key = _derived_keys(master_key)
        self._conn: Connection | None = conn
        self._process_lock = process_lock
        self._lock = threading.RLock()
        self.blobs = BlobStore(path, master_key)
        self._signing_key: Ed25519PrivateKey | None = None

    # Creation and unlocking ------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        user: str,
        passphrase: str,
        *,
        kdf: KdfParams = DEFAULT_KDF,
        role: str = "",
        organisation: str = "",
        clock: Clock = utc_now,
    ) -> tuple[Vault, str]:
        """Create a vault; returns it unlocked with the recovery key, to be shown once."""
        harden_process()
        path = Path(path)
        user = user.strip()
        if not user:
            raise UnknownUserError("empty user name")
        if (path / HEADER_FILE).exists() or (path.exists() and any(path.iterdir())):
            raise VaultExistsError()
        master_key = os.urandom(32)
        vault_id = secrets.token_hex(16)
        recovery_key = new_recovery_key()
        slots = (
            _passphrase_slot(vault_id, master_key, user, passphrase, kdf),
            _secret_slot(vault_id, master_key, "recovery", recovery_key),
        )
        with storage_errors():
            make_private_dir(path)
            make_private_dir(path / "blobs")
            make_private_dir(path / "tmp")
        process_lock = _ProcessLock(path / LOCK_FILE)
        process_lock.acquire()
        created_at = iso(clock())
        header = Header(vault_id=vault_id, created_at=created_at, slots=slots)
        db_key, _ = _derived_keys(master_key)
        try:
            with storage_errors():
                conn = connect(path / DB_FILE, db_key)
        except BaseException:
            process_lock.release()
            raise
        vault = cls(path, header, master_key, conn, process_lock, user, clock)
        try:
            vault.migrate(VAULT_COMPONENT, VAULT_MIGRATIONS)
            signing_key = Ed25519PrivateKey.generate()
            with vault.transaction() as tx:
                tx.execute(
                    "INSERT INTO vault_meta (key, value) VALUES ('vault_id', ?)", (vault_id,)
                )
                tx.execute(
                    "INSERT INTO vault_secrets (name, value) VALUES ('signing_key', ?)",
                    (signing_key.private_bytes_raw(),),
                )
                tx.execute(
                    "INSERT INTO users (name, role, organisation, created_at) VALUES (?, ?, ?, ?)",
                    (user, role, organisation, tx.at),
                )
                tx.audit(
                    "vault.created",
                    vault_id,
                    {"user": user, "kdf": kdf.to_json(), "slots": [s.slot_id for s in slots]},
                )
            assert_encrypted_file(path / DB_FILE)
            vault._write_checkpoint("vault.checkpoint", {"reason": "created"})
        except BaseException:
            vault._close()
            raise
        log.info("vault %s created", vault_id)
        return vault, format_recovery_key(recovery_key)

    @staticmethod
    def read_header(path: Path | str) -> Header:
        return read_vault_header(path)

    @classmethod
    def users(cls, path: Path | str) -> list[str]:
        return vault_users(path)

    @classmethod
    def unlock(
        cls,
        path: Path | str,
        user: str,
        passphrase: str,
        *,
        clock: Clock = utc_now,
        restored_from: dict[str, Any] | None = None,
    ) -> Vault:
        """Unlock with a user's passphrase.

        ``restored_from`` (see vault.backup.restore_note) is given exactly once, right after a
        restore: the ledger is then allowed to be older than the checkpoint the keyring holds,
        and the restore is recorded as such. A rollback is legitimate only when it is explicit.
        """

        def open_slot(header: Header) -> tuple[bytes, str, dict[str, Any]]:
            slot = header.passphrase_slot(user)
            if slot is None or slot.kdf is None:
                raise UnknownUserError()
            kek = derive_passphrase_key(passphrase, slot.salt, slot.kdf)
            master_key = unwrap_key(
                kek, slot.nonce, slot.wrapped, slot.associated_data(header.vault_id)
            )
            if master_key is None:
                log.info("wrong passphrase for a slot of vault %s", header.vault_id)
                raise WrongPassphraseError()
            return master_key, user, {"method": "passphrase", "slot": slot.slot_id}

        return cls._open(Path(path), open_slot, clock, restored_from)

    @classmethod
    def unlock_with_recovery_key(
        cls,
        path: Path | str,
        recovery_key: str,
        *,
        clock: Clock = utc_now,
        restored_from: dict[str, Any] | None = None,
    ) -> Vault:
        secret = parse_recovery_key(recovery_key)

        def open_slot(header: Header) -> tuple[bytes, str, dict[str, Any]]:
            for slot in header.slots_of("recovery"):
                master_key = _open_secret_slot(header.vault_id, slot, secret)
                if master_key is not None:
                    return master_key, RECOVERY_ACTOR, {"method": "recovery", "slot": slot.slot_id}
            raise WrongRecoveryKeyError()

        return cls._open(Path(path), open_slot, clock, restored_from)

    @classmethod
    def unlock_with_keyring(cls, path: Path | str, *, clock: Clock = utc_now) -> Vault:
        def open_slot(header: Header) -> tuple[bytes, str, dict[str, Any]]:
            slots = header.slots_of("keyring")
            if not slots:
                raise KeyringUnavailableError("this vault has no keyring slot")
            for slot in slots:
                try:
                    secret = unb64(keyring_store.load(f"slot:{header.vault_id}:{slot.slot_id}"))
                except ValueError as exc:  # a keyring entry someone else overwrote
                    raise KeyringUnavailableError("keyring secret unreadable") from exc
                master_key = _open_secret_slot(header.vault_id, slot, secret)
                if master_key is not None:
                    actor = slot.user or "keyring"
                    return master_key, actor, {"method": "keyring", "slot": slot.slot_id}
            raise KeyringUnavailableError("keyring secret does not open the vault")

        return cls._open(Path(path), open_slot, clock)

    @classmethod
    def _open(
        cls,
        path: Path,
        open_slot: Callable[[Header], tuple[bytes, str, dict[str, Any]]],
        clock: Clock,
        restored_from: dict[str, Any] | None = None,
    ) -> Vault:
        harden_process()
        header = cls.read_header(path)
        if not (path / DB_FILE).is_file():
            raise DatabaseDamagedError("vault.db is missing")
        process_lock = _ProcessLock(path / LOCK_FILE)
        process_lock.acquire()
        try:
            master_key, actor, unlock_details = open_slot(header)
            db_key, mac_key = _derived_keys(master_key)
            header.verify_mac(mac_key)
            with storage_errors():
                conn = connect(path / DB_FILE, db_key)
        except BaseException:
            process_lock.release()
            raise
        vault = cls(path, header, master_key, conn, process_lock, actor, clock)
        try:
            vault._after_open(unlock_details, restored_from)
        except DatabaseError as exc:
            vault._close()
            storage = storage_error_of(exc)
            if storage is not None:
                raise storage from exc
            raise DatabaseDamagedError("database error while opening") from exc
        except BaseException:
            vault._close()
            raise
        log.info("vault %s unlocked", header.vault_id)
        return vault

    def _after_open(
        self, unlock_details: dict[str, Any], restored_from: dict[str, Any] | None
    ) -> None:
        version = schema_version(self._connection(), VAULT_COMPONENT)
        if version > len(VAULT_MIGRATIONS):
            raise UnsupportedFormatError(f"vault schema {version}")
        if version == 0:
            raise DatabaseDamagedError("database has no vault schema")
        stored_id = self.read_one("SELECT value FROM vault_meta WHERE key = 'vault_id'")
        if stored_id is None or stored_id[0] != self.vault_id:
            raise DatabaseDamagedError("database belongs to another vault")
        self._refuse_rollback(trust_keyring=restored_from is None)
        self.migrate(VAULT_COMPONENT, VAULT_MIGRATIONS)
        self._clean_leftovers()
        if restored_from is not None:
            details = {key: str(value) for key, value in restored_from.items()}
            self._write_checkpoint("vault.restored", details)
        self._write_checkpoint("vault.unlocked", unlock_details)

    def _refuse_rollback(self, *, trust_keyring: bool = True) -> None:
        """Refuse a ledger that is shorter than, or diverges from, any checkpoint we know."""
        public_key = self.signing_key.public_key()
        known: list[Checkpoint] = []
        if self._header.checkpoint is not None:
            known.append(self._header.checkpoint)
        stored = (
            keyring_store.load_optional(f"checkpoint:{self.vault_id}") if trust_keyring else None
        )
        if stored is not None:
            try:
                known.append(Checkpoint.from_json(json.loads(stored)))
            except ValueError:
                log.warning("keyring checkpoint of vault %s unreadable; ignored", self.vault_id)
        for checkpoint in known:
            if checkpoint.vault_id != self.vault_id:
                continue
            if not audit.checkpoint_signature_valid(public_key, checkpoint):
                raise RollbackError(f"checkpoint {checkpoint.seq} signature invalid")
            if not audit.checkpoint_matches_ledger(self._connection(), checkpoint):
                log.error(
                    "vault %s: ledger does not hold checkpoint %d", self.vault_id, checkpoint.seq
                )
                raise RollbackError(f"ledger lacks checkpoint entry {checkpoint.seq}")

    def _clean_leftovers(self) -> None:
        """Empty ``tmp/`` and remove blob files no row refers to, auditing each removal."""
        self.blobs.empty_tmp()
        # A header write interrupted before its rename leaves a temp copy that may hold a slot
        # a later passphrase change replaced.
        for stale in self.path.glob(f".{HEADER_FILE}.tmp-*"):
            with contextlib.suppress(OSError):
                stale.unlink()
        registered = {row[0] for row in self.read("SELECT blob_id FROM vault_blobs")}
        orphans = [b for b in self.blobs.stored_ids() if is_blob_id(b) and b not in registered]
        if not orphans:
            return
        with self.transaction() as tx:
            for blob_id in orphans:
                tx.audit("blob.orphan_removed", blob_id, {"reason": "no record refers to it"})
        for blob_id in orphans:
            self.blobs.remove(blob_id)
        log.info("vault %s: %d orphaned blobs removed", self.vault_id, len(orphans))

    # Properties ------------------------------------------------------------------------------

    @property
    def vault_id(self) -> str:
        return self._header.vault_id

    @property
    def header(self) -> Header:
        return self._header

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def signing_key(self) -> Ed25519PrivateKey:
        if self._signing_key is None:
            row = self.read_one("SELECT value FROM vault_secrets WHERE name = 'signing_key'")
            if row is None:
                raise DatabaseDamagedError("signing key missing")
            self._signing_key = Ed25519PrivateKey.from_private_bytes(bytes(row[0]))
        return self._signing_key

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.signing_key.public_key()

    def public_key_pem(self) -> bytes:
        return self.public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def derive_key(self, label: str) -> bytes:
        """A key for another layer's use (e.g. exports), bound to this vault's master key."""
        return hkdf(self._master_key, info=f"custodia derived v1|{label}".encode())

    # Database access -------------------------------------------------------------------------

    def _connection(self) -> Connection:
        if self._conn is None:
            raise VaultLockedError()
        return self._conn

    def read(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        with self._lock:
            return list(self._connection().execute(sql, params).fetchall())

    def read_one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        with self._lock:
            return self._connection().execute(sql, params).fetchone()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; rolls back on any error, or on an unaudited change."""
        with self._lock:
            conn = self._connection()
            changes_before = conn.total_changes
            conn.execute("BEGIN IMMEDIATE")
            tx = Transaction(self, conn)
            try:
                yield tx
                if conn.total_changes != changes_before and not tx.audited:
                    raise VaultError("refused: a change without an audit entry")
                conn.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(DatabaseError):
                    conn.execute("ROLLBACK")
                storage = storage_error_of(exc)
                if storage is not None:
                    raise storage from exc
                raise
        for blob_id in tx.removed_blobs:
            self.blobs.remove(blob_id)

    def migrate(self, component: str, migrations: Sequence[Migration]) -> int:
        """Bring ``component``'s tables up to date; each step is one audited transaction."""
        check_migration_list(component, migrations)
        with self._lock:
            conn = self._connection()
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_versions ("
                " component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
            )
            current = schema_version(conn, component)
            if current > len(migrations):
                raise UnsupportedFormatError(f"{component} schema {current}")
            for migration in migrations[current:]:
                try:
                    with self.transaction() as tx:
                        migration.apply(conn)
                        tx.execute(
                            "INSERT INTO schema_versions (component, version) VALUES (?, ?)"
                            " ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                            (component, migration.version),
                        )
                        tx.audit(
                            "schema.migrated",
                            component,
                            {"from": migration.version - 1, "to": migration.version},
                        )
                except DatabaseError as exc:
                    raise MigrationError(f"{component} step {migration.version}") from exc
                log.info("schema %s migrated to %d", component, migration.version)
            return schema_version(conn, component)

    # Blobs -----------------------------------------------------------------------------------

    def ingest_file(
        self,
        source: Path,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> BlobInfo:
        """Stage a blob under ``blobs/``; the caller registers it in its own transaction."""
        self._connection()
        return self.blobs.ingest_file(source, progress=progress, cancel=cancel)

    def snapshot_database(self, target: Path) -> list[tuple[str, int]]:
        """Copy the database, still encrypted under the same key, to ``target`` and fsync it.

        Taken under the connection's lock with SQLite's backup API, so the copy and the returned
        blob list (id, plaintext size) describe one consistent moment, even while others write.
        """
        with self._lock:
            copy = connect(target, self._db_key)
            try:
                self._connection().backup(copy)
                copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
            rows = self.read("SELECT blob_id, size FROM vault_blobs ORDER BY blob_id")
        fd = os.open(target, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        return [(str(row[0]), int(row[1])) for row in rows]

    def discard_unregistered_blob(self, blob_id: str) -> None:
        """Remove a staged blob whose transaction failed (the next open would remove it too)."""
        if self.read_one("SELECT 1 FROM vault_blobs WHERE blob_id = ?", (blob_id,)) is None:
            self.blobs.remove(blob_id)

    # Users and key slots ---------------------------------------------------------------------

    def _save_header(self, header: Header) -> None:
        sealed = header.sealed(self._mac_key)
        write_header(self.path / HEADER_FILE, sealed)
        self._header = sealed

    def verify_passphrase(self, user: str, passphrase: str) -> bool:
        """Whether ``passphrase`` opens ``user``'s slot: a re-check before a sensitive change.

        Derives the key (as slow as an unlock) and unwraps the slot; the vault stays as it is.
        """
        slot = self._header.passphrase_slot(user)
        if slot is None or slot.kdf is None:
            raise UnknownUserError()
        kek = derive_passphrase_key(passphrase, slot.salt, slot.kdf)
        opened = unwrap_key(kek, slot.nonce, slot.wrapped, slot.associated_data(self.vault_id))
        return opened is not None and hmac.compare_digest(opened, self._master_key)

    def change_passphrase(
        self, user: str, new_passphrase: str, *, kdf: KdfParams | None = None
    ) -> None:
        """Rewrap the master key for ``user``; rewrites one slot and none of the data.

        The caller proves knowledge of the old passphrase by having unlocked with it, or by
        holding the recovery key (a reset after a forgotten passphrase).
        """
        old = self._header.passphrase_slot(user)
        if old is None:
            raise UnknownUserError()
        params = kdf or old.kdf or DEFAULT_KDF
        fresh = _passphrase_slot(
            self.vault_id, self._master_key, user, new_passphrase, params, slot_id=old.slot_id
        )
        slots = tuple(fresh if s.slot_id == old.slot_id else s for s in self._header.slots)
        with self.transaction() as tx:
            tx.audit("vault.passphrase_changed", old.slot_id, {"user": user})
        self._save_header(replace(self._header, slots=slots))

    def add_user(
        self,
        user: str,
        passphrase: str,
        *,
        role: str = "",
        organisation: str = "",
        kdf: KdfParams = DEFAULT_KDF,
    ) -> None:
        user = user.strip()
        if not user:
            raise UnknownUserError("empty user name")
        if self._header.passphrase_slot(user) is not None:
            raise UserExistsError()
        slot = _passphrase_slot(self.vault_id, self._master_key, user, passphrase, kdf)
        with self.transaction() as tx:
            tx.execute(
                "INSERT INTO users (name, role, organisation, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET role = excluded.role,"
                " organisation = excluded.organisation",
                (user, role, organisation, tx.at),
            )
            tx.audit("vault.user_added", slot.slot_id, {"user": user, "role": role})
        self._save_header(replace(self._header, slots=(*self._header.slots, slot)))

    def user_profiles(self) -> list[tuple[str, str, str]]:
        rows = self.read("SELECT name, role, organisation FROM users ORDER BY name")
        return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]

    def enable_keyring(self, user: str | None = None) -> None:
        """Add a keyring slot. Refused unless the keyring is a real secure store."""
        keyring_store.secure_backend()
        secret = os.urandom(32)
        slot = replace(_secret_slot(self.vault_id, self._master_key, "keyring", secret), user=user)
        keyring_store.store(f"slot:{self.vault_id}:{slot.slot_id}", b64(secret))
        with self.transaction() as tx:
            tx.audit("vault.keyring_enabled", slot.slot_id, {})
        self._save_header(replace(self._header, slots=(*self._header.slots, slot)))

    def disable_keyring(self) -> None:
        slots = self._header.slots_of("keyring")
        if not slots:
            return
        with self.transaction() as tx:
            for slot in slots:
                tx.audit("vault.keyring_disabled", slot.slot_id, {})
        self._save_header(
            replace(self._header, slots=tuple(s for s in self._header.slots if s.kind != "keyring"))
        )
        for slot in slots:
            keyring_store.delete(f"slot:{self.vault_id}:{slot.slot_id}")

    # Ledger ----------------------------------------------------------------------------------

    def _write_checkpoint(self, action: str, details: dict[str, Any]) -> Checkpoint:
        with self.transaction() as tx:
            entry = tx.audit(action, self.vault_id, details)
            checkpoint = audit.sign_checkpoint(
                self.signing_key,
                Checkpoint(self.vault_id, entry.seq, entry.entry_hash, entry.at),
            )
            tx.execute(
                "INSERT INTO audit_checkpoints (seq, hash, at, signature, reason)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    checkpoint.seq,
                    checkpoint.entry_hash,
                    checkpoint.at,
                    checkpoint.signature,
                    action,
                ),
            )
        # The database commits first: a crash here leaves an older checkpoint, never a newer one.
        self._save_header(replace(self._header, checkpoint=checkpoint))
        keyring_store.store_optional(
            f"checkpoint:{self.vault_id}", json.dumps(checkpoint.to_json())
        )
        return checkpoint

    def checkpoint(self, action: str, details: dict[str, Any] | None = None) -> Checkpoint:
        """Record ``action`` in the ledger and sign a checkpoint of it (used at every export)."""
        return self._write_checkpoint(action, details or {})

    def latest_checkpoint(self) -> Checkpoint | None:
        return self._header.checkpoint

    def audit_entries(self, **filters: Any) -> list[audit.AuditEntry]:
        with self._lock:
            return audit.entries(self._connection(), **filters)

    def verify_audit(
        self, *, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> audit.ChainReport:
        with self._lock:
            return self._verify_ledger(self._connection(), progress=progress, cancel=cancel)

    def _verify_ledger(
        self,
        conn: Connection,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> audit.ChainReport:
        """The hash chain, then every checkpoint we know: the header's and the stored ones."""
        report = audit.verify_chain(conn, progress=progress, cancel=cancel)
        known = [
            Checkpoint(self.vault_id, int(row[0]), str(row[1]), str(row[2]), bytes(row[3]))
            for row in conn.execute("SELECT seq, hash, at, signature FROM audit_checkpoints")
        ]
        if self._header.checkpoint is not None:
            known.append(self._header.checkpoint)
        audit.verify_against_checkpoints(conn, report, known)
        return report

    # Checking --------------------------------------------------------------------------------

    def check(
        self, *, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> CheckReport:
        """Header, database integrity, audit chain, checkpoints and every blob."""
        problems: list[Problem] = []
        with self._lock:
            conn = self._connection()
            integrity = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if integrity != ["ok"]:
                problems.append(Problem("database.integrity", "vault.db", integrity[0][:200]))
            cipher = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
            if cipher:
                problems.append(Problem("database.cipher_integrity", "vault.db", cipher[0][:200]))
            entries = 0
            try:
                report = self._verify_ledger(conn, cancel=cancel)
                entries = report.entries
            except VaultError as exc:
                if isinstance(exc, OperationCancelledError):
                    raise
                problems.append(Problem("audit.chain", "audit", str(exc.detail)))
            public_key = self.public_key
            for row in conn.execute(
                "SELECT seq, hash, at, signature FROM audit_checkpoints ORDER BY seq"
            ).fetchall():
                checkpoint = Checkpoint(self.vault_id, int(row[0]), row[1], row[2], bytes(row[3]))
                if not audit.checkpoint_signature_valid(public_key, checkpoint):
                    problems.append(Problem("audit.checkpoint_signature", f"seq {row[0]}", ""))
                elif not audit.checkpoint_matches_ledger(conn, checkpoint):
                    problems.append(Problem("audit.checkpoint_mismatch", f"seq {row[0]}", ""))
            blobs = conn.execute("SELECT blob_id, sha256, size FROM vault_blobs").fetchall()
        total_bytes = sum(int(b[2]) for b in blobs) or 1
        done_bytes = 0
        for blob_id, sha256, size in blobs:
            base = done_bytes

            def blob_progress(done: int, _total: int, base: int = base) -> None:
                if progress is not None:
                    progress(base + done, total_bytes)

            try:
                self.blobs.verify(blob_id, sha256, int(size), progress=blob_progress, cancel=cancel)
            except OperationCancelledError:
                raise
            except BlobError as exc:
                problems.append(Problem(exc.code, blob_id, str(exc.detail or "")))
            done_bytes += int(size)
        registered = {b[0] for b in blobs}
        for stray in sorted(set(self.blobs.stored_ids()) - registered):
            problems.append(Problem("blob.unregistered", stray, "file with no record"))
        if self.blobs.tmp_dir.is_dir() and any(self.blobs.tmp_dir.iterdir()):
            problems.append(Problem("tmp.not_empty", "tmp", "unfinished ingests present"))
        return CheckReport(tuple(problems), entries, len(blobs))

    # Locking ---------------------------------------------------------------------------------

    def lock(self) -> None:
        """Checkpoint the ledger, close the database and forget the keys."""
        if self._conn is None:
            return
        try:
            self._write_checkpoint("vault.locked", {})
        finally:
            self._close()
        log.info("vault %s locked", self.vault_id)

    def _close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(DatabaseError):
                    self._conn.close()
                self._conn = None
            self._master_key = b""
            self._db_key = b""
            self._mac_key = b""
            self._signing_key = None
            self.blobs = BlobStore(self.path, b"")
            self._process_lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()
