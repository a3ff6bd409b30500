"""Synthetic chat exports in each documented format, made by the tests (no real data).

Each export carries Cyrillic and Romanian text, a Ukrainian number written locally (so that only
the fallback regions read it), a Romanian mobile, a Telegram handle, an e-mail and a link.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF\x00" + bytes(range(256)) * 4 + b"\xff\xd9"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
OGG = b"OggS" + bytes(200)

UA_LOCAL = "067 123 4567"  # Ukrainian mobile without +380: only the fallback reads it
UA_E164 = "+380671234567"
RO_LOCAL = "0722 123 456"
RO_E164 = "+40722123456"
HANDLE = "ivan_recruiter"
EMAIL = "joburi.polonia@example.org"
SEARCH_WORD = "вроцлаві"  # Cyrillic, in lower case: the index folds case
RO_WORD = "Constanța"  # found as "Constanta"

LINES = [
    ("Ivan Recruiter", f"Привіт! Робота у Вроцлаві, 1200 євро. Дзвони {UA_LOCAL}"),
    ("Olena", "Яка робота? Чи потрібні документи?"),
    ("Ivan Recruiter", f"Пиши @{HANDLE} або {EMAIL}, офіс у Constanța"),
    ("Olena", f"Мій номер {RO_LOCAL}, дякую"),
    ("Ivan Recruiter", "Квиток оплачуємо ми, паспорт віддаси водієві.\nДруга строка."),
]


@dataclass(frozen=True)
class Sample:
    path: Path  # the file given to "evidence add"
    messages: int
    media: int  # media files that come with it


# Telegram -------------------------------------------------------------------------------------

BASE = datetime(2026, 3, 12, 14, 5, 33)
KYIV = timezone(timedelta(hours=2))


def _tg_message(number: int, sender: str, text: object, **extra: object) -> dict[str, object]:
    local = BASE + timedelta(minutes=number)
    unix = int(local.replace(tzinfo=KYIV).timestamp())
    message: dict[str, object] = {
        "id": number,
        "type": "message",
        "date": local.isoformat(),
        "date_unixtime": str(unix),
        "from": sender,
        "from_id": f"user{1000 + len(sender)}",
        "text": text,
    }
    message.update(extra)
    return message


def _tg_chat(prefix: str, chat_id: int, name: str) -> tuple[dict[str, object], dict[str, bytes]]:
    media = {
        f"{prefix}photos/photo_1@12-03-2026_14-06-33.jpg": JPEG,
        f"{prefix}files/contract.pdf": PDF,
    }
    messages: list[dict[str, object]] = [
        {
            "id": 1,
            "type": "service",
            "date": BASE.isoformat(),
            "date_unixtime": str(int(BASE.replace(tzinfo=KYIV).timestamp())),
            "actor": "Ivan Recruiter",
            "actor_id": "user1014",
            "action": "create_group",
            "title": name,
            "members": ["Olena"],
            "text": "",
        },
        _tg_message(
            2,
            LINES[0][0],
            ["Привіт! Робота у Вроцлаві, 1200 євро. Дзвони ", {"type": "phone", "text": UA_LOCAL}],
            photo=f"{prefix}photos/photo_1@12-03-2026_14-06-33.jpg",
            width=640,
            height=480,
        ),
        _tg_message(3, LINES[1][0], LINES[1][1], reply_to_message_id=2),
        _tg_message(
            4,
            LINES[2][0],
            [
                "Пиши ",
                {"type": "mention", "text": f"@{HANDLE}"},
                " або ",
                {"type": "email", "text": EMAIL},
                ", офіс у Constanța",
            ],
            forwarded_from="Робота Європа",
        ),
        _tg_message(5, LINES[3][0], LINES[3][1], reply_to_message_id=4),
        _tg_message(
            6,
            LINES[4][0],
            LINES[4][1],
            file=f"{prefix}files/contract.pdf",
            media_type="document",
            mime_type="application/pdf",
        ),
        _tg_message(
            7,
            "Olena",
            "",
            file="(File not included. Change data exporting settings to download.)",
            media_type="video_file",
        ),
    ]
    chat = {"name": name, "type": "private_group", "id": chat_id, "messages": messages}
    return chat, media


def telegram_single(folder: Path) -> Sample:
    chat, media = _tg_chat("", 4242, "Робота Польща")
    return _write_telegram(folder, chat, media, messages=7)


def telegram_full(folder: Path) -> Sample:
    first, media1 = _tg_chat("chats/chat_001/", 4242, "Робота Польща")
    second, media2 = _tg_chat("chats/chat_002/", 4343, "Ofertă Constanța")
    root: dict[str, object] = {
        "about": "Here is the data you requested.",
        "personal_information": {
            "user_id": 1,
            "first_name": "Test",
            "phone_number": "+40 700 000 000",
        },
        "contacts": {"about": "", "list": []},
        "chats": {"about": "", "list": [first, second]},
        "left_chats": {"about": "", "list": []},
    }
    return _write_telegram(folder, root, {**media1, **media2}, messages=14)


def _write_telegram(
    folder: Path, root: dict[str, object], media: dict[str, bytes], *, messages: int
) -> Sample:
    folder.mkdir(parents=True, exist_ok=True)
    for relative, data in media.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    path = folder / "result.json"
    path.write_text(json.dumps(root, ensure_ascii=False, indent=1), encoding="utf-8")
    return Sample(path, messages, len(media))


# WhatsApp -------------------------------------------------------------------------------------

#: (name, line format, attachment line) per phone: the documented formats.
WHATSAPP_FORMATS: dict[str, tuple[str, str]] = {
    # English (UK) Android: day first, 24 h
    "android_en": ("{d:%d/%m/%Y}, {d:%H:%M} - {who}: {text}", "{name} (file attached)"),
    # English (US) Android: month first, 12 h
    "android_en_us": (
        "{d.month}/{d.day}/{d:%y}, {h12}:{d:%M} {ampm} - {who}: {text}",
        "{name} (file attached)",
    ),
    # Romanian Android
    "android_ro": ("{d:%d.%m.%Y}, {d:%H:%M} - {who}: {text}", "{name} (fișier atașat)"),
    # Ukrainian Android, two-digit year
    "android_uk": ("{d:%d.%m.%y}, {d:%H:%M} - {who}: {text}", "{name} (файл додано)"),
    # English iOS (US), 12 h with a narrow no-break space before PM
    "ios_en": (
        "[{d.month}/{d.day}/{d:%y}, {h12}:{d:%M}:{d:%S}\u202f{ampm}] {who}: {text}",
        "\u200e<attached: {name}>",
    ),
    # Romanian iOS
    "ios_ro": ("[{d:%d.%m.%Y}, {d:%H:%M:%S}] {who}: {text}", "\u200e<atașat: {name}>"),
    # Ukrainian iOS
    "ios_uk": ("[{d:%d.%m.%y}, {d:%H:%M:%S}] {who}: {text}", "\u200e<додано: {name}>"),
}


def whatsapp_line(fmt: str, moment: datetime, who: str, text: str) -> str:
    pattern = WHATSAPP_FORMATS[fmt][0]
    h12 = moment.hour % 12 or 12
    ampm = "PM" if moment.hour >= 12 else "AM"
    return pattern.format(d=moment, who=who, text=text, h12=h12, ampm=ampm)


def whatsapp_text(fmt: str, *, media_name: str | None = None) -> str:
    start = datetime(2026, 3, 12, 9, 5, 33)  # 12 March: day 12 > 12? no: 12 is ambiguous
    lines: list[str] = []
    system = (
        "Messages and calls are end-to-end encrypted. No one outside of this chat can read them."
    )
    if fmt.startswith("android"):
        first = whatsapp_line(fmt, start, "X", "X").split(" - ")[0]
        lines.append(f"{first} - {system}")
    for number, (who, text) in enumerate(LINES):
        # Times run over several days so that the file itself says which field is the day.
        moment = start + timedelta(days=number * 4, hours=number * 3)
        lines.append(whatsapp_line(fmt, moment, who, text))
    if media_name is not None:
        moment = start + timedelta(days=20)
        attached = WHATSAPP_FORMATS[fmt][1].format(name=media_name)
        lines.append(whatsapp_line(fmt, moment, "Ivan Recruiter", attached))
    return "\n".join(lines) + "\n"


def whatsapp_message_count(fmt: str, *, media: bool) -> int:
    return len(LINES) + (1 if fmt.startswith("android") else 0) + (1 if media else 0)


def whatsapp_media_name(fmt: str) -> str:
    if fmt.startswith("ios"):
        return "00000012-PHOTO-2026-04-01-09-05-33.jpg"
    return "IMG-20260401-WA0001.jpg"


def whatsapp_txt(folder: Path, fmt: str, *, with_media: bool = True) -> Sample:
    folder.mkdir(parents=True, exist_ok=True)
    name = whatsapp_media_name(fmt)
    text = whatsapp_text(fmt, media_name=name if with_media else None)
    if with_media:
        (folder / name).write_bytes(JPEG)
    path = folder / "WhatsApp Chat with Ivan Recruiter.txt"
    path.write_text(text, encoding="utf-8")
    return Sample(path, whatsapp_message_count(fmt, media=with_media), 1 if with_media else 0)


def whatsapp_zip(folder: Path, fmt: str) -> Sample:
    folder.mkdir(parents=True, exist_ok=True)
    name = whatsapp_media_name(fmt)
    text = whatsapp_text(fmt, media_name=name)
    path = folder / "WhatsApp Chat - Ivan Recruiter.zip"
    chat_name = "_chat.txt" if fmt.startswith("ios") else "WhatsApp Chat with Ivan Recruiter.txt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(chat_name, text.encode("utf-8"))
        archive.writestr(name, JPEG)
    return Sample(path, whatsapp_message_count(fmt, media=True), 1)
