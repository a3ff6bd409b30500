"""Chat exports as hostile input: huge, malformed, climbing out of their folder, zip bombs.
Each gives a clear error; the original stays in the vault as a file; nothing else is written."""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from pathlib import Path

import pytest

from intake import Intake
from intake.chats import ChatExportError, ChatExportTooLargeError, ChatService, UnsafeChatMediaError
from intake.chats import model as chat_model
from intake.chats.archive import ChatZip
from intake.chats.telegram import parse_telegram
from intake.chats.whatsapp import parse_whatsapp
from tests.intake.chat_samples import JPEG, telegram_single, whatsapp_txt
from ui import cli
from vault import Vault

from .conftest import CHEAP_KDF, PASSPHRASE


@pytest.fixture
def chats(intake: Intake) -> ChatService:
    return ChatService(intake.vault)


def _only_the_file_stays(intake: Intake, chats: ChatService, case_id: str, result) -> None:
    assert result.error is not None
    assert intake.evidence.list_for_case(case_id) == [result.item]
    assert chats.conversations(result.item.evidence_id) == []
    # No staged media blob is left behind.
    blobs = [p for p in (intake.vault.path / "blobs").rglob("*") if p.is_file()]
    assert len(blobs) == 1


def _tg(folder: Path, messages: list[object]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "result.json"
    path.write_text(
        json.dumps({"name": "x", "type": "personal_chat", "id": 1, "messages": messages})
    )
    return path


def _msg(**extra: object) -> dict[str, object]:
    return {
        "id": 1,
        "type": "message",
        "date": "2026-03-12T14:05:33",
        "from": "A",
        "text": "hi",
        **extra,
    }


@pytest.mark.parametrize(
    "path",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "photos/../../secret.jpg",
        "C:/Windows/x.jpg",
        "a\\..\\b.jpg",
    ],
)
def test_telegram_media_path_leaving_the_folder_is_refused(intake, chats, case_id, tmp_path, path):
    (tmp_path / "secret.jpg").write_bytes(JPEG)
    export = _tg(tmp_path / "export" / "inner", [_msg(photo=path)])
    result = chats.ingest(case_id, export)
    assert isinstance(result.error, UnsafeChatMediaError)
    _only_the_file_stays(intake, chats, case_id, result)


def test_telegram_media_symlink_out_of_the_folder_is_refused(intake, chats, case_id, tmp_path):
    (tmp_path / "outside.jpg").write_bytes(JPEG)
    export = _tg(tmp_path / "export", [_msg(photo="photos/p.jpg")])
    (tmp_path / "export" / "photos").mkdir()
    os.symlink(tmp_path / "outside.jpg", tmp_path / "export" / "photos" / "p.jpg")
    result = chats.ingest(case_id, export)
    assert isinstance(result.error, UnsafeChatMediaError)
    _only_the_file_stays(intake, chats, case_id, result)


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b'{"name": "x", "messages": "nope"}',
        b'{"name": "x", "messages": [42]}',
        b'{"name": "x", "messages": [{"id": 1, "date": "yesterday"}]}',
        b'{"name": "x", "messages": [{"id": 1, "date": "2026-01-01T00:00:00", "text": {"a": 1}}]}',
        b'{"messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    ],
)
def test_malformed_telegram_gives_a_clear_error(intake, chats, case_id, tmp_path, content):
    path = tmp_path / "result.json"
    path.write_bytes(content)
    result = chats.ingest(case_id, path)
    assert isinstance(result.error, ChatExportError)
    assert result.error.code.startswith("intake.chat_")
    _only_the_file_stays(intake, chats, case_id, result)


def test_whatsapp_attachment_naming_a_path_is_never_opened(intake, chats, case_id, tmp_path):
    (tmp_path / "secret.jpg").write_bytes(JPEG)
    folder = tmp_path / "export"
    folder.mkdir()
    path = folder / "WhatsApp Chat with X.txt"
    path.write_text(
        "12/03/2026, 14:05 - A: <attached: ../secret.jpg>\n"
        "12/03/2026, 14:06 - A: ../secret.jpg (file attached)\n"
    )
    result = chats.ingest(case_id, path)
    # WhatsApp names attachments by file name only: a path is text, and nothing is opened.
    assert result.error is None
    assert result.children == ()
    messages = chats.messages(result.conversations[0].conversation_id)
    assert [m.attachments for m in messages] == [(), ()]
    assert "../secret.jpg" in messages[0].text


