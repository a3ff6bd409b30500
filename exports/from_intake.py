"""Export a case from a real vault: intake's records → the neutral model → a signed bundle.

Around the pure builder this adds what only a vault can do: the consent query (refused with the
reason, and the refusal is audited), the audited reveal of protected identity (needed for the
court profile and, for the pseudonymised profile, to remove those values from free text), a
signed ledger checkpoint printed in the report, and after a successful export one "exported"
custody event per item and the ``export.completed`` checkpoint naming the bundle's hash.
"""

from __future__ import annotations

import functools
import logging
import secrets
import threading
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

from exports import certificates, timestamp, tsa_store
from exports.builder import build_bundle
from exports.errors import (
    ConsentRefusedError,
    ExportError,
    RecipientKindMissingError,
    ReviewOutdatedError,
    ReviewRequiredError,
    TimestampLostError,
)
from exports.model import (
    AuditExcerptEntry,
    Author,
    BundleAddendum,
    BundleCase,
    BundleCheckpoint,
    BundleCustodyEvent,
    BundleEvidence,
    BundleIndicator,
    BundleInterview,
    BundleMessage,
    BundlePerson,
    BundleStatement,
    Consent,
    ExportRequest,
    ExportResult,
    ExportScope,
    Profile,
    Progress,
    Recipient,
    RecipientKind,
    SigningKeys,
)
from exports.redaction import apply_profile, check_profile, check_scope, profile_for
from exports.review import Derivatives, Review, ReviewConfirmation, build_review
from intake import models as im
from intake.capture import capture_fields
from intake.chats import ChatService
from intake.consent import CONSENTING_ROLES
from intake.service import Intake, open_intake
from vault import Vault, roles

log = logging.getLogger(__name__)

AUDIT_EXCERPT_LIMIT = 200


