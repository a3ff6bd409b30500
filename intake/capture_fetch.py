"""Fetching a web page and its resources into a WARC held in memory, with what the connection saw.

warcio's own ``capture_http`` is not used: it patches ``http.client`` for the whole process and
spools bodies larger than 16 KiB into temporary files, i.e. plaintext of the page on disk. Here
every request and raw response (status line, headers, body as sent, chunked or not) is recorded
from our own connection into memory, and the WARC is written into a ``BytesIO``. The same
connection gives the server's address and the TLS certificate the page was served with.

Hostile input: the page decides how much it sends and what it links to, so every response, the
number of resources and the whole WARC are bounded, and nothing is followed beyond ``http(s)``.
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import io
import logging
import socket
import ssl
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any, BinaryIO
from urllib.parse import urljoin, urlsplit

from intake.errors import IntakeError
from vault.errors import OperationCancelledError

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

TIMEOUT_SECONDS = 30.0
MAX_REDIRECTS = 10
MAX_RESPONSE_BYTES = 50 * 1024 * 1024
MAX_RESOURCES = 150
MAX_TOTAL_BYTES = 250 * 1024 * 1024
MAX_HTML_PARSE_BYTES = 8 * 1024 * 1024
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/130.0 Safari/537.36 Custodia-capture"
)


class CaptureError(IntakeError):
    code = "intake.capture_failed"
    message = "The web page could not be fetched."


class CaptureUrlError(CaptureError):
    code = "intake.capture_url"
    message = "This is not a web address that can be captured (http or https)."


@dataclass
class Exchange:
    """One request and its raw response, as they crossed the connection."""

    url: str
    request: bytes
    response: bytes
    status: int
    reason: str
    http_version: str
    headers: list[tuple[str, str]]
    body: bytes  # decoded of transfer and content encoding, for parsing only
    server_address: str
    tls: dict[str, Any] | None
    truncated: bool
    at: datetime


@dataclass
class Fetched:
    warc: bytes
    page: Exchange
    redirects: list[dict[str, Any]] = field(default_factory=list)
    resources_fetched: int = 0
    resources_failed: int = 0
    resources_skipped: int = 0


def check_url(url: str) -> str:
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        _ = parts.port
    except ValueError as exc:
        raise CaptureUrlError() from exc
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise CaptureUrlError()
    return text


class _Tee:
    """The socket's file object, copying every byte read into ``recorded``."""

    def __init__(self, fp: BinaryIO, recorded: bytearray) -> None:
        self._fp = fp
        self.recorded = recorded

    def _keep(self, data: bytes) -> bytes:
        if len(self.recorded) + len(data) > MAX_RESPONSE_BYTES + 65536:
            raise CaptureError("response too large")
        self.recorded.extend(data)
        return data

    def read(self, size: int = -1) -> bytes:
        return self._keep(self._fp.read(size))

    def read1(self, size: int = -1) -> bytes:
        return self._keep(self._fp.read1(size))  # type: ignore[attr-defined]

    def readline(self, limit: int = -1) -> bytes:
        return self._keep(self._fp.readline(limit))

    def readinto(self, buffer: Any) -> int:
        count = self._fp.readinto(buffer)  # type: ignore[attr-defined]
        self._keep(bytes(memoryview(buffer)[:count]))
        return int(count)

    def peek(self, size: int = 0) -> bytes:
        return self._fp.peek(size)  # type: ignore[attr-defined,no-any-return]

    def close(self) -> None:
        self._fp.close()

    def flush(self) -> None:
        self._fp.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fp, name)


class _RecordingResponse(http.client.HTTPResponse):
    def __init__(self, sock: socket.socket, *args: Any, **kwargs: Any) -> None:
        super().__init__(sock, *args, **kwargs)
        self.recorded = bytearray()
        self.fp = _Tee(self.fp, self.recorded)  # type: ignore[assignment]


class _RecordingMixin:
    sent: bytearray

    def send(self, data: Any) -> None:
        if isinstance(data, bytes | bytearray):
            self.sent.extend(data)
        super().send(data)  # type: ignore[misc]


class _Http(_RecordingMixin, http.client.HTTPConnection):
    response_class = _RecordingResponse


class _Https(_RecordingMixin, http.client.HTTPSConnection):
    response_class = _RecordingResponse


