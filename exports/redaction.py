"""Consent scope and redaction profiles: what may leave the vault, and in which form.

``check_scope`` refuses an export that goes beyond consent or uses a profile the recipient may
not receive, with the reason; a person whose statements alone lack consent does not stop it:
those statements stay behind, with the reason (DESIGN §8). ``apply_profile`` narrows the case to
what may leave and, for the pseudonymised profile, removes every protected identity field and
every written form of its values and of the case's identifying entities from free text
(:mod:`exports.matcher`); evidence leaves as a redacted derivative with its own hash or stays
behind with a reason (:mod:`exports.derivatives`). No hash of an original or of an unredacted
text reaches a partner bundle: a guessed name, hashed, must confirm nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from exports.derivatives import Derived, WithheldReason, derive
from exports.errors import (
    ConsentRefusedError,
    InvalidScopeError,
    NothingToExportError,
    ProfileNotAllowedError,
)
from exports.matcher import REDACTED, Matcher, Protected
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
    bytes_opener,
)
from intake.consent import decide_export
from intake.models import ConsentSubject, ConsentTerms, ExportConsentDecision

log = logging.getLogger(__name__)

#: Makes the redacted copy of one original (:func:`exports.derivatives.derive`, or a cache of it).
DeriveFn = Callable[[BundleEvidence, Matcher], Derived | WithheldReason]

#: Recipients who may receive full identity (DESIGN §4: "full for court or prosecutor").
FULL_IDENTITY_RECIPIENTS = frozenset(
    {
        RecipientKind.COURT,
        RecipientKind.PROSECUTOR,
        RecipientKind.POLICE,
        RecipientKind.NGO_INTERNAL,
    }
)
__all__ = [
    "REDACTED",
    "RedactedCase",
    "apply_profile",
    "check_scope",
    "matcher_for",
    "profile_for",
]


@dataclass(frozen=True)
class RedactedCase:
    """The case as it will be exported, plus what the profile and consent held back."""

    case: BundleCase
    profile: Profile
    #: Evidence that stays behind; under the pseudonymised profile without its hash.
    withheld: tuple[BundleEvidence, ...] = ()
    redacted_statements: frozenset[str] = frozenset()
    #: Evidence number → why it stays behind (a :class:`WithheldReason` value).
    withheld_reasons: Mapping[str, str] = field(default_factory=dict)
    #: The consent decision the export went by: withheld statements and court-order overrides.
    consent: ExportConsentDecision | None = None
    #: How many values of each kind were redacted (ValueKind value → count), for the cover.
    redactions: Mapping[str, int] = field(default_factory=dict)
    #: Evidence numbers that leave as redacted derivatives (not the originals).
    derived: frozenset[str] = frozenset()


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
    case: BundleCase, selected: BundleCase, kind: RecipientKind, court_order: str = ""
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
        withhold_statements=True,
        court_order=court_order,
    )


def profile_allowed(profile: Profile, kind: RecipientKind) -> bool:
    """Full identity (the court profile) goes only to court, prosecutor, police or the NGO."""
    return profile is not Profile.COURT or kind in FULL_IDENTITY_RECIPIENTS


def profile_for(kind: RecipientKind) -> Profile:
    """The profile a recipient kind gets when none is chosen: full identity only for those
    who may receive it, pseudonymised for everyone else."""
    return Profile.COURT if kind in FULL_IDENTITY_RECIPIENTS else Profile.PSEUDONYMISED


def check_profile(scope: ExportScope) -> None:
    kind = scope.recipient.kind
    if not profile_allowed(scope.profile, kind):
        raise ProfileNotAllowedError(f"profile={scope.profile.value} recipient={kind.value}")


def check_scope(case: BundleCase, scope: ExportScope) -> BundleCase:
    """Refuse an export beyond consent or profile rules; returns the selected case."""
    return plan_scope(case, scope)[0]


def plan_scope(case: BundleCase, scope: ExportScope) -> tuple[BundleCase, ExportConsentDecision]:
    """The case narrowed to what may leave, and the consent decision that narrowed it.

    Statements whose person's consent does not cover the recipient are left out (the decision
    lists them, with the reason); anything else beyond consent refuses the whole export.
    """
    kind = scope.recipient.kind
    check_profile(scope)
    selected = select(case, scope)
    decision = consent_decision(case, selected, kind, scope.court_order)
    if not decision.allowed:
        log.info("export of case refused by consent: %d finding(s)", len(decision.refusals))
        raise ConsentRefusedError(decision.summary(), decision)
    held = decision.withheld_statement_ids
    if held:
        log.info("%d statement(s) stay behind: consent does not cover the recipient", len(held))
        kept = tuple(s for s in selected.statements if s.statement_id not in held)
        if not kept and not selected.evidence:
            raise NothingToExportError(case.reference)
        selected = replace(selected, statements=kept)
        involved = {p.person_id for p in involved_people(selected)}
        selected = replace(
            selected, people=tuple(p for p in case.people if p.person_id in involved)
        )
    return selected, decision


# Protected values --------------------------------------------------------------------------------

# Labels exports.from_intake gives protected fields that are not matched in text: a nationality,
# an issuing authority, a relation or a contact *method* ("Signal, mornings") would remove
# common words everywhere and identify no one by themselves. The fields still never leave.
_NOT_MATCHED = re.compile(r"Nationality|Guardian relation|.* (issuer|held by)$")
_DATE_FIELD = re.compile(r"Birth date|.* expires$")
_DOCUMENT_FIELD = re.compile(r"Document \d+ \(.*\) number")
_ENTITY_KINDS = {
    "phone": "phones",
    "email": "handles",
    "social": "handles",
    "url": "handles",
    "name": "names",
    "alias": "names",
    "address": "places",
    "vehicle": "documents",
    "bank_account": "documents",
}


def protected_values(case: BundleCase) -> Protected:
    """Every protected value of every person of the case (not only those involved), the places
    of its interviews and acquisitions, and its identifying entities."""
    found = Protected()
    for person in case.people:
        found.names += list(person.names)
        for label, value in person.protected.items():
            value = value.strip()
            if not value or _NOT_MATCHED.fullmatch(label):
                continue
            if _DATE_FIELD.fullmatch(label):
                with contextlib.suppress(ValueError):
                    found.dates.append(date.fromisoformat(value[:10]))
            elif _DOCUMENT_FIELD.fullmatch(label):
                found.documents.append(value)
            elif label in ("Legal name", "Guardian"):
                continue  # in person.names already
            else:
                found.contacts.append(value)
    for statement in case.statements:
        if statement.interview is not None and statement.interview.location.strip():
            found.places.append(statement.interview.location)
    for item in case.evidence:
        where = item.acquisition.get("Where", "").strip()
        if where:
            found.places.append(where)
    for kind, value in case.identifying:
        getattr(found, _ENTITY_KINDS.get(kind, "contacts")).append(value)
    return found


def matcher_for(case: BundleCase) -> Matcher:
    return Matcher(protected_values(case))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _safe_extension(filename: str) -> str:
    match = re.search(r"\.([A-Za-z0-9]{1,8})$", filename)
    return f".{match.group(1).lower()}" if match else ""


class _Scrub:
    """The matcher, counting what it removed by kind."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.counts: Counter[str] = Counter()

    def __call__(self, text: str) -> str:
        if not text:
            return text
        redacted, spans = self.matcher.redact(text)
        self.counts.update(str(s.kind) for s in spans)
        return redacted


