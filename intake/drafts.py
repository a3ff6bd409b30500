"""Drafts of forms left open when the vault locked: kept inside the encrypted vault, offered back.

A form (add a person, record consent, an interview…) that is open when the vault locks is not
lost: its fields are saved here as one JSON row per open form, belonging to the user who typed
them. The row is replaced while the same form stays open (one rolling draft, never a history of
keystrokes) and removed when the form is saved or the user discards it.

The ledger records that a draft was saved, used or discarded, by ids only (kind, case, subject):
the typed text is as sensitive as the record it will become, and lives only in the encrypted
database.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from intake._base import Columns, Service, dumps, insert_row, new_id, parse_dt
from intake.errors import ValidationError

log = logging.getLogger(__name__)

#: A draft larger than this is refused: a form holds a few fields, not files.
MAX_STATE_CHARS = 2_000_000


@dataclass(frozen=True)
class Draft:
    draft_id: str
    actor: str
    kind: str
    case_id: str | None
    subject_id: str | None
    state: dict[str, Any]
    saved_at: datetime


_DRAFT = Columns("draft_id", "actor", "kind", "case_id", "subject_id", "state", "saved_at")


def _draft(row: Any) -> Draft:
    state = json.loads(row["state"])
    return Draft(
        draft_id=row["draft_id"],
        actor=row["actor"],
        kind=row["kind"],
        case_id=row["case_id"],
        subject_id=row["subject_id"],
        state=state if isinstance(state, dict) else {},
        saved_at=parse_dt(row["saved_at"]),
    )


def _ids(kind: str, case_id: str | None, subject_id: str | None) -> dict[str, str]:
    details = {"kind": kind}
    if case_id:
        details["case_id"] = case_id
    if subject_id:
        details["subject_id"] = subject_id
    return details


class DraftService(Service):
    """The current user's drafts of open forms."""

    def save(
        self,
        kind: str,
        state: dict[str, Any],
        *,
        case_id: str | None = None,
        subject_id: str | None = None,
        draft_id: str | None = None,
    ) -> Draft:
        """Write (or replace, when ``draft_id`` is the form's earlier draft) one draft."""
        if not kind.strip():
            raise ValidationError("draft kind")
        text = dumps(state)
        if len(text) > MAX_STATE_CHARS:
            raise ValidationError("draft size")
        actor = self._vault.actor
        with self._vault.transaction() as tx:
            existing = None
            if draft_id is not None:
                existing = _DRAFT.fetch_one(
                    tx, "FROM drafts WHERE draft_id = ? AND actor = ?", (draft_id, actor)
                )
            if existing is None:
                draft_id = draft_id or new_id()
                insert_row(
                    tx,
                    "drafts",
                    {
                        "draft_id": draft_id,
                        "actor": actor,
                        "kind": kind,
                        "case_id": case_id,
                        "subject_id": subject_id,
                        "state": text,
                        "saved_at": tx.at,
                    },
                )
            else:
                tx.execute(
                    "UPDATE drafts SET state = ?, saved_at = ?, case_id = ?, subject_id = ?"
                    " WHERE draft_id = ?",
                    (text, tx.at, case_id, subject_id, draft_id),
                )
            assert draft_id is not None
            tx.audit("draft.saved", draft_id, _ids(kind, case_id, subject_id))
        log.info("draft %s (%s) saved", draft_id, kind)
        return self.get(draft_id)

    def get(self, draft_id: str) -> Draft:
        row = _DRAFT.fetch_one(
            self._vault,
            "FROM drafts WHERE draft_id = ? AND actor = ?",
            (draft_id, self._vault.actor),
        )
        if row is None:
            raise ValidationError("draft not found")
        return _draft(row)

    def list_mine(self) -> list[Draft]:
        """The current user's drafts, oldest first (the order the forms were left in)."""
        rows = _DRAFT.fetch_all(
            self._vault,
            "FROM drafts WHERE actor = ? ORDER BY saved_at, draft_id",
            (self._vault.actor,),
        )
        return [_draft(r) for r in rows]

    def discard(self, draft_id: str, *, used: bool = False) -> bool:
        """Remove a draft: the user threw it away, or (``used``) the form it fills was saved."""
        actor = self._vault.actor
        with self._vault.transaction() as tx:
            row = _DRAFT.fetch_one(
                tx, "FROM drafts WHERE draft_id = ? AND actor = ?", (draft_id, actor)
            )
            if row is None:
                return False
            tx.execute("DELETE FROM drafts WHERE draft_id = ?", (draft_id,))
            tx.audit(
                "draft.used" if used else "draft.discarded",
                draft_id,
                _ids(row["kind"], row["case_id"], row["subject_id"]),
            )
        log.info("draft %s %s", draft_id, "used" if used else "discarded")
        return True
