"""The intake component's tables, triggers and full-text index (applied by ``vault.migrate``).

Append-only and immutable records are enforced twice: by the services, which raise typed errors,
and by triggers here, so that not even a raw ``UPDATE`` can alter a finalised statement, a consent
version, an addendum or a custody event. Erasure, the one sanctioned exception, opens the guard
table ``intake_erasure_guard`` inside its own transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from vault.db import Connection, Migration

FTS_TOKENIZER = "unicode61 remove_diacritics 2"

GUARD = "NOT EXISTS (SELECT 1 FROM intake_erasure_guard)"

_V1: tuple[str, ...] = (
    """CREATE TABLE intake_erasure_guard (active INTEGER PRIMARY KEY)""",
    """CREATE TABLE cases (
        case_id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE COLLATE NOCASE,
        title TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        jurisdiction TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        legal_hold INTEGER NOT NULL DEFAULT 0,
        legal_hold_reason TEXT NOT NULL DEFAULT '',
        retention_until TEXT,
        evidence_seq INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        closed_at TEXT
    )""",
    """CREATE INDEX cases_status ON cases (status, reference)""",
    """CREATE TABLE people (
        person_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (case_id),
        role TEXT NOT NULL,
        pseudonym TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE INDEX people_case ON people (case_id)""",
    """CREATE TABLE person_identity (
        person_id TEXT PRIMARY KEY REFERENCES people (person_id) ON DELETE CASCADE,
        identity TEXT NOT NULL,
        safe_to_contact INTEGER NOT NULL DEFAULT 0,
        is_minor INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE consent (
        consent_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (case_id),
        person_key TEXT NOT NULL,
        person_id TEXT,
        version INTEGER NOT NULL,
        given_at TEXT NOT NULL,
        language TEXT NOT NULL,
        interpreter TEXT NOT NULL DEFAULT '',
        method TEXT NOT NULL CHECK (method IN ('written', 'verbal_witnessed')),
        witness TEXT NOT NULL DEFAULT '',
        scope TEXT NOT NULL,
        withdrawn INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        UNIQUE (case_id, person_key, version)
    )""",
    """CREATE TRIGGER consent_no_update BEFORE UPDATE ON consent
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: consent is append-only'); END""",
    f"""CREATE TRIGGER consent_no_delete BEFORE DELETE ON consent WHEN {GUARD}
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: consent is append-only'); END""",
    """CREATE TABLE interviews (
        interview_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (case_id),
        person_id TEXT REFERENCES people (person_id),
        started_at TEXT NOT NULL,
        ended_at TEXT,
        location TEXT NOT NULL DEFAULT '',
        interviewer TEXT NOT NULL DEFAULT '',
        interpreter TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        present TEXT NOT NULL DEFAULT '[]',
        breaks TEXT NOT NULL DEFAULT '[]',
        recording_method TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE INDEX interviews_case ON interviews (case_id)""",
    """CREATE TABLE statements (
        statement_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (case_id),
        person_id TEXT REFERENCES people (person_id),
        interview_id TEXT REFERENCES interviews (interview_id),
        kind TEXT NOT NULL CHECK (kind IN ('verbatim', 'summary')),
        language TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        current_text TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        readback_at TEXT,
        readback_by TEXT NOT NULL DEFAULT '',
        readback_note TEXT NOT NULL DEFAULT '',
        finalised_at TEXT,
        finalised_by TEXT NOT NULL DEFAULT '',
        final_sha256 TEXT
    )""",
    """CREATE INDEX statements_case ON statements (case_id)""",
    """CREATE INDEX statements_person ON statements (person_id)""",
    """CREATE TRIGGER statements_final_no_update BEFORE UPDATE ON statements
        WHEN OLD.finalised_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'intake.statement_finalised'); END""",
    f"""CREATE TRIGGER statements_final_no_delete BEFORE DELETE ON statements
        WHEN OLD.finalised_at IS NOT NULL AND {GUARD}
        BEGIN SELECT RAISE(ABORT, 'intake.statement_finalised'); END""",
    """CREATE TABLE statement_revisions (
        statement_id TEXT NOT NULL REFERENCES statements (statement_id),
        revision INTEGER NOT NULL,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        PRIMARY KEY (statement_id, revision)
    )""",
    """CREATE TRIGGER revisions_final_no_insert BEFORE INSERT ON statement_revisions
        WHEN (SELECT finalised_at FROM statements WHERE statement_id = NEW.statement_id)
             IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'intake.statement_finalised'); END""",
    """CREATE TRIGGER revisions_no_update BEFORE UPDATE ON statement_revisions
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: revisions are kept as written'); END""",
    f"""CREATE TRIGGER revisions_no_delete BEFORE DELETE ON statement_revisions WHEN {GUARD}
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: revisions are kept as written'); END""",
    """CREATE TABLE statement_addenda (
        addendum_id TEXT PRIMARY KEY,
        statement_id TEXT NOT NULL REFERENCES statements (statement_id),
        number INTEGER NOT NULL,
        text TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (statement_id, number)
    )""",
    """CREATE TRIGGER addenda_need_final BEFORE INSERT ON statement_addenda
        WHEN (SELECT finalised_at FROM statements WHERE statement_id = NEW.statement_id) IS NULL
        BEGIN SELECT RAISE(ABORT, 'intake.statement_not_finalised'); END""",
    """CREATE TRIGGER addenda_no_update BEFORE UPDATE ON statement_addenda
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: addenda are kept as written'); END""",
    f"""CREATE TRIGGER addenda_no_delete BEFORE DELETE ON statement_addenda WHEN {GUARD}
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: addenda are kept as written'); END""",
    """CREATE TABLE evidence (
        evidence_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (case_id),
        number INTEGER NOT NULL,
        kind TEXT NOT NULL DEFAULT '',
        blob_id TEXT NOT NULL,
        original_filename TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        acquisition TEXT NOT NULL,
        acquired_from_person_id TEXT,
        original_metadata TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        ingested_at TEXT NOT NULL,
        ingested_by TEXT NOT NULL,
        UNIQUE (case_id, number)
    )""",
    """CREATE INDEX evidence_person ON evidence (acquired_from_person_id)""",
    """CREATE TRIGGER evidence_original_immutable BEFORE UPDATE OF
        evidence_id, case_id, number, blob_id, original_filename, media_type, size, sha256,
        acquisition, original_metadata, ingested_at, ingested_by ON evidence
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: the original is never modified'); END""",
    """CREATE TABLE custody_events (
        event_id INTEGER PRIMARY KEY,
        evidence_id TEXT NOT NULL REFERENCES evidence (evidence_id),
        event_type TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        from_party TEXT NOT NULL DEFAULT '',
        to_party TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL DEFAULT '',
        authority_ref TEXT NOT NULL DEFAULT '',
        method TEXT NOT NULL DEFAULT '',
        hash_observed TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    )""",
    """CREATE INDEX custody_evidence ON custody_events (evidence_id, event_id)""",
    """CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody_events
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: custody events are append-only'); END""",
    f"""CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody_events WHEN {GUARD}
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: custody events are append-only'); END""",
    """CREATE TABLE entities (
        entity_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        display TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (kind, value)
    )""",
    """CREATE TABLE entity_links (
        link_id TEXT PRIMARY KEY,
        entity_id TEXT NOT NULL REFERENCES entities (entity_id),
        case_id TEXT NOT NULL REFERENCES cases (case_id),
        person_id TEXT REFERENCES people (person_id),
        evidence_id TEXT REFERENCES evidence (evidence_id),
        statement_id TEXT REFERENCES statements (statement_id),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
    )""",
    """CREATE INDEX entity_links_entity ON entity_links (entity_id, case_id)""",
    """CREATE INDEX entity_links_case ON entity_links (case_id)""",
    """CREATE INDEX entity_links_person ON entity_links (person_id)""",
    """CREATE TABLE case_indicators (
        case_id TEXT NOT NULL REFERENCES cases (case_id),
        indicator_id TEXT NOT NULL,
        present INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (case_id, indicator_id)
    )""",
    """CREATE TABLE erasures (
        tombstone_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        erased_at TEXT NOT NULL,
        erased_by TEXT NOT NULL,
        reason TEXT NOT NULL,
        counts TEXT NOT NULL,
        evidence_labels TEXT NOT NULL
    )""",
    """CREATE TRIGGER erasures_no_update BEFORE UPDATE ON erasures
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: tombstones are permanent'); END""",
    """CREATE TRIGGER erasures_no_delete BEFORE DELETE ON erasures
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: tombstones are permanent'); END""",
    # The search index: rowid = search_docs.doc_id, so that re-indexing one record is a delete by
    # rowid (cheap) and not a scan over an UNINDEXED column.
    """CREATE TABLE search_docs (
        doc_id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        ref_id TEXT NOT NULL,
        case_id TEXT,
        UNIQUE (kind, ref_id)
    )""",
    """CREATE INDEX search_docs_case ON search_docs (case_id)""",
    f"""CREATE VIRTUAL TABLE search_index USING fts5(
        title, body, tokenize = '{FTS_TOKENIZER}'
    )""",
    # Deleting from FTS5 normally leaves the old terms in index segments until a merge; erased
    # text must leave no trace, so deletes rewrite the affected index pages at once.
    """INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1)""",
)


# Drafts of forms left open when the vault locked (one row per open form, replaced while the
# form stays open), and signed consent forms kept as evidence items linked to their consent.
_V2: tuple[str, ...] = (
    """CREATE TABLE drafts (
        draft_id TEXT PRIMARY KEY,
        actor TEXT NOT NULL,
        kind TEXT NOT NULL,
        case_id TEXT,
        subject_id TEXT,
        state TEXT NOT NULL,
        saved_at TEXT NOT NULL
    )""",
    """CREATE INDEX drafts_actor ON drafts (actor, saved_at)""",
    """CREATE TABLE consent_documents (
        consent_id TEXT NOT NULL REFERENCES consent (consent_id),
        evidence_id TEXT NOT NULL REFERENCES evidence (evidence_id),
        linked_at TEXT NOT NULL,
        linked_by TEXT NOT NULL,
        PRIMARY KEY (consent_id, evidence_id)
    )""",
)


# Issue 18: referrals of a case to an organisation (status history kept, append-only), tasks
# and deadlines a person adds to a case (court dates, follow-ups, consent renewals…), and the
# reference of a case erased whole, kept on its tombstone (the case row itself is gone).
_V4: tuple[str, ...] = (
    """CREATE TABLE referrals (
        referral_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (case_id),
        recipient TEXT NOT NULL,
        recipient_kind TEXT NOT NULL DEFAULT '',
        referred_on TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        bundle_id TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'sent' CHECK (status IN
            ('sent', 'acknowledged', 'accepted', 'declined', 'closed')),
        outcome TEXT NOT NULL DEFAULT '',
        follow_up_on TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE INDEX referrals_case ON referrals (case_id, referred_on)""",
    """CREATE INDEX referrals_follow_up ON referrals (follow_up_on)
        WHERE follow_up_on IS NOT NULL""",
    """CREATE TABLE referral_events (
        referral_id TEXT NOT NULL REFERENCES referrals (referral_id),
        seq INTEGER NOT NULL,
        status TEXT NOT NULL,
        outcome TEXT NOT NULL DEFAULT '',
        follow_up_on TEXT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        PRIMARY KEY (referral_id, seq)
    )""",
    """CREATE TRIGGER referral_events_no_update BEFORE UPDATE ON referral_events
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: referral history is kept'); END""",
    f"""CREATE TRIGGER referral_events_no_delete BEFORE DELETE ON referral_events WHEN {GUARD}
        BEGIN SELECT RAISE(ABORT, 'intake.immutable: referral history is kept'); END""",
    """CREATE TABLE case_tasks (
        task_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (case_id),
        kind TEXT NOT NULL CHECK (kind IN
            ('court_date', 'follow_up', 'consent_renewal', 'retention', 'other')),
        due_on TEXT NOT NULL,
        due_time TEXT,
        note TEXT NOT NULL DEFAULT '',
        done_at TEXT,
        done_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE INDEX case_tasks_due ON case_tasks (due_on) WHERE done_at IS NULL""",
    """CREATE INDEX case_tasks_case ON case_tasks (case_id)""",
    """ALTER TABLE erasures ADD COLUMN case_reference TEXT NOT NULL DEFAULT ''""",
)


def _script(version: int, description: str, statements: Sequence[str]) -> Migration:
    def apply(conn: Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return Migration(version, description, apply)


# Issue 16: the index gains columns for phone numbers in E.164 (``extra``) and protected
# identities (``secret``, read only for those who may edit them). FTS5 tables cannot gain
# columns, so the index is built anew from its own stored text and renamed into place; then every
# record is indexed again (intake.search.reindex_all). ``evidence_text`` says which items' text
# has been extracted (the text itself lives only in the index).
_V3: tuple[str, ...] = (
    """ALTER TABLE search_docs ADD COLUMN parent_id TEXT""",
    """ALTER TABLE search_docs ADD COLUMN part INTEGER NOT NULL DEFAULT 0""",
    """CREATE INDEX search_docs_parent ON search_docs (parent_id) WHERE parent_id IS NOT NULL""",
    """CREATE TABLE evidence_text (
        evidence_id TEXT PRIMARY KEY,
        extracted_at TEXT NOT NULL,
        extractor TEXT NOT NULL,
        pages INTEGER NOT NULL,
        chars INTEGER NOT NULL,
        outcome TEXT NOT NULL
    )""",
    f"""CREATE VIRTUAL TABLE search_index_v3 USING fts5(
        title, body, extra, secret, tokenize = '{FTS_TOKENIZER}'
    )""",
    """INSERT INTO search_index_v3 (search_index_v3, rank) VALUES ('secure-delete', 1)""",
    """INSERT INTO search_index_v3 (rowid, title, body, extra, secret)
        SELECT rowid, title, body, '', '' FROM search_index""",
    """DROP TABLE search_index""",
    """ALTER TABLE search_index_v3 RENAME TO search_index""",
)


def _search_v3(conn: Connection) -> None:
    from intake.search import reindex_all  # the indexing code, not a copy of it

    for statement in _V3:
        conn.execute(statement)
    reindex_all(conn)


INTAKE_COMPONENT = "intake"
INTAKE_MIGRATIONS: tuple[Migration, ...] = (
    _script(1, "intake: cases, people, consent, statements, evidence, search", _V1),
    _script(2, "intake: drafts of open forms, signed consent documents", _V2),
    Migration(3, "intake: search every typed text, evidence text, phone numbers", _search_v3),
    _script(4, "intake: referrals, tasks and deadlines, erased cases' references", _V4),
)
