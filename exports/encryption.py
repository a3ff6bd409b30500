"""Encrypted bundles (DESIGN §7): the ZIP streamed into an age file, and read back in memory.

Writing: :class:`AgeSink` is the writable stream the bag's ZIP writer writes into
(:func:`write_bag_stream`); the age library (pyrage) encrypts what it is given in a thread as it
arrives, into a file beside the destination that holds only ciphertext, renamed into place when
complete. The bag's small tag files are made in memory here, so no plaintext byte of the bundle
touches the disk on the way: not the payload, not the manifests (which name the evidence files).

age allows a passphrase (scrypt) only as the file's one recipient, so "recipients and a
passphrase" means two files from the same pass: ``NAME.zip.age`` for the keys and
``NAME.passphrase.zip.age``. The age library encrypts with a passphrase only from memory, so a
passphrase bundle is held in memory while it is made and is capped by the memory available.

Reading: :func:`decrypt_bundle` decrypts a ``.age`` file with identities (streaming) or a
passphrase into memory, never to disk; the ZIP is then read from memory by ``verify`` and
``import``. Any flipped bit or truncation fails age's authentication before anything is used.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import logging
import os
import queue
import secrets
import threading
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import psutil  # type: ignore[import-untyped]
import pyrage

from exports import bag as bagmod
from exports.errors import (
    DestinationExistsError,
    DestinationUnusableError,
    ExportError,
    ExportStorageError,
    VerifyError,
)
from exports.model import Progress

log = logging.getLogger(__name__)

AGE_MAGIC = b"age-encryption.org/v1\n"
AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"
SUFFIX = ".zip.age"
PASSPHRASE_SUFFIX = ".passphrase.zip.age"  # noqa: S105 - a file name
PIPE_DEPTH = 16  # chunks waiting for the encryptor: memory stays flat whatever the size
SEALING_PREFIX = ".custodia-sealing-"


class EncryptionError(ExportError):
    code = "export.encryption_failed"
    message = "The bundle could not be encrypted."


class NoRecipientKeyError(ExportError):
    code = "export.no_recipient_key"
    message = "An encrypted bundle needs the recipient's age key or a passphrase."


class DecryptionError(VerifyError):
    """Not an age file this key or passphrase opens, or a damaged one."""

    code = "verify.decryption_failed"
    message = "The encrypted bundle could not be decrypted with this key or passphrase."


class BundleTooLargeError(ExportError):
    code = "export.too_large_for_memory"
    message = "The bundle is too large to be handled in memory on this computer."


def is_age_file(path: Path | str) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(AGE_ARMOR))
    except OSError:
        return False
    return head.startswith(AGE_MAGIC) or head.startswith(AGE_ARMOR)


def sealed_name(dest: Path | str) -> Path:
    """``OUT`` as ``OUT.zip.age`` (``OUT.zip`` and ``OUT.zip.age`` keep their stem)."""
    dest = Path(dest)
    name = dest.name
    for suffix in (SUFFIX, ".age", ".zip"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return dest.with_name(name + SUFFIX)


def bag_folder_name(dest: Path) -> str:
    name = dest.name
    for suffix in (PASSPHRASE_SUFFIX, SUFFIX, ".age", ".zip"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def parse_recipients(keys: Sequence[str]) -> list[pyrage.x25519.Recipient]:
    from exports.address_book import normalise_age_recipient

    return [pyrage.x25519.Recipient.from_str(normalise_age_recipient(k)) for k in keys]


def read_identity_file(path: Path | str) -> list[pyrage.x25519.Identity]:
    """The ``AGE-SECRET-KEY-1…`` lines of an age identity file (as ``age-keygen`` writes)."""
    try:
        with open(path, "rb") as handle:
            text = handle.read(1 << 20).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DecryptionError("identity file unreadable") from exc
    found: list[pyrage.x25519.Identity] = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("AGE-SECRET-KEY-1"):
            try:
                found.append(pyrage.x25519.Identity.from_str(line))
            except pyrage.IdentityError as exc:
                raise DecryptionError("identity file holds a malformed key") from exc
    if not found:
        raise DecryptionError("no age identity in the file")
    return found


def _memory_budget() -> int:
    return int(psutil.virtual_memory().available * 0.6)


# Writing ---------------------------------------------------------------------------------------


class _Pipe:
    """The reading end pyrage pulls from; the ZIP writer pushes into :meth:`put`."""

    def __init__(self) -> None:
        self.items: queue.Queue[bytes | None] = queue.Queue(maxsize=PIPE_DEPTH)
        self._buffer = memoryview(b"")
        self._held: bytes = b""
        self._ended = False

    def read(self, size: int = -1) -> bytes:
        while not self._buffer and not self._ended:
            item = self.items.get()
            if item is None:
                self._ended = True
                break
            self._held = item
            self._buffer = memoryview(item)
        if size is None or size < 0:
            size = len(self._buffer)
        out = bytes(self._buffer[:size])
        self._buffer = self._buffer[size:]
        return out

    def readinto(self, target: Any) -> int:
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)


class _Output:
    """A file that only ever holds ciphertext, renamed into place once complete."""

    def __init__(self, dest: Path) -> None:
        if not dest.parent.is_dir():
            raise DestinationUnusableError("the destination folder does not exist")
        if dest.exists() or dest.is_symlink():
            raise DestinationExistsError()
        self.dest = dest
        self.temp = dest.parent / f"{SEALING_PREFIX}{os.getpid()}-{secrets.token_hex(8)}"
        try:
            self.handle: BinaryIO = open(self.temp, "xb")  # closed in finish() or abort()
        except OSError as exc:
            raise DestinationUnusableError(type(exc).__name__) from exc

    def write(self, data: bytes) -> int:
        return self.handle.write(data)

    def flush(self) -> None:
        self.handle.flush()

    def finish(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        bagmod._place(self.temp, self.dest)

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()
        with contextlib.suppress(OSError):
            self.temp.unlink()


class AgeSink(io.RawIOBase):
    """Write-only, unseekable stream: bytes written are age-encrypted into ``dest``.

    ``recipients`` (age X25519 public keys) give ``dest`` itself; ``passphrase`` gives
    ``…passphrase.zip.age`` beside it (or ``dest`` when there are no recipients). :meth:`close`
    completes the files and moves them into place; :meth:`abort` removes every trace.
    """

    def __init__(
        self, dest: Path | str, recipients: Sequence[str] = (), passphrase: str | None = None
    ) -> None:
        super().__init__()
        if not recipients and not passphrase:
            raise NoRecipientKeyError()
        dest = Path(dest)
        self.paths: list[Path] = []
        self._count = 0
        self._error: BaseException | None = None
        self._pipe: _Pipe | None = None
        self._thread: threading.Thread | None = None
        self._key_out: _Output | None = None
        self._pass_out: _Output | None = None
        self._passphrase = passphrase
        self._memory: bytearray | None = None
        self._budget = _memory_budget()
        try:
            if recipients:
                parsed = parse_recipients(recipients)
                self._key_out = _Output(dest)
                self.paths.append(dest)
                self._pipe = _Pipe()
                self._thread = threading.Thread(
                    target=self._encrypt, args=(parsed,), name="export-age", daemon=True
                )
                self._thread.start()
            if passphrase:
                pass_dest = (
                    dest.with_name(bag_folder_name(dest) + PASSPHRASE_SUFFIX)
                    if recipients
                    else dest
                )
                self._pass_out = _Output(pass_dest)
                self.paths.append(pass_dest)
                self._memory = bytearray()
        except BaseException:
            self.abort()
            raise

    def _encrypt(self, recipients: list[pyrage.x25519.Recipient]) -> None:
        assert self._pipe is not None
        assert self._key_out is not None
        try:
            pyrage.encrypt_io(self._pipe, self._key_out, recipients)
        except BaseException as exc:  # noqa: BLE001 - handed to the writer
            self._error = exc
            # Keep draining so that the writer never blocks on a full pipe.
            while self._pipe.items.get() is not None:
                pass

    # The stream interface zipfile needs: write, tell (so it writes data descriptors instead
    # of seeking back), flush, and fileno for the bag writer's writeback hints: those are given
    # the encrypted file, which is what reaches the disk.
    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def tell(self) -> int:
        return self._count

    def seek(self, offset: int, whence: int = 0) -> int:
        raise io.UnsupportedOperation("an encrypted bundle is written once, in order")

    def fileno(self) -> int:
        out = self._key_out or self._pass_out
        assert out is not None
        return out.handle.fileno()

    def write(self, data: Any) -> int:
        if self._error is not None:
            raise EncryptionError(type(self._error).__name__)
        chunk = bytes(data)
        if self._pipe is not None:
            self._pipe.items.put(chunk)
        if self._memory is not None:
            if len(self._memory) + len(chunk) > self._budget:
                raise BundleTooLargeError("passphrase")
            self._memory += chunk
        self._count += len(chunk)
        return len(chunk)

    def close(self) -> None:
        if self.closed:
            return
        try:
            if self._pipe is not None and self._thread is not None:
                self._pipe.items.put(None)
                self._thread.join()
                if self._error is not None:
                    raise EncryptionError(type(self._error).__name__)
            if self._pass_out is not None and self._memory is not None:
                sealed = pyrage.passphrase.encrypt(bytes(self._memory), self._passphrase)
                self._memory = None
                self._pass_out.write(sealed)
            if self._key_out is not None:
                self._key_out.finish()
            if self._pass_out is not None:
                self._pass_out.finish()
        except BaseException:
            self.abort()
            raise
        finally:
            super().close()
        log.info("encrypted bundle written (%d files)", len(self.paths))

    def abort(self) -> None:
        if self._pipe is not None and self._thread is not None and self._thread.is_alive():
            with contextlib.suppress(queue.Full):
                self._pipe.items.put(None, timeout=5)
            self._thread.join(timeout=30)
        self._memory = None
        for out in (self._key_out, self._pass_out):
            if out is not None:
                out.abort()
        with contextlib.suppress(Exception):
            super().close()


def write_bag_stream(
    stream: AgeSink,
    dest: Path,
    payload: Sequence[bagmod.PayloadFile],
    *,
    bag_info: Mapping[str, str],
    tag_files: Mapping[str, bytes],
    sign: Callable[[bytes], bytes],
    stamp: Callable[[bytes], bytes | None] | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> bagmod.BagResult:
    """The zipped bag of :func:`exports.bag.write_bag`, written into ``stream`` only.

    Same payload pipeline (originals re-checked against their recorded SHA-256 while written);
    the tag files that bagit would write in a staging folder are made here in memory, in the
    same form (bag-info lines sorted by label, tag manifest over every tag file but itself).
    Closing ``stream`` completes the encrypted file; on any failure it is aborted.
    """
    prefix = bag_folder_name(dest)
    meter = bagmod._Meter(sum(f.evidence.size for f in payload if f.evidence), progress)
    lines: list[tuple[str, str]] = []
    total = 0
    try:
        zf = zipfile.ZipFile(stream, "w", allowZip64=True)
        try:

            def add(rel: str, content: bytes) -> None:
                zf.writestr(bagmod._zip_info(f"{prefix}/{rel}", stored=False), content)

            def add_content(item: bagmod.PayloadFile, content: bytes) -> None:
                nonlocal total
                rel = f"data/{item.path}"
                add(rel, content)
                lines.append((rel, hashlib.sha256(content).hexdigest()))
                total += len(content)

            originals = [(f"data/{f.path}", f.evidence) for f in payload if f.evidence]
            for item in payload:
                if item.evidence is None and item.produce is None:
                    bagmod._check(cancel)
                    add_content(item, item.content or b"")
            digests = bagmod._stream_originals(originals, Path(prefix), zf, meter, cancel)
            lines += [(rel, digests[rel]) for rel, _ in originals]
            total += sum(evidence.size for _, evidence in originals)
            for item in payload:
                if item.produce is not None:
                    bagmod._check(cancel)
                    try:
                        content = item.produce()
                    except BaseException as exc:
                        raise bagmod._ProduceFailed(exc) from exc
                    add_content(item, content)
            lines.sort()
            tags: dict[str, bytes] = {
                bagmod.MANIFEST: "".join(f"{d}  {rel}\n" for rel, d in lines).encode(),
                "bagit.txt": bagmod.BAGIT_TXT,
                **tag_files,
            }
            info = {k: bagmod._bag_info_value(v) for k, v in bag_info.items() if v}
            info["Payload-Oxum"] = f"{total}.{len(lines)}"
            tags["bag-info.txt"] = "".join(f"{k}: {info[k]}\n" for k in sorted(info)).encode()
            tagmanifest = "".join(
                f"{hashlib.sha256(tags[rel]).hexdigest()} {rel}\n" for rel in sorted(tags)
            ).encode()
            tags[bagmod.TAGMANIFEST] = tagmanifest
            tags[bagmod.SIGNATURE] = sign(tagmanifest)
            token = stamp(tagmanifest) if stamp is not None else None
            if token:
                tags[bagmod.TIMESTAMP_TOKEN] = token
            bagmod._check(cancel)
            for rel in sorted(tags):
                add(rel, tags[rel])
        finally:
            with contextlib.suppress(Exception):
                zf.close()
        bagmod._check(cancel)
        stream.close()
    except BaseException as exc:
        stream.abort()
        if isinstance(exc, bagmod._ProduceFailed):
            raise exc.error from None
        if isinstance(exc, OSError):
            log.warning("encrypted bundle could not be written: %s", type(exc).__name__)
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM):
                raise ExportStorageError(errno.errorcode.get(exc.errno or 0, "")) from exc
            raise ExportStorageError(type(exc).__name__) from exc
        raise
    log.info("encrypted bundle written: %d payload files", len(lines))
    return bagmod.BagResult(
        stream.paths[0], hashlib.sha256(tagmanifest).hexdigest(), len(lines), total
    )


# Reading ---------------------------------------------------------------------------------------


class _MemoryWriter:
    def __init__(self, budget: int) -> None:
        self.buffer = io.BytesIO()
        self._budget = budget

    def write(self, data: bytes) -> int:
        if self.buffer.tell() + len(data) > self._budget:
            raise BundleTooLargeError("decrypt")
        return self.buffer.write(data)

    def flush(self) -> None:
        pass


def decrypt_bundle(
    path: Path | str,
    *,
    identities: Sequence[pyrage.x25519.Identity] = (),
    passphrase: str | None = None,
) -> io.BytesIO:
    """The plaintext ZIP of an age file, in memory (never on disk)."""
    path = Path(path)
    budget = _memory_budget()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DecryptionError(type(exc).__name__) from exc
    if size > budget:
        raise BundleTooLargeError("decrypt")
    try:
        if identities:
            sink = _MemoryWriter(budget)
            with open(path, "rb") as handle:
                pyrage.decrypt_io(handle, sink, list(identities))
            sink.buffer.seek(0)
            return sink.buffer
        if passphrase:
            with open(path, "rb") as handle:
                data = handle.read()
            return io.BytesIO(pyrage.passphrase.decrypt(data, passphrase))
    except BundleTooLargeError:
        raise
    except (pyrage.DecryptError, OSError, ValueError, TypeError) as exc:
        log.info("age decryption failed: %s", type(exc).__name__)
        raise DecryptionError(type(exc).__name__) from exc
    raise DecryptionError("no identity or passphrase given")


__all__ = [
    "SUFFIX",
    "AgeSink",
    "BundleTooLargeError",
    "DecryptionError",
    "EncryptionError",
    "NoRecipientKeyError",
    "decrypt_bundle",
    "is_age_file",
    "read_identity_file",
    "sealed_name",
    "write_bag_stream",
]
