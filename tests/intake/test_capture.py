"""Web capture: a page on local HTTP and HTTPS servers (self-signed certificate, a redirect, an
image) becomes a WARC, a full-page screenshot and a PDF, linked as one capture, with what the
connection saw; nothing of the page is left in temporary folders."""

from __future__ import annotations

import datetime as dt
import hashlib
import http.server
import io
import ipaddress
import logging
import os
import secrets
import shutil
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from PIL import Image

from intake import Intake
from intake.capture import CaptureService, capture_fields
from intake.capture_fetch import CaptureUrlError
from intake.capture_render import find_chromium
from intake.errors import CaseClosedError
from tests.reliability.crash_harness import new_temp_files
from tests.reliability.helpers import find_markers

# Unique per run: other test runs on the machine may be capturing the same page at this moment.
MARKER = "ZQXjoboffer" + secrets.token_hex(8)
log = logging.getLogger(__name__)


def _png() -> bytes:
    image = Image.new("RGB", (120, 80))
    for x in range(120):
        for y in range(80):
            image.putpixel((x, y), (x * 2, y * 3, 128))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


PAGE = f"""<!doctype html><html><head><title>Job offer</title>
<link rel="stylesheet" href="/style.css"></head>
<body><h1>{MARKER}</h1><p>Work abroad, 2000 EUR.</p><img src="/photo.png" width="240">
<div style="height:1500px;background:linear-gradient(#c00,#00c)"></div></body></html>"""


@dataclass
class Servers:
    http_url: str
    https_url: str
    cert_der: bytes
    port: int


def _certificate(tmp: Path) -> tuple[Path, Path, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp / "cert.pem", tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path, cert.public_bytes(serialization.Encoding.DER)


def _handler(https_base: list[str]) -> type[http.server.BaseHTTPRequestHandler]:
    photo = _png()

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if self.path == "/start":
                self.send_response(302)
                self.send_header("Location", https_base[0] + "/job")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif self.path == "/job":
                self._send(200, PAGE.encode(), "text/html; charset=utf-8")
            elif self.path == "/photo.png":
                self._send(200, photo, "image/png")
            elif self.path == "/style.css":
                self._send(200, b"body { background: #ffe8d0; font-size: 20px }", "text/css")
            else:
                self._send(404, b"not here", "text/plain")

    return Handler


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    tmp = tmp_path_factory.mktemp("tls")
    cert_path, key_path, der = _certificate(tmp)
    base: list[str] = [""]
    handler = _handler(base)
    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    secure = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    secure.socket = context.wrap_socket(secure.socket, server_side=True)
    base[0] = f"https://127.0.0.1:{secure.server_port}"
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in (plain, secure)]
    for thread in threads:
        thread.start()
    try:
        yield Servers(f"http://127.0.0.1:{plain.server_port}", base[0], der, secure.server_port)
    finally:
        for server in (plain, secure):
            server.shutdown()
            server.server_close()


def _warcio(*args: str) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("warcio", path=str(Path(sys.executable).parent)) or "warcio"
    return subprocess.run([tool, *args], capture_output=True, text=True, timeout=60)


def _plaintext(intake: Intake, evidence_id: str) -> bytes:
    with intake.evidence.open_original(evidence_id, record_view=False) as chunks:
        return b"".join(chunks)


