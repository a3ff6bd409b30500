"""Referrals: a case (or a survivor in it) referred to an organisation, and what happened next.

A referral names its recipient as the address book knows it (name and recipient kind: the
address book lives in ``exports``, which the intake may not import, so the user interfaces
resolve the entry and pass its name and kind), the day it was made, why, the bundle that went
with it (when there was one), its status (sent → acknowledged → accepted / declined → closed),
the outcome and the next follow-up day. Every status change is kept in ``referral_events``
(append-only), so the referral's life can be read back; every change is audited in the same
transaction. Audit details carry ids, the status and the recipient kind, never the reason or
outcome text a person typed, nor the recipient's name (the ledger outlives an erasure).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from intake._base import (
    Columns,
    Row,
    Service,
    case_row,
    insert_row,
    new_id,
    parse_dt,
    parse_opt_date,
    scalar,
)
from intake.errors import NotFoundError, ValidationError
from vault import Transaction

log = logging.getLogger(__name__)

MAX_TEXT = 4000
MAX_RECIPIENT = 200


class ReferralStatus(StrEnum):
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CLOSED = "closed"


#: A referral in one of these states needs nobody's follow-up any more.
FINISHED = frozenset({ReferralStatus.DECLINED, ReferralStatus.CLOSED})


class ReferralNotFoundError(NotFoundError):
    code = "intake.referral_not_found"
    message = "No such referral in this vault."


class InvalidReferralError(ValidationError):
    """No recipient, an unknown status or a text beyond the limit."""

    code = "intake.invalid_referral"
    message = "A referral needs a recipient, a day and a known status."


@dataclass(frozen=True)
class ReferralEvent:
    """One step of a referral's life: its status (and outcome, follow-up) from then on."""

    seq: int
    status: ReferralStatus
    outcome: str
    follow_up_on: date | None
    at: datetime
    actor: str


@dataclass(frozen=True)
class Referral:
    referral_id: str
    case_id: str
    case_reference: str
    recipient: str
    recipient_kind: str
    referred_on: date
    reason: str
    bundle_id: str
    status: ReferralStatus
    outcome: str
    follow_up_on: date | None
    created_at: datetime
    created_by: str
    updated_at: datetime

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


_REFERRAL = Columns(
    "r.referral_id",
    "r.case_id",
    "c.reference AS case_reference",
    "r.recipient",
    "r.recipient_kind",
    "r.referred_on",
    "r.reason",
    "r.bundle_id",
    "r.status",
    "r.outcome",
    "r.follow_up_on",
    "r.created_at",
    "r.created_by",
    "r.updated_at",
)
_FROM = "FROM referrals r JOIN cases c ON c.case_id = r.case_id"
_EVENT = Columns("seq", "status", "outcome", "follow_up_on", "at", "actor")


def _referral(row: Row) -> Referral:
    return Referral(
        referral_id=row["referral_id"],
        case_id=row["case_id"],
        case_reference=row["case_reference"],
        recipient=row["recipient"],
        recipient_kind=row["recipient_kind"],
        referred_on=date.fromisoformat(row["referred_on"]),
        reason=row["reason"],
        bundle_id=row["bundle_id"],
        status=ReferralStatus(row["status"]),
        outcome=row["outcome"],
        follow_up_on=parse_opt_date(row["follow_up_on"]),
        created_at=parse_dt(row["created_at"]),
        created_by=row["created_by"],
        updated_at=parse_dt(row["updated_at"]),
    )


def _text(value: str) -> str:
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise InvalidReferralError()
    return value


def parse_status(value: str | ReferralStatus) -> ReferralStatus:
    try:
        return ReferralStatus(str(value).strip().lower())
    except ValueError as exc:
        raise InvalidReferralError() from exc


def _add_event(
    tx: Transaction,
    referral_id: str,
    status: ReferralStatus,
    outcome: str,
    follow_up_on: date | None,
    actor: str,
) -> None:
    seq = scalar(
        tx,
        "coalesce(max(seq), 0) + 1",
        "FROM referral_events WHERE referral_id = ?",
        (referral_id,),
    )
    insert_row(
        tx,
        "referral_events",
        {
            "referral_id": referral_id,
            "seq": int(seq),
            "status": status.value,
            "outcome": outcome,
            "follow_up_on": follow_up_on.isoformat() if follow_up_on else None,
            "at": tx.at,
            "actor": actor,
        },
    )


class _Unset:
    """Marks an argument left out (``None`` clears the follow-up day)."""


UNSET: Any = _Unset()


