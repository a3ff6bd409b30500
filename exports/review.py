"""The review a person confirms before a partner export (DESIGN §8).

Every text that leaves under the pseudonymised profile is listed as it will leave, with where
it was redacted and the tokens that still look like they could identify someone (capitalised
words, numbers, dates, handles: :func:`exports.matcher.suspicious_spans`). Pictures are listed
too, because text in pixels is not read by the matcher. The review has a digest over exactly
what was shown; the exporter refuses a partner export without a confirmation, or with the
digest of a review whose texts have since changed. The digest is of redacted text only and is
kept in the vault's audit log, never in the bundle.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from exports.derivatives import Derived, WithheldReason, decode_text, derive
from exports.errors import ExportCancelledError
from exports.matcher import REDACTED, Matcher, Span, suspicious_spans
from exports.model import BundleEvidence, Progress
from exports.redaction import RedactedCase

log = logging.getLogger(__name__)

SHORT_DIGEST = 12


class TextKind(StrEnum):
    TITLE = "title"
    STATEMENT = "statement"
    ADDENDUM = "addendum"
    INTERVIEW = "interview"
    EVIDENCE_TEXT = "evidence_text"
    EVIDENCE_DETAILS = "evidence_details"
    PERSON = "person"


@dataclass(frozen=True)
class ReviewText:
    """One text as it will leave, with its redactions and what still looks suspicious."""

    kind: TextKind
    ref: str  # a statement id, "statement id/addendum n", an evidence number, a person id
    text: str
    redactions: tuple[Span, ...]
    suspicious: tuple[Span, ...]


class Derivatives:
    """Redacted copies of evidence, made once for a review and reused by the export after it.

    Decoding and encoding pictures is the slow part of a partner export; the review makes every
    copy, and the export (which builds what it checks twice: once against the review's digest,
    once into the bag) takes them from here. A copy is reused only for the same original (id
    and SHA-256) redacted with the same protected values (:attr:`Matcher.key`), so a value added
    since the review cannot be missed. Held in memory only, like the copies themselves.
    """

    def __init__(
        self, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> None:
        self._made: dict[tuple[str, str, str], Derived | WithheldReason] = {}
        self._lock = threading.Lock()
        self.progress = progress
        self.cancel = cancel
        self.total = 0
        self.made = 0  # copies actually built, not taken from here (tests read it)

    def __call__(self, item: BundleEvidence, matcher: Matcher) -> Derived | WithheldReason:
        key = (item.evidence_id, item.sha256.lower(), matcher.key)
        with self._lock:
            found = self._made.get(key)
        if found is not None:
            return found
        if self.cancel is not None and self.cancel.is_set():
            raise ExportCancelledError()
        outcome = derive(item, matcher)
        with self._lock:
            self._made[key] = outcome
            self.made += 1
            done = len(self._made)
        if self.progress is not None:
            self.progress(done, max(self.total, done))
        return outcome


@dataclass(frozen=True)
class Review:
    texts: tuple[ReviewText, ...]
    #: Evidence numbers of pictures that leave as copies: a person must look at them.
    pictures: tuple[str, ...]
    #: Evidence number → WithheldReason value.
    withheld_evidence: Mapping[str, str] = field(default_factory=dict)
    #: Statement ids that stay behind for want of consent.
    withheld_statements: tuple[str, ...] = ()
    digest: str = ""
    #: The redacted copies the review was built from, for the export that follows it.
    derivatives: Derivatives | None = field(default=None, compare=False, repr=False)

    @property
    def short_digest(self) -> str:
        return self.digest[:SHORT_DIGEST]

    @property
    def redaction_count(self) -> int:
        return sum(len(t.redactions) for t in self.texts)

    @property
    def suspicious_count(self) -> int:
        return sum(len(t.suspicious) for t in self.texts)

    def matches(self, digest: str) -> bool:
        """Whether a confirmed digest (whole or its first characters) is this review's."""
        digest = digest.strip().lower()
        return len(digest) >= SHORT_DIGEST and self.digest.startswith(digest)


