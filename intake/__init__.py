"""The domain: cases, people, consent, interviews, statements, evidence, custody, entities, search.

Uses vault/. Never imports Qt. Start with ``intake = open_intake(vault)``; the services are its
attributes (``intake.cases``, ``intake.people``, … ``intake.erasure``).
"""

from intake.service import Intake, open_intake

__all__ = ["Intake", "open_intake"]
