"""The redaction matcher (exports.matcher) under generated spellings: phones and dates."""

from __future__ import annotations

from datetime import date, timedelta

from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from exports.matcher import REDACTED, Matcher, Protected, suspicious_spans

NATIONAL = "712345678"
PHONE_MATCHER = Matcher(Protected(phones=["+40 712 345 678"]))
_PREFIXES = ["0", "+40", "+40 ", "0040", "0040 ", "0040-", "+40 (0)", "+40(0)", "(0)", "", "+ 40 "]
_SEPARATORS = [" ", "-", ".", "", "  ", " - ", "/"]


@st.composite
def phone_spellings(draw: st.DrawFn) -> str:
    digits = NATIONAL
    groups: list[str] = []
    while digits:
        size = draw(st.integers(min_value=2, max_value=4))
        groups.append(digits[:size])
        digits = digits[size:]
    separator = draw(st.sampled_from(_SEPARATORS))
    body = separator.join(groups)
    if draw(st.booleans()) and len(groups) > 1:
        body = f"({groups[0]}) " + separator.join(groups[1:])
    return draw(st.sampled_from(_PREFIXES)) + body


@settings(max_examples=300, deadline=None)
@given(phone_spellings(), st.sampled_from(["Sună la {} mâine.", "{}", "tel:{}", "Tel. {}, ok"]))
def test_every_phone_spelling_is_redacted(spelling: str, template: str) -> None:
    redacted = PHONE_MATCHER(template.format(spelling))
    assert REDACTED in redacted
    assert "345" not in redacted, (spelling, redacted)


@given(st.from_regex(r"07[0-9]{2} [0-9]{3} [0-9]{3}", fullmatch=True))
def test_other_phone_numbers_are_left(number: str) -> None:
    if number.replace(" ", "") == "0" + NATIONAL:
        return
    assert PHONE_MATCHER(f"Suspect: {number}") == f"Suspect: {number}"


_NUMERIC = [
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%Y-%m-%d",
    "%d.%m.%y",
    "%m/%d/%Y",
    "{d}.{m}.%Y",
    "{d}/{m}/%Y",
    "{d}. {m}. %Y",
    "%d%m%Y",
]
_BABEL = [("en", "long"), ("en", "medium"), ("ro", "long"), ("ro", "medium"), ("ro", "short")]
_BABEL += [("uk", "long"), ("uk", "medium"), ("ru", "long"), ("de", "long"), ("fr", "long")]
_BABEL += [("ro", "d MMMM y"), ("uk", "d MMMM y"), ("en", "MMMM d, y"), ("en", "d MMM y")]
_dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2012, 12, 31))


def _numeric(day: date, pattern: str) -> str:
    return day.strftime(pattern.format(d=day.day, m=day.month))


@settings(max_examples=300, deadline=None)
@given(_dates, st.sampled_from(_NUMERIC), st.sampled_from(["născută pe {}.", "DOB: {}", "{}"]))
def test_numeric_birth_dates_are_redacted(born: date, pattern: str, template: str) -> None:
    written = _numeric(born, pattern)
    redacted = Matcher(Protected(dates=[born]))(template.format(written))
    assert written not in redacted
    assert REDACTED in redacted


@settings(max_examples=200, deadline=None)
@given(_dates, st.sampled_from(_BABEL))
def test_birth_dates_in_words_are_redacted(born: date, form: tuple[str, str]) -> None:
    written = format_date(born, form[1], locale=form[0])
    redacted = Matcher(Protected(dates=[born]))(f"Data nașterii: {written}; atât.")
    assert written not in redacted
    assert str(born.year) not in redacted, (written, redacted)


@settings(max_examples=200, deadline=None)
@given(_dates, st.integers(min_value=1, max_value=400), st.sampled_from(_NUMERIC[:5]))
def test_other_dates_are_left(born: date, offset: int, pattern: str) -> None:
    other = born + timedelta(days=offset)
    written = _numeric(other, pattern)
    text = f"La {written} am plecat."
    assert Matcher(Protected(dates=[born]))(text) == text


def test_names_fold_transliterate_and_inflect() -> None:
    matcher = Matcher(Protected(names=["Mădălina Ionescu"]))
    for written in ("MADALINA", "Мадаліна", "Мадалина", "Ionescului", "Madalinei", "Іонеску"):
        assert matcher(f"x {written} y") == f"x {REDACTED} y", written
    for word in ("Madrid", "Ion", "Ionel", "Maria", "lina"):
        assert matcher(f"x {word} y") == f"x {word} y", word


def test_suspicious_tokens_are_the_kinds_asked_for() -> None:
    text = "Am plecat cu Vasile pe 3 mai 2024 spre Năvodari; tel 0722 000 111, @recruiter_77."
    found = {text[s.start : s.end]: str(s.kind) for s in suspicious_spans(text)}
    assert found["Vasile"] == "capitalised"
    assert found["Năvodari"] == "capitalised"
    assert found["3 mai 2024"] == "date"
    assert found["0722 000 111"] == "number"
    assert found["@recruiter_77"] == "handle"
    assert "Am" not in found  # a sentence starts with a capital


def test_what_custodia_writes_itself_is_not_suspicious() -> None:
    written = [
        "2026-03-04T11:40:00Z",
        "2026-03-04T10:20:00Z–2026-03-04T10:35:00Z",
        "2026-03-04 11:40:00+02:00",
        "AES-256-GCM",
        "AES-256",
        "SHA-256",
        "Ed25519",
        "X25519",
        "TLS 1.3",
        "HTTP/1.1",
        "3f1a" * 16,
        "sha256:" + "ab" * 32,
        "0f8fad5b-d9cb-469f-a165-70867728950e",
        "E-0001",
        "E-12345",
        "TRAIN-2026-014",
    ]
    for token in written:
        text = f"Saved by ana at {token} in the vault."
        found = [text[s.start : s.end] for s in suspicious_spans(text, ["TRAIN-2026-014"])]
        assert found == [], (token, found)
    # What a person wrote is still flagged beside them.
    text = "E-0001 at 2026-03-04T11:40:00Z says Vasile called 0722 000 111 on 14.03.1998."
    flagged = {text[s.start : s.end] for s in suspicious_spans(text)}
    assert flagged == {"Vasile", "0722 000 111", "14.03.1998"}
    # A date alone may be a birth date: it is still shown.
    assert [str(s.kind) for s in suspicious_spans("Born 1998-03-14, they say.")] == ["date"]
