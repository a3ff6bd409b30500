"""Erasure of a person's data (GDPR art. 17), refused under legal hold, never silent.

Erasing a person removes, in one audited transaction: the person and protected identity, the
statements they gave (every revision and addendum), their interviews, their consent versions,
the evidence obtained from them and the signed forms of their consent (rows, custody events,
links to a consent and the encrypted blob files), entity links to any of these and entities left
without links, and all of it from the search index. A tombstone records who erased, when, why
and how much. ``secure_delete`` (set by the vault) and FTS5 ``secure-delete`` overwrite the freed
pages, and a ``wal_checkpoint(TRUNCATE)`` afterwards leaves no old page images in the
write-ahead log.

Erasing a whole case (issue 18: retention) does the same for every person of the case, then
removes what no person owned (statements and evidence without a person, interviews, consent,
entity links, indicators, referrals, tasks, drafts, received-bundle records, chat rows, search
documents) and the case itself; its tombstone keeps the case reference, who, when, why and how
much. A case is erased only once its retention date has passed and never under legal hold.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date
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
from intake.errors import CaseNotFoundError, IntakeError, LegalHoldError, PersonNotFoundError
from intake.models import Tombstone, evidence_label
from intake.referrals import forget_case_referrals
from intake.tasks import forget_case_tasks
from vault import Transaction, roles

log = logging.getLogger(__name__)


TOMBSTONE = Columns.of(Tombstone)
_ERASED_EVIDENCE = Columns("evidence_id", "blob_id", "number")
_DUE = Columns("case_id", "reference", "title", "retention_until", "legal_hold", "status")


class RetentionNotDueError(IntakeError):
    code = "intake.retention_not_due"
    message = "The case's retention date has not passed; it cannot be erased yet."


@dataclass(frozen=True)
class RetentionDue:
    """A case whose retention date has passed: what the retention view lists."""

    case_id: str
    reference: str
    title: str
    retention_until: date
    legal_hold: bool
    status: str


@dataclass(frozen=True)
class CaseTombstone:
    """The tombstone of a case erased whole, with the case's reference."""

    tombstone: Tombstone
    reference: str


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
        # What was obtained from them, and the signed forms of their consent (which name them).
        evidence = _ERASED_EVIDENCE.fetch_all(
            tx,
            "FROM evidence WHERE acquired_from_person_id = ? OR evidence_id IN"
            " (SELECT d.evidence_id FROM consent_documents d"
            " JOIN consent k ON k.consent_id = d.consent_id WHERE k.person_id = ?)",
            (person_id, person_id),
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
            # Linked as the signed form of any consent (the item goes, so its link goes too).
            tx.execute("DELETE FROM consent_documents WHERE evidence_id = ?", (evidence_id,))
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
        tx.execute(
            "DELETE FROM consent_documents WHERE consent_id IN"
            " (SELECT consent_id FROM consent WHERE person_id = ?)",
            (person_id,),
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

    # Whole cases, past their retention date (issue 18) ------------------------------------

    def retention_due(self, today: date | None = None) -> list[RetentionDue]:
        """Cases whose retention date is before ``today`` (held ones too: the view says why
        they stay), oldest date first."""
        today = today or self._now().astimezone().date()
        rows = _DUE.fetch_all(
            self._vault,
            "FROM cases WHERE retention_until IS NOT NULL AND retention_until < ?"
            " ORDER BY retention_until, reference",
            (today.isoformat(),),
        )
        return [
            RetentionDue(
                case_id=r["case_id"],
                reference=r["reference"],
                title=r["title"],
                retention_until=date.fromisoformat(r["retention_until"]),
                legal_hold=bool(r["legal_hold"]),
                status=r["status"],
            )
            for r in rows
        ]

    def erase_case(self, case_id: str, reason: str, *, today: date | None = None) -> CaseTombstone:
        """Erase the case and everything in it, leaving a tombstone with its reference.

        Raises :class:`LegalHoldError` under legal hold, :class:`RetentionNotDueError` before
        the retention date has passed (or without one: set it first, which is audited too),
        :class:`ReasonRequiredError` without a reason and ``PermissionDeniedError`` for anyone
        but an administrator.
        """
        self._vault.require(roles.ERASURE)
        reason = require_reason(reason)
        today = today or self._now().astimezone().date()
        tombstone_id = new_id()
        with self._vault.transaction() as tx:
            case = _DUE.fetch_one(tx, "FROM cases WHERE case_id = ?", (case_id,))
            if case is None:
                raise CaseNotFoundError(case_id)
            if case["legal_hold"]:
                raise LegalHoldError(case_id)
            kept_until = case["retention_until"]
            if not kept_until or date.fromisoformat(kept_until) >= today:
                raise RetentionNotDueError(case_id)
            tx.execute("INSERT INTO intake_erasure_guard (active) VALUES (1)")
            counts, labels = self._erase_case(tx, case_id)
            tx.execute("DELETE FROM intake_erasure_guard")
            insert_row(
                tx,
                "erasures",
                {
                    "tombstone_id": tombstone_id,
                    "case_id": case_id,
                    "person_id": "",
                    "erased_at": tx.at,
                    "erased_by": self._vault.actor,
                    "reason": reason,
                    "counts": dumps(counts),
                    "evidence_labels": dumps(labels),
                    "case_reference": case["reference"],
                },
            )
            tx.audit(
                "case.erased",
                case_id,
                {"case_id": case_id, "tombstone_id": tombstone_id, "counts": counts},
            )
        self._vault.read("PRAGMA wal_checkpoint(TRUNCATE)")
        log.info("case %s erased (tombstone %s)", case_id, tombstone_id)
        return CaseTombstone(self.tombstone(tombstone_id), str(case["reference"]))

    def _erase_case(self, tx: Transaction, case_id: str) -> tuple[dict[str, int], list[str]]:
        counts: dict[str, int] = {"people": 0}
        labels: list[str] = []

        def add(more: dict[str, int]) -> None:
            for key, value in more.items():
                counts[key] = counts.get(key, 0) + value

        for person_id in _ids(tx, "person_id", "FROM people WHERE case_id = ?", (case_id,)):
            more, more_labels = self._erase(tx, case_id, person_id)
            add(more)
            labels += more_labels
            counts["people"] += 1
        # What no person owned: statements, evidence, interviews and consent without a person.
        for statement_id in _ids(
            tx, "statement_id", "FROM statements WHERE case_id = ?", (case_id,)
        ):
            index_drop(tx, "statement", statement_id)
            tx.execute("DELETE FROM statement_addenda WHERE statement_id = ?", (statement_id,))
            tx.execute("DELETE FROM statement_revisions WHERE statement_id = ?", (statement_id,))
            tx.execute("DELETE FROM statements WHERE statement_id = ?", (statement_id,))
            add({"statements": 1})
        evidence = _ERASED_EVIDENCE.fetch_all(tx, "FROM evidence WHERE case_id = ?", (case_id,))
        tx.execute(
            "DELETE FROM consent_documents WHERE consent_id IN"
            " (SELECT consent_id FROM consent WHERE case_id = ?)",
            (case_id,),
        )
        tx.execute("DELETE FROM entity_links WHERE case_id = ?", (case_id,))
        for item in evidence:
            evidence_id = item["evidence_id"]
            index_drop(tx, "evidence", evidence_id)
            forget_chat_rows(tx, evidence_id)
            tx.execute("DELETE FROM consent_documents WHERE evidence_id = ?", (evidence_id,))
            tx.execute("DELETE FROM evidence_text WHERE evidence_id = ?", (evidence_id,))
            tx.execute("DELETE FROM custody_events WHERE evidence_id = ?", (evidence_id,))
            tx.execute("DELETE FROM evidence WHERE evidence_id = ?", (evidence_id,))
            tx.remove_blob(item["blob_id"])
            labels.append(evidence_label(int(item["number"])))
            add({"evidence": 1})
        add(
            {
                "interviews": tx.execute(
                    "DELETE FROM interviews WHERE case_id = ?", (case_id,)
                ).rowcount,
                "consent_versions": tx.execute(
                    "DELETE FROM consent WHERE case_id = ?", (case_id,)
                ).rowcount,
                "indicators": tx.execute(
                    "DELETE FROM case_indicators WHERE case_id = ?", (case_id,)
                ).rowcount,
                "referrals": forget_case_referrals(tx, case_id),
                "tasks": forget_case_tasks(tx, case_id),
                "drafts": tx.execute("DELETE FROM drafts WHERE case_id = ?", (case_id,)).rowcount,
            }
        )
        add({"entities_removed": len(drop_orphan_entities(tx))})
        for kind, ref_id in [
            (str(r[0]), str(r[1]))
            for r in tx.execute(
                "SELECT kind, ref_id FROM search_docs WHERE case_id = ?", (case_id,)
            ).fetchall()
        ]:
            index_drop(tx, kind, ref_id)
        _sweep_case_rows(tx, case_id)
        tx.execute("DELETE FROM cases WHERE case_id = ?", (case_id,))
        return counts, sorted(set(labels))

    def case_tombstones(self) -> list[CaseTombstone]:
        """Every case erased whole, newest first."""
        rows = TOMBSTONE.fetch_all(
            self._vault, "FROM erasures WHERE person_id = '' ORDER BY erased_at DESC"
        )
        references = {
            str(r[0]): str(r[1])
            for r in self._vault.read(
                "SELECT tombstone_id, case_reference FROM erasures WHERE person_id = ''"
            )
        }
        return [
            CaseTombstone(tombstone_from_row(r), references.get(r["tombstone_id"], ""))
            for r in rows
        ]


#: Tables the sweep leaves to the code above (or keeps: a tombstone is the trace that stays).
_NOT_SWEPT = frozenset({"cases", "erasures", "search_docs"})


def _sweep_case_rows(tx: Transaction, case_id: str) -> None:
    """Rows of tables added by other components (received bundles, chat conversations, …)
    that name the case: deleted too, so that a new table holding case data cannot keep it
    past an erasure without anyone writing code for it."""
    tables = [
        str(r[0])
        for r in tx.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND sql NOT LIKE 'CREATE VIRTUAL%'"
        ).fetchall()
    ]
    for table in tables:
        if table in _NOT_SWEPT or table.startswith("search_index"):
            continue
        columns = {str(c[1]) for c in tx.execute(f"PRAGMA table_info({table})").fetchall()}
        if "case_id" in columns:
            gone = tx.execute(f"DELETE FROM {table} WHERE case_id = ?", (case_id,)).rowcount
            if gone:
                log.info("erasure swept %d rows of %s", gone, table)
