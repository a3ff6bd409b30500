"""Key derivation and wrapping: Argon2id for passphrases, HKDF for high-entropy secrets."""

from __future__ import annotations

import base64
import os
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from vault.errors import (
    KdfParametersRefusedError,
    MalformedRecoveryKeyError,
)

KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
RECOVERY_KEY_BYTES = 20  # 160 bits
MAX_KDF_MEMORY_KIB = 2 * 1024 * 1024  # refuse slots asking for more than 2 GiB
# The time cost is capped like the memory: an edited slot asking for t = 64 once held a machine
# for two minutes before "wrong passphrase". t = 10 is over three times the default; the product
# bounds the worst case to about 4 GiB-passes (a few seconds), checked before Argon2 runs.
MAX_KDF_ITERATIONS = 10
MAX_KDF_MEMORY_PASSES_KIB = 4 * 1024 * 1024
MAX_KDF_LANES = 64


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters; ``memory_kib`` is in KiB as Argon2 counts it."""

    memory_kib: int
    iterations: int
    lanes: int

    def check(self) -> None:
        if not (8 * self.lanes <= self.memory_kib <= MAX_KDF_MEMORY_KIB):
            raise KdfParametersRefusedError(f"memory {self.memory_kib} KiB")
        if not (1 <= self.iterations <= MAX_KDF_ITERATIONS):
            raise KdfParametersRefusedError(f"iterations {self.iterations}")
        if not (1 <= self.lanes <= MAX_KDF_LANES):
            raise KdfParametersRefusedError(f"lanes {self.lanes}")
        if self.memory_kib * self.iterations > MAX_KDF_MEMORY_PASSES_KIB:
            raise KdfParametersRefusedError(f"memory x iterations {self.iterations}")

    def to_json(self) -> dict[str, Any]:
        return {"name": "argon2id", **asdict(self)}

    @classmethod
    def from_json(cls, data: object) -> KdfParams:
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise KdfParametersRefusedError("unknown KDF")
        values = [data.get(k) for k in ("memory_kib", "iterations", "lanes")]
        if not all(type(v) is int for v in values):
            raise KdfParametersRefusedError("malformed KDF parameters")
        params = cls(*values)  # type: ignore[arg-type]
        params.check()
        return params


# DESIGN §2: m = 256 MiB, t = 3, p = 4. The user's vaults always get this; tests pass their own.
DEFAULT_KDF = KdfParams(memory_kib=256 * 1024, iterations=3, lanes=4)


# cryptography is imported inside the functions below: loading its native bindings costs about
# 0.1 s, and the app's first window (which reads only the header) must not pay it.


def derive_passphrase_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    params.check()
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def hkdf(key_material: bytes, info: bytes, salt: bytes | None = None, length: int = 32) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(key_material)


def wrap_key(kek: bytes, master_key: bytes, associated: bytes) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(kek).encrypt(nonce, master_key, associated)


def unwrap_key(kek: bytes, nonce: bytes, wrapped: bytes, associated: bytes) -> bytes | None:
    """The master key, or ``None`` when the tag does not verify (wrong secret or damaged slot)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(kek).decrypt(nonce, wrapped, associated)
    except InvalidTag:
        return None


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, expected_len: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not a string")
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if expected_len is not None and len(raw) != expected_len:
        raise ValueError("wrong length")
    return raw


# Recovery keys -----------------------------------------------------------------------------

_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
# People copy recovery keys from paper: accept the look-alikes base32 leaves out.
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B", "9": "G"})


def new_recovery_key() -> bytes:
    return secrets.token_bytes(RECOVERY_KEY_BYTES)


def format_recovery_key(key: bytes) -> str:
    text = base64.b32encode(key).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if not ch.isspace() and ch != "-")
    cleaned = cleaned.translate(_LOOKALIKES)
    if len(cleaned) != 32 or any(ch not in _B32 for ch in cleaned):
        raise MalformedRecoveryKeyError()
    return base64.b32decode(cleaned)
