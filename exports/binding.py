"""The signed report binds the bag (DESIGN §6.2): ``custodia-binding.json`` inside report.pdf.

Before the PAdES signature the report gets an embedded file naming the bundle id, the Ed25519
fingerprint of the key that signs the tag manifest, and the path, size and SHA-256 of every
payload file except the report itself. A forger who replaces ``signer.pem`` and re-signs the tag
manifest then either keeps the genuine signed report, whose binding names the genuine key and the
genuine hashes, or needs a new PDF signature, which a known sender or a trust root exposes.

The verifier reads the binding from the bytes the PDF signature covers (the signed revision), so
an incremental update appended after the signature cannot swap it; it is read with hard bounds on
size and structure (the report is hostile input).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

BINDING_NAME = "custodia-binding.json"
BINDING_FORMAT = "custodia-binding/1"
REPORT_PATH = "data/report.pdf"
#: 200,000 files of ~150 bytes each fit; anything larger is not a binding Custodia wrote.
MAX_BINDING_BYTES = 48 << 20
MAX_BINDING_FILES = 200_000
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class BoundFile:
    path: str  # a bag path, "data/…"
    size: int
    sha256: str


@dataclass(frozen=True)
class Binding:
    bundle_id: str
    ed25519_fingerprint: str
    files: tuple[BoundFile, ...]

    def by_path(self) -> dict[str, BoundFile]:
        return {f.path: f for f in self.files}


class BindingError(ValueError):
    """The embedded binding is absent or not one Custodia wrote; ``reason`` is a stable word."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def manifest_text(files: Iterable[BoundFile]) -> str:
    """The payload manifest's lines for these files, as the bag writes them (sorted by path)."""
    return "".join(f"{f.sha256}  {f.path}\n" for f in sorted(files, key=lambda f: f.path))


def binding_json(bundle_id: str, fingerprint: str, files: Iterable[BoundFile]) -> bytes:
    """The embedded document: one file per line, so ``grep`` and ``diff`` can read it too."""
    ordered = sorted(files, key=lambda f: f.path)
    head = {
        "format": BINDING_FORMAT,
        "bundle_id": bundle_id,
        "ed25519_fingerprint": fingerprint,
        # What `grep -v '  data/report.pdf$' manifest-sha256.txt | sha256sum` prints.
        "manifest_without_report_sha256": hashlib.sha256(
            manifest_text(ordered).encode("utf-8")
        ).hexdigest(),
    }
    lines = [
        json.dumps({"path": f.path, "sha256": f.sha256, "size": f.size}, ensure_ascii=False)
        for f in ordered
    ]
    body = json.dumps(head, ensure_ascii=False, indent=1)[:-2]  # without the closing "\n}"
    return (body + ',\n "files": [\n  ' + ",\n  ".join(lines) + "\n ]\n}\n").encode("utf-8")


def parse_binding(data: bytes) -> Binding:
    """A binding from its JSON; raises :class:`BindingError` for anything else."""
    if len(data) > MAX_BINDING_BYTES:
        raise BindingError("too_large")
    # Containers bound the parser's memory: a binding has two per file and a few more.
    if data.count(b"{") + data.count(b"[") > 2 * MAX_BINDING_FILES + 16:
        raise BindingError("malformed")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BindingError("malformed") from exc
    if not isinstance(document, dict) or document.get("format") != BINDING_FORMAT:
        raise BindingError("malformed")
    bundle_id, fingerprint = document.get("bundle_id"), document.get("ed25519_fingerprint")
    items = document.get("files")
    if not isinstance(bundle_id, str) or not isinstance(fingerprint, str):
        raise BindingError("malformed")
    if not isinstance(items, list) or len(items) > MAX_BINDING_FILES:
        raise BindingError("malformed")
    files: list[BoundFile] = []
    for item in items:
        if not isinstance(item, dict):
            raise BindingError("malformed")
        path, size, digest = item.get("path"), item.get("size"), item.get("sha256")
        if (
            not isinstance(path, str)
            or not isinstance(size, int)
            or isinstance(size, bool)
            or not isinstance(digest, str)
            or not _HEX64.match(digest)
        ):
            raise BindingError("malformed")
        files.append(BoundFile(path, size, digest))
    return Binding(bundle_id, fingerprint.lower(), tuple(files))


