"""Writing the BagIt bag (RFC 8493), as a folder or a ZIP, all-or-nothing.

The bag is built in a private staging folder next to the destination (same file system, so the
final step is a rename), every file is fsynced, and only a complete, signed bag is moved into
place. Any failure, mismatch or cancellation removes the staging folder: nothing half-written
is ever left at the destination. A ZIP is written directly (payload streamed into the archive),
so the originals are written once in both forms.

The payload manifest is written from the SHA-256 computed while each file is written (which is
also the re-check of every original against its recorded hash), so the originals are read
once. ``bagit`` then writes bag-info.txt and the tag manifest (``Bag.save``).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import queue
import shutil
import stat
import threading
import time
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import bagit

from exports import staging as staging_registry
from exports.errors import (
    DestinationExistsError,
    DestinationUnusableError,
    EvidenceMismatchError,
    ExportCancelledError,
    ExportError,
    ExportStorageError,
)
from exports.model import BundleEvidence, Progress

log = logging.getLogger(__name__)

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = "signature/tagmanifest.sig"
SIGNER_PEM = "signature/signer.pem"
TIMESTAMP_TOKEN = "signature/tagmanifest.tsr"  # noqa: S105 - a file name
FLUSH_EVERY = 8 << 20  # start writeback of an original every 8 MiB written (measured best)
_bagit_cwd_lock = threading.Lock()  # Bag.save() changes the process's working directory


@dataclass(frozen=True)
class PayloadFile:
    """One file under data/: either bytes made here or an original streamed from the vault."""

    path: str  # relative to data/, POSIX separators
    content: bytes | None = None
    evidence: BundleEvidence | None = None

    @property
    def size(self) -> int:
        if self.evidence is not None:
            return self.evidence.size
        return len(self.content or b"")


@dataclass(frozen=True)
class BagResult:
    path: Path
    tagmanifest_sha256: str
    files: int
    payload_bytes: int


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise ExportCancelledError()


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


class _Meter:
    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress

    def add(self, amount: int) -> None:
        self.done += amount
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)


class _Stage(threading.Thread):
    """One stage of the export pipeline: applies ``action`` to each queued chunk, in order.

    After a failure it keeps draining without acting, so the producer never blocks on a full
    queue; the producer checks :attr:`error` and stops.
    """

    def __init__(self, name: str, action: Callable[[bytes], object]) -> None:
        super().__init__(name=name, daemon=True)
        self.items: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self.error: BaseException | None = None
        self._action = action

    def run(self) -> None:
        while (chunk := self.items.get()) is not None:
            if self.error is None:
                try:
                    self._action(chunk)
                except BaseException as exc:  # noqa: BLE001 - handed to the producer
                    self.error = exc

    def finish(self) -> None:
        self.items.put(None)
        self.join()


class _Flusher(threading.Thread):
    """Writes back, in the background, what has been written to ``fd`` so far.

    Linux keeps gigabytes of written data dirty in memory, so without this an original is
    first written to memory (CPU-bound: decrypting, hashing) and only then to disk by the final
    fsync, with the CPU idle. Asking for writeback every few MiB overlaps the two, and
    leaves the final fsync (which still makes the file durable) little to do.
    """

    def __init__(self, fd: int) -> None:
        super().__init__(name="export-flush", daemon=True)
        self.error: OSError | None = None
        self._fd = fd
        self._wake = threading.Event()
        self._stopping = False

    def run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._stopping:
                return
            try:
                _datasync(self._fd)
            except OSError as exc:
                self.error = exc
                return

    def poke(self) -> None:
        self._wake.set()

    def finish(self) -> None:
        self._stopping = True
        self._wake.set()
        self.join()


def _datasync(fd: int) -> None:
    getattr(os, "fdatasync", os.fsync)(fd)


def _copy_original(
    item: BundleEvidence,
    out: IO[bytes],
    fd: int,
    meter: _Meter,
    cancel: threading.Event | None,
) -> str:
    """Stream an original into ``out`` (whose file is ``fd``), re-checking its SHA-256 and size.

    Three stages overlap: reading and decrypting (this thread), hashing, and writing (each a
    thread behind a small bounded queue), and a fourth thread starts writeback to disk as the
    bytes arrive. AES-GCM, SHA-256, the ZIP's CRC-32, writes and fdatasync all release the GIL.
    The caller makes the bytes durable and discards them when this raises.
    """
    digest = hashlib.sha256()
    written = 0
    flusher = _Flusher(fd)
    pending = 0

    def write(chunk: bytes) -> None:
        nonlocal pending
        out.write(chunk)
        pending += len(chunk)
        if pending >= FLUSH_EVERY:
            pending = 0
            out.flush()
            flusher.poke()

    hasher = _Stage("export-hash", digest.update)
    writer = _Stage("export-write", write)
    flusher.start()
    hasher.start()
    writer.start()
    try:
        with item.open_original() as chunks:
            for chunk in chunks:
                _check(cancel)
                failure = writer.error or hasher.error or flusher.error
                if failure is not None:
                    raise failure
                hasher.items.put(chunk)
                writer.items.put(chunk)
                written += len(chunk)
                meter.add(len(chunk))
    finally:
        hasher.finish()
        writer.finish()
        flusher.finish()
    failure = writer.error or hasher.error or flusher.error
    if failure is not None:
        raise failure
    found = digest.hexdigest()
    if found != item.sha256.lower() or written != item.size:
        log.warning("evidence %s does not match its recorded hash; export aborted", item.number)
        raise EvidenceMismatchError(item.number)
    return found


def _bag_info_value(value: str) -> str:
    return " ".join(value.split())  # tag values are single lines


def _save_with_bagit(bag_dir: Path, info: Mapping[str, str]) -> None:
    """bag-info.txt and tagmanifest-sha256.txt, written by the bagit library."""
    with _bagit_cwd_lock:
        try:
            cwd: str | None = os.getcwd()
        except OSError:  # the working directory was deleted; bagit needs none of ours
            cwd = None
        try:
            bag = bagit.Bag(str(bag_dir))
            bag.info.update({k: _bag_info_value(v) for k, v in info.items() if v})
            bag.save(manifests=False)
        finally:
            # Bag.save leaves the cwd changed when it fails; never leave it inside the staging
            # folder that is about to be removed.
            os.chdir(cwd if cwd is not None else bag_dir.parent.parent)


def _walk_files(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            yield Path(dirpath) / name


def _zip_info(name: str, *, stored: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def _zip_tag_files(bag_dir: Path, zf: zipfile.ZipFile, cancel: threading.Event | None) -> None:
    """Add the tag files (everything in ``bag_dir`` outside data/) to the archive."""
    for path in _walk_files(bag_dir):
        _check(cancel)
        rel = path.relative_to(bag_dir).as_posix()
        zf.writestr(_zip_info(f"{bag_dir.name}/{rel}", stored=False), path.read_bytes())


def _place(source: Path, dest: Path) -> None:
    """Move the finished bag or ZIP into place, never over something that appeared meanwhile."""
    if dest.exists() or dest.is_symlink():
        raise DestinationExistsError()
    if source.is_file():
        try:
            os.link(source, dest)  # fails if dest exists: no-replace for files
        except OSError as exc:
            if exc.errno == errno.EEXIST:
                raise DestinationExistsError() from exc
            os.rename(source, dest)  # file systems without hard links (FAT, exFAT)
        else:
            source.unlink()
    else:
        os.rename(source, dest)
    _fsync_dir(dest.parent)


PARTIAL_MARK = staging_registry.STAGING_PREFIX


def _sweep_stale_staging(parent: Path) -> None:
    """Remove staging folders of exports whose process died (SIGKILL, power loss).

    They hold plaintext copies of evidence; ``finally`` cannot remove them when the process is
    killed, so the next export into the same folder does.
    """
    for entry in parent.glob(f"*{PARTIAL_MARK}*"):  # also older ".<dest>.custodia-partial-"
        pid_text = entry.name.rsplit(PARTIAL_MARK, 1)[1].split("-", 1)[0]
        if not pid_text.isdigit() or entry.is_symlink() or not entry.is_dir():
            continue
        if not staging_registry.process_alive(int(pid_text)):  # os.kill(pid, 0) kills on Windows
            shutil.rmtree(entry, ignore_errors=True)
            log.info("stale export staging folder removed")


@contextlib.contextmanager
def staging_dir(dest: Path) -> Iterator[Path]:
    """A private folder beside ``dest``, removed whatever happens."""
    parent = dest.parent
    if not parent.is_dir():
        raise DestinationUnusableError("the destination folder does not exist")
    if dest.exists() or dest.is_symlink():
        raise DestinationExistsError()
    _sweep_stale_staging(parent)
    staging = parent / staging_registry.staging_name()  # no user data in the name
    entry = staging_registry.register(staging)  # so a start after a SIGKILL removes it
    try:
        staging.mkdir(mode=0o700)
    except OSError as exc:
        staging_registry.unregister(entry)
        raise DestinationUnusableError(type(exc).__name__) from exc
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if staging.exists():
            log.warning("staging folder could not be removed completely")
        else:
            staging_registry.unregister(entry)


def _write_original(
    item: BundleEvidence,
    bag_dir: Path,
    rel: str,
    zf: zipfile.ZipFile | None,
    meter: _Meter,
    cancel: threading.Event | None,
) -> str:
    """One original into the folder (fsynced) or straight into the ZIP, stored uncompressed."""
    if zf is not None:
        if zf.fp is None:
            raise ExportStorageError("archive closed")
        fd = zf.fp.fileno()
        with zf.open(_zip_info(f"{bag_dir.name}/{rel}", stored=True), "w", force_zip64=True) as out:
            return _copy_original(item, out, fd, meter, cancel)
    target = bag_dir / rel
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(target, "xb") as handle:
        digest = _copy_original(item, handle, handle.fileno(), meter, cancel)
        handle.flush()
        os.fsync(handle.fileno())
    return digest


def write_bag(
    dest: Path,
    payload: Sequence[PayloadFile],
    *,
    bag_info: Mapping[str, str],
    tag_files: Mapping[str, bytes],
    sign: Callable[[bytes], bytes],
    stamp: Callable[[bytes], bytes | None] | None = None,
    as_zip: bool = False,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> BagResult:
    """Write a complete signed bag at ``dest`` (a folder, or a ZIP file when ``as_zip``).

    A ZIP gets its payload streamed straight into the archive (the originals are written once,
    not written to a folder and then copied into the ZIP); the small tag files are made in a
    folder first, because bagit writes them there.
    """
    dest = Path(dest)
    evidence_bytes = sum(f.size for f in payload if f.evidence is not None)
    meter = _Meter(evidence_bytes, progress)
    try:
        with staging_dir(dest) as staging, contextlib.ExitStack() as stack:
            bag_dir = staging / (dest.stem if as_zip else dest.name)
            bag_dir.mkdir(mode=0o700)
            archive = staging / "bundle.zip"
            zf: zipfile.ZipFile | None = None
            if as_zip:
                zf = stack.enter_context(zipfile.ZipFile(archive, "x", allowZip64=True))
            lines: list[tuple[str, str]] = []
            total = 0
            for item in payload:
                _check(cancel)
                rel = f"data/{item.path}"
                if item.evidence is not None:
                    digest = _write_original(item.evidence, bag_dir, rel, zf, meter, cancel)
                else:
                    content = item.content or b""
                    if zf is not None:
                        zf.writestr(_zip_info(f"{bag_dir.name}/{rel}", stored=False), content)
                    else:
                        _write_file(bag_dir / rel, content)
                    digest = hashlib.sha256(content).hexdigest()
                lines.append((rel, digest))
                total += item.size
            lines.sort()
            manifest = "".join(f"{digest}  {rel}\n" for rel, digest in lines)
            _write_file(bag_dir / MANIFEST, manifest.encode())
            _write_file(bag_dir / "bagit.txt", BAGIT_TXT)
            for rel, content in tag_files.items():
                _write_file(bag_dir / rel, content)
            info = dict(bag_info)
            info["Payload-Oxum"] = f"{total}.{len(lines)}"
            _save_with_bagit(bag_dir, info)
            tagmanifest = (bag_dir / TAGMANIFEST).read_bytes()
            _write_file(bag_dir / SIGNATURE, sign(tagmanifest))
            # An RFC 3161 token over the tag manifest (DESIGN §6.3); like the signature, the
            # tag manifest cannot list it.
            token = stamp(tagmanifest) if stamp is not None else None
            if token:
                _write_file(bag_dir / TIMESTAMP_TOKEN, token)
            _check(cancel)
            if zf is not None:
                _zip_tag_files(bag_dir, zf, cancel)
                zf.close()
                with open(archive, "rb+") as handle:
                    os.fsync(handle.fileno())
                _place(archive, dest)
            else:
                for path in (bag_dir / TAGMANIFEST, bag_dir / "bag-info.txt"):
                    with open(path, "rb+") as handle:
                        os.fsync(handle.fileno())
                for directory in sorted({p.parent for p in _walk_files(bag_dir)}, reverse=True):
                    _fsync_dir(directory)
                _place(bag_dir, dest)
    except ExportError:
        raise
    except OSError as exc:
        log.warning("bundle could not be written: %s", type(exc).__name__)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM):
            raise ExportStorageError(errno.errorcode.get(exc.errno or 0, "")) from exc
        raise ExportStorageError(type(exc).__name__) from exc
    except bagit.BagError as exc:
        raise ExportStorageError("bagit") from exc
    log.info("bundle written: %d payload files", len(lines))
    return BagResult(dest, hashlib.sha256(tagmanifest).hexdigest(), len(lines), total)
