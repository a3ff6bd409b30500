"""WhatsApp's "Export chat": the ``_chat.txt`` / ``WhatsApp Chat with X.txt`` text, alone or in
the ZIP WhatsApp makes with the media.

Why not whatstk: it parses into a pandas DataFrame from a file path (pandas and plotly as
dependencies), while Custodia parses the decrypted text in memory and needs each message's
attachments, system lines and the date order it chose, not a table.

A message starts with a header line; lines without one continue the previous message.
Android:  ``12/03/2026, 14:05 - Name: text``   ``3/12/26, 2:05 PM - Name: text``
iOS:      ``[12.03.2026, 14:05:33] Name: text``   ``‎[12.03.26, 2:05:33 PM] Name: ‎<attached: x.jpg>``
Dates are day-month-year or month-day-year with ``/``, ``.`` or ``-``; two- or four-digit years;
24-hour or 12-hour clocks (AM/PM, a.m./p.m., дп/пп). Which of day or month comes first is decided
for the whole file: a field above 12 settles it; otherwise the order under which the messages run
forward in time wins.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath

from intake.chats.errors import ChatExportError, ChatExportTooLargeError
from intake.chats.model import (
    MAX_MESSAGE_CHARS,
    MAX_MESSAGES,
    MAX_NAME_CHARS,
    ChatFormat,
    MediaRef,
    ParsedConversation,
    ParsedExport,
    ParsedMessage,
    Platform,
)

log = logging.getLogger(__name__)

# Bidirectional marks WhatsApp puts before attachments and iOS lines (and a BOM at the start).
_MARKS = "[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]*"
_SPACE = r"[ \t\u00a0\u202f]"
_DATE = r"(?P<d1>\d{1,4})(?P<sep>[./\-])(?P<d2>\d{1,2})(?P=sep)(?P<d3>\d{2,4})\.?"
_TIME = r"(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2}))?"
_AMPM = rf"(?:{_SPACE}?(?P<ampm>[AaPp]\.?{_SPACE}?[Mm]\.?|дп|пп|ДП|ПП|д\.п\.|п\.п\.)(?![\w]))?"
_IOS = re.compile(rf"^{_MARKS}\[{_DATE},?{_SPACE}+{_TIME}{_AMPM}\]{_SPACE}(?P<rest>.*)$")
_ANDROID = re.compile(
    rf"^{_MARKS}{_DATE},?{_SPACE}+{_TIME}{_AMPM}{_SPACE}[-–]{_SPACE}(?P<rest>.*)$"
)
_SENDER = re.compile(
    rf"^(?P<sender>[^:\n]{{1,{MAX_NAME_CHARS}}}?):(?:{_SPACE}(?P<text>.*)|$)", re.S
)
_LEADING_MARKS = re.compile(f"^{_MARKS}")
# "IMG-20260312-WA0001.jpg (file attached)", in the phone's language.
_ANDROID_FILE = re.compile(
    r"^(?P<name>[^\n/\\<>:\"|?*]{1,200}\.[A-Za-z0-9]{1,8})"
    r" \((?P<note>[^()\n]{1,40})\)(?:\n(?P<caption>.*))?$",
    re.S,
)
# "<attached: 00000012-PHOTO-2026-03-12-14-05-33.jpg>", in the phone's language.
_IOS_FILE = re.compile(
    r"^<(?P<note>[^:<>\n]{1,40}): (?P<name>[^<>\n/\\:\"|?*]{1,200})>(?:\n(?P<caption>.*))?$", re.S
)
_ATTACHED_NOTES = {
    "file attached",
    "fișier atașat",
    "fişier ataşat",
    "файл додано",
    "файл прикріплено",
    "файл вкладено",
    "файл прикреплен",
}
_OMITTED = {
    "<media omitted>",
    "<media omise>",
    "<fișier media omis>",
    "<без медіафайлів>",
    "<медіафайл пропущено>",
    "<медиафайл отсутствует>",
    "image omitted",
    "video omitted",
    "audio omitted",
    "sticker omitted",
    "document omitted",
    "gif omitted",
    "imagine omisă",
    "videoclip omis",
    "audio omis",
    "зображення пропущено",
    "відео пропущено",
    "аудіо пропущено",
}
_TITLE_PREFIXES = (
    "WhatsApp Chat with ",
    "WhatsApp Chat - ",
    "Chat WhatsApp cu ",
    "Conversație WhatsApp cu ",
    "Чат WhatsApp з ",
    "Чат WhatsApp із ",
)


@dataclass(frozen=True)
class Header:
    """One header line, with its date fields still unordered (day or month first?)."""

    style: str  # "android" or "ios"
    d1: int
    d2: int
    d3: int
    d1_digits: int
    hour: int
    minute: int
    second: int
    ampm: str  # "", "am" or "pm"
    rest: str


def parse_header(line: str) -> Header | None:
    """The header of a line that starts a message, or ``None`` for a continuation line."""
    if len(line) < 12 or not (line[0].isdigit() or line[0] in "[\u200e\u200f\ufeff\u202a"):
        return None  # cheap rejection: most continuation lines start with a letter
    match = _IOS.match(line)
    style = "ios"
    if match is None:
        match = _ANDROID.match(line)
        style = "android"
        if match is None:
            return None
    ampm = (match["ampm"] or "").casefold().replace(".", "").replace(" ", "")
    ampm = ampm.replace("\u00a0", "").replace("\u202f", "")
    ampm = {"дп": "am", "пп": "pm"}.get(ampm, ampm)
    return Header(
        style=style,
        d1=int(match["d1"]),
        d2=int(match["d2"]),
        d3=int(match["d3"]),
        d1_digits=len(match["d1"]),
        hour=int(match["h"]),
        minute=int(match["m"]),
        second=int(match["s"] or 0),
        ampm=ampm if ampm in ("am", "pm") else "",
        rest=match["rest"],
    )


def header_datetime(header: Header, order: str) -> datetime | None:
    """The naive local time of ``header`` read in ``order`` ("dmy", "mdy" or "ymd")."""
    if order == "ymd":
        year, month, day = header.d1, header.d2, header.d3
    elif order == "mdy":
        month, day, year = header.d1, header.d2, header.d3
    else:
        day, month, year = header.d1, header.d2, header.d3
    if year < 100:
        year += 2000
    hour = header.hour
    if header.ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if header.ampm == "pm" else 0)
    try:
        return datetime(year, month, day, hour, header.minute, header.second)
    except ValueError:
        return None


def choose_order(headers: list[Header]) -> tuple[str, str]:
    """The date order of the whole file and why: ("dmy" | "mdy" | "ymd", reason)."""
    if any(h.d1_digits == 4 for h in headers):
        return "ymd", "year first"
    if any(h.d1 > 12 for h in headers):
        return "dmy", "day first (a first field above 12)"
    if any(h.d2 > 12 for h in headers):
        return "mdy", "month first (a second field above 12)"

    def backwards(order: str) -> int:
        count = 0
        previous: datetime | None = None
        for header in headers:
            moment = header_datetime(header, order)
            if moment is None:
                count += 1
                continue
            if previous is not None and moment < previous:
                count += 1
            previous = moment
        return count

    dmy, mdy = backwards("dmy"), backwards("mdy")
    if mdy < dmy:
        return "mdy", "month first (messages run forward in time)"
    if dmy < mdy:
        return "dmy", "day first (messages run forward in time)"
    # Undecidable from the file: phones set to English (US) write month first with a 12-hour
    # clock; Romanian, Ukrainian and English (UK) phones write the day first.
    if any(h.ampm for h in headers):
        return "mdy", "month first (assumed: 12-hour clock, ambiguous dates)"
    return "dmy", "day first (assumed: ambiguous dates)"


def split_sender(rest: str) -> tuple[str, str, str]:
    """(sender, text, kind): a line without "Name: " is a system line (kind "service")."""
    match = _SENDER.match(rest)
    if match is None:
        return "", rest, "service"
    return match["sender"].strip(), match["text"] or "", "message"


def find_media(text: str, media_names: frozenset[str]) -> tuple[MediaRef | None, str]:
    """The attachment a message's text names, and the text left (its caption)."""
    plain = _LEADING_MARKS.sub("", text)
    if plain.strip().casefold() in _OMITTED:
        return MediaRef(path="", kind="media", included=False), ""
    for pattern in (_ANDROID_FILE, _IOS_FILE):
        match = pattern.match(plain)
        if match is None:
            continue
        name = _LEADING_MARKS.sub("", match["name"]).strip()
        known = name in media_names
        if (
            not known
            and match["note"].strip().casefold() not in _ATTACHED_NOTES
            and pattern is not _IOS_FILE
        ):
            continue
        return MediaRef(path=name, kind=_media_kind(name)), match["caption"] or ""
    return None, text


