"""Fixtures for the desktop app's tests: cheap KDF, a controllable clock, temporary settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from vault import KdfParams, Vault

CHEAP_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"


class FakeClock:
    """A monotonic clock that only moves when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(tmp_path: Path, qapp):
    from ui.settings import Settings

    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def made_vault(vault_path: Path):
    """A locked vault with user 'ana'; yields its recovery key."""
    vault, key = Vault.create(vault_path, "ana", PASSPHRASE, kdf=CHEAP_KDF, role="lawyer")
    vault.lock()
    return key
