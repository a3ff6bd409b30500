"""Statements: revisions (coalescing autosave), read-back, finalisation, addenda.

A statement's text lives in revisions; the newest is the current text. Finalisation fixes the
SHA-256 of the current text; afterwards every change is refused here *and* by triggers in the
schema, so not even a raw ``UPDATE`` alters it. Corrections are addenda, immutable in turn.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from intake._base import (
    Columns,
    Row,
    Service,
    case_row,
    index_put,
    new_id,
    parse_dt,
    parse_opt_dt,
    require_reason,
    scalar,
    sha256_text,
    translated_db_errors,
)
from intake.errors import (
    InterviewNotFoundError,
    StatementFinalisedError,
    StatementNotFinalisedError,
    StatementNotFoundError,
    ValidationError,
)
from intake.interviews import check_person_in_case
from intake.models import Addendum, Statement, StatementKind, StatementRevision
from vault import Transaction, Vault

log = logging.getLogger(__name__)

DEFAULT_AUTOSAVE_INTERVAL = 2.0
#: The record's ``text`` is the current revision, kept in ``current_text``.
STATEMENT = Columns.of(Statement, text="current_text")
REVISION = Columns.of(StatementRevision)
ADDENDUM = Columns.of(Addendum)
_STATEMENT_INDEX = Columns("case_id", "title", "current_text")
_EDITABLE = Columns("case_id", "revision", "current_text", "finalised_at")


def statement_from_row(row: Row) -> Statement:
    return Statement(
        statement_id=row["statement_id"],
        case_id=row["case_id"],
        person_id=row["person_id"],
        interview_id=row["interview_id"],
        kind=StatementKind(row["kind"]),
        language=row["language"],
        title=row["title"],
        text=row["text"],
        revision=int(row["revision"]),
        created_at=parse_dt(row["created_at"]),
        created_by=row["created_by"],
        updated_at=parse_dt(row["updated_at"]),
        readback_at=parse_opt_dt(row["readback_at"]),
        readback_by=row["readback_by"],
        readback_note=row["readback_note"],
        finalised_at=parse_opt_dt(row["finalised_at"]),
        finalised_by=row["finalised_by"],
        final_sha256=row["final_sha256"],
    )


def revision_from_row(row: Row) -> StatementRevision:
    return StatementRevision(
        statement_id=row["statement_id"],
        revision=int(row["revision"]),
        text=row["text"],
        sha256=row["sha256"],
        saved_at=parse_dt(row["saved_at"]),
        saved_by=row["saved_by"],
    )


def addendum_from_row(row: Row) -> Addendum:
    return Addendum(
        addendum_id=row["addendum_id"],
        statement_id=row["statement_id"],
        number=int(row["number"]),
        text=row["text"],
        reason=row["reason"],
        sha256=row["sha256"],
        created_at=parse_dt(row["created_at"]),
        created_by=row["created_by"],
    )


def _index_statement(tx: Transaction, statement_id: str) -> None:
    row = _STATEMENT_INDEX.fetch_one(tx, "FROM statements WHERE statement_id = ?", (statement_id,))
    assert row is not None  # written earlier in the same transaction
    index_put(tx, "statement", statement_id, row["case_id"], row["title"], row["current_text"])


def _editable(tx: Transaction, statement_id: str) -> Row:
    """The statement's case_id, revision and current_text, refusing a finalised one."""
    row = _EDITABLE.fetch_one(tx, "FROM statements WHERE statement_id = ?", (statement_id,))
    if row is None:
        raise StatementNotFoundError(statement_id)
    if row["finalised_at"] is not None:
        raise StatementFinalisedError(statement_id)
    return row


