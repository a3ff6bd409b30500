"""Erasing a case past its retention date: refused under legal hold (and before the date, and
for anyone but an administrator), allowed otherwise, leaving a tombstone and nothing on disk."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from intake import Intake, open_intake
from intake.erasure import RetentionNotDueError
from intake.errors import CaseNotFoundError, LegalHoldError, ReasonRequiredError
from intake.models import Acquisition, PersonRole, ProtectedIdentity
from vault import Vault, roles
from vault.errors import PermissionDeniedError

from .conftest import CHEAP_KDF, PASSPHRASE
from .test_erasure import _decrypted_database, _needles

MARKERS = [
    "MARKER-STATEMENT-Q7Z",  # a statement of the survivor
    "MARKER-UNOWNED-STMT-K2",  # a statement no person gave
    "MARKER-EVIDENCE-BYTES-91",  # inside an evidence file from the survivor
    "MARKER-LOOSE-FILE-55",  # inside an evidence file from nobody in particular
    "MARKER-FILENAME-77",  # an evidence file's name
    "Marker Legalname Zamfira",  # protected identity
    "MARKER-PSEUDONYM-Olga",  # pseudonym
    "MARKER-REFERRAL-REASON",  # a referral's reason
    "MARKER-TASK-NOTE",  # a task's note
    "MARKER-INTERVIEW-NOTES",
    "marker_handle_31",  # an entity only this case has
]
CONTROL = "KEEP-OTHER-CASE-TEXT"
TODAY = date(2026, 6, 1)


def _populate(intake: Intake, tmp_path: Path) -> str:
    case = intake.cases.create("RO-2019-0007", "Old case")
    case_id = case.case_id
    now = datetime(2019, 3, 1, tzinfo=UTC)
    person = intake.people.add(
        case_id,
        PersonRole.SURVIVOR,
        MARKERS[6],
        identity=ProtectedIdentity(legal_name=MARKERS[5]),
    )
    intake.consent.record(
        case_id,
        person_id=person.person_id,
        scope=["court"],
        given_at=now,
        language="ro",
        method="written",
    )
    interview = intake.interviews.create(
        case_id, person_id=person.person_id, started_at=now, notes=MARKERS[9]
    )
    statement = intake.statements.create(
        case_id,
        kind="verbatim",
        language="ro",
        person_id=person.person_id,
        interview_id=interview.interview_id,
        text=f"Declarație {MARKERS[0]}",
    )
    intake.statements.finalise(statement.statement_id)
    intake.statements.create(case_id, kind="summary", language="en", text=MARKERS[1])
    from_person = tmp_path / "from-person.txt"
    from_person.write_text(MARKERS[2])
    loose = tmp_path / f"{MARKERS[4]}.txt"
    loose.write_text(MARKERS[3])
    intake.evidence.ingest(
        case_id,
        from_person,
        acquisition=Acquisition(acquired_from_person_id=person.person_id, acquired_at=now),
    )
    intake.evidence.ingest(case_id, loose, acquisition=Acquisition(acquired_at=now))
    intake.entities.add(case_id, "social", MARKERS[10], person_id=person.person_id)
    intake.entities.add(case_id, "phone", "+40 721 000 999")
    intake.indicators.set(case_id, "rm.confined")
    intake.referrals.add(
        case_id, "Police", date(2019, 4, 1), reason=MARKERS[7], follow_up_on=date(2019, 5, 1)
    )
    intake.tasks.add(case_id, "court_date", date(2019, 9, 1), note=MARKERS[8])
    intake.cases.close(case_id, "finished")
    intake.cases.set_retention(case_id, TODAY - timedelta(days=1))
    # Another case that must stay whole, sharing the phone number.
    other = intake.cases.create("RO-2026-0100", "Kept case")
    intake.statements.create(other.case_id, kind="summary", language="en", text=CONTROL)
    intake.entities.add(other.case_id, "phone", "+40 721 000 999")
    return case_id


def _dump(vault: Vault) -> bytes:
    """Every row of every table, read through the vault (the database decrypted)."""
    out: list[bytes] = []
    for (name,) in vault.read("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in vault.read(f'SELECT * FROM "{name}"'):
            for value in row:
                out.append(value if isinstance(value, bytes) else str(value).encode())
    return b"\n".join(out)


def test_refused_under_legal_hold_before_the_date_and_for_caseworkers(
    intake: Intake, tmp_path: Path
) -> None:
    case_id = _populate(intake, tmp_path)
    assert [d.reference for d in intake.erasure.retention_due(TODAY)] == ["RO-2019-0007"]
    intake.cases.set_legal_hold(case_id, True, "preservation order")
    assert intake.erasure.retention_due(TODAY)[0].legal_hold
    with pytest.raises(LegalHoldError):
        intake.erasure.erase_case(case_id, "retention period over", today=TODAY)
    intake.cases.set_legal_hold(case_id, False, "order lifted")
    with pytest.raises(RetentionNotDueError):
        intake.erasure.erase_case(case_id, "too early", today=TODAY - timedelta(days=1))
    with pytest.raises(ReasonRequiredError):
        intake.erasure.erase_case(case_id, " ", today=TODAY)
    assert intake.cases.get(case_id).reference == "RO-2019-0007"


def test_a_caseworker_may_not_erase(vault: Vault, tmp_path: Path) -> None:
    intake = open_intake(vault)
    case_id = _populate(intake, tmp_path)
    vault.add_user("cw", "another long passphrase", role=roles.CASEWORKER, kdf=CHEAP_KDF)
    vault.lock()
    other = Vault.unlock(vault.path, "cw", "another long passphrase")
    try:
        with pytest.raises(PermissionDeniedError):
            open_intake(other).erasure.erase_case(case_id, "retention over", today=TODAY)
    finally:
        other.lock()


def test_erased_case_leaves_a_tombstone_and_nothing_on_disk(vault: Vault, tmp_path: Path) -> None:
    intake = open_intake(vault)
    case_id = _populate(intake, tmp_path)
    blobs = [e.blob_id for e in intake.evidence.list_for_case(case_id)]
    assert len(blobs) == 2
    assert all(vault.blobs.path_of(b).exists() for b in blobs)
    key = vault._db_key  # the test reads every page as someone holding the key would
    vault.read("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _dump(vault) + _decrypted_database(vault.path, key)
    for marker in MARKERS[:4]:
        assert marker.encode() in before  # positive control: the readers see the markers

    erased = intake.erasure.erase_case(case_id, "retention period over", today=TODAY)
    assert erased.reference == "RO-2019-0007"
    tomb = erased.tombstone
    assert tomb.person_id == ""
    assert tomb.reason == "retention period over"
    assert tomb.counts["people"] == 1
    assert tomb.counts["evidence"] == 2
    assert tomb.counts["statements"] == 2
    assert tomb.counts["referrals"] == 1
    assert tomb.evidence_labels == ("E-0001", "E-0002")
    assert [t.reference for t in intake.erasure.case_tombstones()] == ["RO-2019-0007"]
    with pytest.raises(CaseNotFoundError):
        intake.cases.get(case_id)
    assert intake.erasure.retention_due(TODAY) == []
    assert [c.case.reference for c in intake.cases.list_cases()] == ["RO-2026-0100"]
    assert intake.referrals.list_all() == []
    assert [t.case_reference for t in intake.tasks.due(None, today=TODAY)] == []
    for blob_id in blobs:
        assert not vault.blobs.path_of(blob_id).exists()
    assert intake.search.search("MARKER") == []
    entry = vault.audit_entries(action_prefix="case.erased")[0]
    assert entry.subject == case_id
    assert entry.details["tombstone_id"] == tomb.tombstone_id

    # The decrypted database, through the vault: no trace beyond the tombstone.
    dump = _dump(vault)
    assert CONTROL.encode() in dump
    for marker in MARKERS:
        for needle in _needles(marker):
            assert needle not in dump, f"{marker!r} survives in a table"
    rows_naming_the_case = [
        name
        for (name,) in vault.read("SELECT name FROM sqlite_master WHERE type = 'table'")
        if name not in ("audit_log", "erasures")
        and any(case_id.encode() in str(r).encode() for r in vault.read(f'SELECT * FROM "{name}"'))
    ]
    assert rows_naming_the_case == []
    vault.lock()

    # Nothing on disk: no file of the vault folder holds a marker, not even a decrypted page.
    for file in (p for p in vault.path.rglob("*") if p.is_file()):
        data = file.read_bytes()
        for marker in MARKERS:
            for needle in _needles(marker):
                assert needle not in data, f"{marker!r} found in {file.name}"
    plain = _decrypted_database(vault.path, key)
    assert CONTROL.encode() in plain
    for marker in MARKERS:
        for needle in _needles(marker):
            assert needle not in plain, f"{marker!r} survives in a decrypted page"
    reopened = Vault.unlock(vault.path, "ana", PASSPHRASE)
    try:
        assert reopened.check().ok
    finally:
        reopened.lock()
