"""Writing the BagIt bag (RFC 8493), as a folder or a ZIP, all-or-nothing.

The bag is built in a private staging folder next to the destination (same file system, so the
final step is a rename), every file is fsynced, and only a complete, signed bag is moved into
place. Any failure, mismatch or cancellation removes the staging folder: nothing half-written
is ever left at the destination.

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
import secrets
import shutil
import stat
import threading
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import bagit

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
COPY_CHUNK = 1 << 20
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


def _copy_original(
    item: BundleEvidence, target: Path, meter: _Meter, cancel: threading.Event | None
) -> str:
    """Stream an original into the bag, re-checking its SHA-256 and size as it is written.

    Decryption and hashing (this thread) overlap with writing (a writer thread, through a
    small bounded queue), so an export costs little more than the copy itself.
    """
    digest = hashlib.sha256()
    written = 0
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    pending: queue.Queue[bytes | None] = queue.Queue(maxsize=8)
    failure: list[BaseException] = []

    with open(target, "xb") as out:

        def writer() -> None:
            try:
                while (chunk := pending.get()) is not None:
                    if not failure:
                        out.write(chunk)
            except BaseException as exc:  # noqa: BLE001 - handed to the producing thread
                failure.append(exc)
                while pending.get() is not None:  # drain so the producer never blocks
                    pass

        thread = threading.Thread(target=writer, name="export-writer", daemon=True)
        thread.start()
        try:
            with item.open_original() as chunks:
                for chunk in chunks:
                    _check(cancel)
                    if failure:
                        break
                    digest.update(chunk)
                    pending.put(chunk)
                    written += len(chunk)
                    meter.add(len(chunk))
        finally:
            pending.put(None)
            thread.join()
        if failure:
            raise failure[0]
        out.flush()
        os.fsync(out.fileno())
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


def _zip_bag(bag_dir: Path, archive: Path, meter: _Meter, cancel: threading.Event | None) -> None:
    """A ZIP with the bag as its one top-level folder; originals stored, text deflated."""
    with zipfile.ZipFile(archive, "x", allowZip64=True) as zf:
        for path in _walk_files(bag_dir):
            _check(cancel)
            rel = path.relative_to(bag_dir).as_posix()
            info = zipfile.ZipInfo.from_file(path, f"{bag_dir.name}/{rel}")
            stored = rel.startswith("data/evidence/")
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            with open(path, "rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                while chunk := src.read(COPY_CHUNK):
                    _check(cancel)
                    dst.write(chunk)
                    if stored:
                        meter.add(len(chunk))
    with open(archive, "rb+") as handle:
        os.fsync(handle.fileno())


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


PARTIAL_MARK = ".custodia-partial-"


def _sweep_stale_staging(parent: Path) -> None:
    """Remove staging folders of exports whose process died (SIGKILL, power loss).

    They hold plaintext copies of evidence; ``finally`` cannot remove them when the process is
    killed, so the next export into the same folder does.
    """
    for entry in parent.glob(f".*{PARTIAL_MARK}*"):
        pid_text = entry.name.rsplit(PARTIAL_MARK, 1)[1].split("-", 1)[0]
        if not pid_text.isdigit() or entry.is_symlink() or not entry.is_dir():
            continue
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            shutil.rmtree(entry, ignore_errors=True)
            log.info("stale export staging folder removed")
        except OSError:
            continue  # alive but not ours to signal: leave it


@contextlib.contextmanager
def staging_dir(dest: Path) -> Iterator[Path]:
    """A private folder beside ``dest``, removed whatever happens."""
    parent = dest.parent
    if not parent.is_dir():
        raise DestinationUnusableError("the destination folder does not exist")
    if dest.exists() or dest.is_symlink():
        raise DestinationExistsError()
    _sweep_stale_staging(parent)
    staging = parent / f".{dest.name}{PARTIAL_MARK}{os.getpid()}-{secrets.token_hex(4)}"
    try:
        staging.mkdir(mode=0o700)
    except OSError as exc:
        raise DestinationUnusableError(type(exc).__name__) from exc
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if staging.exists():
            log.warning("staging folder could not be removed completely")


def write_bag(
    dest: Path,
    payload: Sequence[PayloadFile],
    *,
    bag_info: Mapping[str, str],
    tag_files: Mapping[str, bytes],
    sign: Callable[[bytes], bytes],
    as_zip: bool = False,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> BagResult:
    """Write a complete signed bag at ``dest`` (a folder, or a ZIP file when ``as_zip``)."""
    dest = Path(dest)
    evidence_bytes = sum(f.size for f in payload if f.evidence is not None)
    meter = _Meter(evidence_bytes * (2 if as_zip else 1), progress)
    try:
        with staging_dir(dest) as staging:
            bag_dir = staging / (dest.stem if as_zip else dest.name)
            bag_dir.mkdir(mode=0o700)
            lines: list[tuple[str, str]] = []
            total = 0
            for item in payload:
                _check(cancel)
                rel = f"data/{item.path}"
                target = bag_dir / rel
                if item.evidence is not None:
                    digest = _copy_original(item.evidence, target, meter, cancel)
                else:
                    content = item.content or b""
                    _write_file(target, content)
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
            for path in (bag_dir / TAGMANIFEST, bag_dir / "bag-info.txt"):
                with open(path, "rb+") as handle:
                    os.fsync(handle.fileno())
            for directory in sorted({p.parent for p in _walk_files(bag_dir)}, reverse=True):
                _fsync_dir(directory)
            _check(cancel)
            if as_zip:
                archive = staging / "bundle.zip"
                _zip_bag(bag_dir, archive, meter, cancel)
                _place(archive, dest)
            else:
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
