"""No plaintext: markers in content, file names and audit details never reach the disk or logs."""

from __future__ import annotations

import logging
import logging.handlers
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSPHRASE, TEST_USER
from tests.vault.helpers import files_under
from vault import Vault
from vault.errors import SourceUnreadableError, WrongPassphraseError
from vault.logging_setup import setup_logging


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    path = setup_logging(tmp_path / "logs", level=logging.DEBUG)
    try:
        yield path
    finally:
        for handler in list(root.handlers):
            if isinstance(handler, logging.handlers.RotatingFileHandler):
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


def forms(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le")]


def assert_absent(folder: Path, markers: list[str]) -> int:
    scanned = 0
    for path in files_under(folder):
        data = path.read_bytes()
        scanned += len(data)
        for marker in markers:
            for form in forms(marker):
                assert form not in data, (marker, path)
    return scanned


def test_markers_never_reach_the_disk_or_the_logs(
    new_vault: Vault, tmp_path: Path, log_file: Path
) -> None:
    content_marker = secrets.token_hex(16)
    name_marker = secrets.token_hex(16)
    detail_marker = "Ștefan-" + secrets.token_hex(16)
    markers = [content_marker, name_marker, detail_marker]
    path = new_vault.path

    sources = tmp_path / "sources"
    sources.mkdir()
    small = sources / f"statement-{name_marker}.txt"
    small.write_text(f"The witness said {content_marker}.\n", encoding="utf-8")
    large = sources / f"video-{name_marker}.bin"
    block = (content_marker.encode() + os.urandom(100)) * 5000
    large.write_bytes(block * 4 + b"tail" + content_marker.encode())

    for source in (small, large):
        info = new_vault.ingest_file(source)
        with new_vault.transaction() as tx:
            tx.register_blob(info)
            tx.execute(
                "INSERT INTO vault_meta (key, value) VALUES (?, ?)",
                (f"name:{info.blob_id}", source.name),
            )
            tx.audit(
                "evidence.added",
                info.blob_id,
                {"file_name": source.name, "note": detail_marker, "size": info.size},
            )
    new_vault.checkpoint("export.created", {"note": detail_marker})
    with pytest.raises(SourceUnreadableError):
        new_vault.ingest_file(sources / f"missing-{name_marker}.txt")
    assert new_vault.check().ok
    entry = new_vault.audit_entries(action_prefix="evidence.added")[0]
    assert entry.details["note"] == detail_marker  # the marker is stored, only encrypted

    assert_absent(path, markers)  # open: database, WAL, blobs, header, lock file
    new_vault.lock()
    scanned = assert_absent(path, markers)
    assert scanned > len(block) * 4  # the blobs were scanned

    with pytest.raises(WrongPassphraseError):
        Vault.unlock(path, TEST_USER, TEST_PASSPHRASE + detail_marker)
    v = Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)
    try:
        with v.blobs.open_plaintext(entry.subject) as chunks:
            assert content_marker.encode() in b"".join(chunks)
        assert_absent(path, markers)
    finally:
        v.lock()
    assert_absent(path, markers)

    for handler in logging.getLogger().handlers:
        handler.flush()
    log_text = log_file.read_text(encoding="utf-8")
    assert "unlocked" in log_text
    assert "stored" in log_text
    assert_absent(log_file.parent, markers)
