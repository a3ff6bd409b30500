"""Names and limits the user interfaces need before any key material is touched.

Kept apart from vault/vault.py so that showing the first window does not load the cryptography
and database libraries.
"""

HEADER_FILE = "vault.json"
DB_FILE = "vault.db"
LOCK_FILE = "vault.lock"
MIN_PASSPHRASE_LENGTH = 8
RECOVERY_ACTOR = "recovery key"
