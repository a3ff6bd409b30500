"""Is this file a chat export, and of which kind? Decided from its name and first bytes only."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

from intake.chats.model import ChatFormat
from intake.chats.whatsapp import parse_header

log = logging.getLogger(__name__)

_HEAD = 64 * 1024
_JSON_KEYS = (b'"messages"', b'"chats"', b'"personal_information"')


def detect_bytes(name: str, head: bytes) -> ChatFormat | None:
    """The chat format of a file called ``name`` that starts with ``head``, if it is one."""
    lower = name.lower()
    if head.startswith(b"PK\x03\x04"):
        return ChatFormat.WHATSAPP_ZIP if lower.endswith(".zip") else None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if lower.endswith(".json") and stripped.startswith(b"{"):
        # Telegram writes "name", "type", "id" first and then "messages"; a full export opens
        # with "about" and "personal_information".
        if any(key in head for key in _JSON_KEYS):
            return ChatFormat.TELEGRAM_JSON
        return None
    if lower.endswith(".txt"):
        text = head.decode("utf-8", errors="replace")
        lines = [line for line in text.split("\n")[:20] if line.strip()]
        if lines and sum(parse_header(line.rstrip("\r")) is not None for line in lines[:5]) >= 1:
            return ChatFormat.WHATSAPP_TEXT
    return None


def detect(path: Path) -> ChatFormat | None:
    """The chat format of the file at ``path`` (``None`` for anything else, or unreadable)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD)
    except OSError:
        return None
    found = detect_bytes(path.name, head)
    if found is ChatFormat.WHATSAPP_ZIP:
        try:
            with zipfile.ZipFile(path) as archive:
                names = [n.rsplit("/", 1)[-1] for n in archive.namelist()[:100_000]]
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        chat_texts = [n for n in names if n == "_chat.txt" or "whatsapp" in n.lower()]
        if not any(n.lower().endswith(".txt") for n in chat_texts):
            return None
    return found
