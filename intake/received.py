"""What another vault sent, recorded in one transaction (DESIGN §7, import).

The caller (``exports.importer``) has verified the bundle, confirmed its sender and staged every
original as a vault blob (hash re-checked while encrypting). This module writes the rest at once:
the case (new, or an existing one named by the person), people as the profile delivered them,
consent as received, statements as finalised documents with their original hashes, evidence rows
on the staged blobs, the sender's custody history kept as it was ("before receipt", read-only like
every custody event) and a "received" event per item. One transaction: a crash or a cancel
before the commit leaves no case, no row, and only unregistered blobs, which the next open of
the vault removes.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from intake._base import case_row, dumps, insert_row, new_id, parse_dt, scalar
from intake.cases import _index_case, normalise_reference
from intake.custody import insert_event
from intake.errors import ValidationError
from intake.evidence import _index_evidence, insert_evidence
from intake.models import (
    CustodyEventType,
    IdentityDocument,
    PersonRole,
    ProtectedIdentity,
    RecipientCategory,
)
from intake.people import _index_person, _write_identity
from intake.search import index_case_records
from intake.statements import _index_statement
from vault import Transaction, Vault
from vault.blobs import BlobInfo
from vault.db import Migration, sql_migration

log = logging.getLogger(__name__)

BEFORE_RECEIPT = "before receipt"  # the note on every event copied from the sender's history
RECEIVED_COMPONENT = "intake_received"
RECEIVED_MIGRATIONS: tuple[Migration, ...] = (
    sql_migration(
        1,
        "intake: bundles received from other vaults",
        """
        CREATE TABLE received_bundles (
            bundle_id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases (case_id),
            tagmanifest_sha256 TEXT NOT NULL,
            sender_fingerprint TEXT NOT NULL,
            sender_name TEXT NOT NULL,
            received_at TEXT NOT NULL,
            received_by TEXT NOT NULL
        )
        """,
    ),
    # What each received row was called in the sending vault (its id there, and for a
    # statement its finalised hash), per sender key and case: a later bundle from the same
    # sender that carries the same person or statement again (an item transfer into a case
    # already received) links to the row already here instead of adding a second one. Its
    # case_id column lets a case erasure sweep it with the case.
    sql_migration(
        2,
        "intake: the sender's ids of received people, statements and evidence",
        """
        CREATE TABLE received_origins (
            case_id TEXT NOT NULL REFERENCES cases (case_id),
            kind TEXT NOT NULL CHECK (kind IN ('person', 'statement', 'evidence')),
            sender_fingerprint TEXT NOT NULL,
            origin_id TEXT NOT NULL,
            origin_sha256 TEXT NOT NULL,
            local_id TEXT NOT NULL,
            bundle_id TEXT NOT NULL,
            PRIMARY KEY (case_id, kind, sender_fingerprint, origin_id, origin_sha256)
        )
        """,
    ),
)


@dataclass(frozen=True)
class ReceivedPerson:
    person_id: str  # the sender's id, only to link statements and evidence
    role: str
    pseudonym: str
    protected: Mapping[str, str] = field(default_factory=dict)
    flags: Mapping[str, str] = field(default_factory=dict)
    consent: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class ReceivedStatement:
    person_id: str | None
    kind: str
    language: str
    text: str
    text_sha256: str
    finalised_at: str
    finalised_by: str
    addenda: Sequence[tuple[str, str, str]] = ()  # (text, at, author)
    statement_id: str = ""  # the sender's id; empty: never matched with an earlier receipt


@dataclass(frozen=True)
class ReceivedEvidence:
    number: str
    kind: str
    original_filename: str
    media_type: str
    sha256: str
    acquisition: Mapping[str, Any]
    notes: str
    blob: BlobInfo
    custody: Sequence[Mapping[str, Any]] = ()
    evidence_id: str = ""  # the sender's id, recorded as the item's origin


@dataclass(frozen=True)
class ReceivedBundle:
    bundle_id: str
    tagmanifest_sha256: str
    reference: str
    title: str
    jurisdiction: str
    sender_name: str
    sender_fingerprint: str
    certificate_sha256: str
    people: Sequence[ReceivedPerson]
    statements: Sequence[ReceivedStatement]
    evidence: Sequence[ReceivedEvidence]


@dataclass(frozen=True)
class RecordedReceipt:
    """What one import added; people and statements already received from the same sender
    (same ids, same hash) are counted in ``held_*``, not added again."""

    case_id: str
    evidence: int
    statements: int
    people: int
    held_statements: int = 0
    held_people: int = 0


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def identity_from_delivered(
    protected: Mapping[str, str], flags: Mapping[str, str]
) -> ProtectedIdentity:
    """The protected identity as the sender's profile delivered it (report labels, see
    ``exports.from_intake._identity_fields``); what the profile left out stays empty."""
    documents: dict[str, dict[str, str]] = {}
    for label, value in protected.items():
        if label.startswith("Document ") and "(" in label and ")" in label:
            head, _, attribute = label.rpartition(") ")
            documents.setdefault(head + ")", {})[attribute] = value
    docs = tuple(
        IdentityDocument(
            kind=head.split("(", 1)[1].rstrip(")"),
            number=parts.get("number", ""),
            issuer=parts.get("issuer", ""),
            expires=_date(parts.get("expires", "")),
            held_by=parts.get("held by", ""),
        )
        for head, parts in sorted(documents.items())
    )
    return ProtectedIdentity(
        legal_name=protected.get("Legal name", ""),
        birth_date=_date(protected.get("Birth date", "")),
        nationality=protected.get("Nationality", ""),
        documents=docs,
        contact=protected.get("Contact", ""),
        safe_to_contact=flags.get("Safe to contact") == "yes",
        safe_contact_method=protected.get("Safe contact method", ""),
        is_minor=flags.get("Minor") == "yes",
        guardian_name=protected.get("Guardian", ""),
        guardian_contact=protected.get("Guardian contact", ""),
        guardian_relation=protected.get("Guardian relation", ""),
    )


def ensure_schema(vault: Vault) -> None:
    vault.migrate(RECEIVED_COMPONENT, RECEIVED_MIGRATIONS)


def already_received(vault: Vault, bundle_id: str) -> str | None:
    ensure_schema(vault)
    row = vault.read_one("SELECT case_id FROM received_bundles WHERE bundle_id = ?", (bundle_id,))
    return None if row is None else str(row[0])


def _held(tx: Transaction, table: str, key: str, origin: tuple[str, ...]) -> str | None:
    """The local row an earlier receipt made for this origin, if it still exists (an erased
    person or statement is not linked to again)."""
    row = tx.execute(
        f"SELECT o.local_id FROM received_origins o JOIN {table} t ON t.{key} = o.local_id"
        " WHERE o.case_id = ? AND o.kind = ? AND o.sender_fingerprint = ? AND o.origin_id = ?"
        " AND o.origin_sha256 = ? AND t.case_id = o.case_id",
        origin,
    ).fetchone()
    return None if row is None else str(row[0])


def _remember(
    tx: Transaction,
    case_id: str,
    kind: str,
    received: ReceivedBundle,
    origin_id: str,
    origin_sha256: str,
    local_id: str,
) -> None:
    if not origin_id:
        return  # nothing to match a later bundle on
    # The newest row wins: after an erased person is received again, a later bundle links to
    # the new row, not to the erased one (which ``_held`` would no longer find).
    tx.execute(
        "INSERT INTO received_origins (case_id, kind, sender_fingerprint, origin_id,"
        " origin_sha256, local_id, bundle_id) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (case_id, kind, sender_fingerprint, origin_id, origin_sha256)"
        " DO UPDATE SET local_id = excluded.local_id, bundle_id = excluded.bundle_id",
        (
            case_id,
            kind,
            received.sender_fingerprint,
            origin_id,
            origin_sha256,
            local_id,
            received.bundle_id,
        ),
    )


def record_received(
    vault: Vault, received: ReceivedBundle, *, case_reference: str = ""
) -> RecordedReceipt:
    """Write everything in one audited transaction.

    ``received_bundles`` makes a second import of the same bundle add nothing: checked again
    inside the transaction, so two imports racing also add one case. A person or statement
    that an earlier bundle from the same sender key already brought into this case (matched
    on the sender's id, and for a statement its hash, recorded at that receipt; never on
    names) is linked to, not added again.
    """
    ensure_schema(vault)
    actor = vault.actor
    reference = normalise_reference(case_reference or received.reference)
    receipt = (
        f"Custodia bundle {received.bundle_id}, verified; sender Ed25519"
        f" {received.sender_fingerprint}"
        + (
            f", PDF certificate SHA-256 {received.certificate_sha256}"
            if received.certificate_sha256
            else ""
        )
    )
    with vault.transaction() as tx:
        earlier = tx.execute(
            "SELECT case_id FROM received_bundles WHERE bundle_id = ?", (received.bundle_id,)
        ).fetchone()
        if earlier is not None:
            return RecordedReceipt(str(earlier[0]), 0, 0, 0)
        existing = tx.execute(
            "SELECT case_id FROM cases WHERE reference = ?", (reference,)
        ).fetchone()
        if existing is not None:
            case_id = str(existing[0])
            case_row(tx, case_id)  # refused when closed
        else:
            case_id = new_id()
            tx.execute(
                "INSERT INTO cases (case_id, reference, title, jurisdiction, created_at,"
                " created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (case_id, reference, received.title, received.jurisdiction, tx.at, actor, tx.at),
            )
            _index_case(tx, case_id)
            tx.audit("case.created", case_id, {"reference": reference, "received": True})
        people: dict[str, str] = {}
        held_people = 0
        for person in received.people:
            origin = (case_id, "person", received.sender_fingerprint, person.person_id, "")
            known = _held(tx, "people", "person_id", origin)
            if known is not None:
                people[person.person_id] = known
                held_people += 1
                continue
            person_id = new_id()
            people[person.person_id] = person_id
            _remember(tx, case_id, "person", received, person.person_id, "", person_id)
            try:
                role = str(PersonRole(person.role))
            except ValueError as exc:
                raise ValidationError("role") from exc
            tx.execute(
                "INSERT INTO people (person_id, case_id, role, pseudonym, notes, created_at,"
                " created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (person_id, case_id, role, person.pseudonym, "", tx.at, actor, tx.at),
            )
            if person.protected:
                _write_identity(
                    tx, person_id, identity_from_delivered(person.protected, person.flags)
                )
            _index_person(tx, person_id)
            tx.audit(
                "person.added",
                person_id,
                {"case_id": case_id, "role": role, "identity": bool(person.protected)},
            )
            consent = person.consent
            if consent:
                scope = sorted({str(RecipientCategory(c)) for c in consent.get("allowed", [])})
                version = 1 + int(
                    scalar(
                        tx,
                        "coalesce(max(version), 0)",
                        "FROM consent WHERE case_id = ? AND person_key = ?",
                        (case_id, person_id),
                    )
                )
                consent_id = new_id()
                method = str(consent.get("method") or "written")
                insert_row(
                    tx,
                    "consent",
                    {
                        "consent_id": consent_id,
                        "case_id": case_id,
                        "person_id": person_id,
                        "person_key": person_id,
                        "version": version,
                        "given_at": str(consent.get("given_at") or tx.at),
                        "language": str(consent.get("language") or ""),
                        "interpreter": "",
                        "method": method
                        if method in ("written", "verbal_witnessed")
                        else "written",
                        "witness": "",
                        "scope": dumps(scope),
                        "withdrawn": 0,
                        "notes": f"as received in {receipt}",
                        "recorded_at": tx.at,
                        "recorded_by": actor,
                    },
                )
                tx.audit(
                    "consent.recorded",
                    consent_id,
                    {
                        "case_id": case_id,
                        "person_id": person_id,
                        "version": version,
                        "scope": scope,
                    },
                )
        held_statements = 0
        for statement in received.statements:
            digest = hashlib.sha256(statement.text.encode("utf-8")).hexdigest()
            if digest != statement.text_sha256:
                raise ValidationError("statement hash")
            if statement.statement_id:
                origin = (
                    case_id,
                    "statement",
                    received.sender_fingerprint,
                    statement.statement_id,
                    statement.text_sha256,
                )
                if _held(tx, "statements", "statement_id", origin) is not None:
                    held_statements += 1
                    continue
            statement_id = new_id()
            _remember(
                tx,
                case_id,
                "statement",
                received,
                statement.statement_id,
                statement.text_sha256,
                statement_id,
            )
            speaker = people.get(statement.person_id or "")
            insert_row(
                tx,
                "statements",
                {
                    "statement_id": statement_id,
                    "case_id": case_id,
                    "person_id": speaker,
                    "kind": statement.kind
                    if statement.kind in ("verbatim", "summary")
                    else "verbatim",
                    "language": statement.language,
                    "title": "",
                    "current_text": statement.text,
                    "revision": 1,
                    "created_at": tx.at,
                    "created_by": actor,
                    "updated_at": tx.at,
                },
            )
            tx.execute(
                "INSERT INTO statement_revisions (statement_id, revision, text, sha256, saved_at,"
                " saved_by) VALUES (?, 1, ?, ?, ?, ?)",
                (statement_id, statement.text, digest, tx.at, actor),
            )
            # Finalised as the sender finalised it: when and by whom, and the same text hash.
            tx.execute(
                "UPDATE statements SET finalised_at = ?, finalised_by = ?, final_sha256 = ?"
                " WHERE statement_id = ?",
                (
                    statement.finalised_at or tx.at,
                    statement.finalised_by,
                    statement.text_sha256,
                    statement_id,
                ),
            )
            for number, (text, at, author) in enumerate(statement.addenda, start=1):
                insert_row(
                    tx,
                    "statement_addenda",
                    {
                        "addendum_id": new_id(),
                        "statement_id": statement_id,
                        "number": number,
                        "text": text,
                        "reason": "",
                        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                        "created_at": at or tx.at,
                        "created_by": author,
                    },
                )
            _index_statement(tx, statement_id)
            tx.audit(
                "statement.received",
                statement_id,
                {"case_id": case_id, "sha256": statement.text_sha256, "bundle": received.bundle_id},
            )
        before = f"{BEFORE_RECEIPT}: recorded by the sending vault {received.sender_fingerprint}"
        for item in received.evidence:
            evidence_id = new_id()
            _remember(tx, case_id, "evidence", received, item.evidence_id, item.sha256, evidence_id)
            acquisition = dict(item.acquisition)
            from_person = people.get(str(acquisition.get("acquired_from_person_id") or ""))
            insert_evidence(
                tx,
                case_id=case_id,
                evidence_id=evidence_id,
                blob=item.blob,
                kind=item.kind,
                original_filename=item.original_filename,
                media_type=item.media_type,
                acquisition=dumps(
                    {
                        "acquired_at": acquisition.get("acquired_at") or None,
                        "acquired_by": str(acquisition.get("acquired_by") or ""),
                        "acquired_from": str(acquisition.get("acquired_from") or ""),
                        "acquired_from_person_id": from_person,
                        "location": str(acquisition.get("location") or ""),
                        "method": str(acquisition.get("method") or ""),
                        "tool": str(acquisition.get("tool") or ""),
                        "tool_version": str(acquisition.get("tool_version") or ""),
                        "source_url": str(acquisition.get("source_url") or ""),
                    }
                ),
                acquired_from_person_id=from_person,
                original_metadata={
                    "received_in_bundle": received.bundle_id,
                    "sender_number": item.number,
                },
                notes=item.notes,
                actor=actor,
                audit_action="evidence.received",
                audit_extra={"bundle": received.bundle_id},
            )
            for event in item.custody:
                try:
                    kind = CustodyEventType(str(event.get("kind", "")))
                    happened = parse_dt(str(event.get("at", "")))
                except ValueError:
                    continue  # an event this version cannot read stays in the bundle only
                insert_event(
                    tx,
                    actor,
                    evidence_id,
                    kind,
                    at=happened,
                    actor=str(event.get("actor") or ""),
                    from_party=str(event.get("from") or ""),
                    to_party=str(event.get("to") or ""),
                    purpose=str(event.get("purpose") or ""),
                    authority_ref=str(event.get("authority_reference") or ""),
                    method=str(event.get("method") or ""),
                    hash_observed=str(event.get("hash_observed") or ""),
                    notes=before,
                )
            insert_event(
                tx,
                actor,
                evidence_id,
                CustodyEventType.RECEIVED,
                from_party=received.sender_name,
                to_party=actor,
                method=receipt,
                hash_observed=item.blob.sha256,
                notes=f"bundle {received.bundle_id}; sender number {item.number}",
            )
            _index_evidence(tx, evidence_id)
        tx.execute(
            "INSERT INTO received_bundles (bundle_id, case_id, tagmanifest_sha256,"
            " sender_fingerprint, sender_name, received_at, received_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                received.bundle_id,
                case_id,
                received.tagmanifest_sha256,
                received.sender_fingerprint,
                received.sender_name,
                tx.at,
                actor,
            ),
        )
        # Addenda, consent, interviews and custody arrive as rows: their words into the index.
        index_case_records(tx, case_id)
        tx.audit(
            "bundle.imported",
            received.bundle_id,
            {
                "case_id": case_id,
                "sender": received.sender_fingerprint,
                "tagmanifest_sha256": received.tagmanifest_sha256,
                "evidence": len(received.evidence),
                "statements": len(received.statements) - held_statements,
                "people": len(received.people) - held_people,
                "statements_already_held": held_statements,
                "people_already_held": held_people,
            },
        )
    log.info(
        "bundle %s recorded into case %s (%d people, %d statements already held)",
        received.bundle_id,
        case_id,
        held_people,
        held_statements,
    )
    return RecordedReceipt(
        case_id,
        len(received.evidence),
        len(received.statements) - held_statements,
        len(received.people) - held_people,
        held_statements,
        held_people,
    )


__all__ = [
    "BEFORE_RECEIPT",
    "ReceivedBundle",
    "ReceivedEvidence",
    "ReceivedPerson",
    "ReceivedStatement",
    "RecordedReceipt",
    "already_received",
    "identity_from_delivered",
    "record_received",
]
