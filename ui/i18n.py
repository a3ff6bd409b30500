"""The app's words come from the same gettext catalogues as the command line and the report.

:class:`CatalogueTranslator` is a ``QTranslator`` that answers Qt's ``tr()`` calls from
``resources.i18n``'s compiled catalogue of the chosen language, so there is one catalogue per
language for every word a person reads, and ``%n`` messages get that language's real plural forms
(English included: its catalogue holds "1 file" and "2 files" for "%n file(s)").
"""

from __future__ import annotations

import ctypes
import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from resources import i18n

log = logging.getLogger(__name__)


def available_languages() -> tuple[str, ...]:
    return i18n.available_languages()


def language_name(language: str) -> str:
    return i18n.language_name(language)


def _take_reference(value: object) -> None:
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(value))


class CatalogueTranslator(QTranslator):
    """Looks each message up by its Qt context (gettext's msgctxt) in one language's catalogue."""

    def __init__(self, catalogue: i18n.Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        if disambiguation is None:
            # PySide6 (6.12, CPython < 3.12) hands a null disambiguation over as None without
            # taking a reference to it, then releases one: after some thousands of calls the
            # interpreter aborts ("deallocating None"). Take the reference it forgot. Where
            # None is immortal (3.12+) or PySide is fixed, the extra reference is harmless.
            _take_reference(None)
        # A miss answers the source text itself, never None (a null QString): the same binding
        # mishandles that too. Qt's own catalogue is installed after this one, so Qt asks it
        # first for the standard dialogs' words (see set_language).
        found = self.catalogue.lookup(context, source_text, n)
        return source_text if found is None else found

    def isEmpty(self) -> bool:
        return False

    def language(self) -> str:
        return self.catalogue.language


_installed: list[QTranslator] = []


def current_language() -> str:
    for translator in _installed:
        if isinstance(translator, CatalogueTranslator):
            return translator.catalogue.language
    return i18n.SOURCE_LANGUAGE


def set_language(language: str) -> bool:
    """Show the app in ``language`` (and Qt's own dialogs too); True if its catalogue exists."""
    found = language in i18n.available_languages()
    chosen = i18n.set_language(language if found else i18n.SOURCE_LANGUAGE)
    app = QCoreApplication.instance()
    if app is None:
        return found
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(chosen.language))
    # Qt asks the most recently installed translator first. Ours answers every message (its
    # source text when it has no translation), so Qt's own catalogue, for the standard dialogs'
    # words, is installed after it and asked before it.
    ours = CatalogueTranslator(chosen, app)
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator(app)
    if chosen.language != i18n.SOURCE_LANGUAGE and qt_own.load(
        f"qtbase_{chosen.language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        QCoreApplication.installTranslator(qt_own)
        _installed.append(qt_own)
    if not found:
        log.warning("no catalogue for the requested language")
    return found
