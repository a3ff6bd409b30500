"""The command line speaks the language of the locale (LANG) or of --language (DESIGN §9)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from resources.i18n import catalogue
from ui.cli import choose_language, language_option
from ui.error_sentences import _MESSAGES, CONTEXT


def _custodia(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run(
        [sys.executable, "-m", "ui", *args],
        capture_output=True,
        text=True,
        env={**clean, **env},
        timeout=120,
        check=False,
    )


def _not_found(language: str) -> str:
    return catalogue(language).pgettext(CONTEXT, _MESSAGES["vault.not_found"])


@pytest.mark.parametrize(
    ("lang", "language"), [("ro_RO.UTF-8", "ro"), ("uk_UA.UTF-8", "uk"), ("C.UTF-8", "en")]
)
def test_the_locale_chooses_the_language_of_error_sentences(tmp_path: Path, lang, language):
    result = _custodia(
        "vault",
        "check",
        str(tmp_path / "nowhere"),
        env={"LANG": lang, "CUSTODIA_LOG_DIR": str(tmp_path)},
    )
    assert result.returncode == 2
    assert result.stderr == f"custodia: {_not_found(language)}\n"
    if language != "en":
        assert _not_found(language) != _not_found("en")


def test_language_option_overrides_the_locale(tmp_path: Path):
    result = _custodia(
        "--language",
        "uk",
        "vault",
        "check",
        str(tmp_path / "nowhere"),
        env={"LANG": "ro_RO.UTF-8", "CUSTODIA_LOG_DIR": str(tmp_path)},
    )
    assert result.stderr == f"custodia: {_not_found('uk')}\n"


def test_help_is_translated(tmp_path: Path):
    result = _custodia("--help", env={"LANG": "ro_RO.UTF-8", "CUSTODIA_LOG_DIR": str(tmp_path)})
    assert result.returncode == 0
    assert catalogue("ro").gettext("create, check and manage a vault") in result.stdout
    assert "create, check and manage a vault" not in result.stdout


def test_language_option_is_read_before_the_command_only():
    assert language_option(["--language", "ro", "vault", "check", "x"]) == "ro"
    assert language_option(["--language=uk", "search"]) == "uk"
    assert language_option(["search", "p", "--language", "ro"]) is None
    assert choose_language(["--language", "xx"]) in ("en", "ro", "uk")
