"""Web archives made elsewhere (a WARC, or a WACZ from ArchiveWeb.page or Browsertrix): ingested
byte-identical like any item, with the pages they hold listed in the item's preserved metadata.

Both formats are hostile input: the listing reads a bounded number of records and pages, bounded
lines of ``pages.jsonl``, never extracts anything from a ZIP, and turns any parse failure into
:class:`ArchiveUnreadableError` (the file is then not ingested as an archive).
"""

from __future__ import annotations

import gzip
import json
import logging
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from intake._base import Service
from intake.errors import ValidationError
from intake.evidence import EvidenceService
from intake.models import Acquisition, Evidence

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

MAX_PAGES = 5000
MAX_RECORDS = 2_000_000
MAX_ZIP_MEMBERS = 100_000
MAX_LINE_BYTES = 64 * 1024
MAX_PAGES_JSONL_BYTES = 256 * 1024 * 1024
MAX_TITLE_SCAN_BYTES = 64 * 1024
_PAGE_LISTS = ("pages/pages.jsonl", "pages/extraPages.jsonl")


class ArchiveUnreadableError(ValidationError):
    code = "intake.archive_unreadable"
    message = "This web archive (WARC or WACZ) could not be read."


@dataclass(frozen=True)
class ArchivePage:
    url: str
    timestamp: str
    title: str = ""
    status: int | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"url": self.url, "timestamp": self.timestamp}
        if self.title:
            data["title"] = self.title
        if self.status is not None:
            data["status"] = self.status
        return data


@dataclass
class ArchiveListing:
    format: str  # "warc" or "wacz"
    pages: list[ArchivePage] = field(default_factory=list)
    records: int = 0
    page_count: int = 0  # pages seen, also beyond the listed MAX_PAGES
    warc_files: list[str] = field(default_factory=list)


