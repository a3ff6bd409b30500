"""Reading an untrusted ZIP without letting it escape, link, or exhaust the machine.

Everything is decided from the central directory before a byte of content is read, and again
while streaming: entry names must be plain relative paths (no ``..``, no absolute or drive paths,
no backslashes, no duplicates), entries must be regular files or folders (no symlinks, devices),
declared sizes and compression ratios are capped, the local data of two entries may not overlap
(the "overlapping files" bomb), and decompression stops at the declared size and the caps
whatever the headers claim. Nothing is extracted unless :meth:`SafeZip.extract_to` is asked to,
and then only inside the folder it is given.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO

from exports.errors import BundleUnreadableError, UnsafeArchiveError

log = logging.getLogger(__name__)

GiB = 1 << 30
MiB = 1 << 20
READ_CHUNK = 1 << 20
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_LOCAL_HEADER = 30


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int = 20_000
    max_central_directory: int = 32 * MiB
    max_entry_size: int = 8 * GiB
    max_total_size: int = 64 * GiB
    max_ratio: float = 200.0
    ratio_floor: int = 1 * MiB  # small entries (text) may compress well without suspicion
    max_name_length: int = 1024


DEFAULT_LIMITS = ZipLimits()


@dataclass(frozen=True)
class SafeEntry:
    name: str  # normalised relative POSIX path, no trailing slash
    size: int
    compressed_size: int
    is_dir: bool
    info: zipfile.ZipInfo


def _refuse(reason: str) -> UnsafeArchiveError:
    log.info("ZIP refused: %s", reason.split(":")[0])
    return UnsafeArchiveError(reason)


def _check_end_record(handle: BinaryIO, limits: ZipLimits) -> None:
    """Read the end-of-central-directory record ourselves so that a ZIP claiming millions of
    entries or a gigantic directory is refused before ``zipfile`` loads it into memory."""
    handle.seek(0, os.SEEK_END)
    file_size = handle.tell()
    tail_size = min(file_size, 65_535 + 22)
    handle.seek(file_size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        raise BundleUnreadableError("not a ZIP file")
    _, _, _, entries, cd_size, _, _ = struct.unpack("<HHHHIIH", tail[at + 4 : at + 22])
    if entries == 0xFFFF or cd_size == 0xFFFFFFFF:
        locator_at = at - 20
        if locator_at < 0 or tail[locator_at : locator_at + 4] != _EOCD64_LOCATOR:
            raise _refuse("damaged ZIP64 directory")
        (eocd64_offset,) = struct.unpack("<Q", tail[locator_at + 8 : locator_at + 16])
        if eocd64_offset > file_size - 56:
            raise _refuse("damaged ZIP64 directory")
        handle.seek(eocd64_offset)
        record = handle.read(56)
        if record[:4] != b"PK\x06\x06":
            raise _refuse("damaged ZIP64 directory")
        entries, cd_size = struct.unpack("<QQ", record[32:48])
    if entries > limits.max_entries:
        raise _refuse(f"too many entries: {entries}")
    if cd_size > limits.max_central_directory:
        raise _refuse("central directory too large")


def normalise_name(raw: str, limits: ZipLimits = DEFAULT_LIMITS) -> str:
    """A safe relative POSIX path, or :class:`UnsafeArchiveError`."""
    if len(raw) > limits.max_name_length:
        raise _refuse("entry name too long")
    if "\x00" in raw or "\\" in raw:
        raise _refuse(f"entry name with a backslash or NUL: {raw!r}")
    if raw.startswith("/") or (len(raw) >= 2 and raw[1] == ":"):
        raise _refuse(f"absolute path: {raw!r}")
    name = raw.rstrip("/")
    parts = PurePosixPath(name).parts
    if not parts or any(part in ("", ".", "..") for part in name.split("/")):
        raise _refuse(f"path escapes the bundle: {raw!r}")
    return name


class SafeZip:
    """An untrusted ZIP, validated on open. Use as a context manager."""

    def __init__(self, path: Path | str | BinaryIO, limits: ZipLimits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        if not isinstance(path, (str, os.PathLike)):
            # A ZIP already in memory (a decrypted .age bundle): never written to disk.
            self.path = Path("<memory>")
            self._handle: BinaryIO = path
            self._owned = False  # the caller's buffer: it may be read again after this
        else:
            self._owned = True
            self.path = Path(path)
            try:
                self._handle = open(self.path, "rb")
            except OSError as exc:
                raise BundleUnreadableError(type(exc).__name__) from exc
        try:
            _check_end_record(self._handle, limits)
            self._handle.seek(0)
            self._zip = zipfile.ZipFile(self._handle)
            self.entries = self._validate(self._zip.infolist())
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            EOFError,
            struct.error,
            NotImplementedError,  # "zip file version 25.5": a version field zipfile refuses
            ValueError,  # names flagged UTF-8 that are not, negative offsets
            OSError,  # seeks to impossible offsets
        ) as exc:
            self._handle.close()
            raise BundleUnreadableError("damaged ZIP file") from exc
        except BaseException:
            self._handle.close()
            raise
        self._by_name = {e.name: e for e in self.entries}

    def _validate(self, infos: list[zipfile.ZipInfo]) -> list[SafeEntry]:
        limits = self.limits
        if len(infos) > limits.max_entries:
            raise _refuse(f"too many entries: {len(infos)}")
        entries: list[SafeEntry] = []
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = normalise_name(info.filename, limits)
            folded = name.casefold()
            if folded in seen:
                raise _refuse(f"duplicate entry: {name!r}")
            seen.add(folded)
            mode = info.external_attr >> 16
            kind = stat.S_IFMT(mode)
            is_dir = info.is_dir()
            if stat.S_ISLNK(mode):
                raise _refuse(f"symbolic link: {name!r}")
            if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
                raise _refuse(f"special file: {name!r}")
            if kind == stat.S_IFDIR and not is_dir:
                raise _refuse(f"folder entry with content: {name!r}")
            if info.flag_bits & 0x1:
                raise _refuse(f"encrypted entry: {name!r}")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _refuse(f"unsupported compression: {name!r}")
            if info.file_size > limits.max_entry_size:
                raise _refuse(
                    f"entry {name!r} declares {info.file_size} bytes, over the "
                    f"{limits.max_entry_size}-byte limit"
                )
            if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
                raise _refuse(f"stored entry with inconsistent sizes: {name!r}")
            if info.file_size > limits.ratio_floor and (
                info.file_size > limits.max_ratio * max(info.compress_size, 1)
            ):
                raise _refuse(f"compression ratio too high (zip bomb?): {name!r}")
            total += info.file_size
            if total > limits.max_total_size:
                raise _refuse("total uncompressed size over the limit")
            entries.append(SafeEntry(name, info.file_size, info.compress_size, is_dir, info))
        self._check_overlap(infos)
        return entries

    def _check_overlap(self, infos: list[zipfile.ZipInfo]) -> None:
        """Each entry's local header and data must lie before the next entry's header."""
        spans = sorted(infos, key=lambda i: i.header_offset)
        end_of_data = self._zip.start_dir
        for index, info in enumerate(spans):
            offset = info.header_offset
            limit = spans[index + 1].header_offset if index + 1 < len(spans) else end_of_data
            encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
            name_length = len(info.orig_filename.encode(encoding, "replace"))
            minimum_end = offset + _LOCAL_HEADER + name_length + info.compress_size
            if minimum_end > limit:
                raise _refuse("overlapping entries (zip bomb)")

    def files(self) -> list[SafeEntry]:
        return [e for e in self.entries if not e.is_dir]

    def entry(self, name: str) -> SafeEntry | None:
        return self._by_name.get(name)

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[Iterator[bytes]]:
        """Stream one entry in chunks; never more than its (capped) declared size."""
        entry = self._by_name.get(name)
        if entry is None or entry.is_dir:
            raise KeyError(name)
        try:
            member = self._zip.open(entry.info)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, ValueError) as exc:
            # ValueError: a local header name flagged UTF-8 that is not (found by fuzzing).
            raise UnsafeArchiveError(f"entry cannot be read: {name!r}") from exc
        with member:
            yield self._chunks(member, entry)

    def _chunks(self, member: IO[bytes], entry: SafeEntry) -> Iterator[bytes]:
        produced = 0
        while True:
            try:
                chunk = member.read(READ_CHUNK)
            except Exception as exc:
                raise UnsafeArchiveError(f"damaged entry: {entry.name!r}") from exc
            if not chunk:
                return
            produced += len(chunk)
            if produced > entry.size:
                raise _refuse(f"entry {entry.name!r} is larger than it declares")
            yield chunk

    def read_small(self, name: str, limit: int) -> bytes:
        entry = self._by_name.get(name)
        if entry is None:
            raise KeyError(name)
        if entry.size > limit:
            raise _refuse(f"entry {name!r} is too large for a tag file")
        with self.open(name) as chunks:
            return b"".join(chunks)

    def extract_to(self, folder: Path) -> None:
        """Write every entry under ``folder`` (which must exist and be empty), nowhere else."""
        root = folder.resolve()
        for entry in self.entries:
            target = (root / entry.name).resolve()
            if not target.is_relative_to(root):
                raise _refuse(f"path escapes the folder: {entry.name!r}")
            if entry.is_dir:
                target.mkdir(parents=True, exist_ok=True, mode=0o700)
                continue
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with self.open(entry.name) as chunks, open(target, "xb") as out:
                for chunk in chunks:
                    out.write(chunk)

    def close(self) -> None:
        self._zip.close()
        if self._owned:
            self._handle.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
