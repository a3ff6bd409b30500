"""Screening: "where has this phone number, handle, e-mail, company or web address appeared?"

A value is read as every kind it can be (a phone number in the programme's countries, an e-mail,
a web address, a handle on any platform, a company by registry number or name), and each
reading is looked up, without creating anything: as an entity of the vault (with every case,
person, item, statement and chat message it is linked to) and in every indexed text (statements
and addenda, chat messages, evidence text, notes), through the search index's public columns,
never the protected-identity column. Phone numbers are found in their E.164 digits, which the
index keeps for every number written in a text, so "0721 234 567" finds "+40-721-234-567".

Each screening is audited. A screened number is sensitive in itself (it says who was being looked
into), so the ledger entry, inside the encrypted database, holds the normalised readings, the
number of hits and the cases found; the log names only the screening's id and counts.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from intake._base import Columns, Service, new_id
from intake.companies import normalise_company
from intake.entities import (
    LINK,
    LINK_FROM,
    link_from_row,
    normalise_email,
    normalise_social,
    normalise_url,
)
from intake.errors import InvalidEntityError, ValidationError
from intake.extract import e164_digits
from intake.models import EntityKind, EntityLink

log = logging.getLogger(__name__)

#: The programme's countries, in the order a number without its country code is tried.
SCREENING_REGIONS: tuple[str, ...] = ("RO", "UA", "MD", "PL", "HU", "BG")
MAX_TEXT_HITS = 500
SNIPPET_CHARS = 60
_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)
_HIT_DOC = Columns(
    "d.kind AS kind",
    "d.ref_id AS ref_id",
    "d.case_id AS case_id",
    "d.parent_id AS parent_id",
    "c.reference AS case_reference",
    "s.title AS title",
    "s.body AS body",
)


class ScreeningValueError(ValidationError):
    code = "intake.screening_value"
    message = "This value is not a phone number, handle, e-mail, company or web address."


@dataclass(frozen=True)
class Reading:
    """One way to read the screened value: its kind and its normalised (linking) form."""

    kind: EntityKind
    value: str
    display: str


@dataclass(frozen=True)
class TextHit:
    """A text where a reading appears: ``kind`` is the search document's kind (statement,
    addendum, chat message, evidence text, entity note …)."""

    kind: str
    ref_id: str
    parent_id: str | None
    case_id: str | None
    case_reference: str | None
    title: str
    snippet: str  # user text: show it, never log it
    reading: Reading


@dataclass
class ScreeningResult:
    screening_id: str
    readings: list[Reading]
    links: list[tuple[Reading, EntityLink]] = field(default_factory=list)
    texts: list[TextHit] = field(default_factory=list)
    #: (entity id, message id) pairs where a chat message named the entity.
    messages: list[tuple[Reading, str, str]] = field(default_factory=list)
    limited: bool = False

    @property
    def case_references(self) -> list[str]:
        refs = {link.case_reference for _, link in self.links}
        refs |= {hit.case_reference for hit in self.texts if hit.case_reference}
        return sorted(refs)

    @property
    def found(self) -> bool:
        return bool(self.links or self.texts or self.messages)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _phone(raw: str) -> Reading | None:
    """The first programme country where ``raw`` is a valid number (as written if it has a
    country code)."""
    import phonenumbers

    text = raw.strip()
    if not re.fullmatch(r"[+(]?[\d \t().\-/]{6,30}", text):
        return None
    text = "+" + text[2:] if text.startswith("00") else text
    for region in SCREENING_REGIONS:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            return None
        if phonenumbers.is_valid_number(number):
            return Reading(
                EntityKind.PHONE,
                phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
                phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
            )
        if text.startswith("+"):
            return None
    return None


def readings(raw: str) -> list[Reading]:
    """Every kind ``raw`` can be read as, most specific first; empty when none."""
    text = " ".join(raw.split())
    if not text:
        return []
    found: list[Reading] = []
    phone = _phone(text)
    if phone is not None:
        found.append(phone)
    attempts: list[tuple[EntityKind, Any]] = []
    if "@" in text.strip("@") and " " not in text:
        attempts.append((EntityKind.EMAIL, normalise_email))
    elif " " not in text and ("/" in text or "." in text) and not text.startswith("@"):
        attempts.append((EntityKind.URL, normalise_url))
    if " " not in text and (phone is None or text.startswith("@")):
        attempts.append((EntityKind.SOCIAL, normalise_social))
    # Always: "18547290" is a valid CUI and a valid Hungarian number; both are looked up.
    attempts.append((EntityKind.COMPANY, normalise_company))
    for kind, normalise in attempts:
        try:
            value, display = normalise(text)
        except (InvalidEntityError, ValueError):
            continue
        if value.startswith("name:") and (
            not any(ch.isalpha() for ch in text)
            or any(r.kind in (EntityKind.EMAIL, EntityKind.URL) for r in found)
        ):
            continue  # digits and signs, or an address, are no company's name
        found.append(Reading(kind, value, display))
    # A handle typed through its link ("t.me/name") reads as both; the web address stays too.
    return list(dict.fromkeys(found))


def _snippet(text: str, start: int, end: int) -> str:
    left = max(0, start - SNIPPET_CHARS)
    right = min(len(text), end + SNIPPET_CHARS)
    return (
        ("…" if left else "")
        + " ".join(text[left:right].split())
        + ("…" if right < len(text) else "")
    )


def _text_query(reading: Reading) -> tuple[str, re.Pattern[str] | None]:
    """The FTS5 expression over the public columns, and the pattern that confirms a match in
    the text (None: the FTS match is enough)."""
    if reading.kind is EntityKind.PHONE:
        return f'extra : "{reading.value.lstrip("+")}"', None
    if reading.kind is EntityKind.SOCIAL:
        handle = reading.value.split(":", 1)[1]
        words = handle
        pattern = rf"(?<![\w.@]){re.escape(handle)}(?![\w@])|[@/]{re.escape(handle)}(?!\w)"
    elif reading.kind is EntityKind.EMAIL:
        words = reading.value
        pattern = re.escape(reading.value)
    elif reading.kind is EntityKind.URL:
        words = re.sub(r"^https?://", "", reading.value).rstrip("/")
        pattern = re.escape(words).replace(r"www\.", "(?:www\\.)?")
    elif reading.value.startswith("name:"):
        words = reading.value.removeprefix("name:")
        pattern = r"(?<!\w)" + r"\W+".join(map(re.escape, words.split())) + r"(?!\w)"
    else:
        _country, digits = reading.value.split(":", 1)
        words = digits
        pattern = rf"(?<!\d){re.escape(digits)}(?!\d)"
    tokens = _FTS_TOKEN.findall(_fold(words))
    if not tokens:
        return "", None
    phrase = '"' + " ".join(tokens) + '"'
    return f"{{title body}} : {phrase}", re.compile(pattern, re.IGNORECASE)


class ScreeningService(Service):
    def screen(self, raw: str) -> ScreeningResult:
        """Where the value ``raw`` appears in the vault; audited, creates nothing else."""
        found = readings(raw)
        if not found:
            raise ScreeningValueError()
        result = ScreeningResult(new_id(), found)
        for reading in found:
            self._entities(reading, result)
            self._texts(reading, result)
        cases = sorted(
            {link.case_id for _, link in result.links}
            | {hit.case_id for hit in result.texts if hit.case_id}
        )
        with self._vault.transaction() as tx:
            tx.audit(
                "screening.performed",
                result.screening_id,
                {
                    "readings": [{"kind": str(r.kind), "value": r.value} for r in found],
                    "entity_links": len(result.links),
                    "texts": len(result.texts),
                    "messages": len(result.messages),
                    "cases": cases,
                },
            )
        log.info(
            "screening %s: %d links, %d texts, %d cases",
            result.screening_id,
            len(result.links),
            len(result.texts),
            len(cases),
        )
        return result

    def _entities(self, reading: Reading, result: ScreeningResult) -> None:
        if reading.kind is EntityKind.SOCIAL and reading.value.startswith("unspecified:"):
            # A handle typed without its platform: the same handle on any platform.
            where, params = (
                "e.kind = ? AND e.value LIKE ? ESCAPE '\\'",
                [
                    str(reading.kind),
                    "%:" + reading.value.split(":", 1)[1].replace("%", "\\%").replace("_", "\\_"),
                ],
            )
        else:
            where, params = "e.kind = ? AND e.value = ?", [str(reading.kind), reading.value]
        rows = LINK.fetch_all(
            self._vault, f"{LINK_FROM} WHERE {where} ORDER BY c.reference, l.created_at", params
        )
        result.links.extend((reading, link_from_row(r)) for r in rows)
        if self._has_table("message_entities"):
            ids = sorted({link.entity.entity_id for r, link in result.links if r is reading})
            for entity_id in ids:
                for row in self._vault.read(
                    "SELECT message_id FROM message_entities WHERE entity_id = ?", (entity_id,)
                ):
                    result.messages.append((reading, entity_id, str(row[0])))

    def _has_table(self, name: str) -> bool:
        row = self._vault.read_one(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        )
        return row is not None

    def _texts(self, reading: Reading, result: ScreeningResult) -> None:
        expression, pattern = _text_query(reading)
        if not expression:
            return
        try:
            rows = _HIT_DOC.rows(
                self._vault.read(
                    f"SELECT {_HIT_DOC.sql} FROM search_index s"
                    " JOIN search_docs d ON d.doc_id = s.rowid"
                    " LEFT JOIN cases c ON c.case_id = d.case_id"
                    " WHERE search_index MATCH ? AND d.kind NOT IN ('identity', 'entity')"
                    " ORDER BY c.reference, d.kind LIMIT ?",
                    (expression, MAX_TEXT_HITS + 1),
                )
            )
        except Exception:  # noqa: BLE001 - a value FTS5 cannot parse finds no text, not an error
            log.info("screening %s: a reading could not be searched", result.screening_id)
            return
        if len(rows) > MAX_TEXT_HITS:
            result.limited = True
            rows = rows[:MAX_TEXT_HITS]
        for row in rows:
            text = f"{row['title']}\n{row['body']}"
            snippet = ""
            if reading.kind is EntityKind.PHONE:
                snippet = self._phone_snippet(text, reading.value)
            elif pattern is not None:
                match = pattern.search(text) or pattern.search(_fold(text))
                if match is None:
                    continue  # the words are there, but not as this value
                snippet = _snippet(text, match.start(), match.end())
            result.texts.append(
                TextHit(
                    kind=str(row["kind"]),
                    ref_id=str(row["ref_id"]),
                    parent_id=row["parent_id"],
                    case_id=row["case_id"],
                    case_reference=row["case_reference"],
                    title=str(row["title"]),
                    snippet=snippet,
                    reading=reading,
                )
            )

    @staticmethod
    def _phone_snippet(text: str, e164: str) -> str:
        wanted = e164.lstrip("+")
        for match in re.finditer(r"(?:\+|00)?\(?\d[\d \t().\-/]{4,24}\d", text):
            for region in SCREENING_REGIONS:
                if e164_digits(match.group(0).strip(" \t.-/"), region) == wanted:
                    return _snippet(text, match.start(), match.end())
        return " ".join(text.split())[: 2 * SNIPPET_CHARS]
