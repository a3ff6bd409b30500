"""Phone numbers, e-mails, links and handles found in a message, normalised as entities.

Numbers without a country code are read in the case's jurisdiction, then in the programme's
countries (see :func:`intake.entities.phone_regions`). Dates and times look like numbers to a
phone parser ("12.03.2026" is a valid Budapest number), so a local number must start with its
trunk prefix 0, or be nine digits written in groups (Polish numbers have no prefix).
"""

from __future__ import annotations

import logging
import re

from intake.entities import normalise_email, normalise_phone_in, normalise_social, normalise_url
from intake.errors import InvalidEntityError
from intake.models import EntityKind

log = logging.getLogger(__name__)

Found = tuple[EntityKind, str, str]  # kind, linking value, display

_PHONE = re.compile(r"(?<![\w+/@.=-])(?:\+|00)?\d[\d \u00a0().\-]{5,20}\d(?![\w@])")
_DATE_LIKE = re.compile(r"^\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}$")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63})+")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'«»]{2,2000}", re.IGNORECASE)
_BARE_SOCIAL = re.compile(
    r"(?<![\w./@])(?:t\.me|telegram\.me|wa\.me|instagram\.com|facebook\.com|tiktok\.com)"
    r"/[\w.\-/?=&]{1,200}",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w@./])@([A-Za-z][A-Za-z0-9_]{3,31})(?![\w@])")
_MENTIONED_NUMBER = re.compile(r"(?<![\w@])@(\d{8,15})(?!\w)")
_TRAILING = ".,;:!?)]}»\"'"
MAX_PER_MESSAGE = 50


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def phones(text: str, regions: tuple[str, ...]) -> list[Found]:
    found: list[Found] = []
    for match in _PHONE.finditer(text):
        raw = match.group(0).strip(" .-()\u00a0")
        digits = _digits(raw)
        if not 8 <= len(digits) <= 15 or _DATE_LIKE.match(raw):
            continue
        international = raw.startswith(("+", "00"))
        if not international and not (
            digits.startswith("0") or (len(digits) == 9 and any(not c.isdigit() for c in raw))
        ):
            continue
        try:
            value, display = normalise_phone_in(raw, regions)
        except InvalidEntityError:
            continue
        found.append((EntityKind.PHONE, value, display))
    for match in _MENTIONED_NUMBER.finditer(text):
        # WhatsApp writes a mention of someone not in the contacts as "@40721000111".
        try:
            value, display = normalise_phone_in("+" + match.group(1), regions)
        except InvalidEntityError:
            continue
        found.append((EntityKind.PHONE, value, display))
    return found


def _social(raw: str, platform: str | None) -> Found | None:
    try:
        value, display = normalise_social(raw, platform)
    except InvalidEntityError:
        return None
    return EntityKind.SOCIAL, value, display


def links(text: str) -> list[Found]:
    found: list[Found] = []
    spans: list[tuple[int, int]] = []
    for pattern in (_URL, _BARE_SOCIAL):
        for match in pattern.finditer(text):
            if any(a <= match.start() < b for a, b in spans):
                continue
            raw = match.group(0).rstrip(_TRAILING)
            spans.append((match.start(), match.start() + len(raw)))
            try:
                value, display = normalise_url(raw)
            except InvalidEntityError:
                continue
            found.append((EntityKind.URL, value, display))
            social = _social(raw, None)
            if social is not None:
                found.append(social)
    return found


def emails(text: str) -> list[Found]:
    found: list[Found] = []
    for match in _EMAIL.finditer(text):
        try:
            value, display = normalise_email(match.group(0).rstrip(_TRAILING))
        except InvalidEntityError:
            continue
        found.append((EntityKind.EMAIL, value, display))
    return found


def handles(text: str, platform: str | None) -> list[Found]:
    found: list[Found] = []
    for match in _HANDLE.finditer(text):
        social = _social("@" + match.group(1), platform)
        if social is not None:
            found.append(social)
    return found


def marked(pairs: list[tuple[str, str]], regions: tuple[str, ...], platform: str) -> list[Found]:
    """The entities an export marks itself (Telegram's text entities)."""
    found: list[Found] = []
    for kind, raw in pairs:
        try:
            if kind == "phone":
                value, display = normalise_phone_in(raw, regions)
                found.append((EntityKind.PHONE, value, display))
            elif kind == "email":
                found += emails(raw)
            elif kind == "url":
                found += links(raw if "://" in raw else "https://" + raw)
            elif kind == "social":
                social = _social(raw, platform)
                if social is not None:
                    found.append(social)
            elif kind == "bank_account":
                digits = _digits(raw)
                if 12 <= len(digits) <= 19:
                    found.append((EntityKind.BANK_ACCOUNT, digits, raw.strip()))
        except InvalidEntityError:
            continue
    return found


def find_all(
    text: str,
    *,
    regions: tuple[str, ...],
    platform: str | None,
    marked_pairs: list[tuple[str, str]] | None = None,
) -> list[Found]:
    """Every entity in ``text`` (and the export's own marks), each once, at most 50."""
    found: list[Found] = []
    if marked_pairs:
        found += marked(marked_pairs, regions, platform or "unspecified")
    if text:
        # Cheap guards first: most messages hold none of these.
        if sum(ch.isdigit() for ch in text) >= 8:
            found += phones(text, regions)
        if "@" in text:
            found += emails(text)
            found += handles(text, platform)
        if "." in text and ("/" in text or "www" in text.casefold()):
            found += links(text)
    unique = list(dict.fromkeys(found))
    return unique[:MAX_PER_MESSAGE]
