"""What the export wizard shows before anything leaves the vault: may this case go to this
recipient, under this profile, and if not, why, in the interface language.

The core decides (``ConsentService.may_share``, then the exporter's own checks, which also
audit a refusal); this reads the same records to phrase the reasons for a person. Reading
consent records reveals no protected identity, so nothing here is audited.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from exports.model import Profile, RecipientKind
from exports.redaction import FULL_IDENTITY_RECIPIENTS
from intake import Intake
from intake.models import Consent, PersonRole, RecipientCategory
from ui.formatting import term

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportDecision:
    allowed: bool
    reasons: tuple[str, ...]  # translated sentences; one when allowed, one or more when refused


def _problem(chain: Consent | None, kind: RecipientKind) -> str | None:
    if chain is None:
        return QCoreApplication.translate("ExportDecision", "no consent is recorded")
    if chain.withdrawn:
        return QCoreApplication.translate(
            "ExportDecision", "consent was withdrawn (version %1)"
        ).replace("%1", str(chain.version))
    if RecipientCategory(kind.value) not in chain.scope:
        allowed = ", ".join(sorted(term(c) for c in chain.scope)) or "—"
        return (
            QCoreApplication.translate(
                "ExportDecision", "consent version %1 allows only: %2; not %3"
            )
            .replace("%1", str(chain.version))
            .replace("%2", allowed)
            .replace("%3", term(kind))
        )
    return None


def decide(intake: Intake, case_id: str, kind: RecipientKind, profile: Profile) -> ExportDecision:
    """The consent and profile decision for one export, phrased for the user."""
    reasons: list[str] = []
    if profile is Profile.COURT and kind not in FULL_IDENTITY_RECIPIENTS:
        reasons.append(
            QCoreApplication.translate(
                "ExportDecision",
                "The court profile shows full identities and may go only to a court, a "
                "prosecutor, the police or your own organisation. Choose the pseudonymised "
                "profile for %1.",
            ).replace("%1", term(kind))
        )
    decision = intake.consent.may_share(case_id, RecipientCategory(kind.value))
    chains = intake.consent.current(case_id)
    case_level = next((c for c in chains if c.person_id is None), None)
    by_person = {c.person_id: c for c in chains if c.person_id is not None}
    if not chains:
        reasons.append(
            QCoreApplication.translate("ExportDecision", "No consent is recorded for this case.")
        )
    else:
        for recorded in chains:
            problem = _problem(recorded, kind)
            if problem is not None and recorded.person_id is None:
                reasons.append(
                    QCoreApplication.translate("ExportDecision", "Case consent: %1.").replace(
                        "%1", problem
                    )
                )
        for person in intake.people.list_for_case(case_id):
            chain = by_person.get(person.person_id, case_level)
            # Mirrors the exporter: a survivor always needs consent, others when one is recorded.
            if person.role is not PersonRole.SURVIVOR and chain is None:
                continue
            if chain is not None and chain is case_level:
                continue  # already named as the case's consent
            problem = _problem(chain, kind)
            if problem is not None:
                reasons.append(f"{person.pseudonym} ({term(person.role)}): {problem}.")
    if not decision.allowed and not reasons:
        # The core refused for a reason this screen does not phrase: show the core's words.
        reasons.append(decision.reason)
    if reasons:
        return ExportDecision(False, tuple(reasons))
    version = decision.consent_version or 0
    return ExportDecision(
        True,
        (
            QCoreApplication.translate(
                "ExportDecision", "Consent (version %1) covers sharing with %2."
            )
            .replace("%1", str(version))
            .replace("%2", term(kind)),
        ),
    )
