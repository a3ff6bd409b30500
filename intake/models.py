"""Typed, immutable records returned by the intake services.

Timestamps are timezone-aware UTC ``datetime`` objects; calendar dates (birth date, retention date)
are ``date``. Ids are 32 hex characters. Records are snapshots: change data through the services.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from resources import i18n
from resources.i18n import INDICATORS_CONTEXT


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class PersonRole(StrEnum):
    SURVIVOR = "survivor"
    WITNESS = "witness"
    SUSPECT = "suspect"
    OTHER = "other"


class ConsentMethod(StrEnum):
    WRITTEN = "written"
    VERBAL_WITNESSED = "verbal_witnessed"


class RecipientCategory(StrEnum):
    NGO_INTERNAL = "ngo_internal"
    POLICE = "police"
    PROSECUTOR = "prosecutor"
    COURT = "court"
    PARTNER_NGO = "partner_ngo"
    ANONYMISED_RESEARCH = "anonymised_research"
    #: The same member under the export screens' shorter name (an alias, not a new kind).
    RESEARCH = "anonymised_research"


class StatementKind(StrEnum):
    VERBATIM = "verbatim"
    SUMMARY = "summary"


class CustodyEventType(StrEnum):
    COLLECTED = "collected"
    INGESTED = "ingested"
    VIEWED = "viewed"
    EXPORTED = "exported"
    TRANSFERRED = "transferred"
    RECEIVED = "received"
    VERIFIED = "verified"
    RETURNED = "returned"
    DESTROYED = "destroyed"


class EntityKind(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    SOCIAL = "social"
    URL = "url"
    NAME = "name"
    ALIAS = "alias"
    ADDRESS = "address"
    VEHICLE = "vehicle"
    BANK_ACCOUNT = "bank_account"
    #: An employer or agency: by its registry number (Romanian CUI, ...) or its name.
    COMPANY = "company"
    OTHER = "other"


class SearchKind(StrEnum):
    CASE = "case"
    PERSON = "person"
    STATEMENT = "statement"
    EVIDENCE = "evidence"
    ENTITY = "entity"
    # Issue 16: every other text a user typed, and the text inside evidence files.
    ADDENDUM = "addendum"  # parent: the statement
    INTERVIEW = "interview"
    CONSENT = "consent"
    CUSTODY = "custody"  # parent: the evidence item
    ENTITY_NOTE = "entity_note"  # a note on an entity's link to a case
    EVIDENCE_TEXT = "evidence_text"  # parent: the evidence item; part: the page (PDF)
    IDENTITY = "identity"  # protected identity: searched only by those who may edit it
    MESSAGE = "message"  # a chat message (issue 17); parent: the chat export's evidence item


# Cases -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    case_id: str
    reference: str
    title: str
    status: CaseStatus
    jurisdiction: str
    description: str
    legal_hold: bool
    legal_hold_reason: str
    retention_until: date | None
    created_at: datetime
    created_by: str
    updated_at: datetime
    closed_at: datetime | None


@dataclass(frozen=True)
class CaseSummary:
    """One line of the case list: the case and how much it holds."""

    case: Case
    people: int
    statements: int
    evidence: int


# People ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """What every screen may show: the pseudonym and role, never the protected identity.

    ``safe_to_contact`` and ``is_minor`` are flags needed to act safely without a reveal; the safe
    method, legal name, documents and guardian are in :class:`ProtectedIdentity`.
    """

    person_id: str
    case_id: str
    role: PersonRole
    pseudonym: str
    notes: str
    safe_to_contact: bool
    is_minor: bool
    created_at: datetime
    created_by: str
    updated_at: datetime


@dataclass(frozen=True)
class IdentityDocument:
    kind: str  # passport, national id, residence permit, temporary protection …
    number: str = ""
    issuer: str = ""
    expires: date | None = None
    held_by: str = ""  # who physically holds it (retained documents are an indicator)


@dataclass(frozen=True)
class ProtectedIdentity:
    """Revealed only through ``PeopleService.reveal_identity``; each reveal is audited."""

    legal_name: str = ""
    birth_date: date | None = None
    nationality: str = ""
    documents: tuple[IdentityDocument, ...] = ()
    contact: str = ""
    safe_to_contact: bool = False
    safe_contact_method: str = ""
    is_minor: bool = False
    guardian_name: str = ""
    guardian_contact: str = ""
    guardian_relation: str = ""


# Consent -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Consent:
    """One version of one person's consent in a case. Versions are never changed, only added."""

    consent_id: str
    case_id: str
    person_id: str | None
    version: int
    given_at: datetime
    language: str
    interpreter: str
    method: ConsentMethod
    witness: str
    scope: frozenset[RecipientCategory]
    withdrawn: bool
    notes: str
    recorded_at: datetime
    recorded_by: str