# Writing -----------------------------------------------------------------------------------------


def embed_binding(writer: Any, data: bytes) -> None:
    """Attach the binding to an ``IncrementalPdfFileWriter`` that is about to be signed."""
    from pyhanko.pdf_utils import embed

    stream = embed.EmbeddedFileObject.from_file_data(
        writer, data=data, mime_type="application/json"
    )
    spec = embed.FileSpec(
        file_spec_string=BINDING_NAME,
        file_name=BINDING_NAME,
        embedded_data=stream,
        description="Custodia: the bundle this signed report belongs to",
    )
    embed.embed_file(writer, spec)


# Reading -----------------------------------------------------------------------------------------


def signed_revision(pdf: bytes, byte_range: Any) -> bytes:
    """The bytes of the revision a signature covers: the file up to the end of its ByteRange."""
    try:
        values = [int(v) for v in byte_range]
    except (TypeError, ValueError) as exc:
        raise BindingError("unreadable") from exc
    if len(values) != 4 or values[0] != 0 or min(values) < 0:
        raise BindingError("unreadable")
    end = values[2] + values[3]
    if end > len(pdf) or values[1] > values[2]:
        raise BindingError("unreadable")
    return pdf[:end]


def _inflate(raw: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(raw, limit + 1)
    except zlib.error as exc:
        raise BindingError("unreadable") from exc
    if len(out) > limit:
        raise BindingError("too_large")
    return out


def _stream_bytes(stream: Any) -> bytes:
    """An embedded file's bytes, decompressed with a bound (a zip bomb stops at the limit)."""
    raw = bytes(stream.encoded_data)
    if len(raw) > MAX_BINDING_BYTES:
        raise BindingError("too_large")
    filters = _entry(stream, "/Filter")
    if filters is None:
        names: list[str] = []
    elif isinstance(filters, list):
        names = [str(f) for f in filters]
    else:
        names = [str(filters)]
    if _entry(stream, "/DecodeParms") is not None:
        raise BindingError("unreadable")
    for name in names:
        if name != "/FlateDecode":
            raise BindingError("unreadable")
        raw = _inflate(raw, MAX_BINDING_BYTES)
    return raw


def _deref(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def _entry(dictionary: Any, key: str) -> Any:
    dictionary = _deref(dictionary)
    if not hasattr(dictionary, "keys") or key not in dictionary:
        return None
    return _deref(dictionary[key])


def _embedded_files(root: Any) -> Mapping[str, Any]:
    """Name → file specification from the catalogue's flat /EmbeddedFiles name tree."""
    flat = _entry(_entry(_entry(root, "/Names"), "/EmbeddedFiles"), "/Names")
    if flat is None or not isinstance(flat, list):
        return {}  # none, or a tree with /Kids: Custodia writes a flat one
    found: dict[str, Any] = {}
    for index in range(0, min(len(flat), 2 * 64) - 1, 2):
        found[str(_deref(flat[index]))] = _deref(flat[index + 1])
    return found


def read_binding(signed: bytes) -> Binding:
    """The binding embedded in ``signed`` (a signed revision's bytes)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(signed), strict=False)
        spec = _embedded_files(reader.root).get(BINDING_NAME)
        if spec is None:
            raise BindingError("absent")
        stream = _entry(_entry(spec, "/EF"), "/F")
        if stream is None or not hasattr(stream, "encoded_data"):
            raise BindingError("unreadable")
        data = _stream_bytes(stream)
    except BindingError:
        raise
    except Exception as exc:  # a hostile PDF raises anything; it is a verdict
        log.info("binding could not be read: %s", type(exc).__name__)
        raise BindingError("unreadable") from exc
    return parse_binding(data)


__all__ = [
    "BINDING_NAME",
    "REPORT_PATH",
    "Binding",
    "BindingError",
    "BoundFile",
    "binding_json",
    "embed_binding",
    "manifest_text",
    "parse_binding",
    "read_binding",
    "signed_revision",
]
