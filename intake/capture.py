"""Capturing a web page as evidence: a WARC of the page and its resources, a full-page screenshot
and a PDF rendering, ingested as linked items of one capture, with what the capture observed.

The WARC is built in memory (:mod:`intake.capture_fetch`), the renderings come back from
Chromium over a pipe (:mod:`intake.capture_render`). Each output is written once into a private
0700 folder, preferably on a memory file system (``/dev/shm``), only because the ingest path reads
a file; it goes straight through the same hash-and-encrypt ingest as any item, and the folder,
with Chromium's profile, is removed before this returns, whatever happened.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata as package_metadata
from pathlib import Path
from typing import Any

from intake._base import Service, insert_row, new_id, to_iso
from intake.capture_fetch import CaptureError, CaptureUrlError, Fetched, check_url, fetch
from intake.capture_render import RenderFailed, render
from intake.evidence import EvidenceService
from intake.models import Acquisition, Evidence, evidence_label

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

__all__ = ["CaptureError", "CaptureResult", "CaptureService", "CaptureUrlError", "capture_fields"]

TOOL = "Custodia web capture"
# Stored in English as data, like every acquisition field; the report prints it as written.
METHOD = "web capture: WARC of the page and its resources, rendered by headless Chromium"
#: Share of the progress bar for fetching, rendering and ingesting (out of 100).
_FETCH, _RENDER = 40, 75


@dataclass(frozen=True)
class CaptureResult:
    capture_id: str
    warc: Evidence
    screenshot: Evidence | None
    pdf: Evidence | None
    metadata: Mapping[str, Any]
    #: Why no screenshot or PDF was made (English, translated when shown), or "".
    no_rendering_reason: str


def tool_version() -> str:
    try:
        return package_metadata.version("custodia")
    except package_metadata.PackageNotFoundError:
        return "0"


def _warcio_version() -> str:
    try:
        return package_metadata.version("warcio")
    except package_metadata.PackageNotFoundError:
        return ""


def private_dir() -> Path:
    """A new 0700 folder, on a memory file system where the system has one."""
    shm = Path("/dev/shm")  # noqa: S108 - a private mkdtemp folder inside it, not a fixed name
    root = str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else None
    return Path(tempfile.mkdtemp(prefix="custodia-capture-", dir=root))


def _write_private(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return path


def _header(headers: list[tuple[str, str]], name: str) -> str:
    return next((v for k, v in headers if k.lower() == name), "")


def capture_fields(metadata: Mapping[str, Any]) -> dict[str, str]:
    """The capture facts a report prints for an item, under English labels (context "Report").

    ``metadata`` is the item's preserved original metadata; items that are not web captures or
    imported web archives give nothing.
    """
    fields: dict[str, str] = {}
    capture = metadata.get("web_capture")
    if isinstance(capture, Mapping):
        if capture.get("role") != "warc":
            fields["Rendering of"] = str(capture.get("rendering_of", ""))
            fields["Renderer"] = str(capture.get("renderer", ""))
        else:
            redirects = capture.get("redirects") or []
            fields["URL asked"] = str(capture.get("url_requested", ""))
            fields["Final URL"] = str(capture.get("final_url", ""))
            fields["Redirects"] = " → ".join(
                f"{r.get('status')} {r.get('location')}" for r in redirects if isinstance(r, dict)
            )
            fields["Captured"] = str(capture.get("captured_at", ""))
            status = capture.get("http_status")
            fields["HTTP status"] = f"{status} {capture.get('http_reason', '')}".strip()
            fields["Server address"] = str(capture.get("server_address", ""))
            tls = capture.get("tls")
            if isinstance(tls, Mapping):
                fields["TLS certificate SHA-256"] = str(tls.get("certificate_sha256", ""))
                fields["TLS"] = ", ".join(
                    str(x)
                    for x in (tls.get("version"), tls.get("subject"), tls.get("verify_error"))
                    if x
                )
            fields["Renderer"] = str(capture.get("renderer", ""))
            if capture.get("no_rendering_reason"):
                fields["No rendering"] = str(capture["no_rendering_reason"])
    archive = metadata.get("web_archive")
    if isinstance(archive, Mapping):
        pages = archive.get("pages") or []
        fields["Archive pages"] = "; ".join(
            str(p.get("url", "")) for p in pages[:20] if isinstance(p, Mapping)
        )
        if len(pages) > 20:
            fields["Archive pages"] += f" (+{len(pages) - 20})"
    return {k: v for k, v in fields.items() if v}


class CaptureService(Service):
    def capture(
        self,
        case_id: str,
        url: str,
        *,
        notes: str = "",
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> CaptureResult:
        """Capture ``url`` into the case: the WARC first, then its screenshot and PDF.

        When Chromium is missing or fails, the WARC is still ingested and the result (and the
        WARC's metadata) says in words why no rendering was made.
        """
        url = check_url(url)
        evidence = EvidenceService(self._vault)
        # Fail before the network when the case cannot take items (closed, missing).
        evidence._check_case(case_id, Acquisition())
        capture_id = new_id()
        started = datetime.now(UTC)
        info = {
            "software": f"{TOOL} {tool_version()} (warcio {_warcio_version()})",
            "format": "WARC File Format 1.1",
            "isPartOf": capture_id,
        }

        def fetch_progress(done: int, total: int) -> None:
            if progress is not None:
                progress(done * _FETCH // max(total, 1), 100)

        observed: dict[str, Any] = {}

        def record(fetched: Fetched) -> bytes:
            observed.update(self._observed(url, fetched, started, capture_id))
            return json.dumps(observed, sort_keys=True, ensure_ascii=False).encode()

        fetched = fetch(url, info, progress=fetch_progress, cancel=cancel, metadata=record)
        log.info("capture %s fetched: %d bytes of WARC", capture_id, len(fetched.warc))
        folder = private_dir()
        try:
            reason = ""
            rendering = None
            try:
                tls = fetched.page.tls
                rendering = render(
                    fetched.page.url,
                    folder,
                    ignore_certificate_errors=tls is not None and not tls.get("verified"),
                    cancel=cancel,
                )
            except RenderFailed as exc:
                reason = str(exc)
                log.warning("capture %s: no rendering (%s)", capture_id, reason)
            if progress is not None:
                progress(_RENDER, 100)
            observed["renderer"] = rendering.renderer if rendering else ""
            observed["no_rendering_reason"] = reason
            if rendering is not None and rendering.cut:
                observed["screenshot_cut_at_px"] = rendering.height
            stamp = started.strftime("%Y%m%dT%H%M%SZ")
            acquisition = Acquisition(
                acquired_at=started,
                acquired_by=self._vault.actor,
                method=METHOD,
                tool=TOOL,
                tool_version=tool_version(),
                source_url=url,
            )
            warc_path = _write_private(folder, f"web-capture-{stamp}.warc.gz", fetched.warc)
            warc = evidence.ingest(
                case_id,
                warc_path,
                kind="web capture (WARC)",
                acquisition=acquisition,
                notes=notes,
                cancel=cancel,
                extra_metadata={"web_capture": {**observed, "role": "warc"}},
            )
            os.unlink(warc_path)
            screenshot = pdf = None
            if rendering is not None:
                linked = {
                    "capture_id": capture_id,
                    "rendering_of": evidence_label(warc.number),
                    "rendering_of_id": warc.evidence_id,
                    "url_requested": url,
                    "final_url": fetched.page.url,
                    "renderer": rendering.renderer,
                    "width_px": rendering.width,
                    "height_px": rendering.height,
                }
                shot_path = _write_private(
                    folder, f"web-capture-{stamp}-screenshot.png", rendering.screenshot
                )
                screenshot = evidence.ingest(
                    case_id,
                    shot_path,
                    kind="web capture (screenshot)",
                    acquisition=acquisition,
                    cancel=cancel,
                    extra_metadata={"web_capture": {**linked, "role": "screenshot"}},
                )
                os.unlink(shot_path)
                pdf_path = _write_private(folder, f"web-capture-{stamp}-page.pdf", rendering.pdf)
                pdf = evidence.ingest(
                    case_id,
                    pdf_path,
                    kind="web capture (PDF)",
                    acquisition=acquisition,
                    cancel=cancel,
                    extra_metadata={"web_capture": {**linked, "role": "pdf"}},
                )
                os.unlink(pdf_path)
                self._link(warc, [(screenshot, "screenshot"), (pdf, "pdf")])
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        if progress is not None:
            progress(100, 100)
        log.info("capture %s ingested as evidence %s", capture_id, warc.evidence_id)
        return CaptureResult(capture_id, warc, screenshot, pdf, observed, reason)

    def _link(self, parent: Evidence, children: list[tuple[Evidence, str]]) -> None:
        """Record the renderings as child items of the WARC, like a chat export's media (the
        table of :mod:`intake.chats`), so that they are listed, exported and erased with it."""
        from intake.chats.schema import ensure_schema

        ensure_schema(self._vault)
        with self._vault.transaction() as tx:
            for child, member in children:
                insert_row(
                    tx,
                    "evidence_parents",
                    {
                        "evidence_id": child.evidence_id,
                        "parent_id": parent.evidence_id,
                        "member": member,
                    },
                )
                tx.audit(
                    "evidence.linked",
                    child.evidence_id,
                    {"parent_id": parent.evidence_id, "member": member},
                )

    def _observed(
        self, url: str, fetched: Fetched, started: datetime, capture_id: str
    ) -> dict[str, Any]:
        page = fetched.page
        return {
            "capture_id": capture_id,
            "url_requested": url,
            "final_url": page.url,
            "redirects": fetched.redirects,
            "captured_at": to_iso(started),
            "finished_at": to_iso(datetime.now(UTC)),
            "http_status": page.status,
            "http_reason": page.reason,
            "http_version": page.http_version,
            "headers": [list(pair) for pair in page.headers],
            "content_type": _header(page.headers, "content-type"),
            "server_address": page.server_address,
            "tls": page.tls,
            "resources": {
                "fetched": fetched.resources_fetched,
                "failed": fetched.resources_failed,
                "skipped": fetched.resources_skipped,
            },
            "page_truncated": page.truncated,
            "tool": TOOL,
            "tool_version": tool_version(),
            "warcio_version": _warcio_version(),
            "captured_by": self._vault.actor,
        }
