"""Which encoding a text file is in: byte-order marks, then UTF-8, then a guess among the
encodings our users' files come in (Cyrillic and Central European Windows and KOI8 code pages).
"""

from __future__ import annotations

import codecs
import logging

from charset_normalizer import from_bytes

log = logging.getLogger(__name__)

# Old Windows and Linux exports from Ukraine, Moldova, Romania and their neighbours.
CANDIDATES = ("cp1251", "koi8_u", "cp1250", "iso8859_2", "iso8859_16", "cp1252", "koi8_r")
CHOICES = ("utf-8", "utf-16", *CANDIDATES)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(data: bytes) -> str:
    """A Python codec name for ``data``; never raises."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # A file cut short inside a multi-byte character is still UTF-8.
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
    if data[:200].count(b"\x00") > 20:
        return "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
    best = from_bytes(data[: 256 * 1024], cp_isolation=list(CANDIDATES)).best()
    return best.encoding if best is not None else "cp1252"


def decode(data: bytes, encoding: str) -> str:
    return data.decode(encoding, errors="replace")
