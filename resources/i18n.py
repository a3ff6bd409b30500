"""The one catalogue system for every word a person reads: app, command line, report, VERIFY.txt.

Each language is one gettext catalogue, ``resources/translations/<lang>.po``, compiled to
``<lang>.mo`` beside it (``python -m scripts.i18n compile``). English is the source language: its
catalogue only supplies the English plural forms of Qt-style ``%n`` messages. The list of languages
is derived from the files shipped here, so adding a language means adding its ``.po`` and ``.mo``
and nothing else.

This module is Qt-free: the command line and the report builder use it directly, and the desktop
app installs a ``QTranslator`` that reads the same compiled catalogues (``ui.i18n``). Messages of
the app carry their Qt context (the class name) as gettext's ``msgctxt``; messages of the core
carry either no context or an explicit one.
"""

from __future__ import annotations

import gettext as _gettext
import logging
import os
import threading
from collections.abc import Mapping
from functools import cache

from resources import resource_path

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
# The msgctxt of the trafficking-indicator catalogue's texts.
INDICATORS_CONTEXT = "Indicators"

_lock = threading.Lock()
_current: Catalogue | None = None


class Catalogue:
    """The compiled messages of one language, with its plural rule."""

    def __init__(self, language: str, translations: _gettext.NullTranslations) -> None:
        self.language = language
        self._t = translations

    def gettext(self, message: str) -> str:
        return self._t.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._t.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._t.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self._t.npgettext(context, singular, plural, n)

    @property
    def awaiting_review(self) -> bool:
        """True while a native speaker has not yet reviewed this catalogue (its Language-Team)."""
        return "awaiting review" in self._t.info().get("language-team", "")

    def lookup(self, context: str | None, message: str, n: int = -1) -> str | None:
        """The translation of ``message``, or None when the catalogue lacks it (Qt's contract).

        ``n >= 0`` asks for a plural form of a Qt-style numerus message, whose one source string
        is both msgid and msgid_plural. gettext answers a miss with the very object it was given,
        so identity tells a miss from a translation that happens to equal its source.
        """
        if n >= 0:
            found = (
                self._t.ngettext(message, message, n)
                if context is None
                else self._t.npgettext(context, message, message, n)
            )
        else:
            found = (
                self._t.gettext(message) if context is None else self._t.pgettext(context, message)
            )
        return None if found is message else found


def translations_dir() -> str:
    return str(resource_path("translations"))


@cache
def available_languages() -> tuple[str, ...]:
    """The source language first, then every language with a compiled catalogue, sorted."""
    found = {
        name[: -len(".mo")]
        for name in os.listdir(translations_dir())
        if name.endswith(".mo") and name[: -len(".mo")].isalpha()
    }
    found.discard(SOURCE_LANGUAGE)
    return (SOURCE_LANGUAGE, *sorted(found))


@cache
def language_name(language: str) -> str:
    """The language's own name ("Română", "Українська"), for a chooser; never translated."""
    from babel import Locale  # imported here: the CLI's start-up path never needs Babel

    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


@cache
def catalogue(language: str) -> Catalogue:
    """The catalogue of ``language``; an unknown language falls back to the source language."""
    if language not in available_languages():
        log.warning("no catalogue for the requested language; using %s", SOURCE_LANGUAGE)
        language = SOURCE_LANGUAGE
    path = os.path.join(translations_dir(), f"{language}.mo")
    try:
        with open(path, "rb") as handle:
            translations: _gettext.NullTranslations = _gettext.GNUTranslations(handle)
    except OSError:
        log.warning("catalogue of %s could not be read", language)
        translations = _gettext.NullTranslations()
    return Catalogue(language, translations)


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The first available language named by LANGUAGE, LC_ALL, LC_MESSAGES or LANG (POSIX order).

    ``ro_RO.UTF-8`` means Romanian; ``C`` and ``POSIX`` mean the source language.
    """
    env = os.environ if environ is None else environ
    languages = available_languages()
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if not value:
            continue
        for part in value.split(":"):
            code = part.split(".", 1)[0].split("@", 1)[0].split("_", 1)[0].lower()
            if code in languages:
                return code
        if variable != "LANGUAGE":
            # LC_ALL, LC_MESSAGES and LANG override what follows them even when unknown to us.
            return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def set_language(language: str) -> Catalogue:
    """Make ``language`` the process's language for :func:`_` and friends; returns its catalogue."""
    global _current
    chosen = catalogue(language)
    with _lock:
        _current = chosen
    return chosen


def current() -> Catalogue:
    global _current
    with _lock:
        if _current is None:
            _current = catalogue(language_from_environment())
        return _current


def _(message: str) -> str:
    """``message`` in the process's language."""
    return current().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return current().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return current().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return current().npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Marks ``message`` for extraction without translating it (it is translated when shown)."""
    return message


def NC_(context: str, message: str) -> str:
    """Marks ``message`` (in ``context``) for extraction; translated later with pgettext."""
    return message