class ConsentReason(StrEnum):
    """Why one person's material may or may not go to a recipient kind: a stable code.

    The core returns codes with the facts a sentence needs (:class:`ConsentFinding`); the user
    interfaces turn them into words (``ui.consent_reasons``).
    """

    COVERED = "consent.covered"
    NOT_REQUIRED = "consent.not_required"
    NOT_RECORDED = "consent.not_recorded"
    WITHDRAWN = "consent.withdrawn"
    KIND_NOT_COVERED = "consent.kind_not_covered"


@dataclass(frozen=True)
class ConsentTerms:
    """What the consent rule reads from one consent version (the latest of a chain)."""

    consent_id: str
    version: int
    scope: frozenset[RecipientCategory]
    withdrawn: bool
    #: When this version was given; for a withdrawal, when consent was withdrawn.
    given_at: datetime | None = None
    #: Recorded for the case as a whole (no person), applying to everyone without their own.
    case_wide: bool = False

    @classmethod
    def of(cls, consent: Consent) -> ConsentTerms:
        return cls(
            consent.consent_id,
            consent.version,
            consent.scope,
            consent.withdrawn,
            consent.given_at,
            consent.person_id is None,
        )


@dataclass(frozen=True)
class ConsentSubject:
    """One person of the case as the consent rule sees an export of it."""

    person_id: str
    pseudonym: str
    role: PersonRole
    #: The consent that applies: the person's own chain, else the case's; None when neither.
    consent: ConsentTerms | None
    #: Their statements and the evidence acquired from them that this export would carry.
    statement_ids: tuple[str, ...] = ()
    evidence_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConsentFinding:
    """The decision for one person (or, with ``person_id`` None, for the case's own consent)."""

    code: ConsentReason
    recipient: RecipientCategory
    person_id: str | None = None
    pseudonym: str = ""
    role: PersonRole | None = None
    consent_id: str | None = None
    consent_version: int | None = None
    scope: frozenset[RecipientCategory] = frozenset()
    withdrawn_at: datetime | None = None
    case_wide: bool = False
    statement_ids: tuple[str, ...] = ()
    evidence_labels: tuple[str, ...] = ()
    #: Only this person's statements needed the consent: they stay behind, the rest may go.
    withheld: bool = False
    #: The reference of a court order that overrides this refusal (the exporter audits it).
    court_order: str = ""

    @property
    def allowed(self) -> bool:
        """Whether the consent itself covers the recipient (or none is needed)."""
        return self.code in (ConsentReason.COVERED, ConsentReason.NOT_REQUIRED)

    @property
    def blocks(self) -> bool:
        """Whether this finding stops the export: not covered, not withheld, not overridden."""
        return not self.allowed and not self.withheld and not self.court_order


