"""Text out of evidence files, in memory, and phone numbers out of text, for the search index.

Extraction reads bytes already decrypted into memory (``EvidenceService`` streams them out of
the vault): nothing here opens a path, writes a file or calls a program, so no plaintext copy
of an original exists at any moment (DESIGN §9). Every extractor is given hostile input in
mind: sizes are capped, a failure is an outcome (``failed``) and never stops an ingest.

Phone numbers are indexed in one normalised form, the E.164 digits ("40721000111"), so that a
number typed or stored in any format ("0721 000 111", "+40-721-000-111", "0040 721 000 111")
finds every other writing of it (:func:`phone_terms`, :func:`query_phones`).
"""

from __future__ import annotations

import codecs
import html.parser
import io
import json
import logging
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any
from xml.etree import ElementTree

import phonenumbers

log = logging.getLogger(__name__)

#: Originals larger than this are not read into memory for their text (a video is not text).
MAX_INPUT_BYTES = 64 * 1024 * 1024
#: At most this much text is kept per item (about 600 pages of dense prose).
MAX_TEXT_CHARS = 2_000_000
#: Unpaged text is indexed in chunks of about this size, so that a snippet of a long chat
#: export is cut from a chunk and not from megabytes of text.
CHUNK_CHARS = 16_000
MAX_PDF_PAGES = 3000
#: A member of a .docx/.odt/.zip larger than this (uncompressed) is skipped: a zip bomb guard.
MAX_MEMBER_BYTES = 32 * 1024 * 1024
DEFAULT_REGION = "RO"
#: Where a number typed into a search without its country code may be from: the programme's
#: countries (as ``intake.entities.PROGRAMME_REGIONS``), Romania first.
QUERY_REGIONS = ("RO", "UA", "MD", "PL", "HU", "BG")

_TEXT_SUFFIXES = {".txt", ".text", ".log", ".md", ".csv", ".tsv", ".eml", ".vcf", ".srt"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True)
class Page:
    """One indexed piece of an item's text: a PDF page (``number`` from 1) or a chunk (0)."""

    number: int
    text: str


@dataclass(frozen=True)
class Extracted:
    """What extraction found: the pieces, and which extractor (``""`` when none applies)."""

    extractor: str
    pages: tuple[Page, ...] = ()

    @property
    def chars(self) -> int:
        return sum(len(p.text) for p in self.pages)


def extractor_for(filename: str, media_type: str) -> str:
    """Which extractor reads this item ("" for none: pictures, audio, video, unknown binary)."""
    suffix = PurePath(filename).suffix.lower()
    if media_type == "application/pdf" or suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    if suffix == ".odt":
        return "odt"
    if suffix == ".json" or media_type == "application/json":
        return "json"
    if suffix in _HTML_SUFFIXES or media_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if suffix == ".zip" or media_type == "application/zip":
        # A .docx or .odt renamed, or a chat export (WhatsApp, Telegram) as a ZIP: decided by
        # what it holds.
        return "zip"
    if suffix in _TEXT_SUFFIXES or media_type.startswith("text/"):
        return "text"
    return ""


def extract(data: bytes, filename: str, media_type: str) -> Extracted:
    """The text of one original whose plaintext bytes are ``data``. Raises on unreadable input
    (the caller records the failure); returns no pages when no extractor applies."""
    kind = extractor_for(filename, media_type)
    if not kind:
        return Extracted("")
    if kind == "pdf":
        return Extracted(kind, _capped(_pdf_pages(data)))
    text = _EXTRACTORS[kind](data)
    return Extracted(kind, _chunks(text[:MAX_TEXT_CHARS]))


def _capped(pages: Iterable[Page]) -> tuple[Page, ...]:
    kept: list[Page] = []
    total = 0
    for page in pages:
        if not page.text.strip():
            continue
        text = page.text[: MAX_TEXT_CHARS - total]
        kept.append(Page(page.number, text))
        total += len(text)
        if total >= MAX_TEXT_CHARS:
            break
    return tuple(kept)


