"""The domain: cases, people, consent, interviews, statements, evidence, custody, entities, search.

Uses vault/. Never imports Qt. Start with ``intake = open_intake(vault)``; the services are its
attributes (``intake.cases``, ``intake.people``, … ``intake.erasure``). The public names load on
first use, so that the exports' and verifier's use of the plain records (``intake.models``) does
not load the database libraries.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intake.service import Intake, open_intake

__all__ = ["Intake", "open_intake"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'intake' has no attribute {name!r}")
    value = getattr(importlib.import_module("intake.service"), name)
    globals()[name] = value
    return value
