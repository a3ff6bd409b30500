"""Cases: create and edit, close and reopen, legal hold, retention date, the case list."""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

from intake._base import (
    Columns,
    Row,
    Service,
    case_row,
    index_put,
    new_id,
    parse_dt,
    parse_opt_date,
    parse_opt_dt,
    require_reason,
    scalar,
)
from intake.errors import (
    CaseNotFoundError,
    DuplicateReferenceError,
    InvalidReferenceError,
    ValidationError,
)
from intake.models import Case, CaseStatus, CaseSummary
from vault import Transaction

log = logging.getLogger(__name__)

REFERENCE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$")
CASE = Columns.of(Case)
#: The case list's counts, read by name next to the case's own columns. Correlated counts use
#: the case_id indexes and, with a page (limit), touch only the page's cases: measured faster
#: than grouping all three tables at 10,000 cases.
CASE_SUMMARY = CASE.qualified("c") + Columns(
    "(SELECT count(*) FROM people p WHERE p.case_id = c.case_id) AS people",
    "(SELECT count(*) FROM statements s WHERE s.case_id = c.case_id) AS statements",
    "(SELECT count(*) FROM evidence e WHERE e.case_id = c.case_id) AS evidence",
)
_CASE_INDEX = Columns("reference", "title", "description", "jurisdiction")


def case_from_row(row: Row) -> Case:
    return Case(
        case_id=row["case_id"],
        reference=row["reference"],
        title=row["title"],
        status=CaseStatus(row["status"]),
        jurisdiction=row["jurisdiction"],
        description=row["description"],
        legal_hold=bool(row["legal_hold"]),
        legal_hold_reason=row["legal_hold_reason"],
        retention_until=parse_opt_date(row["retention_until"]),
        created_at=parse_dt(row["created_at"]),
        created_by=row["created_by"],
        updated_at=parse_dt(row["updated_at"]),
        closed_at=parse_opt_dt(row["closed_at"]),
    )


def normalise_reference(reference: str) -> str:
    reference = reference.strip()
    if not REFERENCE_PATTERN.match(reference):
        raise InvalidReferenceError()
    return reference


def _index_case(tx: Transaction, case_id: str) -> None:
    row = _CASE_INDEX.fetch_one(tx, "FROM cases WHERE case_id = ?", (case_id,))
    assert row is not None  # written earlier in the same transaction
    title, body = (
        f"{row['reference']} {row['title']}",
        f"{row['description']}\n{row['jurisdiction']}",
    )
    index_put(tx, "case", case_id, case_id, title, body)


