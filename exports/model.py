"""The neutral, typed input of an export.

Everything the bundle builder needs is described here as frozen dataclasses, so that the bag,
the report, the signatures and the redaction can be built and tested without a vault or the
intake layer. :mod:`exports.from_intake` fills this model from a real case.

Protected identity travels in :attr:`BundlePerson.protected` only; the redaction profile
decides whether it reaches the bundle.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from intake.models import (
    CaseStatus,
    CustodyEventType,
    ExportConsentDecision,
    Indicator,
    IndicatorFamily,
    PersonRole,
    RecipientCategory,
    StatementKind,
)

Progress = Callable[[int, int], None]
#: Opens an original's plaintext as an iterator of chunks (e.g. ``vault.blobs.open_plaintext``).
ChunkOpener = Callable[[], contextlib.AbstractContextManager[Iterable[bytes]]]


class Profile(StrEnum):
    """Redaction profiles: full for court or prosecutor, pseudonymised for partners."""

    COURT = "court"
    PSEUDONYMISED = "pseudonymised"


#: The consent scope categories are intake's (DESIGN §3): one enum, not a parallel copy.
RecipientKind = RecipientCategory


@dataclass(frozen=True)
class Recipient:
    kind: RecipientKind
    name: str = ""  # free text, e.g. "DIICOT Constanța, prosecutor I. Popa"


@dataclass(frozen=True)
class ExportScope:
    """What goes out, to whom, under which profile. ``None`` selections mean "everything"."""

    recipient: Recipient
    profile: Profile = Profile.COURT
    purpose: str = ""
    authority_reference: str = ""
    statement_ids: frozenset[str] | None = None
    evidence_numbers: frozenset[str] | None = None
    #: A court order's reference: it overrides consent refusals (audited by the exporter).
    court_order: str = ""


@dataclass(frozen=True)
class Author:
    name: str
    role: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class Consent:
    """The consent that applies to a person as the export sees it (latest version of the chain)."""

    version: int
    allowed: frozenset[RecipientKind]
    given_at: str = ""
    method: str = ""
    language: str = ""
    withdrawn: bool = False
    consent_id: str = ""
    interpreter: str = ""
    witness: str = ""
    #: The case-wide chain applies (the person has none of their own).
    case_wide: bool = False


@dataclass(frozen=True)
class BundlePerson:
    person_id: str
    role: PersonRole
    pseudonym: str
    #: label → value (e.g. "Legal name" → "…"); only the court profile exports these, and the
    #: pseudonymised profile removes every value from free text.
    protected: Mapping[str, str] = field(default_factory=dict)
    #: Names (legal name, guardian…): each of their words is also removed from free text.
    names: tuple[str, ...] = ()
    #: Non-identifying facts needed to act safely (e.g. "Minor" → "yes"); never used to scrub.
    flags: Mapping[str, str] = field(default_factory=dict)
    consent: Consent | None = None
    #: For the report's wording only ("not required for this role"); whether consent is needed
    #: is decided by ``intake.consent.decide_export`` from what of theirs leaves.
    consent_required: bool = True


@dataclass(frozen=True)
class BundleInterview:
    interview_id: str
    started_at: str
    location: str = ""
    interviewer: str = ""
    interpreter: str = ""
    language: str = ""
    present: tuple[str, ...] = ()
    breaks: str = ""
    recording: str = ""


@dataclass(frozen=True)
class BundleAddendum:
    addendum_id: str
    at: str
    author: str
    text: str
    text_sha256: str


@dataclass(frozen=True)
class BundleStatement:
    statement_id: str
    person_id: str
    kind: StatementKind
    language: str
    text: str
    text_sha256: str
    finalised_at: str
    finalised_by: str = ""
    interview: BundleInterview | None = None
    read_back: str = ""
    addenda: tuple[BundleAddendum, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class BundleCustodyEvent:
    event_id: str
    kind: CustodyEventType
    at: str
    actor: str
    from_party: str = ""
    to_party: str = ""
    purpose: str = ""
    authority_reference: str = ""
    method: str = ""
    hash_observed: str = ""


@dataclass(frozen=True)
class BundleMessage:
    """A chat message the user marked relevant, listed in the report under its item."""

    label: str  # "E-0004 message 123"
    sent_at: str  # ISO 8601 with the UTC offset the export gave (or the assumed zone's)
    sender: str
    text: str
    note: str = ""
    zone_assumed: bool = False


@dataclass(frozen=True)
class BundleEvidence:
    evidence_id: str
    number: str  # "E-0001"
    kind: str
    original_filename: str
    media_type: str
    size: int
    sha256: str
    open_original: ChunkOpener = field(compare=False, repr=False)
    acquisition: Mapping[str, str] = field(default_factory=dict)
    notes: str = ""
    person_ids: tuple[str, ...] = ()
    #: e.g. a passport scan: the bytes themselves identify someone, so pseudonymised exports
    #: withhold the file (it is listed as withheld, with its hash).
    identifies_person: bool = False
    custody: tuple[BundleCustodyEvent, ...] = ()
    #: Of a chat export: the messages marked relevant, in the export's order.
    relevant_messages: tuple[BundleMessage, ...] = ()
    #: What the original said about itself at ingest, English label → value ("Date taken",
    #: "Camera", "GPS coordinates", "Owner"). It can place or name a person, so the
    #: pseudonymised profile drops it with the file's own metadata.
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BundleIndicator:
    """A trafficking indicator ticked in the case; the report prints its labels translated."""

    indicator: Indicator
    family: IndicatorFamily | None = None
    note: str = ""


@dataclass(frozen=True)
class BundleCheckpoint:
    """A signed ledger checkpoint (same fields and signed bytes as ``vault.header.Checkpoint``)."""

    vault_id: str
    seq: int
    entry_hash: str
    at: str
    signature: bytes


@dataclass(frozen=True)
class AuditExcerptEntry:
    """Ledger entries about the exported items; details are left out (they may be sensitive)."""

    seq: int
    at: str
    actor: str
    action: str
    subject: str
    entry_hash: str
    prev_hash: str


@dataclass(frozen=True)
class BundleCase:
    reference: str
    title: str
    jurisdiction: str = ""
    status: CaseStatus = CaseStatus.OPEN
    opened_at: str = ""
    legal_hold: bool = False
    people: tuple[BundlePerson, ...] = ()
    statements: tuple[BundleStatement, ...] = ()
    evidence: tuple[BundleEvidence, ...] = ()
    audit_excerpt: tuple[AuditExcerptEntry, ...] = ()
    #: The latest version of the case-wide consent chain, when one was recorded.
    case_consent: Consent | None = None
    #: Identifying entities of the case as (kind, value): phones, e-mails, handles, names,
    #: addresses, vehicles, accounts. Never exported; the pseudonymised profile removes them.
    identifying: tuple[tuple[str, str], ...] = ()
    #: The ticked trafficking indicators, in catalogue order.
    indicators: tuple[BundleIndicator, ...] = ()

    def person(self, person_id: str) -> BundlePerson | None:
        return next((p for p in self.people if p.person_id == person_id), None)


@dataclass(frozen=True)
class PdfSigningIdentity:
    """The X.509 key pair that signs report.pdf (DER certificate, PKCS#8 DER key)."""

    certificate_der: bytes
    private_key_der: bytes
    chain_der: tuple[bytes, ...] = ()
    self_signed: bool = True


@dataclass(frozen=True)
class SigningKeys:
    ed25519: Ed25519PrivateKey = field(repr=False)
    pdf: PdfSigningIdentity = field(repr=False)


@dataclass(frozen=True)
class ExportRequest:
    """One export: the case, the scope, who releases it and how it is signed."""

    case: BundleCase
    scope: ExportScope
    author: Author
    organisation: str
    keys: SigningKeys
    checkpoint: BundleCheckpoint | None = None
    bundle_id: str = ""
    created_at: str = ""
    tool_versions: Mapping[str, str] = field(default_factory=dict)
    #: The language of report.pdf and VERIFY.txt, chosen at export (DESIGN §9); a language
    #: without a catalogue falls back to English.
    language: str = "en"


@dataclass(frozen=True)
class ExportResult:
    path: str
    bundle_id: str
    tagmanifest_sha256: str
    ed25519_fingerprint: str
    pdf_certificate_sha256: str
    files: int
    payload_bytes: int
    evidence_numbers: tuple[str, ...]
    withheld_numbers: tuple[str, ...]
    statement_ids: tuple[str, ...]
    #: The TSA's reply over the tag manifest (signature/tagmanifest.tsr), when it answered.
    timestamp_token: bytes | None = None
    #: The consent decision the export went by: statements left out, court-order overrides.
    consent: ExportConsentDecision | None = None


def bytes_opener(data: bytes, chunk_size: int = 1 << 20) -> ChunkOpener:
    """An opener for in-memory originals (tests, small generated files)."""

    @contextlib.contextmanager
    def opener() -> Iterator[Iterable[bytes]]:
        yield (data[i : i + chunk_size] for i in range(0, len(data), chunk_size))

    return opener
