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
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from vault import audit, keyring_store, roles
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
    AuditChainError,
    BlobError,
    DatabaseDamagedError,
    KeyringUnavailableError,
    LastAdministratorError,
    MigrationError,
    OperationCancelledError,
    PermissionDeniedError,
    RollbackError,
    UnknownRoleError,
    UnknownUserError,
    UnsupportedFormatError,
    UserExistsError,
    UserNotRegisteredError,
    VaultError,
    VaultExistsError,
    VaultInUseError,
    VaultLockedError,
    WeakPassphraseError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from vault.fsutil import harden_process, make_private_dir, storage_errors
from vault.header import (
    Checkpoint,
    Header,
    Slot,
    UserKey,
    read_vault_header,
    vault_users,
    write_header,
)
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
_ACCOUNTABLE_SCHEMA = 2  # the vault schema version that added user keys


def key_fingerprint(public_key: Ed25519PublicKey) -> str:
    """SHA-256 of the DER public key, as ``verify`` and VERIFY.txt print a signer's key."""
    import hashlib

    der = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


def _title(value: str) -> str:
    """A job title given where a role is expected by older callers; role names are not titles."""
    cleaned = value.strip()
    return "" if cleaned.lower() in roles.ROLES else cleaned


def _user_json(user_id: str, name: str, role: str, key: Ed25519PrivateKey | None) -> dict[str, Any]:
    public = "" if key is None else key.public_key().public_bytes_raw().hex()
    return {"user_id": user_id, "name": name, "role": role, "public_key": public}


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


def _with_user_key(vault_id: str, slot: Slot, kek: bytes, key: Ed25519PrivateKey) -> Slot:
    """``slot`` also wrapping a user's private key under the same secret (DESIGN §6.4)."""
    user_kek = hkdf(kek, info=b"custodia user key v1")
    nonce, wrapped = wrap_key(
        user_kek, key.private_bytes_raw(), slot.user_key_associated_data(vault_id)
    )
    return replace(slot, user_key=UserKey(nonce, wrapped, key.public_key().public_bytes_raw()))


def _unwrap_user_key(vault_id: str, slot: Slot, kek: bytes) -> Ed25519PrivateKey | None:
    if slot.user_key is None:
        return None
    user_kek = hkdf(kek, info=b"custodia user key v1")
    raw = unwrap_key(
        user_kek,
        slot.user_key.nonce,
        slot.user_key.wrapped,
        slot.user_key_associated_data(vault_id),
    )
    if raw is None or len(raw) != 32:
        return None
    key = Ed25519PrivateKey.from_private_bytes(raw)
    # The clear copy of the public key is what `vault check` compares; it must be this key's.
    if key.public_key().public_bytes_raw() != slot.user_key.public:
        return None
    return key


def _passphrase_slot(
    vault_id: str,
    master_key: bytes,
    user: str,
    passphrase: str,
    kdf: KdfParams,
    slot_id: str | None = None,
    user_key: Ed25519PrivateKey | None = None,
) -> Slot:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphraseError(f"at least {MIN_PASSPHRASE_LENGTH} characters")
    slot_id = slot_id or _new_slot_id()
    salt = os.urandom(SALT_BYTES)
    kek = derive_passphrase_key(passphrase, salt, kdf)
    draft = Slot(slot_id, "passphrase", salt, b"", b"", user=user, kdf=kdf)
    nonce, wrapped = wrap_key(kek, master_key, draft.associated_data(vault_id))
    slot = replace(draft, nonce=nonce, wrapped=wrapped)
    return slot if user_key is None else _with_user_key(vault_id, slot, kek, user_key)


def _secret_kek(kind: str, secret: bytes, salt: bytes) -> bytes:
    return hkdf(secret, info=f"custodia {kind} slot v1".encode(), salt=salt)


