"""Test configuration shared by every package's tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

# Qt tests run without a display; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Subprocesses started by tests must never reach a developer's real keyring either.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from vault import KdfParams, Vault

TEST_USER = "ana"
TEST_PASSPHRASE = "correct horse battery staple"
CHEAP_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)


class MemoryKeyring(KeyringBackend):
    """A test-only secure keyring kept in memory (its name must not look insecure)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """Every test starts and ends in the source language, whatever the test before it chose.

    The language is process-wide (the command line's and the app's catalogue alike), so a test
    that switches it and fails before switching back must not change the next test's words.
    """
    from resources import i18n

    i18n.set_language(i18n.SOURCE_LANGUAGE)
    yield
    import sys

    if "ui.i18n" in sys.modules:  # the app's translator is only there once Qt was loaded
        sys.modules["ui.i18n"].set_language(i18n.SOURCE_LANGUAGE)
    i18n.set_language(i18n.SOURCE_LANGUAGE)


@pytest.fixture(autouse=True)
def _no_real_keyring() -> Iterator[None]:
    """Every test starts with the fail backend, so no test writes to a real keyring."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    """Install an in-memory secure keyring for this test (the autouse fixture restores it)."""
    from vault import keyring_store

    keyring_store.register_secure_backend(MemoryKeyring)  # only known stores are accepted
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def cheap_kdf() -> KdfParams:
    """Argon2id parameters cheap enough for tests; the user's default is never touched."""
    return CHEAP_KDF


@pytest.fixture
def new_vault_and_recovery_key(tmp_path: Path, cheap_kdf: KdfParams) -> Iterator[tuple[Vault, str]]:
    """A fresh unlocked vault in ``tmp_path / "vault"`` and its recovery key; locked afterwards."""
    vault, recovery_key = Vault.create(
        tmp_path / "vault", TEST_USER, TEST_PASSPHRASE, kdf=cheap_kdf, role="lawyer"
    )
    try:
        yield vault, recovery_key
    finally:
        if vault.is_open:
            vault.lock()


@pytest.fixture
def new_vault(new_vault_and_recovery_key: tuple[Vault, str]) -> Vault:
    """A fresh unlocked vault (user ``TEST_USER``, passphrase ``TEST_PASSPHRASE``)."""
    return new_vault_and_recovery_key[0]
