"""Encrypted storage: key slots, the SQLCipher database, evidence blobs and the audit ledger.

Knows nothing of cases, exports or Qt. The public names load on first use, so that importing a
light module of this package (errors, constants, header) does not load the cryptography and
database libraries.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vault.blobs import BlobInfo
    from vault.errors import CustodiaError, VaultError
    from vault.kdf import DEFAULT_KDF, KdfParams
    from vault.vault import CheckReport, Problem, Transaction, Vault

_HOMES = {
    "BlobInfo": "vault.blobs",
    "CustodiaError": "vault.errors",
    "VaultError": "vault.errors",
    "DEFAULT_KDF": "vault.kdf",
    "KdfParams": "vault.kdf",
    "CheckReport": "vault.vault",
    "Problem": "vault.vault",
    "Transaction": "vault.vault",
    "Vault": "vault.vault",
}

__all__ = [
    "DEFAULT_KDF",
    "BlobInfo",
    "CheckReport",
    "CustodiaError",
    "KdfParams",
    "Problem",
    "Transaction",
    "Vault",
    "VaultError",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'vault' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
