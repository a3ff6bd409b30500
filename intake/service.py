"""The intake facade: one object giving the UI and the exports every domain service."""

from __future__ import annotations

import logging

from intake.cases import CaseService
from intake.consent import ConsentService
from intake.consent_documents import ConsentDocuments
from intake.custody import CustodyService
from intake.drafts import DraftService
from intake.entities import EntityService
from intake.erasure import ErasureService
from intake.evidence import EvidenceService
from intake.indicators import IndicatorService
from intake.interviews import InterviewService
from intake.people import PeopleService
from intake.referrals import ReferralService
from intake.schema import INTAKE_COMPONENT, INTAKE_MIGRATIONS
from intake.search import SearchService
from intake.statements import StatementService
from intake.tasks import TaskService
from vault import Vault

log = logging.getLogger(__name__)


class Intake:
    """The domain services over one unlocked vault. Build it with :func:`open_intake`."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.cases = CaseService(vault)
        self.people = PeopleService(vault)
        self.consent = ConsentService(vault)
        self.interviews = InterviewService(vault)
        self.statements = StatementService(vault)
        self.evidence = EvidenceService(vault)
        self.custody = CustodyService(vault)
        self.entities = EntityService(vault)
        self.indicators = IndicatorService(vault)
        self.search = SearchService(vault)
        self.erasure = ErasureService(vault)
        self.drafts = DraftService(vault)
        self.consent_documents = ConsentDocuments(vault)
        self.referrals = ReferralService(vault)
        self.tasks = TaskService(vault)

    def close(self) -> None:
        """Write any pending autosave text (call before locking the vault)."""
        self.statements.flush_autosave()


def open_intake(vault: Vault | Intake) -> Intake:
    """Bring the intake schema up to date (audited migrations) and return the services."""
    if isinstance(vault, Intake):
        return vault
    vault.migrate(INTAKE_COMPONENT, INTAKE_MIGRATIONS)
    return Intake(vault)
