"""Every translation keeps the placeholders of its English message, in every plural form.

A Qt message fills %1, %2… and %n; a core message fills {name} fields with str.format. A
translation that drops, adds or misspells one shows a raw "%2" or "{path}" to the reader, or
makes str.format raise, so each form of each msgstr must hold exactly the msgid's placeholders.
"""

from __future__ import annotations

import re

import pytest

from scripts import i18n as i18n_script

# Qt: %1…%99 (also %L1) and %n; Python: {name}, {0}, {name:spec} and {name!r}.
PLACEHOLDER = re.compile(
    r"%L?(?:\d{1,2}|n)|\{(?:[A-Za-z_][A-Za-z0-9_]*|\d+)(?:![rsa])?(?::[^{}]*)?\}"
)


def placeholders(text: str) -> set[str]:
    # "{{" and "}}" are str.format's literal braces, not fields.
    return set(PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


def _cases():
    for language in i18n_script.languages():
        catalog = i18n_script.read_catalog(language)
        for message in catalog:
            if not message.id:
                continue
            ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
            forms = (message.string,) if isinstance(message.string, str) else message.string
            expected = set().union(*(placeholders(text) for text in ids))
            for index, form in enumerate(forms or ()):
                if form:  # an untranslated form is another test's concern
                    yield language, message.context, ids[0], index, form, expected


CASES = list(_cases())


def test_the_catalogues_hold_translations_to_check():
    assert {language for language, *_ in CASES} >= {"ro", "uk"}


@pytest.mark.parametrize("language", i18n_script.languages())
def test_every_form_keeps_exactly_the_msgid_placeholders(language):
    wrong = [
        f"{context} | {msgid!r} [form {index}]: {form!r} has {sorted(placeholders(form))}, "
        f"expected {sorted(expected)}"
        for lang, context, msgid, index, form, expected in CASES
        if lang == language and placeholders(form) != expected
    ]
    assert wrong == []


def test_the_pattern_finds_both_styles():
    assert placeholders("Backup {generation} written: %n of %2 ({count:,})") == {
        "{generation}",
        "%n",
        "%2",
        "{count:,}",
    }
    assert placeholders("100% sure, {} and {{literal}}") == set()