def _derivative(item: BundleEvidence, derived: Derived, scrub: _Scrub) -> BundleEvidence:
    scrub.counts.update(str(s.kind) for s in derived.spans)
    return replace(
        item,
        original_filename=f"{item.number}.{derived.extension}",
        media_type=derived.media_type,
        size=len(derived.data),
        sha256=hashlib.sha256(derived.data).hexdigest(),
        open_original=bytes_opener(derived.data),
    )


def apply_profile(
    case: BundleCase, scope: ExportScope, *, derive_fn: DeriveFn | None = None
) -> RedactedCase:
    """Check the scope, select, and redact according to the profile.

    ``derive_fn``: where redacted copies come from; the review passes its own to the export
    that follows it, so that pictures are decoded and encoded once (exports.review.Derivatives).
    """
    selected, decision = plan_scope(case, scope)
    if scope.profile is Profile.COURT:
        return RedactedCase(selected, scope.profile, consent=decision)
    scrub = _Scrub(matcher_for(case))  # every person of the case, not just those involved

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
        # The hash observed is the original's: never in a partner bundle.
        return replace(
            event,
            actor=scrub(event.actor),
            from_party=scrub(event.from_party),
            to_party=scrub(event.to_party),
            purpose=scrub(event.purpose),
            authority_reference=scrub(event.authority_reference),
            method=scrub(event.method),
            hash_observed="",
        )

    statements: list[BundleStatement] = []
    redacted_ids: set[str] = set()
    for statement in selected.statements:
        text = scrub(statement.text)
        addenda = tuple(
            replace(a, text=scrub(a.text), author=scrub(a.author)) for a in statement.addenda
        )
        addenda = tuple(replace(a, text_sha256=sha256_text(a.text)) for a in addenda)
        if text != statement.text or any(
            a.text != b.text for a, b in zip(addenda, statement.addenda, strict=True)
        ):
            redacted_ids.add(statement.statement_id)
        statements.append(
            replace(
                statement,
                text=text,
                # The hash of the text that leaves; the original's would confirm a guess.
                text_sha256=sha256_text(text),
                finalised_by=scrub(statement.finalised_by),
                read_back=scrub(statement.read_back),
                title=scrub(statement.title),
                interview=interview(statement.interview),
                addenda=addenda,
            )
        )
    kept: list[BundleEvidence] = []
    withheld: list[BundleEvidence] = []
    reasons: dict[str, str] = {}
    for item in selected.evidence:
        cleaned = replace(
            item,
            original_filename=f"{item.number}{_safe_extension(item.original_filename)}",
            acquisition={k: scrub(v) for k, v in item.acquisition.items()},
            notes=scrub(item.notes),
            # Date taken, camera, GPS position and owner can place or name a person: never sent.
            metadata={},
            custody=tuple(custody(e) for e in item.custody),
            relevant_messages=tuple(
                replace(m, sender=scrub(m.sender), text=scrub(m.text), note=scrub(m.note))
                for m in item.relevant_messages
            ),
        )
        outcome = (derive_fn or derive)(item, scrub.matcher)
        if isinstance(outcome, WithheldReason):
            reasons[item.number] = outcome.value
            withheld.append(replace(cleaned, sha256="", open_original=bytes_opener(b"")))
        else:
            kept.append(_derivative(cleaned, outcome, scrub))

    def consent(item: Consent | None) -> Consent | None:
        if item is None:
            return None
        return replace(item, interpreter=scrub(item.interpreter), witness=scrub(item.witness))

    people = tuple(
        replace(p, pseudonym=scrub(p.pseudonym), protected={}, names=(), consent=consent(p.consent))
        for p in selected.people
    )
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
        identifying=(),
        indicators=tuple(replace(i, note=scrub(i.note)) for i in selected.indicators),
    )
    log.info(
        "pseudonymised: %d value(s) redacted, %d derivative(s), %d item(s) withheld",
        sum(scrub.counts.values()),
        len(kept),
        len(withheld),
    )
    return RedactedCase(
        redacted,
        scope.profile,
        tuple(withheld),
        frozenset(redacted_ids),
        withheld_reasons=reasons,
        consent=decision,
        redactions=dict(scrub.counts),
        derived=frozenset(e.number for e in kept),
    )