def _secret_slot(
    vault_id: str,
    master_key: bytes,
    kind: str,
    secret: bytes,
    user_key: Ed25519PrivateKey | None = None,
    user: str | None = None,
) -> Slot:
    """A slot for a high-entropy secret (recovery key, keyring secret): HKDF, not Argon2."""
    slot_id = _new_slot_id()
    salt = os.urandom(SALT_BYTES)
    kek = _secret_kek(kind, secret, salt)
    draft = Slot(slot_id, kind, salt, b"", b"", user=user)
    nonce, wrapped = wrap_key(kek, master_key, draft.associated_data(vault_id))
    slot = replace(draft, nonce=nonce, wrapped=wrapped)
    return slot if user_key is None else _with_user_key(vault_id, slot, kek, user_key)


def _open_secret_slot(vault_id: str, slot: Slot, secret: bytes) -> tuple[bytes, bytes] | None:
    """The master key and the slot's key-encryption key, or ``None``."""
    kek = _secret_kek(slot.kind, secret, slot.salt)
    master_key = unwrap_key(kek, slot.nonce, slot.wrapped, slot.associated_data(vault_id))
    return None if master_key is None else (master_key, kek)


@dataclass(frozen=True)
class _Opened:
    """What opening one slot yields: the master key, and the secret that unwraps its user key."""

    master_key: bytes
    slot: Slot
    kek: bytes
    details: dict[str, Any]