def archive_format(path: Path) -> str | None:
    """ "warc" or "wacz" when ``path`` looks like a web archive, by its first bytes; else None."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head.startswith(b"WARC/"):
                return "warc"
            if head.startswith(b"\x1f\x8b"):
                handle.seek(0)
                try:
                    with gzip.GzipFile(fileobj=handle) as unzipped:
                        return "warc" if unzipped.read(5) == b"WARC/" else None
                except (OSError, EOFError):
                    return None
            if head.startswith(b"PK\x03\x04"):
                try:
                    with zipfile.ZipFile(handle) as archive:
                        names = set(archive.namelist()[:MAX_ZIP_MEMBERS])
                except (zipfile.BadZipFile, OSError, ValueError):
                    return None
                if "datapackage.json" in names or any(p in names for p in _PAGE_LISTS):
                    return "wacz"
    except OSError:
        return None
    return None


def _title(stream: IO[bytes]) -> str:
    head = stream.read(MAX_TITLE_SCAN_BYTES).decode("utf-8", errors="replace")
    lower = head.lower()
    start = lower.find("<title")
    if start < 0:
        return ""
    start = lower.find(">", start)
    end = lower.find("</title", start)
    if start < 0 or end < 0:
        return ""
    return " ".join(head[start + 1 : end].split())[:300]


def _warc_pages(stream: IO[bytes], listing: ArchiveListing, cancel: threading.Event | None) -> None:
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(stream):
        listing.records += 1
        if listing.records > MAX_RECORDS:
            raise ArchiveUnreadableError("too many records")
        if cancel is not None and cancel.is_set() and listing.records % 100 == 0:
            from vault.errors import OperationCancelledError

            raise OperationCancelledError()
        if not record.rec_type or not record.rec_headers.get_header("WARC-Record-ID"):
            raise ArchiveUnreadableError("a record without its type or id")
        if record.rec_type not in ("response", "resource"):
            continue
        headers = record.http_headers
        content_type = (
            headers.get_header("Content-Type", "")
            if headers is not None
            else record.rec_headers.get_header("Content-Type", "")
        )
        if "html" not in (content_type or "").lower():
            continue
        status: int | None = None
        if headers is not None:
            try:
                status = int(headers.get_statuscode())
            except (TypeError, ValueError):
                status = None
            if status is not None and not 200 <= status < 300:
                continue
        listing.page_count += 1
        if len(listing.pages) < MAX_PAGES:
            listing.pages.append(
                ArchivePage(
                    url=str(record.rec_headers.get_header("WARC-Target-URI", "")),
                    timestamp=str(record.rec_headers.get_header("WARC-Date", "")),
                    title=_title(record.content_stream()),
                    status=status,
                )
            )


def _jsonl(stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    read = 0
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        read += len(line)
        if len(line) > MAX_LINE_BYTES or read > MAX_PAGES_JSONL_BYTES:
            raise ArchiveUnreadableError("pages.jsonl line or file too long")
        if not line.strip():
            continue
        value = json.loads(line)
        if isinstance(value, dict):
            yield value


def _wacz_pages(path: Path, listing: ArchiveListing, cancel: threading.Event | None) -> None:
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise ArchiveUnreadableError("too many members")
        names = {info.filename for info in infos}
        listing.warc_files = sorted(n for n in names if n.startswith("archive/") and ".warc" in n)[
            :1000
        ]
        lists = [p for p in _PAGE_LISTS if p in names]
        for name in lists:
            with archive.open(name) as stream:
                for entry in _jsonl(stream):
                    if "url" not in entry:  # the header line: {"format": ..., "id": ...}
                        continue
                    listing.page_count += 1
                    if len(listing.pages) < MAX_PAGES:
                        listing.pages.append(
                            ArchivePage(
                                url=str(entry.get("url", ""))[:4000],
                                timestamp=str(entry.get("ts", ""))[:64],
                                title=str(entry.get("title", "") or "")[:300],
                            )
                        )
        if not lists:
            # No page list: the pages are those of the WARCs inside (read, never extracted).
            for name in listing.warc_files:
                with archive.open(name) as stream:
                    _warc_pages(stream, listing, cancel)


def list_pages(path: Path | str, *, cancel: threading.Event | None = None) -> ArchiveListing:
    """The pages of the WARC or WACZ at ``path``; :class:`ArchiveUnreadableError` if it is not
    one or cannot be read."""
    path = Path(path)
    kind = archive_format(path)
    if kind is None:
        raise ArchiveUnreadableError("not a web archive")
    listing = ArchiveListing(format=kind)
    try:
        if kind == "wacz":
            _wacz_pages(path, listing, cancel)
        else:
            with open(path, "rb") as handle:
                _warc_pages(handle, listing, cancel)
    except ArchiveUnreadableError:
        raise
    except Exception as exc:
        # A parser of hostile input never crashes the app: warcio raises its ArchiveLoadFailed
        # (a bare Exception), zipfile and gzip their own errors, json ValueError.
        raise ArchiveUnreadableError(type(exc).__name__) from exc
    return listing


class ArchiveImportService(Service):
    def import_archive(
        self,
        case_id: str,
        path: Path | str,
        *,
        acquisition: Acquisition | None = None,
        notes: str = "",
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> tuple[Evidence, ArchiveListing]:
        """Ingest the archive unchanged, its page list kept with it (read before ingesting)."""
        path = Path(path)
        listing = list_pages(path, cancel=cancel)
        extra = {
            "web_archive": {
                "format": listing.format,
                "records": listing.records,
                "page_count": listing.page_count,
                "pages": [p.as_dict() for p in listing.pages],
                "warc_files": listing.warc_files,
            }
        }
        item = EvidenceService(self._vault).ingest(
            case_id,
            path,
            kind=f"web archive ({listing.format.upper()})",
            acquisition=acquisition,
            notes=notes,
            progress=progress,
            cancel=cancel,
            extra_metadata=extra,
        )
        log.info("web archive %s imported with %d pages", item.evidence_id, listing.page_count)
        return item, listing