@dataclass(frozen=True)
class ExportConsentDecision:
    """May this material go to ``recipient``: one finding per person, plus the case's own."""

    recipient: RecipientCategory
    findings: tuple[ConsentFinding, ...]

    @property
    def allowed(self) -> bool:
        return not any(f.blocks for f in self.findings)

    @property
    def refusals(self) -> tuple[ConsentFinding, ...]:
        return tuple(f for f in self.findings if f.blocks)

    @property
    def withheld(self) -> tuple[ConsentFinding, ...]:
        """People whose statements stay behind (their consent does not cover the recipient)."""
        return tuple(f for f in self.findings if f.withheld)

    @property
    def overridden(self) -> tuple[ConsentFinding, ...]:
        """Refusals a court order overrides, each naming its reference."""
        return tuple(f for f in self.findings if f.court_order and not f.allowed)

    @property
    def withheld_statement_ids(self) -> frozenset[str]:
        return frozenset(s for f in self.withheld for s in f.statement_ids)

    @property
    def codes(self) -> frozenset[ConsentReason]:
        return frozenset(f.code for f in self.findings)

    @property
    def consent_version(self) -> int | None:
        """The highest consent version relied on (None when no consent was needed or found)."""
        versions = [f.consent_version for f in self.findings if f.consent_version is not None]
        return max(versions) if versions else None

    @property
    def consent_ids(self) -> tuple[str, ...]:
        return tuple(sorted({f.consent_id for f in self.findings if f.consent_id}))

    def finding(self, person_id: str | None) -> ConsentFinding | None:
        return next((f for f in self.findings if f.person_id == person_id), None)

    def statement_allowed(self, statement_id: str) -> bool:
        """Whether this statement may leave: its person's finding and the case's allow it."""
        case = self.finding(None)
        if case is not None and case.blocks:
            return False
        owner = next((f for f in self.findings if statement_id in f.statement_ids), None)
        return owner is None or owner.allowed or bool(owner.court_order)

    def summary(self) -> str:
        """Codes and ids only, for logs, audit details and error details (never words)."""
        return "; ".join(
            " ".join(
                x
                for x in (
                    f.code.value,
                    f"person={f.person_id}" if f.person_id else "case",
                    f"version={f.consent_version}" if f.consent_version is not None else "",
                    f"recipient={f.recipient.value}",
                    "scope=" + ",".join(sorted(c.value for c in f.scope)) if f.scope else "",
                )
                if x
            )
            for f in self.refusals
        )


# Interviews --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PresentPerson:
    name: str
    role: str  # lawyer, interpreter, psychologist, guardian, …


@dataclass(frozen=True)
class InterviewBreak:
    started_at: datetime
    ended_at: datetime | None = None
    reason: str = ""


@dataclass(frozen=True)
class Interview:
    interview_id: str
    case_id: str
    person_id: str | None
    started_at: datetime
    ended_at: datetime | None
    location: str
    interviewer: str
    interpreter: str
    language: str
    present: tuple[PresentPerson, ...]
    breaks: tuple[InterviewBreak, ...]
    recording_method: str  # handwritten notes, typed, audio, video …
    notes: str
    created_at: datetime
    created_by: str
    updated_at: datetime


# Statements --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    statement_id: str
    case_id: str
    person_id: str | None
    interview_id: str | None
    kind: StatementKind
    language: str
    title: str
    text: str  # the current revision
    revision: int
    created_at: datetime
    created_by: str
    updated_at: datetime
    readback_at: datetime | None
    readback_by: str
    readback_note: str
    finalised_at: datetime | None
    finalised_by: str
    final_sha256: str | None

    @property
    def finalised(self) -> bool:
        return self.finalised_at is not None


@dataclass(frozen=True)
class StatementRevision:
    statement_id: str
    revision: int
    text: str
    sha256: str
    saved_at: datetime
    saved_by: str


@dataclass(frozen=True)
class Addendum:
    """A correction to a finalised statement; immutable once written."""

    addendum_id: str
    statement_id: str
    number: int
    text: str
    reason: str
    sha256: str
    created_at: datetime
    created_by: str


# Evidence and custody ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Acquisition:
    """How an item came to us. Every field is optional; record what is known."""

    acquired_at: datetime | None = None
    acquired_by: str = ""
    acquired_from: str = ""
    acquired_from_person_id: str | None = None
    location: str = ""
    method: str = ""  # handed over on USB, screenshot, forensic copy, download …
    tool: str = ""
    tool_version: str = ""
    source_url: str = ""


