"""Redacted derivatives of evidence for partner bundles (DESIGN §8).

An original goes to a partner only as a copy that carries nothing but its content: a picture is
decoded and its pixels encoded again (EXIF, XMP, IPTC, GPS, maker notes, comments and colour
profiles do not survive, because nothing but pixels is copied); a PDF keeps its pages and loses
its document information, XMP, annotations, attachments and scripts; a text file or chat export
is redacted like a statement. What cannot be made safe is withheld, with the reason.

Everything happens in memory: no plaintext of an original or a derivative ever reaches a
temporary file. The derivative has its own SHA-256; the original's is never published.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from dataclasses import dataclass
from enum import StrEnum

from exports.matcher import Matcher, Span
from exports.model import BundleEvidence

log = logging.getLogger(__name__)

#: Originals larger than this are withheld rather than held in memory to be redacted.
MAX_DERIVE_BYTES = 64 << 20
IMAGE_EXTENSIONS = frozenset({"jpg", "jpeg", "png", "webp", "gif", "bmp", "tif", "tiff"})
TEXT_EXTENSIONS = frozenset({"txt", "csv", "tsv", "json", "log", "md", "eml", "vcf", "html"})


class WithheldReason(StrEnum):
    """Why an item stays behind in a partner bundle (the report and case.json name it)."""

    IDENTIFIES_PERSON = "identifies_person"
    NOT_REDACTABLE = "not_redactable"
    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"
    NAMES_PERSON = "names_person"


@dataclass(frozen=True)
class Derived:
    """A redacted copy: its bytes, what it is, and for text the redacted text and its spans."""

    data: bytes
    extension: str
    media_type: str
    text: str | None = None
    spans: tuple[Span, ...] = ()
    #: Pictures are checked by a person: text in the pixels cannot be read here.
    needs_eyes: bool = False


def _extension(name: str) -> str:
    match = re.search(r"\.([A-Za-z0-9]{1,8})$", name)
    return match.group(1).lower() if match else ""


def family(item: BundleEvidence) -> str:
    """'image', 'pdf', 'text' or '' (no redacted copy can be made)."""
    ext = _extension(item.original_filename)
    media = item.media_type.lower()
    if media == "application/pdf" or ext == "pdf":
        return "pdf"
    if ext in IMAGE_EXTENSIONS or (media.startswith("image/") and "svg" not in media):
        return "image"
    if ext in TEXT_EXTENSIONS or media.startswith("text/") or media == "application/json":
        return "text"
    return ""


def _read(item: BundleEvidence) -> bytes:
    buffer = bytearray()
    with item.open_original() as chunks:
        for chunk in chunks:
            buffer += chunk
            if len(buffer) > MAX_DERIVE_BYTES:
                raise OverflowError
    return bytes(buffer)


def decode_text(data: bytes) -> str | None:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is not guessed at, since
    a wrong guess would hide a name from the matcher while the bytes still carry it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _image(data: bytes, ext: str) -> Derived:
    from PIL import Image, ImageOps

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data)) as opened:
            # The orientation tag goes with the rest of EXIF: turn the pixels instead.
            shown = ImageOps.exif_transpose(opened) or opened
            shown.load()
            if shown.mode not in ("RGB", "RGBA", "L", "LA"):
                has_alpha = "A" in shown.getbands() or "transparency" in shown.info
                shown = shown.convert("RGBA" if has_alpha else "RGB")
            # Only the pixels are copied into a new image: no info, EXIF, XMP, ICC or comment.
            clean = Image.frombytes(shown.mode, shown.size, shown.tobytes())
    out = io.BytesIO()
    if ext in ("jpg", "jpeg") and clean.mode in ("RGB", "L"):
        clean.save(out, "JPEG", quality=92)
        return Derived(out.getvalue(), "jpg", "image/jpeg", needs_eyes=True)
    clean.save(out, "PNG")
    return Derived(out.getvalue(), "png", "image/png", needs_eyes=True)


def _pdf(data: bytes, matcher: Matcher) -> Derived | WithheldReason:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError
    from pypdf.generic import NameObject

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return WithheldReason.UNREADABLE
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return WithheldReason.UNREADABLE
    # Text inside a PDF cannot be blacked out reliably here: a PDF that names a protected person
    # stays behind rather than leave with the name under a box.
    if matcher.spans(text):
        return WithheldReason.NAMES_PERSON
    writer = PdfWriter()
    for page in reader.pages:
        added = writer.add_page(page)
        for key in ("/Annots", "/Metadata", "/PieceInfo", "/AA", "/Thumb"):
            if NameObject(key) in added:
                del added[NameObject(key)]
    writer.metadata = None  # no /Info: title, author, creator, producer, dates
    out = io.BytesIO()
    writer.write(out)
    return Derived(out.getvalue(), "pdf", "application/pdf")


def _text(data: bytes, ext: str, matcher: Matcher) -> Derived | WithheldReason:
    text = decode_text(data)
    if text is None:
        return WithheldReason.UNREADABLE
    redacted, spans = matcher.redact(text)
    return Derived(
        redacted.encode("utf-8"),
        ext or "txt",
        "text/plain; charset=utf-8",
        text=redacted,
        spans=tuple(spans),
    )


def derive(item: BundleEvidence, matcher: Matcher) -> Derived | WithheldReason:
    """The redacted copy of one original, or why it stays behind."""
    if item.identifies_person:
        return WithheldReason.IDENTIFIES_PERSON
    kind = family(item)
    if not kind:
        return WithheldReason.NOT_REDACTABLE
    if item.size > MAX_DERIVE_BYTES:
        return WithheldReason.TOO_LARGE
    try:
        data = _read(item)
    except OverflowError:
        return WithheldReason.TOO_LARGE
    try:
        if kind == "image":
            return _image(data, _extension(item.original_filename))
        if kind == "pdf":
            return _pdf(data, matcher)
        return _text(data, _extension(item.original_filename), matcher)
    except (OSError, ValueError, SyntaxError, MemoryError, Warning) as exc:
        # Pillow raises these for damaged or hostile pictures (and the bomb warning above).
        log.info("no redacted copy of evidence %s: %s", item.evidence_id, type(exc).__name__)
        return WithheldReason.UNREADABLE
