"""Known senders (DESIGN §6.1): whose bundles this recipient has confirmed out of band.

A known sender is a name, the Ed25519 fingerprint of their vault key and, optionally, the
SHA-256 of the certificate that signs their reports. The recipient adds one only after
confirming the fingerprints with the sender by another channel (phone, in person): nothing in a
bundle can make itself known.

Two stores with one interface: inside an unlocked vault (a table of the exports component,
every change audited), or, without a vault, a JSON file in the user's config folder (0600).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from exports.errors import ExportError
from vault.errors import MalformedFingerprintError
from vault.fingerprints import parse_fingerprint

if TYPE_CHECKING:
    from vault import Vault

log = logging.getLogger(__name__)

SENDERS_FILE = "known-senders.json"
MAX_NAME = 200
MAX_SENDERS_FILE = 4 << 20


class SenderError(ExportError):
    """A fingerprint that is not 64 hex digits, an empty name, or an unknown sender."""

    code = "export.sender_invalid"


@dataclass(frozen=True)
class KnownSender:
    name: str
    ed25519_fingerprint: str
    certificate_sha256: str = ""


def normalise_fingerprint(typed: str) -> str:
    """64 lower-case hex digits from what a person types or reads out ("AB CD:ef…")."""
    try:
        return parse_fingerprint(typed)
    except MalformedFingerprintError as exc:
        raise SenderError("a fingerprint is 64 hexadecimal digits") from exc


def make_sender(name: str, fingerprint: str, certificate_sha256: str = "") -> KnownSender:
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise SenderError("a sender needs a name")
    return KnownSender(
        name,
        normalise_fingerprint(fingerprint),
        normalise_fingerprint(certificate_sha256) if certificate_sha256 else "",
    )


class SenderBook(Protocol):
    def entries(self) -> list[KnownSender]: ...

    def add(self, sender: KnownSender) -> None: ...

    def remove(self, name: str) -> bool: ...


# The per-user file ------------------------------------------------------------------------------


def default_config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("custodia", appauthor=False))


class FileSenderBook:
    """Known senders in ``<config>/known-senders.json``, written atomically, mode 0600."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or default_config_dir()) / SENDERS_FILE

    def entries(self) -> list[KnownSender]:
        try:
            with open(self.path, "rb") as handle:
                raw = handle.read(MAX_SENDERS_FILE + 1)
        except FileNotFoundError:
            return []
        if len(raw) > MAX_SENDERS_FILE:
            raise SenderError("the known-senders file is too large")
        try:
            items = json.loads(raw.decode("utf-8"))
            return [
                make_sender(i["name"], i["ed25519_fingerprint"], i.get("certificate_sha256", ""))
                for i in items
            ]
        except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise SenderError("the known-senders file is damaged") from exc

    def _write(self, senders: list[KnownSender]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = json.dumps(
            [
                {
                    "name": s.name,
                    "ed25519_fingerprint": s.ed25519_fingerprint,
                    "certificate_sha256": s.certificate_sha256,
                }
                for s in senders
            ],
            ensure_ascii=False,
            indent=2,
        ).encode("utf-8")
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".senders-")
        try:
            os.chmod(temp, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise

    def add(self, sender: KnownSender) -> None:
        senders = [s for s in self.entries() if s.name != sender.name]
        self._write([*senders, sender])
        log.info("known sender added to the user's list")

    def remove(self, name: str) -> bool:
        senders = self.entries()
        kept = [s for s in senders if s.name != name]
        if len(kept) == len(senders):
            return False
        self._write(kept)
        log.info("known sender removed from the user's list")
        return True


# The vault's table ------------------------------------------------------------------------------


class VaultSenderBook:
    """Known senders in the vault (exports component, migration 2); changes are audited."""

    def __init__(self, vault: Vault) -> None:
        from exports.certificates import ensure_schema

        self.vault = vault
        ensure_schema(vault)

    def entries(self) -> list[KnownSender]:
        rows = self.vault.read(
            "SELECT name, ed25519_fingerprint, certificate_sha256 FROM known_senders ORDER BY name"
        )
        return [KnownSender(str(r[0]), str(r[1]), str(r[2])) for r in rows]

    def add(self, sender: KnownSender) -> None:
        with self.vault.transaction() as tx:
            tx.execute(
                "INSERT INTO known_senders (name, ed25519_fingerprint, certificate_sha256,"
                " added_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                " ed25519_fingerprint = excluded.ed25519_fingerprint,"
                " certificate_sha256 = excluded.certificate_sha256, added_at = excluded.added_at",
                (sender.name, sender.ed25519_fingerprint, sender.certificate_sha256, tx.at),
            )
            tx.audit(
                "sender.added",
                sender.ed25519_fingerprint,
                {"certificate_sha256": sender.certificate_sha256},
            )
        log.info("known sender %s added", sender.ed25519_fingerprint[:16])

    def remove(self, name: str) -> bool:
        with self.vault.transaction() as tx:
            row = tx.execute(
                "SELECT ed25519_fingerprint FROM known_senders WHERE name = ?", (name,)
            ).fetchone()
            if row is None:
                return False
            tx.execute("DELETE FROM known_senders WHERE name = ?", (name,))
            tx.audit("sender.removed", str(row[0]), {})
        log.info("known sender %s removed", str(row[0])[:16])
        return True


__all__ = [
    "FileSenderBook",
    "KnownSender",
    "SenderBook",
    "SenderError",
    "VaultSenderBook",
    "default_config_dir",
    "make_sender",
    "normalise_fingerprint",
]