def _tls_facts(sock: ssl.SSLSocket, verified: bool, verify_error: str) -> dict[str, Any]:
    from cryptography import x509

    der = sock.getpeercert(binary_form=True) or b""
    facts: dict[str, Any] = {
        "version": sock.version() or "",
        "cipher": (sock.cipher() or ("",))[0],
        "certificate_sha256": hashlib.sha256(der).hexdigest() if der else "",
        "verified": verified,
        "verify_error": verify_error,
    }
    if der:
        try:
            cert = x509.load_der_x509_certificate(der)
            facts["subject"] = cert.subject.rfc4514_string()
            facts["issuer"] = cert.issuer.rfc4514_string()
            facts["not_before"] = cert.not_valid_before_utc.isoformat()
            facts["not_after"] = cert.not_valid_after_utc.isoformat()
        except ValueError:
            facts["subject"] = ""  # kept by its fingerprint only
    return facts


def _decode_body(raw: bytes, encoding: str) -> bytes:
    """Content-encoded body, decoded for parsing links only (bounded against bombs)."""
    encoding = encoding.strip().lower()
    try:
        if encoding in ("gzip", "x-gzip"):
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as handle:
                return handle.read(MAX_HTML_PARSE_BYTES)
        if encoding == "deflate":
            return zlib.decompressobj().decompress(raw, MAX_HTML_PARSE_BYTES)
    except (OSError, EOFError, zlib.error):
        return b""
    return raw if encoding in ("", "identity") else b""


def _exchange(url: str, cancel: threading.Event | None) -> Exchange:
    parts = urlsplit(url)
    host = parts.hostname or ""
    https = parts.scheme.lower() == "https"
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    verified, verify_error = True, ""
    for attempt in (0, 1):
        if https:
            context = ssl.create_default_context()
            if attempt == 1:
                # A trafficker's site with a broken certificate is still evidence: fetched,
                # and the report says the certificate did not verify, and why.
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
            conn: http.client.HTTPConnection = _Https(
                host, parts.port, timeout=TIMEOUT_SECONDS, context=context
            )
        else:
            conn = _Http(host, parts.port, timeout=TIMEOUT_SECONDS)
        conn.sent = bytearray()  # type: ignore[attr-defined]
        try:
            conn.putrequest("GET", path, skip_accept_encoding=True)
            conn.putheader("User-Agent", USER_AGENT)
            conn.putheader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            conn.putheader("Accept-Encoding", "identity")
            conn.putheader("Connection", "close")
            conn.endheaders()
            # Taken now: with "Connection: close" the connection lets go of it in getresponse.
            sock = conn.sock
            response = conn.getresponse()
        except ssl.SSLCertVerificationError as exc:
            conn.close()
            if attempt == 1:
                raise CaptureError("tls") from exc
            verified, verify_error = False, str(exc.verify_message or exc.reason or "")
            continue
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            raise CaptureError(type(exc).__name__) from exc
        try:
            try:
                peer = sock.getpeername()
                address = f"[{peer[0]}]:{peer[1]}" if ":" in peer[0] else f"{peer[0]}:{peer[1]}"
            except OSError:
                address = ""
            tls = (
                _tls_facts(sock, verified, verify_error)
                if isinstance(sock, ssl.SSLSocket)
                else None
            )
            body = bytearray()
            truncated = False
            try:
                while True:
                    if cancel is not None and cancel.is_set():
                        raise OperationCancelledError()
                    chunk = response.read(65536)
                    if not chunk:
                        break
                    body.extend(chunk)
                    if len(body) > MAX_RESPONSE_BYTES:
                        truncated = True
                        break
            except (OSError, http.client.HTTPException):
                truncated = True  # what arrived is kept, and marked as cut short
            recorded = bytes(response.recorded)  # type: ignore[attr-defined]
            headers = [(str(k), str(v)) for k, v in response.getheaders()]
            decoded = _decode_body(bytes(body), response.getheader("Content-Encoding") or "")
            return Exchange(
                url=url,
                request=bytes(conn.sent),  # type: ignore[attr-defined]
                response=recorded,
                status=response.status,
                reason=response.reason,
                http_version="HTTP/1.1" if response.version == 11 else "HTTP/1.0",
                headers=headers,
                body=decoded,
                server_address=address,
                tls=tls,
                truncated=truncated,
                at=datetime.now(UTC),
            )
        finally:
            conn.close()
    raise CaptureError("unreachable")  # pragma: no cover - the loop returns or raises


class _Links(HTMLParser):
    """The resources a page loads: images, style sheets, icons, scripts, media."""

    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.found: list[str] = []

    def _add(self, value: str | None) -> None:
        if value and not value.strip().lower().startswith(("data:", "javascript:", "#")):
            self.found.append(urljoin(self.base, value.strip()))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "base" and a.get("href"):
            self.base = urljoin(self.base, a["href"] or "")
        elif tag in ("img", "script", "source", "audio", "video", "embed", "iframe", "input"):
            self._add(a.get("src"))
            if tag == "video":
                self._add(a.get("poster"))
            srcset = a.get("srcset")
            if srcset:
                for candidate in srcset.split(","):
                    self._add(candidate.strip().split(" ")[0])
        elif tag == "link":
            rel = (a.get("rel") or "").lower()
            if any(r in rel for r in ("stylesheet", "icon", "preload", "manifest")):
                self._add(a.get("href"))