def _media_kind(name: str) -> str:
    upper = name.upper()
    for marker, kind in (
        ("PHOTO", "photo"),
        ("IMG", "photo"),
        ("VID", "video"),
        ("AUDIO", "audio"),
        ("PTT", "voice_message"),
        ("STICKER", "sticker"),
        ("STK", "sticker"),
        ("DOC", "file"),
    ):
        if marker in upper:
            return kind
    return "file"


def chat_title(file_name: str) -> str:
    stem = PurePosixPath(file_name.replace("\\", "/")).stem
    for prefix in _TITLE_PREFIXES:
        if stem.startswith(prefix):
            return stem[len(prefix) :].strip() or stem
    return stem


def parse_whatsapp(
    text: str,
    *,
    file_name: str = "",
    media_names: frozenset[str] = frozenset(),
    chat_format: ChatFormat = ChatFormat.WHATSAPP_TEXT,
) -> ParsedExport:
    """Parse the text of a WhatsApp export; ``media_names`` are the files that came with it."""
    lines = text.split("\n")
    starts: list[tuple[int, Header]] = []
    for index, line in enumerate(lines):
        header = parse_header(line.rstrip("\r"))
        if header is not None:
            starts.append((index, header))
            if len(starts) > MAX_MESSAGES:
                raise ChatExportTooLargeError(f"more than {MAX_MESSAGES} messages")
    if not starts:
        raise ChatExportError("no WhatsApp message line found")
    order, reason = choose_order([h for _, h in starts])
    conversation = ParsedConversation(title=chat_title(file_name) if file_name else "")
    messages = conversation.messages
    current: ParsedMessage | None = None
    extra: list[str] = []
    cut = 0
    # A header whose date is impossible in the chosen order is text that looks like a header.
    header_at = {index: header for index, header in starts}

    def close() -> None:
        nonlocal cut
        if current is None:
            return
        body = "\n".join([current.text, *extra]) if extra else current.text
        if len(body) > MAX_MESSAGE_CHARS:
            body = body[:MAX_MESSAGE_CHARS]
            cut += 1
        media, caption = find_media(body, media_names)
        if media is not None:
            current.media.append(media)
            body = caption
        current.text = body

    for index, raw in enumerate(lines):
        line = raw.rstrip("\r")
        header = header_at.get(index)
        local = None if header is None else header_datetime(header, order)
        if header is None or local is None:
            if current is None:
                if line.strip():
                    log.debug("text before the first WhatsApp message line ignored")
                continue
            if sum(len(e) for e in extra) <= MAX_MESSAGE_CHARS:
                extra.append(line)
            continue
        close()
        extra = []
        sender, body, kind = split_sender(header.rest)
        current = ParsedMessage(
            seq=len(messages) + 1,
            source_id=str(len(messages) + 1),
            local=local,
            moment=None,
            sender=sender,
            text=body,
            kind=kind,
        )
        messages.append(current)
    close()
    # Trailing blank lines of the file are not part of the last message.
    if messages:
        messages[-1].text = messages[-1].text.rstrip("\n")
    notes = {"date_order": order, "date_order_reason": reason}
    if cut:
        notes["shortened_messages"] = str(cut)
    styles = {h.style for _, h in starts}
    notes["line_format"] = "+".join(sorted(styles))
    log.info("WhatsApp export parsed: %d messages, %s", len(messages), order)
    return ParsedExport(Platform.WHATSAPP, chat_format, [conversation], notes)
