"""Handles are one entity however they were written (no Qt needed for the normaliser)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.entities import SOCIAL_PLATFORMS, normalise
from intake.errors import InvalidEntityError

HANDLES = st.from_regex(r"[a-z][a-z0-9_]{4,31}", fullmatch=True)


@given(HANDLES, st.sampled_from(["", "https://", "http://www."]), st.booleans())
def test_telegram_spellings_are_one_entity(handle: str, scheme: str, upper: bool) -> None:
    typed = handle.upper() if upper else handle
    keys = {
        normalise("social", f"telegram:@{typed}")[0],
        normalise("social", f"Telegram: {typed}")[0],
        normalise("social", f"tg:@{typed}")[0],
        normalise("social", f"@{typed}", platform="telegram")[0],
        normalise("social", f"{scheme}t.me/{typed}")[0],
        normalise("social", f"{scheme}t.me/s/{typed}")[0],
    }
    assert keys == {f"telegram:{handle}"}


@given(HANDLES, st.sampled_from(SOCIAL_PLATFORMS))
def test_a_chosen_platform_names_the_handle(handle: str, platform: str) -> None:
    key, display = normalise("social", f"@{handle}", platform=platform)
    assert key == f"{platform}:{handle}"
    assert display == f"{platform}: @{handle}"


def test_a_platform_in_the_text_wins_over_the_one_chosen() -> None:
    assert normalise("social", "instagram.com/ana.x/", platform="telegram")[0] == "instagram:ana.x"
    assert normalise("social", "tiktok.com/@ana.x")[0] == "tiktok:ana.x"


def test_phone_platforms_normalise_the_number() -> None:
    keys = {
        normalise("social", "wa.me/40721000111")[0],
        normalise("social", "whatsapp:+40 721 000 111")[0],
        normalise("social", "0721 000 111", platform="whatsapp")[0],
    }
    assert keys == {"whatsapp:+40721000111"}


def test_unknown_link_refused() -> None:
    with pytest.raises(InvalidEntityError):
        normalise("social", "example.com/ana")