class CaseService(Service):
    """Cases. Every change is one audited transaction."""

    def create(
        self,
        reference: str,
        title: str,
        *,
        jurisdiction: str = "",
        description: str = "",
        retention_until: date | None = None,
    ) -> Case:
        """Create an open case. ``reference`` (e.g. ``RO-2026-0042``) is unique, ignoring case.

        Raises :class:`InvalidReferenceError`, :class:`DuplicateReferenceError`,
        :class:`ValidationError` (empty title).
        """
        reference = normalise_reference(reference)
        title = title.strip()
        if not title:
            raise ValidationError("title")
        case_id = new_id()
        with self._vault.transaction() as tx:
            taken = tx.execute("SELECT 1 FROM cases WHERE reference = ?", (reference,)).fetchone()
            if taken is not None:
                raise DuplicateReferenceError()
            tx.execute(
                "INSERT INTO cases (case_id, reference, title, jurisdiction, description,"
                " retention_until, created_at, created_by, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    case_id,
                    reference,
                    title,
                    jurisdiction.strip(),
                    description,
                    retention_until.isoformat() if retention_until else None,
                    tx.at,
                    self._vault.actor,
                    tx.at,
                ),
            )
            _index_case(tx, case_id)
            tx.audit("case.created", case_id, {"reference": reference})
        log.info("case %s created", case_id)
        return self.get(case_id)

    def get(self, case_id: str) -> Case:
        row = CASE.fetch_one(self._vault, "FROM cases WHERE case_id = ?", (case_id,))
        if row is None:
            raise CaseNotFoundError(case_id)
        return case_from_row(row)

    def by_reference(self, reference: str) -> Case:
        """The case with this reference (case-insensitive). Raises :class:`CaseNotFoundError`."""
        row = CASE.fetch_one(self._vault, "FROM cases WHERE reference = ?", (reference.strip(),))
        if row is None:
            raise CaseNotFoundError()
        return case_from_row(row)

    def edit(
        self,
        case_id: str,
        *,
        reference: str | None = None,
        title: str | None = None,
        jurisdiction: str | None = None,
        description: str | None = None,
    ) -> Case:
        """Change the given fields (``None`` leaves a field as it is). Allowed on closed cases."""
        changes: dict[str, str] = {}
        if reference is not None:
            changes["reference"] = normalise_reference(reference)
        if title is not None:
            if not title.strip():
                raise ValidationError("title")
            changes["title"] = title.strip()
        if jurisdiction is not None:
            changes["jurisdiction"] = jurisdiction.strip()
        if description is not None:
            changes["description"] = description
        with self._vault.transaction() as tx:
            case_row(tx, case_id, must_be_open=False)
            if "reference" in changes:
                taken = tx.execute(
                    "SELECT 1 FROM cases WHERE reference = ? AND case_id != ?",
                    (changes["reference"], case_id),
                ).fetchone()
                if taken is not None:
                    raise DuplicateReferenceError()
            if changes:
                assignments = ", ".join(f"{name} = ?" for name in changes)
                tx.execute(
                    f"UPDATE cases SET {assignments}, updated_at = ? WHERE case_id = ?",
                    (*changes.values(), tx.at, case_id),
                )
                _index_case(tx, case_id)
                tx.audit("case.edited", case_id, {"fields": sorted(changes)})
        return self.get(case_id)

    def close(self, case_id: str, reason: str = "") -> Case:
        """Close the case: nothing new can be added until it is reopened."""
        with self._vault.transaction() as tx:
            row = case_row(tx, case_id, must_be_open=False)
            if row["status"] != "closed":
                tx.execute(
                    "UPDATE cases SET status = 'closed', closed_at = ?, updated_at = ?"
                    " WHERE case_id = ?",
                    (tx.at, tx.at, case_id),
                )
                tx.audit("case.closed", case_id, {"reason": reason})
        return self.get(case_id)

    def reopen(self, case_id: str, reason: str = "") -> Case:
        with self._vault.transaction() as tx:
            row = case_row(tx, case_id, must_be_open=False)
            if row["status"] != "open":
                tx.execute(
                    "UPDATE cases SET status = 'open', closed_at = NULL, updated_at = ?"
                    " WHERE case_id = ?",
                    (tx.at, case_id),
                )
                tx.audit("case.reopened", case_id, {"reason": reason})
        return self.get(case_id)

    def set_legal_hold(self, case_id: str, on: bool, reason: str) -> Case:
        """Place or lift a legal hold (a reason is required). A held case cannot be erased."""
        reason = require_reason(reason)
        with self._vault.transaction() as tx:
            case_row(tx, case_id, must_be_open=False)
            tx.execute(
                "UPDATE cases SET legal_hold = ?, legal_hold_reason = ?, updated_at = ?"
                " WHERE case_id = ?",
                (int(on), reason if on else "", tx.at, case_id),
            )
            tx.audit(
                "case.legal_hold_set" if on else "case.legal_hold_lifted",
                case_id,
                {"reason": reason},
            )
        return self.get(case_id)

    def set_retention(self, case_id: str, retention_until: date | None) -> Case:
        """Set (or clear, with ``None``) the date until which the case is kept."""
        with self._vault.transaction() as tx:
            case_row(tx, case_id, must_be_open=False)
            value = retention_until.isoformat() if retention_until else None
            tx.execute(
                "UPDATE cases SET retention_until = ?, updated_at = ? WHERE case_id = ?",
                (value, tx.at, case_id),
            )
            tx.audit("case.retention_set", case_id, {"retention_until": value})
        return self.get(case_id)

    def list_cases(
        self,
        *,
        status: CaseStatus | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[CaseSummary]:
        """Cases ordered by reference, with counts of people, statements and evidence items."""
        where = "" if status is None else "WHERE c.status = ?"
        params: list[Any] = [] if status is None else [str(status)]
        page = ""
        if limit is not None:
            page = " LIMIT ? OFFSET ?"
            params += [limit, offset]
        rows = CASE_SUMMARY.fetch_all(
            self._vault, f"FROM cases c {where} ORDER BY c.reference{page}", params
        )
        return [
            CaseSummary(
                case_from_row(r), int(r["people"]), int(r["statements"]), int(r["evidence"])
            )
            for r in rows
        ]

    def count(self) -> int:
        return int(scalar(self._vault, "count(*)", "FROM cases"))
