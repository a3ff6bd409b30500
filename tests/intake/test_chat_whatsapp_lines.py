"""The WhatsApp line parser, by property: any conversation written in any of the documented
formats reads back as written, and no text at all makes it fail other than with a clear error."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.chats import ChatExportError
from intake.chats.whatsapp import choose_order, parse_header, parse_whatsapp
from tests.intake.chat_samples import WHATSAPP_FORMATS, whatsapp_line

_LETTERS = st.characters(
    codec="utf-8",
    categories=("L", "N", "Zs", "P", "S"),
    exclude_characters="\n\r:<>()[]\u200e\u200f\u2028\u2029\x85",
)
senders = st.text(_LETTERS, min_size=1, max_size=30).map(str.strip).filter(bool)
# A continuation line must not itself look like the start of a message.
lines = (
    st.text(_LETTERS | st.sampled_from(":()"), min_size=1, max_size=60)
    .map(str.strip)
    .filter(lambda t: bool(t) and not t[0].isdigit() and parse_header(t) is None)
)
texts = st.lists(lines, min_size=1, max_size=3).map("\n".join)
moments = st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2098, 12, 31))


def _expected(fmt: str, moment: datetime) -> datetime:
    # Android lines carry minutes only.
    return (
        moment.replace(second=0, microsecond=0)
        if fmt.startswith("android")
        else moment.replace(microsecond=0)
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fmt=st.sampled_from(sorted(WHATSAPP_FORMATS)),
    start=moments,
    steps=st.lists(st.integers(min_value=0, max_value=86_400 * 40), min_size=1, max_size=8),
    people=st.lists(senders, min_size=1, max_size=3),
    bodies=st.lists(texts, min_size=8, max_size=8),
)
def test_written_conversations_read_back(fmt, start, steps, people, bodies):
    # The first day above 12 lets the file itself say which field is the day.
    start = start.replace(day=13 + start.day % 15)
    moments_ = []
    moment = start
    for step in steps:
        moments_.append(moment)
        moment += timedelta(seconds=step)
    rows = [(m, people[i % len(people)], bodies[i]) for i, m in enumerate(moments_)]
    text = "\n".join(whatsapp_line(fmt, m, who, body) for m, who, body in rows) + "\n"
    parsed = parse_whatsapp(text)
    messages = parsed.conversations[0].messages
    assert [(m.local, m.sender, m.text) for m in messages] == [
        (_expected(fmt, m), who, body) for m, who, body in rows
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_any_text_parses_or_gives_a_clear_error(text):
    try:
        parsed = parse_whatsapp(text)
    except ChatExportError:
        return
    assert parsed.conversations[0].messages


@settings(max_examples=200, deadline=None)
@given(fmt=st.sampled_from(sorted(WHATSAPP_FORMATS)), moment=moments)
def test_one_line_header(fmt, moment):
    header = parse_header(whatsapp_line(fmt, moment, "Олена Ş.", "text"))
    assert header is not None
    assert header.rest == "Олена Ş.: text"
    assert header.style == ("ios" if fmt.startswith("ios") else "android")


def test_day_or_month_first_is_decided_by_the_file():
    # 03/04 and 05/04 alone are ambiguous; 13/04 says the day comes first.
    lines = ["03/04/2026, 10:00 - A: x", "05/04/2026, 10:00 - A: y", "13/04/2026, 10:00 - A: z"]
    order, _ = choose_order([h for h in map(parse_header, lines) if h is not None])
    assert order == "dmy"
    us = ["4/3/26, 10:00 AM - A: x", "4/5/26, 10:00 AM - A: y", "4/13/26, 9:00 PM - A: z"]
    order, _ = choose_order([h for h in map(parse_header, us) if h is not None])
    assert order == "mdy"
    # Only time running forward tells these apart: 5 March, 6 March, 1 April (not 3 May,
    # 3 June, 4 January).
    forward = ["05.03.2026, 10:00 - A: x", "06.03.2026, 10:00 - A: y", "01.04.2026, 10:00 - A: z"]
    order, reason = choose_order([h for h in map(parse_header, forward) if h is not None])
    assert order == "dmy"
    assert "forward" in reason


def test_twelve_hour_clocks_in_each_language():
    for line, hour in (
        ("3/12/26, 12:05 AM - A: x", 0),
        ("3/12/26, 12:05 PM - A: x", 12),
        ("[12.03.26, 2:05:33 p.m.] A: x", 14),
        ("12.03.2026, 2:05 пп - A: x", 14),
        ("12.03.2026, 9:05 дп - A: x", 9),
    ):
        parsed = parse_whatsapp(line)
        assert parsed.conversations[0].messages[0].local.hour == hour, line


def test_system_lines_and_omitted_media():
    text = (
        "12.03.2026, 14:05 - Mesajele și apelurile sunt criptate integral.\n"
        "12.03.2026, 14:06 - Ion: <Media omise>\n"
        "[12.03.2026, 14:07:00] Olena: \u200eзображення пропущено\n"
    )
    messages = parse_whatsapp(text).conversations[0].messages
    assert messages[0].kind == "service"
    assert messages[1].media[0].included is False
    assert messages[2].media[0].included is False
