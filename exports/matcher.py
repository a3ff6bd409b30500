"""Find every written form of a protected value in free text (DESIGN §8).

A partner bundle must not carry a survivor's name, phone, birth date, document number, handle or
the place she was interviewed in *any* spelling people actually use, not only the one typed in
the identity form. :class:`Matcher` is built once per export from the protected values and the
identifying entities of the case, and returns the spans to redact:

- names and places: word by word on a phonetic *skeleton* (diacritics and case folded,
  Cyrillic transliterated to Latin with ``anyascii``, then letters that transliteration systems
  render differently merged: г h/g, и y/i, х kh/h, ц ts/c…), each name part alone, with the
  inflected forms of Romanian and Ukrainian (Mădălinei, Оленою);
- phone numbers: ``phonenumbers``' matcher over the text, plus every run of digits that ends in
  the number's national significant number behind a known prefix (0, +40, 0040, 40(0)…);
- dates: every numeric order and separator, and day-month-year with the month in words in every
  language Babel knows for the shipped catalogues (``14 martie 1998``, ``14 березня 1998 р.``);
- document numbers, vehicle plates, bank accounts: the letters and digits with any separators,
  and the number without its letter prefix;
- handles, e-mails, URLs: with or without ``@``, a link in front, or another separator.

:func:`suspicious_spans` finds what the review should still look at after redaction: capitalised
words, numbers, dates and handles the matcher did not take.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache

import phonenumbers
from anyascii import anyascii
from babel import Locale
from babel.dates import format_date

log = logging.getLogger(__name__)

REDACTED = "[redacted]"
#: Regions whose national formats are tried when a number has no country code.
PHONE_REGIONS = ("RO", "MD", "UA", "GB", "DE", "IT", "FR", "ES", "PL", "BG", "RU", "US")
#: Languages whose month names and date formats are matched (the catalogues' and neighbours').
DATE_LOCALES = ("en", "ro", "uk", "ru", "fr", "de", "it", "es", "bg", "pl", "hu")
MIN_NAME_PART = 3
#: A stem this long may carry an inflection ending (Mădălin-ei, Олен-ою, Ionescu-lui).
MIN_STEM = 4
MAX_ENDING = 4
MIN_DOCUMENT_DIGITS = 5

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*|\d+")
#: Words of an address that name no place by themselves (folded).
_STREET_WORDS = frozenset(
    "str strada nr numar numarul bd bld bulevardul blvd calea sos soseaua piata aleea sc ap "
    "et bl street st road rd avenue ave no vul vulitsia vulytsia prosp prospekt ul ulitsa "
    "pl ploshcha d dom kv".split()
)
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKELETON_RULES = (
    ("shch", "s"),
    ("sch", "s"),
    ("kh", "h"),
    ("zh", "z"),
    ("sh", "s"),
    ("ch", "c"),
    ("tz", "t"),
    ("ts", "t"),
    ("ph", "f"),
    ("ck", "k"),
    ("x", "ks"),
    ("q", "k"),
    ("w", "v"),
    ("c", "k"),
    ("g", "h"),
    ("y", "i"),
    ("j", "i"),
    ("iu", "u"),
    ("ia", "a"),
    ("ie", "e"),
    ("io", "o"),
)


class ValueKind(StrEnum):
    """What kind of protected value a span came from (counted on the report's cover)."""

    NAME = "name"
    PHONE = "phone"
    DATE = "date"
    DOCUMENT = "document"
    HANDLE = "handle"
    PLACE = "place"
    OTHER = "other"


class SuspicionKind(StrEnum):
    """Why the review highlights a token the matcher left in place."""

    CAPITALISED = "capitalised"
    NUMBER = "number"
    DATE = "date"
    HANDLE = "handle"


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    kind: str = field(compare=False)


def fold(text: str) -> str:
    """Case, diacritics and script folded: 'Mădălina', 'MADALINA', 'Мадаліна' → 'madalina'."""
    text = unicodedata.normalize("NFKC", text)
    return anyascii(text).lower()


@cache
def skeleton(word: str) -> str:
    """A word as it sounds, whichever way it was transliterated: 'Вигадана', 'Vyhadana' and
    'Vigadana' all give 'vihadana'. Used only to compare with protected values, never shown."""
    s = re.sub(r"[^a-z0-9]", "", fold(word))
    for old, new in _SKELETON_RULES:
        s = s.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", s)


def _words(text: str) -> Iterator[re.Match[str]]:
    return _WORD.finditer(text)


# Names and places ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Phrase:
    skeletons: tuple[str, ...]
    kind: ValueKind
    inflects: bool


def name_parts(name: str) -> list[str]:
    """The words of a name that identify on their own; annotations in brackets are not names."""
    bare = _PARENTHESES.sub(" ", name)
    return [
        m.group(0)
        for m in _words(bare)
        if len(m.group(0)) >= MIN_NAME_PART and not m.group(0).isdigit()
    ]


def _word_matches(token: str, part: str, inflects: bool, capitalised: bool = True) -> bool:
    if token == part:
        return True
    # Only a capitalised word is read as an inflected name: "вигаданий" (fictional) is not a
    # case of the surname Вигадана, though it shares the stem.
    if not inflects or not capitalised or len(part) < MIN_STEM:
        return False
    # The stem without its final vowel takes the case endings: Madalin-a → Madalin-ei.
    stem = part[:-1] if part[-1] in "aeiou" else part
    return (
        len(stem) >= MIN_STEM
        and token.startswith(stem)
        and len(token) - len(stem) <= MAX_ENDING
        and len(token) >= len(part) - 1
    )


# Dates -----------------------------------------------------------------------------------------


@cache
def _month_words() -> dict[str, int]:
    """Every month name and abbreviation of DATE_LOCALES (as written and folded) → month."""
    words: dict[str, int] = {}
    for code in DATE_LOCALES:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for month, name in locale.months[context][width].items():
                    for form in (name, name.rstrip(".")):
                        if len(form) >= 3:
                            words[form.lower()] = month
                            words[fold(form)] = month
    return words


@cache
def _month_pattern() -> str:
    names = sorted(_month_words(), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


_SEP = r"\s*[./\-]\s*"
_NUMERIC_DATE = re.compile(
    r"(?<![\w.])(\d{1,4})(\s*[./\-]\s*|\s+)(\d{1,2})\2(\d{2,4})(?![\w]|\.\d)", re.UNICODE
)
_COMPACT_DATE = re.compile(r"(?<!\d)\d{6}(?:\d{2})?(?!\d)")


@cache
def _word_dates() -> tuple[re.Pattern[str], re.Pattern[str]]:
    months = _month_pattern()
    day_first = re.compile(
        r"(?<![\w])(\d{1,2})(?:\.|-?(?:st|nd|rd|th|lea|го|-го|e|er))?\s*(?:de\s+|of\s+)?"
        rf"({months})\.?,?\s*(?:de\s+|of\s+)?(\d{{4}}|'?\d{{2}})"
        r"(?:\s*(?:р\.|року|рік|г\.|года|an(?:ul)?|y\.)|(?![\w]))",
        re.IGNORECASE,
    )
    month_first = re.compile(
        rf"(?<![\w])({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}|'?\d{{2}})(?![\w])",
        re.IGNORECASE,
    )
    return day_first, month_first


def _years(text: str) -> set[int]:
    text = text.lstrip("'")
    year = int(text)
    if len(text) == 4:
        return {year}
    if len(text) == 2:
        return {1900 + year, 2000 + year}
    return set()


def _is_date(day: int, month: int, years: set[int], target: date) -> bool:
    return day == target.day and month == target.month and target.year in years


def _babel_forms(target: date) -> set[str]:
    """The birth date as each language writes it, for the literal pass (Babel's own formats)."""
    forms: set[str] = set()
    for code in DATE_LOCALES:
        for fmt in ("short", "medium", "long", "full", "dd.MM.y", "d MMMM y", "d MMM y"):
            try:
                forms.add(format_date(target, fmt, locale=code))
            except (ValueError, KeyError):  # a locale without that width
                continue
    return {f for f in forms if len(f) >= 6}


# Phones, documents, handles ---------------------------------------------------------------------


_PHONE_RUN = re.compile(r"(?<![\w+])\+?(?:\(?\d[\d\s().\-/]{4,}\d)(?![\w])")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@[\w][\w.]*[\w]|(?<![\w@])@\w", re.UNICODE)
_LINK_PREFIX = re.compile(
    r"(?:(?:https?://)?(?:www\.|m\.)?[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}/(?:@|u/|user/|in/)?|@)$",
    re.IGNORECASE,
)


def _phone_numbers(text: str) -> list[phonenumbers.PhoneNumber]:
    found: dict[str, phonenumbers.PhoneNumber] = {}
    for region in PHONE_REGIONS:
        for match in phonenumbers.PhoneNumberMatcher(
            text, region, leniency=phonenumbers.Leniency.POSSIBLE
        ):
            number = match.number
            key = f"{number.country_code}:{number.national_number}"
            found.setdefault(key, number)
        if found and "+" in text:
            break  # an international number is the same in every region
    return list(found.values())


def _phone_suffixes(number: phonenumbers.PhoneNumber) -> tuple[str, set[str]]:
    """The national significant number and the prefixes people put before it."""
    national = phonenumbers.national_significant_number(number)
    cc = str(number.country_code)
    prefixes = {"", "0", cc, "00" + cc, cc + "0", "00" + cc + "0", "0" + cc, "011" + cc}
    return national, prefixes


def _separated(chars: str) -> str:
    """A regex for these letters and digits with any separators between them."""
    return r"[\s.\-/]?".join(re.escape(c) for c in chars)


def handle_core(value: str) -> str:
    """'https://instagram.com/madalina_ionescu', '@madalina_ionescu' → 'madalina_ionescu'."""
    value = value.strip().rstrip("/")
    value = re.sub(r"^(?:https?://)?(?:www\.|m\.)?[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}/", "", value)
    value = value.removeprefix("@").split("?")[0].split("/")[0]
    return value


def _handle_pattern(core: str) -> str:
    """The handle with any of . _ - or nothing between its parts, case-insensitively."""
    pieces = [p for p in re.split(r"[._\-]+", core) if p]
    body = r"[._\-]?".join(re.escape(p) for p in pieces)
    return rf"(?<![\w.\-]){body}(?![\w\-]|\.\w)"


# The matcher -----------------------------------------------------------------------------------


@dataclass
class Protected:
    """The protected values of an export, sorted by kind (see :meth:`Matcher.build`)."""

    names: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    dates: list[date] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    #: Free values of no known kind (a contact note): each phone, e-mail and handle inside is
    #: found and the remaining text is matched as a phrase.
    contacts: list[str] = field(default_factory=list)


class Matcher:
    """All written forms of a set of protected values; see the module's docstring."""

    def __init__(self, protected: Protected) -> None:
        # Which values this matcher removes: a redacted copy made by another matcher with the
        # same key can be reused (exports.review.Derivatives); with other values, never.
        self.key = hashlib.sha256(repr(protected).encode("utf-8")).hexdigest()
        self._phrases: list[_Phrase] = []
        self._phones: list[phonenumbers.PhoneNumber] = []
        self._dates: list[date] = list(dict.fromkeys(protected.dates))
        patterns: list[tuple[str, ValueKind]] = []
        for value in protected.contacts:
            rest = value
            for number in _phone_numbers(value):
                self._phones.append(number)
            rest = _PHONE_RUN.sub(" ", rest)
            for found in (*_EMAIL.findall(value), *_URL.findall(value), *_HANDLE.findall(value)):
                protected.handles.append(found)
                rest = rest.replace(found, " ")
            if re.search(r"[^\W\d_]{3,}", rest) and len(rest.strip(" ,;:")) >= MIN_NAME_PART:
                self._add_phrase(rest.strip(" ,;:"), ValueKind.OTHER, inflects=False, parts=False)
        for value in protected.phones:
            numbers = _phone_numbers(value)
            if not numbers:
                digits = re.sub(r"\D", "", value)
                if len(digits) >= MIN_DOCUMENT_DIGITS:
                    patterns.append((_separated(digits), ValueKind.PHONE))
            self._phones += numbers
        for name in protected.names:
            self._add_phrase(name, ValueKind.NAME, inflects=True, parts=True)
        for place in protected.places:
            self._add_place(place)
        for value in protected.documents:
            patterns += self._document_patterns(value)
        for value in protected.handles:
            patterns += self._handle_patterns(value)
        for target in self._dates:
            for form in _babel_forms(target):
                body = r"\s*".join(re.escape(p) for p in form.split())
                patterns.append((rf"(?<!\w){body}(?!\w)", ValueKind.DATE))
        self._suffixes = [_phone_suffixes(n) for n in self._phones]
        self._patterns = [
            (re.compile(p, re.IGNORECASE | re.UNICODE), kind) for p, kind in dict.fromkeys(patterns)
        ]
        log.debug(
            "matcher: %d phrases, %d phones, %d dates, %d patterns",
            len(self._phrases),
            len(self._phones),
            len(self._dates),
            len(self._patterns),
        )

    @property
    def empty(self) -> bool:
        return not (self._phrases or self._phones or self._dates or self._patterns)

    def _add_phrase(self, value: str, kind: ValueKind, *, inflects: bool, parts: bool) -> None:
        whole = tuple(skeleton(m.group(0)) for m in _words(_PARENTHESES.sub(" ", value)))
        whole = tuple(w for w in whole if w)
        if whole and (len(whole) > 1 or len(whole[0]) >= MIN_NAME_PART):
            self._phrases.append(_Phrase(whole, kind, inflects))
        if parts:
            for part in name_parts(value):
                self._phrases.append(_Phrase((skeleton(part),), kind, inflects))

    def _add_place(self, place: str) -> None:
        """The whole place, and each comma-separated part that names somewhere on its own
        (a street, a building, a town), but not bare house numbers or one-letter words."""
        self._add_phrase(place, ValueKind.PLACE, inflects=False, parts=False)
        for segment in re.split(r"[,;\n]+", _PARENTHESES.sub(" ", place)):
            words = [m.group(0) for m in _words(segment)]
            letters = [w for w in words if not w.isdigit()]
            if letters and sum(len(w) for w in letters) >= MIN_STEM:
                self._add_phrase(segment, ValueKind.PLACE, inflects=False, parts=False)
            # "Str. Mihai Viteazu 12" is also written "strada Mihai Viteazu nr. 12".
            named = [w for w in letters if fold(w) not in _STREET_WORDS]
            if named != letters and sum(len(w) for w in named) >= MIN_STEM:
                self._add_phrase(" ".join(named), ValueKind.PLACE, inflects=False, parts=False)

    @staticmethod
    def _document_patterns(value: str) -> list[tuple[str, ValueKind]]:
        chars = re.sub(r"[\W_]", "", value)
        if len(chars) < MIN_NAME_PART:
            return []
        out = [(rf"(?<![^\W_]){_separated(chars)}(?![^\W_])", ValueKind.DOCUMENT)]
        digits = re.search(rf"\d{{{MIN_DOCUMENT_DIGITS},}}$", chars)
        if digits and digits.group(0) != chars:
            out.append((rf"(?<![^\W_]){_separated(digits.group(0))}(?![^\W_])", ValueKind.DOCUMENT))
        return out

    @staticmethod
    def _handle_patterns(value: str) -> list[tuple[str, ValueKind]]:
        value = value.strip()
        out: list[tuple[str, ValueKind]] = []
        if re.search(r"\s", value):  # "telegram: @name": the handles, links and e-mails in it
            for found in (*_EMAIL.findall(value), *_URL.findall(value), *_HANDLE.findall(value)):
                out += Matcher._handle_patterns(found)
            return out
        if "@" in value.strip("@"):  # an e-mail: the whole address and its local part
            local, _, domain = value.partition("@")
            out.append(
                (
                    rf"(?<![\w.\-]){re.escape(local)}\s*(?:@|\(at\)|\[at\])\s*"
                    rf"{re.escape(domain)}(?![\w\-])",
                    ValueKind.HANDLE,
                )
            )
            value = local
        core = handle_core(value)
        if len(re.sub(r"[\W_]", "", core)) >= MIN_NAME_PART:
            out.append((_handle_pattern(core), ValueKind.HANDLE))
        return out

    # Matching ----------------------------------------------------------------------------------

    def spans(self, text: str) -> list[Span]:
        """Where protected values occur in ``text`` (merged, sorted; may be empty)."""
        found: list[Span] = []
        found += self._phrase_spans(text)
        found += self._phone_spans(text)
        found += self._date_spans(text)
        for pattern, kind in self._patterns:
            found += [Span(m.start(), m.end(), kind) for m in pattern.finditer(text)]
        found = [self._widen(text, s) for s in found if s.end > s.start]
        return merge(found)

    def redact(self, text: str) -> tuple[str, list[Span]]:
        """The text with every protected span replaced by the marker, and the spans replaced."""
        text = unicodedata.normalize("NFC", text)
        spans = self.spans(text)
        out: list[str] = []
        last = 0
        for span in spans:
            out.append(text[last : span.start])
            out.append(REDACTED)
            last = span.end
        out.append(text[last:])
        return "".join(out), spans

    def __call__(self, text: str) -> str:
        return self.redact(text)[0]

    @staticmethod
    def _widen(text: str, span: Span) -> Span:
        """A handle or name inside a link or after '@' takes the link with it."""
        start = span.start
        head = text[max(0, start - 80) : start]
        prefix = _LINK_PREFIX.search(head)
        if prefix is not None and span.kind in (ValueKind.HANDLE, ValueKind.NAME):
            start -= len(prefix.group(0))
        return Span(start, span.end, span.kind)

    def _phrase_spans(self, text: str) -> list[Span]:
        if not self._phrases:
            return []
        tokens = [
            (m.start(), m.end(), skeleton(m.group(0)), m.group(0)[:1].isupper())
            for m in _words(text)
        ]
        spans: list[Span] = []
        for i in range(len(tokens)):
            for phrase in self._phrases:
                n = len(phrase.skeletons)
                if i + n > len(tokens):
                    continue
                if all(
                    _word_matches(
                        tokens[i + k][2], phrase.skeletons[k], phrase.inflects, tokens[i + k][3]
                    )
                    for k in range(n)
                ):
                    spans.append(Span(tokens[i][0], tokens[i + n - 1][1], phrase.kind))
        return spans

    def _phone_spans(self, text: str) -> list[Span]:
        if not self._phones:
            return []
        spans: list[Span] = []
        wanted = {(n.country_code, n.national_number) for n in self._phones}
        for region in PHONE_REGIONS[:3]:
            for match in phonenumbers.PhoneNumberMatcher(
                text, region, leniency=phonenumbers.Leniency.POSSIBLE
            ):
                key = (match.number.country_code, match.number.national_number)
                if key in wanted:
                    spans.append(Span(match.start, match.end, ValueKind.PHONE))
        for run in _PHONE_RUN.finditer(text):
            digits = re.sub(r"\D", "", run.group(0))
            for national, prefixes in self._suffixes:
                if digits.endswith(national) and digits[: -len(national)] in prefixes:
                    spans.append(Span(run.start(), run.end(), ValueKind.PHONE))
        return spans

    def _date_spans(self, text: str) -> list[Span]:
        if not self._dates:
            return []
        spans: list[Span] = []
        for m in _NUMERIC_DATE.finditer(text):
            a, b, c = m.group(1), m.group(3), m.group(4)
            readings: list[tuple[int, int, set[int]]] = []
            if len(a) == 4:
                readings.append((int(c), int(b), {int(a)}))  # year-month-day
            else:
                readings.append((int(a), int(b), _years(c)))  # day-month-year
                readings.append((int(b), int(a), _years(c)))  # month/day/year
            if any(_is_date(d, mo, y, t) for d, mo, y in readings for t in self._dates):
                spans.append(Span(m.start(), m.end(), ValueKind.DATE))
        for m in _COMPACT_DATE.finditer(text):
            digits = m.group(0)
            for t in self._dates:
                forms = {t.strftime("%d%m%Y"), t.strftime("%Y%m%d"), t.strftime("%d%m%y")}
                if digits in forms:
                    spans.append(Span(m.start(), m.end(), ValueKind.DATE))
        day_first, month_first = _word_dates()
        months = _month_words()
        for m in day_first.finditer(text):
            month = months.get(m.group(2).lower()) or months.get(fold(m.group(2)))
            if month and any(
                _is_date(int(m.group(1)), month, _years(m.group(3)), t) for t in self._dates
            ):
                spans.append(Span(m.start(), m.end(), ValueKind.DATE))
        for m in month_first.finditer(text):
            month = months.get(m.group(1).lower()) or months.get(fold(m.group(1)))
            if month and any(
                _is_date(int(m.group(2)), month, _years(m.group(3)), t) for t in self._dates
            ):
                spans.append(Span(m.start(), m.end(), ValueKind.DATE))
        return spans


def merge(spans: Iterable[Span]) -> list[Span]:
    """Overlapping or touching spans as one (the first's kind)."""
    out: list[Span] = []
    for span in sorted(spans):
        if out and span.start <= out[-1].end:
            last = out[-1]
            out[-1] = Span(last.start, max(last.end, span.end), last.kind)
        else:
            out.append(span)
    return out


# What the review highlights --------------------------------------------------------------------

_SENTENCE_START = re.compile(r"(?:^|[.!?:;…]\s+|\n\s*|[\"“„«(]\s*)$")
_CAPITALISED = re.compile(r"(?<![\w\[])[^\W\d_]{3,}", re.UNICODE)
_NUMBERISH = re.compile(r"(?<![\w])\+?\d[\d\s.\-/()]{2,}\d(?![\w])|(?<![\w])\d{3,}(?![\w])")
_HANDLEISH = re.compile(
    r"(?<![\w])@\w[\w.]*\w|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|(?:https?://|www\.)\S+"
    r"|(?<![\w])[^\W\d_]+[._][\w.]*\d[\w.]*|(?<![\w])[^\W\d_]+\d{2,}(?![\w])",
    re.UNICODE,
)
# What Custodia and its tools write themselves identifies no one: flagging it buried the few
# tokens that matter under dozens of timestamps and hashes. An ISO time (a date alone may still
# be a birth date), an algorithm or key name (AES-256, SHA-256, Ed25519), a hash or fingerprint,
# a UUID, and an evidence number (E-0001).
_ISO_TIME = r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?"
_SYSTEM_TOKEN = re.compile(
    rf"(?<![\w]){_ISO_TIME}(?:\s*[–\-]\s*{_ISO_TIME})?"
    r"|(?<![\w\-])(?:AES|SHA|SHA3|RSA|ECDSA|HMAC|MD|P|X|Ed|ChaCha|Poly|TLS|TLSv|HTTP|BLAKE)"
    r"[\-/ ]?\d+(?:[.\-]\d+)*(?:-GCM|-CBC|-Poly1305)?(?![\w])"
    r"|(?<![\w])(?:sha256:)?(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{32,}(?![\w])"
    r"|(?<![\w])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w])"
    r"|(?<![\w\-])E-\d{3,}(?![\w])",
    re.UNICODE,
)


def system_spans(text: str, literals: Sequence[str] = ()) -> list[tuple[int, int]]:
    """Where ``text`` holds tokens Custodia wrote (times, hashes, algorithm names, evidence
    numbers) or one of ``literals`` (the case reference): none of them is suspicious."""
    found = [(m.start(), m.end()) for m in _SYSTEM_TOKEN.finditer(text)]
    for literal in literals:
        if literal.strip():
            found += [(m.start(), m.end()) for m in re.finditer(re.escape(literal), text)]
    return found


def suspicious_spans(text: str, safe_words: Sequence[str] = ()) -> list[Span]:
    """Tokens a person should look at before the text leaves: capitalised words that do not
    start a sentence (names, places), numbers, dates and handles. Redaction markers, words
    known to be safe (pseudonyms, the case reference, month names) and what Custodia wrote
    itself (:func:`system_spans`) are not flagged."""
    safe = {fold(w) for w in safe_words} | {fold(w) for w in _month_words()}
    marker = [(m.start(), m.end()) for m in re.finditer(re.escape(REDACTED), text)]
    marker += system_spans(text, safe_words)

    def in_marker(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in marker)

    spans: list[Span] = []
    day_first, month_first = _word_dates()
    for pattern in (_NUMERIC_DATE, day_first, month_first):
        spans += [Span(m.start(), m.end(), SuspicionKind.DATE) for m in pattern.finditer(text)]
    spans += [Span(m.start(), m.end(), SuspicionKind.HANDLE) for m in _HANDLEISH.finditer(text)]
    spans += [Span(m.start(), m.end(), SuspicionKind.NUMBER) for m in _NUMBERISH.finditer(text)]
    for m in _CAPITALISED.finditer(text):
        word = m.group(0)
        if not word[0].isupper() or fold(word) in safe:
            continue
        if _SENTENCE_START.search(text[max(0, m.start() - 4) : m.start()]):
            continue
        spans.append(Span(m.start(), m.end(), SuspicionKind.CAPITALISED))
    return merge(s for s in spans if not in_marker(s.start, s.end))
