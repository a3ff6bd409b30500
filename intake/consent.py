"""Consent: versioned and append-only (no row is ever updated), with a scope per recipient."""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Any

from intake._base import (
    Columns,
    Row,
    Service,
    case_row,
    dumps,
    insert_row,
    new_id,
    parse_dt,
    scalar,
    to_iso,
    translated_db_errors,
)
from intake.errors import PersonNotFoundError, ValidationError
from intake.models import (
    Consent,
    ConsentFinding,
    ConsentMethod,
    ConsentReason,
    ConsentSubject,
    ConsentTerms,
    ExportConsentDecision,
    PersonRole,
    RecipientCategory,
    evidence_label,
)
from intake.search import index_record

log = logging.getLogger(__name__)

CONSENT = Columns.of(Consent)
_FINALISED_STATEMENT = Columns("statement_id", "person_id")
_EVIDENCE_FROM_PERSON = Columns("number", "acquired_from_person_id")
_SUBJECT = Columns("person_id", "pseudonym", "role")
#: Suspects and "other" people are not asked for consent unless their own words leave.
CONSENTING_ROLES = frozenset({PersonRole.SURVIVOR, PersonRole.WITNESS})


def consent_from_row(row: Row) -> Consent:
    return Consent(
        consent_id=row["consent_id"],
        case_id=row["case_id"],
        person_id=row["person_id"],
        version=int(row["version"]),
        given_at=parse_dt(row["given_at"]),
        language=row["language"],
        interpreter=row["interpreter"],
        method=ConsentMethod(row["method"]),
        witness=row["witness"],
        scope=frozenset(RecipientCategory(c) for c in json.loads(row["scope"])),
        withdrawn=bool(row["withdrawn"]),
        notes=row["notes"],
        recorded_at=parse_dt(row["recorded_at"]),
        recorded_by=row["recorded_by"],
    )


def consent_required(subject: ConsentSubject) -> bool:
    """Whether this person's consent must cover the recipient for the export to go ahead.

    A survivor always (the case is about them); anyone whose statement leaves (DESIGN §8,
    witnesses included); and whoever handed over evidence that leaves when they are a survivor
    or witness, or when a consent chain applies to them.
    """
    if subject.role is PersonRole.SURVIVOR or subject.statement_ids:
        return True
    return bool(subject.evidence_labels) and (
        subject.role in CONSENTING_ROLES or subject.consent is not None
    )


def _judge(terms: ConsentTerms | None, recipient: RecipientCategory) -> ConsentReason:
    if terms is None:
        return ConsentReason.NOT_RECORDED
    if terms.withdrawn:
        return ConsentReason.WITHDRAWN
    if recipient not in terms.scope:
        return ConsentReason.KIND_NOT_COVERED
    return ConsentReason.COVERED


def _finding(
    code: ConsentReason, recipient: RecipientCategory, terms: ConsentTerms | None, **who: Any
) -> ConsentFinding:
    return ConsentFinding(
        code,
        recipient,
        consent_id=terms.consent_id if terms else None,
        consent_version=terms.version if terms else None,
        scope=terms.scope if terms else frozenset(),
        withdrawn_at=terms.given_at if terms is not None and terms.withdrawn else None,
        case_wide=terms.case_wide if terms else False,
        **who,
    )


def _own_consent(subject: ConsentSubject) -> ConsentTerms | None:
    """The consent that may let this person's own words leave.

    A witness's or anyone else's statement needs their own consent (DESIGN §8): the case-wide
    chain speaks for the case and its survivor, not for a neighbour who gave a statement.
    """
    terms = subject.consent
    if terms is not None and terms.case_wide and subject.role is not PersonRole.SURVIVOR:
        return None
    return terms


def _withholdable(subject: ConsentSubject) -> bool:
    """Whether leaving this person's statements behind removes the need for their consent:
    they are not the survivor the case is about, and no evidence of theirs leaves."""
    return (
        bool(subject.statement_ids)
        and subject.role is not PersonRole.SURVIVOR
        and not subject.evidence_labels
    )