def resource_urls(html: bytes, base: str) -> list[str]:
    parser = _Links(base)
    try:
        parser.feed(html[:MAX_HTML_PARSE_BYTES].decode("utf-8", errors="replace"))
        parser.close()
    except (ValueError, AssertionError):
        log.info("a captured page's HTML could not be parsed completely")
    seen: set[str] = set()
    result: list[str] = []
    for url in parser.found:
        url = url.split("#", 1)[0]
        if urlsplit(url).scheme in ("http", "https") and url not in seen:
            seen.add(url)
            result.append(url)
    return result


def _location(exchange: Exchange) -> str | None:
    if exchange.status in (301, 302, 303, 307, 308):
        for name, value in exchange.headers:
            if name.lower() == "location" and value.strip():
                return urljoin(exchange.url, value.strip())
    return None


class _WarcOut:
    def __init__(self, info: dict[str, Any]) -> None:
        from warcio.warcwriter import WARCWriter

        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=True, warc_version="1.1")
        record = self.writer.create_warcinfo_record("capture.warc.gz", info)
        self.writer.write_record(record)

    def add(self, exchange: Exchange) -> None:
        headers = {"WARC-Date": _warc_date(exchange.at)}
        if exchange.server_address:
            headers["WARC-IP-Address"] = exchange.server_address.rsplit(":", 1)[0].strip("[]")
        request = self.writer.create_warc_record(
            exchange.url,
            "request",
            payload=io.BytesIO(exchange.request),
            length=len(exchange.request),
            warc_headers_dict=dict(headers),
        )
        if exchange.truncated:
            headers["WARC-Truncated"] = "length"
        response = self.writer.create_warc_record(
            exchange.url,
            "response",
            payload=io.BytesIO(exchange.response),
            length=len(exchange.response),
            warc_headers_dict=headers,
        )
        self.writer.write_request_response_pair(request, response)

    def metadata(self, url: str, data: bytes) -> None:
        record = self.writer.create_warc_record(
            url,
            "metadata",
            payload=io.BytesIO(data),
            length=len(data),
            warc_content_type="application/json",
        )
        self.writer.write_record(record)

    def size(self) -> int:
        return self.buffer.tell()


def _warc_date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def fetch(
    url: str,
    info: dict[str, Any],
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    metadata: Callable[[Fetched], bytes] | None = None,
) -> Fetched:
    """The page at ``url`` (redirects followed and recorded) and its resources, as a WARC.

    ``progress(done, total)`` counts requests; ``metadata`` makes the JSON of the closing
    ``metadata`` record from what was fetched.
    """

    def check_cancel() -> None:
        if cancel is not None and cancel.is_set():
            raise OperationCancelledError()

    warc = _WarcOut(info)
    redirects: list[dict[str, Any]] = []
    current = check_url(url)
    while True:
        check_cancel()
        exchange = _exchange(current, cancel)
        warc.add(exchange)
        target = _location(exchange)
        if target is None:
            break
        redirects.append({"url": current, "status": exchange.status, "location": target})
        if len(redirects) > MAX_REDIRECTS:
            raise CaptureError("too many redirects")
        current = check_url(target)
    result = Fetched(warc=b"", page=exchange, redirects=redirects)
    content_type = next((v for k, v in exchange.headers if k.lower() == "content-type"), "")
    resources = resource_urls(exchange.body, exchange.url) if "html" in content_type else []
    if len(resources) > MAX_RESOURCES:
        result.resources_skipped = len(resources) - MAX_RESOURCES
        resources = resources[:MAX_RESOURCES]
    total = len(resources) + 1
    if progress is not None:
        progress(1, total)
    for index, resource in enumerate(resources, start=2):
        check_cancel()
        if warc.size() > MAX_TOTAL_BYTES:
            result.resources_skipped += total - index + 1
            break
        hops = 0
        while True:
            try:
                got = _exchange(resource, cancel)
            except CaptureError:
                result.resources_failed += 1
                break
            warc.add(got)
            following = _location(got)
            hops += 1
            if following is None or hops > 5:
                result.resources_fetched += 1
                break
            resource = following
        if progress is not None:
            progress(index, total)
    if metadata is not None:
        warc.metadata(exchange.url, metadata(result))
    result.warc = warc.buffer.getvalue()
    return result
