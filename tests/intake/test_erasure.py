from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from intake import Intake, open_intake
from intake.errors import LegalHoldError, PersonNotFoundError, ReasonRequiredError
from intake.models import Acquisition, PersonRole, ProtectedIdentity
from vault import Vault

from .conftest import PASSPHRASE

PAGE_SIZE = 4096
RESERVE = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC-SHA512 per page
WAL_HEADER = 32
WAL_FRAME_HEADER = 24

SECRETS = [
    "Zinaida Unikalna",  # legal name
    "Пароль-Харків-777",  # statement text (Ukrainian)
    "ÎnșelătorieUnică",  # addendum (Romanian)
    "EVIDENCEBYTES-3f9a",  # evidence file content
    "NotăDescriptivăXYZ",  # evidence notes
    "ZORRO_HANDLE_42",  # entity linked only to this person
]
CONTROL = "KEEPTHIS-Control-Text"


def _decrypt_page(key: bytes, page: bytes, first: bool) -> bytes:
    start = 16 if first else 0
    iv = page[PAGE_SIZE - RESERVE : PAGE_SIZE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE_SIZE - RESERVE]) + decryptor.finalize()


def _decrypted_database(path: Path, key: bytes) -> bytes:
    """Every page of vault.db and of any WAL, decrypted, including free pages: what an attacker
    holding the key would see in the file, not only what SQL can still reach."""
    out: list[bytes] = []
    data = (path / "vault.db").read_bytes()
    for n in range(len(data) // PAGE_SIZE):
        out.append(_decrypt_page(key, data[n * PAGE_SIZE : (n + 1) * PAGE_SIZE], n == 0))
    wal = path / "vault.db-wal"
    if wal.exists():
        frames = wal.read_bytes()[WAL_HEADER:]
        step = WAL_FRAME_HEADER + PAGE_SIZE
        for offset in range(0, len(frames) - step + 1, step):
            page_no = int.from_bytes(frames[offset : offset + 4], "big")
            page = frames[offset + WAL_FRAME_HEADER : offset + step]
            out.append(_decrypt_page(key, page, page_no == 1))
    return b"".join(out)


def _needles(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.casefold().encode("utf-8")]


def _populate(intake: Intake, tmp_path: Path) -> tuple[str, str]:
    case = intake.cases.create("RO-2026-0500", "Erasure case")
    person = intake.people.add(
        case.case_id,
        PersonRole.SURVIVOR,
        "Survivor E",
        identity=ProtectedIdentity(legal_name=SECRETS[0]),
    )
    keep = intake.people.add(case.case_id, PersonRole.WITNESS, "Witness K")
    now = datetime(2026, 3, 1, tzinfo=UTC)
    intake.consent.record(
        case.case_id,
        person_id=person.person_id,
        scope=["court"],
        given_at=now,
        language="uk",
        method="written",
    )
    interview = intake.interviews.create(
        case.case_id, person_id=person.person_id, started_at=now, notes="interview notes"
    )
    statement = intake.statements.create(
        case.case_id,
        kind="verbatim",
        language="uk",
        person_id=person.person_id,
        interview_id=interview.interview_id,
        text=f"Перша версія. {SECRETS[1]}",
    )
    intake.statements.save_revision(statement.statement_id, f"Друга версія. {SECRETS[1]}")
    intake.statements.finalise(statement.statement_id)
    intake.statements.add_addendum(statement.statement_id, f"Corectură: {SECRETS[2]}", "fix")
    intake.statements.create(
        case.case_id, kind="verbatim", language="en", person_id=keep.person_id, text=CONTROL
    )
    f = tmp_path / "from-person.txt"
    f.write_text(SECRETS[3])
    item = intake.evidence.ingest(
        case.case_id,
        f,
        acquisition=Acquisition(acquired_from_person_id=person.person_id, acquired_at=now),
        notes=SECRETS[4],
    )
    f.unlink()
    intake.evidence.reverify(item.evidence_id)
    intake.entities.add(case.case_id, "social", SECRETS[5], person_id=person.person_id)
    intake.entities.add(case.case_id, "phone", "+40 721 000 222", person_id=keep.person_id)
    intake.indicators.set(case.case_id, "rm.confined")
    return case.case_id, person.person_id


def test_erasure_refused_under_legal_hold(intake: Intake, tmp_path: Path) -> None:
    case_id, person_id = _populate(intake, tmp_path)
    intake.cases.set_legal_hold(case_id, True, "prosecutor's preservation order")
    with pytest.raises(LegalHoldError):
        intake.erasure.erase_person(person_id, "GDPR art. 17 request")
    assert intake.people.get(person_id).pseudonym == "Survivor E"
    intake.cases.set_legal_hold(case_id, False, "order lifted")
    with pytest.raises(ReasonRequiredError):
        intake.erasure.erase_person(person_id, "")


def test_erased_text_is_in_no_byte_of_the_vault(vault: Vault, tmp_path: Path) -> None:
    intake = open_intake(vault)
    case_id, person_id = _populate(intake, tmp_path)
    blob_ids = [e.blob_id for e in intake.evidence.list_for_case(case_id)]
    key = vault._db_key  # the test reads every page as someone holding the key would

    # Positive control: before erasure the decrypting reader does see the secrets.
    vault.read("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _decrypted_database(vault.path, key)
    assert SECRETS[1].encode() in before
    assert CONTROL.encode() in before

    tombstone = intake.erasure.erase_person(person_id, "GDPR art. 17 request")
    assert tombstone.counts["statements"] == 1
    assert tombstone.counts["evidence"] == 1
    assert tombstone.evidence_labels == ("E-0001",)
    assert tombstone.erased_by == "ana"
    assert tombstone.reason == "GDPR art. 17 request"
    assert intake.erasure.tombstones(case_id) == [tombstone]
    with pytest.raises(PersonNotFoundError):
        intake.people.get(person_id)
    assert [s.text for s in intake.statements.list_for_case(case_id)] == [CONTROL]
    assert intake.evidence.list_for_case(case_id) == []
    assert intake.consent.history(case_id) == []
    assert intake.interviews.list_for_case(case_id) == []
    assert not vault.blobs.path_of(blob_ids[0]).exists()
    for secret in SECRETS:
        assert intake.search.search(secret) == []
    assert vault.audit_entries(action_prefix="person.erased")[0].subject == person_id
    vault.lock()

    files = [p for p in vault.path.rglob("*") if p.is_file()]
    for file in files:
        data = file.read_bytes()
        for secret in SECRETS:
            for needle in _needles(secret):
                assert needle not in data, f"{secret!r} found in {file.name}"
    plain = _decrypted_database(vault.path, key)
    assert CONTROL.encode() in plain  # the reader works: kept data is still there
    for secret in SECRETS:
        for needle in _needles(secret):
            assert needle not in plain, f"{secret!r} survives in a decrypted page"

    reopened = Vault.unlock(vault.path, "ana", PASSPHRASE)
    try:
        assert reopened.verify_audit().entries > 0
        assert reopened.check().ok
    finally:
        reopened.lock()


def test_erasure_takes_the_signed_consent_forms_of_the_person(
    intake: Intake, tmp_path: Path
) -> None:
    # A person whose consent has its signed form in the vault, and an item obtained from them
    # that is linked as the form of the case's consent: both links once blocked the erasure
    # (foreign keys), the form names the person, and the item was obtained from them.
    case_id = intake.cases.create("RO-2026-0505", "Forms").case_id
    person = intake.people.add(case_id, PersonRole.SURVIVOR, "P")
    given = datetime(2026, 3, 1, tzinfo=UTC)
    theirs = intake.consent.record(
        case_id,
        scope=["court"],
        given_at=given,
        language="ro",
        method="written",
        person_id=person.person_id,
    )
    whole_case = intake.consent.record(
        case_id, scope=["court"], given_at=given, language="ro", method="written"
    )
    form = tmp_path / "form.txt"
    form.write_text("signed form")
    signed = intake.consent_documents.attach(theirs.consent_id, form)
    obtained = tmp_path / "obtained.txt"
    obtained.write_text("obtained")
    item = intake.evidence.ingest(
        case_id, obtained, acquisition=Acquisition(acquired_from_person_id=person.person_id)
    )
    intake.consent_documents.link(whole_case.consent_id, item.evidence_id)
    kept = tmp_path / "kept.txt"
    kept.write_text("the case's own form")
    case_form = intake.consent_documents.attach(whole_case.consent_id, kept)

    tombstone = intake.erasure.erase_person(person.person_id, "request")

    assert tombstone.counts["evidence"] == 2
    remaining = {e.evidence_id for e in intake.evidence.list_for_case(case_id)}
    assert remaining == {case_form.evidence_id}
    assert signed.evidence_id not in remaining
    assert intake.consent_documents.for_consent(whole_case.consent_id) == [case_form.evidence_id]
    assert intake.consent_documents.for_consent(theirs.consent_id) == []
