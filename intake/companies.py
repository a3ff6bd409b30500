"""Companies as entities: an employer or agency by its registry number where one is given (the
Romanian CUI with its check digit, or another country's number), else by its folded name.

"SC Exemplu Recrutare SRL, CUI RO18547290", "RO 18547290" and "18547290" (in a Romanian case)
are one company: ``RO:18547290``. A name alone links by its folded form without the legal form
("Exemplu Recrutare S.R.L." and "exemplu recrutare srl" are ``name:exemplu recrutare``).
"""

from __future__ import annotations

import logging
import re
import unicodedata

from intake.errors import InvalidEntityError

log = logging.getLogger(__name__)

#: Words in front of a registry number that also say which country's register it is.
_KEYWORDS: dict[str, str] = {
    "cui": "RO",
    "cif": "RO",
    "cod fiscal": "RO",
    "codul fiscal": "RO",
    "edrpou": "UA",
    "єдрпоу": "UA",
    "едрпоу": "UA",
    "nip": "PL",
    "idno": "MD",
    "eik": "BG",
    "еик": "BG",
    "bulstat": "BG",
    "булстат": "BG",
    "adoszam": "HU",
    "adószám": "HU",
    "reg no": "",
    "registry number": "",
    "registration number": "",
}
_KEYWORD = re.compile(
    r"(?P<key>" + "|".join(sorted(map(re.escape, _KEYWORDS), key=len, reverse=True)) + r")"
    r"[\s.:#№-]*(?P<cc>[A-Za-z]{2})?[\s-]?(?P<num>\d[\d \-.]{0,16}\d|\d)",
    re.IGNORECASE,
)
_WHOLE = re.compile(r"^(?P<cc>[A-Za-z]{2})?[\s-]?(?P<num>\d[\d \-.]{0,16}\d)$")
# Legal forms dropped from a name before it is compared (the register's name keeps them).
_LEGAL_FORMS = re.compile(
    r"\b(s\.?\s?c\.?|s\.?\s?r\.?\s?l\.?(\s?-?d)?|s\.?\s?a\.?|p\.?\s?f\.?\s?a\.?|i\.?\s?i\.?"
    r"|ltd\.?|llc|gmbh|sp\.?\s?z\s?o\.?\s?o\.?|kft\.?|zrt\.?|bt\.?|e?ood|ad|тов|фоп|пп"
    r"|ооо|еоод|оод|ад)(?=\s|$|,)",
    re.IGNORECASE,
)
#: Digits of each country's company number, where its check digit is not validated here.
_LENGTHS: dict[str, tuple[int, ...]] = {
    "UA": (8,),
    "MD": (13,),
    "BG": (9, 13),
    "HU": (8, 11),
    "PL": (10,),
}


def valid_cui(number: str) -> bool:
    """The Romanian CUI/CIF: 2 to 10 digits, the last a check digit (key 753217532)."""
    if not number.isdigit() or not 2 <= len(number) <= 10 or number[0] == "0":
        return False
    return cui_check_digit(number[:-1]) == int(number[-1])


def cui_check_digit(body: str) -> int:
    """The check digit that completes the CUI whose other digits are ``body``."""
    padded = body.rjust(9, "0")
    total = sum(int(d) * int(w) for d, w in zip(padded, "753217532", strict=True))
    control = total * 10 % 11
    return 0 if control == 10 else control


def valid_nip(number: str) -> bool:
    """The Polish NIP: 10 digits, the last a check digit (weights 6 5 7 2 3 4 5 6 7)."""
    if len(number) != 10 or not number.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:9], (6, 5, 7, 2, 3, 4, 5, 6, 7), strict=True))
    return total % 11 == int(number[9])


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split()).casefold()


def registry_number(raw: str, region: str = "RO") -> tuple[str, str] | None:
    """``(country, digits)`` of the registry number in ``raw``, or None when it names none.

    Raises :class:`InvalidEntityError` when a number is given but fails its country's check.
    """
    text = raw.strip()
    country = ""
    found = _WHOLE.match(text)
    if found is None:
        found = _KEYWORD.search(text)
        if found is None:
            return None
        country = _KEYWORDS.get(found["key"].casefold(), "")
    digits = re.sub(r"\D", "", found["num"])
    country = (found["cc"] or country or region or "RO").upper()
    if country == "RO":
        if not valid_cui(digits):
            raise InvalidEntityError("company")
    elif country == "PL":
        if not valid_nip(digits):
            raise InvalidEntityError("company")
    elif country in _LENGTHS and len(digits) not in _LENGTHS[country]:
        raise InvalidEntityError("company")
    return country, digits


def normalise_company(raw: str, region: str = "RO") -> tuple[str, str]:
    """The linking key and display form of a company (see the module's docstring)."""
    display = " ".join(raw.split())
    if not display:
        raise InvalidEntityError("company")
    number = registry_number(display, region)
    if number is not None:
        return f"{number[0]}:{number[1]}", display
    name = _LEGAL_FORMS.sub(" ", _fold(display.replace(",", " ")))
    name = " ".join(re.sub(r"[\"'„”“«»]", "", name).split())
    if not name:
        raise InvalidEntityError("company")
    return f"name:{name}", display
