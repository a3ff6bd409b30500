"""Consent scope and redaction profiles: what may leave the vault, and in which form.

``check_scope`` refuses an export that goes beyond consent or uses a profile the recipient may
not receive, with the reason. ``apply_profile`` narrows the case to the selected items and, for
the pseudonymised profile, removes every protected identity field: the fields themselves, and
any occurrence of their values in free text (statements, notes, acquisition details, titles,
file names). Originals that identify a person by their bytes (a passport scan) are withheld.
"""

from __future__ import annotations

import contextlib
import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime

from exports.errors import (
    ConsentRefusedError,
    InvalidScopeError,
    NothingToExportError,
    ProfileNotAllowedError,
)
from exports.model import (
    AuditExcerptEntry,
    BundleCase,
    BundleCustodyEvent,
    BundleEvidence,
    BundleInterview,
    BundlePerson,
    BundleStatement,
    Consent,
    ExportScope,
    Profile,
    RecipientKind,
)
from intake.consent import decide_export
from intake.models import ConsentSubject, ConsentTerms, ExportConsentDecision

log = logging.getLogger(__name__)

REDACTED = "[redacted]"
#: Recipients who may receive full identity (DESIGN §4: "full for court or prosecutor").
FULL_IDENTITY_RECIPIENTS = frozenset(
    {
        RecipientKind.COURT,
        RecipientKind.PROSECUTOR,
        RecipientKind.POLICE,
        RecipientKind.NGO_INTERNAL,
    }
)
MIN_TERM_LENGTH = 3
# Romanian text is often typed with the cedilla look-alikes; both spellings must be caught.
_EQUIVALENT = {"ș": "șşs", "ş": "șşs", "ț": "țţt", "ţ": "țţt", "s": "sșş", "t": "tțţ"}


@dataclass(frozen=True)
class RedactedCase:
    """The case as it will be exported, plus what the profile held back."""

    case: BundleCase
    profile: Profile
    withheld: tuple[BundleEvidence, ...] = ()
    redacted_statements: frozenset[str] = frozenset()


def involved_people(case: BundleCase) -> list[BundlePerson]:
    ids: list[str] = [s.person_id for s in case.statements]
    for item in case.evidence:
        ids.extend(item.person_ids)
    seen: list[BundlePerson] = []
    for person_id in dict.fromkeys(ids):
        person = case.person(person_id)
        if person is not None:
            seen.append(person)
    return seen


def select(case: BundleCase, scope: ExportScope) -> BundleCase:
    """The case narrowed to the scope's selection; unknown ids are refused."""
    statements = case.statements
    evidence = case.evidence
    if scope.statement_ids is not None:
        unknown = scope.statement_ids - {s.statement_id for s in statements}
        if unknown:
            raise InvalidScopeError(f"unknown statements: {', '.join(sorted(unknown))}")
        statements = tuple(s for s in statements if s.statement_id in scope.statement_ids)
    if scope.evidence_numbers is not None:
        unknown = scope.evidence_numbers - {e.number for e in evidence}
        if unknown:
            raise InvalidScopeError(f"unknown evidence: {', '.join(sorted(unknown))}")
        evidence = tuple(e for e in evidence if e.number in scope.evidence_numbers)
    if not statements and not evidence:
        raise NothingToExportError(case.reference)
    narrowed = replace(case, statements=statements, evidence=evidence)
    involved = {p.person_id for p in involved_people(narrowed)}
    return replace(narrowed, people=tuple(p for p in case.people if p.person_id in involved))


def _terms(consent: Consent | None) -> ConsentTerms | None:
    if consent is None:
        return None
    given: datetime | None = None
    with contextlib.suppress(ValueError):
        given = datetime.fromisoformat(consent.given_at.replace("Z", "+00:00"))
    return ConsentTerms(
        consent.consent_id,
        consent.version,
        frozenset(consent.allowed),
        consent.withdrawn,
        given,
        consent.case_wide,
    )


def consent_decision(
    case: BundleCase, selected: BundleCase, kind: RecipientKind
) -> ExportConsentDecision:
    """Intake's consent rule over the model: every person of ``case``, with what of theirs
    ``selected`` carries."""
    statements: dict[str, list[str]] = {}
    for st in selected.statements:
        statements.setdefault(st.person_id, []).append(st.statement_id)
    evidence: dict[str, list[str]] = {}
    for item in selected.evidence:
        for person_id in item.person_ids:
            evidence.setdefault(person_id, []).append(item.number)
    subjects = [
        ConsentSubject(
            p.person_id,
            p.pseudonym,
            p.role,
            _terms(p.consent),
            tuple(statements.get(p.person_id, ())),
            tuple(evidence.get(p.person_id, ())),
        )
        for p in case.people
    ]
    return decide_export(
        kind,
        subjects,
        case_consent=_terms(case.case_consent),
        consent_recorded=case.case_consent is not None
        or any(p.consent is not None for p in case.people),
    )


def profile_allowed(profile: Profile, kind: RecipientKind) -> bool:
    """Full identity (the court profile) goes only to court, prosecutor, police or the NGO."""
    return profile is not Profile.COURT or kind in FULL_IDENTITY_RECIPIENTS


