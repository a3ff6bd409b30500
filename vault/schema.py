"""The vault component's own tables. Domain tables belong to intake/, with their own migrations."""

from __future__ import annotations

from vault.db import Migration, sql_migration

VAULT_MIGRATIONS: tuple[Migration, ...] = (
    sql_migration(
        1,
        "vault core: metadata, secrets, audit ledger, checkpoints, blob registry, users",
        """
        CREATE TABLE vault_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE vault_secrets (
            name TEXT PRIMARY KEY,
            value BLOB NOT NULL
        );
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            details TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_log_subject ON audit_log (subject);
        CREATE INDEX audit_log_action ON audit_log (action);
        CREATE TABLE audit_checkpoints (
            seq INTEGER PRIMARY KEY,
            hash TEXT NOT NULL,
            at TEXT NOT NULL,
            signature BLOB NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE TABLE vault_blobs (
            blob_id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )
        """,
    ),
    sql_migration(
        2,
        "accountable users: user ids and public keys, signed audit entries",
        """
        ALTER TABLE audit_log ADD COLUMN actor_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit_log ADD COLUMN signature BLOB;
        ALTER TABLE users ADD COLUMN user_id TEXT;
        ALTER TABLE users ADD COLUMN public_key BLOB;
        ALTER TABLE users ADD COLUMN title TEXT NOT NULL DEFAULT '';
        CREATE UNIQUE INDEX users_user_id ON users (user_id)
        """,
    ),
)
