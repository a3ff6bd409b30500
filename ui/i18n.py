"""Loading the compiled translation catalogues (resources/translations/custodia_<lang>.qm)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import resource_path

log = logging.getLogger(__name__)

# The names shown in the language chooser are each language's own name, never translated.
LANGUAGE_NAMES = {"en": "English", "ro": "Română", "uk": "Українська"}

_installed: list[QTranslator] = []


def translations_dir() -> str:
    return str(resource_path("translations"))


def set_language(language: str) -> bool:
    """Install ``language``'s catalogue (and Qt's own, for standard buttons); True if found."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return True
    ours = QTranslator(app)
    found = ours.load(f"custodia_{language}", translations_dir())
    if found:
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no catalogue for language %s", language)
    qt_own = QTranslator(app)
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        QCoreApplication.installTranslator(qt_own)
        _installed.append(qt_own)
    return found
