"""Telegram Desktop's JSON export (``result.json``), with only the standard library.

Two shapes: one chat (``{"name", "type", "id", "messages": [...]}``) or a full data export
(``{"personal_information", "contacts", "chats": {"list": [chat...]}, "left_chats": {...}}``).
A message's ``text`` is a string or a list of strings and ``{"type", "text"}`` pieces; the
pieces (and ``text_entities``) mark phones, e-mails, links and mentions, which become entities.
Media fields hold paths relative to the export's folder, or a sentence such as "(File not
included. Change data exporting settings to download.)".
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from intake.chats.errors import ChatExportError, ChatExportTooLargeError
from intake.chats.model import (
    MAX_CONVERSATIONS,
    MAX_MEDIA,
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

_MEDIA_FIELDS = ("photo", "file")
#: Text entity types and the entity kind they name.
_ENTITY_TYPES = {
    "phone": "phone",
    "email": "email",
    "link": "url",
    "mention": "social",
    "bank_card": "bank_account",
}
_MAX_OFFSET = timedelta(hours=14)


def _text(value: object, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise ChatExportError(f"{where}: a text field has the wrong type")


def _name(value: object, where: str) -> str:
    return _text(value, where)[:MAX_NAME_CHARS]


def _flatten(value: object, where: str, marked: list[tuple[str, str]]) -> str:
    """A message's text as plain text, collecting the pieces the export marks as entities."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return _text(value, where)
    parts: list[str] = []
    for piece in value:
        if isinstance(piece, str):
            parts.append(piece)
        elif isinstance(piece, dict):
            text = _text(piece.get("text"), where)
            parts.append(text)
            _mark(piece, text, marked)
        else:
            raise ChatExportError(f"{where}: a text piece has the wrong type")
    return "".join(parts)


def _mark(piece: dict[str, Any], text: str, marked: list[tuple[str, str]]) -> None:
    kind = piece.get("type")
    if kind == "text_link" and isinstance(piece.get("href"), str):
        marked.append(("url", piece["href"]))
    elif isinstance(kind, str) and kind in _ENTITY_TYPES and text:
        marked.append((_ENTITY_TYPES[kind], text))


def _local(value: object, where: str) -> datetime:
    text = _text(value, where)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ChatExportError(f"{where}: a date cannot be read") from exc
    return moment.replace(tzinfo=None)


def _moment(local: datetime, unixtime: object) -> datetime | None:
    """The aware moment of ``local``, in the export's own offset, from ``date_unixtime``."""
    if unixtime is None:
        return None
    try:
        seconds = int(str(unixtime))
        utc = datetime.fromtimestamp(seconds, UTC)
    except (ValueError, OverflowError, OSError):
        return None
    offset = local - utc.replace(tzinfo=None)
    # Offsets are whole minutes; a stray second of rounding would show as "+02:00:01".
    offset = timedelta(minutes=round(offset.total_seconds() / 60))
    if abs(offset) > _MAX_OFFSET:
        return None
    return utc.astimezone(timezone(offset))