class StatementService(Service):
    def __init__(self, vault: Vault) -> None:
        super().__init__(vault)
        self._drafts: dict[str, StatementDraft] = {}
        self._drafts_lock = threading.Lock()

    # Creation and reading ---------------------------------------------------------------------

    def create(
        self,
        case_id: str,
        *,
        kind: StatementKind | str,
        language: str,
        person_id: str | None = None,
        interview_id: str | None = None,
        title: str = "",
        text: str = "",
    ) -> Statement:
        """Start a statement in an open case; a non-empty ``text`` becomes revision 1."""
        kind = StatementKind(kind)
        statement_id = new_id()
        with self._vault.transaction() as tx:
            case_row(tx, case_id)
            check_person_in_case(tx, person_id, case_id)
            if interview_id is not None:
                owner = scalar(
                    tx, "case_id", "FROM interviews WHERE interview_id = ?", (interview_id,)
                )
                if owner != case_id:
                    raise InterviewNotFoundError(interview_id)
            tx.execute(
                "INSERT INTO statements (statement_id, case_id, person_id, interview_id, kind,"
                " language, title, created_at, created_by, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    statement_id,
                    case_id,
                    person_id,
                    interview_id,
                    str(kind),
                    language,
                    title,
                    tx.at,
                    self._vault.actor,
                    tx.at,
                ),
            )
            if text:
                self._write_revision(tx, statement_id, 0, text)
            _index_statement(tx, statement_id)
            tx.audit("statement.created", statement_id, {"case_id": case_id, "kind": str(kind)})
        log.info("statement %s created in case %s", statement_id, case_id)
        return self.get(statement_id)

    def get(self, statement_id: str) -> Statement:
        row = STATEMENT.fetch_one(
            self._vault, "FROM statements WHERE statement_id = ?", (statement_id,)
        )
        if row is None:
            raise StatementNotFoundError(statement_id)
        return statement_from_row(row)

    def list_for_case(self, case_id: str) -> list[Statement]:
        rows = STATEMENT.fetch_all(
            self._vault,
            "FROM statements WHERE case_id = ? ORDER BY created_at, statement_id",
            (case_id,),
        )
        return [statement_from_row(r) for r in rows]

    def revisions(self, statement_id: str) -> list[StatementRevision]:
        """Every saved revision, oldest first."""
        rows = REVISION.fetch_all(
            self._vault,
            "FROM statement_revisions WHERE statement_id = ? ORDER BY revision",
            (statement_id,),
        )
        return [revision_from_row(r) for r in rows]

    # Changing the text ------------------------------------------------------------------------

    def save_revision(self, statement_id: str, text: str) -> Statement:
        """Write ``text`` as a new revision (nothing is written if it equals the current text).

        Raises :class:`StatementFinalisedError` once the statement is finalised.
        """
        with self._vault.transaction() as tx, translated_db_errors():
            row = _editable(tx, statement_id)
            if text != row["current_text"]:
                self._write_revision(tx, statement_id, int(row["revision"]), text)
                _index_statement(tx, statement_id)
                tx.audit("statement.revised", statement_id, {"revision": int(row["revision"]) + 1})
        return self.get(statement_id)

    def _write_revision(self, tx: Transaction, statement_id: str, previous: int, text: str) -> None:
        revision = previous + 1
        tx.execute(
            "INSERT INTO statement_revisions (statement_id, revision, text, sha256, saved_at,"
            " saved_by) VALUES (?, ?, ?, ?, ?, ?)",
            (statement_id, revision, text, sha256_text(text), tx.at, self._vault.actor),
        )
        tx.execute(
            "UPDATE statements SET current_text = ?, revision = ?, updated_at = ?"
            " WHERE statement_id = ?",
            (text, revision, tx.at, statement_id),
        )

    def edit(
        self,
        statement_id: str,
        *,
        title: str | None = None,
        language: str | None = None,
        kind: StatementKind | str | None = None,
    ) -> Statement:
        """Change descriptive fields of a statement that is not finalised."""
        changes: dict[str, str] = {}
        if title is not None:
            changes["title"] = title
        if language is not None:
            changes["language"] = language
        if kind is not None:
            changes["kind"] = str(StatementKind(kind))
        with self._vault.transaction() as tx, translated_db_errors():
            _editable(tx, statement_id)
            if changes:
                assignments = ", ".join(f"{name} = ?" for name in changes)
                tx.execute(
                    f"UPDATE statements SET {assignments}, updated_at = ? WHERE statement_id = ?",
                    (*changes.values(), tx.at, statement_id),
                )
                _index_statement(tx, statement_id)
                tx.audit("statement.edited", statement_id, {"fields": sorted(changes)})
        return self.get(statement_id)

    def record_readback(self, statement_id: str, note: str = "") -> Statement:
        """Record that the current text was read back to the speaker (in their language)."""
        self.flush_autosave(statement_id)
        with self._vault.transaction() as tx, translated_db_errors():
            row = _editable(tx, statement_id)
            tx.execute(
                "UPDATE statements SET readback_at = ?, readback_by = ?, readback_note = ?,"
                " updated_at = ? WHERE statement_id = ?",
                (tx.at, self._vault.actor, note, tx.at, statement_id),
            )
            tx.audit("statement.read_back", statement_id, {"revision": int(row["revision"])})
        return self.get(statement_id)

    def finalise(self, statement_id: str) -> Statement:
        """Fix the SHA-256 of the current text; the statement is immutable from now on."""
        self.flush_autosave(statement_id)
        with self._vault.transaction() as tx, translated_db_errors():
            row = _editable(tx, statement_id)
            if not row["current_text"]:
                raise ValidationError("an empty statement cannot be finalised")
            digest = sha256_text(row["current_text"])
            tx.execute(
                "UPDATE statements SET finalised_at = ?, finalised_by = ?, final_sha256 = ?,"
                " updated_at = ? WHERE statement_id = ?",
                (tx.at, self._vault.actor, digest, tx.at, statement_id),
            )
            tx.audit(
                "statement.finalised",
                statement_id,
                {"revision": int(row["revision"]), "sha256": digest},
            )
        with self._drafts_lock:
            self._drafts.pop(statement_id, None)
        log.info("statement %s finalised", statement_id)
        return self.get(statement_id)

    def verify_final(self, statement_id: str) -> bool:
        """Does the finalised text still hash to the fixed SHA-256?"""
        statement = self.get(statement_id)
        if statement.final_sha256 is None:
            raise StatementNotFinalisedError(statement_id)
        return sha256_text(statement.text) == statement.final_sha256

    # Addenda ----------------------------------------------------------------------------------

    def add_addendum(self, statement_id: str, text: str, reason: str) -> Addendum:
        """Attach a correction to a finalised statement. The statement itself stays unchanged."""
        reason = require_reason(reason)
        if not text.strip():
            raise ValidationError("addendum text")
        addendum_id = new_id()
        with self._vault.transaction() as tx, translated_db_errors():
            row = Columns("finalised_at").fetch_one(
                tx, "FROM statements WHERE statement_id = ?", (statement_id,)
            )
            if row is None:
                raise StatementNotFoundError(statement_id)
            if row["finalised_at"] is None:
                raise StatementNotFinalisedError(statement_id)
            last = scalar(
                tx,
                "coalesce(max(number), 0)",
                "FROM statement_addenda WHERE statement_id = ?",
                (statement_id,),
            )
            number = int(last) + 1
            tx.execute(
                "INSERT INTO statement_addenda (addendum_id, statement_id, number, text, reason,"
                " sha256, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    addendum_id,
                    statement_id,
                    number,
                    text,
                    reason,
                    sha256_text(text),
                    tx.at,
                    self._vault.actor,
                ),
            )
            tx.audit(
                "statement.addendum_added",
                addendum_id,
                {"statement_id": statement_id, "number": number},
            )
        return next(a for a in self.addenda(statement_id) if a.addendum_id == addendum_id)

    def addenda(self, statement_id: str) -> list[Addendum]:
        rows = ADDENDUM.fetch_all(
            self._vault,
            "FROM statement_addenda WHERE statement_id = ? ORDER BY number",
            (statement_id,),
        )
        return [addendum_from_row(r) for r in rows]

    # Autosave ---------------------------------------------------------------------------------

    def open_draft(
        self,
        statement_id: str,
        *,
        interval: float = DEFAULT_AUTOSAVE_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> StatementDraft:
        """A coalescing editor buffer for one statement (see :class:`StatementDraft`)."""
        statement = self.get(statement_id)
        if statement.finalised:
            raise StatementFinalisedError(statement_id)
        return StatementDraft(self, statement_id, statement.text, interval=interval, clock=clock)

    def autosave(self, statement_id: str, text: str) -> bool:
        """Keystroke-level entry point: keeps ``text`` and writes a revision at most every
        :data:`DEFAULT_AUTOSAVE_INTERVAL` seconds. Returns whether a revision was written.
        Call :meth:`flush_autosave` (or finalise) when the editor closes.
        """
        with self._drafts_lock:
            draft = self._drafts.get(statement_id)
            if draft is None:
                draft = self.open_draft(statement_id)
                self._drafts[statement_id] = draft
        return draft.update(text)

    def flush_autosave(self, statement_id: str | None = None) -> None:
        """Write pending autosave text of one statement (or of all when ``None``)."""
        with self._drafts_lock:
            drafts = (
                list(self._drafts.values())
                if statement_id is None
                else [d for k, d in self._drafts.items() if k == statement_id]
            )
        for draft in drafts:
            draft.flush()


class StatementDraft:
    """Keeps the latest text in memory and writes a revision at most every ``interval`` seconds.

    ``update(text)`` on every keystroke, ``tick()`` from a timer (about once a second, so that a
    pause in typing is saved too) and ``flush()`` when the editor closes. At most ``interval``
    seconds of typing (plus one timer period) can be lost to a crash, never one revision per
    keystroke. Not thread-safe: drive it from the thread that owns the vault.
    """

    def __init__(
        self,
        service: StatementService,
        statement_id: str,
        saved_text: str,
        *,
        interval: float = DEFAULT_AUTOSAVE_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if interval <= 0:
            raise ValidationError("autosave interval")
        self.statement_id = statement_id
        self.interval = interval
        self._service = service
        self._clock = clock
        self._saved = saved_text
        self._text = saved_text
        self._last_write: float | None = None
        self.revisions_written = 0

    @property
    def text(self) -> str:
        return self._text

    @property
    def pending(self) -> bool:
        return self._text != self._saved

    def update(self, text: str) -> bool:
        """Take the editor's whole current text; may write a revision."""
        self._text = text
        return self.tick()

    def tick(self) -> bool:
        """Write the pending text if the last write is at least ``interval`` seconds old."""
        if not self.pending:
            return False
        now = self._clock()
        if self._last_write is not None and now - self._last_write < self.interval:
            return False
        return self._write(now)

    def flush(self) -> bool:
        """Write the pending text now, whatever the interval."""
        if not self.pending:
            return False
        return self._write(self._clock())

    def close(self) -> None:
        self.flush()

    def _write(self, now: float) -> bool:
        text = self._text
        self._service.save_revision(self.statement_id, text)
        self._saved = text
        self._last_write = now
        self.revisions_written += 1
        return True
