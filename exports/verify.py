"""Independent verification of a bundle (folder or ZIP): no vault, no intake, hostile input.

``verify_bundle`` never raises for a bad bundle: it returns a :class:`Verdict` with one
:class:`Check` per item (each file's hash, completeness, the Ed25519 signature, the PDF
signature, the checkpoint, the consistency of case.json) and an exit code: 0 all good,
1 problems found, 2 not a readable bundle.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import logging
import os
import re
import stat
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from exports import signing
from exports.errors import BundleUnreadableError, UnsafeArchiveError
from exports.model import Progress
from exports.safezip import DEFAULT_LIMITS, SafeZip, ZipLimits, normalise_name
from vault.errors import OperationCancelledError
from vault.header import Checkpoint

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = "signature/tagmanifest.sig"
SIGNER_PEM = "signature/signer.pem"
REQUIRED = (
    "bagit.txt",
    "bag-info.txt",
    MANIFEST,
    TAGMANIFEST,
    SIGNATURE,
    SIGNER_PEM,
    "VERIFY.txt",
    "data/report.pdf",
    "data/case.json",
)
UNLISTED_ALLOWED = {TAGMANIFEST, SIGNATURE}  # the tag manifest cannot list itself or its signature
TAG_LIMIT = 64 << 20
SMALL_LIMIT = 1 << 20
PDF_LIMIT = 512 << 20
MAX_FOLDER_ENTRIES = 200_000
HASH_CHUNK = 1 << 20
_LINE = re.compile(r"^([0-9a-fA-F]{64})[ \t]+\*?(.+)$")


@dataclass(frozen=True)
class Check:
    subject: str  # a bundle path ("data/evidence/E-0001_x.jpg") or an aspect ("signature")
    ok: bool
    detail: str
    code: str


@dataclass(frozen=True)
class Verdict:
    source: str
    readable: bool
    checks: tuple[Check, ...]
    facts: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.readable and bool(self.checks) and all(c.ok for c in self.checks)

    @property
    def problems(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    @property
    def exit_code(self) -> int:
        if not self.readable:
            return EXIT_UNREADABLE
        return EXIT_OK if self.ok else EXIT_PROBLEMS

    def lines(self, *, all_items: bool = True) -> list[str]:
        out = [f"Bundle: {self.source}"]
        out += [f"  {k}: {v}" for k, v in self.facts.items()]
        for check in self.checks:
            if all_items or not check.ok:
                out.append(f"{'OK  ' if check.ok else 'FAIL'}  {check.subject}: {check.detail}")
        if not self.readable:
            out.append("VERDICT: not a readable bundle")
        elif self.ok:
            out.append(f"VERDICT: intact — {len(self.checks)} checks passed")
        else:
            out.append(f"VERDICT: NOT INTACT — {len(self.problems)} problem(s) found")
        return out


class _Source(Protocol):
    def files(self) -> dict[str, int]: ...

    def open(self, rel: str) -> contextlib.AbstractContextManager[Iterator[bytes]]: ...

    def read_small(self, rel: str, limit: int) -> bytes: ...

    def close(self) -> None: ...


class _FolderSource:
    """A bag folder; links and special files are reported, never followed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.anomalies: list[Check] = []
        self._files: dict[str, int] = {}
        self._scan()

    def _scan(self) -> None:
        stack = [""]
        count = 0
        while stack:
            rel_dir = stack.pop()
            with os.scandir(self.root / rel_dir if rel_dir else self.root) as entries:
                for entry in entries:
                    count += 1
                    if count > MAX_FOLDER_ENTRIES:
                        raise UnsafeArchiveError("too many files")
                    rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
                    info = entry.stat(follow_symlinks=False)
                    if stat.S_ISLNK(info.st_mode):
                        self.anomalies.append(
                            Check(rel, False, "is a symbolic link (not followed)", "file.link")
                        )
                    elif stat.S_ISDIR(info.st_mode):
                        stack.append(rel)
                    elif stat.S_ISREG(info.st_mode):
                        self._files[rel] = info.st_size
                    else:
                        self.anomalies.append(
                            Check(rel, False, "is not a regular file", "file.special")
                        )

    def files(self) -> dict[str, int]:
        return dict(self._files)

    @contextlib.contextmanager
    def open(self, rel: str) -> Iterator[Iterator[bytes]]:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(self.root / rel, flags)
        with os.fdopen(fd, "rb") as handle:
            yield iter(lambda: handle.read(HASH_CHUNK), b"")

    def read_small(self, rel: str, limit: int) -> bytes:
        size = self._files.get(rel)
        if size is None:
            raise KeyError(rel)
        if size > limit:
            raise UnsafeArchiveError(f"{rel} is too large")
        with self.open(rel) as chunks:
            data = b""
            for chunk in chunks:
                data += chunk
                if len(data) > limit:
                    raise UnsafeArchiveError(f"{rel} is too large")
            return data

    def close(self) -> None:
        return None


