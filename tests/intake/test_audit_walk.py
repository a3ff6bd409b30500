"""Every mutating call of the service API appends its audit entry in the same transaction."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from intake import Intake, cases
from intake.models import Acquisition, PersonRole, ProtectedIdentity
from vault import Transaction

NOW = datetime(2026, 3, 1, tzinfo=UTC)

#: Pure reads, by ``service.method``: a method name alone would also excuse a mutating method
#: of the same name on another service (``consent_documents.link`` writes, ``entities.link``
#: reads).
READ_ONLY = {
    "cases.get",
    "cases.by_reference",
    "cases.list_cases",
    "cases.count",
    "people.get",
    "people.list_for_case",
    "people.has_identity",
    "consent.get",
    "consent.history",
    "consent.current",
    "consent.decide_export",
    "consent_documents.for_consent",
    "interviews.get",
    "interviews.list_for_case",
    "statements.get",
    "statements.list_for_case",
    "statements.revisions",
    "statements.addenda",
    "statements.verify_final",
    "statements.open_draft",
    "statements.last_revision_text",
    "evidence.get",
    "evidence.by_label",
    "evidence.list_for_case",
    "custody.get",
    "custody.events",
    "custody.events_for_case",
    "entities.get",
    "entities.link",
    "entities.links_for",
    "entities.find",
    "entities.for_case",
    "entities.cross_case_links",
    "entities.normalise",
    "entities.normalise_for_case",
    "indicators.catalogue",
    "indicators.checklist",
    "search.search",
    "search.pending",
    "erasure.tombstone",
    "erasure.tombstones",
    "erasure.case_tombstones",
    "erasure.retention_due",
    "drafts.get",
    "drafts.list_mine",
    "referrals.get",
    "referrals.find",
    "referrals.for_case",
    "referrals.history",
    "referrals.list_all",
    "tasks.get",
    "tasks.for_case",
    "tasks.due",
}


#: Steps that are several changes, each audited in its own transaction: many items ingested
#: one by one, typing made a revision, a signed form ingested (with its text read) and then
#: linked to its consent.
SEVERAL_TRANSACTIONS = {
    "evidence.ingest_many",
    "statements.flush_autosave",
    "consent_documents.attach",
}


def _seq(intake: Intake) -> int:
    row = intake.vault.read_one("SELECT coalesce(max(seq), 0) FROM audit_log")
    return int(row[0])


def _new_entries(intake: Intake, since: int) -> list[tuple[str, str]]:
    rows = intake.vault.read(
        "SELECT action, at FROM audit_log WHERE seq > ? ORDER BY seq", (since,)
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def test_every_mutation_is_audited_in_its_transaction(intake: Intake, tmp_path: Path) -> None:
    state: dict[str, Any] = {}
    f = tmp_path / "item.txt"
    f.write_text("evidence")
    g = tmp_path / "item2.txt"
    g.write_text("more")
    form = tmp_path / "signed-form.pdf"
    form.write_bytes(b"scanned, not a PDF")

    steps: list[tuple[str, str, Callable[[], Any]]] = [
        (
            "cases.create",
            "case.created",
            lambda: state.setdefault("case", intake.cases.create("RO-2026-0777", "Walk")),
        ),
        ("cases.edit", "case.edited", lambda: intake.cases.edit(state["case"].case_id, title="W")),
        (
            "cases.set_retention",
            "case.retention_set",
            lambda: intake.cases.set_retention(state["case"].case_id, date(2030, 1, 1)),
        ),
        (
            "cases.set_legal_hold",
            "case.legal_hold",
            lambda: intake.cases.set_legal_hold(state["case"].case_id, True, "order"),
        ),
        (
            "cases.set_legal_hold",
            "case.legal_hold",
            lambda: intake.cases.set_legal_hold(state["case"].case_id, False, "lifted"),
        ),
        ("cases.close", "case.closed", lambda: intake.cases.close(state["case"].case_id)),
        ("cases.reopen", "case.reopened", lambda: intake.cases.reopen(state["case"].case_id)),
        (
            "people.add",
            "person.added",
            lambda: state.setdefault(
                "person", intake.people.add(state["case"].case_id, PersonRole.SURVIVOR, "P")
            ),
        ),
        (
            "people.edit",
            "person.edited",
            lambda: intake.people.edit(state["person"].person_id, notes="n"),
        ),
        (
            "people.set_identity",
            "person.identity_set",
            lambda: intake.people.set_identity(
                state["person"].person_id, ProtectedIdentity(legal_name="L")
            ),
        ),
        (
            "people.reveal_identity",
            "person.identity_revealed",
            lambda: intake.people.reveal_identity(state["person"].person_id, "why"),
        ),
        (
            "consent.record",
            "consent.recorded",
            lambda: state.setdefault(
                "consent",
                intake.consent.record(
                    state["case"].case_id,
                    scope=["court"],
                    given_at=NOW,
                    language="uk",
                    method="written",
                ),
            ),
        ),
        (
            "consent.withdraw",
            "consent.withdrawn",
            lambda: intake.consent.withdraw(
                state["case"].case_id, given_at=NOW, language="uk", method="written"
            ),
        ),
        (
            "interviews.create",
            "interview.created",
            lambda: state.setdefault(
                "interview", intake.interviews.create(state["case"].case_id, started_at=NOW)
            ),
        ),
        (
            "interviews.edit",
            "interview.edited",
            lambda: intake.interviews.edit(state["interview"].interview_id, location="x"),
        ),
        (
            "interviews.add_break",
            "interview.break_added",
            lambda: intake.interviews.add_break(state["interview"].interview_id, NOW),
        ),
        (
            "statements.create",
            "statement.created",
            lambda: state.setdefault(
                "statement",
                intake.statements.create(
                    state["case"].case_id, kind="verbatim", language="uk", text="a"
                ),
            ),
        ),
        (
            "statements.save_revision",
            "statement.revised",
            lambda: intake.statements.save_revision(state["statement"].statement_id, "ab"),
        ),
        (
            "statements.autosave",
            "statement.draft_saved",  # the rolling draft; revisions come at pauses (issue 16)
            lambda: intake.statements.autosave(state["statement"].statement_id, "abc"),
        ),
        (
            "statements.flush_autosave",
            "statement.revised",
            lambda: _type_then_flush(intake, state["statement"].statement_id),
        ),
        (
            "statements.save_draft",
            "statement.draft_saved",
            lambda: intake.statements.save_draft(state["statement"].statement_id, "abcde"),
        ),
        (
            "statements.edit",
            "statement.edited",
            lambda: intake.statements.edit(state["statement"].statement_id, title="t"),
        ),
        (
            "statements.record_readback",
            "statement.read_back",
            lambda: intake.statements.record_readback(state["statement"].statement_id),
        ),
        (
            "statements.finalise",
            "statement.finalised",
            lambda: intake.statements.finalise(state["statement"].statement_id),
        ),
        (
            "statements.add_addendum",
            "statement.addendum_added",
            lambda: intake.statements.add_addendum(
                state["statement"].statement_id, "fix", "reason"
            ),
        ),
        (
            "evidence.ingest",
            "evidence.ingested",
            lambda: state.setdefault(
                "item",
                intake.evidence.ingest(
                    state["case"].case_id,
                    f,
                    acquisition=Acquisition(acquired_from_person_id=state["person"].person_id),
                ),
            ),
        ),
        (
            "evidence.ingest_many",
            "evidence.ingested",
            lambda: intake.evidence.ingest_many(state["case"].case_id, [g]),
        ),
        (
            "evidence.update_description",
            "evidence.described",
            lambda: intake.evidence.update_description(state["item"].evidence_id, notes="n"),
        ),
        ("evidence.open_original", "custody.viewed", lambda: _read(intake, state)),
        (
            "evidence.reverify",
            "custody.verified",
            lambda: intake.evidence.reverify(state["item"].evidence_id),
        ),
        (
            "custody.record",
            "custody.transferred",
            lambda: intake.custody.record(state["item"].evidence_id, "transferred"),
        ),
        ("evidence.open_reader", "custody.viewed", lambda: _read_at(intake, state)),
        (
            # A scan that cannot be read as a PDF: its text stays pending for extract_pending.
            "consent_documents.attach",
            "consent.document_attached",
            lambda: intake.consent_documents.attach(state["consent"].consent_id, form),
        ),
        (
            "consent_documents.link",
            "consent.document_attached",
            lambda: intake.consent_documents.link(
                state["consent"].consent_id, state["item"].evidence_id
            ),
        ),
        ("search.extract_pending", "search.text_extracted", intake.search.extract_pending),
        ("search.reindex", "search.rebuilt", intake.search.reindex),
        (
            "entities.add",
            "entity.",
            lambda: state.setdefault(
                "link",
                intake.entities.add(
                    state["case"].case_id,
                    "phone",
                    "0721000111",
                    person_id=state["person"].person_id,
                ),
            ),
        ),
        (
            "entities.unlink",
            "entity.unlinked",
            lambda: intake.entities.unlink(state["link"].link_id),
        ),
        (
            "indicators.set",
            "indicator.set",
            lambda: intake.indicators.set(state["case"].case_id, "rm.confined"),
        ),
        (
            "indicators.unset",
            "indicator.unset",
            lambda: intake.indicators.unset(state["case"].case_id, "rm.confined"),
        ),
        ("search.rebuild", "search.rebuilt", intake.search.rebuild),
        (
            "drafts.save",
            "draft.saved",
            lambda: state.setdefault(
                "draft",
                intake.drafts.save("person", {"pseudonym": "Q"}, case_id=state["case"].case_id),
            ),
        ),
        (
            "drafts.save",
            "draft.saved",
            lambda: intake.drafts.save(
                "person",
                {"pseudonym": "QR"},
                case_id=state["case"].case_id,
                draft_id=state["draft"].draft_id,
            ),
        ),
        (
            "drafts.discard",
            "draft.discarded",
            lambda: intake.drafts.discard(state["draft"].draft_id),
        ),
        (
            "drafts.save",
            "draft.saved",
            lambda: state.setdefault(
                "used_draft", intake.drafts.save("consent", {}, case_id=state["case"].case_id)
            ),
        ),
        (
            "drafts.discard",
            "draft.used",
            lambda: intake.drafts.discard(state["used_draft"].draft_id, used=True),
        ),
        (
            "referrals.add",
            "referral.added",
            lambda: state.setdefault(
                "referral",
                intake.referrals.add(
                    state["case"].case_id,
                    "Shelter",
                    date(2026, 2, 1),
                    follow_up_on=date(2026, 3, 1),
                ),
            ),
        ),
        (
            "referrals.update",
            "referral.updated",
            lambda: intake.referrals.update(state["referral"].referral_id, status="accepted"),
        ),
        (
            "tasks.add",
            "task.added",
            lambda: state.setdefault(
                "task",
                intake.tasks.add(state["case"].case_id, "court_date", date(2026, 4, 2)),
            ),
        ),
        ("tasks.complete", "task.done", lambda: intake.tasks.complete(state["task"].task_id)),
        (
            "tasks.complete",
            "task.reopened",
            lambda: intake.tasks.complete(state["task"].task_id, done=False),
        ),
        (
            "tasks.export_calendar",
            "export.calendar",
            lambda: _export_calendar(intake, tmp_path / "tasks.ics"),
        ),
        (
            "erasure.erase_person",
            "person.erased",
            lambda: intake.erasure.erase_person(state["person"].person_id, "request"),
        ),
        (
            # Past its retention date and not under legal hold (lifted above): erasable.
            "cases.set_retention",
            "case.retention_set",
            lambda: intake.cases.set_retention(state["case"].case_id, date(2020, 1, 1)),
        ),
        (
            "erasure.erase_case",
            "case.erased",
            lambda: intake.erasure.erase_case(state["case"].case_id, "retention passed"),
        ),
    ]
    covered: set[str] = set()
    for name, action, call in steps:
        since = _seq(intake)
        call()
        entries = _new_entries(intake, since)
        assert entries, f"{name} wrote no audit entry"
        assert any(a.startswith(action) for a, _ in entries), (name, entries)
        if name not in SEVERAL_TRANSACTIONS:
            # One transaction has one timestamp: the change and its entries committed together.
            # Reading an item's text for search is its own, later change with its own entry
            # (unless reading the text is the step).
            change = [
                (a, at)
                for a, at in entries
                if a != "search.text_extracted" or action == "search.text_extracted"
            ]
            assert len({at for _, at in change}) == 1, (name, entries)
        covered.add(name)

    # The walk covers every public method that is not a pure read.
    public = set()
    for service_name in vars(intake):
        service = getattr(intake, service_name)
        if service_name == "vault":
            continue
        for method, _ in inspect.getmembers(type(service), inspect.isfunction):
            name = f"{service_name}.{method}"
            if not method.startswith("_") and name not in READ_ONLY:
                public.add(name)
    assert public <= covered, sorted(public - covered)
    # And every read named above is still a method (a renamed one must be walked again).
    every = {
        f"{service_name}.{method}"
        for service_name in vars(intake)
        if service_name != "vault"
        for method, _ in inspect.getmembers(type(getattr(intake, service_name)), inspect.isfunction)
    }
    assert READ_ONLY <= every, sorted(READ_ONLY - every)


def _read(intake: Intake, state: dict[str, Any]) -> None:
    with intake.evidence.open_original(state["item"].evidence_id, purpose="review") as chunks:
        b"".join(chunks)


def _read_at(intake: Intake, state: dict[str, Any]) -> None:
    reader = intake.evidence.open_reader(state["item"].evidence_id, purpose="review")
    try:
        assert reader.read_at(0, 8) == b"evidence"
    finally:
        reader.close()


def _export_calendar(intake: Intake, target: Path) -> None:
    def write(data: bytes) -> None:
        target.write_bytes(data)

    assert intake.tasks.export_calendar(intake.tasks.due(), write) >= 1
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_read_only_calls_write_nothing(intake: Intake, case_id: str, tmp_path: Path) -> None:
    # Something for the reads to find: a revised statement, a consent with its signed form (a
    # scan whose text could not be read, so still pending), a draft, a referral and a task
    # due, and a retention date already past.
    statement = intake.statements.create(case_id, kind="verbatim", language="uk", text="a")
    intake.statements.save_revision(statement.statement_id, "ab")
    consent = intake.consent.record(
        case_id, scope=["court"], given_at=NOW, language="uk", method="written"
    )
    form = tmp_path / "signed-form.pdf"
    form.write_bytes(b"scanned, not a PDF")
    signed = intake.consent_documents.attach(consent.consent_id, form)
    intake.drafts.save("person", {"pseudonym": "Q"}, case_id=case_id)
    intake.referrals.add(case_id, "Shelter", date(2020, 1, 1), follow_up_on=date(2020, 2, 1))
    intake.tasks.add(case_id, "court_date", date(2020, 3, 1))
    intake.cases.set_retention(case_id, date(2020, 1, 1))

    before = _seq(intake)
    intake.cases.list_cases()
    intake.cases.get(case_id)
    intake.consent.decide_export(case_id, "police")
    intake.search.search("anything")
    intake.indicators.checklist(case_id)
    intake.entities.cross_case_links()
    assert intake.consent_documents.for_consent(consent.consent_id) == [signed.evidence_id]
    assert len(intake.drafts.list_mine()) == 1
    assert intake.entities.normalise_for_case(case_id, "phone", "0721 000 111")
    assert intake.erasure.case_tombstones() == []
    assert [d.case_id for d in intake.erasure.retention_due()] == [case_id]
    assert len(intake.referrals.list_all()) == 1
    assert intake.search.pending() == [signed.evidence_id]
    assert intake.statements.last_revision_text(statement.statement_id) == "ab"
    assert len(intake.tasks.due(0)) >= 3  # the court date, the follow-up, the retention date
    assert _seq(intake) == before


def test_failure_rolls_back_change_and_audit(
    intake: Intake, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _seq(intake)

    def broken_index(tx: Transaction, case_id: str) -> None:
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(cases, "_index_case", broken_index)
    with pytest.raises(RuntimeError):
        intake.cases.create("RO-2026-0001", "Never stored")
    assert intake.cases.count() == 0
    assert _seq(intake) == before
    monkeypatch.undo()

    # The other way round: the audit append fails, so the case row does not commit either.
    def broken_audit(self: Transaction, *args: object, **kwargs: object) -> None:
        raise RuntimeError("ledger trouble")

    monkeypatch.setattr(Transaction, "audit", broken_audit)
    with pytest.raises(RuntimeError):
        intake.cases.create("RO-2026-0001", "Never stored")
    monkeypatch.undo()
    assert intake.cases.count() == 0
    assert _seq(intake) == before
    # And an unaudited change is refused by the vault itself.
    from vault.errors import VaultError

    with pytest.raises(VaultError):
        _unaudited_change(intake)
    assert intake.vault.read("SELECT count(*) FROM entities")[0][0] == 0


def _unaudited_change(intake: Intake) -> None:
    with intake.vault.transaction() as tx:
        tx.execute("INSERT INTO entities VALUES ('e', 'other', 'v', 'v', 'now')")


def _type_then_flush(intake: Intake, statement_id: str) -> None:
    intake.statements.autosave(statement_id, "abcd")  # coalesced: nothing written yet
    intake.statements.flush_autosave(statement_id)