def _iso(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class ExportOptions:
    """What the user chose in the wizard or on the command line."""

    case_reference: str
    #: No default (DESIGN §7): an export without a recipient kind is refused.
    recipient: RecipientKind | None
    #: None: from the kind (full identity for court, prosecutor, police, the NGO itself).
    profile: Profile | None = None
    recipient_name: str = ""
    purpose: str = ""
    authority_reference: str = ""
    statement_ids: frozenset[str] | None = None
    evidence_numbers: frozenset[str] | None = None
    #: The language of report.pdf and VERIFY.txt (DESIGN §9: chosen at export).
    language: str = "en"
    #: A court order's reference, overriding consent refusals; audited.
    court_order: str = ""
    #: The user's confirmation of the review; a pseudonymised export is refused without it.
    review: ReviewConfirmation | None = None

    @property
    def kind(self) -> RecipientKind:
        if self.recipient is None:
            raise RecipientKindMissingError()
        return self.recipient

    @property
    def chosen_profile(self) -> Profile:
        return self.profile if self.profile is not None else profile_for(self.kind)


def _consent(chain: im.Consent | None) -> Consent | None:
    if chain is None:
        return None
    return Consent(
        version=chain.version,
        allowed=chain.scope,
        given_at=_iso(chain.given_at),
        method=chain.method.value,
        language=chain.language,
        withdrawn=chain.withdrawn,
        consent_id=chain.consent_id,
        case_wide=chain.person_id is None,
        interpreter=chain.interpreter,
        witness=chain.witness,
    )


def _identity_fields(
    identity: im.ProtectedIdentity,
) -> tuple[dict[str, str], tuple[str, ...], dict[str, str]]:
    protected: dict[str, str] = {}
    names: list[str] = []
    if identity.legal_name:
        protected["Legal name"] = identity.legal_name
        names.append(identity.legal_name)
    if identity.birth_date is not None:
        protected["Birth date"] = identity.birth_date.isoformat()
    if identity.nationality:
        protected["Nationality"] = identity.nationality
    for number, doc in enumerate(identity.documents, start=1):
        label = f"Document {number} ({doc.kind})"
        if doc.number:
            protected[f"{label} number"] = doc.number
        if doc.issuer:
            protected[f"{label} issuer"] = doc.issuer
        if doc.expires is not None:
            protected[f"{label} expires"] = doc.expires.isoformat()
        if doc.held_by:
            protected[f"{label} held by"] = doc.held_by
    if identity.contact:
        protected["Contact"] = identity.contact
    if identity.safe_contact_method:
        protected["Safe contact method"] = identity.safe_contact_method
    if identity.guardian_name:
        protected["Guardian"] = identity.guardian_name
        names.append(identity.guardian_name)
    if identity.guardian_contact:
        protected["Guardian contact"] = identity.guardian_contact
    if identity.guardian_relation:
        protected["Guardian relation"] = identity.guardian_relation
    flags = {
        "Safe to contact": "yes" if identity.safe_to_contact else "no",
        "Minor": "yes" if identity.is_minor else "no",
    }
    return protected, tuple(names), flags


def _interview(item: im.Interview | None) -> BundleInterview | None:
    if item is None:
        return None
    breaks = "; ".join(
        f"{_iso(b.started_at)}–{_iso(b.ended_at)}" + (f" ({b.reason})" if b.reason else "")
        for b in item.breaks
    )
    return BundleInterview(
        interview_id=item.interview_id,
        started_at=_iso(item.started_at),
        location=item.location,
        interviewer=item.interviewer,
        interpreter=item.interpreter,
        language=item.language,
        present=tuple(f"{p.name} ({p.role})" if p.role else p.name for p in item.present),
        breaks=breaks,
        recording=item.recording_method,
    )


def _custody(event: im.CustodyEvent) -> BundleCustodyEvent:
    return BundleCustodyEvent(
        event_id=str(event.event_id),
        kind=event.event_type,
        at=_iso(event.at),
        actor=event.actor,
        from_party=event.from_party,
        to_party=event.to_party,
        purpose=event.purpose,
        authority_reference=event.authority_ref,
        method=event.method,
        hash_observed=event.hash_observed,
    )


def _acquisition(acq: im.Acquisition) -> dict[str, str]:
    tool = " ".join(x for x in (acq.tool, acq.tool_version) if x)
    pairs = {
        "Acquired": _iso(acq.acquired_at),
        "Acquired by": acq.acquired_by,
        "Acquired from": acq.acquired_from,
        "Where": acq.location,
        "Method": acq.method,
        "Tool": tool,
        "Source URL": acq.source_url,
    }
    return {k: v for k, v in pairs.items() if v}


def _gps_degrees(value: str, ref: str) -> float | None:
    """exifread's text of a GPS position ("[44, 10, 642/25]") → signed decimal degrees."""
    parts = value.strip().strip("[]").split(",")
    if len(parts) != 3:
        return None
    try:
        d, m, s = (float(Fraction(p.strip())) for p in parts)
    except (ValueError, ZeroDivisionError):
        return None
    result = d + m / 60 + s / 3600
    return -result if ref.strip().upper() in ("S", "W") else result


def preserved_metadata(original: dict[str, Any]) -> dict[str, str]:
    """What a prosecutor asks of a picture, from the EXIF preserved at ingest (as read then)."""
    exif = original.get("exif")
    if not isinstance(exif, dict):
        return {}
    tags = {str(k): str(v).strip() for k, v in exif.items()}
    make, model = tags.get("Image Make", ""), tags.get("Image Model", "")
    # Many cameras repeat the make in the model ("Canon" + "Canon EOS 80D").
    camera = model if make and model.startswith(make) else " ".join(p for p in (make, model) if p)
    latitude = _gps_degrees(tags.get("GPS GPSLatitude", ""), tags.get("GPS GPSLatitudeRef", "N"))
    longitude = _gps_degrees(tags.get("GPS GPSLongitude", ""), tags.get("GPS GPSLongitudeRef", "E"))
    position = (
        f"{latitude:.6f}, {longitude:.6f}" if latitude is not None and longitude is not None else ""
    )
    pairs = {
        "Date taken": tags.get("EXIF DateTimeOriginal") or tags.get("Image DateTime", ""),
        "Camera": camera,
        "GPS coordinates": position,
        "Owner": tags.get("EXIF CameraOwnerName") or tags.get("Image Artist", ""),
    }
    return {k: v for k, v in pairs.items() if v}


def _indicators(intake: Intake, case_id: str) -> tuple[BundleIndicator, ...]:
    families = {f.family_id: f for f in intake.indicators.catalogue().families}
    return tuple(
        BundleIndicator(s.indicator, families.get(s.indicator.family_id), s.note)
        for s in intake.indicators.checklist(case_id)
        if s.present
    )


def _opener(intake: Intake, evidence_id: str) -> AbstractContextManager[Iterable[bytes]]:
    # The export records its own "exported" event; reading for it is not a "view".
    return intake.evidence.open_original(evidence_id, record_view=False)


def _relevant_messages(intake: Intake, evidence_id: str) -> tuple[BundleMessage, ...]:
    """The chat messages of an item marked relevant (none for an item that is not a chat)."""
    return tuple(
        BundleMessage(
            label=m.label,
            sent_at=m.sent_at.isoformat(),
            sender=m.sender,
            text=m.text,
            note=m.relevant_note,
            zone_assumed=m.zone_assumed,
        )
        for m in ChatService(intake.vault).relevant(evidence_id)
    )


def read_case(intake: Intake, case: im.Case, *, reveal_reason: str) -> BundleCase:
    """The whole case in the neutral model (protected identity revealed, audited, per person)."""
    chains = intake.consent.current(case.case_id)
    case_level = next((c for c in chains if c.person_id is None), None)
    by_person = {c.person_id: c for c in chains if c.person_id is not None}
    people: list[BundlePerson] = []
    for person in intake.people.list_for_case(case.case_id):
        protected: dict[str, str] = {}
        names: tuple[str, ...] = ()
        flags: dict[str, str] = {}
        chain = by_person.get(person.person_id, case_level)
        if intake.people.has_identity(person.person_id):
            identity = intake.people.reveal_identity(person.person_id, reveal_reason)
            protected, names, flags = _identity_fields(identity)
        people.append(
            BundlePerson(
                person_id=person.person_id,
                role=person.role,
                pseudonym=person.pseudonym,
                protected=protected,
                names=names,
                flags=flags,
                consent=_consent(chain),
                # Only the report's wording reads this; the decision is decide_export's.
                consent_required=person.role in CONSENTING_ROLES or chain is not None,
            )
        )
    interviews = {i.interview_id: i for i in intake.interviews.list_for_case(case.case_id)}
    statements: list[BundleStatement] = []
    for st in intake.statements.list_for_case(case.case_id):
        if not st.finalised or st.final_sha256 is None:
            continue  # only finalised statements leave the vault
        statements.append(
            BundleStatement(
                statement_id=st.statement_id,
                person_id=st.person_id or "",
                kind=st.kind,
                language=st.language,
                text=st.text,
                text_sha256=st.final_sha256,
                finalised_at=_iso(st.finalised_at),
                finalised_by=st.finalised_by,
                interview=_interview(interviews.get(st.interview_id or "")),
                read_back=(
                    f"{_iso(st.readback_at)} by {st.readback_by}"
                    + (f": {st.readback_note}" if st.readback_note else "")
                    if st.readback_at
                    else ""
                ),
                title=st.title,
                addenda=tuple(
                    BundleAddendum(
                        addendum_id=f"{a.number}",
                        at=_iso(a.created_at),
                        author=a.created_by,
                        text=a.text,
                        text_sha256=a.sha256,
                    )
                    for a in intake.statements.addenda(st.statement_id)
                ),
            )
        )
    evidence: list[BundleEvidence] = []
    for item in intake.evidence.list_for_case(case.case_id):
        evidence_id = item.evidence_id
        kind_words = item.kind.lower()
        evidence.append(
            BundleEvidence(
                evidence_id=evidence_id,
                number=item.label,
                kind=item.kind,
                original_filename=item.original_filename,
                media_type=item.media_type,
                size=item.size,
                sha256=item.sha256,
                open_original=functools.partial(_opener, intake, evidence_id),
                # A web capture's observations print with the acquisition (issue 17).
                acquisition={
                    **_acquisition(item.acquisition),
                    **capture_fields(item.original_metadata),
                },
                notes=item.notes,
                person_ids=tuple(
                    p for p in (item.acquisition.acquired_from_person_id,) if p is not None
                ),
                identifies_person=any(
                    w in kind_words for w in ("identity", "passport", "id card", "id document")
                ),
                custody=tuple(_custody(e) for e in intake.custody.events(evidence_id)),
                relevant_messages=_relevant_messages(intake, evidence_id),
                metadata=preserved_metadata(item.original_metadata),
            )
        )
    subjects = [
        case.case_id,
        *(p.person_id for p in people),
        *(s.statement_id for s in statements),
        *(e.evidence_id for e in evidence),
    ]
    excerpt: dict[int, AuditExcerptEntry] = {}
    for subject in subjects:
        for entry in intake.vault.audit_entries(subject=subject, limit=AUDIT_EXCERPT_LIMIT):
            excerpt[entry.seq] = AuditExcerptEntry(
                entry.seq,
                entry.at,
                entry.actor,
                entry.action,
                entry.subject,
                entry.entry_hash,
                entry.prev_hash,
            )
    identifying = tuple(
        dict.fromkeys(
            (str(link.entity.kind), text)
            for link in intake.entities.for_case(case.case_id)
            for text in (link.entity.value, link.entity.display)
            if text
        )
    )
    return BundleCase(
        reference=case.reference,
        title=case.title,
        jurisdiction=case.jurisdiction,
        status=case.status,
        opened_at=_iso(case.created_at),
        legal_hold=case.legal_hold,
        people=tuple(people),
        statements=tuple(statements),
        evidence=tuple(evidence),
        audit_excerpt=tuple(excerpt[k] for k in sorted(excerpt)[-AUDIT_EXCERPT_LIMIT:]),
        case_consent=_consent(case_level),
        identifying=identifying,
        indicators=_indicators(intake, case.case_id),
    )


def _author(vault: Vault) -> Author:
    # user_profiles() is the vault's typed (name, title, organisation) triple.
    for name, title, organisation in vault.user_profiles():
        if name == vault.actor:
            return Author(name=name, role=title, organisation=organisation)
    return Author(vault.actor)


def consent_decision(
    intake: Intake, case_id: str, options: ExportOptions
) -> im.ExportConsentDecision:
    """The consent decision for exactly this export (the wizard shows the same object)."""
    return intake.consent.decide_export(
        case_id,
        options.kind,
        statement_ids=options.statement_ids,
        evidence_labels=options.evidence_numbers,
        withhold_statements=True,
        court_order=options.court_order,
    )


def _scope(options: ExportOptions) -> ExportScope:
    return ExportScope(
        Recipient(options.kind, options.recipient_name),
        options.chosen_profile,
        purpose=options.purpose,
        authority_reference=options.authority_reference,
        statement_ids=options.statement_ids,
        evidence_numbers=options.evidence_numbers,
        court_order=options.court_order,
    )


def review_export(
    vault: Vault | Intake,
    options: ExportOptions,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Review:
    """What a pseudonymised export would carry, for the user to review before confirming.

    Reveals protected identity (audited, like the export itself) to find it in the texts;
    shows only redacted text. Refused like the export when consent does not cover it. The
    review keeps the redacted copies it made (``Review.derivatives``): confirmed with its
    digest, the export reuses them rather than making them again.
    """
    intake = open_intake(vault)
    intake.vault.require(roles.EXPORT)
    case = intake.cases.by_reference(options.case_reference)
    decision = consent_decision(intake, case.case_id, options)
    if not decision.allowed:
        raise ConsentRefusedError(decision.summary(), decision)
    scope = _scope(options)
    check_profile(scope)
    bundle_case = read_case(
        intake, case, reveal_reason=f"review before export ({scope.recipient.kind.value})"
    )
    derivatives = Derivatives(progress, cancel)
    derivatives.total = len(bundle_case.evidence)
    review = build_review(apply_profile(bundle_case, scope, derive_fn=derivatives))
    # Kept for the export, which reports its own progress and cancel.
    derivatives.progress = derivatives.cancel = None
    return replace(review, derivatives=derivatives)


def _check_review(
    intake: Intake,
    case_id: str,
    bundle_case: BundleCase,
    scope: ExportScope,
    confirmation: ReviewConfirmation | None,
    bundle_id: str,
    derivatives: Derivatives,
) -> None:
    """A partner export goes only after the user confirmed the review of what it carries; the
    confirmation is audited with the review's digest (DESIGN §8)."""
    if confirmation is None:
        raise ReviewRequiredError(f"case={case_id}")
    review = build_review(apply_profile(bundle_case, scope, derive_fn=derivatives))
    if confirmation.digest and not review.matches(confirmation.digest):
        raise ReviewOutdatedError(f"case={case_id} review={review.short_digest}")
    with intake.vault.transaction() as tx:
        tx.audit(
            "export.reviewed",
            case_id,
            {
                "bundle_id": bundle_id,
                "recipient": scope.recipient.kind.value,
                "review": review.digest,
                "via": confirmation.via,
                "texts": len(review.texts),
                "redactions": review.redaction_count,
                "suspicious": review.suspicious_count,
                "pictures": list(review.pictures),
            },
        )


def export_case(
    vault: Vault | Intake,
    options: ExportOptions,
    dest: Path | str,
    *,
    as_zip: bool = False,
    organisation: str = "",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    zip_stream: Any = None,
) -> ExportResult:
    """Export one case; refused with the reason when consent does not cover it.

    ``zip_stream`` (an :class:`exports.encryption.AgeSink`): the ZIP is encrypted as written.
    """
    intake = open_intake(vault)
    v = intake.vault
    v.require(roles.EXPORT)  # viewers read but never export (DESIGN §6.4): refused before any work
    kind = options.kind  # refused without a recipient kind, before anything is read
    profile = options.chosen_profile
    certificates.ensure_schema(v)
    case = intake.cases.by_reference(options.case_reference)
    bundle_id = secrets.token_hex(16)
    decision = consent_decision(intake, case.case_id, options)
    if not decision.allowed:
        with v.transaction() as tx:
            tx.audit(
                "export.refused",
                case.case_id,
                {
                    "recipient": kind.value,
                    "code": ConsentRefusedError.code,
                    "reasons": [
                        {"code": f.code.value, "person_id": f.person_id} for f in decision.refusals
                    ],
                },
            )
        raise ConsentRefusedError(decision.summary(), decision)
    scope = _scope(options)
    try:
        check_profile(scope)  # before any identity is revealed
    except ExportError as exc:
        with v.transaction() as tx:
            tx.audit("export.refused", case.case_id, {"recipient": kind.value, "code": exc.code})
        raise
    author = _author(v)
    bundle_case = read_case(
        intake, case, reveal_reason=f"export {bundle_id} ({profile.value}, {kind.value})"
    )
    # The reviewed copies when the user confirmed a review in this session (its digest is
    # checked below); otherwise made here once, for the check and the bag alike.
    reviewed = options.review.derivatives if options.review is not None else None
    derivatives = reviewed if reviewed is not None else Derivatives()
    try:
        check_scope(bundle_case, scope)
        if profile is Profile.PSEUDONYMISED:
            _check_review(
                intake, case.case_id, bundle_case, scope, options.review, bundle_id, derivatives
            )
    except ExportError as exc:
        with v.transaction() as tx:
            tx.audit(
                "export.refused",
                case.case_id,
                {"recipient": kind.value, "code": exc.code, "reason": str(exc.detail or "")},
            )
        raise
    if decision.overridden:
        with v.transaction() as tx:
            tx.audit(
                "export.court_order",
                case.case_id,
                {
                    "bundle_id": bundle_id,
                    "recipient": kind.value,
                    "court_order": options.court_order,
                    "overrides": [
                        {"code": f.code.value, "person_id": f.person_id}
                        for f in decision.overridden
                    ],
                },
            )
    identity = certificates.signing_identity(v, organisation=organisation or author.organisation)
    started = v.checkpoint(
        "export.started",
        {
            "bundle_id": bundle_id,
            "case": case.case_id,
            "recipient": kind.value,
            "profile": profile.value,
        },
    )
    request = ExportRequest(
        case=bundle_case,
        scope=scope,
        author=author,
        organisation=organisation or author.organisation,
        keys=SigningKeys(v.signing_key, identity),
        checkpoint=BundleCheckpoint(
            started.vault_id, started.seq, started.entry_hash, started.at, started.signature
        ),
        bundle_id=bundle_id,
        created_at=_iso(v.clock()),
        language=options.language,
    )
    # Trusted time (DESIGN §6.3): the started checkpoint's token doubles as asking whether the
    # TSA answers, before the report says whether the bundle has trusted time.
    url = tsa_store.tsa_url(v)
    plan = timestamp.TimePlan(url, bool(url) and tsa_store.stamp_checkpoint(v, started))

    def build(trusted_time: timestamp.TimePlan) -> ExportResult:
        return build_bundle(
            request,
            dest,
            as_zip=as_zip,
            progress=progress,
            cancel=cancel,
            trusted_time=trusted_time,
            zip_stream=zip_stream,
            derive_fn=derivatives,
        )

    try:
        try:
            result = build(plan)
        except TimestampLostError:
            # It answered a moment ago, not now: the bundle is built again saying it has none.
            result = build(replace(plan, reachable=False))
    except ExportError as exc:
        with v.transaction() as tx:
            tx.audit("export.failed", case.case_id, {"bundle_id": bundle_id, "code": exc.code})
        raise
    exported = set(result.evidence_numbers)
    derived = profile is Profile.PSEUDONYMISED
    method = f"Custodia bundle {bundle_id} ({'ZIP' if as_zip else 'folder'}, BagIt)"
    for item in bundle_case.evidence:
        if item.number in exported:
            intake.custody.record(
                item.evidence_id,
                im.CustodyEventType.EXPORTED,
                to_party=" ".join(x for x in (options.recipient_name, f"({kind.value})") if x),
                purpose=options.purpose,
                authority_ref=options.authority_reference,
                method=method + (" redacted copy" if derived else ""),
                # A redacted copy is not the original: no original hash was observed.
                hash_observed="" if derived else item.sha256.lower(),  # re-checked while written
            )
    v.checkpoint(
        "export.completed",
        {
            "bundle_id": bundle_id,
            "case": case.case_id,
            "recipient": kind.value,
            "profile": profile.value,
            "tagmanifest_sha256": result.tagmanifest_sha256,
            "evidence": list(result.evidence_numbers),
            "withheld": list(result.withheld_numbers),
            "statements": list(result.statement_ids),
            "withheld_statements": sorted(decision.withheld_statement_ids),
            "court_order": options.court_order,
        },
    )
    if result.timestamp_token is not None:
        digest = bytes.fromhex(result.tagmanifest_sha256)
        tsa_store.store_token(v, tsa_store.TAGMANIFEST, bundle_id, digest, result.timestamp_token)
    elif plan.url:
        tsa_store.queue_tagmanifest(v, bundle_id, result.tagmanifest_sha256)
    if plan.reachable:
        tsa_store.flush(v)  # the completed checkpoint, and whatever waited from offline times
    log.info("case %s exported as bundle %s", case.case_id, bundle_id)
    return replace(result, consent=decision)
