"""Where a search hit is, in words: "Addendum 2 to the statement “First account”", "Evidence
E-0003 contract.pdf, page 2". Qt-free, so that the command line says it the same way.

The case reference is not part of these words: the caller shows it once, before them.
"""

from __future__ import annotations

import logging

from intake.models import SearchHit, SearchKind
from resources.i18n import pgettext

log = logging.getLogger(__name__)

CONTEXT = "SearchDialog"


def _fill(template: str, *values: object) -> str:
    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", str(value))
    return template


def where(hit: SearchHit) -> str:
    """The words that say which record of the case the hit is in."""
    kind, context, title = hit.kind, hit.context.strip(), hit.title.strip()
    if kind is SearchKind.CASE:
        return (
            _fill(pgettext(CONTEXT, "Case: %1"), context) if context else pgettext(CONTEXT, "Case")
        )
    if kind is SearchKind.PERSON:
        return _fill(pgettext(CONTEXT, "Person %1"), title)
    if kind is SearchKind.STATEMENT:
        if title:
            return _fill(pgettext(CONTEXT, "Statement “%1”"), title)
        return pgettext(CONTEXT, "Statement (untitled)")
    if kind is SearchKind.ADDENDUM:
        if context:
            return _fill(pgettext(CONTEXT, "Addendum %1 to the statement “%2”"), hit.part, context)
        return _fill(pgettext(CONTEXT, "Addendum %1 to an untitled statement"), hit.part)
    if kind is SearchKind.INTERVIEW:
        if context:
            return _fill(pgettext(CONTEXT, "Interview with %1"), context)
        return pgettext(CONTEXT, "Interview")
    if kind is SearchKind.CONSENT:
        if context:
            return _fill(pgettext(CONTEXT, "Consent of %1, version %2"), context, hit.part)
        return _fill(pgettext(CONTEXT, "Consent for the case, version %1"), hit.part)
    if kind is SearchKind.EVIDENCE:
        return _fill(pgettext(CONTEXT, "Evidence %1 (description)"), title)
    if kind is SearchKind.EVIDENCE_TEXT:
        if hit.part > 0:
            return _fill(pgettext(CONTEXT, "Evidence %1, page %2"), context, hit.part)
        return _fill(pgettext(CONTEXT, "Evidence %1 (text of the file)"), context)
    if kind is SearchKind.CUSTODY:
        return _fill(pgettext(CONTEXT, "Custody of evidence %1"), context)
    if kind is SearchKind.ENTITY:
        return _fill(pgettext(CONTEXT, "Entity %1 (all cases)"), title)
    if kind is SearchKind.ENTITY_NOTE:
        return _fill(pgettext(CONTEXT, "Note on %1"), context)
    if kind is SearchKind.IDENTITY:
        return _fill(pgettext(CONTEXT, "Protected identity of %1"), context)
    return title


def snippet(hit: SearchHit) -> str:
    """The snippet on one line (matches in [brackets]); user text: shown as plain text."""
    return " ".join(hit.snippet.split())


def headline(hit: SearchHit) -> str:
    """The case reference, once, then where the hit is."""
    place = where(hit)
    return f"{hit.case_reference} · {place}" if hit.case_reference else place
