from __future__ import annotations

import pytest

from intake import Intake
from intake.errors import (
    StatementFinalisedError,
    StatementNotFinalisedError,
    ValidationError,
)
from intake.models import StatementKind
from intake.statements import StatementDraft
from vault.db import DatabaseError

from .conftest import raw_change


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_revisions_kept(intake: Intake, case_id: str) -> None:
    s = intake.statements.create(case_id, kind="verbatim", language="ro", text="Am plecat din Iași")
    s = intake.statements.save_revision(s.statement_id, "Am plecat din Iași în martie")
    s = intake.statements.save_revision(s.statement_id, "Am plecat din Iași în martie")  # same
    assert s.revision == 2
    revisions = intake.statements.revisions(s.statement_id)
    assert [r.text for r in revisions] == ["Am plecat din Iași", "Am plecat din Iași în martie"]


def test_autosave_coalesces(intake: Intake, case_id: str) -> None:
    s = intake.statements.create(case_id, kind=StatementKind.VERBATIM, language="uk")
    clock = FakeClock()
    draft = intake.statements.open_draft(s.statement_id, interval=2.0, clock=clock)
    text = ""
    for ch in "Мене звуть Олена, я з Харкова." * 4:  # 124 keystrokes, 0.1 s apart
        text += ch
        draft.update(text)
        clock.now += 0.1
    # ~12.4 s of typing: the rolling draft is rewritten every 2 s, no revision yet.
    assert 5 <= draft.drafts_written <= 8
    assert draft.revisions_written == 0
    assert intake.statements.revisions(s.statement_id) == []
    assert text.startswith(intake.statements.get(s.statement_id).text)
    assert draft.pending
    # A pause of a minute makes the text one revision.
    clock.now += 61
    assert draft.tick()
    assert not draft.pending
    assert [r.text for r in intake.statements.revisions(s.statement_id)] == [text]
    # Leaving the editor makes what came after a revision too.
    draft.update(text + "!")
    clock.now += 0.5
    assert not draft.tick()
    assert draft.flush()
    assert intake.statements.get(s.statement_id).text == text + "!"
    assert len(intake.statements.revisions(s.statement_id)) == 2


def test_a_minute_of_typing_makes_one_draft_and_at_most_two_revisions(
    intake: Intake, case_id: str
) -> None:
    s = intake.statements.create(case_id, kind=StatementKind.VERBATIM, language="ro")
    clock = FakeClock()
    draft = intake.statements.open_draft(s.statement_id, clock=clock)
    text = ""
    for n in range(600):  # a minute of typing, ten keystrokes a second
        text += "abcdefghij "[n % 11]
        draft.update(text)
        draft.tick()
        clock.now += 0.1
    clock.now += 61
    draft.tick()
    draft.flush()
    assert len(intake.statements.revisions(s.statement_id)) <= 2
    assert intake.statements.get(s.statement_id).text == text
    rolling = intake.vault.audit_entries(action_prefix="statement.draft_saved", limit=10_000)
    assert rolling
    assert all(e.subject == s.statement_id for e in rolling)
    assert all(set(e.details) == {"revision"} for e in rolling)  # ids only, never the text


def test_read_back_and_finalise_make_the_draft_a_revision(intake: Intake, case_id: str) -> None:
    s = intake.statements.create(case_id, kind="verbatim", language="uk", text="Перша")
    # A draft left by a crash: current text ahead of the last revision.
    intake.statements.save_draft(s.statement_id, "Перша версія")
    assert intake.statements.get(s.statement_id).revision == 1
    intake.statements.record_readback(s.statement_id, "read back")
    assert [r.text for r in intake.statements.revisions(s.statement_id)][-1] == "Перша версія"
    intake.statements.save_draft(s.statement_id, "Перша версія, остаточна")
    final = intake.statements.finalise(s.statement_id)
    assert intake.statements.revisions(s.statement_id)[-1].text == final.text
    assert final.revision == 3


def test_service_autosave_and_flush(intake: Intake, case_id: str) -> None:
    s = intake.statements.create(case_id, kind="summary", language="en")
    assert intake.statements.autosave(s.statement_id, "a")  # first keystroke saved at once
    assert not intake.statements.autosave(s.statement_id, "ab")  # coalesced
    intake.statements.flush_autosave(s.statement_id)
    assert intake.statements.get(s.statement_id).text == "ab"
    assert [r.text for r in intake.statements.revisions(s.statement_id)] == ["ab"]
    with pytest.raises(ValidationError):
        StatementDraft(intake.statements, s.statement_id, "", interval=0)


def test_finalised_statement_is_immutable(intake: Intake, case_id: str) -> None:
    s = intake.statements.create(case_id, kind="verbatim", language="uk", text="Текст заяви")
    intake.statements.record_readback(s.statement_id, "read back in Ukrainian by interpreter")
    final = intake.statements.finalise(s.statement_id)
    assert final.finalised
    assert final.final_sha256 is not None
    assert final.readback_at is not None
    sid = s.statement_id
    attempts = [
        lambda: intake.statements.save_revision(sid, "changed"),
        lambda: intake.statements.edit(sid, title="changed"),
        lambda: intake.statements.edit(sid, language="ro"),
        lambda: intake.statements.edit(sid, kind="summary"),
        lambda: intake.statements.record_readback(sid, "again"),
        lambda: intake.statements.finalise(sid),
        lambda: intake.statements.open_draft(sid),
        lambda: intake.statements.autosave(sid, "changed"),
    ]
    for attempt in attempts:
        with pytest.raises(StatementFinalisedError):
            attempt()
    # The triggers refuse raw SQL too, even inside an audited transaction.
    raw = [
        "UPDATE statements SET current_text = 'forged' WHERE statement_id = ?",
        "UPDATE statements SET final_sha256 = 'x' WHERE statement_id = ?",
        "DELETE FROM statements WHERE statement_id = ?",
        "UPDATE statement_revisions SET text = 'forged' WHERE statement_id = ?",
        "DELETE FROM statement_revisions WHERE statement_id = ?",
        "INSERT INTO statement_revisions VALUES (?, 99, 'forged', 'x', 'now', 'me')",
    ]
    for sql in raw:
        with pytest.raises(DatabaseError):
            raw_change(intake.vault, sql, (sid,))
    again = intake.statements.get(sid)
    assert again.text == "Текст заяви"
    assert again.final_sha256 == final.final_sha256
    assert intake.statements.verify_final(sid)


def test_addenda(intake: Intake, case_id: str) -> None:
    s = intake.statements.create(case_id, kind="verbatim", language="ro", text="Data: 3 mai")
    with pytest.raises(StatementNotFinalisedError):
        intake.statements.add_addendum(s.statement_id, "Data corectă: 4 mai", "correction")
    intake.statements.finalise(s.statement_id)
    first = intake.statements.add_addendum(s.statement_id, "Data corectă: 4 mai", "date error")
    second = intake.statements.add_addendum(s.statement_id, "Ora: 10:00", "detail added")
    assert (first.number, second.number) == (1, 2)
    assert [a.text for a in intake.statements.addenda(s.statement_id)] == [
        "Data corectă: 4 mai",
        "Ora: 10:00",
    ]
    assert intake.statements.get(s.statement_id).text == "Data: 3 mai"
    with pytest.raises(DatabaseError):
        raw_change(intake.vault, "UPDATE statement_addenda SET text = 'x'")


def test_empty_statement_cannot_be_finalised(intake: Intake, case_id: str) -> None:
    s = intake.statements.create(case_id, kind="summary", language="en")
    with pytest.raises(ValidationError):
        intake.statements.finalise(s.statement_id)
