"""Error families of the vault layer.

Every error Custodia raises on purpose derives from :class:`CustodiaError` and carries a stable
``code``. The user interfaces map codes to translated sentences in one place, so the messages here
are for logs and developers: they name ids and never user content.
"""

from __future__ import annotations


class CustodiaError(Exception):
    """Root of every deliberate Custodia error."""

    code = "custodia.error"
    message = "Custodia could not complete the operation."

    def __init__(self, detail: str | None = None) -> None:
        self.detail = detail
        super().__init__(self.message if detail is None else f"{self.message} ({detail})")


class VaultError(CustodiaError):
    code = "vault.error"
    message = "The vault could not complete the operation."


# Opening and unlocking -----------------------------------------------------------------------


class VaultNotFoundError(VaultError):
    code = "vault.not_found"
    message = "No vault was found at this location."


class VaultExistsError(VaultError):
    code = "vault.exists"
    message = "A vault already exists at this location."


class VaultInUseError(VaultError):
    code = "vault.in_use"
    message = "The vault is already open in another Custodia window or process."


class VaultLockedError(VaultError):
    code = "vault.locked"
    message = "The vault is locked."


class UnlockError(VaultError):
    code = "vault.unlock_failed"
    message = "The vault could not be unlocked."


class WrongPassphraseError(UnlockError):
    code = "vault.wrong_passphrase"
    message = "Wrong passphrase."


class WrongRecoveryKeyError(UnlockError):
    code = "vault.wrong_recovery_key"
    message = "Wrong recovery key."


class MalformedRecoveryKeyError(UnlockError):
    code = "vault.malformed_recovery_key"
    message = "That is not a recovery key: it should be 32 letters and digits in groups of four."


class MalformedFingerprintError(VaultError):
    """An ``--expect-key`` pin that is not a whole SHA-256 fingerprint (a prefix, a typo)."""

    code = "vault.malformed_fingerprint"
    message = "A fingerprint to expect is not 64 hexadecimal digits."


class UnknownUserError(UnlockError):
    code = "vault.unknown_user"
    message = "This vault has no user of that name."


class UserExistsError(VaultError):
    code = "vault.user_exists"
    message = "This vault already has a user of that name."


class PermissionDeniedError(VaultError):
    """The unlocked user's role does not allow this action (DESIGN §6.4)."""

    code = "vault.permission_denied"
    message = "Your role in this vault does not allow this action."

    def __init__(self, permission: str, role: str = "") -> None:
        self.permission = permission
        self.role = role
        super().__init__(f"needs {permission}; role {role or 'none'}")


class UnknownRoleError(VaultError):
    code = "vault.unknown_role"
    message = "Unknown role: use administrator, caseworker or viewer."


class LastAdministratorError(VaultError):
    code = "vault.last_administrator"
    message = "The vault must keep at least one administrator."


class UserNotRegisteredError(UnlockError):
    code = "vault.user_not_registered"
    message = (
        "This key slot's user is not in the vault's signed list of users: the header may "
        "have been edited. Ask an administrator to run a vault check."
    )


class KdfParametersRefusedError(UnlockError):
    code = "vault.kdf_refused"
    message = "The key slot asks for key-derivation parameters outside the safe range."


class WeakPassphraseError(VaultError):
    code = "vault.weak_passphrase"
    message = "The passphrase is too short."


# Keyring ---------------------------------------------------------------------------------------


class KeyringUnavailableError(VaultError):
    code = "vault.keyring_unavailable"
    message = "No secure system keyring is available."


class KeyringSecretMissingError(UnlockError):
    code = "vault.keyring_secret_missing"
    message = "The system keyring no longer holds this vault's secret."


# Damage and tampering --------------------------------------------------------------------------


class HeaderDamagedError(VaultError):
    code = "vault.header_damaged"
    message = "The vault header (vault.json) is damaged."


class HeaderTamperedError(VaultError):
    code = "vault.header_tampered"
    message = "Vault header damaged or tampered: its authentication code does not match."


class UnsupportedFormatError(VaultError):
    code = "vault.unsupported_format"
    message = "This vault was written by a newer version of Custodia."


class DatabaseDamagedError(VaultError):
    code = "vault.database_damaged"
    message = "The vault database is damaged or does not belong to this vault."


class SqlcipherUnsafeError(VaultError):
    code = "vault.sqlcipher_unsafe"
    message = "The installed SQLCipher build is not safe to use (no HMAC or a plaintext header)."


class RollbackError(VaultError):
    code = "vault.rollback"
    message = (
        "The vault database is older than, or diverges from, its last signed checkpoint: "
        "it may have been rolled back or replaced. Refusing to open it."
    )


class AnchorRollbackError(RollbackError):
    """A checkpoint kept outside the vault (a backup, a bundle) is newer than, or contradicts,
    the vault's ledger: the vault was rolled back or replaced (DESIGN §6.5)."""

    code = "vault.rollback_at_anchor"
    message = (
        "Rollback: this vault is older than, or diverges from, a signed checkpoint kept outside "
        "it. It may have been replaced by an older copy. Nothing was written."
    )


class AuditChainError(VaultError):
    code = "vault.audit_broken"
    message = "The audit ledger does not verify."

    def __init__(self, detail: str | None = None, first_bad_seq: int | None = None) -> None:
        self.first_bad_seq = first_bad_seq
        super().__init__(detail)


class MigrationError(VaultError):
    code = "vault.migration_failed"
    message = "The vault could not be upgraded to this version of Custodia."


# Blobs -----------------------------------------------------------------------------------------


class BlobError(VaultError):
    code = "vault.blob_error"
    message = "An evidence file could not be read."


class BlobTamperedError(BlobError):
    code = "vault.blob_tampered"
    message = "An encrypted evidence file is damaged or was tampered with."


class BlobMissingError(BlobError):
    code = "vault.blob_missing"
    message = "An encrypted evidence file is missing from the vault."


class SourceUnreadableError(BlobError):
    code = "vault.source_unreadable"
    message = "The file to add could not be read."


class SourceChangedError(BlobError):
    code = "vault.source_changed"
    message = "The file changed or vanished while it was being added; nothing was stored."


class OperationCancelledError(VaultError):
    code = "vault.cancelled"
    message = "The operation was cancelled; nothing was stored."


class StorageFullError(VaultError):
    code = "vault.disk_full"
    message = "The disk is full; nothing was stored."


class ReadOnlyStorageError(VaultError):
    code = "vault.read_only"
    message = "The vault is on a read-only medium."
