from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from resources import resource_path
from resources.i18n import SOURCE_LANGUAGE, available_languages, catalogue, language_name
from scripts import i18n as i18n_script
from ui.i18n import set_language

TRANSLATED = [lang for lang in available_languages() if lang != SOURCE_LANGUAGE]


def test_languages_are_derived_from_the_shipped_catalogues():
    shipped = {p.stem for p in resource_path("translations").glob("*.mo")}
    assert set(available_languages()) == shipped | {SOURCE_LANGUAGE}
    assert available_languages()[0] == SOURCE_LANGUAGE
    assert {"ro", "uk"} <= shipped
    assert language_name("ro") == "Română"
    assert language_name("uk") == "Українська"


@pytest.mark.parametrize("language", available_languages())
def test_catalogues_hold_every_message_and_are_compiled(language):
    extracted, problems = i18n_script.extract()
    assert problems == []
    catalog = i18n_script.read_catalog(language)
    in_catalogue = {
        (m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id
    }
    missing = sorted(str(m.key) for m in extracted if m.key not in in_catalogue)
    assert missing == [], "run: python -m scripts.i18n update"
    mo = resource_path("translations", f"{language}.mo")
    assert mo.read_bytes() == i18n_script.compiled(language), "run: python -m scripts.i18n compile"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(language):
    catalog = i18n_script.read_catalog(language)
    unfinished = [m.id for m in catalog if m.id and not i18n_script.is_finished(m)]
    assert unfinished == []


def test_english_plurals_never_read_file_s():
    catalog = i18n_script.read_catalog(SOURCE_LANGUAGE)
    plurals = [m for m in catalog if m.id and m.pluralizable]
    assert plurals
    for message in plurals:
        assert isinstance(message.string, tuple)
        assert all(form and "(s)" not in form for form in message.string), message.id


def test_romanian_uses_comma_below_letters():
    text = resource_path("translations", "ro.po").read_text(encoding="utf-8")
    assert "ș" in text
    assert "ț" in text
    for cedilla in "şţŞŢ":
        assert cedilla not in text


@pytest.mark.parametrize(
    ("language", "context", "source", "expected"),
    [
        ("ro", "MainWindow", "&Vault", "&Seif"),
        ("uk", "MainWindow", "&Vault", "&Сховище"),
        (
            "ro",
            "Errors",
            "Wrong passphrase. Check the keyboard layout and Caps Lock, then try again.",
            "Fraza de acces este greșită. Verificați aranjamentul tastaturii și Caps Lock, apoi "
            "încercați din nou.",
        ),
        ("uk", "UnlockDialog", "Unlock the vault", "Розблокування сховища"),
    ],
)
def test_languages_switch(qapp, language, context, source, expected):
    try:
        assert set_language(language)
        assert QCoreApplication.translate(context, source) == expected
    finally:
        set_language("en")
    assert QCoreApplication.translate(context, source) == source


def test_plural_forms(qapp):
    try:
        set_language("uk")
        forms = [
            QCoreApplication.translate("EvidenceTab", "%n file(s) added.", "", n) for n in (1, 3, 5)
        ]
    finally:
        set_language("en")
    assert forms == ["Додано 1 файл.", "Додано 3 файли.", "Додано 5 файлів."]


def test_english_plural_forms(qapp):
    set_language("en")
    forms = [QCoreApplication.translate("EvidenceTab", "%n file(s) added.", "", n) for n in (1, 2)]
    assert forms == ["1 file added.", "2 files added."]


def test_a_missing_message_falls_back_to_its_source(qapp):
    try:
        set_language("ro")
        assert QCoreApplication.translate("Nowhere", "Not a message") == "Not a message"
    finally:
        set_language("en")


def test_a_catalogue_awaiting_review_says_so_in_the_language_chooser(qapp, tmp_path):
    from ui.settings import Settings
    from ui.settings_dialog import SettingsDialog

    reviewed = {lang: not catalogue(lang).awaiting_review for lang in available_languages()}
    assert all(reviewed[language] for language in ("en", "ro", "uk"))
    for language, done in reviewed.items():
        assert done == (not i18n_script.awaiting_review(language)) or language == SOURCE_LANGUAGE
    dialog = SettingsDialog(Settings(tmp_path / "settings.ini"))
    shown = {
        dialog.language_combo.itemData(i): dialog.language_combo.itemText(i)
        for i in range(dialog.language_combo.count())
    }
    for language, done in reviewed.items():
        assert ("awaiting review" in shown[language]) is (not done)


def test_translating_never_leaks_a_reference_to_none(qapp):
    """PySide6 drops a reference to None per call with no disambiguation; thousands of calls
    used to abort the interpreter ("deallocating None"). The translator takes it back."""
    import sys

    try:
        set_language("ro")
        before = sys.getrefcount(None)
        for _ in range(2000):
            QCoreApplication.translate("Nowhere", "Not a message")
            QCoreApplication.translate("EvidenceTab", "%n file(s) added.", None, 3)
        assert sys.getrefcount(None) >= before
    finally:
        set_language("en")
