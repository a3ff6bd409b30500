"""Encrypted storage: key slots, the SQLCipher database, evidence blobs and the audit ledger.

Knows nothing of cases, exports or Qt.
"""

from vault.blobs import BlobInfo
from vault.errors import CustodiaError, VaultError
from vault.kdf import DEFAULT_KDF, KdfParams
from vault.vault import CheckReport, Problem, Transaction, Vault

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