def decide_export(
    recipient: RecipientCategory | str,
    subjects: Iterable[ConsentSubject],
    *,
    case_consent: ConsentTerms | None,
    consent_recorded: bool,
    withhold_statements: bool = False,
    court_order: str = "",
) -> ExportConsentDecision:
    """THE consent rule of an export: may this material go to ``recipient``, and why (codes).

    ``subjects`` are the people of the case with what of theirs would leave; ``case_consent``
    the latest version of the case-wide chain; ``consent_recorded`` whether any consent at all
    is on record for the case. The case-wide consent, when recorded, must cover the recipient
    itself; a case with no consent at all is refused even when nobody's material needs one,
    since the evidence of a case is about its people. The intake service, the exporter and the
    export wizard all decide through here; none of them phrases a reason.

    With ``withhold_statements`` (the exporter and the wizard), a person whose statements are
    all that would need their consent does not stop the export: the finding is marked
    ``withheld`` and their statements stay behind. A ``court_order`` reference overrides every
    refusal of a person's consent; each overridden finding carries it, for the audit log.
    """
    kind = RecipientCategory(recipient)
    findings: list[ConsentFinding] = []
    order: dict[str, Any] = {"court_order": court_order} if court_order else {}
    if case_consent is not None:
        code = _judge(case_consent, kind)
        overrides = order if code is not ConsentReason.COVERED else {}
        findings.append(_finding(code, kind, case_consent, **overrides))
    elif not consent_recorded:
        findings.append(_finding(ConsentReason.NOT_RECORDED, kind, None, **order))
    for subject in subjects:
        who: dict[str, Any] = {
            "person_id": subject.person_id,
            "pseudonym": subject.pseudonym,
            "role": subject.role,
            "statement_ids": subject.statement_ids,
            "evidence_labels": subject.evidence_labels,
        }
        terms = subject.consent
        if consent_required(subject):
            if subject.statement_ids:
                terms = _own_consent(subject)
            code = _judge(terms, kind)
        else:
            code = ConsentReason.NOT_REQUIRED
        covered = code in (ConsentReason.COVERED, ConsentReason.NOT_REQUIRED)
        if not covered and court_order:
            who["court_order"] = court_order
        elif not covered and withhold_statements and _withholdable(subject):
            who["withheld"] = True
        findings.append(_finding(code, kind, terms, **who))
    return ExportConsentDecision(kind, tuple(findings))