def test_a_page_behind_a_redirect_is_captured_with_warc_screenshot_and_pdf(
    intake: Intake, case_id: str, servers: Servers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if find_chromium() is None:
        pytest.skip("Chromium is not installed (.ci/run installs it)")
    import intake.capture as capture_module

    folders: list[Path] = []
    made = capture_module.private_dir

    def private_dir() -> Path:
        folders.append(made())
        return folders[-1]

    monkeypatch.setattr(capture_module, "private_dir", private_dir)
    since = time.time() - 1
    marks: list[tuple[int, int]] = []
    started = time.perf_counter()
    result = CaptureService(intake.vault).capture(
        case_id, servers.http_url + "/start", progress=lambda d, t: marks.append((d, t))
    )
    elapsed = time.perf_counter() - started
    log.info("capture of the local page took %.2f s", elapsed)
    print(f"\ncapture of the local page: {elapsed:.2f} s")

    meta = result.metadata
    assert meta["url_requested"] == servers.http_url + "/start"
    assert meta["final_url"] == servers.https_url + "/job"
    assert meta["redirects"] == [
        {"url": servers.http_url + "/start", "status": 302, "location": servers.https_url + "/job"}
    ]
    assert meta["http_status"] == 200
    assert meta["server_address"] == f"127.0.0.1:{servers.port}"
    assert meta["tls"]["certificate_sha256"] == hashlib.sha256(servers.cert_der).hexdigest()
    assert meta["tls"]["verified"] is False  # self-signed: fetched anyway, and said so
    assert meta["resources"] == {"fetched": 2, "failed": 0, "skipped": 0}
    assert meta["captured_by"] == intake.vault.actor
    assert ("content-type", "text/html; charset=utf-8") in {
        (k.lower(), v) for k, v in meta["headers"]
    }
    assert marks[-1] == (100, 100)

    # Stored with the item, fixed like the rest of its original metadata, and in the report.
    warc_item = intake.evidence.get(result.warc.evidence_id)
    assert warc_item.original_metadata["web_capture"]["role"] == "warc"
    assert warc_item.acquisition.source_url == servers.http_url + "/start"
    fields = capture_fields(warc_item.original_metadata)
    assert fields["TLS certificate SHA-256"] == meta["tls"]["certificate_sha256"]
    assert fields["Final URL"] == servers.https_url + "/job"

    # warcio's own tools accept the WARC.
    warc = _plaintext(intake, result.warc.evidence_id)
    assert hashlib.sha256(warc).hexdigest() == result.warc.sha256
    warc_file = tmp_path / "capture.warc.gz"
    warc_file.write_bytes(warc)
    checked = _warcio("check", "-v", str(warc_file))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    index = _warcio("index", "-f", "warc-type,warc-target-uri,http:status", str(warc_file))
    assert index.returncode == 0, index.stderr
    assert f'"warc-target-uri": "{servers.https_url}/photo.png"' in index.stdout
    assert '"http:status": "302"' in index.stdout
    assert index.stdout.count('"warc-type": "response"') == 4

    # The screenshot is a real, full-page picture; the PDF a PDF; both linked to the WARC.
    assert result.screenshot is not None
    assert result.pdf is not None
    shot = _plaintext(intake, result.screenshot.evidence_id)
    picture = Image.open(io.BytesIO(shot)).convert("RGB")
    assert picture.width >= 1000
    assert picture.height > 1500
    colours = picture.getcolors(maxcolors=1 << 20)
    assert colours is not None
    assert len(colours) > 50
    (tmp_path / "screenshot.png").write_bytes(shot)
    assert _plaintext(intake, result.pdf.evidence_id).startswith(b"%PDF-")
    from intake.chats.service import ChatService

    assert ChatService(intake.vault).children(result.warc.evidence_id) == (
        intake.evidence.get(result.screenshot.evidence_id),
        intake.evidence.get(result.pdf.evidence_id),
    )
    for item in (result.screenshot, result.pdf):
        linked = intake.evidence.get(item.evidence_id).original_metadata["web_capture"]
        assert linked["rendering_of_id"] == result.warc.evidence_id
        assert linked["capture_id"] == result.capture_id

    # Nothing of the page in temporary folders (system tmp, /dev/shm) after the capture.
    shm = Path("/dev/shm")
    leftovers = new_temp_files(since, exclude=tmp_path)
    if shm.is_dir():
        leftovers += [p for p in shm.rglob("*") if p.is_file() and p.stat().st_mtime >= since]
    assert find_markers(leftovers, [MARKER]) == []
    # Chromium's profile and the outputs were in a private folder, gone now.
    assert len(folders) == 1
    assert not folders[0].exists()
    audit = intake.vault.read("SELECT action FROM audit_log WHERE action = 'evidence.ingested'")
    assert len(audit) == 3


def test_without_chromium_the_warc_is_kept_and_the_reason_said(
    intake: Intake, case_id: str, servers: Servers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CUSTODIA_CHROMIUM", "/nonexistent/chromium")
    result = CaptureService(intake.vault).capture(case_id, servers.https_url + "/job")
    assert result.screenshot is None
    assert result.pdf is None
    assert "no Chromium" in result.no_rendering_reason
    meta = intake.evidence.get(result.warc.evidence_id).original_metadata["web_capture"]
    assert meta["no_rendering_reason"] == result.no_rendering_reason
    assert capture_fields({"web_capture": meta})["No rendering"]
    assert meta["redirects"] == []


def test_bad_addresses_and_closed_cases_are_refused_before_the_network(
    intake: Intake, case_id: str
) -> None:
    service = CaptureService(intake.vault)
    for url in ("ftp://example.org/x", "file:///etc/passwd", "http://", "javascript:alert(1)"):
        with pytest.raises(CaptureUrlError):
            service.capture(case_id, url)
    intake.cases.close(case_id)
    with pytest.raises(CaseClosedError):
        service.capture(case_id, "http://127.0.0.1:9/")


def test_temp_folder_is_private(monkeypatch: pytest.MonkeyPatch) -> None:
    from intake.capture import private_dir

    folder = private_dir()
    try:
        assert folder.stat().st_mode & 0o777 == 0o700
    finally:
        os.rmdir(folder)


def test_the_capture_facts_go_with_the_item_into_the_bundle_model_and_the_report(
    intake: Intake, case_id: str, servers: Servers, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exports.from_intake import read_case
    from exports.report import _FIELD_LABELS

    monkeypatch.setenv("CUSTODIA_CHROMIUM", "/nonexistent/chromium")
    result = CaptureService(intake.vault).capture(case_id, servers.https_url + "/job")
    model = read_case(intake, intake.cases.get(case_id), reveal_reason="test")
    (item,) = model.evidence
    fingerprint = hashlib.sha256(servers.cert_der).hexdigest()
    assert item.acquisition["TLS certificate SHA-256"] == fingerprint
    assert item.acquisition["Final URL"] == servers.https_url + "/job"
    assert item.acquisition["Source URL"] == servers.https_url + "/job"
    assert item.acquisition["No rendering"] == result.no_rendering_reason
    # Every label the capture adds prints translated in the report.
    assert set(item.acquisition) <= _FIELD_LABELS
