"""The OS keyring, used only when it is a real secure store (DESIGN §2)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from vault.errors import KeyringSecretMissingError, KeyringUnavailableError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE = "custodia"

# Only stores known to keep secrets encrypted under the user's login are accepted, by exact
# class: a denylist let a plaintext file backend through (issue 13), and anything new or unknown
# (a file, "encrypted" file with a guessable key, null, fail, a chainer of those) is refused.
_KNOWN_SECURE: frozenset[tuple[str, str]] = frozenset(
    {
        ("keyring.backends.SecretService", "Keyring"),  # GNOME Keyring, KeePassXC over D-Bus
        ("keyring.backends.libsecret", "Keyring"),  # the same Secret Service through libsecret
        ("keyring.backends.kwallet", "DBusKeyring"),  # KWallet 5/6
        ("keyring.backends.kwallet", "DBusKeyringKWallet4"),
        ("keyring.backends.macOS", "Keyring"),  # macOS Keychain
        ("keyring.backends.Windows", "WinVaultKeyring"),  # Windows Credential Locker
    }
)
_registered: set[type[object]] = set()


def register_secure_backend(backend_type: type[KeyringBackend]) -> None:
    """Accept one more backend class as secure (an audited store of an organisation, a test's).

    Code running in this process can do anything the vault can, so this opens nothing new; it
    exists so that no name-based guess is ever needed.
    """
    _registered.add(backend_type)


def _is_secure(backend: KeyringBackend) -> bool:
    kind = type(backend)
    if (kind.__module__, kind.__qualname__) == ("keyring.backends.chainer", "ChainerBackend"):
        inner = list(getattr(backend, "backends", None) or [])
        return bool(inner) and all(_is_secure(b) for b in inner)
    if kind not in _registered and (kind.__module__, kind.__qualname__) not in _KNOWN_SECURE:
        return False
    try:
        priority = float(backend.priority)
    except Exception:  # noqa: BLE001 - a backend that cannot say is not trusted
        return False
    return priority > 0


def secure_backend() -> KeyringBackend:
    # Imported on first use: backend discovery costs about 0.1 s, paid only when it is needed.
    import keyring

    try:
        backend = keyring.get_keyring()
    except Exception as exc:
        raise KeyringUnavailableError("backend discovery failed") from exc
    if not _is_secure(backend):
        raise KeyringUnavailableError(type(backend).__name__)
    return backend


def is_available() -> bool:
    try:
        secure_backend()
    except KeyringUnavailableError:
        return False
    return True


def store(name: str, value: str) -> None:
    backend = secure_backend()
    try:
        backend.set_password(SERVICE, name, value)
    except Exception as exc:
        raise KeyringUnavailableError("store failed") from exc


def load(name: str) -> str:
    backend = secure_backend()
    try:
        value = backend.get_password(SERVICE, name)
    except Exception as exc:
        raise KeyringUnavailableError("read failed") from exc
    if value is None:
        raise KeyringSecretMissingError(name)
    return str(value)


def load_optional(name: str) -> str | None:
    """Best effort: ``None`` when there is no secure keyring or no entry."""
    try:
        return load(name)
    except (KeyringUnavailableError, KeyringSecretMissingError):
        return None


def store_optional(name: str, value: str) -> bool:
    try:
        store(name, value)
    except KeyringUnavailableError:
        log.info("no secure keyring; keyring copy %s skipped", name.split(":")[0])
        return False
    return True


def delete(name: str) -> None:
    try:
        secure_backend().delete_password(SERVICE, name)
    except Exception:  # noqa: BLE001 - deleting something absent is not an error for us
        log.info("keyring entry could not be deleted")
