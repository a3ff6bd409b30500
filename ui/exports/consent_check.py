"""What the export wizard shows before anything leaves the vault: may this case go to this
recipient, under this profile, and if not, why, in the interface language.

The core decides (``intake.consent.decide_export``, the same call and the same decision object
the exporter refuses with); :mod:`ui.consent_reasons` phrases it. Reading consent records
reveals no protected identity, so nothing here is audited.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from exports.model import Profile, RecipientKind
from exports.redaction import profile_allowed
from intake import Intake
from intake.models import ExportConsentDecision
from ui import consent_reasons

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportDecision:
    allowed: bool
    reasons: tuple[str, ...]  # translated sentences; one when allowed, one or more when refused
    consent: ExportConsentDecision  # the core's decision, in codes
    #: Statements that stay behind for want of consent, one sentence per person (DESIGN §8).
    withheld: tuple[str, ...] = ()


def decide(
    intake: Intake,
    case_id: str,
    kind: RecipientKind,
    profile: Profile,
    *,
    statement_ids: Collection[str] | None = None,
    evidence_numbers: Collection[str] | None = None,
) -> ExportDecision:
    """The consent and profile decision for one export, phrased for the user."""
    translate = QCoreApplication.translate
    reasons: list[str] = []
    if not profile_allowed(profile, kind):
        reasons.append(
            translate(
                "ExportDecision",
                "The court profile shows full identities and may go only to a court, a "
                "prosecutor, the police or your own organisation. Choose the pseudonymised "
                "profile for %1.",
            ).replace("%1", consent_reasons.kind_name(kind, translate))
        )
    consent = intake.consent.decide_export(
        case_id,
        kind,
        statement_ids=statement_ids,
        evidence_labels=evidence_numbers,
        withhold_statements=True,  # as the exporter decides: they stay behind, with the reason
    )
    withheld = tuple(consent_reasons.withheld_sentences(consent, translate))
    if not consent.allowed:
        reasons += consent_reasons.refusal_sentences(consent, translate)
    if reasons:
        return ExportDecision(False, tuple(reasons), consent, withheld)
    return ExportDecision(
        True, (consent_reasons.allowed_sentence(consent, translate),), consent, withheld
    )
