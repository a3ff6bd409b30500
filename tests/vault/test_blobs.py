"""The streaming blob format (DESIGN §2), its tampering cases, and ingest through a vault."""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import TEST_PASSPHRASE, TEST_USER
from tests.vault.helpers import files_under
from vault import BlobInfo, Vault
from vault import blobs as blob_module
from vault.blobs import (
    CHUNK_SIZE,
    HEADER_SIZE,
    MAGIC,
    TAG_SIZE,
    ciphertext_size,
    decrypt_stream,
    encrypt_stream,
    new_blob_id,
)
from vault.errors import (
    BlobMissingError,
    BlobTamperedError,
    OperationCancelledError,
    SourceChangedError,
    SourceUnreadableError,
)

MIB = 1 << 20
SIZES = [0, 1, MIB - 1, MIB, MIB + 1, 3 * MIB + 4321]
SEALED = CHUNK_SIZE + TAG_SIZE

assert CHUNK_SIZE == MIB  # the sizes above are chosen around the real chunk size


def encrypt(data: bytes, key: bytes, blob_id: str) -> bytes:
    sink = io.BytesIO()
    sha256, size = encrypt_stream(io.BytesIO(data), sink, key, blob_id, total=len(data))
    assert (sha256, size) == (hashlib.sha256(data).hexdigest(), len(data))
    return sink.getvalue()


def decrypt(ciphertext: bytes, key: bytes, blob_id: str) -> bytes:
    return b"".join(decrypt_stream(io.BytesIO(ciphertext), key, blob_id))


def chunks_of(ciphertext: bytes, sealed: int = SEALED) -> list[bytes]:
    body = ciphertext[HEADER_SIZE:]
    return [body[i : i + sealed] for i in range(0, len(body), sealed)] or [b""]


def flip(data: bytes, position: int, mask: int = 1) -> bytes:
    damaged = bytearray(data)
    damaged[position] ^= mask
    return bytes(damaged)


