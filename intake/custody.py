"""Chain of custody: append-only events per evidence item."""

from __future__ import annotations

import logging
from datetime import datetime

from intake._base import Columns, Row, Service, insert_row, parse_dt, to_iso, translated_db_errors
from intake.errors import EvidenceNotFoundError, ValidationError
from intake.models import CustodyEvent, CustodyEventType
from intake.search import index_record
from vault import Transaction

log = logging.getLogger(__name__)

CUSTODY = Columns.of(CustodyEvent)


def custody_from_row(row: Row) -> CustodyEvent:
    return CustodyEvent(
        event_id=int(row["event_id"]),
        evidence_id=row["evidence_id"],
        event_type=CustodyEventType(row["event_type"]),
        at=parse_dt(row["at"]),
        actor=row["actor"],
        from_party=row["from_party"],
        to_party=row["to_party"],
        purpose=row["purpose"],
        authority_ref=row["authority_ref"],
        method=row["method"],
        hash_observed=row["hash_observed"],
        notes=row["notes"],
        recorded_at=parse_dt(row["recorded_at"]),
        recorded_by=row["recorded_by"],
    )


def insert_event(
    tx: Transaction,
    recorded_by: str,
    evidence_id: str,
    event_type: CustodyEventType,
    *,
    at: datetime | None = None,
    actor: str | None = None,
    from_party: str = "",
    to_party: str = "",
    purpose: str = "",
    authority_ref: str = "",
    method: str = "",
    hash_observed: str = "",
    notes: str = "",
) -> int:
    """Append one custody event inside ``tx`` and audit it; returns the event id."""
    cursor = insert_row(
        tx,
        "custody_events",
        {
            "evidence_id": evidence_id,
            "event_type": str(event_type),
            "at": to_iso(at) if at is not None else tx.at,
            "actor": actor if actor is not None else recorded_by,
            "from_party": from_party,
            "to_party": to_party,
            "purpose": purpose,
            "authority_ref": authority_ref,
            "method": method,
            "hash_observed": hash_observed,
            "notes": notes,
            "recorded_at": tx.at,
            "recorded_by": recorded_by,
        },
    )
    event_id = int(cursor.lastrowid)
    index_record(tx, "custody", event_id)
    tx.audit(
        f"custody.{event_type}",
        evidence_id,
        {"event_id": event_id, "hash_observed": hash_observed},
    )
    return event_id


class CustodyService(Service):
    def record(
        self,
        evidence_id: str,
        event_type: CustodyEventType | str,
        *,
        at: datetime | None = None,
        actor: str | None = None,
        from_party: str = "",
        to_party: str = "",
        purpose: str = "",
        authority_ref: str = "",
        method: str = "",
        hash_observed: str = "",
        notes: str = "",
    ) -> CustodyEvent:
        """Append a custody event (``at`` defaults to now, ``actor`` to the vault user).

        Allowed on closed cases: exports and transfers of a closed case must be recorded.
        """
        event_type = CustodyEventType(event_type)
        if hash_observed and (
            len(hash_observed) != 64 or any(c not in "0123456789abcdef" for c in hash_observed)
        ):
            raise ValidationError("hash_observed must be a lower-case hex SHA-256")
        with self._vault.transaction() as tx, translated_db_errors():
            exists = tx.execute(
                "SELECT 1 FROM evidence WHERE evidence_id = ?", (evidence_id,)
            ).fetchone()
            if exists is None:
                raise EvidenceNotFoundError(evidence_id)
            event_id = insert_event(
                tx,
                self._vault.actor,
                evidence_id,
                event_type,
                at=at,
                actor=actor,
                from_party=from_party,
                to_party=to_party,
                purpose=purpose,
                authority_ref=authority_ref,
                method=method,
                hash_observed=hash_observed,
                notes=notes,
            )
        return self.get(event_id)

    def get(self, event_id: int) -> CustodyEvent:
        row = CUSTODY.fetch_one(self._vault, "FROM custody_events WHERE event_id = ?", (event_id,))
        if row is None:
            raise ValidationError("custody event id")
        return custody_from_row(row)

    def events(self, evidence_id: str) -> list[CustodyEvent]:
        """The item's custody log, in the order it was recorded."""
        rows = CUSTODY.fetch_all(
            self._vault,
            "FROM custody_events WHERE evidence_id = ? ORDER BY event_id",
            (evidence_id,),
        )
        return [custody_from_row(r) for r in rows]

    def events_for_case(self, case_id: str) -> list[CustodyEvent]:
        rows = CUSTODY.qualified("c").fetch_all(
            self._vault,
            "FROM custody_events c JOIN evidence e ON e.evidence_id = c.evidence_id"
            " WHERE e.case_id = ? ORDER BY e.number, c.event_id",
            (case_id,),
        )
        return [custody_from_row(r) for r in rows]
