"""Fuzz targets: every format Custodia parses from a file someone else may have written.

Each target takes raw bytes and must either succeed or raise a documented error (a subclass of
:class:`vault.errors.CustodiaError`); anything else escaping is a bug. The atheris harness
(``fuzz.py``) and the pytest corpus replay (``test_fuzz_corpus.py``) call the same functions.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from vault.blobs import decrypt_stream
from vault.errors import CustodiaError
from vault.header import parse_header

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
TEMPLATE = CORPUS / "bundle_template"  # a real bundle, its PDF replaced by a stub (see make_corpus)

#: The key and blob id the blob seeds were sealed with, so that mutations reach the chunk code.
BLOB_KEY = bytes(range(32))
BLOB_ID = "0123456789abcdef0123456789abcdef"

#: Which bundle file the first byte of a "bag" input replaces.
BAG_FILES = (
    "bag-info.txt",
    "manifest-sha256.txt",
    "tagmanifest-sha256.txt",
    "bagit.txt",
    "signature/tagmanifest.sig",
    "signature/signer.pem",
)


def _scratch_root() -> Path:
    shm = Path("/dev/shm")  # RAM: a fuzzer writes thousands of files a second
    base = shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(tempfile.gettempdir())
    return Path(tempfile.mkdtemp(prefix="custodia-fuzz-", dir=base))


_scratch: Path | None = None


def scratch() -> Path:
    global _scratch
    if _scratch is None or not _scratch.is_dir():
        _scratch = _scratch_root()
    return _scratch


def header(data: bytes) -> None:
    parse_header(data)


def blob(data: bytes) -> None:
    for _ in decrypt_stream(io.BytesIO(data), BLOB_KEY, BLOB_ID):
        pass


def manifest(data: bytes) -> None:
    from exports.verify import Check, parse_manifest

    checks: list[Check] = []
    entries = parse_manifest(data, "manifest-sha256.txt", checks)
    for path, digest in entries.items():
        # What the parser hands on must be a safe relative path and a string digest.
        assert not path.startswith("/"), path
        assert ".." not in path.split("/"), path
        assert isinstance(digest, str)


def _verify_bundle_with(rel: str, data: bytes) -> None:
    from exports.verify import verify_bundle

    bundle = scratch() / "bundle"
    if not bundle.is_dir():
        shutil.copytree(TEMPLATE, bundle)
    # Only the one file changes; it is put back afterwards, which is much cheaper than copying
    # the whole template for every execution.
    target = bundle / rel
    target.write_bytes(data)
    try:
        verdict = verify_bundle(bundle)
        assert isinstance(verdict.ok, bool)
        verdict.lines()  # the report a user would see must render too
    finally:
        target.write_bytes((TEMPLATE / rel).read_bytes())


def bag(data: bytes) -> None:
    """The tag files of a bundle: bag-info, both manifests, bagit.txt and the signature."""
    if not data:
        return
    _verify_bundle_with(BAG_FILES[data[0] % len(BAG_FILES)], data[1:])


def case_json(data: bytes) -> None:
    _verify_bundle_with("data/case.json", data)


def zip_reader(data: bytes) -> None:
    """The safe ZIP reader on an untrusted archive, then the verifier on the same file."""
    from exports.safezip import SafeZip, ZipLimits
    from exports.verify import verify_bundle

    path = scratch() / "bundle.zip"
    path.write_bytes(data)
    limits = ZipLimits(max_entry_size=1 << 20, max_total_size=4 << 20)
    with SafeZip(path, limits) as archive:
        for entry in archive.files():
            if entry.is_dir:
                continue
            with archive.open(entry.name) as chunks:
                for _ in chunks:
                    pass
    verify_bundle(path, limits=limits)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "header": header,
    "blob": blob,
    "manifest": manifest,
    "bag": bag,
    "case_json": case_json,
    "zip": zip_reader,
}


def run_one(name: str, data: bytes) -> None:
    """Run a target; documented errors are fine, anything else propagates."""
    try:
        TARGETS[name](data)
    except CustodiaError:
        pass