def _message(raw: object, seq: int, where: str, media_count: list[int]) -> ParsedMessage:
    if not isinstance(raw, dict):
        raise ChatExportError(f"{where}: a message is not an object")
    local = _local(raw.get("date"), where)
    marked: list[tuple[str, str]] = []
    kind = "service" if raw.get("type") == "service" else "message"
    text = _flatten(raw.get("text"), where, marked)
    entities = raw.get("text_entities")
    if isinstance(entities, list):
        marked.clear()  # the same pieces, listed again: read them once
        for piece in entities:
            if isinstance(piece, dict):
                _mark(piece, _text(piece.get("text"), where), marked)
    if kind == "service":
        action = _text(raw.get("action"), where)
        members = raw.get("members")
        extra = ""
        if isinstance(members, list):
            extra = ", ".join(_name(m, where) for m in members if m is not None)
        title = _text(raw.get("title"), where) if isinstance(raw.get("title"), str) else ""
        text = " ".join(p for p in (f"[{action}]" if action else "", title, extra, text) if p)
    contact = raw.get("contact_information")
    if isinstance(contact, dict) and isinstance(contact.get("phone_number"), str):
        marked.append(("phone", contact["phone_number"]))
    media: list[MediaRef] = []
    for field in _MEDIA_FIELDS:
        value = raw.get(field)
        if value is None:
            continue
        path = _text(value, where)
        included = not (path.startswith("(") and path.endswith(")"))
        kind_name = field if field == "photo" else _text(raw.get("media_type"), where) or "file"
        media.append(
            MediaRef(
                path=path if included else "",
                kind=kind_name,
                mime_type=_text(raw.get("mime_type"), where)[:100],
                included=included,
            )
        )
        media_count[0] += 1
        if media_count[0] > MAX_MEDIA:
            raise ChatExportTooLargeError(f"more than {MAX_MEDIA} media files")
    edited = raw.get("edited")
    source_id = raw.get("id")
    reply = raw.get("reply_to_message_id")
    sender_key, id_key = ("actor", "actor_id") if kind == "service" else ("from", "from_id")
    return ParsedMessage(
        seq=seq,
        source_id=_text(source_id, where) if source_id is not None else str(seq),
        local=local,
        moment=_moment(local, raw.get("date_unixtime")),
        sender=_name(raw.get(sender_key), where),
        sender_id=_name(raw.get(id_key), where),
        text=text[:MAX_MESSAGE_CHARS],
        kind=kind,
        reply_to=_text(reply, where) if isinstance(reply, int | str) else "",
        forwarded_from=_name(raw.get("forwarded_from"), where),
        edited=_local(edited, where) if isinstance(edited, str) else None,
        media=media,
        marked=marked,
    )


def _chat(
    raw: object, number: int, counts: list[int], media_count: list[int]
) -> ParsedConversation:
    where = f"chat {number}"
    if not isinstance(raw, dict):
        raise ChatExportError(f"{where}: not an object")
    messages = raw.get("messages")
    if not isinstance(messages, list):
        raise ChatExportError(f"{where}: no message list")
    counts[0] += len(messages)
    if counts[0] > MAX_MESSAGES:
        raise ChatExportTooLargeError(f"more than {MAX_MESSAGES} messages")
    conversation = ParsedConversation(
        title=_name(raw.get("name"), where),
        chat_type=_name(raw.get("type"), where),
        source_id=_name(raw.get("id"), where),
    )
    for index, message in enumerate(messages, start=1):
        conversation.messages.append(
            _message(message, index, f"{where} message {index}", media_count)
        )
    return conversation


def parse_telegram(data: bytes) -> ParsedExport:
    """Parse a Telegram Desktop ``result.json`` (bytes as stored)."""
    try:
        root = json.loads(data)
    except (ValueError, RecursionError) as exc:
        # RecursionError: a hostile file nested thousands of levels deep.
        raise ChatExportError("not valid JSON") from exc
    if not isinstance(root, dict):
        raise ChatExportError("not a Telegram export (no object at the top)")
    counts, media_count = [0], [0]
    raw_chats: list[object]
    notes: dict[str, str] = {}
    if isinstance(root.get("messages"), list):
        raw_chats = [root]
        notes["export"] = "single chat"
    elif isinstance(root.get("chats"), dict) and isinstance(root["chats"].get("list"), list):
        raw_chats = list(root["chats"]["list"])
        left = root.get("left_chats")
        if isinstance(left, dict) and isinstance(left.get("list"), list):
            raw_chats += left["list"]
        notes["export"] = "full export"
    else:
        raise ChatExportError("not a Telegram export (no messages or chats)")
    if len(raw_chats) > MAX_CONVERSATIONS:
        raise ChatExportTooLargeError(f"more than {MAX_CONVERSATIONS} chats")
    conversations = [
        _chat(chat, number, counts, media_count) for number, chat in enumerate(raw_chats, start=1)
    ]
    log.info("Telegram export parsed: %d chats, %d messages", len(conversations), counts[0])
    return ParsedExport(Platform.TELEGRAM, ChatFormat.TELEGRAM_JSON, conversations, notes)