def tampered_variants(ct: bytes, sealed: int = SEALED) -> Iterator[tuple[str, bytes]]:
    """Every tampering case of DESIGN §2, applied to one ciphertext."""
    head, chunks = ct[:HEADER_SIZE], chunks_of(ct, sealed)
    # Flipped bits: magic, salt, and the start, middle and end of each chunk's body and tag.
    for position in (0, len(MAGIC) - 1, len(MAGIC), HEADER_SIZE - 1):
        yield f"flip header byte {position}", flip(ct, position)
    offset = HEADER_SIZE
    for index, chunk in enumerate(chunks):
        body_len = len(chunk) - TAG_SIZE
        for name, at in [
            ("body start", 0),
            ("body middle", body_len // 2),
            ("body end", body_len - 1),
            ("tag start", body_len),
            ("tag end", len(chunk) - 1),
        ]:
            if 0 <= at < len(chunk) and (name.startswith("tag") or body_len > 0):
                yield f"flip chunk {index} {name}", flip(ct, offset + at, 0x80)
        offset += len(chunk)
    # Truncation: to zero, inside the header, at every chunk boundary, mid-chunk, by one byte.
    cuts = {0, 5, HEADER_SIZE - 1, HEADER_SIZE, HEADER_SIZE + TAG_SIZE - 1, len(ct) - 1}
    offset = HEADER_SIZE
    for chunk in chunks:
        cuts.update({offset + len(chunk) // 2, offset + len(chunk)})
        offset += len(chunk)
    for cut in sorted(c for c in cuts if 0 <= c < len(ct)):
        yield f"truncated to {cut}", ct[:cut]
    # Dropped, duplicated and reordered chunks.
    for index in range(len(chunks)):
        if len(chunks) > 1:
            rest = chunks[:index] + chunks[index + 1 :]
            yield f"chunk {index} dropped", head + b"".join(rest)
        doubled = chunks[: index + 1] + chunks[index:]
        yield f"chunk {index} duplicated", head + b"".join(doubled)
    for index in range(len(chunks) - 1):
        swapped = list(chunks)
        swapped[index], swapped[index + 1] = swapped[index + 1], swapped[index]
        yield f"chunks {index} and {index + 1} swapped", head + b"".join(swapped)
    if len(chunks) > 2:
        yield "chunks reversed", head + b"".join(reversed(chunks))
    # Data after the last chunk.
    yield "one byte appended", ct + b"\x00"
    yield "a tag's worth appended", ct + os.urandom(TAG_SIZE)
    yield "last chunk appended again", ct + chunks[-1]
    yield "a full chunk appended", ct + os.urandom(sealed)
    # A header from another blob (another salt) on this blob's chunks.
    yield "salt replaced", MAGIC + os.urandom(HEADER_SIZE - len(MAGIC)) + ct[HEADER_SIZE:]


def assert_all_tampering_detected(ct: bytes, key: bytes, blob_id: str, sealed: int) -> int:
    count = 0
    for name, damaged in tampered_variants(ct, sealed):
        assert damaged != ct, name
        try:
            decrypt(damaged, key, blob_id)
        except BlobTamperedError:
            count += 1
        else:
            pytest.fail(f"not detected: {name}")
    # The blob moved or renamed under another id.
    with pytest.raises(BlobTamperedError):
        decrypt(ct, key, new_blob_id())
    # And under another vault's key.
    with pytest.raises(BlobTamperedError):
        decrypt(ct, os.urandom(32), blob_id)
    return count + 2


# The format ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_stream_round_trip_and_every_tampering_case(size: int) -> None:
    key, blob_id = os.urandom(32), new_blob_id()
    data = random.Random(size).randbytes(size)
    ct = encrypt(data, key, blob_id)
    assert len(ct) == ciphertext_size(size)
    assert ct.startswith(MAGIC)
    assert decrypt(ct, key, blob_id) == data
    chunks = list(decrypt_stream(io.BytesIO(ct), key, blob_id))
    assert all(len(c) == CHUNK_SIZE for c in chunks[:-1])
    assert len(chunks) == max(1, -(-size // CHUNK_SIZE))
    # Same plaintext, fresh salt: no two encryptions are alike.
    assert encrypt(data, key, blob_id)[HEADER_SIZE:] != ct[HEADER_SIZE:]
    assert assert_all_tampering_detected(ct, key, blob_id, SEALED) >= 15


def test_chunks_are_released_only_after_they_authenticate() -> None:
    key, blob_id = os.urandom(32), new_blob_id()
    ct = encrypt(os.urandom(2 * MIB + 10), key, blob_id)
    damaged = flip(ct, len(ct) - 1)  # the last tag
    stream = decrypt_stream(io.BytesIO(damaged), key, blob_id)
    assert len(next(stream)) == MIB
    assert len(next(stream)) == MIB
    with pytest.raises(BlobTamperedError):
        next(stream)


def test_short_reads_from_a_pipe_like_source() -> None:
    class Trickle(io.RawIOBase):
        """Returns at most 1000 bytes per read, as a pipe may."""

        def __init__(self, data: bytes) -> None:
            self._inner = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            return self._inner.read(min(size, 1000) if size >= 0 else 1000)

    key, blob_id = os.urandom(32), new_blob_id()
    data = os.urandom(MIB + 5000)
    sink = io.BytesIO()
    encrypt_stream(Trickle(data), sink, key, blob_id)  # type: ignore[arg-type]
    ct = sink.getvalue()
    assert len(ct) == ciphertext_size(len(data))
    out = b"".join(decrypt_stream(Trickle(ct), key, blob_id))  # type: ignore[arg-type]
    assert out == data


SMALL_CHUNK = 64


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=10 * SMALL_CHUNK))
def test_round_trip_property_small_chunks(data: bytes) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(blob_module, "CHUNK_SIZE", SMALL_CHUNK)
        key, blob_id = os.urandom(32), new_blob_id()
        ct = encrypt(data, key, blob_id)
        assert len(ct) == blob_module.ciphertext_size(len(data))
        assert decrypt(ct, key, blob_id) == data


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(min_size=0, max_size=6 * SMALL_CHUNK),
    where=st.integers(min_value=0),
    mask=st.integers(min_value=1, max_value=255),
    cut=st.integers(min_value=0),
)
def test_tampering_property_small_chunks(data: bytes, where: int, mask: int, cut: int) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(blob_module, "CHUNK_SIZE", SMALL_CHUNK)
        key, blob_id = os.urandom(32), new_blob_id()
        ct = encrypt(data, key, blob_id)
        with pytest.raises(BlobTamperedError):
            decrypt(flip(ct, where % len(ct), mask), key, blob_id)
        with pytest.raises(BlobTamperedError):
            decrypt(ct[: cut % len(ct)], key, blob_id)
        for _name, damaged in tampered_variants(ct, SMALL_CHUNK + TAG_SIZE):
            with pytest.raises(BlobTamperedError):
                decrypt(damaged, key, blob_id)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    size=st.one_of(
        st.integers(min_value=0, max_value=3 * MIB),
        st.sampled_from([MIB - 1, MIB, MIB + 1, 2 * MIB, 2 * MIB + 1]),
    ),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_round_trip_property_real_chunks(size: int, seed: int) -> None:
    data = random.Random(seed).randbytes(size)
    key, blob_id = os.urandom(32), new_blob_id()
    ct = encrypt(data, key, blob_id)
    assert decrypt(ct, key, blob_id) == data


# Through a vault ---------------------------------------------------------------------------


def ingest_and_register(v: Vault, source: Path) -> BlobInfo:
    info = v.ingest_file(source)
    with v.transaction() as tx:
        tx.register_blob(info)
        tx.audit("test.blob_added", info.blob_id, {"size": info.size})
    return info


@pytest.mark.parametrize("size", SIZES)
def test_vault_round_trip_and_tampering(new_vault: Vault, tmp_path: Path, size: int) -> None:
    data = random.Random(size + 1).randbytes(size)
    source = tmp_path / "source.bin"
    source.write_bytes(data)
    seen: list[tuple[int, int]] = []
    info = new_vault.ingest_file(source, progress=lambda done, total: seen.append((done, total)))
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert info.size == size
    assert seen[-1] == (size, size)
    with new_vault.transaction() as tx:
        tx.register_blob(info)
        tx.audit("test.blob_added", info.blob_id, {})
    other = ingest_and_register(new_vault, source)
    assert not files_under(new_vault.blobs.tmp_dir)

    with new_vault.blobs.open_plaintext(info.blob_id) as chunks:
        assert b"".join(chunks) == data
    new_vault.blobs.verify(info.blob_id, info.sha256, info.size)
    assert new_vault.check().ok

    blob_file = new_vault.blobs.path_of(info.blob_id)
    original = blob_file.read_bytes()
    if size >= 64:  # a shorter plaintext can appear in random ciphertext by chance
        assert data[:64] not in original
    cases = list(tampered_variants(original))
    for name, damaged in cases[:: max(1, len(cases) // 12)]:  # a spread; the format test has all
        blob_file.write_bytes(damaged)
        try:
            new_vault.blobs.verify(info.blob_id, info.sha256, info.size)
        except BlobTamperedError:
            continue
        pytest.fail(f"not detected: {name}")
    # Moved under another id: the other blob's file put in this blob's place.
    shutil.copyfile(new_vault.blobs.path_of(other.blob_id), blob_file)
    with pytest.raises(BlobTamperedError):
        new_vault.blobs.verify(info.blob_id, info.sha256, info.size)
    report = new_vault.check()
    assert [(p.code, p.subject) for p in report.problems] == [("vault.blob_tampered", info.blob_id)]
    blob_file.write_bytes(original)
    assert new_vault.check().ok


def test_missing_blob_is_reported(new_vault: Vault, tmp_path: Path) -> None:
    source = tmp_path / "source.bin"
    source.write_bytes(b"evidence")
    info = ingest_and_register(new_vault, source)
    new_vault.blobs.path_of(info.blob_id).unlink()
    with pytest.raises(BlobMissingError):
        new_vault.blobs.verify(info.blob_id, info.sha256, info.size)
    assert [p.code for p in new_vault.check().problems] == ["vault.blob_missing"]


def test_removed_blob_file_goes_after_commit(new_vault: Vault, tmp_path: Path) -> None:
    source = tmp_path / "source.bin"
    source.write_bytes(b"evidence")
    info = ingest_and_register(new_vault, source)
    path = new_vault.blobs.path_of(info.blob_id)
    with pytest.raises(RuntimeError), new_vault.transaction() as tx:  # noqa: PT012
        tx.remove_blob(info.blob_id)
        tx.audit("test.blob_removed", info.blob_id, {})
        raise RuntimeError("rolled back")
    assert path.exists()
    with new_vault.transaction() as tx:
        tx.remove_blob(info.blob_id)
        tx.audit("test.blob_removed", info.blob_id, {})
    assert not path.exists()
    assert new_vault.check().ok


def test_discard_unregistered_blob(new_vault: Vault, tmp_path: Path) -> None:
    source = tmp_path / "source.bin"
    source.write_bytes(b"evidence")
    staged = new_vault.ingest_file(source)
    kept = ingest_and_register(new_vault, source)
    new_vault.discard_unregistered_blob(staged.blob_id)
    new_vault.discard_unregistered_blob(kept.blob_id)  # registered: left alone
    assert new_vault.blobs.stored_ids() == [kept.blob_id]


# Ingest failures leave nothing -------------------------------------------------------------


def assert_nothing_stored(v: Vault) -> None:
    assert not files_under(v.blobs.tmp_dir)
    assert not files_under(v.blobs.blob_dir)
    assert v.read("SELECT count(*) FROM vault_blobs") == [(0,)]


def test_cancelled_ingest_leaves_nothing(new_vault: Vault, tmp_path: Path) -> None:
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(3 * MIB))
    cancel = threading.Event()
    with pytest.raises(OperationCancelledError):
        new_vault.ingest_file(source, progress=lambda done, total: cancel.set(), cancel=cancel)
    assert_nothing_stored(new_vault)
    with pytest.raises(OperationCancelledError):
        new_vault.ingest_file(source, cancel=cancel)  # cancelled before it began
    assert_nothing_stored(new_vault)


def test_source_growing_during_ingest(new_vault: Vault, tmp_path: Path) -> None:
    source = tmp_path / "growing.bin"
    source.write_bytes(os.urandom(3 * MIB))

    def grow(done: int, total: int) -> None:
        with open(source, "ab") as handle:
            handle.write(b"more")

    with pytest.raises(SourceChangedError):
        new_vault.ingest_file(source, progress=grow)
    assert_nothing_stored(new_vault)


def test_source_rewritten_in_place_during_ingest(new_vault: Vault, tmp_path: Path) -> None:
    source = tmp_path / "rewritten.bin"
    source.write_bytes(os.urandom(3 * MIB))
    calls: list[int] = []

    def rewrite(done: int, total: int) -> None:
        if not calls:
            with open(source, "r+b") as handle:
                handle.write(b"X" * 10)
            os.utime(source, ns=(1, 1))  # a different modification time, same size
        calls.append(done)

    with pytest.raises(SourceChangedError):
        new_vault.ingest_file(source, progress=rewrite)
    assert_nothing_stored(new_vault)


def test_source_vanishing_during_ingest(new_vault: Vault, tmp_path: Path) -> None:
    source = tmp_path / "vanishing.bin"
    source.write_bytes(os.urandom(2 * MIB))

    def remove(done: int, total: int) -> None:
        if source.exists():
            source.unlink()

    with pytest.raises(SourceChangedError):
        new_vault.ingest_file(source, progress=remove)
    assert_nothing_stored(new_vault)


def test_unreadable_sources(new_vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(SourceUnreadableError):
        new_vault.ingest_file(tmp_path / "does-not-exist")
    with pytest.raises(SourceUnreadableError):
        new_vault.ingest_file(tmp_path)  # a folder
    if os.geteuid() != 0:  # root reads any file whatever its mode
        locked = tmp_path / "locked.bin"
        locked.write_bytes(b"secret")
        locked.chmod(0)
        with pytest.raises(SourceUnreadableError):
            new_vault.ingest_file(locked)
    assert_nothing_stored(new_vault)


def test_read_error_mid_stream(new_vault: Vault) -> None:
    class Failing(io.RawIOBase):
        def __init__(self) -> None:
            self.calls = 0

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            self.calls += 1
            if self.calls > 2:
                raise OSError(5, "Input/output error")
            return b"x" * min(size, 4096)

    with pytest.raises(SourceUnreadableError):
        new_vault.blobs.ingest_stream(Failing())  # type: ignore[arg-type]
    assert_nothing_stored(new_vault)


# Leftovers are cleaned at open ----------------------------------------------------------------


def test_orphans_and_tmp_leftovers_removed_at_unlock(new_vault: Vault, tmp_path: Path) -> None:
    path = new_vault.path
    source = tmp_path / "source.bin"
    source.write_bytes(os.urandom(1000))
    kept = ingest_and_register(new_vault, source)
    orphans = {new_vault.ingest_file(source).blob_id for _ in range(3)}
    report = new_vault.check()
    assert sorted(p.subject for p in report.problems if p.code == "blob.unregistered") == sorted(
        orphans
    )
    new_vault.lock()
    (path / "tmp" / new_blob_id()).write_bytes(b"half an ingest")
    (path / "tmp" / "junk").write_bytes(b"junk")

    v = Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)
    try:
        assert not files_under(v.blobs.tmp_dir)
        assert v.blobs.stored_ids() == [kept.blob_id]
        removed = v.audit_entries(action_prefix="blob.orphan_removed")
        assert sorted(e.subject for e in removed) == sorted(orphans)
        assert v.check().ok
        v.blobs.verify(kept.blob_id, kept.sha256, kept.size)
    finally:
        v.lock()