def _chunks(text: str) -> tuple[Page, ...]:
    """Unpaged text cut on line ends near :data:`CHUNK_CHARS`."""
    pieces: list[Page] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            newline = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            end = newline + 1 if newline > 0 else end
        piece = text[start:end]
        if piece.strip():
            pieces.append(Page(0, piece))
        start = end
    return tuple(pieces)


# Plain text ------------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> str:
    """Text of unknown encoding: a BOM, else UTF-8, else the likelier of the two legacy code
    pages this work meets (Windows-1251 for Cyrillic, Windows-1250 for Romanian)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    cyrillic = data.decode("cp1251", errors="replace")
    latin = data.decode("cp1250", errors="replace")

    # Cyrillic text decoded as 1250 is a soup of accented capitals; as 1251 it is letters in
    # the Cyrillic block. Count which reading has more lower-case letters.
    def lower(text: str) -> int:
        return sum(1 for ch in text if ch.islower())

    return cyrillic if lower(cyrillic) > lower(latin) else latin


def _text(data: bytes) -> str:
    return decode_text(data)


# HTML ------------------------------------------------------------------------------------------


class _HtmlText(html.parser.HTMLParser):
    _SKIP = frozenset({"script", "style", "head", "template"})
    _BLOCK = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "table", "section"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    return _tidy("".join(parser.parts))


def _html(data: bytes) -> str:
    return html_text(decode_text(data))


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# JSON chat exports ------------------------------------------------------------------------------


def _json(data: bytes) -> str:
    """Every string of a JSON document, one per line, keys left out.

    Telegram's ``result.json`` keeps a message's text as a string or as a list of strings and
    ``{"type": …, "text": …}`` pieces; a walk over all values reads both, and the sender names
    and dates that sit next to them, in document order.
    """
    document = json.loads(decode_text(data))
    lines: list[str] = []
    for value in _strings(document):
        if len(lines) >= MAX_TEXT_CHARS // 4:
            break
        value = value.strip()
        if value:
            lines.append(value)
    return "\n".join(lines)


def _strings(value: Any) -> Iterator[str]:
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            # Values only: keys are the exporter's vocabulary ("from_id", "text_entities").
            stack.extend(reversed([v for k, v in item.items() if k != "text_entities"]))
        elif isinstance(item, list):
            stack.extend(reversed(item))


# Office documents and ZIP chat exports -----------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_DOCX_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")


def _member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_MEMBER_BYTES:
        raise ValueError("archive member too large")
    with archive.open(info) as handle:
        data = handle.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise ValueError("archive member too large")
    return data


def _xml(data: bytes) -> ElementTree.Element:
    """Parse an office document's XML part. Those parts never declare a DTD: one that does is
    refused, which shuts out entity expansion ("billion laughs") and external entities."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError("XML with a document type declaration")
    return ElementTree.fromstring(data)  # noqa: S314 - no DTD, checked just above


def _docx_xml(data: bytes) -> str:
    parts: list[str] = []
    for element in _xml(data).iter():
        tag = element.tag
        if tag == f"{_W}t" and element.text:
            parts.append(element.text)
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr", f"{_W}p"):
            parts.append("\n")
    return _tidy("".join(parts))


def _odt_xml(data: bytes) -> str:
    lines: list[str] = []
    for element in _xml(data).iter():
        if element.tag in (f"{_ODF_TEXT}p", f"{_ODF_TEXT}h"):
            lines.append("".join(element.itertext()))
    return _tidy("\n".join(lines))


def _docx_archive(archive: zipfile.ZipFile) -> str:
    names = sorted(n for n in archive.namelist() if _DOCX_PARTS.match(n))
    # The body first, then headers, footers and notes.
    names.sort(key=lambda n: n != "word/document.xml")
    return "\n".join(_docx_xml(_member(archive, n)) for n in names)


