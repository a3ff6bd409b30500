"""The conversation view of a chat export: senders, times with their zone, replies, forwarded-from
and attachments shown as plain text; marking a message relevant is audited and shows at once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from intake import open_intake
from intake.chats import ChatService
from tests.conftest import CHEAP_KDF
from tests.intake.chat_samples import telegram_full, telegram_single, whatsapp_zip
from ui.evidence.conversation_view import ConversationView
from vault import Vault

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def intake(tmp_path):
    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    yield open_intake(vault)
    vault.lock()


def test_conversation_view_shows_and_marks(qtbot, intake, tmp_path):
    case = intake.cases.create("RO-2026-0042", "Chat", jurisdiction="RO")
    chats = ChatService(intake.vault)
    result = chats.ingest(case.case_id, telegram_single(tmp_path / "tg").path)
    view = ConversationView(chats)
    qtbot.addWidget(view)
    assert view.show_item(result.item)
    assert "Telegram" in view.info.text()
    assert "Ivan Recruiter" in view.people.text()
    model = view.model
    assert model.rowCount() == 7
    cells = [model.index(1, c).data() for c in range(model.COLUMNS)]
    assert cells[1] == "2"
    assert cells[2] == "2026-03-12 14:07:33 UTC+02:00"
    assert cells[3] == "Ivan Recruiter"
    assert "E-0002" in cells[4]  # the photo, kept as its own item
    assert "reply to 2" in model.index(2, 4).data()
    assert "forwarded from Робота Європа" in model.index(3, 4).data()
    # The selected message in full, as plain text.
    view.table.selectRow(2)
    assert "Reply to message 2 (Ivan Recruiter: Привіт!" in view.detail.toPlainText()
    assert view.detail.toPlainText().endswith("Яка робота? Чи потрібні документи?")
    # Mark it relevant with a note: audited, highlighted, listed for the report.
    view.note.setText("asks about documents")
    qtbot.mouseClick(view.mark_button, Qt.MouseButton.LeftButton)
    assert model.index(2, 0).data() == "★"
    assert "E-0001 message 3 marked as relevant." == view.status.text()
    [relevant] = chats.relevant(result.item.evidence_id)
    assert relevant.label == "E-0001 message 3"
    assert relevant.relevant_note == "asks about documents"
    entries = intake.vault.audit_entries()
    assert any(
        e.action == "chat.message_marked" and e.subject == relevant.message_id for e in entries
    )
    # And unmarked again.
    qtbot.mouseClick(view.mark_button, Qt.MouseButton.LeftButton)
    assert chats.relevant(result.item.evidence_id) == []
    assert model.index(2, 0).data() == ""


def test_markup_in_a_message_stays_text(qtbot, intake, tmp_path):
    case = intake.cases.create("RO-2026-0043", "Markup", jurisdiction="RO")
    folder = tmp_path / "wa"
    folder.mkdir()
    path = folder / "WhatsApp Chat with X.txt"
    path.write_text('13/03/2026, 10:00 - <b>Boss</b>: <img src="x"> <a href="http://e">hi</a>\n')
    chats = ChatService(intake.vault)
    result = chats.ingest(case.case_id, path)
    view = ConversationView(chats)
    qtbot.addWidget(view)
    view.show_item(result.item)
    assert view.model.index(0, 3).data() == "<b>Boss</b>"
    assert '<img src="x">' in view.detail.toPlainText()
    # Times the export did not place in a zone say so.
    assert "Europe/Bucharest" in view.info.text()
    assert view.model.index(0, 2).data().endswith(" *")


def test_full_export_has_a_conversation_chooser_and_search_hits_open(qtbot, intake, tmp_path):
    case = intake.cases.create("RO-2026-0044", "Full", jurisdiction="RO")
    chats = ChatService(intake.vault)
    result = chats.ingest(case.case_id, telegram_full(tmp_path / "tg").path)
    view = ConversationView(chats)
    qtbot.addWidget(view)
    view.show_item(result.item)
    assert view.chooser.count() == 2
    hit = next(h for h in intake.search.search("Ofertă") if h.kind == "message")
    assert view.select_message(hit.ref_id)
    assert view.chooser.currentIndex() == 1


def test_evidence_tab_shows_the_conversation_tab_for_chats_only(qtbot, intake, tmp_path):
    from ui.evidence.evidence_tab import EvidenceTab

    case = intake.cases.create("RO-2026-0045", "Tab", jurisdiction="RO")
    chats = ChatService(intake.vault)
    chats.ingest(case.case_id, whatsapp_zip(tmp_path / "wa", "ios_uk").path)
    tab = EvidenceTab(intake.evidence, intake.custody, intake.people, case.case_id, "ana")
    qtbot.addWidget(tab)
    index = tab.detail_tabs.indexOf(tab.conversation)
    tab.table.selectRow(0)  # the export
    assert tab.detail_tabs.isTabVisible(index)
    tab.table.selectRow(1)  # its photo
    assert not tab.detail_tabs.isTabVisible(index)


@pytest.mark.skipif(not os.environ.get("CUSTODIA_SCREENSHOT"), reason="manual screenshot")
def test_screenshot(qtbot, intake, tmp_path):
    case = intake.cases.create("RO-2026-0042", "Chat", jurisdiction="RO")
    chats = ChatService(intake.vault)
    result = chats.ingest(case.case_id, telegram_single(tmp_path / "tg").path)
    view = ConversationView(chats)
    qtbot.addWidget(view)
    view.resize(1100, 650)
    view.show_item(result.item)
    view.show()
    view.table.selectRow(3)
    view.toggle_relevant()
    view.table.selectRow(2)
    qtbot.waitExposed(view)
    qtbot.wait(300)
    view.grab().save(str(Path(os.environ["CUSTODIA_SCREENSHOT"])))
