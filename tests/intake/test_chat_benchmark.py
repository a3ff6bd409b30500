"""The largest chat exports measured: 100,000 messages, WhatsApp and Telegram, parse and store
(index and entities included) timed separately. ``pytest -m slow -s`` prints the figures."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta

import pytest

from intake import Intake
from intake.chats import ChatService
from intake.chats.telegram import parse_telegram
from intake.chats.whatsapp import parse_whatsapp

MESSAGES = 100_000
WORDS = "Привіт робота у Вроцлаві квиток паспорт Constanța ofertă de muncă în Polonia".split()


def _text(n: int) -> str:
    words = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(8))
    if n % 50 == 0:
        words += f" дзвони 067 {n % 900 + 100} {n % 9000 + 1000:04d}"  # a number now and then
    if n % 97 == 0:
        words += f" @recruiter_{n % 40}"
    return words


@pytest.mark.slow
def test_largest_whatsapp_export(intake: Intake, tmp_path, capsys):
    start = datetime(2025, 1, 13, 8, 0)
    senders = ("Ivan", "Olena", "Ion")
    lines = [
        f"{(start + timedelta(minutes=n)):%d.%m.%Y, %H:%M} - {senders[n % 3]}: {_text(n)}"
        for n in range(MESSAGES)
    ]
    path = tmp_path / "WhatsApp Chat with Ivan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    case_id = intake.cases.create("RO-2026-0100", "Bench", jurisdiction="RO").case_id
    began = time.perf_counter()
    parsed = parse_whatsapp(path.read_text(encoding="utf-8"), file_name=path.name)
    parse_s = time.perf_counter() - began
    assert parsed.message_count == MESSAGES
    began = time.perf_counter()
    result = ChatService(intake.vault).ingest(intake.cases.get(case_id).case_id, path)
    total_s = time.perf_counter() - began
    assert result.error is None
    assert result.message_count == MESSAGES
    began = time.perf_counter()
    hits = intake.search.search("вроцлаві паспорт", case_id=case_id)
    search_s = time.perf_counter() - began
    assert hits
    with capsys.disabled():
        print(
            f"\nWhatsApp {MESSAGES} messages, {path.stat().st_size / 1e6:.1f} MB:"
            f" parse {parse_s:.2f} s; ingest+parse+store+index+entities {total_s:.2f} s;"
            f" {result.entities} entity links; search {search_s * 1000:.0f} ms"
        )


@pytest.mark.slow
def test_largest_telegram_export(intake: Intake, tmp_path, capsys):
    start = datetime(2025, 1, 13, 8, 0)
    messages = [
        {
            "id": n + 1,
            "type": "message",
            "date": (start + timedelta(minutes=n)).isoformat(),
            "date_unixtime": str(int((start + timedelta(minutes=n)).timestamp())),
            "from": ("Ivan", "Olena", "Ion")[n % 3],
            "from_id": f"user{n % 3}",
            "text": _text(n),
            **({"reply_to_message_id": n} if n % 10 == 0 and n else {}),
        }
        for n in range(MESSAGES)
    ]
    path = tmp_path / "result.json"
    path.write_text(
        json.dumps(
            {"name": "Bench", "type": "private_group", "id": 1, "messages": messages},
            ensure_ascii=False,
        )
    )
    case_id = intake.cases.create("RO-2026-0101", "Bench", jurisdiction="RO").case_id
    began = time.perf_counter()
    parsed = parse_telegram(path.read_bytes())
    parse_s = time.perf_counter() - began
    assert parsed.message_count == MESSAGES
    began = time.perf_counter()
    result = ChatService(intake.vault).ingest(case_id, path)
    total_s = time.perf_counter() - began
    assert result.error is None
    with capsys.disabled():
        print(
            f"\nTelegram {MESSAGES} messages, {path.stat().st_size / 1e6:.1f} MB:"
            f" parse {parse_s:.2f} s; ingest+parse+store+index+entities {total_s:.2f} s;"
            f" {result.entities} entity links"
        )
