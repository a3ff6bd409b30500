"""Consent decisions in words: the one mapping from intake's reason codes to sentences.

The core decides in codes (``intake.consent.decide_export``); the export wizard and the command
line both phrase the decision here, so a person reads the same reason wherever they are refused.
Qt-free: the wizard passes ``QCoreApplication.translate`` as ``translate``, the command line the
gettext catalogue's ``pgettext`` (the default); both read the same catalogues, keyed by the
context below.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from intake.models import (
    ConsentFinding,
    ConsentReason,
    ExportConsentDecision,
    PersonRole,
    RecipientCategory,
)
from resources.i18n import NC_, pgettext

log = logging.getLogger(__name__)

#: (context, source text) -> text in the reader's language.
Translate = Callable[[str, str], str]
CONTEXT = "ExportDecision"
TERMS = "Terms"


_KINDS: dict[RecipientCategory, str] = {
    RecipientCategory.NGO_INTERNAL: NC_(TERMS, "NGO internal"),
    RecipientCategory.POLICE: NC_(TERMS, "police"),
    RecipientCategory.PROSECUTOR: NC_(TERMS, "prosecutor"),
    RecipientCategory.COURT: NC_(TERMS, "court"),
    RecipientCategory.PARTNER_NGO: NC_(TERMS, "partner NGO"),
    RecipientCategory.ANONYMISED_RESEARCH: NC_(TERMS, "anonymised research"),
}
_ROLES: dict[PersonRole, str] = {
    PersonRole.SURVIVOR: NC_(TERMS, "survivor"),
    PersonRole.WITNESS: NC_(TERMS, "witness"),
    PersonRole.SUSPECT: NC_(TERMS, "suspect"),
    PersonRole.OTHER: NC_(TERMS, "other"),
}


def kind_name(kind: RecipientCategory, translate: Translate = pgettext) -> str:
    return translate(TERMS, _KINDS[kind])


def role_name(role: PersonRole, translate: Translate = pgettext) -> str:
    return translate(TERMS, _ROLES[role])


def _fill(template: str, *values: str) -> str:
    # Qt-style numbered placeholders, filled from the highest so "%1" never eats "%10".
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", values[number - 1])
    return template


def _problem(finding: ConsentFinding, translate: Translate) -> str:
    """What is wrong with the consent itself, without saying whose it is."""
    version = str(finding.consent_version or 0)
    if finding.code is ConsentReason.NOT_RECORDED:
        return translate(CONTEXT, "no consent is recorded")
    if finding.code is ConsentReason.WITHDRAWN:
        if finding.withdrawn_at is None:
            return _fill(translate(CONTEXT, "consent was withdrawn (version %1)"), version)
        return _fill(
            translate(CONTEXT, "consent was withdrawn on %2 (version %1)"),
            version,
            finding.withdrawn_at.date().isoformat(),
        )
    if finding.code is ConsentReason.KIND_NOT_COVERED:
        allowed = ", ".join(sorted(kind_name(k, translate) for k in finding.scope)) or "—"
        return _fill(
            translate(CONTEXT, "consent version %1 allows only: %2; not %3"),
            version,
            allowed,
            kind_name(finding.recipient, translate),
        )
    if finding.code is ConsentReason.NOT_REQUIRED:
        return translate(CONTEXT, "no consent is needed: nothing of theirs leaves")
    return _fill(
        translate(CONTEXT, "consent version %1 covers %2"),
        version,
        kind_name(finding.recipient, translate),
    )


def reason_sentence(finding: ConsentFinding, translate: Translate = pgettext) -> str:
    """One finding as a sentence: the case's consent, or a person's (pseudonym and role)."""
    if finding.person_id is None:
        if finding.code is ConsentReason.NOT_RECORDED:
            return translate(CONTEXT, "No consent is recorded for this case.")
        return _fill(translate(CONTEXT, "Case consent: %1."), _problem(finding, translate))
    role = role_name(finding.role, translate) if finding.role is not None else ""
    return _fill(
        translate(CONTEXT, "%1 (%2): %3."),
        finding.pseudonym,
        role,
        _problem(finding, translate),
    )


def refusal_sentences(
    decision: ExportConsentDecision, translate: Translate = pgettext
) -> list[str]:
    """Why the decision refuses, one sentence per problem, empty when it allows.

    A problem of the case's own consent is said once, not again for each person it covers;
    when nothing at all is recorded, the case's sentence says it for everyone.
    """
    case = decision.finding(None)
    case_refused = case is not None and not case.allowed
    sentences: list[str] = []
    for finding in decision.refusals:
        if finding.person_id is not None and case_refused and case is not None:
            if case.code is ConsentReason.NOT_RECORDED:
                continue
            if finding.case_wide and finding.consent_id == case.consent_id:
                continue
        sentences.append(reason_sentence(finding, translate))
    return sentences


def allowed_sentence(decision: ExportConsentDecision, translate: Translate = pgettext) -> str:
    """The one sentence for an allowed decision."""
    return _fill(
        translate(CONTEXT, "Consent (version %1) covers sharing with %2."),
        str(decision.consent_version or 0),
        kind_name(decision.recipient, translate),
    )


def decision_sentences(
    decision: ExportConsentDecision, translate: Translate = pgettext
) -> list[str]:
    """The allowed sentence, or every refusal sentence."""
    if decision.allowed:
        return [allowed_sentence(decision, translate)]
    return refusal_sentences(decision, translate)


def withheld_sentences(
    decision: ExportConsentDecision, translate: Translate = pgettext
) -> list[str]:
    """One sentence per person whose statements stay behind, with why (DESIGN §8)."""
    sentences: list[str] = []
    for finding in decision.withheld:
        role = role_name(finding.role, translate) if finding.role is not None else ""
        sentences.append(
            _fill(
                translate(CONTEXT, "Left out: %1 of %2 (%3): %4."),
                ", ".join(finding.statement_ids),
                finding.pseudonym,
                role,
                _problem(finding, translate),
            )
        )
    return sentences


def court_order_sentences(
    decision: ExportConsentDecision, translate: Translate = pgettext
) -> list[str]:
    """What a court order overrides, naming its reference."""
    return [
        _fill(
            translate(CONTEXT, "Court order %1 overrides: %2"),
            finding.court_order,
            reason_sentence(finding, translate),
        )
        for finding in decision.overridden
    ]
