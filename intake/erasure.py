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

from intake._base import Service, dumps, index_drop, new_id, parse_dt, require_reason
from intake.entities import drop_orphan_entities
from intake.errors import CaseNotFoundError, LegalHoldError, PersonNotFoundError
from intake.models import Tombstone, evidence_label
from vault import Transaction, roles

log = logging.getLogger(__name__)


def _ids(tx: Transaction, sql: str, params: tuple[Any, ...]) -> list[str]:
    return [str(r[0]) for r in tx.execute(sql, params).fetchall()]


def tombstone_from_row(row: Any) -> Tombstone:
    return Tombstone(
        tombstone_id=row[0],
        case_id=row[1],
        person_id=row[2],
        erased_at=parse_dt(row[3]),
        erased_by=row[4],
        reason=row[5],
        counts={k: int(v) for k, v in json.loads(row[6]).items()},
        evidence_labels=tuple(json.loads(row[7])),
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
            person = tx.execute(
                "SELECT case_id FROM people WHERE person_id = ?", (person_id,)
            ).fetchone()
            if person is None:
                raise PersonNotFoundError(person_id)
            case_id = str(person[0])
            case = tx.execute(
                "SELECT legal_hold FROM cases WHERE case_id = ?", (case_id,)
            ).fetchone()
            if case is None:
                raise CaseNotFoundError(case_id)
            if case[0]:
                raise LegalHoldError(case_id)
            tx.execute("INSERT INTO intake_erasure_guard (active) VALUES (1)")
            counts, labels = self._erase(tx, case_id, person_id)
            tx.execute("DELETE FROM intake_erasure_guard")
            tx.execute(
                "INSERT INTO erasures (tombstone_id, case_id, person_id, erased_at, erased_by,"
                " reason, counts, evidence_labels) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    tombstone_id,
                    case_id,
                    person_id,
                    tx.at,
                    self._vault.actor,
                    reason,
                    dumps(counts),
                    dumps(labels),
                ),
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
        statements = _ids(
            tx, "SELECT statement_id FROM statements WHERE person_id = ?", (person_id,)
        )
        evidence = tx.execute(
            "SELECT evidence_id, blob_id, number FROM evidence WHERE acquired_from_person_id = ?",
            (person_id,),
        ).fetchall()
        interviews = _ids(
            tx, "SELECT interview_id FROM interviews WHERE person_id = ?", (person_id,)
        )
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
        for evidence_id, blob_id, number in evidence:
            counts["entity_links"] += tx.execute(
                "DELETE FROM entity_links WHERE evidence_id = ?", (evidence_id,)
            ).rowcount
            index_drop(tx, "evidence", evidence_id)
            tx.execute("DELETE FROM custody_events WHERE evidence_id = ?", (evidence_id,))
            tx.execute("DELETE FROM evidence WHERE evidence_id = ?", (evidence_id,))
            tx.remove_blob(blob_id)
            labels.append(evidence_label(int(number)))
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
        row = self._vault.read_one(
            "SELECT tombstone_id, case_id, person_id, erased_at, erased_by, reason, counts,"
            " evidence_labels FROM erasures WHERE tombstone_id = ?",
            (tombstone_id,),
        )
        if row is None:
            raise PersonNotFoundError(tombstone_id)
        return tombstone_from_row(row)

    def tombstones(self, case_id: str) -> list[Tombstone]:
        rows = self._vault.read(
            "SELECT tombstone_id, case_id, person_id, erased_at, erased_by, reason, counts,"
            " evidence_labels FROM erasures WHERE case_id = ? ORDER BY erased_at",
            (case_id,),
        )
        return [tombstone_from_row(r) for r in rows]
