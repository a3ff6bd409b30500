"""Tasks and deadlines per case, and their calendar file.

Two sources, read together:

- tasks a person adds to a case (``case_tasks``): a court date (with its time when known), a
  follow-up, a consent renewal, a retention review or anything else, with a note; marked done
  when done (audited);
- dates the vault already knows, derived when read so they never drift from their source: the
  next follow-up of every referral still under way, the renewal of every person's current
  consent (:data:`CONSENT_RENEWAL_DAYS` after it was given, while the case is open; practice is
  to confirm consent again at least yearly) and the case's retention date.

:func:`calendar_file` writes an iCalendar file (RFC 5545, with the ``icalendar`` library) that
carries, for each task, the case reference, the kind of task and the day, never a name, a
pseudonym, a recipient or a note: a calendar is synced to phones and cloud services, and a
shelter's or a survivor's name must not travel with it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from intake._base import (
    Columns,
    Row,
    Service,
    case_row,
    insert_row,
    new_id,
    parse_dt,
    parse_opt_dt,
)
from intake.errors import NotFoundError, ValidationError
from intake.referrals import FINISHED
from resources.i18n import NC_, pgettext
from vault import Transaction, roles

log = logging.getLogger(__name__)

CONSENT_RENEWAL_DAYS = 365
MAX_NOTE = 2000
#: The context of the task kinds' words in the catalogues (the calendar file and the CLI).
CONTEXT = "TaskKinds"


class TaskKind(StrEnum):
    COURT_DATE = "court_date"
    FOLLOW_UP = "follow_up"
    CONSENT_RENEWAL = "consent_renewal"
    RETENTION = "retention"
    OTHER = "other"


KIND_WORDS: dict[TaskKind, str] = {
    TaskKind.COURT_DATE: NC_("TaskKinds", "Court date"),
    TaskKind.FOLLOW_UP: NC_("TaskKinds", "Follow-up"),
    TaskKind.CONSENT_RENEWAL: NC_("TaskKinds", "Consent renewal"),
    TaskKind.RETENTION: NC_("TaskKinds", "Retention date"),
    TaskKind.OTHER: NC_("TaskKinds", "Task"),
}


def kind_words(kind: TaskKind) -> str:
    """The kind of task in the current language."""
    return pgettext(CONTEXT, KIND_WORDS[kind])


class TaskSource(StrEnum):
    MANUAL = "manual"  # added by a person; can be marked done
    REFERRAL = "referral"  # a referral's next follow-up
    CONSENT = "consent"  # a consent's renewal
    CASE = "case"  # the case's retention date


class TaskNotFoundError(NotFoundError):
    code = "intake.task_not_found"
    message = "No such task in this vault."


class InvalidTaskError(ValidationError):
    code = "intake.invalid_task"
    message = "A task needs a kind and a day."


@dataclass(frozen=True)
class Task:
    """One thing due on a day in one case. ``task_id`` is the manual task's id, or a key
    naming the record a derived date comes from (``referral:<id>``, …)."""

    task_id: str
    case_id: str
    case_reference: str
    kind: TaskKind
    due_on: date
    due_time: time | None
    source: TaskSource
    #: What the task is about in the app: the person's pseudonym (consent), the recipient
    #: (referral), the person's note (manual). Never written to the calendar file.
    about: str
    done_at: datetime | None = None
    done_by: str = ""

    @property
    def done(self) -> bool:
        return self.done_at is not None

    @property
    def manual(self) -> bool:
        return self.source is TaskSource.MANUAL


_MANUAL = Columns(
    "t.task_id",
    "t.case_id",
    "c.reference AS case_reference",
    "t.kind",
    "t.due_on",
    "t.due_time",
    "t.note",
    "t.done_at",
    "t.done_by",
)
_FOLLOW_UPS = Columns(
    "r.referral_id", "r.case_id", "c.reference AS case_reference", "r.recipient", "r.follow_up_on"
)
_CONSENTS = Columns(
    "k.consent_id",
    "k.case_id",
    "c.reference AS case_reference",
    "p.pseudonym",
    "k.given_at",
)
_RETENTION = Columns("case_id", "reference", "retention_until")


def _manual(row: Row) -> Task:
    return Task(
        task_id=row["task_id"],
        case_id=row["case_id"],
        case_reference=row["case_reference"],
        kind=TaskKind(row["kind"]),
        due_on=date.fromisoformat(row["due_on"]),
        due_time=time.fromisoformat(row["due_time"]) if row["due_time"] else None,
        source=TaskSource.MANUAL,
        about=row["note"],
        done_at=parse_opt_dt(row["done_at"]),
        done_by=row["done_by"],
    )


def _order(tasks: Iterable[Task]) -> list[Task]:
    return sorted(
        tasks, key=lambda t: (t.due_on, t.due_time or time.min, t.case_reference, t.kind.value)
    )


class TaskService(Service):
    """Tasks and deadlines. Changes to manual tasks are audited; derived dates are read."""

    def add(
        self,
        case_id: str,
        kind: TaskKind | str,
        due_on: date,
        *,
        due_time: time | None = None,
        note: str = "",
    ) -> Task:
        try:
            kind = TaskKind(kind)
        except ValueError as exc:
            raise InvalidTaskError() from exc
        note = note.strip()
        if len(note) > MAX_NOTE:
            raise InvalidTaskError()
        task_id = new_id()
        with self._vault.transaction() as tx:
            case_row(tx, case_id, must_be_open=False)
            insert_row(
                tx,
                "case_tasks",
                {
                    "task_id": task_id,
                    "case_id": case_id,
                    "kind": kind.value,
                    "due_on": due_on.isoformat(),
                    "due_time": due_time.strftime("%H:%M") if due_time else None,
                    "note": note,
                    "created_at": tx.at,
                    "created_by": self._vault.actor,
                    "updated_at": tx.at,
                },
            )
            tx.audit(
                "task.added",
                task_id,
                {"case_id": case_id, "kind": kind.value, "due_on": due_on.isoformat()},
            )
        log.info("task %s added to case %s", task_id, case_id)
        return self.get(task_id)

    def complete(self, task_id: str, done: bool = True) -> Task:
        """Mark a manual task done (or not done again)."""
        task = self.get(task_id)
        if task.done == done:
            return task
        with self._vault.transaction() as tx:
            tx.execute(
                "UPDATE case_tasks SET done_at = ?, done_by = ?, updated_at = ? WHERE task_id = ?",
                (tx.at if done else None, self._vault.actor if done else "", tx.at, task_id),
            )
            tx.audit("task.done" if done else "task.reopened", task_id, {"case_id": task.case_id})
        return self.get(task_id)

    def get(self, task_id: str) -> Task:
        row = _MANUAL.fetch_one(
            self._vault,
            "FROM case_tasks t JOIN cases c ON c.case_id = t.case_id WHERE t.task_id = ?",
            (task_id,),
        )
        if row is None:
            raise TaskNotFoundError(task_id)
        return _manual(row)

    # Reading -------------------------------------------------------------------------------

    def for_case(self, case_id: str, *, include_done: bool = False) -> list[Task]:
        """Every task of the case, manual and derived, by day (done ones when asked)."""
        return _order(self._collect(case_id=case_id, until=None, include_done=include_done))

    def due(self, within_days: int | None = None, *, today: date | None = None) -> list[Task]:
        """Every open task of the vault due by ``today + within_days`` (overdue ones too);
        all open tasks when ``within_days`` is ``None``."""
        today = today or self._now().astimezone().date()
        until = None if within_days is None else today + timedelta(days=max(0, within_days))
        return _order(self._collect(case_id=None, until=until, include_done=False))

    def _collect(
        self, *, case_id: str | None, until: date | None, include_done: bool
    ) -> list[Task]:
        db = self._vault
        one_case = "" if case_id is None else " AND c.case_id = :case"
        bound = "" if until is None else " AND {col} <= :until"
        params: dict[str, str] = {}
        if case_id is not None:
            params["case"] = case_id
        if until is not None:
            params["until"] = until.isoformat()
        done = "" if include_done else " AND t.done_at IS NULL"
        tasks = [
            _manual(r)
            for r in _MANUAL.fetch_all(
                db,
                "FROM case_tasks t JOIN cases c ON c.case_id = t.case_id WHERE 1 = 1"
                + done
                + one_case
                + bound.format(col="t.due_on"),
                params,
            )
        ]
        finished = ", ".join(f"'{s.value}'" for s in FINISHED)
        for r in _FOLLOW_UPS.fetch_all(
            db,
            "FROM referrals r JOIN cases c ON c.case_id = r.case_id"
            f" WHERE r.follow_up_on IS NOT NULL AND r.status NOT IN ({finished})"
            + one_case
            + bound.format(col="r.follow_up_on"),
            params,
        ):
            tasks.append(
                Task(
                    task_id=f"referral:{r['referral_id']}",
                    case_id=r["case_id"],
                    case_reference=r["case_reference"],
                    kind=TaskKind.FOLLOW_UP,
                    due_on=date.fromisoformat(r["follow_up_on"]),
                    due_time=None,
                    source=TaskSource.REFERRAL,
                    about=r["recipient"],
                )
            )
        # The current (newest) version of each person's consent, while the case is open.
        for r in _CONSENTS.fetch_all(
            db,
            "FROM consent k JOIN cases c ON c.case_id = k.case_id"
            " LEFT JOIN people p ON p.person_id = k.person_id"
            " WHERE c.status = 'open' AND k.withdrawn = 0 AND k.version = (SELECT max(version)"
            " FROM consent n WHERE n.case_id = k.case_id AND n.person_key = k.person_key)"
            + one_case,
            params,
        ):
            due_on = parse_dt(r["given_at"]).date() + timedelta(days=CONSENT_RENEWAL_DAYS)
            if until is not None and due_on > until:
                continue
            tasks.append(
                Task(
                    task_id=f"consent:{r['consent_id']}",
                    case_id=r["case_id"],
                    case_reference=r["case_reference"],
                    kind=TaskKind.CONSENT_RENEWAL,
                    due_on=due_on,
                    due_time=None,
                    source=TaskSource.CONSENT,
                    about=r["pseudonym"] or "",
                )
            )
        for r in _RETENTION.fetch_all(
            db,
            "FROM cases c WHERE retention_until IS NOT NULL"
            + one_case
            + bound.format(col="retention_until"),
            params,
        ):
            tasks.append(
                Task(
                    task_id=f"retention:{r['case_id']}",
                    case_id=r["case_id"],
                    case_reference=r["reference"],
                    kind=TaskKind.RETENTION,
                    due_on=date.fromisoformat(r["retention_until"]),
                    due_time=None,
                    source=TaskSource.CASE,
                    about="",
                )
            )
        return tasks

    def export_calendar(self, tasks: Sequence[Task], write: Callable[[bytes], None]) -> int:
        """Write ``tasks`` as a calendar file through ``write`` (the caller chooses where), then
        record the export in the audit log (how many events and cases, no names); returns the
        number of events."""
        self._vault.require(roles.EXPORT)
        data = calendar_file(tasks, vault_id=self._vault.vault_id, now=self._now())
        write(data)
        with self._vault.transaction() as tx:
            tx.audit(
                "export.calendar",
                "tasks",
                {"events": len(tasks), "cases": len({t.case_id for t in tasks})},
            )
        log.info("calendar file written (%d events)", len(tasks))
        return len(tasks)


def forget_case_tasks(tx: Transaction, case_id: str) -> int:
    """For an erasure of the whole case: its manual tasks go (derived ones go with their
    sources); returns how many there were."""
    return int(tx.execute("DELETE FROM case_tasks WHERE case_id = ?", (case_id,)).rowcount)


# The calendar file ---------------------------------------------------------------------------


def _uid(task: Task, vault_id: str) -> str:
    # Stable across exports (a calendar app updates the event instead of adding a second one)
    # and opaque: a hash, not the record's id, so the file does not carry vault ids either.
    digest = hashlib.sha256(f"{vault_id}|{task.task_id}".encode()).hexdigest()[:32]
    return f"{digest}@custodia"


def summary(task: Task) -> str:
    """What the calendar shows: the case reference and the kind of task, nothing else."""
    return f"{task.case_reference} · {kind_words(task.kind)}"


def calendar_file(tasks: Iterable[Task], *, vault_id: str, now: datetime) -> bytes:
    """An iCalendar file with one event per task (all-day, or at its time when it has one).

    It carries the case reference and the kind of task only (see the module's note); the
    events' words are in the current language.
    """
    from icalendar import Calendar, Event  # imported here: only this export needs it

    calendar = Calendar()
    calendar.add("prodid", "-//Custodia//Tasks and deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    for task in tasks:
        event = Event()
        event.add("uid", _uid(task, vault_id))
        event.add("dtstamp", now)
        event.add("summary", summary(task))
        event.add("categories", [kind_words(task.kind)])
        if task.due_time is None:
            event.add("dtstart", task.due_on)
            event.add("dtend", task.due_on + timedelta(days=1))
        else:
            # A floating local time: a court hearing is at 10:00 wherever the phone is.
            start = datetime.combine(task.due_on, task.due_time)
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(hours=1))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
