"""Signed consent forms: evidence items linked to the consent version they record.

The scanned or photographed form goes through the normal ingest (encrypted blob, E-number,
custody events, audit entry); this module only links the item to the consent, in a transaction
of its own that is audited too. A consent version is immutable, so the link is a row beside it.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from intake._base import Columns, Service, insert_row, scalar
from intake.errors import ValidationError
from intake.evidence import EvidenceService
from intake.models import Acquisition, Evidence

log = logging.getLogger(__name__)

#: The evidence kind given to a signed consent form.
CONSENT_FORM_KIND = "consent form"

_LINK = Columns("evidence_id")


class ConsentDocuments(Service):
    def attach(
        self,
        consent_id: str,
        path: Path | str,
        *,
        acquisition: Acquisition | None = None,
        cancel: threading.Event | None = None,
    ) -> Evidence:
        """Ingest ``path`` as evidence of the consent's case and link it to the consent."""
        case_id = scalar(self._vault, "case_id", "FROM consent WHERE consent_id = ?", (consent_id,))
        if case_id is None:
            raise ValidationError("consent not found")
        evidence = EvidenceService(self._vault).ingest(
            str(case_id),
            path,
            kind=CONSENT_FORM_KIND,
            acquisition=acquisition,
            cancel=cancel,
        )
        self.link(consent_id, evidence.evidence_id)
        return evidence

    def link(self, consent_id: str, evidence_id: str) -> None:
        """Link an evidence item of the same case to a consent version."""
        with self._vault.transaction() as tx:
            consent_case = scalar(tx, "case_id", "FROM consent WHERE consent_id = ?", (consent_id,))
            evidence_case = scalar(
                tx, "case_id", "FROM evidence WHERE evidence_id = ?", (evidence_id,)
            )
            if consent_case is None or consent_case != evidence_case:
                raise ValidationError("the consent form must be evidence of the same case")
            insert_row(
                tx,
                "consent_documents",
                {
                    "consent_id": consent_id,
                    "evidence_id": evidence_id,
                    "linked_at": tx.at,
                    "linked_by": self._vault.actor,
                },
            )
            tx.audit(
                "consent.document_attached",
                consent_id,
                {"evidence_id": evidence_id, "case_id": str(consent_case)},
            )
        log.info("consent %s: signed form %s attached", consent_id, evidence_id)

    def for_consent(self, consent_id: str) -> list[str]:
        """Ids of the evidence items holding this consent's signed form, in the order attached."""
        rows = _LINK.fetch_all(
            self._vault,
            "FROM consent_documents WHERE consent_id = ? ORDER BY linked_at, evidence_id",
            (consent_id,),
        )
        return [str(r["evidence_id"]) for r in rows]
