"""Screening finds a value however it was written, across entities, statements, chat messages or
evidence text and cases, creates nothing, and is audited; companies by their registry number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake import Intake
from intake.chats.service import ChatService
from intake.companies import cui_check_digit, normalise_company, valid_cui, valid_nip
from intake.errors import InvalidEntityError
from intake.models import EntityKind, StatementKind
from intake.screening import ScreeningService, ScreeningValueError, readings


def _audit(intake: Intake, action: str) -> list[dict[str, object]]:
    rows = intake.vault.read(
        "SELECT subject, details FROM audit_log WHERE action = ? ORDER BY seq", (action,)
    )
    return [{"subject": r[0], **json.loads(r[1])} for r in rows]


def test_a_phone_written_four_ways_is_found_in_entity_statement_and_evidence_text(
    intake: Intake, tmp_path: Path
) -> None:
    first = intake.cases.create("RO-2026-0101", "Recruiter", jurisdiction="RO").case_id
    second = intake.cases.create("RO-2026-0102", "Second case", jurisdiction="RO").case_id
    intake.entities.add(first, EntityKind.PHONE, "+40 721 234 567", note="recruiter")
    intake.statements.create(
        second,
        kind=StatementKind.SUMMARY,
        language="ro",
        title="Interview notes",
        text="Mi-a zis să sun la 0721-234-567 seara.",
    )
    text = tmp_path / "chat-export.txt"
    text.write_text("[10:02] Agent: scrie-mi pe WhatsApp 0040.721.234.567 pentru job\n")
    intake.evidence.ingest(second, text)
    intake.search.extract_pending()
    third = intake.cases.create("RO-2026-0103", "Chat", jurisdiction="RO").case_id
    chat = tmp_path / "WhatsApp Chat with Agent.txt"
    chat.write_text(
        "12/03/2026, 10:01 - Ana: Bună, am văzut anunțul\n"
        "12/03/2026, 10:02 - Agent: Sună-mă la 0040 721 234 567 pentru detalii\n",
        encoding="utf-8",
    )
    parsed = ChatService(intake.vault).ingest(third, chat)
    assert parsed.error is None
    entities_before = intake.vault.read("SELECT count(*) FROM entities")[0][0]

    result = ScreeningService(intake.vault).screen("(0721) 234567")

    assert [r.value for r in result.readings if r.kind is EntityKind.PHONE] == ["+40721234567"]
    assert ("RO-2026-0101", "recruiter") in [
        (link.case_reference, link.note) for _, link in result.links
    ]
    kinds = {(hit.case_reference, hit.kind) for hit in result.texts}
    assert ("RO-2026-0102", "statement") in kinds
    assert ("RO-2026-0102", "evidence_text") in kinds
    assert ("RO-2026-0103", "message") in kinds
    message_hit = next(h for h in result.texts if h.kind == "message")
    assert "0040 721 234 567" in message_hit.snippet
    # The chat's own entity link (with its message) is found too.
    assert "RO-2026-0103" in {link.case_reference for _, link in result.links}
    assert result.messages
    statement_hit = next(h for h in result.texts if h.kind == "statement")
    assert "0721-234-567" in statement_hit.snippet
    assert result.case_references == ["RO-2026-0101", "RO-2026-0102", "RO-2026-0103"]
    # Nothing was created, and the screening is in the ledger with what was looked up.
    assert intake.vault.read("SELECT count(*) FROM entities")[0][0] == entities_before
    (entry,) = _audit(intake, "screening.performed")
    assert entry["subject"] == result.screening_id
    assert entry["readings"] == [{"kind": "phone", "value": "+40721234567"}]
    assert entry["cases"] == sorted([first, second, third])


def test_a_ukrainian_number_without_its_country_code_falls_back(intake: Intake) -> None:
    case = intake.cases.create("UA-2026-0001", "Kyiv", jurisdiction="UA").case_id
    intake.entities.add(case, EntityKind.PHONE, "+380 67 123 4567")
    result = ScreeningService(intake.vault).screen("+38 067 123-45-67")
    assert [link.case_reference for _, link in result.links] == ["UA-2026-0001"]


def test_handles_emails_web_addresses_and_companies(intake: Intake) -> None:
    case = intake.cases.create("RO-2026-0200", "Agency").case_id
    intake.entities.add(case, EntityKind.SOCIAL, "https://t.me/jobs_abroad_ro")
    intake.entities.add(case, EntityKind.EMAIL, "Recrutare@Example.org")
    intake.entities.add(case, EntityKind.URL, "http://www.jobs-example.org/vienna?utm_source=fb")
    intake.entities.add(case, EntityKind.COMPANY, "SC Exemplu Recrutare SRL, CUI RO18547290")
    screen = ScreeningService(intake.vault).screen
    assert screen("@jobs_abroad_ro").links
    assert screen("recrutare@example.org").links
    assert screen("https://www.jobs-example.org/vienna").links
    assert screen("RO 18547290").links
    assert screen("18547290").links
    with pytest.raises(ScreeningValueError):
        screen("   ")
    assert len(_audit(intake, "screening.performed")) == 5


def test_screening_a_value_nobody_wrote_finds_nothing_and_is_still_audited(
    intake: Intake,
) -> None:
    result = ScreeningService(intake.vault).screen("+373 69 123 456")
    assert not result.found
    assert len(_audit(intake, "screening.performed")) == 1


def test_readings_of_a_value() -> None:
    kinds = {r.kind for r in readings("0721 234 567")}
    assert EntityKind.PHONE in kinds
    assert {r.kind for r in readings("ana@example.org")} == {EntityKind.EMAIL}
    assert EntityKind.SOCIAL in {r.kind for r in readings("@ana_pop")}


# Companies ------------------------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=99_999_999))
def test_every_cui_with_its_check_digit_is_valid_and_every_other_digit_is_not(body: int) -> None:
    digits = str(body)
    check = cui_check_digit(digits)
    assert valid_cui(f"{digits}{check}")
    for wrong in set(range(10)) - {check}:
        assert not valid_cui(f"{digits}{wrong}")
    assert normalise_company(f"RO{digits}{check}")[0] == f"RO:{digits}{check}"
    with pytest.raises(InvalidEntityError):
        normalise_company(f"CUI {digits}{(check + 1) % 10}")


@given(st.text(alphabet="0123456789", min_size=11, max_size=14))
def test_a_cui_longer_than_ten_digits_is_refused(digits: str) -> None:
    assert not valid_cui(digits)


def test_company_names_and_other_countries() -> None:
    assert normalise_company("Exemplu Recrutare S.R.L.")[0] == "name:exemplu recrutare"
    assert normalise_company("EXEMPLU  recrutare srl")[0] == "name:exemplu recrutare"
    assert normalise_company('ТОВ "Приклад", ЄДРПОУ 12345678')[0] == "UA:12345678"
    assert valid_nip("5260250274")
    assert normalise_company("NIP 526-025-02-74")[0] == "PL:5260250274"
    with pytest.raises(InvalidEntityError):
        normalise_company("NIP 5260250275")
    with pytest.raises(InvalidEntityError):
        normalise_company("ЄДРПОУ 1234")


def test_a_phone_entity_is_read_in_the_case_jurisdiction_then_the_programme_countries(
    intake: Intake,
) -> None:
    kyiv = intake.cases.create("UA-2026-0002", "Kyiv", jurisdiction="UA").case_id
    bucharest = intake.cases.create("RO-2026-0003", "Bucharest", jurisdiction="RO").case_id
    add = intake.entities.add
    assert add(kyiv, EntityKind.PHONE, "067 123 4567").entity.value == "+380671234567"
    assert add(bucharest, EntityKind.PHONE, "0721 234 567").entity.value == "+40721234567"
    # Not a Ukrainian number: Moldova is the first programme country where it is one.
    assert add(kyiv, EntityKind.PHONE, "069 123 456").entity.value == "+37369123456"
    # Written with its country code: read as written, whatever the case.
    assert add(kyiv, EntityKind.PHONE, "+48 512 345 678").entity.value == "+48512345678"
