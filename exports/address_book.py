"""The address book (DESIGN §7) and the vault's own receiving key.

An entry is an organisation or a person who receives bundles from this vault or sends bundles to
it: a name, a recipient kind from the fixed consent list (no default: a person chooses it), an age
public key (``age1…``) to encrypt bundles to, the Ed25519 and PDF-certificate fingerprints that
confirm their bundles, and notes.

The fingerprints are not stored twice: they live in the known senders of §6.1 (the
``known_senders`` table of :mod:`exports.senders`), keyed by the same name, so confirming a sender
in the verify window or with ``custodia senders add`` adds or updates the address-book entry, and
an entry with a fingerprint is a known sender to ``verify`` and ``import``. This module keeps
what only the address book needs (kind, age key, notes) in its own table and reads both together.

The vault's own age identity (X25519) is created on first use; its private key stays in the
encrypted database like the vault's signing key, and only the ``age1…`` public key is shown.
Every change is audited in its own transaction.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import pyrage

from exports.certificates import ensure_schema as ensure_exports_schema
from exports.errors import ExportError
from exports.model import RecipientKind
from exports.senders import MAX_NAME, normalise_fingerprint
from vault import Vault
from vault.db import Migration, sql_migration

log = logging.getLogger(__name__)

HANDOFF_COMPONENT = "handoff"
MAX_NOTES = 4000
_AGE_KEY = re.compile(r"^age1[02-9ac-hj-np-z]{58}$")

HANDOFF_MIGRATIONS: tuple[Migration, ...] = (
    sql_migration(
        1,
        "handoff: address book, the vault's age identity",
        """
        CREATE TABLE address_book (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT '',
            age_recipient TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
        CREATE TABLE handoff_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            age_identity TEXT NOT NULL,
            age_recipient TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """,
    ),
)


class AddressBookError(ExportError):
    """An entry without a name, an unknown kind, a malformed age key or fingerprint."""

    code = "export.address_invalid"
    message = "The address-book entry is not valid."


class RecipientNotFoundError(ExportError):
    code = "export.recipient_not_found"
    message = "There is no such entry in the address book."


@dataclass(frozen=True)
class AddressEntry:
    name: str
    kind: RecipientKind | None = None
    age_recipient: str = ""
    ed25519_fingerprint: str = ""
    certificate_sha256: str = ""
    notes: str = ""

    @property
    def is_known_sender(self) -> bool:
        return bool(self.ed25519_fingerprint)


def ensure_schema(vault: Vault) -> None:
    ensure_exports_schema(vault)  # known_senders lives there
    vault.migrate(HANDOFF_COMPONENT, HANDOFF_MIGRATIONS)


def normalise_age_recipient(text: str) -> str:
    """An ``age1…`` X25519 public key, checked by the age library itself."""
    cleaned = "".join(text.split()).lower()
    if not _AGE_KEY.match(cleaned):
        raise AddressBookError("an age public key starts with age1 and has 62 characters")
    try:
        pyrage.x25519.Recipient.from_str(cleaned)
    except pyrage.RecipientError as exc:
        raise AddressBookError("not a valid age public key") from exc
    return cleaned


def make_entry(
    name: str,
    kind: RecipientKind | str | None = None,
    *,
    age_recipient: str = "",
    ed25519_fingerprint: str = "",
    certificate_sha256: str = "",
    notes: str = "",
) -> AddressEntry:
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise AddressBookError("an entry needs a name")
    try:
        chosen = RecipientKind(kind) if kind else None
    except ValueError as exc:
        raise AddressBookError("unknown recipient kind") from exc
    if certificate_sha256 and not ed25519_fingerprint:
        raise AddressBookError("a certificate fingerprint needs the Ed25519 fingerprint too")
    return AddressEntry(
        name,
        chosen,
        normalise_age_recipient(age_recipient) if age_recipient else "",
        normalise_fingerprint(ed25519_fingerprint) if ed25519_fingerprint else "",
        normalise_fingerprint(certificate_sha256) if certificate_sha256 else "",
        notes.strip()[:MAX_NOTES],
    )


class AddressBook:
    """The vault's address book; every change audited in the transaction that makes it."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        ensure_schema(vault)

    def entries(self) -> list[AddressEntry]:
        rows = self.vault.read(
            "SELECT n.name, a.kind, a.age_recipient, a.notes, s.ed25519_fingerprint,"
            " s.certificate_sha256 FROM"
            " (SELECT name FROM address_book UNION SELECT name FROM known_senders) n"
            " LEFT JOIN address_book a ON a.name = n.name"
            " LEFT JOIN known_senders s ON s.name = n.name ORDER BY n.name"
        )
        found: list[AddressEntry] = []
        for name, kind, age, notes, fpr, cert in rows:
            try:
                chosen = RecipientKind(kind) if kind else None
            except ValueError:
                chosen = None  # a kind this version does not know: the person chooses again
            found.append(
                AddressEntry(str(name), chosen, age or "", fpr or "", cert or "", notes or "")
            )
        return found

    def get(self, name: str) -> AddressEntry:
        wanted = " ".join(name.split())
        for entry in self.entries():
            if entry.name == wanted:
                return entry
        folded = [e for e in self.entries() if e.name.casefold() == wanted.casefold()]
        if len(folded) == 1:
            return folded[0]
        raise RecipientNotFoundError()

    def by_fingerprint(self, fingerprint: str) -> AddressEntry | None:
        return next(
            (e for e in self.entries() if e.ed25519_fingerprint == fingerprint.lower()), None
        )

    def put(self, entry: AddressEntry) -> None:
        """Add or replace an entry (its fingerprints go to the known senders)."""
        with self.vault.transaction() as tx:
            tx.execute(
                "INSERT INTO address_book (name, kind, age_recipient, notes, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind,"
                " age_recipient = excluded.age_recipient, notes = excluded.notes,"
                " updated_at = excluded.updated_at",
                (
                    entry.name,
                    entry.kind.value if entry.kind else "",
                    entry.age_recipient,
                    entry.notes,
                    tx.at,
                ),
            )
            if entry.ed25519_fingerprint:
                tx.execute(
                    "INSERT INTO known_senders (name, ed25519_fingerprint, certificate_sha256,"
                    " added_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                    " ed25519_fingerprint = excluded.ed25519_fingerprint,"
                    " certificate_sha256 = excluded.certificate_sha256,"
                    " added_at = excluded.added_at",
                    (entry.name, entry.ed25519_fingerprint, entry.certificate_sha256, tx.at),
                )
            else:
                tx.execute("DELETE FROM known_senders WHERE name = ?", (entry.name,))
            tx.audit(
                "addressbook.entry_saved",
                entry.ed25519_fingerprint or entry.age_recipient or "-",
                {
                    "kind": entry.kind.value if entry.kind else "",
                    "age_recipient": entry.age_recipient,
                    "ed25519_fingerprint": entry.ed25519_fingerprint,
                    "certificate_sha256": entry.certificate_sha256,
                },
            )
        log.info("address-book entry saved (%s)", entry.kind.value if entry.kind else "no kind")

    def confirm_sender(
        self, name: str, ed25519_fingerprint: str, certificate_sha256: str = ""
    ) -> AddressEntry:
        """Record a sender's fingerprints (as read out by phone) under ``name``.

        An entry of that name keeps its kind, age key and notes; otherwise a new one is made.
        """
        wanted = " ".join(name.split())
        existing = next((e for e in self.entries() if e.name == wanted), None)
        entry = make_entry(
            name,
            existing.kind if existing else None,
            age_recipient=existing.age_recipient if existing else "",
            ed25519_fingerprint=ed25519_fingerprint,
            certificate_sha256=certificate_sha256,
            notes=existing.notes if existing else "",
        )
        self.put(entry)
        return entry

    def remove(self, name: str) -> bool:
        entry = next((e for e in self.entries() if e.name == name), None)
        if entry is None:
            return False
        with self.vault.transaction() as tx:
            tx.execute("DELETE FROM address_book WHERE name = ?", (name,))
            tx.execute("DELETE FROM known_senders WHERE name = ?", (name,))
            tx.audit(
                "addressbook.entry_removed",
                entry.ed25519_fingerprint or entry.age_recipient or "-",
                {},
            )
        log.info("address-book entry removed")
        return True


# The vault's own age identity --------------------------------------------------------------------


def _identity_row(vault: Vault) -> tuple[str, str] | None:
    row = vault.read_one("SELECT age_identity, age_recipient FROM handoff_identity WHERE id = 1")
    return None if row is None else (str(row[0]), str(row[1]))


def receiving_key(vault: Vault) -> str:
    """This vault's ``age1…`` public key, made (and audited) the first time it is asked for."""
    ensure_schema(vault)
    row = _identity_row(vault)
    if row is not None:
        return row[1]
    identity = pyrage.x25519.Identity.generate()
    public = str(identity.to_public())
    with vault.transaction() as tx:
        if tx.execute("SELECT 1 FROM handoff_identity WHERE id = 1").fetchone() is None:
            tx.execute(
                "INSERT INTO handoff_identity (id, age_identity, age_recipient, created_at)"
                " VALUES (1, ?, ?, ?)",
                (str(identity), public, tx.at),
            )
            tx.audit("export.receiving_key_created", public, {})
            log.info("receiving key created")
    row = _identity_row(vault)
    assert row is not None
    return row[1]


def receiving_identity(vault: Vault) -> pyrage.x25519.Identity:
    """The private half, for decrypting bundles sent to this vault; never shown or written out."""
    receiving_key(vault)
    row = _identity_row(vault)
    assert row is not None
    return pyrage.x25519.Identity.from_str(row[0])


__all__ = [
    "AddressBook",
    "AddressBookError",
    "AddressEntry",
    "RecipientNotFoundError",
    "ensure_schema",
    "make_entry",
    "normalise_age_recipient",
    "receiving_identity",
    "receiving_key",
]
