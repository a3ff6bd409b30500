"""Reading what a chat export brings along, as hostile input: a WhatsApp ZIP held in memory, and
media files named by a Telegram ``result.json`` or next to a WhatsApp ``.txt``.

A ZIP member name must be a plain relative path (no ``..``, no absolute or drive paths, no
backslashes, no links, no duplicates); sizes and compression ratios are capped and a member is
read only up to its declared size. A media path must stay inside the export's folder once
every link in it is resolved, and name a regular file.
"""

from __future__ import annotations

import io
import logging
import os
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from intake.chats.errors import ChatExportError, ChatExportTooLargeError, UnsafeChatMediaError
from intake.chats.model import MAX_MEDIA, MAX_TEXT_EXPORT, GiB, MiB

log = logging.getLogger(__name__)

MAX_MEMBER = 1 * GiB
MAX_TOTAL = 4 * GiB
MAX_RATIO = 200
RATIO_FLOOR = 1 * MiB  # small members (text) may compress well without suspicion
_CHUNK = 1 * MiB


def safe_relative(raw: str) -> PurePosixPath:
    """``raw`` as a relative path that cannot leave its folder, or :class:`UnsafeChatMediaError`."""
    if not raw or "\x00" in raw or "\\" in raw or len(raw) > 1024:
        raise UnsafeChatMediaError("a media path is malformed")
    path = PurePosixPath(raw)
    if path.is_absolute() or (path.parts and ":" in path.parts[0]):
        raise UnsafeChatMediaError("a media path is absolute")
    if any(part in ("..", "") for part in path.parts) or not path.parts:
        raise UnsafeChatMediaError("a media path climbs out of the export folder")
    return path


def resolve_media(root: Path, raw: str) -> Path | None:
    """The regular file ``raw`` names inside ``root``; ``None`` if it is not there.

    Raises :class:`UnsafeChatMediaError` when the path, or a link on the way, leads outside.
    """
    relative = safe_relative(raw)
    candidate = root / Path(*relative.parts)
    try:
        real = candidate.resolve(strict=True)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        raise UnsafeChatMediaError("a media path cannot be resolved") from exc
    base = root.resolve()
    if not real.is_relative_to(base):
        raise UnsafeChatMediaError("a media path leads outside the export folder")
    try:
        info = os.stat(real)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeChatMediaError("a media path is not a regular file")
    return real


@dataclass(frozen=True)
class Member:
    name: str  # normalised relative POSIX path
    size: int
    info: zipfile.ZipInfo


class ChatZip:
    """A WhatsApp export ZIP read from memory, checked before any member is read."""

    def __init__(self, data: bytes) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
            raise ChatExportError("not a readable ZIP") from exc
        if len(infos) > MAX_MEDIA + 10:
            raise ChatExportTooLargeError("too many files in the ZIP")
        self.members: dict[str, Member] = {}
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            mode = (info.external_attr >> 16) & 0o170000
            if mode and not stat.S_ISREG(mode):
                raise UnsafeChatMediaError("the ZIP holds a link or a special file")
            try:
                name = str(safe_relative(info.filename))
            except UnsafeChatMediaError as exc:
                raise UnsafeChatMediaError("a ZIP member name leaves the export") from exc
            if name in self.members:
                raise UnsafeChatMediaError("the ZIP names one file twice")
            if info.file_size > MAX_MEMBER:
                raise ChatExportTooLargeError("a file in the ZIP is too large")
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise ChatExportTooLargeError("a file in the ZIP is compressed suspiciously well")
            total += info.file_size
            if total > MAX_TOTAL:
                raise ChatExportTooLargeError("the ZIP unpacks to too much")
            self.members[name] = Member(name, info.file_size, info)

    def chat_text_member(self) -> Member:
        """The chat's text: ``_chat.txt`` (iOS) or the one ``.txt`` at the top (Android)."""
        texts = [m for m in self.members.values() if m.name.lower().endswith(".txt")]
        top = [m for m in texts if "/" not in m.name]
        for member in top:
            if member.name == "_chat.txt":
                return member
        if len(top) == 1:
            return top[0]
        if len(texts) == 1:
            return texts[0]
        raise ChatExportError("the ZIP holds no single chat text")

    def read(self, member: Member, limit: int = MAX_TEXT_EXPORT) -> bytes:
        if member.size > limit:
            raise ChatExportTooLargeError("the chat text is too large")
        return b"".join(self.chunks(member))

    def chunks(self, member: Member) -> Iterator[bytes]:
        """The member's bytes, stopping at its declared size whatever the stream claims."""
        left = member.size
        try:
            with self._zip.open(member.info) as stream:
                while left > 0:
                    chunk = stream.read(min(_CHUNK, left))
                    if not chunk:
                        raise ChatExportError("a file in the ZIP is truncated")
                    left -= len(chunk)
                    yield chunk
                if stream.read(1):
                    raise ChatExportError("a file in the ZIP is longer than it says")
        except (zipfile.BadZipFile, EOFError, ValueError, OSError, NotImplementedError) as exc:
            raise ChatExportError("a file in the ZIP is damaged") from exc

    def media_names(self) -> dict[str, Member]:
        """Members by their base name, as the chat text refers to them."""
        names: dict[str, Member] = {}
        for member in self.members.values():
            base = PurePosixPath(member.name).name
            if not member.name.lower().endswith(".txt") or base != member.name:
                names.setdefault(base, member)
        return names


class ChunkReader(io.RawIOBase):
    """A readable file over an iterator of chunks (for the blob store's streaming ingest)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._buffer:
            try:
                self._buffer = next(self._chunks)
            except StopIteration:
                return 0
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size
