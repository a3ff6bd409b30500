"""The OS keyring, used only when it is a real secure store (DESIGN §2)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from vault.errors import KeyringSecretMissingError, KeyringUnavailableError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE = "custodia"
_INSECURE_MODULE_PREFIXES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")
_INSECURE_NAME_PARTS = ("plaintext", "null", "fail", "uncrypted", "file")


def _is_secure(backend: KeyringBackend) -> bool:
    inner = getattr(backend, "backends", None)
    if type(backend).__name__ == "ChainerBackend" and inner is not None:
        return bool(inner) and all(_is_secure(b) for b in inner)
    module = type(backend).__module__
    if module.startswith(_INSECURE_MODULE_PREFIXES):
        return False
    name = type(backend).__name__.lower()
    if any(part in name for part in _INSECURE_NAME_PARTS):
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
