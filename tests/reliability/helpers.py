"""Helpers shared by the reliability tests: committed ingests, whole-vault checks, marker scans."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from tests.conftest import TEST_PASSPHRASE, TEST_USER
from vault import Vault

#: blob id -> (sha256 of the plaintext, size)
Acked = dict[str, tuple[str, int]]

VAULT_NAMES = {
    "vault.json",
    "vault.db",
    "vault.db-wal",
    "vault.db-shm",
    "vault.lock",
    "blobs",
    "tmp",
}


def ingest_committed(v: Vault, source: Path, data: bytes) -> tuple[str, tuple[str, int]]:
    """Ingest ``data`` as a registered, audited blob; returns its id and (sha256, size)."""
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(data)
    info = v.ingest_file(source)
    try:
        with v.transaction() as tx:
            tx.register_blob(info)
            tx.audit("test.blob", info.blob_id, {"size": info.size})
    except BaseException:
        v.discard_unregistered_blob(info.blob_id)
        raise
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    return info.blob_id, (info.sha256, info.size)


def read_blob(v: Vault, blob_id: str) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with v.blobs.open_plaintext(blob_id) as chunks:
        for chunk in chunks:
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def assert_blobs_intact(v: Vault, acked: Acked) -> None:
    rows = {str(r[0]): (str(r[1]), int(r[2])) for r in v.read("SELECT * FROM vault_blobs")}
    for blob_id, expected in acked.items():
        assert rows.get(blob_id) == expected, blob_id
        assert read_blob(v, blob_id) == expected, blob_id
    # Nothing half-made: every file has a row and every row a file.
    assert set(rows) == set(v.blobs.stored_ids())


def assert_whole(
    path: Path,
    acked: Acked,
    *,
    user: str = TEST_USER,
    passphrase: str = TEST_PASSPHRASE,
) -> None:
    """The vault opens, ``check`` is clean, acknowledged blobs are intact and tmp/ is empty."""
    v = Vault.unlock(path, user, passphrase)
    try:
        assert {p.name for p in path.iterdir()} <= VAULT_NAMES, sorted(os.listdir(path))
        assert not files_under(path / "tmp")
        report = v.check()
        assert report.ok, report.problems
        assert_blobs_intact(v, acked)
    finally:
        v.lock()
    assert not files_under(path / "tmp")


def marker_forms(marker: str) -> list[bytes]:
    """The byte forms a leaked marker could take on disk."""
    forms = [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]
    return forms


def find_markers(paths: Iterable[Path], markers: Iterable[str]) -> list[tuple[str, Path]]:
    """Every (marker, file) pair where a marker's bytes or name appear; empty when clean."""
    wanted = [(m, form) for m in markers for form in marker_forms(m)]
    found: list[tuple[str, Path]] = []
    for path in paths:
        for marker, _ in wanted:
            if marker in str(path):
                found.append((marker, path))
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for marker, form in wanted:
            if form in data:
                found.append((marker, path))
    return found