@dataclass(frozen=True)
class UserInfo:
    """A user as the vault lists them; ``enrolled`` once their signing key exists."""

    user_id: str
    name: str
    role: str
    title: str
    organisation: str
    enrolled: bool


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
        signer = self._vault._signer
        details = details or {}
        if signer is not None:
            # The one gate every change passes: the app and the command line get the same rule,
            # and `vault check` replays the same table over the signed ledger.
            permission = roles.permission_for(action, details, signer.user_id)
            if not roles.allows(signer.role, permission):
                log.info("action %s refused for user %s (%s)", action, signer.user_id, signer.role)
                raise PermissionDeniedError(permission, signer.role)
        self._audited = True
        return audit.append(
            self._conn, self.at, self._vault.actor, action, subject, details, signer
        )

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
        self._signer: audit.Signer | None = None
        #: Seconds the passphrase KDF took inside the unlock that opened this vault (0 for other
        #: ways in), so that what an unlock costs beyond its KDF is measured in one call.
        self.kdf_seconds = 0.0

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
        user_key, recovery_user_key = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
        slots = (
            _passphrase_slot(vault_id, master_key, user, passphrase, kdf, user_key=user_key),
            _secret_slot(vault_id, master_key, "recovery", recovery_key, recovery_user_key),
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
                # The creator administers the vault whatever their job title; the recovery key
                # is an administrator too (it can do anything the master key can).
                listed = [
                    (secrets.token_hex(8), user, role, organisation, user_key),
                    (audit.RECOVERY_USER_ID, RECOVERY_ACTOR, "", "", recovery_user_key),
                ]
                for user_id, name, title, org, key in listed:
                    tx.execute(
                        "INSERT INTO users (name, role, title, organisation, created_at, user_id,"
                        " public_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (
                            name,
                            roles.ADMINISTRATOR,
                            _title(title),
                            org,
                            tx.at,
                            user_id,
                            key.public_key().public_bytes_raw(),
                        ),
                    )
                vault._signer = audit.Signer(
                    listed[0][0], user, roles.ADMINISTRATOR, user_key, vault_id
                )
                tx.audit(
                    audit.ACCOUNTABLE,
                    vault_id,
                    {
                        "reason": "created",
                        "users": [
                            _user_json(user_id, name, roles.ADMINISTRATOR, key)
                            for user_id, name, _, _, key in listed
                        ],
                    },
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

        kdf_seconds = 0.0

        def open_slot(header: Header) -> _Opened:
            nonlocal kdf_seconds
            slot = header.passphrase_slot(user)
            if slot is None or slot.kdf is None:
                raise UnknownUserError()
            started = time.perf_counter()
            kek = derive_passphrase_key(passphrase, slot.salt, slot.kdf)
            kdf_seconds = time.perf_counter() - started
            master_key = unwrap_key(
                kek, slot.nonce, slot.wrapped, slot.associated_data(header.vault_id)
            )
            if master_key is None:
                log.info("wrong passphrase for a slot of vault %s", header.vault_id)
                raise WrongPassphraseError()
            return _Opened(master_key, slot, kek, {"method": "passphrase", "slot": slot.slot_id})

        vault = cls._open(Path(path), open_slot, clock, restored_from)
        vault.kdf_seconds = kdf_seconds
        return vault

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

        def open_slot(header: Header) -> _Opened:
            for slot in header.slots_of("recovery"):
                opened = _open_secret_slot(header.vault_id, slot, secret)
                if opened is not None:
                    details = {"method": "recovery", "slot": slot.slot_id}
                    return _Opened(opened[0], slot, opened[1], details)
            raise WrongRecoveryKeyError()

        return cls._open(Path(path), open_slot, clock, restored_from)

    @classmethod
    def unlock_with_keyring(cls, path: Path | str, *, clock: Clock = utc_now) -> Vault:
        def open_slot(header: Header) -> _Opened:
            slots = header.slots_of("keyring")
            if not slots:
                raise KeyringUnavailableError("this vault has no keyring slot")
            for slot in slots:
                try:
                    secret = unb64(keyring_store.load(f"slot:{header.vault_id}:{slot.slot_id}"))
                except ValueError as exc:  # a keyring entry someone else overwrote
                    raise KeyringUnavailableError("keyring secret unreadable") from exc
                opened = _open_secret_slot(header.vault_id, slot, secret)
                if opened is not None:
                    details = {"method": "keyring", "slot": slot.slot_id}
                    return _Opened(opened[0], slot, opened[1], details)
            raise KeyringUnavailableError("keyring secret does not open the vault")

        return cls._open(Path(path), open_slot, clock)

    @classmethod
    def _open(
        cls,
        path: Path,
        open_slot: Callable[[Header], _Opened],
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
            opened = open_slot(header)
            master_key = opened.master_key
            db_key, mac_key = _derived_keys(master_key)
            header.verify_mac(mac_key)
            with storage_errors():
                conn = connect(path / DB_FILE, db_key)
        except BaseException:
            process_lock.release()
            raise
        # Until the slot's user key names them, the slot's label stands in (never recorded signed).
        label = opened.slot.user or (RECOVERY_ACTOR if opened.slot.kind == "recovery" else "")
        vault = cls(path, header, master_key, conn, process_lock, label or "keyring", clock)
        try:
            vault._after_open(opened, restored_from)
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

    def _after_open(self, opened: _Opened, restored_from: dict[str, Any] | None) -> None:
        version = schema_version(self._connection(), VAULT_COMPONENT)
        if version > len(VAULT_MIGRATIONS):
            raise UnsupportedFormatError(f"vault schema {version}")
        if version == 0:
            raise DatabaseDamagedError("database has no vault schema")
        stored_id = self.read_one("SELECT value FROM vault_meta WHERE key = 'vault_id'")
        if stored_id is None or stored_id[0] != self.vault_id:
            raise DatabaseDamagedError("database belongs to another vault")
        self._refuse_rollback(trust_keyring=restored_from is None)
        # Who is unlocking is known before anything is written, so that even a later schema
        # step is signed; a vault from before user keys learns its users right after migrating.
        if version >= _ACCOUNTABLE_SCHEMA and self._accountable():
            self._take_identity(opened)
        self.migrate(VAULT_COMPONENT, VAULT_MIGRATIONS)
        if self._signer is None:
            if not self._accountable():
                self._become_accountable(opened)
            self._take_identity(opened)
        self._clean_leftovers()
        if restored_from is not None:
            details = {key: str(value) for key, value in restored_from.items()}
            self._write_checkpoint("vault.restored", details)
        self._write_checkpoint("vault.unlocked", opened.details)

    # Accountable users (DESIGN §6.4) ---------------------------------------------------------

    def _accountable(self) -> bool:
        row = self.read_one(
            "SELECT 1 FROM audit_log WHERE action = ? LIMIT 1", (audit.ACCOUNTABLE,)
        )
        return row is not None

    def _current_slot(self, slot_id: str) -> Slot:
        for slot in self._header.slots:
            if slot.slot_id == slot_id:
                return slot
        raise UnknownUserError("slot vanished")

    def _pending_user(self, slot: Slot) -> tuple[str, str, str] | None:
        """The listed user a slot without a key belongs to, while their key is not enrolled."""
        if slot.kind == "recovery":
            row = self.read_one(
                "SELECT user_id, name, role FROM users WHERE user_id = ? AND public_key IS NULL",
                (audit.RECOVERY_USER_ID,),
            )
        else:
            row = self.read_one(
                "SELECT user_id, name, role FROM users WHERE name = ? AND public_key IS NULL"
                " AND user_id IS NOT NULL AND user_id != ?",
                (slot.user or "", audit.RECOVERY_USER_ID),
            )
        return None if row is None else (str(row[0]), str(row[1]), str(row[2]))

    def _take_identity(self, opened: _Opened) -> None:
        """Become the user whose key the opened slot unwraps; the slot's label is not trusted.

        A slot relabelled in ``vault.json`` still unwraps its real owner's key, so the ledger
        names the real owner; a key the signed list of users does not hold is refused.
        """
        slot = self._current_slot(opened.slot.slot_id)
        key = _unwrap_user_key(self.vault_id, slot, opened.kek)
        if slot.user_key is not None and key is None:
            raise UserNotRegisteredError("user key does not open")
        if key is not None:
            row = self.read_one(
                "SELECT user_id, name, role FROM users WHERE public_key = ?",
                (key.public_key().public_bytes_raw(),),
            )
            if row is not None:
                self._signer = audit.Signer(
                    str(row[0]), str(row[1]), str(row[2]), key, self.vault_id
                )
                self.actor = str(row[1])
                return
        pending = self._pending_user(slot)
        if pending is None:
            if slot.kind == "keyring" and slot.user_key is None:
                raise KeyringUnavailableError("keyring slot predates user keys")
            log.warning("vault %s: slot %s holds no listed user", self.vault_id, slot.slot_id)
            raise UserNotRegisteredError()
        if key is None:
            # First unlock since the upgrade: the key is wrapped into the slot before the ledger
            # names it, so a crash in between leaves a key that the next unlock enrols.
            key = self._new_slot_key(slot.slot_id, opened.kek)
        user_id, name, role = pending
        self._signer = audit.Signer(user_id, name, role, key, self.vault_id)
        self.actor = name
        public = key.public_key().public_bytes_raw()
        with self.transaction() as tx:
            tx.execute("UPDATE users SET public_key = ? WHERE user_id = ?", (public, user_id))
            tx.audit("user.key_enrolled", user_id, {"user_id": user_id, "public_key": public.hex()})
        log.info("vault %s: key of user %s enrolled", self.vault_id, user_id)

    def _new_slot_key(self, slot_id: str, kek: bytes) -> Ed25519PrivateKey:
        """A new user key, wrapped into the slot ``slot_id`` and saved in the header."""
        key = Ed25519PrivateKey.generate()
        self._save_header(
            replace(
                self._header,
                slots=tuple(
                    _with_user_key(self.vault_id, s, kek, key) if s.slot_id == slot_id else s
                    for s in self._header.slots
                ),
            )
        )
        return key

    def _become_accountable(self, opened: _Opened) -> None:
        """Upgrade a vault from before user keys: every existing user becomes an administrator.

        Nobody loses what they could do the day before; an administrator then assigns roles. The
        unlocking user's key is made now and signs the list; each other user's key is made at
        their first unlock (``user.key_enrolled``, signed by that new key).
        """
        opener = self._current_slot(opened.slot.slot_id)
        if opener.kind == "keyring" and not opener.user:
            raise KeyringUnavailableError("unlock once with a passphrase after this update")
        titles = {
            str(r[0]): (str(r[1]), str(r[2]))
            for r in self.read("SELECT name, role, organisation FROM users")
        }
        names = list(dict.fromkeys([*self._header.users(), *titles]))
        opener_name = RECOVERY_ACTOR if opener.kind == "recovery" else str(opener.user)
        key = _unwrap_user_key(self.vault_id, opener, opened.kek)
        if key is None:
            key = self._new_slot_key(opener.slot_id, opened.kek)
        listed: list[dict[str, Any]] = []
        opener_id = ""
        with self.transaction() as tx:
            for name in [*names, RECOVERY_ACTOR]:
                user_id = audit.RECOVERY_USER_ID if name == RECOVERY_ACTOR else secrets.token_hex(8)
                title, organisation = titles.get(name, ("", ""))
                public = key.public_key().public_bytes_raw() if name == opener_name else None
                if name == opener_name:
                    opener_id = user_id
                tx.execute(
                    "INSERT INTO users (name, role, title, organisation, created_at, user_id,"
                    " public_key) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                    " role = excluded.role, title = excluded.title, user_id = excluded.user_id,"
                    " public_key = excluded.public_key",
                    (name, roles.ADMINISTRATOR, title, organisation, tx.at, user_id, public),
                )
                listed.append(
                    {
                        "user_id": user_id,
                        "name": name,
                        "role": roles.ADMINISTRATOR,
                        "public_key": "" if public is None else public.hex(),
                        "was": title,
                    }
                )
            self._signer = audit.Signer(
                opener_id, opener_name, roles.ADMINISTRATOR, key, self.vault_id
            )
            self.actor = opener_name
            tx.audit(audit.ACCOUNTABLE, self.vault_id, {"reason": "migrated", "users": listed})
        self._signer = None  # _take_identity confirms it from the slot, as at every unlock
        log.info("vault %s: %d users made accountable", self.vault_id, len(listed))

    @property
    def user_id(self) -> str:
        return "" if self._signer is None else self._signer.user_id

    @property
    def role(self) -> str:
        return "" if self._signer is None else self._signer.role

    def may(self, permission: str) -> bool:
        """Whether the unlocked user's role holds ``permission`` (vault.roles), for the UIs."""
        return self._signer is not None and roles.allows(self._signer.role, permission)

    def require(self, permission: str) -> None:
        """Refuse early, before any work, what the role does not allow (the ledger would too)."""
        if not self.may(permission):
            raise PermissionDeniedError(permission, self.role)

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

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.public_key)

    def anchor_problem(self, checkpoint: Checkpoint, where: str) -> Problem | None:
        """Whether this vault still holds the entry a checkpoint kept outside it vouches for.

        ``where`` names the anchor (a backup generation, a bundle). Only this vault's own key
        is trusted for the signature: an anchor that brings its own key proves nothing.
        """
        if checkpoint.vault_id != self.vault_id:
            return Problem(
                "anchor.other_vault", where, f"a checkpoint of vault {checkpoint.vault_id}"
            )
        if not audit.checkpoint_signature_valid(self.public_key, checkpoint):
            return Problem("anchor.signature", where, "checkpoint not signed by this vault's key")
        with self._lock:
            conn = self._connection()
            last_seq, _ = audit.last_entry(conn)
            if checkpoint.seq > last_seq:
                return Problem(
                    "anchor.rollback",
                    where,
                    f"rollback: it holds entry {checkpoint.seq} signed at {checkpoint.at}; this"
                    f" vault's ledger ends at entry {last_seq}",
                )
            if not audit.checkpoint_matches_ledger(conn, checkpoint):
                return Problem(
                    "anchor.diverged",
                    where,
                    f"rollback or rewritten history: entry {checkpoint.seq} differs from the one"
                    f" signed at {checkpoint.at}",
                )
        return None

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

        Your own passphrase: you proved the old one by unlocking with it, and your signing key
        is rewrapped as it is. Someone else's (a reset, also after unlocking with the recovery
        key): administrators only; their old key stays wrapped under the old passphrase, which is
        gone, so they get a new one, named in the same signed entry, and their keyring slots go.
        """
        old = self._header.passphrase_slot(user)
        if old is None:
            raise UnknownUserError()
        target = self.read_one("SELECT user_id FROM users WHERE name = ?", (user,))
        if target is None or target[0] is None:
            raise UnknownUserError("not in the list of users")
        target_id = str(target[0])
        own = self._signer is not None and self._signer.user_id == target_id
        if not own:
            self.require(roles.USERS)
        key = self._signer.key if own and self._signer is not None else Ed25519PrivateKey.generate()
        params = kdf or old.kdf or DEFAULT_KDF
        fresh = _passphrase_slot(
            self.vault_id,
            self._master_key,
            user,
            new_passphrase,
            params,
            slot_id=old.slot_id,
            user_key=key,
        )
        details: dict[str, Any] = {"user": user, "user_id": target_id}
        dropped = [] if own else [s for s in self._header.slots_of("keyring") if s.user == user]
        if not own:
            details["public_key"] = key.public_key().public_bytes_raw().hex()
        slots = tuple(
            fresh if s.slot_id == old.slot_id else s for s in self._header.slots if s not in dropped
        )
        with self.transaction() as tx:
            if not own:
                tx.execute(
                    "UPDATE users SET public_key = ? WHERE user_id = ?",
                    (key.public_key().public_bytes_raw(), target_id),
                )
            tx.audit("vault.passphrase_changed", old.slot_id, details)
        self._save_header(replace(self._header, slots=slots))
        for slot in dropped:
            keyring_store.delete(f"slot:{self.vault_id}:{slot.slot_id}")

    def add_user(
        self,
        user: str,
        passphrase: str,
        *,
        role: str = "",
        organisation: str = "",
        kdf: KdfParams = DEFAULT_KDF,
    ) -> None:
        """Add a user with their own passphrase and signing key (administrators only).

        ``role`` is administrator, caseworker or viewer; an older job title ("lawyer") maps to
        the access it implies (vault.roles.LEGACY_TITLES) and is kept as the title.
        """
        self.require(roles.USERS)
        user = user.strip()
        if not user:
            raise UnknownUserError("empty user name")
        try:
            access = roles.access_role(role)
        except ValueError as exc:
            raise UnknownRoleError() from exc
        if self._header.passphrase_slot(user) is not None or user == RECOVERY_ACTOR:
            raise UserExistsError()
        if self.read_one("SELECT 1 FROM users WHERE name = ?", (user,)) is not None:
            raise UserExistsError()
        key = Ed25519PrivateKey.generate()
        user_id = secrets.token_hex(8)
        slot = _passphrase_slot(
            self.vault_id, self._master_key, user, passphrase, kdf, user_key=key
        )
        with self.transaction() as tx:
            tx.execute(
                "INSERT INTO users (name, role, title, organisation, created_at, user_id,"
                " public_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    user,
                    access,
                    _title(role),
                    organisation,
                    tx.at,
                    user_id,
                    key.public_key().public_bytes_raw(),
                ),
            )
            tx.audit("user.added", user_id, {**_user_json(user_id, user, access, key)})
        self._save_header(replace(self._header, slots=(*self._header.slots, slot)))

    def _user_row(self, user: str) -> tuple[str, str]:
        row = self.read_one(
            "SELECT user_id, role FROM users WHERE name = ? AND user_id IS NOT NULL"
            " AND user_id != ?",
            (user, audit.RECOVERY_USER_ID),
        )
        if row is None:
            raise UnknownUserError()
        return str(row[0]), str(row[1])

    def _keep_an_administrator(self, user_id: str) -> None:
        row = self.read_one(
            "SELECT count(*) FROM users WHERE role = ? AND user_id != ? AND user_id != ?",
            (roles.ADMINISTRATOR, user_id, audit.RECOVERY_USER_ID),
        )
        if int(row[0]) == 0:
            raise LastAdministratorError()

    def set_role(self, user: str, role: str) -> None:
        """Change a user's role (administrators only); the vault keeps one administrator."""
        self.require(roles.USERS)
        user_id, current = self._user_row(user)
        try:
            access = roles.access_role(role)
        except ValueError as exc:
            raise UnknownRoleError() from exc
        if current == roles.ADMINISTRATOR and access != roles.ADMINISTRATOR:
            self._keep_an_administrator(user_id)
        with self.transaction() as tx:
            tx.execute("UPDATE users SET role = ? WHERE user_id = ?", (access, user_id))
            tx.audit(
                "user.role_changed", user_id, {"user_id": user_id, "name": user, "role": access}
            )
        if self._signer is not None and self._signer.user_id == user_id:
            self._signer = replace(self._signer, role=access)

    def remove_user(self, user: str) -> None:
        """Remove a user and their key slots (administrators only).

        Their past entries stay in the ledger, signed; entries after the removal signed by their
        key are named by ``vault check``.
        """
        self.require(roles.USERS)
        user_id, current = self._user_row(user)
        if current == roles.ADMINISTRATOR:
            self._keep_an_administrator(user_id)
        gone = [
            s for s in self._header.slots if s.kind in ("passphrase", "keyring") and s.user == user
        ]
        with self.transaction() as tx:
            tx.execute("DELETE FROM users WHERE user_id = ?", (user_id,))
            tx.audit(
                "user.removed",
                user_id,
                {"user_id": user_id, "name": user, "slots": [s.slot_id for s in gone]},
            )
        self._save_header(
            replace(self._header, slots=tuple(s for s in self._header.slots if s not in gone))
        )
        for slot in gone:
            if slot.kind == "keyring":
                keyring_store.delete(f"slot:{self.vault_id}:{slot.slot_id}")
        if self._signer is not None and self._signer.user_id == user_id:
            self._signer = None  # removed themselves: nothing more is written in their name

    def user_profiles(self) -> list[tuple[str, str, str]]:
        """(name, title, organisation) of every user who can sign in (not the recovery key).

        The title is the job a user gave ("lawyer"), else their role; reports print it as the
        author's. What a user may do is :meth:`list_users`' ``role``.
        """
        rows = self.read(
            "SELECT name, CASE WHEN title != '' THEN title ELSE role END, organisation FROM users"
            " WHERE user_id IS NULL OR user_id != ? ORDER BY name",
            (audit.RECOVERY_USER_ID,),
        )
        return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]

    def list_users(self) -> list[UserInfo]:
        rows = self.read(
            "SELECT user_id, name, role, title, organisation, public_key FROM users"
            " WHERE user_id != ? ORDER BY name",
            (audit.RECOVERY_USER_ID,),
        )
        return [
            UserInfo(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), r[5] is not None)
            for r in rows
        ]

    def enable_keyring(self, user: str | None = None) -> None:
        """Add a keyring slot for the unlocked user. Refused unless the keyring is a real
        secure store. The slot wraps this user's signing key too, so it can only be theirs."""
        keyring_store.secure_backend()
        signer = self._signer
        if signer is None or (user is not None and user != signer.name):
            raise PermissionDeniedError(roles.USERS, self.role)
        secret = os.urandom(32)
        slot = _secret_slot(
            self.vault_id, self._master_key, "keyring", secret, signer.key, user=signer.name
        )
        keyring_store.store(f"slot:{self.vault_id}:{slot.slot_id}", b64(secret))
        with self.transaction() as tx:
            tx.audit("vault.keyring_enabled", slot.slot_id, {"user_id": signer.user_id})
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
        # The chain verified just above, under the same lock: runs may be checked by their ends.
        findings, _ = audit.verify_accountability(
            conn, self.vault_id, cancel=cancel, every_signature=False
        )
        if findings:
            first = findings[0]
            raise AuditChainError(f"entry {first.seq}: {first.code} ({first.detail})", first.seq)
        return report

    # Checking --------------------------------------------------------------------------------

    def check(
        self,
        *,
        anchors: Sequence[tuple[str, Checkpoint | None]] = (),
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> CheckReport:
        """Header, database integrity, audit chain, checkpoints, users and every blob.

        ``anchors`` are checkpoints kept outside the vault (``vault check --against``: a bundle,
        a backup destination), each named by where it came from; ``None`` is a place that held
        no checkpoint. Each must be an entry this ledger still holds with the same hash.
        """
        problems: list[Problem] = []
        for where, checkpoint in anchors:
            if checkpoint is None:
                problems.append(Problem("anchor.missing", where, "holds no checkpoint"))
                continue
            problem = self.anchor_problem(checkpoint, where)
            if problem is not None:
                problems.append(problem)
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
                report = audit.verify_chain(conn, cancel=cancel)
                entries = report.entries
                known = [
                    Checkpoint(self.vault_id, int(r[0]), str(r[1]), str(r[2]), bytes(r[3]))
                    for r in conn.execute("SELECT seq, hash, at, signature FROM audit_checkpoints")
                ]
                if self._header.checkpoint is not None:
                    known.append(self._header.checkpoint)
                audit.verify_against_checkpoints(conn, report, known)
            except VaultError as exc:
                if isinstance(exc, OperationCancelledError):
                    raise
                problems.append(Problem("audit.chain", "audit", str(exc.detail)))
            problems.extend(self._check_users(conn, cancel))
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

    def _check_users(self, conn: Connection, cancel: threading.Event | None) -> list[Problem]:
        """Every entry's signature and role, then every slot and user row against the ledger.

        The ledger's list of users is signed entry by entry, so it is the reference; the slot
        labels in ``vault.json`` and the ``users`` table are what an editor could change.
        """
        findings, users = audit.verify_accountability(conn, self.vault_id, cancel=cancel)
        problems = [
            Problem(
                f.code, f"entry {f.seq}", f"actor {f.actor}: {f.detail}" if f.actor else f.detail
            )
            for f in findings
        ]
        by_key = {u.public_key: u for u in users.values() if u.public_key and not u.removed}
        for slot in self._header.slots:
            if slot.kind == "recovery":
                continue
            if slot.user_key is None:
                pending = [
                    u
                    for u in users.values()
                    if u.name == slot.user and u.public_key is None and not u.removed
                ]
                if not pending:
                    problems.append(
                        Problem(
                            "user.slot_unlisted", f"slot {slot.slot_id}", f"labelled {slot.user}"
                        )
                    )
                continue
            owner = by_key.get(slot.user_key.public)
            if owner is None:
                problems.append(
                    Problem("user.slot_unlisted", f"slot {slot.slot_id}", f"labelled {slot.user}")
                )
            elif owner.name != slot.user:
                problems.append(
                    Problem(
                        "user.slot_relabelled",
                        f"slot {slot.slot_id}",
                        f"labelled {slot.user} but holds the key of {owner.name}",
                    )
                )
        stored = {
            str(r[0]): (str(r[1]), str(r[2]), None if r[3] is None else bytes(r[3]))
            for r in conn.execute(
                "SELECT user_id, name, role, public_key FROM users WHERE user_id IS NOT NULL"
            )
        }
        listed = {
            u.user_id: (u.name, u.role, u.public_key) for u in users.values() if not u.removed
        }
        if users and stored != listed:
            for user_id in sorted(set(stored) | set(listed)):
                if stored.get(user_id) != listed.get(user_id):
                    problems.append(
                        Problem("user.table_edited", f"user {user_id}", "differs from the ledger")
                    )
        return problems

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
