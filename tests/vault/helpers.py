"""Helpers shared by the vault tests."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from vault.header import canonical_json


def load_header_document(path: Path) -> dict[str, Any]:
    """``vault.json`` as a dict, without its checksum."""
    document = json.loads((path / "vault.json").read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    document.pop("checksum")
    return document


def write_resealed_header(path: Path, document: dict[str, Any]) -> None:
    """Write a (hostile) header with a correct checksum, as an attacker could (see to_bytes)."""
    sealed = {**document, "checksum": hashlib.sha256(canonical_json(document)).hexdigest()}
    (path / "vault.json").write_text(json.dumps(sealed, indent=2, ensure_ascii=False) + "\n")


def write_file(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def db_files(path: Path) -> list[str]:
    return [name for name in ("vault.db", "vault.db-wal", "vault.db-shm") if (path / name).exists()]


def random_bytes(size: int) -> bytes:
    return os.urandom(size)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
