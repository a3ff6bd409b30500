"""Statements: a rolling draft, meaningful revisions, read-back, finalisation, addenda.

While a statement is typed, its current text (``statements.current_text``) is one rolling draft,
rewritten every few seconds, so a crash loses at most those seconds. Revisions are the versions
worth keeping: written after a pause of about a minute, when the editor is left, at lock, at
read-back and at finalisation. Typing for a minute therefore makes one draft and one or two
revisions, not one revision per keystroke burst.

Finalisation fixes the SHA-256 of the current text, which is always a revision by then; afterwards
every change is refused here *and* by triggers in the schema, so not even a raw ``UPDATE`` alters
it. Corrections are addenda, immutable in turn.
"""

from __future__ import annotations

import difflib
import logging
import re
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
from intake.search import index_record
from vault import Transaction, Vault

log = logging.getLogger(__name__)

#: Seconds between two writes of the rolling draft while typing goes on (the crash guarantee).
DEFAULT_AUTOSAVE_INTERVAL = 2.0
#: A pause in typing this long makes the text a revision.
DEFAULT_REVISION_PAUSE = 60.0
#: The record's ``text`` is the current revision, kept in ``current_text``.
STATEMENT = Columns.of(Statement, text="current_text")
REVISION = Columns.of(StatementRevision)
ADDENDUM = Columns.of(Addendum)
_STATEMENT_INDEX = Columns("case_id", "title", "current_text")
_EDITABLE = Columns("case_id", "revision", "current_text", "finalised_at")
_LAST_REVISION = Columns("text")


def _last_revision_text(tx: Transaction, statement_id: str) -> str:
    row = _LAST_REVISION.fetch_one(
        tx,
        "FROM statement_revisions WHERE statement_id = ? ORDER BY revision DESC LIMIT 1",
        (statement_id,),
    )
    return "" if row is None else str(row["text"])