def check_profile(scope: ExportScope) -> None:
    kind = scope.recipient.kind
    if not profile_allowed(scope.profile, kind):
        raise ProfileNotAllowedError(f"profile={scope.profile.value} recipient={kind.value}")


def check_scope(case: BundleCase, scope: ExportScope) -> BundleCase:
    """Refuse an export beyond consent or profile rules; returns the selected case."""
    kind = scope.recipient.kind
    check_profile(scope)
    selected = select(case, scope)
    decision = consent_decision(case, selected, kind)
    if not decision.allowed:
        log.info("export of case refused by consent: %d finding(s)", len(decision.refusals))
        raise ConsentRefusedError(decision.summary(), decision)
    return selected


# Text scrubbing --------------------------------------------------------------------------------


def _term_pattern(term: str) -> str:
    parts = []
    for char in term:
        variants = _EQUIVALENT.get(char.lower())
        parts.append(f"[{re.escape(variants)}]" if variants else re.escape(char))
    return "".join(parts)


def protected_terms(people: tuple[BundlePerson, ...]) -> list[str]:
    """Every protected value, plus each word of a name long enough to identify someone."""
    terms: set[str] = set()
    for person in people:
        for value in (*person.protected.values(), *person.names):
            value = unicodedata.normalize("NFC", value.strip())
            if len(value) >= MIN_TERM_LENGTH:
                terms.add(value)
        for name in person.names:
            for word in re.split(r"[\s,;/]+", unicodedata.normalize("NFC", name)):
                if len(word) >= MIN_TERM_LENGTH and any(c.isalpha() for c in word):
                    terms.add(word)
    return sorted(terms, key=len, reverse=True)


class Scrubber:
    """Replaces protected values in free text, case- and cedilla-insensitively."""

    def __init__(self, terms: list[str]) -> None:
        self._pattern = (
            re.compile(
                r"(?<!\w)(?:" + "|".join(_term_pattern(t) for t in terms) + r")(?!\w)",
                re.IGNORECASE,
            )
            if terms
            else None
        )

    def __call__(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        if self._pattern is None:
            return text
        return self._pattern.sub(REDACTED, text)


def _safe_extension(filename: str) -> str:
    match = re.search(r"\.([A-Za-z0-9]{1,8})$", filename)
    return f".{match.group(1).lower()}" if match else ""


def apply_profile(case: BundleCase, scope: ExportScope) -> RedactedCase:
    """Check the scope, select, and redact according to the profile."""
    selected = check_scope(case, scope)
    if scope.profile is Profile.COURT:
        return RedactedCase(selected, scope.profile)
    scrub = Scrubber(protected_terms(case.people))  # every person of the case, not just involved

    def interview(item: BundleInterview | None) -> BundleInterview | None:
        if item is None:
            return None
        return replace(
            item,
            location=scrub(item.location),
            interviewer=scrub(item.interviewer),
            interpreter=scrub(item.interpreter),
            present=tuple(scrub(p) for p in item.present),
            breaks=scrub(item.breaks),
            recording=scrub(item.recording),
        )

    def custody(event: BundleCustodyEvent) -> BundleCustodyEvent:
        return replace(
            event,
            actor=scrub(event.actor),
            from_party=scrub(event.from_party),
            to_party=scrub(event.to_party),
            purpose=scrub(event.purpose),
            authority_reference=scrub(event.authority_reference),
            method=scrub(event.method),
        )

    statements: list[BundleStatement] = []
    redacted_ids: set[str] = set()
    for statement in selected.statements:
        text = scrub(statement.text)
        if text != statement.text:
            redacted_ids.add(statement.statement_id)
        statements.append(
            replace(
                statement,
                text=text,
                finalised_by=scrub(statement.finalised_by),
                read_back=scrub(statement.read_back),
                interview=interview(statement.interview),
                addenda=tuple(
                    replace(a, text=scrub(a.text), author=scrub(a.author))
                    for a in statement.addenda
                ),
            )
        )
    kept: list[BundleEvidence] = []
    withheld: list[BundleEvidence] = []
    for item in selected.evidence:
        cleaned = replace(
            item,
            original_filename=f"{item.number}{_safe_extension(item.original_filename)}",
            acquisition={k: scrub(v) for k, v in item.acquisition.items()},
            notes=scrub(item.notes),
            custody=tuple(custody(e) for e in item.custody),
        )
        (withheld if item.identifies_person else kept).append(cleaned)
    people = tuple(replace(p, protected={}) for p in selected.people)
    audit = tuple(
        AuditExcerptEntry(
            e.seq, e.at, scrub(e.actor), e.action, e.subject, e.entry_hash, e.prev_hash
        )
        for e in selected.audit_excerpt
    )
    redacted = replace(
        selected,
        title=scrub(selected.title),
        people=people,
        statements=tuple(statements),
        evidence=tuple(kept),
        audit_excerpt=audit,
    )
    return RedactedCase(redacted, scope.profile, tuple(withheld), frozenset(redacted_ids))
