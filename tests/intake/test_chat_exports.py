"""Chat exports as evidence: each documented format, made by the tests, ingested byte-identical,
parsed into conversations, searchable, its numbers and handles linking to another case."""

from __future__ import annotations

import hashlib

import pytest

from intake import Intake
from intake.chats import ChatService
from intake.models import EntityKind
from tests.intake.chat_samples import (
    EMAIL,
    HANDLE,
    RO_E164,
    SEARCH_WORD,
    UA_E164,
    WHATSAPP_FORMATS,
    Sample,
    telegram_full,
    telegram_single,
    whatsapp_txt,
    whatsapp_zip,
)


@pytest.fixture
def chats(intake: Intake) -> ChatService:
    return ChatService(intake.vault)


@pytest.fixture
def case_id(intake: Intake) -> str:
    """A Romanian case: local numbers are read as Romanian first, times in Bucharest's zone."""
    return intake.cases.create("RO-2026-0042", "Recrutare", jurisdiction="RO").case_id


@pytest.fixture
def other_case(intake: Intake) -> str:
    """Another case that already knows the recruiter's number and handle."""
    other = intake.cases.create("UA-2026-0007", "Earlier case").case_id
    intake.entities.add(other, EntityKind.PHONE, UA_E164)
    intake.entities.add(other, EntityKind.SOCIAL, f"t.me/{HANDLE}")
    intake.entities.add(other, EntityKind.PHONE, RO_E164)
    return other


def _original(intake: Intake, evidence_id: str) -> bytes:
    with intake.evidence.open_original(evidence_id, record_view=False) as chunks:
        return b"".join(chunks)


def _check_sample(
    intake: Intake, chats: ChatService, case_id: str, other_case: str, sample: Sample
) -> None:
    original = sample.path.read_bytes()
    result = chats.ingest(case_id, sample.path)
    assert result.error is None, result.error
    # The original, byte for byte, is the evidence item.
    assert _original(intake, result.item.evidence_id) == original
    assert result.item.sha256 == hashlib.sha256(original).hexdigest()
    assert result.message_count == sample.messages
    # Media: one child item each, with its own hash, linked to the export.
    assert len(result.children) == sample.media
    for child in result.children:
        assert chats.parent_of(child.evidence_id) == result.item.evidence_id
        assert hashlib.sha256(_original(intake, child.evidence_id)).hexdigest() == child.sha256
    # Messages are found by search, in Cyrillic and without diacritics, at "E-0001 message n".
    for word in (SEARCH_WORD, "Constanta"):
        hits = [h for h in intake.search.search(word, case_id=case_id, limit=100)]
        messages = [h for h in hits if h.kind == "message"]
        assert messages, word
        assert messages[0].title.startswith(result.item.label)
        assert " message " in messages[0].title
    # Numbers and handles link to the other case.
    linked = {
        (c.entity.kind, c.entity.value)
        for c in intake.entities.cross_case_links(case_id)
        if other_case in c.case_ids
    }
    assert (EntityKind.PHONE, UA_E164) in linked
    assert (EntityKind.PHONE, RO_E164) in linked
    if sample.path.suffix == ".json":
        assert (EntityKind.SOCIAL, f"telegram:{HANDLE}") in linked
    emails = {link.entity.value for link in intake.entities.for_case(case_id)}
    assert EMAIL in emails


def test_telegram_single_chat(intake, chats, case_id, other_case, tmp_path):
    sample = telegram_single(tmp_path / "export")
    _check_sample(intake, chats, case_id, other_case, sample)
    item = intake.evidence.list_for_case(case_id)[0]
    [conversation] = chats.conversations(item.evidence_id)
    assert conversation.platform == "telegram"
    assert conversation.title == "Робота Польща"
    assert conversation.time_zone_source == "export"
    messages = chats.messages(conversation.conversation_id)
    by_id = {m.source_id: m for m in messages}
    assert by_id["3"].reply_to == "2"
    assert by_id["4"].forwarded_from == "Робота Європа"
    assert by_id["2"].sent_at.isoformat() == "2026-03-12T14:07:33+02:00"
    assert by_id["2"].attachments[0].status == "attached"
    assert by_id["2"].attachments[0].child_label == "E-0002"
    assert by_id["7"].attachments[0].status == "not_included"
    assert by_id["1"].kind == "service"


def test_telegram_full_export(intake, chats, case_id, other_case, tmp_path):
    sample = telegram_full(tmp_path / "export")
    _check_sample(intake, chats, case_id, other_case, sample)
    item = intake.evidence.by_label(case_id, "E-0001")
    conversations = chats.conversations(item.evidence_id)
    assert [c.title for c in conversations] == ["Робота Польща", "Ofertă Constanța"]
    first = chats.messages(conversations[1].conversation_id)[1]
    assert first.label == "E-0001 chat 2 message 2"


@pytest.mark.parametrize("fmt", sorted(WHATSAPP_FORMATS))
def test_whatsapp_text(intake, chats, case_id, other_case, tmp_path, fmt):
    sample = whatsapp_txt(tmp_path / "export", fmt)
    _check_sample(intake, chats, case_id, other_case, sample)
    item = intake.evidence.by_label(case_id, "E-0001")
    [conversation] = chats.conversations(item.evidence_id)
    assert conversation.title == "Ivan Recruiter"
    assert conversation.time_zone == "Europe/Bucharest"  # the case's jurisdiction
    messages = chats.messages(conversation.conversation_id)
    texts = [m for m in messages if m.sender == "Ivan Recruiter"]
    assert texts[0].local_time == "2026-03-12 09:05:00" or texts[0].local_time.startswith(
        "2026-03-12 09:05"
    )
    assert texts[-2].text.endswith("Друга строка.")
    assert texts[-1].attachments[0].status == "attached"


@pytest.mark.parametrize("fmt", ["android_ro", "ios_uk", "ios_en"])
def test_whatsapp_zip(intake, chats, case_id, other_case, tmp_path, fmt):
    sample = whatsapp_zip(tmp_path / "export", fmt)
    _check_sample(intake, chats, case_id, other_case, sample)
