"""Fixtures: a real temporary vault with a cheap KDF, and the intake services over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from intake import Intake, open_intake
from vault import KdfParams, Vault

CHEAP_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery"


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    v, _ = Vault.create(vault_path, "ana", PASSPHRASE, kdf=CHEAP_KDF)
    try:
        yield v
    finally:
        if v.is_open:
            v.lock()


@pytest.fixture
def intake(vault: Vault) -> Intake:
    return open_intake(vault)


@pytest.fixture
def case_id(intake: Intake) -> str:
    return intake.cases.create("RO-2026-0042", "Test case").case_id


def raw_change(vault: Vault, sql: str, params: tuple[object, ...] = ()) -> None:
    """Run raw SQL in an audited transaction, as a tamperer with the key could."""
    with vault.transaction() as tx:
        tx.execute(sql, params)
        tx.audit("test.tamper", "raw")
