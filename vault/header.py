"""The vault header, ``vault.json``: format version, vault id, key slots and last checkpoint.

Two layers protect it. A SHA-256 checksum over the canonical body catches accidental damage before
any key is derived, so a flipped bit reads as "damaged", never as "wrong passphrase". An HMAC keyed
from the master key catches deliberate edits once a slot has opened.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from vault.constants import HEADER_FILE
from vault.errors import (
    HeaderDamagedError,
    HeaderTamperedError,
    UnsupportedFormatError,
    VaultNotFoundError,
)
from vault.fsutil import atomic_write, storage_errors
from vault.kdf import NONCE_BYTES, SALT_BYTES, KdfParams, b64, unb64

FORMAT_NAME = "custodia-vault"
FORMAT_VERSION = 1
MAX_HEADER_BYTES = 1 << 20
SLOT_TYPES = ("passphrase", "recovery", "keyring")
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_HEX16 = re.compile(r"^[0-9a-f]{16}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def canonical_json(value: object) -> bytes:
    """The one byte form we hash, sign and MAC: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True)
class UserKey:
    """A user's Ed25519 private key wrapped under the same secret as the slot (DESIGN §6.4).

    ``public`` is kept in the clear so that ``vault check`` can compare every slot's label with
    the ledger's user list without anyone's passphrase; unlocking compares it with the key it
    unwraps, so a mismatch is refused.
    """

    nonce: bytes
    wrapped: bytes
    public: bytes

    def to_json(self) -> dict[str, Any]:
        return {"nonce": b64(self.nonce), "wrapped": b64(self.wrapped), "public": b64(self.public)}

    @classmethod
    def from_json(cls, data: object) -> UserKey:
        if not isinstance(data, dict):
            raise ValueError("user key is not an object")
        return cls(
            nonce=unb64(data.get("nonce"), NONCE_BYTES),
            wrapped=unb64(data.get("wrapped"), 48),
            public=unb64(data.get("public"), 32),
        )


@dataclass(frozen=True)
class Slot:
    slot_id: str
    kind: str
    salt: bytes
    nonce: bytes
    wrapped: bytes
    user: str | None = None
    kdf: KdfParams | None = None
    user_key: UserKey | None = None

    def associated_data(self, vault_id: str) -> bytes:
        return f"custodia slot v1|{vault_id}|{self.slot_id}".encode()

    def user_key_associated_data(self, vault_id: str) -> bytes:
        return f"custodia user key v1|{vault_id}|{self.slot_id}".encode()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.slot_id,
            "type": self.kind,
            "salt": b64(self.salt),
            "nonce": b64(self.nonce),
            "wrapped": b64(self.wrapped),
        }
        if self.user is not None:
            data["user"] = self.user
        if self.kdf is not None:
            data["kdf"] = self.kdf.to_json()
        if self.user_key is not None:
            data["user_key"] = self.user_key.to_json()
        return data

    @classmethod
    def from_json(cls, data: object) -> Slot:
        if not isinstance(data, dict):
            raise ValueError("slot is not an object")
        slot_id, kind, user = data.get("id"), data.get("type"), data.get("user")
        if not isinstance(slot_id, str) or not _HEX16.match(slot_id):
            raise ValueError("bad slot id")
        if kind not in SLOT_TYPES:
            raise ValueError("bad slot type")
        if kind == "passphrase":
            if not isinstance(user, str) or not user.strip():
                raise ValueError("passphrase slot without a user")
            kdf: KdfParams | None = KdfParams.from_json(data.get("kdf"))
        else:
            if user is not None and not isinstance(user, str):
                raise ValueError("bad user")
            kdf = None
        return cls(
            slot_id=slot_id,
            kind=str(kind),
            salt=unb64(data.get("salt"), SALT_BYTES),
            nonce=unb64(data.get("nonce"), NONCE_BYTES),
            wrapped=unb64(data.get("wrapped"), 48),
            user=user,
            kdf=kdf,
            user_key=None if data.get("user_key") is None else UserKey.from_json(data["user_key"]),
        )


@dataclass(frozen=True)
class Checkpoint:
    """A signed statement that the ledger held entry ``seq`` with ``entry_hash`` at ``at``."""

    vault_id: str
    seq: int
    entry_hash: str
    at: str
    signature: bytes = b""

    def signed_bytes(self) -> bytes:
        return canonical_json(
            {"vault_id": self.vault_id, "seq": self.seq, "hash": self.entry_hash, "at": self.at}
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "vault_id": self.vault_id,
            "seq": self.seq,
            "hash": self.entry_hash,
            "at": self.at,
            "signature": b64(self.signature),
        }

    @classmethod
    def from_json(cls, data: object) -> Checkpoint:
        if not isinstance(data, dict):
            raise ValueError("checkpoint is not an object")
        vault_id, seq, entry_hash, at = (data.get(k) for k in ("vault_id", "seq", "hash", "at"))
        if not isinstance(vault_id, str) or not _HEX32.match(vault_id):
            raise ValueError("bad checkpoint vault id")
        if type(seq) is not int or seq < 0:
            raise ValueError("bad checkpoint seq")
        if not isinstance(entry_hash, str) or not _HEX64.match(entry_hash):
            raise ValueError("bad checkpoint hash")
        if not isinstance(at, str):
            raise ValueError("bad checkpoint time")
        return cls(vault_id, seq, entry_hash, at, unb64(data.get("signature"), 64))


