"""Erasure of a person's data (GDPR art. 17), refused under legal hold, never silent.

Erasing a person removes, in one audited transaction: the person and protected identity, the
statements they gave (every revision and addendum), their interviews, their consent versions,
the evidence obtained from them (rows, custody events and the encrypted blob files), entity links
to any of these and entities left without links, and all of it from the search index. A tombstone
records who erased, when, why and how much. ``secure_delete`` (set by the vault) and FTS5
``secure-delete`` overwrite the freed pages, and a ``wal_checkpoint(TRUNCATE)`` afterwards leaves
no old page images in the write-ahead log.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from intake._base import (
    Columns,
    Row,
    Service,
    dumps,
    index_drop,
    insert_row,
    new_id,
    parse_dt,
    require_reason,
    scalar,
)
from intake.chats.schema import forget_chat_rows
from intake.entities import drop_orphan_entities
from intake.errors import CaseNotFoundError, LegalHoldError, PersonNotFoundError
from intake.models import Tombstone, evidence_label
from vault import Transaction, roles

log = logging.getLogger(__name__)


TOMBSTONE = Columns.of(Tombstone)
_ERASED_EVIDENCE = Columns("evidence_id", "blob_id", "number")


def _ids(tx: Transaction, column: str, rest: str, params: tuple[Any, ...]) -> list[str]:
    """The values of one id column of ``SELECT <column> <rest>``."""
    return [str(r[column]) for r in Columns(column).fetch_all(tx, rest, params)]


def tombstone_from_row(row: Row) -> Tombstone:
    return Tombstone(
        tombstone_id=row["tombstone_id"],
        case_id=row["case_id"],
        person_id=row["person_id"],
        erased_at=parse_dt(row["erased_at"]),
        erased_by=row["erased_by"],
        reason=row["reason"],
        counts={k: int(v) for k, v in json.loads(row["counts"]).items()},
        evidence_labels=tuple(json.loads(row["evidence_labels"])),
    )


class ErasureService(Service):
    def erase_person(self, person_id: str, reason: str) -> Tombstone:
        """Erase everything the vault holds from or about ``person_id``.

        Raises :class:`LegalHoldError` while the case is under legal hold and
        :class:`ReasonRequiredError` without a reason. Works on closed cases too.
        """
        self._vault.require(roles.ERASURE)  # administrators (DESIGN §6.4), before any work
        reason = require_reason(reason)
        tombstone_id = new_id()
        with self._vault.transaction() as tx:
            owner = scalar(tx, "case_id", "FROM people WHERE person_id = ?", (person_id,))
            if owner is None:
                raise PersonNotFoundError(person_id)
            case_id = str(owner)
            case = Columns("legal_hold").fetch_one(tx, "FROM cases WHERE case_id = ?", (case_id,))
            if case is None:
                raise CaseNotFoundError(case_id)
            if case["legal_hold"]:
                raise LegalHoldError(case_id)
            tx.execute("INSERT INTO intake_erasure_guard (active) VALUES (1)")
            counts, labels = self._erase(tx, case_id, person_id)
            tx.execute("DELETE FROM intake_erasure_guard")
            insert_row(
                tx,
                "erasures",
                {
                    "tombstone_id": tombstone_id,
                    "case_id": case_id,
                    "person_id": person_id,
                    "erased_at": tx.at,
                    "erased_by": self._vault.actor,
                    "reason": reason,
                    "counts": dumps(counts),
                    "evidence_labels": dumps(labels),
                },
            )
            tx.audit(
                "person.erased",
                person_id,
                {"case_id": case_id, "tombstone_id": tombstone_id, "counts": counts},
            )
        # Old page images of the erased rows may still sit in the write-ahead log: fold it into
        # the database (whose freed pages secure_delete zeroed) and truncate it.
        self._vault.read("PRAGMA wal_checkpoint(TRUNCATE)")
        log.info("person %s erased (tombstone %s)", person_id, tombstone_id)
        return self.tombstone(tombstone_id)

    def _erase(
        self, tx: Transaction, case_id: str, person_id: str
    ) -> tuple[dict[str, int], list[str]]:
        statements = _ids(tx, "statement_id", "FROM statements WHERE person_id = ?", (person_id,))
        evidence = _ERASED_EVIDENCE.fetch_all(
            tx, "FROM evidence WHERE acquired_from_person_id = ?", (person_id,)
        )
        interviews = _ids(tx, "interview_id", "FROM interviews WHERE person_id = ?", (person_id,))
        counts = {
            "statements": len(statements),
            "evidence": len(evidence),
            "interviews": len(interviews),
            "consent_versions": 0,
            "entity_links": 0,
        }
        for statement_id in statements:
            counts["entity_links"] += tx.execute(
                "DELETE FROM entity_links WHERE statement_id = ?", (statement_id,)
            ).rowcount
            index_drop(tx, "statement", statement_id)
            tx.execute("DELETE FROM statement_addenda WHERE statement_id = ?", (statement_id,))
            tx.execute("DELETE FROM statement_revisions WHERE statement_id = ?", (statement_id,))
            tx.execute("DELETE FROM statements WHERE statement_id = ?", (statement_id,))
        labels: list[str] = []
        for item in evidence:
            evidence_id = item["evidence_id"]
            counts["entity_links"] += tx.execute(
                "DELETE FROM entity_links WHERE evidence_id = ?", (evidence_id,)
            ).rowcount
            index_drop(tx, "evidence", evidence_id)
            forget_chat_rows(tx, evidence_id)
            tx.execute("DELETE FROM custody_events WHERE evidence_id = ?", (evidence_id,))
            tx.execute("DELETE FROM evidence WHERE evidence_id = ?", (evidence_id,))
            tx.remove_blob(item["blob_id"])
            labels.append(evidence_label(int(item["number"])))
        for interview_id in interviews:
            still_used = tx.execute(
                "SELECT 1 FROM statements WHERE interview_id = ?", (interview_id,)
            ).fetchone()
            if still_used is None:
                tx.execute("DELETE FROM interviews WHERE interview_id = ?", (interview_id,))
            else:
                # Another person's statement cites this interview: keep its frame, drop the
                # erased person's part of it.
                tx.execute(
                    "UPDATE interviews SET person_id = NULL, notes = '' WHERE interview_id = ?",
                    (interview_id,),
                )
        counts["consent_versions"] = tx.execute(
            "DELETE FROM consent WHERE person_id = ?", (person_id,)
        ).rowcount
        counts["entity_links"] += tx.execute(
            "DELETE FROM entity_links WHERE person_id = ?", (person_id,)
        ).rowcount
        counts["entities_removed"] = len(drop_orphan_entities(tx))
        index_drop(tx, "person", person_id)
        tx.execute("DELETE FROM person_identity WHERE person_id = ?", (person_id,))
        tx.execute("DELETE FROM people WHERE person_id = ?", (person_id,))
        return counts, labels

    def tombstone(self, tombstone_id: str) -> Tombstone:
        row = TOMBSTONE.fetch_one(
            self._vault, "FROM erasures WHERE tombstone_id = ?", (tombstone_id,)
        )
        if row is None:
            raise PersonNotFoundError(tombstone_id)
        return tombstone_from_row(row)

    def tombstones(self, case_id: str) -> list[Tombstone]:
        rows = TOMBSTONE.fetch_all(
            self._vault, "FROM erasures WHERE case_id = ? ORDER BY erased_at", (case_id,)
        )
        return [tombstone_from_row(r) for r in rows]
