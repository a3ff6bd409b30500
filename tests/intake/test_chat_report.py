"""The report lists a chat export's relevant messages with their ids and times under the item;
a partner (pseudonymised) report redacts their text like any other."""

from __future__ import annotations

from datetime import UTC, datetime

from intake import Intake
from intake.chats import ChatService
from tests.exports.conftest import pdf_text
from tests.intake.chat_samples import UA_LOCAL, telegram_single


def test_report_lists_relevant_messages(intake: Intake, tmp_path):
    from exports.from_intake import ExportOptions, export_case
    from exports.model import Profile, RecipientKind

    case = intake.cases.create("RO-2026-0042", "Chat", jurisdiction="RO")
    intake.consent.record(
        case.case_id,
        scope=["court"],
        given_at=datetime(2026, 3, 1, tzinfo=UTC),
        language="uk",
        method="written",
    )
    chats = ChatService(intake.vault)
    result = chats.ingest(case.case_id, telegram_single(tmp_path / "tg").path)
    conversation = result.conversations[0]
    messages = chats.messages(conversation.conversation_id)
    chats.mark_relevant(messages[1].message_id, note="the offer")
    chats.mark_relevant(messages[4].message_id)
    export_case(
        intake, ExportOptions(case.reference, RecipientKind.COURT, Profile.COURT), tmp_path / "b"
    )
    text = pdf_text(tmp_path / "b" / "data" / "report.pdf")
    assert "Messages marked relevant" in text
    assert "E-0001 message 2" in text
    assert "E-0001 message 5" in text
    assert "2026-03-12 14:07:33+02:00" in text
    assert "the offer" in text
    assert UA_LOCAL in text
    assert "E-0001 message 3" not in text  # not marked


def test_erasing_the_person_who_gave_a_chat_removes_it_all(intake: Intake, tmp_path):
    from intake.models import Acquisition, PersonRole

    case = intake.cases.create("RO-2026-0050", "Erase", jurisdiction="RO")
    person = intake.people.add(case.case_id, PersonRole.SURVIVOR, "Survivor A")
    chats = ChatService(intake.vault)
    result = chats.ingest(
        case.case_id,
        telegram_single(tmp_path / "tg").path,
        acquisition=Acquisition(acquired_from_person_id=person.person_id),
    )
    assert result.children
    intake.erasure.erase_person(person.person_id, "request of the person")
    assert intake.evidence.list_for_case(case.case_id) == []
    assert chats.conversations(result.item.evidence_id) == []
    assert not [h for h in intake.search.search("вроцлаві") if h.kind == "message"]
