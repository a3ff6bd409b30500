"""Random access to a blob's plaintext: every offset reads what was stored; any damage fails."""

from __future__ import annotations

import io
import os

import pytest

from vault.blobs import CHUNK_SIZE, HEADER_SIZE, TAG_SIZE, BlobStore
from vault.errors import BlobTamperedError


@pytest.mark.parametrize("size", [0, 5, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE - 7])
def test_reads_at_any_offset(tmp_path, size):
    store = BlobStore(tmp_path, os.urandom(32))
    data = os.urandom(size)
    info = store.ingest_stream(io.BytesIO(data))
    reader = store.open_reader(info.blob_id)
    try:
        assert reader.size == size
        assert reader.read_at(0, size + 10) == data
        for offset in (1, CHUNK_SIZE - 3, CHUNK_SIZE + 2, size - 1):
            if 0 <= offset < size:
                assert reader.read_at(offset, 5000) == data[offset : offset + 5000]
    finally:
        reader.close()
    assert reader.closed


def test_truncated_reordered_and_flipped_blobs_fail(tmp_path):
    store = BlobStore(tmp_path, os.urandom(32))
    data = os.urandom(3 * CHUNK_SIZE)
    info = store.ingest_stream(io.BytesIO(data))
    path = store.path_of(info.blob_id)
    sealed = path.read_bytes()
    head, chunk = HEADER_SIZE, CHUNK_SIZE + TAG_SIZE
    damaged = {
        "truncated to whole chunks": sealed[: head + chunk],
        "reordered": sealed[:head]
        + sealed[head + chunk : head + 2 * chunk]
        + sealed[head : head + chunk]
        + sealed[head + 2 * chunk :],
        "flipped": sealed[:-5] + bytes([sealed[-5] ^ 1]) + sealed[-4:],
    }
    for what, blob in damaged.items():
        path.write_bytes(blob)
        reader = store.open_reader(info.blob_id)
        with pytest.raises(BlobTamperedError):
            reader.read_at(0, len(data))
        reader.close()
        assert what
