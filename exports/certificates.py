"""The report-signing certificates, kept in the encrypted vault database.

The vault's own self-signed ECDSA P-256 certificate is created on first export. An organisation
certificate (PKCS#12) can be configured; the newest active organisation certificate is used in
preference. Keys are stored as PKCS#8 DER inside SQLCipher (the database is the encryption).
"""

from __future__ import annotations

import json
import logging
import secrets
from base64 import b64decode, b64encode

from exports.model import PdfSigningIdentity
from exports.signing import certificate_sha256, load_pkcs12_identity, make_self_signed
from vault import Vault
from vault.db import sql_migration

log = logging.getLogger(__name__)

EXPORTS_COMPONENT = "exports"
EXPORTS_MIGRATIONS = [
    sql_migration(
        1,
        "report-signing certificates",
        """
        CREATE TABLE export_certificates (
            cert_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('self_signed', 'organisation')),
            certificate BLOB NOT NULL,
            private_key BLOB NOT NULL,
            chain TEXT NOT NULL DEFAULT '[]',
            fingerprint TEXT NOT NULL,
            created_at TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX export_certificates_active ON export_certificates (active, kind, created_at)
        """,
    ),
    sql_migration(
        2,
        "known senders",
        # Whose bundles this vault's users confirmed out of band (DESIGN §6.1); see
        # exports.senders. The name is the recipient's own label for the sender.
        """
        CREATE TABLE known_senders (
            name TEXT PRIMARY KEY,
            ed25519_fingerprint TEXT NOT NULL CHECK (length(ed25519_fingerprint) = 64),
            certificate_sha256 TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL
        )
        """,
    ),
]


def ensure_schema(vault: Vault) -> None:
    vault.migrate(EXPORTS_COMPONENT, EXPORTS_MIGRATIONS)


def _store(vault: Vault, kind: str, identity: PdfSigningIdentity) -> str:
    cert_id = secrets.token_hex(16)
    fingerprint = certificate_sha256(identity.certificate_der)
    with vault.transaction() as tx:
        if kind == "organisation":
            tx.execute("UPDATE export_certificates SET active = 0 WHERE kind = 'organisation'")
        tx.execute(
            "INSERT INTO export_certificates (cert_id, kind, certificate, private_key, chain,"
            " fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                cert_id,
                kind,
                identity.certificate_der,
                identity.private_key_der,
                json.dumps([b64encode(c).decode() for c in identity.chain_der]),
                fingerprint,
                tx.at,
            ),
        )
        tx.audit("export.certificate_added", cert_id, {"kind": kind, "sha256": fingerprint})
    log.info("report-signing certificate %s (%s) stored", cert_id, kind)
    return cert_id


def configure_organisation_certificate(
    vault: Vault, pkcs12_data: bytes, password: str | None
) -> str:
    """Store the organisation's PKCS#12 key and certificate; later exports sign with it."""
    ensure_schema(vault)
    return _store(vault, "organisation", load_pkcs12_identity(pkcs12_data, password))


def remove_organisation_certificate(vault: Vault) -> None:
    ensure_schema(vault)
    with vault.transaction() as tx:
        changed = tx.execute(
            "UPDATE export_certificates SET active = 0 WHERE kind = 'organisation' AND active = 1"
        ).rowcount
        if changed:
            tx.audit("export.certificate_retired", "organisation", {"count": changed})


def signing_identity(vault: Vault, *, organisation: str = "") -> PdfSigningIdentity:
    """The organisation certificate if configured, else the vault's own (created once)."""
    ensure_schema(vault)
    row = vault.read_one(
        "SELECT certificate, private_key, chain, kind FROM export_certificates WHERE active = 1"
        " ORDER BY kind = 'organisation' DESC, created_at DESC LIMIT 1"
    )
    if row is None:
        identity = make_self_signed(f"Custodia vault {vault.vault_id[:8]}", organisation)
        _store(vault, "self_signed", identity)
        return identity
    return PdfSigningIdentity(
        certificate_der=bytes(row[0]),
        private_key_der=bytes(row[1]),
        chain_der=tuple(b64decode(c) for c in json.loads(row[2])),
        self_signed=row[3] == "self_signed",
    )