class _ZipSource:
    """A zipped bag, read in place: the bag may be at the root or in one top-level folder."""

    def __init__(self, path: Path, limits: ZipLimits) -> None:
        self.zip = SafeZip(path, limits)
        names = [e.name for e in self.zip.files()]
        self.anomalies: list[Check] = []
        if "bagit.txt" in names:
            self.prefix = ""
        else:
            tops = {n.split("/", 1)[0] for n in names}
            self.prefix = f"{tops.pop()}/" if len(tops) == 1 else ""
        self._files = {
            e.name[len(self.prefix) :]: e.size
            for e in self.zip.files()
            if e.name.startswith(self.prefix)
        }
        for e in self.zip.files():
            if not e.name.startswith(self.prefix):
                self.anomalies.append(
                    Check(e.name, False, "outside the bag folder", "file.unexpected")
                )

    def files(self) -> dict[str, int]:
        return dict(self._files)

    def open(self, rel: str) -> contextlib.AbstractContextManager[Iterator[bytes]]:
        return self.zip.open(self.prefix + rel)

    def read_small(self, rel: str, limit: int) -> bytes:
        return self.zip.read_small(self.prefix + rel, limit)

    def close(self) -> None:
        self.zip.close()


def _decode_path(raw: str) -> str:
    # RFC 8493 §2.1.3: CR, LF and % are percent-encoded in manifests.
    return raw.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def parse_manifest(text: bytes, name: str, checks: list[Check]) -> dict[str, str]:
    """path → lower-case SHA-256; malformed lines become checks, not exceptions."""
    entries: dict[str, str] = {}
    try:
        decoded = text.decode("utf-8")
    except UnicodeDecodeError:
        checks.append(Check(name, False, "is not UTF-8 text", "manifest.malformed"))
        return entries
    for number, line in enumerate(decoded.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if match is None:
            checks.append(Check(name, False, f"line {number} is malformed", "manifest.malformed"))
            continue
        digest, raw_path = match.group(1).lower(), _decode_path(match.group(2))
        try:
            path = normalise_name(raw_path)
        except UnsafeArchiveError:
            checks.append(
                Check(name, False, f"line {number} names an unsafe path", "manifest.unsafe_path")
            )
            continue
        if path in entries:
            checks.append(
                Check(name, False, f"line {number} lists {path} twice", "manifest.duplicate")
            )
            continue
        entries[path] = digest
    return entries


def _hash(
    source: _Source, rel: str, cancel: threading.Event | None, advance: Callable[[int], None]
) -> str:
    digest = hashlib.sha256()
    with source.open(rel) as chunks:
        for chunk in chunks:
            if cancel is not None and cancel.is_set():
                raise OperationCancelledError()
            digest.update(chunk)
            advance(len(chunk))
    return digest.hexdigest()


def _open_source(path: Path, limits: ZipLimits) -> _Source:
    if path.is_symlink():
        raise BundleUnreadableError("the bundle path is a symbolic link")
    if path.is_dir():
        return _FolderSource(path)
    if path.is_file():
        return _ZipSource(path, limits)
    raise BundleUnreadableError("no such folder or file")


class _Verifier:
    def __init__(
        self, source: _Source, progress: Progress | None, cancel: threading.Event | None
    ) -> None:
        self.source = source
        self.progress = progress
        self.cancel = cancel
        self.checks: list[Check] = list(getattr(source, "anomalies", []))
        self.facts: dict[str, str] = {}
        self.files = source.files()
        self._lock = threading.Lock()
        self._done = 0
        self._total = 1
        self.key: Ed25519PublicKey | None = None

    def fail(self, subject: str, detail: str, code: str) -> None:
        self.checks.append(Check(subject, False, detail, code))

    def ok(self, subject: str, detail: str, code: str) -> None:
        self.checks.append(Check(subject, True, detail, code))

    def small(self, rel: str, limit: int = TAG_LIMIT) -> bytes | None:
        if rel not in self.files:
            return None
        try:
            return self.source.read_small(rel, limit)
        except UnsafeArchiveError as exc:
            self.fail(rel, str(exc.detail or "cannot be read safely"), "file.unsafe")
        except OSError:
            self.fail(rel, "cannot be read", "file.unreadable")
        return None

    def advance(self, amount: int) -> None:
        if self.progress is None:
            return
        with self._lock:
            self._done += amount
            self.progress(self._done, self._total)

    def run(self) -> None:
        missing = [r for r in REQUIRED if r not in self.files]
        for rel in missing:
            self.fail(rel, "is missing", "file.missing")
        bagit_txt = self.small("bagit.txt", SMALL_LIMIT)
        if bagit_txt is not None:
            if b"BagIt-Version:" in bagit_txt and b"UTF-8" in bagit_txt:
                self.ok("bagit.txt", "BagIt declaration present", "bagit.ok")
            else:
                self.fail("bagit.txt", "is not a BagIt declaration", "bagit.malformed")
        manifest_raw = self.small(MANIFEST)
        tag_raw = self.small(TAGMANIFEST)
        manifest = parse_manifest(manifest_raw, MANIFEST, self.checks) if manifest_raw else {}
        tags = parse_manifest(tag_raw, TAGMANIFEST, self.checks) if tag_raw else {}
        for rel in manifest:
            if not rel.startswith("data/"):
                self.fail(MANIFEST, f"lists {rel}, which is not under data/", "manifest.outside")
        for rel in tags:
            if rel.startswith("data/") or rel in UNLISTED_ALLOWED:
                self.fail(TAGMANIFEST, f"lists {rel}, which it may not", "manifest.outside")
        self.completeness(manifest, tags)
        self.hashes({**tags, **manifest})
        self.tag_signature(tag_raw)
        self.payload_oxum(manifest)
        case = self.case_json()
        self.report_pdf(case)
        self.evidence_records(case, manifest)

    def completeness(self, manifest: dict[str, str], tags: dict[str, str]) -> None:
        listed = set(manifest) | set(tags)
        for rel in sorted(listed - set(self.files)):
            if rel not in REQUIRED:
                self.fail(rel, "is listed in the manifest but missing", "file.missing")
        for rel in sorted(set(self.files) - listed - UNLISTED_ALLOWED):
            self.fail(rel, "is not listed in any manifest (added file)", "file.unexpected")
        for rel in ("bagit.txt", "bag-info.txt", MANIFEST, SIGNER_PEM, "VERIFY.txt"):
            if rel in self.files and rel not in tags and tags:
                self.fail(rel, "is not covered by the tag manifest", "file.unprotected")

    def hashes(self, expected: dict[str, str]) -> None:
        present = sorted(rel for rel in expected if rel in self.files)
        self._total = max(sum(self.files[r] for r in present), 1)
        workers = 2 if isinstance(self.source, _FolderSource) else 1

        def one(rel: str) -> tuple[str, str | None]:
            try:
                return rel, _hash(self.source, rel, self.cancel, self.advance)
            except UnsafeArchiveError as exc:
                return rel, f"!{exc.detail or 'unsafe'}"
            except OSError:
                return rel, None

        # Larger files first so that two workers finish together.
        order = sorted(present, key=lambda r: -self.files[r])
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = dict(pool.map(one, order))
        for rel in present:
            found = results[rel]
            if found is None:
                self.fail(rel, "cannot be read", "file.unreadable")
            elif found.startswith("!"):
                self.fail(rel, found[1:], "file.unsafe")
            elif found == expected[rel]:
                self.ok(rel, "SHA-256 matches", "file.ok")
            else:
                self.fail(
                    rel,
                    "SHA-256 differs from the manifest: the file was changed",
                    "file.hash_mismatch",
                )

    def tag_signature(self, tag_raw: bytes | None) -> None:
        pem = self.small(SIGNER_PEM, SMALL_LIMIT)
        signature = self.small(SIGNATURE, SMALL_LIMIT)
        self.key = signing.load_signer_pem(pem) if pem else None
        if pem is not None and self.key is None:
            self.fail(SIGNER_PEM, "is not an Ed25519 public key", "signature.bad_key")
        if self.key is not None:
            self.facts["Signer key (Ed25519) SHA-256"] = signing.ed25519_fingerprint(self.key)
        if self.key is None or signature is None or tag_raw is None:
            return
        if signing.ed25519_valid(self.key, signature, tag_raw):
            self.ok(SIGNATURE, "Ed25519 signature over the tag manifest is valid", "signature.ok")
        else:
            self.fail(
                SIGNATURE,
                "Ed25519 signature does not match the tag manifest "
                "(manifest altered or signature replaced)",
                "signature.invalid",
            )

    def payload_oxum(self, manifest: dict[str, str]) -> None:
        info = self.small("bag-info.txt", SMALL_LIMIT)
        if info is None:
            return
        match = re.search(rb"^Payload-Oxum:\s*(\d+)\.(\d+)\s*$", info, re.MULTILINE)
        if match is None:
            self.fail("bag-info.txt", "has no Payload-Oxum", "bag_info.oxum")
            return
        size = sum(self.files.get(r, 0) for r in manifest)
        if (int(match.group(1)), int(match.group(2))) != (size, len(manifest)):
            self.fail("bag-info.txt", "Payload-Oxum does not match the payload", "bag_info.oxum")
        else:
            self.ok("bag-info.txt", "Payload-Oxum matches the payload", "bag_info.ok")

    def case_json(self) -> dict[str, Any] | None:
        raw = self.small("data/case.json")
        if raw is None:
            return None
        try:
            case = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            self.fail("data/case.json", "is not valid JSON", "case_json.malformed")
            return None
        if not isinstance(case, dict):
            self.fail("data/case.json", "is not a JSON object", "case_json.malformed")
            return None
        for key, label in (
            ("bundle_id", "Bundle id"),
            ("created_at", "Created"),
            ("profile", "Profile"),
        ):
            if isinstance(case.get(key), str):
                self.facts[label] = case[key]
        reference = _get(case, "case", "reference")
        if isinstance(reference, str):
            self.facts["Case"] = reference
        recorded = _get(case, "signatures", "ed25519_fingerprint")
        if self.key is not None:
            if recorded == signing.ed25519_fingerprint(self.key):
                self.ok("data/case.json", "records the same signer key", "case_json.key_ok")
            else:
                self.fail(
                    "data/case.json",
                    "records a different signer key than signer.pem",
                    "case_json.key_mismatch",
                )
        self.checkpoint(case.get("checkpoint"))
        return case

    def checkpoint(self, data: object) -> None:
        if data is None:
            self.fail("checkpoint", "no audit checkpoint in case.json", "checkpoint.missing")
            return
        try:
            if not isinstance(data, dict):
                raise ValueError("not an object")
            checkpoint = Checkpoint(
                vault_id=str(data["vault_id"]),
                seq=int(data["seq"]),
                entry_hash=str(data["hash"]),
                at=str(data["at"]),
                signature=base64.b64decode(str(data["signature"]), validate=True),
            )
        except (KeyError, ValueError, TypeError, binascii.Error):
            self.fail("checkpoint", "is malformed", "checkpoint.malformed")
            return
        self.facts["Audit checkpoint"] = f"entry {checkpoint.seq} at {checkpoint.at}"
        if self.key is None:
            self.fail("checkpoint", "cannot be checked without the signer key", "checkpoint.no_key")
        elif signing.ed25519_valid(self.key, checkpoint.signature, checkpoint.signed_bytes()):
            self.ok(
                "checkpoint",
                f"ledger checkpoint (entry {checkpoint.seq}) signed by the vault key",
                "checkpoint.ok",
            )
        else:
            self.fail("checkpoint", "signature does not verify", "checkpoint.invalid")

    def report_pdf(self, case: dict[str, Any] | None) -> None:
        pdf = self.small("data/report.pdf", PDF_LIMIT)
        if pdf is None:
            return
        result = signing.check_pdf_signature(pdf)
        subject = "data/report.pdf signature"
        if result.ok:
            trust = (
                "self-signed certificate: intact, identity not trusted"
                if result.self_signed
                else "organisation certificate"
            )
            self.ok(subject, f"PDF signature intact and covers the whole file ({trust})", "pdf.ok")
            self.facts["PDF signer"] = result.subject
        else:
            reason = result.problem or (
                "more than one signature"
                if result.signatures > 1
                else "does not cover the whole file"
                if result.intact and result.valid
                else "signature broken (document changed after signing)"
            )
            self.fail(subject, reason, "pdf.signature_invalid")
        recorded = _get(case, "signatures", "pdf_certificate_sha256") if case else None
        if result.certificate_sha256 and recorded is not None:
            if recorded == result.certificate_sha256:
                self.ok(
                    subject,
                    "certificate matches the one recorded in case.json",
                    "pdf.certificate_ok",
                )
            else:
                self.fail(
                    subject,
                    "certificate differs from the one recorded in case.json",
                    "pdf.certificate_mismatch",
                )

    def evidence_records(self, case: dict[str, Any] | None, manifest: dict[str, str]) -> None:
        items = case.get("evidence") if case else None
        if not isinstance(items, list):
            return
        for item in items:
            if not isinstance(item, dict):
                self.fail("data/case.json", "has a malformed evidence entry", "case_json.malformed")
                continue
            rel, recorded = item.get("file"), item.get("sha256")
            if not isinstance(rel, str) or not isinstance(recorded, str):
                self.fail("data/case.json", "has a malformed evidence entry", "case_json.malformed")
                continue
            if manifest.get(rel) != recorded.lower():
                self.fail(
                    rel,
                    "the manifest hash differs from the hash recorded at intake",
                    "evidence.record_mismatch",
                )


def _get(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def verify_bundle(
    path: Path | str,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    limits: ZipLimits = DEFAULT_LIMITS,
) -> Verdict:
    """Check a bundle folder or ZIP; returns a verdict, never raises for bad content."""
    path = Path(path)
    label = str(path)
    try:
        source = _open_source(path, limits)
    except BundleUnreadableError as exc:
        return Verdict(
            label, False, (Check("bundle", False, str(exc.detail or exc.message), exc.code),)
        )
    except UnsafeArchiveError as exc:
        return Verdict(
            label, True, (Check("archive", False, f"refused as unsafe: {exc.detail}", exc.code),)
        )
    except OSError as exc:
        return Verdict(
            label,
            False,
            (
                Check(
                    "bundle", False, f"cannot be read ({type(exc).__name__})", "verify.unreadable"
                ),
            ),
        )
    try:
        verifier = _Verifier(source, progress, cancel)
        files = verifier.files
        if not any(r in files for r in ("bagit.txt", MANIFEST, TAGMANIFEST)) and not any(
            r.startswith("data/") for r in files
        ):
            return Verdict(
                label,
                False,
                (Check("bundle", False, "is not a BagIt bundle", "verify.not_a_bundle"),),
            )
        verifier.run()
        return Verdict(label, True, tuple(verifier.checks), verifier.facts)
    except UnsafeArchiveError as exc:
        return Verdict(
            label, True, (Check("archive", False, f"refused as unsafe: {exc.detail}", exc.code),)
        )
    finally:
        source.close()


__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_UNREADABLE", "Check", "Verdict", "verify_bundle"]