@dataclass(frozen=True)
class Header:
    vault_id: str
    created_at: str
    slots: tuple[Slot, ...]
    checkpoint: Checkpoint | None = None
    version: int = FORMAT_VERSION
    mac: bytes = field(default=b"", compare=False)

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "version": self.version,
            "vault_id": self.vault_id,
            "created_at": self.created_at,
            "slots": [slot.to_json() for slot in self.slots],
            "checkpoint": None if self.checkpoint is None else self.checkpoint.to_json(),
        }

    def compute_mac(self, mac_key: bytes) -> bytes:
        return hmac.new(mac_key, canonical_json(self.body()), hashlib.sha256).digest()

    def sealed(self, mac_key: bytes) -> Header:
        return replace(self, mac=self.compute_mac(mac_key))

    def verify_mac(self, mac_key: bytes) -> None:
        if not hmac.compare_digest(self.compute_mac(mac_key), self.mac):
            raise HeaderTamperedError()

    def passphrase_slot(self, user: str) -> Slot | None:
        for slot in self.slots:
            if slot.kind == "passphrase" and slot.user == user:
                return slot
        return None

    def slots_of(self, kind: str) -> list[Slot]:
        return [slot for slot in self.slots if slot.kind == kind]

    def users(self) -> list[str]:
        return [slot.user for slot in self.slots if slot.kind == "passphrase" and slot.user]

    def to_bytes(self) -> bytes:
        document = {**self.body(), "mac": self.mac.hex()}
        document["checksum"] = hashlib.sha256(canonical_json(document)).hexdigest()
        return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode()


def parse_header(raw: bytes) -> Header:
    """Parse and structurally validate a header. Any damage raises :class:`HeaderDamagedError`."""
    if len(raw) > MAX_HEADER_BYTES:
        raise HeaderDamagedError("header too large")
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise HeaderDamagedError("not valid JSON") from exc
    if not isinstance(document, dict):
        raise HeaderDamagedError("not an object")
    checksum = document.pop("checksum", None)
    try:
        expected = hashlib.sha256(canonical_json(document)).hexdigest()
    except (ValueError, TypeError) as exc:  # lone surrogates cannot be encoded
        raise HeaderDamagedError("unencodable content") from exc
    # compare_digest raises TypeError on non-ASCII text, so a hostile checksum is checked first.
    if (
        not isinstance(checksum, str)
        or not checksum.isascii()
        or not hmac.compare_digest(checksum, expected)
    ):
        raise HeaderDamagedError("checksum mismatch")
    if document.get("format") != FORMAT_NAME:
        raise HeaderDamagedError("not a Custodia vault header")
    version = document.get("version")
    if type(version) is not int:
        raise HeaderDamagedError("bad version")
    if version > FORMAT_VERSION:
        raise UnsupportedFormatError(f"header version {version}")
    try:
        vault_id = document.get("vault_id")
        if not isinstance(vault_id, str) or not _HEX32.match(vault_id):
            raise ValueError("bad vault id")
        created_at = document.get("created_at")
        if not isinstance(created_at, str):
            raise ValueError("bad creation time")
        raw_slots = document.get("slots")
        if not isinstance(raw_slots, list) or not raw_slots:
            raise ValueError("no slots")
        slots = tuple(Slot.from_json(item) for item in raw_slots)
        if len({slot.slot_id for slot in slots}) != len(slots):
            raise ValueError("duplicate slot id")
        users = [slot.user for slot in slots if slot.kind == "passphrase"]
        if len(set(users)) != len(users):
            raise ValueError("duplicate user")
        raw_checkpoint = document.get("checkpoint")
        checkpoint = None if raw_checkpoint is None else Checkpoint.from_json(raw_checkpoint)
        mac_hex = document.get("mac")
        if not isinstance(mac_hex, str) or not _HEX64.match(mac_hex):
            raise ValueError("bad mac")
    except ValueError as exc:
        raise HeaderDamagedError(str(exc)) from exc
    return Header(
        vault_id=vault_id,
        created_at=created_at,
        slots=slots,
        checkpoint=checkpoint,
        version=version,
        mac=bytes.fromhex(mac_hex),
    )


def read_header(path: Path) -> Header:
    with storage_errors():
        with open(path, "rb") as handle:
            raw = handle.read(MAX_HEADER_BYTES + 1)
    return parse_header(raw)


def read_vault_header(vault_path: Path | str) -> Header:
    """The header of the vault in ``vault_path``; needs no key and loads no cryptography."""
    header_path = Path(vault_path) / HEADER_FILE
    if not header_path.is_file():
        raise VaultNotFoundError()
    return read_header(header_path)


def vault_users(vault_path: Path | str) -> list[str]:
    """The user names of a vault's passphrase slots, for the unlock screen."""
    return read_vault_header(vault_path).users()


def write_header(path: Path, header: Header) -> None:
    atomic_write(path, header.to_bytes())
