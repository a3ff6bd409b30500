from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication

from resources import resource_path
from ui.i18n import set_language


@pytest.mark.parametrize("language", ["ro", "uk"])
def test_catalogues_are_complete_and_compiled(language):
    ts = resource_path("translations", f"custodia_{language}.ts")
    qm = resource_path("translations", f"custodia_{language}.qm")
    assert qm.is_file()
    assert qm.stat().st_mtime >= ts.stat().st_mtime - 1
    unfinished = []
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        state = None if translation is None else translation.get("type")
        if translation is None or state in ("unfinished", "obsolete", "vanished"):
            unfinished.append(message.findtext("source"))
    assert unfinished == []


def test_romanian_uses_comma_below_letters():
    text = resource_path("translations", "custodia_ro.ts").read_text(encoding="utf-8")
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
