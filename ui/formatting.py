"""Turning domain values into display strings (dates in local time, sizes, enum names)."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from resources import i18n

CONTEXT = "Terms"


def when(moment: datetime | None) -> str:
    """A timestamp in the computer's local time, to the minute."""
    if moment is None:
        return "—"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def day(value: date | None) -> str:
    return "—" if value is None else value.isoformat()


def size(num_bytes: int) -> str:
    return QLocale().formattedDataSize(num_bytes)


def language() -> str:
    """The interface language code, as chosen through ui.i18n."""
    return i18n.current().language


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate and returns it unchanged."""
    return text


_TERMS: dict[str, str] = {
    # case status
    "open": QT_TRANSLATE_NOOP("Terms", "open"),
    "closed": QT_TRANSLATE_NOOP("Terms", "closed"),
    # person roles
    "survivor": QT_TRANSLATE_NOOP("Terms", "survivor"),
    "witness": QT_TRANSLATE_NOOP("Terms", "witness"),
    "suspect": QT_TRANSLATE_NOOP("Terms", "suspect"),
    "other": QT_TRANSLATE_NOOP("Terms", "other"),
    # consent
    "written": QT_TRANSLATE_NOOP("Terms", "written"),
    "verbal_witnessed": QT_TRANSLATE_NOOP("Terms", "verbal, witnessed"),
    "ngo_internal": QT_TRANSLATE_NOOP("Terms", "NGO internal"),
    "police": QT_TRANSLATE_NOOP("Terms", "police"),
    "prosecutor": QT_TRANSLATE_NOOP("Terms", "prosecutor"),
    "court": QT_TRANSLATE_NOOP("Terms", "court"),
    "partner_ngo": QT_TRANSLATE_NOOP("Terms", "partner NGO"),
    "anonymised_research": QT_TRANSLATE_NOOP("Terms", "anonymised research"),
    # statements
    "verbatim": QT_TRANSLATE_NOOP("Terms", "verbatim"),
    "summary": QT_TRANSLATE_NOOP("Terms", "summary"),
    # export profiles
    "pseudonymised": QT_TRANSLATE_NOOP("Terms", "pseudonymised"),
    # custody
    "collected": QT_TRANSLATE_NOOP("Terms", "collected"),
    "ingested": QT_TRANSLATE_NOOP("Terms", "ingested"),
    "viewed": QT_TRANSLATE_NOOP("Terms", "viewed"),
    "exported": QT_TRANSLATE_NOOP("Terms", "exported"),
    "transferred": QT_TRANSLATE_NOOP("Terms", "transferred"),
    "received": QT_TRANSLATE_NOOP("Terms", "received"),
    "verified": QT_TRANSLATE_NOOP("Terms", "verified"),
    "returned": QT_TRANSLATE_NOOP("Terms", "returned"),
    "destroyed": QT_TRANSLATE_NOOP("Terms", "destroyed"),
    # entities
    "phone": QT_TRANSLATE_NOOP("Terms", "phone number"),
    "email": QT_TRANSLATE_NOOP("Terms", "e-mail"),
    "social": QT_TRANSLATE_NOOP("Terms", "social-media handle"),
    "url": QT_TRANSLATE_NOOP("Terms", "web address"),
    "name": QT_TRANSLATE_NOOP("Terms", "name"),
    "alias": QT_TRANSLATE_NOOP("Terms", "alias"),
    "address": QT_TRANSLATE_NOOP("Terms", "address"),
    "vehicle": QT_TRANSLATE_NOOP("Terms", "vehicle"),
    "bank_account": QT_TRANSLATE_NOOP("Terms", "bank account"),
    "company": QT_TRANSLATE_NOOP("Terms", "company"),
    # search kinds
    "case": QT_TRANSLATE_NOOP("Terms", "case"),
    "person": QT_TRANSLATE_NOOP("Terms", "person"),
    "statement": QT_TRANSLATE_NOOP("Terms", "statement"),
    "evidence": QT_TRANSLATE_NOOP("Terms", "evidence"),
    "entity": QT_TRANSLATE_NOOP("Terms", "entity"),
}


def term(value: object) -> str:
    """The translated name of an enum value (falls back to the value itself)."""
    key = str(getattr(value, "value", value))
    return _t(_TERMS[key]) if key in _TERMS else key


# The msgctxt of the custody texts Custodia itself writes into the vault (intake marks them with
# NC_("Custody", …)). A context, so that a person's own words are never taken for one of them.
SYSTEM_CONTEXT = "Custody"
# The export's custody method, written by exports in English with a bundle id inside.
_EXPORT_METHOD = re.compile(r"Custodia bundle (\S+) \((ZIP|folder), BagIt\)")


def system_text(text: str) -> str:
    """A custody text Custodia wrote (stored in English) in the interface language.

    Anything else, such as what a person typed, comes back unchanged.
    """
    if not text:
        return text
    found = _EXPORT_METHOD.fullmatch(text)
    if found is not None:
        template = (
            i18n.pgettext("Custody", "Custodia bundle %1 (ZIP, BagIt)")
            if found[2] == "ZIP"
            else i18n.pgettext("Custody", "Custodia bundle %1 (folder, BagIt)")
        )
        return template.replace("%1", found[1])
    # lookup, not pgettext: the text is data, not a message for the extractor to collect.
    return i18n.current().lookup(SYSTEM_CONTEXT, text) or text


# An export's custody event names its recipient as "NAME (kind)", the kind in English.
_PARTY_KIND = re.compile(
    r"(.*?)\s*\((ngo_internal|police|prosecutor|court|partner_ngo|anonymised_research)\)"
)


def party(text: str) -> str:
    """A custody party, with the recipient kind an export wrote in the interface language."""
    found = _PARTY_KIND.fullmatch(text)
    if found is None:
        return text
    return f"{found[1]} ({term(found[2])})".strip()


def fingerprint(hex_digest: str) -> str:
    """A key fingerprint in groups of four, easier to read aloud over the phone."""
    clean = hex_digest.strip().lower()
    return " ".join(clean[i : i + 4] for i in range(0, len(clean), 4))
