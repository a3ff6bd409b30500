"""Tables of parsed chat exports, a component of their own (``intake_chats``) so that its
migrations never collide with the intake schema's numbering.

``evidence_parents`` links a media file to the export it came in (each is an evidence item with
its own hash); ``conversations``, ``participants``, ``messages`` and ``message_attachments`` hold
the parsed chat; ``message_entities`` ties an entity to the messages it was found in. Messages are
immutable except for the user's "relevant" mark and its note.
"""

from __future__ import annotations

from collections.abc import Callable

from vault import Transaction, Vault
from vault.db import Connection, Migration

_V1: tuple[str, ...] = (
    """CREATE TABLE evidence_parents (
        evidence_id TEXT PRIMARY KEY REFERENCES evidence (evidence_id),
        parent_id TEXT NOT NULL REFERENCES evidence (evidence_id),
        member TEXT NOT NULL
    )""",
    """CREATE INDEX evidence_parents_parent ON evidence_parents (parent_id)""",
    """CREATE TABLE conversations (
        conversation_id TEXT PRIMARY KEY,
        evidence_id TEXT NOT NULL REFERENCES evidence (evidence_id),
        case_id TEXT NOT NULL REFERENCES cases (case_id),
        number INTEGER NOT NULL,
        platform TEXT NOT NULL,
        format TEXT NOT NULL,
        title TEXT NOT NULL,
        chat_type TEXT NOT NULL DEFAULT '',
        source_id TEXT NOT NULL DEFAULT '',
        time_zone TEXT NOT NULL,
        time_zone_source TEXT NOT NULL,
        details TEXT NOT NULL,
        message_count INTEGER NOT NULL,
        parsed_at TEXT NOT NULL,
        parsed_by TEXT NOT NULL,
        UNIQUE (evidence_id, number)
    )""",
    """CREATE TABLE participants (
        participant_id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations (conversation_id),
        name TEXT NOT NULL,
        platform_id TEXT NOT NULL DEFAULT '',
        message_count INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE INDEX participants_conversation ON participants (conversation_id)""",
    """CREATE TABLE messages (
        message_id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations (conversation_id),
        evidence_id TEXT NOT NULL REFERENCES evidence (evidence_id),
        case_id TEXT NOT NULL REFERENCES cases (case_id),
        seq INTEGER NOT NULL,
        source_id TEXT NOT NULL,
        label TEXT NOT NULL,
        participant_id TEXT REFERENCES participants (participant_id),
        sent_at TEXT NOT NULL,
        sent_utc TEXT NOT NULL,
        local_time TEXT NOT NULL,
        zone_assumed INTEGER NOT NULL,
        edited_local TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        reply_to TEXT NOT NULL DEFAULT '',
        forwarded_from TEXT NOT NULL DEFAULT '',
        relevant INTEGER NOT NULL DEFAULT 0,
        relevant_note TEXT NOT NULL DEFAULT '',
        marked_at TEXT,
        marked_by TEXT NOT NULL DEFAULT '',
        UNIQUE (conversation_id, seq)
    )""",
    """CREATE INDEX messages_source ON messages (conversation_id, source_id)""",
    """CREATE INDEX messages_relevant ON messages (evidence_id, relevant)""",
    """CREATE TRIGGER messages_as_exported BEFORE UPDATE OF
        message_id, conversation_id, evidence_id, case_id, seq, source_id, label,
        participant_id, sent_at, sent_utc, local_time, zone_assumed, edited_local, kind,
        text, reply_to, forwarded_from ON messages
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: messages are kept as exported'); END""",
    """CREATE TABLE message_attachments (
        message_id TEXT NOT NULL REFERENCES messages (message_id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        media_type TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        child_id TEXT REFERENCES evidence (evidence_id),
        PRIMARY KEY (message_id, position)
    )""",
    """CREATE INDEX attachments_child ON message_attachments (child_id)""",
    """CREATE TABLE message_entities (
        message_id TEXT NOT NULL REFERENCES messages (message_id),
        entity_id TEXT NOT NULL REFERENCES entities (entity_id),
        PRIMARY KEY (message_id, entity_id)
    )""",
    """CREATE INDEX message_entities_entity ON message_entities (entity_id)""",
)


def _apply(statements: tuple[str, ...]) -> Callable[[Connection], None]:
    def apply(conn: Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return apply


CHATS_COMPONENT = "intake_chats"
CHATS_MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1, "intake: parsed chat exports and evidence items derived from another", _apply(_V1)
    ),
)


def ensure_schema(vault: Vault) -> None:
    vault.migrate(CHATS_COMPONENT, CHATS_MIGRATIONS)


def forget_chat_rows(tx: Transaction, evidence_id: str) -> None:
    """For an erasure: delete what a chat export (or one of its media items) left in the chat
    tables, before its evidence row goes. Its messages leave the search index with the item
    (they are indexed with the item as parent)."""
    exists = tx.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'messages'"
    ).fetchone()
    if exists is None:
        return  # this vault never parsed a chat
    ids = "SELECT message_id FROM messages WHERE evidence_id = ?"
    tx.execute(f"DELETE FROM message_entities WHERE message_id IN ({ids})", (evidence_id,))
    tx.execute(f"DELETE FROM message_attachments WHERE message_id IN ({ids})", (evidence_id,))
    tx.execute("UPDATE message_attachments SET child_id = NULL WHERE child_id = ?", (evidence_id,))
    tx.execute("DELETE FROM messages WHERE evidence_id = ?", (evidence_id,))
    tx.execute(
        "DELETE FROM participants WHERE conversation_id IN"
        " (SELECT conversation_id FROM conversations WHERE evidence_id = ?)",
        (evidence_id,),
    )
    tx.execute("DELETE FROM conversations WHERE evidence_id = ?", (evidence_id,))
    tx.execute(
        "DELETE FROM evidence_parents WHERE evidence_id = ? OR parent_id = ?",
        (evidence_id, evidence_id),
    )