class ConsentService(Service):
    """Each call adds a version; nothing is overwritten, so the history is the record."""

    def record(
        self,
        case_id: str,
        *,
        scope: Iterable[RecipientCategory | str],
        given_at: datetime,
        language: str,
        method: ConsentMethod | str,
        person_id: str | None = None,
        interpreter: str = "",
        witness: str = "",
        notes: str = "",
    ) -> Consent:
        """Add a new consent version for ``person_id`` (or the case as a whole when ``None``).

        A verbal consent must name its witness. A narrower scope is a partial withdrawal.
        """
        method = ConsentMethod(method)
        categories = sorted({str(RecipientCategory(c)) for c in scope})
        if method is ConsentMethod.VERBAL_WITNESSED and not witness.strip():
            raise ValidationError("witness")
        if not language.strip():
            raise ValidationError("language")
        return self._append(
            case_id,
            person_id,
            categories,
            False,
            given_at,
            language,
            method,
            interpreter,
            witness,
            notes,
            "consent.recorded",
        )

    def withdraw(
        self,
        case_id: str,
        *,
        given_at: datetime,
        language: str,
        method: ConsentMethod | str,
        person_id: str | None = None,
        interpreter: str = "",
        witness: str = "",
        notes: str = "",
    ) -> Consent:
        """Record a full withdrawal as a new version with an empty scope."""
        method = ConsentMethod(method)
        return self._append(
            case_id,
            person_id,
            [],
            True,
            given_at,
            language,
            method,
            interpreter,
            witness,
            notes,
            "consent.withdrawn",
        )

    def _append(
        self,
        case_id: str,
        person_id: str | None,
        categories: list[str],
        withdrawn: bool,
        given_at: datetime,
        language: str,
        method: ConsentMethod,
        interpreter: str,
        witness: str,
        notes: str,
        action: str,
    ) -> Consent:
        consent_id = new_id()
        person_key = person_id or ""
        # Withdrawal must stay possible on a closed case: it is never an addition of material.
        with self._vault.transaction() as tx, translated_db_errors():
            case_row(tx, case_id, must_be_open=False)
            if person_id is not None:
                owner = scalar(tx, "case_id", "FROM people WHERE person_id = ?", (person_id,))
                if owner != case_id:
                    raise PersonNotFoundError(person_id)
            latest = scalar(
                tx,
                "coalesce(max(version), 0)",
                "FROM consent WHERE case_id = ? AND person_key = ?",
                (case_id, person_key),
            )
            version = int(latest) + 1
            insert_row(
                tx,
                "consent",
                {
                    "consent_id": consent_id,
                    "case_id": case_id,
                    "person_id": person_id,
                    "version": version,
                    "given_at": to_iso(given_at),
                    "language": language.strip(),
                    "interpreter": interpreter,
                    "method": str(method),
                    "witness": witness,
                    "scope": dumps(categories),
                    "withdrawn": int(withdrawn),
                    "notes": notes,
                    "recorded_at": tx.at,
                    "recorded_by": self._vault.actor,
                    "person_key": person_key,
                },
            )
            index_record(tx, "consent", consent_id)
            tx.audit(
                action,
                consent_id,
                {
                    "case_id": case_id,
                    "person_id": person_id,
                    "version": version,
                    "scope": categories,
                },
            )
        log.info("consent %s version %d recorded for case %s", consent_id, version, case_id)
        return self.get(consent_id)

    def get(self, consent_id: str) -> Consent:
        row = CONSENT.fetch_one(self._vault, "FROM consent WHERE consent_id = ?", (consent_id,))
        if row is None:
            raise ValidationError("consent id")
        return consent_from_row(row)

    def history(self, case_id: str, person_id: str | None = None) -> list[Consent]:
        """Every version, oldest first; all persons' chains unless ``person_id`` is given."""
        if person_id is None:
            rows = CONSENT.fetch_all(
                self._vault,
                "FROM consent WHERE case_id = ? ORDER BY person_key, version",
                (case_id,),
            )
        else:
            rows = CONSENT.fetch_all(
                self._vault,
                "FROM consent WHERE case_id = ? AND person_key = ? ORDER BY version",
                (case_id, person_id),
            )
        return [consent_from_row(r) for r in rows]

    def current(self, case_id: str) -> list[Consent]:
        """The latest version of each consent chain (one per person, or one for the case)."""
        rows = CONSENT.fetch_all(
            self._vault,
            "FROM consent c WHERE case_id = ? AND version ="
            " (SELECT max(version) FROM consent d"
            "  WHERE d.case_id = c.case_id AND d.person_key = c.person_key)"
            " ORDER BY person_key",
            (case_id,),
        )
        return [consent_from_row(r) for r in rows]

    def decide_export(
        self,
        case_id: str,
        recipient: RecipientCategory | str,
        *,
        statement_ids: Collection[str] | None = None,
        evidence_labels: Collection[str] | None = None,
        withhold_statements: bool = False,
        court_order: str = "",
    ) -> ExportConsentDecision:
        """May this case's material (or the selection given) go to ``recipient``? In codes.

        ``None`` selections mean everything an export would carry: every finalised statement
        and every evidence item. Ids that are not in the case are ignored here (the exporter
        refuses them on its own). Reading consent reveals no identity: nothing is audited.
        """
        chains = self.current(case_id)
        case_chain = next((c for c in chains if c.person_id is None), None)
        own = {c.person_id: c for c in chains if c.person_id is not None}
        statements: dict[str, list[str]] = {}
        for row in _FINALISED_STATEMENT.fetch_all(
            self._vault,
            "FROM statements"
            " WHERE case_id = ? AND finalised_at IS NOT NULL AND person_id IS NOT NULL"
            " ORDER BY created_at, statement_id",
            (case_id,),
        ):
            if statement_ids is None or row["statement_id"] in statement_ids:
                statements.setdefault(row["person_id"], []).append(row["statement_id"])
        evidence: dict[str, list[str]] = {}
        for row in _EVIDENCE_FROM_PERSON.fetch_all(
            self._vault,
            "FROM evidence"
            " WHERE case_id = ? AND acquired_from_person_id IS NOT NULL ORDER BY number",
            (case_id,),
        ):
            label = evidence_label(int(row["number"]))
            if evidence_labels is None or label in evidence_labels:
                evidence.setdefault(row["acquired_from_person_id"], []).append(label)
        subjects = []
        for row in _SUBJECT.fetch_all(
            self._vault,
            "FROM people WHERE case_id = ? ORDER BY created_at, person_id",
            (case_id,),
        ):
            person_id = row["person_id"]
            chain = own.get(person_id, case_chain)
            subjects.append(
                ConsentSubject(
                    person_id=person_id,
                    pseudonym=row["pseudonym"],
                    role=PersonRole(row["role"]),
                    consent=ConsentTerms.of(chain) if chain is not None else None,
                    statement_ids=tuple(statements.get(person_id, ())),
                    evidence_labels=tuple(evidence.get(person_id, ())),
                )
            )
        decision = decide_export(
            recipient,
            subjects,
            case_consent=ConsentTerms.of(case_chain) if case_chain is not None else None,
            consent_recorded=bool(chains),
            withhold_statements=withhold_statements,
            court_order=court_order,
        )
        log.debug(
            "consent decision for case %s to %s: %s",
            case_id,
            decision.recipient.value,
            decision.summary() or "allowed",
        )
        return decision
