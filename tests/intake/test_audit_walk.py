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

READ_ONLY = {
    "get",
    "by_reference",
    "by_label",
    "list_cases",
    "count",
    "list_for_case",
    "has_identity",
    "history",
    "current",
    "decide_export",
    "revisions",
    "addenda",
    "verify_final",
    "open_draft",
    "link",
    "links_for",
    "find",
    "for_case",
    "cross_case_links",
    "normalise",
    "catalogue",
    "checklist",
    "search",
    "events",
    "events_for_case",
    "tombstone",
    "tombstones",
    "vault",
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
            lambda: intake.consent.record(
                state["case"].case_id,
                scope=["court"],
                given_at=NOW,
                language="uk",
                method="written",
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
            "erasure.erase_person",
            "person.erased",
            lambda: intake.erasure.erase_person(state["person"].person_id, "request"),
        ),
    ]
    covered: set[str] = set()
    for name, action, call in steps:
        since = _seq(intake)
        call()
        entries = _new_entries(intake, since)
        assert entries, f"{name} wrote no audit entry"
        assert any(a.startswith(action) for a, _ in entries), (name, entries)
        if name != "evidence.ingest_many" and name != "statements.flush_autosave":
            # One transaction has one timestamp: the change and its entries committed together.
            # Reading an item's text for search is its own, later change with its own entry.
            change = [(a, at) for a, at in entries if a != "search.text_extracted"]
            assert len({at for _, at in change}) == 1, (name, entries)
        covered.add(name)

    # The walk covers every public method that is not a pure read.
    public = set()
    for service_name in vars(intake):
        service = getattr(intake, service_name)
        if service_name == "vault":
            continue
        for method, _ in inspect.getmembers(type(service), inspect.isfunction):
            if not method.startswith("_") and method not in READ_ONLY:
                public.add(f"{service_name}.{method}")
    assert public <= covered, sorted(public - covered)


def _read(intake: Intake, state: dict[str, Any]) -> None:
    with intake.evidence.open_original(state["item"].evidence_id, purpose="review") as chunks:
        b"".join(chunks)


def test_read_only_calls_write_nothing(intake: Intake, case_id: str) -> None:
    before = _seq(intake)
    intake.cases.list_cases()
    intake.cases.get(case_id)
    intake.consent.decide_export(case_id, "police")
    intake.search.search("anything")
    intake.indicators.checklist(case_id)
    intake.entities.cross_case_links()
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