@dataclass(frozen=True)
class ReviewConfirmation:
    """The user's confirmation: the digest they saw ("" when confirming what is built now, as
    ``--reviewed`` without a value does) and where they confirmed it ("app" or "cli")."""

    digest: str = ""
    via: str = "cli"
    #: The reviewed copies, reused when the export's review has the same digest.
    derivatives: Derivatives | None = field(default=None, compare=False, repr=False)


def _markers(text: str) -> tuple[Span, ...]:
    return tuple(
        Span(m.start(), m.end(), "redacted") for m in re.finditer(re.escape(REDACTED), text)
    )


def _acronym(text: str, span: Span) -> bool:
    word = text[span.start : span.end]
    return word.isupper() and len(word) <= 4


def _texts(redacted: RedactedCase) -> Iterator[tuple[TextKind, str, str]]:
    case = redacted.case
    yield TextKind.TITLE, case.reference, case.title
    for person in case.people:
        yield TextKind.PERSON, person.person_id, person.pseudonym
    for st in case.statements:
        yield TextKind.STATEMENT, st.statement_id, st.text
        for number, addendum in enumerate(st.addenda, start=1):
            yield TextKind.ADDENDUM, f"{st.statement_id}/{number}", addendum.text
        iv = st.interview
        if iv is not None:
            fields = [iv.location, iv.interviewer, iv.interpreter, *iv.present, iv.breaks]
            fields += [iv.recording, st.read_back]
            yield TextKind.INTERVIEW, st.statement_id, "\n".join(f for f in fields if f)
    for item in case.evidence:
        details = [f"{k}: {v}" for k, v in item.acquisition.items() if v]
        details += [item.notes] if item.notes else []
        details += [
            " ".join(x for x in (e.from_party, e.to_party, e.purpose, e.method) if x)
            for e in item.custody
        ]
        yield TextKind.EVIDENCE_DETAILS, item.number, "\n".join(d for d in details if d.strip())
        text = _evidence_text(item)
        if text is not None:
            yield TextKind.EVIDENCE_TEXT, item.number, text


def _evidence_text(item: BundleEvidence) -> str | None:
    if not item.media_type.startswith("text/"):
        return None
    with item.open_original() as chunks:  # the derivative, in memory
        return decode_text(b"".join(chunks))


def build_review(redacted: RedactedCase) -> Review:
    """The review of a pseudonymised export, from what :func:`apply_profile` made of it."""
    case = redacted.case
    safe = [p.pseudonym for p in case.people] + [case.reference]
    # The software an item was acquired with ("Telegram Desktop 5.0") names no one.
    safe += [e.acquisition["Tool"] for e in case.evidence if e.acquisition.get("Tool")]
    texts: list[ReviewText] = []
    for kind, ref, text in _texts(redacted):
        if not text.strip():
            continue
        suspicious = tuple(s for s in suspicious_spans(text, safe) if not _acronym(text, s))
        texts.append(ReviewText(kind, ref, text, _markers(text), suspicious))
    pictures = tuple(e.number for e in case.evidence if e.media_type.startswith("image/"))
    withheld_statements = tuple(
        sorted(redacted.consent.withheld_statement_ids) if redacted.consent else ()
    )
    canonical = json.dumps(
        {
            "texts": [[t.kind.value, t.ref, t.text] for t in texts],
            # Numbers, not hashes: a re-encoded copy need not be byte-identical the next time.
            "evidence": sorted((e.number, e.media_type) for e in case.evidence),
            "withheld": sorted(redacted.withheld_reasons.items()),
            "withheld_statements": list(withheld_statements),
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    review = Review(
        tuple(texts),
        pictures,
        dict(redacted.withheld_reasons),
        withheld_statements,
        hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
    )
    log.info(
        "review %s: %d text(s), %d redaction(s), %d suspicious token(s)",
        review.short_digest,
        len(texts),
        review.redaction_count,
        review.suspicious_count,
    )
    return review