class ReferralService(Service):
    """Referrals of cases. Every change is one audited transaction."""

    def add(
        self,
        case_id: str,
        recipient: str,
        referred_on: date,
        *,
        recipient_kind: str = "",
        reason: str = "",
        bundle_id: str = "",
        follow_up_on: date | None = None,
    ) -> Referral:
        """Record a referral, status "sent". Allowed on closed cases too (a referral is often
        the last thing that happens to a case)."""
        recipient = " ".join(recipient.split())
        if not recipient or len(recipient) > MAX_RECIPIENT:
            raise InvalidReferralError()
        reason, bundle_id = _text(reason), bundle_id.strip()
        referral_id = new_id()
        with self._vault.transaction() as tx:
            case_row(tx, case_id, must_be_open=False)
            insert_row(
                tx,
                "referrals",
                {
                    "referral_id": referral_id,
                    "case_id": case_id,
                    "recipient": recipient,
                    "recipient_kind": recipient_kind.strip(),
                    "referred_on": referred_on.isoformat(),
                    "reason": reason,
                    "bundle_id": bundle_id,
                    "status": ReferralStatus.SENT.value,
                    "follow_up_on": follow_up_on.isoformat() if follow_up_on else None,
                    "created_at": tx.at,
                    "created_by": self._vault.actor,
                    "updated_at": tx.at,
                },
            )
            _add_event(tx, referral_id, ReferralStatus.SENT, "", follow_up_on, self._vault.actor)
            tx.audit(
                "referral.added",
                referral_id,
                {
                    "case_id": case_id,
                    "status": ReferralStatus.SENT.value,
                    "recipient_kind": recipient_kind.strip(),
                    "bundle_id": bundle_id,
                },
            )
        log.info("referral %s added to case %s", referral_id, case_id)
        return self.get(referral_id)

    def update(
        self,
        referral_id: str,
        *,
        status: ReferralStatus | str | None = None,
        outcome: str | None = None,
        follow_up_on: date | None = UNSET,
    ) -> Referral:
        """Change the status, the outcome and/or the next follow-up day (``None`` clears it);
        each change is a new step of the referral's history."""
        current = self.get(referral_id)
        new_status = current.status if status is None else parse_status(status)
        new_outcome = current.outcome if outcome is None else _text(outcome)
        new_follow = current.follow_up_on if follow_up_on is UNSET else follow_up_on
        if (new_status, new_outcome, new_follow) == (
            current.status,
            current.outcome,
            current.follow_up_on,
        ):
            return current
        with self._vault.transaction() as tx:
            tx.execute(
                "UPDATE referrals SET status = ?, outcome = ?, follow_up_on = ?, updated_at = ?"
                " WHERE referral_id = ?",
                (
                    new_status.value,
                    new_outcome,
                    new_follow.isoformat() if new_follow else None,
                    tx.at,
                    referral_id,
                ),
            )
            _add_event(tx, referral_id, new_status, new_outcome, new_follow, self._vault.actor)
            tx.audit(
                "referral.updated",
                referral_id,
                {
                    "case_id": current.case_id,
                    "status": new_status.value,
                    "from": current.status.value,
                    "outcome_changed": new_outcome != current.outcome,
                    "follow_up_on": new_follow.isoformat() if new_follow else None,
                },
            )
        log.info("referral %s now %s", referral_id, new_status.value)
        return self.get(referral_id)

    def get(self, referral_id: str) -> Referral:
        row = _REFERRAL.fetch_one(self._vault, f"{_FROM} WHERE r.referral_id = ?", (referral_id,))
        if row is None:
            raise ReferralNotFoundError(referral_id)
        return _referral(row)

    def find(self, prefix: str) -> Referral:
        """The referral whose id starts with ``prefix`` (at least 6 hex digits, as the command
        line shows them); refused when none or several match."""
        prefix = prefix.strip().lower()
        if len(prefix) < 6 or any(ch not in "0123456789abcdef" for ch in prefix):
            raise ReferralNotFoundError()
        rows = _REFERRAL.fetch_all(
            self._vault, f"{_FROM} WHERE r.referral_id LIKE ? LIMIT 2", (prefix + "%",)
        )
        if len(rows) != 1:
            raise ReferralNotFoundError()
        return _referral(rows[0])

    def for_case(self, case_id: str) -> list[Referral]:
        rows = _REFERRAL.fetch_all(
            self._vault,
            f"{_FROM} WHERE r.case_id = ? ORDER BY r.referred_on DESC, r.created_at DESC",
            (case_id,),
        )
        return [_referral(r) for r in rows]

    def list_all(self, *, status: ReferralStatus | None = None) -> list[Referral]:
        """Every referral of the vault, newest first (optionally of one status)."""
        where, params = ("WHERE r.status = ?", (status.value,)) if status else ("", ())
        rows = _REFERRAL.fetch_all(
            self._vault,
            f"{_FROM} {where} ORDER BY r.referred_on DESC, c.reference, r.created_at DESC",
            params,
        )
        return [_referral(r) for r in rows]

    def history(self, referral_id: str) -> list[ReferralEvent]:
        rows = _EVENT.fetch_all(
            self._vault,
            "FROM referral_events WHERE referral_id = ? ORDER BY seq",
            (referral_id,),
        )
        return [
            ReferralEvent(
                seq=int(r["seq"]),
                status=ReferralStatus(r["status"]),
                outcome=r["outcome"],
                follow_up_on=parse_opt_date(r["follow_up_on"]),
                at=parse_dt(r["at"]),
                actor=r["actor"],
            )
            for r in rows
        ]


def forget_case_referrals(tx: Transaction, case_id: str) -> int:
    """For an erasure of the whole case (inside its guarded transaction): the referrals and
    their history go; returns how many referrals there were."""
    ids = "SELECT referral_id FROM referrals WHERE case_id = ?"
    tx.execute(f"DELETE FROM referral_events WHERE referral_id IN ({ids})", (case_id,))
    return int(tx.execute("DELETE FROM referrals WHERE case_id = ?", (case_id,)).rowcount)