def _zip(entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_traversal_link_and_bomb_are_refused():
    chat = b"12/03/2026, 14:05 - A: hi\n"
    with pytest.raises(UnsafeChatMediaError):
        ChatZip(_zip([("_chat.txt", chat), ("../evil.jpg", JPEG)]))
    link = zipfile.ZipInfo("IMG-1.jpg")
    link.external_attr = 0o120777 << 16
    with pytest.raises(UnsafeChatMediaError):
        ChatZip(_zip([("_chat.txt", chat), (link, b"/etc/passwd")]))
    with pytest.raises(ChatExportTooLargeError):
        ChatZip(_zip([("_chat.txt", chat), ("IMG-2.jpg", bytes(300 * 1024 * 1024))]))
    with pytest.raises(ChatExportError):
        ChatZip(b"PK\x03\x04 not really a zip")


def test_zip_bomb_through_the_service(intake, chats, case_id, tmp_path):
    path = tmp_path / "WhatsApp Chat - X.zip"
    path.write_bytes(
        _zip([("_chat.txt", b"[12.03.2026, 14:05:33] A: hi\n"), ("x.jpg", bytes(300 << 20))])
    )
    result = chats.ingest(case_id, path)
    assert isinstance(result.error, ChatExportTooLargeError)
    _only_the_file_stays(intake, chats, case_id, result)


def test_huge_export_is_refused_before_it_is_read(intake, chats, case_id, tmp_path, monkeypatch):
    monkeypatch.setattr("intake.chats.service.MAX_TEXT_EXPORT", 1024)
    sample = telegram_single(tmp_path / "export")
    result = chats.ingest(case_id, sample.path)
    assert isinstance(result.error, ChatExportTooLargeError)
    assert intake.evidence.list_for_case(case_id)[0].sha256 == result.item.sha256


def test_too_many_messages_are_refused(monkeypatch):
    monkeypatch.setattr("intake.chats.whatsapp.MAX_MESSAGES", 10)
    monkeypatch.setattr("intake.chats.telegram.MAX_MESSAGES", 10)
    text = "".join(f"12/03/2026, 14:{n:02d} - A: {n}\n" for n in range(20))
    with pytest.raises(ChatExportTooLargeError):
        parse_whatsapp(text)
    data = json.dumps({"messages": [_msg(id=n) for n in range(20)]}).encode()
    with pytest.raises(ChatExportTooLargeError):
        parse_telegram(data)


def test_long_message_is_cut_not_refused():
    text = "12/03/2026, 14:05 - A: " + "x" * (chat_model.MAX_MESSAGE_CHARS * 3) + "\n"
    parsed = parse_whatsapp(text)
    assert len(parsed.conversations[0].messages[0].text) == chat_model.MAX_MESSAGE_CHARS
    assert parsed.notes["shortened_messages"] == "1"


def test_missing_media_is_recorded_not_refused(intake, chats, case_id, tmp_path):
    sample = whatsapp_txt(tmp_path / "export", "android_ro")
    for jpg in (tmp_path / "export").glob("*.jpg"):
        jpg.unlink()
    result = chats.ingest(case_id, sample.path)
    assert result.error is None
    assert result.children == ()
    [conversation] = result.conversations
    last = chats.messages(conversation.conversation_id)[-1]
    assert last.attachments[0].status == "missing"


def test_parsing_twice_adds_nothing(intake, chats, case_id, tmp_path):
    sample = telegram_single(tmp_path / "export")
    first = chats.ingest(case_id, sample.path)
    again = chats.parse_item(first.item.evidence_id, media_root=sample.path.parent)
    assert [c.conversation_id for c in again.conversations] == [
        c.conversation_id for c in first.conversations
    ]
    assert len(intake.evidence.list_for_case(case_id)) == 1 + len(first.children)


# The command line -----------------------------------------------------------------------------


def _run(argv, monkeypatch, capsys) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code = cli.run(argv)
    return code, capsys.readouterr().out


def test_cli_evidence_add_recognises_chat_exports(tmp_path, monkeypatch, capsys):
    path = tmp_path / "v"
    Vault.create(path, "ana", PASSPHRASE, kdf=CHEAP_KDF)[0].lock()
    unlock = ["--passphrase-stdin"]
    code, _ = _run(
        [
            "case",
            "new",
            str(path),
            "--ref",
            "RO-2026-0042",
            "--title",
            "T",
            "--jurisdiction",
            "RO",
            *unlock,
        ],
        monkeypatch,
        capsys,
    )
    assert code == 0
    tg = telegram_single(tmp_path / "tg")
    wa = whatsapp_txt(tmp_path / "wa", "android_uk")
    bad = tmp_path / "bad" / "result.json"
    bad.parent.mkdir()
    bad.write_text('{"messages": [{"id": 1, "date": "never"}]}')
    code, out = _run(
        [
            "evidence",
            "add",
            str(path),
            "--case",
            "RO-2026-0042",
            str(tg.path),
            str(wa.path),
            str(bad),
            *unlock,
        ],
        monkeypatch,
        capsys,
    )
    assert code == 1  # one export could not be read
    assert "E-0001" in out
    assert "result.json" in out
    assert "Робота Польща: 7 messages" in out
    assert "Ivan Recruiter: 7 messages" in out
    assert "E-0006" in out
    assert "could not be read" in out
    code, out = _run(["search", str(path), "вроцлаві", *unlock], monkeypatch, capsys)
    assert code == 0
    assert "message" in out
