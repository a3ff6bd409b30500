"""Fingerprints a person types or reads out, as pins for ``--expect-key`` (DESIGN §6.1, §6.5).

A pin confirms a signer only when it names one key: a shortened or mistyped fingerprint is
refused as a usage error, never compared (it would only ever give "not intact" or, worse, make
people think a prefix is enough).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from vault.errors import MalformedFingerprintError

log = logging.getLogger(__name__)

_GROUPING = re.compile(r"[\s:]")
_HEX64 = re.compile(r"[0-9a-f]{64}")


def parse_fingerprint(typed: str) -> str:
    """64 lower-case hex digits from "AB CD:ef…" (any case, grouped by spaces or colons)."""
    cleaned = _GROUPING.sub("", typed).lower()
    if not _HEX64.fullmatch(cleaned):
        log.info("refused a pin of %d characters: not a whole SHA-256 fingerprint", len(cleaned))
        raise MalformedFingerprintError()
    return cleaned


def parse_fingerprints(typed: Iterable[str]) -> tuple[str, ...]:
    return tuple(parse_fingerprint(value) for value in typed)


__all__ = ["parse_fingerprint", "parse_fingerprints"]
