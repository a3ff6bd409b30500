"""Interviews: when, where, who asked, who interpreted, who was present, breaks, how recorded."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import datetime

from intake._base import (
    Columns,
    Row,
    Service,
    case_row,
    dumps,
    insert_row,
    new_id,
    parse_dt,
    parse_opt_dt,
    scalar,
    to_iso,
)
from intake.errors import InterviewNotFoundError, PersonNotFoundError, ValidationError
from intake.models import Interview, InterviewBreak, PresentPerson
from intake.search import index_record
from vault import Transaction

log = logging.getLogger(__name__)

INTERVIEW = Columns.of(Interview)


def _present_json(present: Sequence[PresentPerson]) -> str:
    return dumps([{"name": p.name, "role": p.role} for p in present])


def _breaks_json(breaks: Sequence[InterviewBreak]) -> str:
    return dumps(
        [
            {
                "started_at": to_iso(b.started_at),
                "ended_at": to_iso(b.ended_at) if b.ended_at else None,
                "reason": b.reason,
            }
            for b in breaks
        ]
    )


def interview_from_row(row: Row) -> Interview:
    return Interview(
        interview_id=row["interview_id"],
        case_id=row["case_id"],
        person_id=row["person_id"],
        started_at=parse_dt(row["started_at"]),
        ended_at=parse_opt_dt(row["ended_at"]),
        location=row["location"],
        interviewer=row["interviewer"],
        interpreter=row["interpreter"],
        language=row["language"],
        present=tuple(PresentPerson(p["name"], p["role"]) for p in json.loads(row["present"])),
        breaks=tuple(
            InterviewBreak(parse_dt(b["started_at"]), parse_opt_dt(b["ended_at"]), b["reason"])
            for b in json.loads(row["breaks"])
        ),
        recording_method=row["recording_method"],
        notes=row["notes"],
        created_at=parse_dt(row["created_at"]),
        created_by=row["created_by"],
        updated_at=parse_dt(row["updated_at"]),
    )


def check_person_in_case(tx: Transaction, person_id: str | None, case_id: str) -> None:
    if person_id is None:
        return
    if scalar(tx, "case_id", "FROM people WHERE person_id = ?", (person_id,)) != case_id:
        raise PersonNotFoundError(person_id)


class InterviewService(Service):
    def create(
        self,
        case_id: str,
        *,
        started_at: datetime,
        person_id: str | None = None,
        ended_at: datetime | None = None,
        location: str = "",
        interviewer: str = "",
        interpreter: str = "",
        language: str = "",
        present: Sequence[PresentPerson] = (),
        breaks: Sequence[InterviewBreak] = (),
        recording_method: str = "",
        notes: str = "",
    ) -> Interview:
        """Record an interview of ``person_id`` (the interviewee) in an open case."""
        if ended_at is not None and ended_at < started_at:
            raise ValidationError("ended_at before started_at")
        interview_id = new_id()
        with self._vault.transaction() as tx:
            case_row(tx, case_id)
            check_person_in_case(tx, person_id, case_id)
            insert_row(
                tx,
                "interviews",
                {
                    "interview_id": interview_id,
                    "case_id": case_id,
                    "person_id": person_id,
                    "started_at": to_iso(started_at),
                    "ended_at": to_iso(ended_at) if ended_at else None,
                    "location": location,
                    "interviewer": interviewer,
                    "interpreter": interpreter,
                    "language": language,
                    "present": _present_json(present),
                    "breaks": _breaks_json(breaks),
                    "recording_method": recording_method,
                    "notes": notes,
                    "created_at": tx.at,
                    "created_by": self._vault.actor,
                    "updated_at": tx.at,
                },
            )
            index_record(tx, "interview", interview_id)
            tx.audit("interview.created", interview_id, {"case_id": case_id})
        log.info("interview %s created in case %s", interview_id, case_id)
        return self.get(interview_id)

    def get(self, interview_id: str) -> Interview:
        row = INTERVIEW.fetch_one(
            self._vault, "FROM interviews WHERE interview_id = ?", (interview_id,)
        )
        if row is None:
            raise InterviewNotFoundError(interview_id)
        return interview_from_row(row)

    def list_for_case(self, case_id: str) -> list[Interview]:
        rows = INTERVIEW.fetch_all(
            self._vault,
            "FROM interviews WHERE case_id = ? ORDER BY started_at, interview_id",
            (case_id,),
        )
        return [interview_from_row(r) for r in rows]

    def edit(
        self,
        interview_id: str,
        *,
        started_at: datetime | None = None,
        ended_at: datetime | None = None,
        location: str | None = None,
        interviewer: str | None = None,
        interpreter: str | None = None,
        language: str | None = None,
        present: Sequence[PresentPerson] | None = None,
        recording_method: str | None = None,
        notes: str | None = None,
    ) -> Interview:
        """Change the given fields (``None`` leaves a field unchanged)."""
        changes: dict[str, str] = {}
        if started_at is not None:
            changes["started_at"] = to_iso(started_at)
        if ended_at is not None:
            changes["ended_at"] = to_iso(ended_at)
        for name, value in (
            ("location", location),
            ("interviewer", interviewer),
            ("interpreter", interpreter),
            ("language", language),
            ("recording_method", recording_method),
            ("notes", notes),
        ):
            if value is not None:
                changes[name] = value
        if present is not None:
            changes["present"] = _present_json(present)
        with self._vault.transaction() as tx:
            self._require(tx, interview_id)
            if changes:
                assignments = ", ".join(f"{name} = ?" for name in changes)
                tx.execute(
                    f"UPDATE interviews SET {assignments}, updated_at = ? WHERE interview_id = ?",
                    (*changes.values(), tx.at, interview_id),
                )
                index_record(tx, "interview", interview_id)
                tx.audit("interview.edited", interview_id, {"fields": sorted(changes)})
        return self.get(interview_id)

    def add_break(
        self,
        interview_id: str,
        started_at: datetime,
        ended_at: datetime | None = None,
        reason: str = "",
    ) -> Interview:
        """Append a break (a pause requested by the interviewee, a rest, a change of room …)."""
        current = self.get(interview_id)
        breaks = (*current.breaks, InterviewBreak(started_at, ended_at, reason))
        with self._vault.transaction() as tx:
            self._require(tx, interview_id)
            tx.execute(
                "UPDATE interviews SET breaks = ?, updated_at = ? WHERE interview_id = ?",
                (_breaks_json(breaks), tx.at, interview_id),
            )
            index_record(tx, "interview", interview_id)
            tx.audit("interview.break_added", interview_id, {"breaks": len(breaks)})
        return self.get(interview_id)

    @staticmethod
    def _require(tx: Transaction, interview_id: str) -> None:
        row = tx.execute(
            "SELECT 1 FROM interviews WHERE interview_id = ?", (interview_id,)
        ).fetchone()
        if row is None:
            raise InterviewNotFoundError(interview_id)