_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def text_diff(old: str, new: str) -> list[tuple[str, str]]:
    """What changed from ``old`` to ``new``, word by word: ``(op, text)`` pieces in order, where
    ``op`` is ``" "`` (kept), ``"+"`` (inserted) or ``"-"`` (deleted). Joining the kept and
    inserted pieces gives ``new``; the kept and deleted ones give ``old``.
    """
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    pieces: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append((" ", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            pieces.append(("-", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            pieces.append(("+", "".join(b[j1:j2])))
    return [p for p in pieces if p[1]]


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
        """Write ``text`` as a new revision (nothing is written if it equals the last revision).

        Raises :class:`StatementFinalisedError` once the statement is finalised.
        """
        with self._vault.transaction() as tx, translated_db_errors():
            row = _editable(tx, statement_id)
            if text != _last_revision_text(tx, statement_id):
                self._write_revision(tx, statement_id, int(row["revision"]), text)
                _index_statement(tx, statement_id)
                tx.audit("statement.revised", statement_id, {"revision": int(row["revision"]) + 1})
            elif text != row["current_text"]:
                # Back to the last revision's words: the draft follows, no revision is added.
                self._write_draft(tx, statement_id, text, int(row["revision"]))
        return self.get(statement_id)

    def save_draft(self, statement_id: str, text: str) -> bool:
        """Write ``text`` as the statement's rolling draft (its current text, no new revision).

        Returns whether anything was written. The ledger says that the draft of this statement
        was saved, with its revision number; never the text.
        """
        with self._vault.transaction() as tx, translated_db_errors():
            row = _editable(tx, statement_id)
            if text == row["current_text"]:
                return False
            self._write_draft(tx, statement_id, text, int(row["revision"]))
        return True

    def _write_draft(self, tx: Transaction, statement_id: str, text: str, revision: int) -> None:
        tx.execute(
            "UPDATE statements SET current_text = ?, updated_at = ? WHERE statement_id = ?",
            (text, tx.at, statement_id),
        )
        _index_statement(tx, statement_id)
        tx.audit("statement.draft_saved", statement_id, {"revision": revision})

    def last_revision_text(self, statement_id: str) -> str:
        """The text of the newest revision ("" before the first)."""
        row = _LAST_REVISION.fetch_one(
            self._vault,
            "FROM statement_revisions WHERE statement_id = ? ORDER BY revision DESC LIMIT 1",
            (statement_id,),
        )
        return "" if row is None else str(row["text"])

    def _revise_current(self, tx: Transaction, statement_id: str) -> int:
        """Make the current text a revision if the draft went beyond the last one; the revision."""
        row = _editable(tx, statement_id)
        revision = int(row["revision"])
        if row["current_text"] != _last_revision_text(tx, statement_id):
            self._write_revision(tx, statement_id, revision, row["current_text"])
            revision += 1
            tx.audit("statement.revised", statement_id, {"revision": revision})
        return revision

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
            # What was read back is a version worth keeping: a draft after a crash becomes one.
            revision = self._revise_current(tx, statement_id)
            tx.execute(
                "UPDATE statements SET readback_at = ?, readback_by = ?, readback_note = ?,"
                " updated_at = ? WHERE statement_id = ?",
                (tx.at, self._vault.actor, note, tx.at, statement_id),
            )
            tx.audit("statement.read_back", statement_id, {"revision": revision})
        return self.get(statement_id)

    def finalise(self, statement_id: str) -> Statement:
        """Fix the SHA-256 of the current text; the statement is immutable from now on."""
        self.flush_autosave(statement_id)
        with self._vault.transaction() as tx, translated_db_errors():
            # The fixed text is always a revision, so the history ends with what was finalised.
            revision = self._revise_current(tx, statement_id)
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
                {"revision": revision, "sha256": digest},
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
            index_record(tx, "addendum", addendum_id)
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
        pause: float = DEFAULT_REVISION_PAUSE,
        clock: Callable[[], float] = time.monotonic,
    ) -> StatementDraft:
        """An editor buffer for one statement (see :class:`StatementDraft`)."""
        statement = self.get(statement_id)
        if statement.finalised:
            raise StatementFinalisedError(statement_id)
        return StatementDraft(
            self,
            statement_id,
            statement.text,
            revised_text=self.last_revision_text(statement_id),
            interval=interval,
            pause=pause,
            clock=clock,
        )

    def autosave(self, statement_id: str, text: str) -> bool:
        """Keystroke-level entry point: keeps ``text`` in the rolling draft, written at most
        every :data:`DEFAULT_AUTOSAVE_INTERVAL` seconds. Returns whether the text reached the
        vault. Call :meth:`flush_autosave` (or finalise) when the editor closes: that makes it
        a revision.
        """
        with self._drafts_lock:
            draft = self._drafts.get(statement_id)
            if draft is None:
                draft = self.open_draft(statement_id)
                self._drafts[statement_id] = draft
        written = draft.drafts_written
        draft.update(text)
        return draft.drafts_written > written

    def flush_autosave(self, statement_id: str | None = None) -> None:
        """Make the pending text of one statement (or of all when ``None``) a revision."""
        with self._drafts_lock:
            drafts = (
                list(self._drafts.values())
                if statement_id is None
                else [d for k, d in self._drafts.items() if k == statement_id]
            )
        for draft in drafts:
            draft.flush()


class StatementDraft:
    """The editor's text, kept safe in one rolling draft and turned into meaningful revisions.

    ``update(text)`` on every keystroke, ``tick()`` from a timer (about once a second) and
    ``flush()`` when the editor is left. The rolling draft is written at most every
    ``interval`` seconds while typing goes on, so a crash loses at most that much (plus one
    timer period). A revision is written when typing pauses for ``pause`` seconds and at
    :meth:`flush` (leaving the editor, lock, read-back, finalisation).

    ``update``, ``tick`` and ``flush`` return whether a *revision* was written; ``saved_at``
    and the counters tell when the text last reached the vault. Not thread-safe: drive it from
    the thread that owns the vault.
    """

    def __init__(
        self,
        service: StatementService,
        statement_id: str,
        saved_text: str,
        *,
        revised_text: str | None = None,
        interval: float = DEFAULT_AUTOSAVE_INTERVAL,
        pause: float = DEFAULT_REVISION_PAUSE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if interval <= 0 or pause <= 0:
            raise ValidationError("autosave interval")
        self.statement_id = statement_id
        self.interval = interval
        self.pause = pause
        self._service = service
        self._clock = clock
        self._saved = saved_text  # what the vault holds as the current text
        self._revised = saved_text if revised_text is None else revised_text
        self._text = saved_text
        self._last_write: float | None = None
        self._last_keystroke: float | None = None
        self.drafts_written = 0
        self.revisions_written = 0

    @property
    def text(self) -> str:
        return self._text

    @property
    def pending(self) -> bool:
        """Typed text the vault does not hold yet."""
        return self._text != self._saved

    @property
    def unrevised(self) -> bool:
        """Text (saved or not) that is not a revision yet."""
        return self._text != self._revised

    def update(self, text: str) -> bool:
        """Take the editor's whole current text; may write the rolling draft."""
        self._text = text
        self._last_keystroke = self._clock()
        return self.tick()

    def tick(self) -> bool:
        """Write the draft when due; make a revision once typing has paused long enough."""
        now = self._clock()
        if self.pending and (self._last_write is None or now - self._last_write >= self.interval):
            self._write_draft(now)
        if (
            self.unrevised
            and self._last_keystroke is not None
            and now - self._last_keystroke >= self.pause
        ):
            return self._write_revision(now)
        return False

    def save(self) -> bool:
        """Write the rolling draft now, whatever the interval; no revision."""
        if not self.pending:
            return False
        self._write_draft(self._clock())
        return True

    def flush(self) -> bool:
        """Make the text a revision now (leaving the editor, lock, read-back)."""
        if not self.unrevised:
            self.save()
            return False
        return self._write_revision(self._clock())

    def close(self) -> None:
        self.flush()

    def _write_draft(self, now: float) -> None:
        text = self._text
        self._service.save_draft(self.statement_id, text)
        self._saved = text
        self._last_write = now
        self.drafts_written += 1

    def _write_revision(self, now: float) -> bool:
        text = self._text
        self._service.save_revision(self.statement_id, text)
        self._saved = self._revised = text
        self._last_write = now
        self.revisions_written += 1
        return True
