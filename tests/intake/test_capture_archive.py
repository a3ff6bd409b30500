"""A WARC and a WACZ made elsewhere (here with warcio, as ArchiveWeb.page would) are imported
byte-identical with their pages listed; malformed archives are refused with a clear error."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from intake import Intake
from intake.capture import capture_fields
from intake.capture_archive import (
    ArchiveImportService,
    ArchiveUnreadableError,
    archive_format,
    list_pages,
)


def _warc(pages: list[tuple[str, str]], *, gzipped: bool = True) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "test"}))
    for url, title in pages:
        body = f"<html><head><title>{title}</title></head><body>Работа</body></html>".encode()
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
        )
    image = b"\x89PNG\r\n\x1a\n" + b"0" * 100
    headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://example.org/a.png",
            "response",
            payload=io.BytesIO(image),
            length=len(image),
            http_headers=headers,
        )
    )
    return out.getvalue()


def _wacz(pages: list[tuple[str, str]], *, with_list: bool = True) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("archive/data.warc.gz", _warc(pages), compress_type=zipfile.ZIP_STORED)
        lines = [json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"})]
        lines += [
            json.dumps({"id": str(i), "url": url, "ts": "2026-11-20T10:00:00Z", "title": t})
            for i, (url, t) in enumerate(pages)
        ]
        if with_list:
            archive.writestr("pages/pages.jsonl", "\n".join(lines) + "\n")
        archive.writestr("datapackage.json", json.dumps({"profile": "data-package"}))
    return out.getvalue()


PAGES = [
    ("https://jobs.example.org/vienna", "Job in Vienna"),
    ("https://t.me/s/example_jobs", "Робота за кордоном"),
]


@pytest.mark.parametrize("kind", ["warc.gz", "warc", "wacz"])
def test_archives_import_byte_identical_with_their_pages(
    intake: Intake, case_id: str, tmp_path: Path, kind: str
) -> None:
    data = _wacz(PAGES) if kind == "wacz" else _warc(PAGES, gzipped=kind == "warc.gz")
    source = tmp_path / f"made-elsewhere.{kind}"
    source.write_bytes(data)
    item, listing = ArchiveImportService(intake.vault).import_archive(case_id, source)
    with intake.evidence.open_original(item.evidence_id, record_view=False) as chunks:
        assert b"".join(chunks) == data
    assert [p.url for p in listing.pages] == [url for url, _ in PAGES]
    assert [p.title for p in listing.pages] == [title for _, title in PAGES]
    stored = intake.evidence.get(item.evidence_id).original_metadata["web_archive"]
    assert stored["format"] == ("wacz" if kind == "wacz" else "warc")
    assert [p["url"] for p in stored["pages"]] == [url for url, _ in PAGES]
    assert "https://t.me/s/example_jobs" in capture_fields({"web_archive": stored})["Archive pages"]


def test_a_wacz_without_a_page_list_lists_the_pages_of_its_warcs(tmp_path: Path) -> None:
    source = tmp_path / "bare.wacz"
    source.write_bytes(_wacz(PAGES, with_list=False))
    listing = list_pages(source)
    assert [p.url for p in listing.pages] == [url for url, _ in PAGES]
    assert listing.warc_files == ["archive/data.warc.gz"]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not an archive at all",
        gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\nxx"),
        b"WARC/1.1\r\ngarbage header line\r\n\r\n",
        _wacz(PAGES)[:300],
    ],
)
def test_malformed_archives_are_refused(intake: Intake, case_id: str, tmp_path: Path, data: bytes):
    source = tmp_path / "bad.warc.gz"
    source.write_bytes(data)
    with pytest.raises(ArchiveUnreadableError):
        ArchiveImportService(intake.vault).import_archive(case_id, source)
    assert intake.evidence.list_for_case(case_id) == []


def test_a_huge_pages_line_is_refused(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", "{}")
        archive.writestr("pages/pages.jsonl", '{"url": "' + "a" * 10_000_000 + '"}\n')
    source = tmp_path / "bomb.wacz"
    source.write_bytes(out.getvalue())
    assert archive_format(source) == "wacz"
    with pytest.raises(ArchiveUnreadableError):
        list_pages(source)