@dataclass(frozen=True)
class Evidence:
    evidence_id: str
    case_id: str
    number: int
    kind: str
    blob_id: str
    original_filename: str
    media_type: str
    size: int
    sha256: str
    acquisition: Acquisition
    original_metadata: dict[str, Any]
    notes: str
    ingested_at: datetime
    ingested_by: str

    @property
    def label(self) -> str:
        """The evidence number as shown and exported, e.g. ``E-0001``."""
        return evidence_label(self.number)


def evidence_label(number: int) -> str:
    return f"E-{number:04d}"


@dataclass(frozen=True)
class CustodyEvent:
    event_id: int
    evidence_id: str
    event_type: CustodyEventType
    at: datetime
    actor: str
    from_party: str
    to_party: str
    purpose: str
    authority_ref: str
    method: str
    hash_observed: str
    notes: str
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class ReverifyResult:
    evidence_id: str
    matches: bool
    expected_sha256: str
    observed_sha256: str
    event: CustodyEvent


# Entities ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    entity_id: str
    kind: EntityKind
    value: str  # normalised; the key that links cases
    display: str
    created_at: datetime


@dataclass(frozen=True)
class EntityLink:
    link_id: str
    entity: Entity
    case_id: str
    case_reference: str
    person_id: str | None
    evidence_id: str | None
    statement_id: str | None
    note: str
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class CrossCaseLink:
    """ "This number appears in cases A and B"."""

    entity: Entity
    case_ids: tuple[str, ...]
    case_references: tuple[str, ...]


# Indicators --------------------------------------------------------------------------------------


def indicator_text(english: str, language: str) -> str:
    """An indicator catalogue text in ``language``, from the one translation catalogue."""
    return i18n.catalogue(language).pgettext(INDICATORS_CONTEXT, english)


@dataclass(frozen=True)
class IndicatorFamily:
    family_id: str
    english_label: str  # the catalogue's source text; other languages come from resources.i18n

    def label(self, language: str = "en") -> str:
        return indicator_text(self.english_label, language)


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    family_id: str
    english_label: str
    english_hint: str = ""

    def label(self, language: str = "en") -> str:
        return indicator_text(self.english_label, language)

    def hint(self, language: str = "en") -> str:
        return indicator_text(self.english_hint, language) if self.english_hint else ""


@dataclass(frozen=True)
class Catalogue:
    version: str
    families: tuple[IndicatorFamily, ...]
    indicators: tuple[Indicator, ...]

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.indicator_id == indicator_id), None)


@dataclass(frozen=True)
class IndicatorState:
    indicator: Indicator
    present: bool
    note: str
    updated_at: datetime | None
    updated_by: str


# Search ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    kind: SearchKind
    ref_id: str
    case_id: str | None
    case_reference: str | None
    title: str
    snippet: str  # contains user text: show it, never log it
    score: float  # bm25: lower is better
    #: The record the hit belongs to (an addendum's statement, a page's evidence item).
    parent_id: str | None = None
    #: A page (evidence text), an addendum's number or a consent's version; 0 when none.
    part: int = 0
    #: Words that name where the match is, for display: a statement's title, an evidence label
    #: and file name, a person's pseudonym (never a protected field).
    context: str = ""


class SearchResults(list[SearchHit]):
    """The hits of one search, best first: a plain list, plus whether the ranking was bounded.

    A term found in a large part of the vault (tens of thousands of documents) is not ranked
    across every match, which would take hundreds of milliseconds: only the ``window`` most
    recently indexed matching documents are. ``limited`` is then true and the UI should say
    that there are more matches and suggest refining the search.
    """

    def __init__(
        self, hits: Iterable[SearchHit] = (), *, limited: bool = False, window: int = 0
    ) -> None:
        super().__init__(hits)
        self.limited = limited
        self.window = window


# Erasure -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tombstone:
    """What remains after an erasure: who, when, why, and how much, never the erased content."""

    tombstone_id: str
    case_id: str
    person_id: str
    erased_at: datetime
    erased_by: str
    reason: str
    counts: dict[str, int]
    evidence_labels: tuple[str, ...]
