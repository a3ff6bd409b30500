"""Encrypted evidence blobs: a streaming AEAD after age's STREAM construction (DESIGN §2).

``magic | salt | chunks``; each chunk is AES-256-GCM over at most 1 MiB of plaintext, its nonce the
11-byte big-endian chunk counter followed by a last-chunk flag, its associated data the blob id.
Any flipped bit, truncation, dropped/duplicated/reordered chunk, trailing data or move of a blob to
another id fails authentication. The plaintext's SHA-256 and size come from the same single read
that encrypts, and memory stays at a few chunks whatever the file size.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import queue
import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from vault.errors import (
    BlobMissingError,
    BlobTamperedError,
    OperationCancelledError,
    SourceChangedError,
    SourceUnreadableError,
)
from vault.fsutil import FILE_MODE, fsync_dir, make_private_dir, translate_os_error
from vault.kdf import SALT_BYTES, hkdf

log = logging.getLogger(__name__)

MAGIC = b"CSTBLOB1"
CHUNK_SIZE = 1 << 20
TAG_SIZE = 16
HEADER_SIZE = len(MAGIC) + SALT_BYTES
MAX_CHUNKS = 1 << 88  # the 11-byte counter

Progress = Callable[[int, int], None]


def new_blob_id() -> str:
    return secrets.token_hex(16)


def is_blob_id(text: str) -> bool:
    return len(text) == 32 and all(ch in "0123456789abcdef" for ch in text)


def blob_key(master_key: bytes, salt: bytes, blob_id: str) -> bytes:
    return hkdf(master_key, info=b"custodia blob v1" + blob_id.encode("ascii"), salt=salt)


def chunk_nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def ciphertext_size(plaintext_size: int) -> int:
    chunks = max(1, -(-plaintext_size // CHUNK_SIZE))
    return HEADER_SIZE + plaintext_size + chunks * TAG_SIZE


@dataclass(frozen=True)
class BlobInfo:
    blob_id: str
    sha256: str
    size: int


def _read_full(source: BinaryIO, size: int) -> bytes:
    """Read exactly ``size`` bytes unless the stream ends first (pipes return short reads)."""
    parts: list[bytes] = []
    remaining = size
    while remaining:
        try:
            part = source.read(remaining)
        except OSError as exc:
            raise SourceUnreadableError(f"errno {exc.errno}") from exc
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


class _Drain(threading.Thread):
    """A worker that applies ``action`` to each queued item, in order, until ``None`` arrives.

    After a failure it keeps draining without acting, so the producer never blocks on a full
    queue; the producer checks :attr:`error` and stops.
    """

    def __init__(self, action: Callable[[bytes], object], depth: int = 4) -> None:
        super().__init__(daemon=True)
        self.items: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
        self.error: BaseException | None = None
        self._action = action

    def run(self) -> None:
        while (item := self.items.get()) is not None:
            if self.error is None:
                try:
                    self._action(item)
                except BaseException as exc:  # noqa: BLE001 - handed to the producer
                    self.error = exc

    def finish(self) -> None:
        self.items.put(None)
        self.join()


def encrypt_stream(
    source: BinaryIO,
    sink: BinaryIO,
    master_key: bytes,
    blob_id: str,
    *,
    total: int = 0,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> tuple[str, int]:
    """Encrypt ``source`` into ``sink``; returns the plaintext's SHA-256 (hex) and size.

    Reading and encrypting, hashing, and writing run as a three-stage pipeline: SHA-256, AES-GCM
    and file writes all release the GIL, so on two cores the ingest costs about what the plain
    copy costs. The queues are bounded, so memory stays at a few chunks whatever the file size.
    """
    salt = os.urandom(SALT_BYTES)
    aead = AESGCM(blob_key(master_key, salt, blob_id))
    associated = blob_id.encode("ascii")
    digest = hashlib.sha256()
    hasher = _Drain(digest.update)
    writer = _Drain(sink.write)
    hasher.start()
    writer.start()
    try:
        writer.items.put(MAGIC + salt)
        # One chunk of look-ahead tells whether the current chunk is the last.
        current = _read_full(source, CHUNK_SIZE)
        index = done = 0
        while True:
            if cancel is not None and cancel.is_set():
                raise OperationCancelledError()
            if writer.error is not None:
                raise writer.error
            following = _read_full(source, CHUNK_SIZE) if len(current) == CHUNK_SIZE else b""
            last = not following
            hasher.items.put(current)
            writer.items.put(aead.encrypt(chunk_nonce(index, last), current, associated))
            done += len(current)
            if progress is not None:
                progress(done, max(total, done))
            if last:
                break
            current = following
            index += 1
    finally:
        hasher.finish()
        writer.finish()
    if writer.error is not None:
        raise writer.error
    return digest.hexdigest(), done


def decrypt_stream(source: BinaryIO, master_key: bytes, blob_id: str) -> Iterator[bytes]:
    """Yield authenticated plaintext chunks; raises :class:`BlobTamperedError` on any damage.

    A chunk is released only once it authenticated, so a consumer never sees unverified bytes;
    a caller that needs the whole file verified must still read to the end.
    """
    head = _read_full(source, HEADER_SIZE)
    if len(head) != HEADER_SIZE or head[: len(MAGIC)] != MAGIC:
        raise BlobTamperedError("bad blob header")
    aead = AESGCM(blob_key(master_key, head[len(MAGIC) :], blob_id))
    associated = blob_id.encode("ascii")
    sealed_size = CHUNK_SIZE + TAG_SIZE
    current = _read_full(source, sealed_size)
    index = 0
    while True:
        if len(current) < TAG_SIZE:
            raise BlobTamperedError("truncated blob")
        following = _read_full(source, sealed_size) if len(current) == sealed_size else b""
        last = not following
        try:
            plaintext = aead.decrypt(chunk_nonce(index, last), current, associated)
        except InvalidTag as exc:
            raise BlobTamperedError(f"chunk {index} of blob {blob_id}") from exc
        if not last and len(plaintext) != CHUNK_SIZE:
            raise BlobTamperedError("short inner chunk")
        if last and index > 0 and not plaintext:
            raise BlobTamperedError("empty final chunk")
        yield plaintext
        if last:
            return
        current = following
        index += 1


class BlobReader:
    """Random access to a blob's authenticated plaintext, decrypting only the chunks asked for.

    Viewers (PDF pages, audio and video) seek around in files of any size; reading them whole
    into memory would not stay flat. Each chunk authenticates on its own (its index and the
    last-chunk flag are in the nonce), so a truncated, reordered or swapped file still fails,
    at the chunk that was touched. Thread-safe: a media decoder reads from its own thread.
    """

    CACHED_CHUNKS = 4

    def __init__(self, handle: BinaryIO, master_key: bytes, blob_id: str) -> None:
        self._handle = handle
        self._lock = threading.Lock()
        self._blob_id = blob_id
        head = _read_full(handle, HEADER_SIZE)
        if len(head) != HEADER_SIZE or head[: len(MAGIC)] != MAGIC:
            raise BlobTamperedError("bad blob header")
        self._aead: AESGCM | None = AESGCM(blob_key(master_key, head[len(MAGIC) :], blob_id))
        body = os.fstat(handle.fileno()).st_size - HEADER_SIZE
        sealed = CHUNK_SIZE + TAG_SIZE
        self._chunks = max(1, -(-body // sealed))
        if body - (self._chunks - 1) * sealed < TAG_SIZE:
            raise BlobTamperedError("truncated blob")
        self.size = body - self._chunks * TAG_SIZE
        self._cache: dict[int, bytes] = {}

    @property
    def closed(self) -> bool:
        return self._aead is None

    def close(self) -> None:
        """Forget the key and the cached plaintext, close the file."""
        with self._lock:
            self._aead = None
            self._cache.clear()
            self._handle.close()

    def _chunk(self, index: int) -> bytes:
        cached = self._cache.get(index)
        if cached is not None:
            return cached
        if self._aead is None:
            raise BlobMissingError("reader closed")
        sealed = CHUNK_SIZE + TAG_SIZE
        self._handle.seek(HEADER_SIZE + index * sealed)
        data = _read_full(self._handle, sealed)
        last = index == self._chunks - 1
        try:
            plaintext = self._aead.decrypt(
                chunk_nonce(index, last), data, self._blob_id.encode("ascii")
            )
        except InvalidTag as exc:
            raise BlobTamperedError(f"chunk {index} of blob {self._blob_id}") from exc
        if len(self._cache) >= self.CACHED_CHUNKS:
            self._cache.pop(next(iter(self._cache)))
        self._cache[index] = plaintext
        return plaintext

    def read_at(self, offset: int, length: int) -> bytes:
        """Up to ``length`` plaintext bytes from ``offset`` (fewer only at the end)."""
        parts: list[bytes] = []
        end = min(self.size, offset + max(0, length))
        with self._lock:
            while offset < end:
                index, start = divmod(offset, CHUNK_SIZE)
                part = self._chunk(index)[start : start + end - offset]
                if not part:
                    break
                parts.append(part)
                offset += len(part)
        return b"".join(parts)


class BlobStore:
    """Blob files under ``blobs/ab/<id>``, with ingests staged in ``tmp/``."""

    def __init__(self, root: Path, master_key: bytes) -> None:
        self.root = root
        self.blob_dir = root / "blobs"
        self.tmp_dir = root / "tmp"
        self._master_key = master_key

    def path_of(self, blob_id: str) -> Path:
        if not is_blob_id(blob_id):
            raise BlobMissingError("malformed blob id")
        return self.blob_dir / blob_id[:2] / blob_id

    def ingest_file(
        self,
        source_path: Path,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> BlobInfo:
        """Hash and encrypt a file into the store; see DESIGN §2 for the ordering.

        The file is re-examined after the read: if it vanished, was replaced, or changed size or
        modification time meanwhile, the half-made blob is discarded and nothing is stored.
        """
        try:
            handle = open(source_path, "rb", buffering=0)
        except OSError as exc:
            raise SourceUnreadableError(f"errno {exc.errno}") from exc
        with handle:
            before = os.fstat(handle.fileno())
            info = self._ingest(handle, before.st_size, progress, cancel)
            try:
                after = os.stat(source_path)
            except OSError as exc:
                self._discard(info.blob_id)
                raise SourceChangedError("source vanished") from exc
            changed = (
                after.st_ino != before.st_ino
                or after.st_size != before.st_size
                or after.st_mtime_ns != before.st_mtime_ns
                or info.size != before.st_size
            )
            if changed:
                self._discard(info.blob_id)
                raise SourceChangedError("source changed while it was read")
        return info

    def ingest_stream(
        self,
        source: BinaryIO,
        *,
        total: int = 0,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> BlobInfo:
        return self._ingest(source, total, progress, cancel)

    def _ingest(
        self,
        source: BinaryIO,
        total: int,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> BlobInfo:
        blob_id = new_blob_id()
        make_private_dir(self.tmp_dir)
        staged = self.tmp_dir / blob_id
        try:
            fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            with open(fd, "wb", buffering=CHUNK_SIZE + TAG_SIZE) as sink:
                sha256, size = encrypt_stream(
                    source,
                    sink,
                    self._master_key,
                    blob_id,
                    total=total,
                    progress=progress,
                    cancel=cancel,
                )
                sink.flush()
                os.fsync(sink.fileno())
            final = self.path_of(blob_id)
            make_private_dir(final.parent)
            os.replace(staged, final)
            fsync_dir(final.parent)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                staged.unlink()
            if isinstance(exc, OSError):
                raise translate_os_error(exc) from exc
            raise
        log.info("blob %s stored", blob_id)
        return BlobInfo(blob_id, sha256, size)

    def _discard(self, blob_id: str) -> None:
        with contextlib.suppress(OSError):
            self.path_of(blob_id).unlink()

    def remove(self, blob_id: str) -> None:
        """Delete a blob file and make the removal durable."""
        path = self.path_of(blob_id)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise translate_os_error(exc) from exc
        fsync_dir(path.parent)

    @contextlib.contextmanager
    def open_plaintext(self, blob_id: str) -> Iterator[Iterator[bytes]]:
        path = self.path_of(blob_id)
        try:
            handle = open(path, "rb")
        except FileNotFoundError as exc:
            raise BlobMissingError(blob_id) from exc
        with handle:
            yield decrypt_stream(handle, self._master_key, blob_id)

    def open_reader(self, blob_id: str) -> BlobReader:
        """A random-access reader of the blob's plaintext; the caller closes it."""
        path = self.path_of(blob_id)
        try:
            handle = open(path, "rb")
        except FileNotFoundError as exc:
            raise BlobMissingError(blob_id) from exc
        try:
            return BlobReader(handle, self._master_key, blob_id)
        except BaseException:
            handle.close()
            raise

    def verify(
        self,
        blob_id: str,
        sha256: str,
        size: int,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        """Decrypt the whole blob and compare its hash and size with the recorded ones."""
        digest = hashlib.sha256()
        done = 0
        with self.open_plaintext(blob_id) as chunks:
            for chunk in chunks:
                if cancel is not None and cancel.is_set():
                    raise OperationCancelledError()
                digest.update(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, size)
        if done != size or digest.hexdigest() != sha256:
            raise BlobTamperedError(f"blob {blob_id} does not match its recorded hash")

    def stored_ids(self) -> list[str]:
        if not self.blob_dir.is_dir():
            return []
        found: list[str] = []
        for bucket in self.blob_dir.iterdir():
            if bucket.is_dir():
                found.extend(p.name for p in bucket.iterdir())
        return found

    def empty_tmp(self) -> int:
        """Remove every staged ingest; returns how many files were removed."""
        if not self.tmp_dir.is_dir():
            return 0
        removed = 0
        for entry in self.tmp_dir.iterdir():
            with contextlib.suppress(OSError):
                if entry.is_dir() and not entry.is_symlink():
                    continue
                entry.unlink()
                removed += 1
        if removed:
            fsync_dir(self.tmp_dir)
        return removed
