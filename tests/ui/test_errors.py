from __future__ import annotations

import inspect

import pytest

import exports.errors
import intake.errors
import ui.cli
import vault.errors
from ui import errors
from vault.errors import CustodiaError


def _error_classes(module):
    return [
        cls
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, CustodiaError) and cls.__module__ == module.__name__
    ]


@pytest.mark.parametrize("module", [vault.errors, intake.errors, exports.errors, ui.cli])
def test_every_core_error_code_has_its_own_sentence(module):
    missing = [cls.code for cls in _error_classes(module) if cls.code not in errors.known_codes()]
    assert missing == []


def test_message_never_contains_the_exception_text(qapp):
    exc = vault.errors.WrongPassphraseError("secret detail about Olena")
    text = errors.user_message(exc)
    assert "Olena" not in text
    assert "Wrong passphrase" in text


def test_unknown_subclass_falls_back_to_its_family(qapp):
    class NewUnlockError(vault.errors.UnlockError):
        code = "vault.something_new"

    assert errors.user_message(NewUnlockError()) == errors.message_for_code("vault.unlock_failed")


def test_unknown_code_and_plain_exceptions_get_the_generic_sentence(qapp):
    generic = errors.message_for_code("nothing.at_all")
    assert "try again" in generic
    assert errors.user_message(ValueError("/home/x/secret.txt")) == generic


def test_excepthook_logs_type_only_and_shows_generic(qapp, caplog):
    import sys

    shown: list[BaseException] = []
    old = sys.excepthook
    try:
        errors.install_excepthook(shown.append)
        try:
            raise RuntimeError("Olena's address")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = old
    assert len(shown) == 1
    assert "Olena" not in caplog.text
    assert "RuntimeError" in caplog.text