def _docx(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _docx_archive(archive)


def _odt(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _odt_xml(_member(archive, "content.xml"))


def _zip(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        if "word/document.xml" in names:
            return _docx_archive(archive)
        if "content.xml" in names and "mimetype" in names:
            return _odt_xml(_member(archive, "content.xml"))
        # A chat export: its text members (WhatsApp's _chat.txt, Telegram's result.json or
        # messages.html); pictures and voice notes inside are not text.
        texts: list[str] = []
        total = 0
        for name in sorted(names):
            kind = extractor_for(name, "")
            if kind not in ("text", "json", "html") or name.endswith("/"):
                continue
            text = _EXTRACTORS[kind](_member(archive, name))
            texts.append(text)
            total += len(text)
            if total >= MAX_TEXT_CHARS:
                break
        return "\n".join(texts)


# PDF -------------------------------------------------------------------------------------------


def _pdf_pages(data: bytes) -> Iterator[Page]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        # An empty user password opens most "protected" PDFs (printing or copying restricted).
        reader.decrypt("")
    for number, page in enumerate(reader.pages, start=1):
        if number > MAX_PDF_PAGES:
            break
        try:
            text = page.extract_text() or ""
        except Exception:  # noqa: BLE001 - one bad page must not lose the others
            log.info("a PDF page's text could not be read")
            continue
        yield Page(number, _tidy(text))


_EXTRACTORS = {
    "text": _text,
    "html": _html,
    "json": _json,
    "docx": _docx,
    "odt": _odt,
    "zip": _zip,
}


# Phone numbers ---------------------------------------------------------------------------------

#: A run that may be a phone number: an optional + or 00, then digits with the separators
#: people write ("0721 000 111", "(0721) 000-111", "+40.721.000.111").
PHONE_RUN = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d \t().\-/]{4,24}\d(?![\w])")
_MIN_DIGITS = 7
_MAX_DIGITS = 15


def region_of(jurisdiction: str) -> str:
    """The phone region a case's jurisdiction names ("RO", "ro", "UA"), else Romania."""
    code = jurisdiction.strip().upper()[:2]
    if len(code) == 2 and code in phonenumbers.SUPPORTED_REGIONS:
        return code
    return DEFAULT_REGION


def e164_digits(raw: str, region: str = DEFAULT_REGION) -> str | None:
    """The E.164 digits ("40721000111") of a possible phone number, or ``None``."""
    digits = sum(ch.isdigit() for ch in raw)
    if not _MIN_DIGITS <= digits <= _MAX_DIGITS + 2:  # "0040" adds two digits to E.164's 15
        return None
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164).lstrip("+")


def _candidates(run: str) -> Iterator[str]:
    """The run, and when it is too long to be one number, its word groups: two numbers written
    side by side ("0721 000 111 0722 111 222") are tried as every span of groups."""
    yield run
    if sum(ch.isdigit() for ch in run) <= _MAX_DIGITS + 2:
        return
    groups = run.split()
    for start in range(len(groups)):
        for end in range(start + 1, min(len(groups), start + 6) + 1):
            if end - start < len(groups):
                yield " ".join(groups[start:end])


def phone_terms(text: str, region: str = DEFAULT_REGION) -> list[str]:
    """The E.164 digits of every phone number written in ``text``, once each, in order."""
    found: dict[str, None] = {}
    if sum(ch.isdigit() for ch in text[:MAX_TEXT_CHARS]) < _MIN_DIGITS:
        return []
    for match in PHONE_RUN.finditer(text):
        for candidate in _candidates(match.group(0).strip(" \t.-/")):
            digits = e164_digits(candidate, region)
            if digits is not None:
                found.setdefault(digits)
    return list(found)


def phone_spans(text: str, wanted: set[str], region: str = DEFAULT_REGION) -> list[tuple[int, int]]:
    """Where in ``text`` a number whose E.164 digits are in ``wanted`` is written (start, end)."""
    spans: list[tuple[int, int]] = []
    for match in PHONE_RUN.finditer(text):
        run = match.group(0)
        if e164_digits(run.strip(" \t.-/"), region) in wanted:
            spans.append((match.start(), match.end()))
            continue
        for candidate in _candidates(run.strip(" \t.-/")):
            if candidate != run.strip(" \t.-/") and e164_digits(candidate, region) in wanted:
                start = text.find(candidate, match.start())
                spans.append((start, start + len(candidate)))
                break
    return spans
