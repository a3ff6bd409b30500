"""Independent verification of a bundle (folder or ZIP): no vault, no intake, hostile input.

``verify_bundle`` never raises for a bad bundle: it returns a :class:`Verdict` with one
:class:`Check` per item (each file's hash, completeness, the Ed25519 signature, the PDF
signature, the binding of the signed report to the bag, the checkpoint, the consistency of
case.json) and an exit code: 0 intact and from a confirmed sender, 3 intact but the sender is
not confirmed, 1 problems found, 2 not a readable bundle.

Who sent a bundle (DESIGN §6.1) is never taken from the bundle: a key or certificate inside it
proves only that whoever made it had that key. The sender is confirmed only by the recipient's
own knowledge: a fingerprint given with ``expect_keys``, a :class:`~exports.senders.KnownSender`,
or a PDF certificate chain that validates to one of the recipient's ``trust_roots``.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import io
import json
import logging
import os
import re
import stat
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from exports import signing
from exports.binding import REPORT_PATH, BindingError, read_binding, signed_revision
from exports.errors import BundleUnreadableError, UnsafeArchiveError
from exports.model import Progress
from exports.safezip import DEFAULT_LIMITS, SafeZip, ZipLimits, normalise_name
from exports.senders import KnownSender
from vault.errors import OperationCancelledError
from vault.fingerprints import parse_fingerprints
from vault.header import Checkpoint

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, EXIT_UNCONFIRMED = 0, 1, 2, 3
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
TIMESTAMP_TOKEN = "signature/tagmanifest.tsr"  # noqa: S105 - a file name
# The tag manifest cannot list itself, its signature or its timestamp token.
UNLISTED_ALLOWED = {TAGMANIFEST, SIGNATURE, TIMESTAMP_TOKEN}
TAG_LIMIT = 64 << 20
SMALL_LIMIT = 1 << 20
PDF_LIMIT = 512 << 20
MAX_FOLDER_ENTRIES = 200_000
HASH_CHUNK = 1 << 20
#: JSON objects and arrays in case.json: a real case has a few per evidence item, custody event
#: and audit entry. 60 MB of "{}" would otherwise take minutes and gigabytes to parse.
MAX_CASE_CONTAINERS = 1_000_000
#: Problems of one kind listed one by one; the rest are counted in one line.
MAX_SAME_PROBLEMS = 50
#: Characters of a value from the bundle shown in a fact or a check's parameters.
MAX_SHOWN = 200
_LINE = re.compile(r"^([0-9a-fA-F]{64})[ \t]+\*?(.+)$")


class CheckCode(StrEnum):
    """What one check found: a stable code. Interfaces translate codes, never the English."""

    FILE_OK = "file.ok"
    FILE_HASH_MISMATCH = "file.hash_mismatch"  # params: expected, found
    FILE_MISSING = "file.missing"  # params: listed ("yes" when a manifest lists it)
    FILE_UNEXPECTED = "file.unexpected"  # params: where ("outside_bag" for a ZIP entry)
    FILE_UNPROTECTED = "file.unprotected"
    FILE_UNREADABLE = "file.unreadable"
    FILE_UNSAFE = "file.unsafe"  # params: reason (the archive reader's, English)
    FILE_LINK = "file.link"
    FILE_SPECIAL = "file.special"
    BAGIT_OK = "bagit.ok"
    BAGIT_MALFORMED = "bagit.malformed"
    BAG_INFO_OK = "bag_info.ok"
    BAG_INFO_OXUM = "bag_info.oxum"  # params: expected, found (absent: no Payload-Oxum)
    MANIFEST_MALFORMED = "manifest.malformed"  # params: line (absent: not UTF-8)
    MANIFEST_UNSAFE_PATH = "manifest.unsafe_path"  # params: line
    MANIFEST_DUPLICATE = "manifest.duplicate"  # params: line, path
    MANIFEST_OUTSIDE = "manifest.outside"  # params: path
    SIGNATURE_OK = "signature.ok"
    SIGNATURE_INVALID = "signature.invalid"
    SIGNATURE_BAD_KEY = "signature.bad_key"
    CASE_JSON_KEY_OK = "case_json.key_ok"
    CASE_JSON_KEY_MISMATCH = "case_json.key_mismatch"  # params: expected, found
    CASE_JSON_MALFORMED = "case_json.malformed"  # params: problem (json, object, evidence)
    CHECKPOINT_OK = "checkpoint.ok"  # params: seq
    CHECKPOINT_MISSING = "checkpoint.missing"
    CHECKPOINT_MALFORMED = "checkpoint.malformed"
    CHECKPOINT_NO_KEY = "checkpoint.no_key"
    CHECKPOINT_INVALID = "checkpoint.invalid"
    CASE_JSON_BUNDLE_MISMATCH = "case_json.bundle_mismatch"  # params: expected, found
    #: PDF signature intact and covering the whole file, by a self-signed certificate.
    PDF_SELF_SIGNED = "pdf.self_signed"
    #: The same, by a certificate from a CA that is not among the recipient's trust roots.
    PDF_UNTRUSTED = "pdf.untrusted"
    #: The same, by a certificate whose chain validates to a trust root the recipient gave.
    PDF_ORGANISATION = "pdf.organisation"
    PDF_SIGNATURE_INVALID = "pdf.signature_invalid"  # params: problem (+ reason for "other")
    PDF_CERTIFICATE_OK = "pdf.certificate_ok"
    PDF_CERTIFICATE_MISMATCH = "pdf.certificate_mismatch"  # params: expected, found
    EVIDENCE_RECORD_MISMATCH = "evidence.record_mismatch"  # params: expected, found
    #: The signed report's custodia-binding.json agrees with the bag (DESIGN §6.2).
    BINDING_OK = "binding.ok"  # params: count
    BINDING_MISSING = "binding.missing"  # params: problem (absent, unreadable, malformed…)
    BINDING_KEY_MISMATCH = "binding.key_mismatch"  # params: expected (report), found (pem)
    BINDING_BUNDLE_MISMATCH = "binding.bundle_mismatch"  # params: expected, found
    BINDING_FILE_MISMATCH = "binding.file_mismatch"  # params: expected, found (SHA-256/size)
    BINDING_FILE_UNBOUND = "binding.file_unbound"  # a payload file the report does not name
    BINDING_FILE_ABSENT = "binding.file_absent"  # a file the report names, not in the bag
    #: None of the fingerprints the recipient expects is the bundle's (--expect-key).
    SENDER_KEY_MISMATCH = "sender.key_mismatch"  # params: expected, found
    #: The sender is confirmed (the verdict's sender line, not a check of the bundle).
    SENDER_CONFIRMED = "sender.confirmed"  # params: by (key, known, trust_root), name
    SENDER_UNCONFIRMED = "sender.unconfirmed"  # params: key, certificate
    MORE_PROBLEMS = "verify.more"  # params: count, code (further problems of one kind)
    UNREADABLE = "verify.unreadable"  # params: reason
    NOT_A_BUNDLE = "verify.not_a_bundle"
    UNSAFE_ARCHIVE = "verify.unsafe_archive"  # params: reason
    #: signature/tagmanifest.tsr (DESIGN §6.3); params: time (genTime, ISO UTC), tsa (subject).
    TIMESTAMP_OK = "timestamp.ok"  # valid; the TSA is not checked against a trusted list
    TIMESTAMP_TRUSTED = "timestamp.trusted"  # valid, and the TSA chains to a --tsa-root
    TIMESTAMP_UNTRUSTED = "timestamp.untrusted"  # valid, but reaches none of the --tsa-root
    TIMESTAMP_MISMATCH = "timestamp.mismatch"  # the token is over other data
    TIMESTAMP_INVALID = "timestamp.invalid"  # its signature does not verify
    TIMESTAMP_MALFORMED = "timestamp.malformed"


class VerdictCode(StrEnum):
    #: Intact, from a confirmed sender (exit 0).
    INTACT = "verdict.intact"
    #: Intact, but nothing the recipient knows confirms who sent it (exit 3).
    UNCONFIRMED = "verdict.unconfirmed"
    NOT_INTACT = "verdict.not_intact"
    UNREADABLE = "verdict.unreadable"


class FactCode(StrEnum):
    """What the bundle says about itself (shown, never trusted for the verdict)."""

    BUNDLE_ID = "bundle_id"
    CREATED = "created"
    PROFILE = "profile"
    CASE = "case"
    SIGNER_KEY = "signer_key"
    CHECKPOINT = "checkpoint"
    PDF_SIGNER = "pdf_signer"
    TRUSTED_TIME = (
        "trusted_time"  # "<genTime> by <TSA subject>" chaining to a --tsa-root, or "none"
    )
    # A valid token whose TSA nobody vouched for: anyone handling the bundle can add one from a
    # home-made TSA with any time in it (the sender's signature does not cover the token), so
    # its time is only ever called claimed.
    CLAIMED_TIME = "claimed_time"
    PDF_CERTIFICATE = "pdf_certificate"


#: The command line's English labels of the facts (kept for output compatibility).
FACT_LABELS: dict[FactCode, str] = {
    FactCode.BUNDLE_ID: "Bundle id",
    FactCode.CREATED: "Created",
    FactCode.PROFILE: "Profile",
    FactCode.CASE: "Case",
    FactCode.SIGNER_KEY: "Signer key (Ed25519) SHA-256",
    FactCode.CHECKPOINT: "Audit checkpoint",
    FactCode.PDF_SIGNER: "PDF signer",
    FactCode.TRUSTED_TIME: "Trusted time (RFC 3161)",
    FactCode.CLAIMED_TIME: "Time claimed by a timestamp (its TSA is not checked: use --tsa-root)",
    FactCode.PDF_CERTIFICATE: "PDF certificate SHA-256",
}

# The command line's English sentence per code; ``describe`` picks the variant a parameter
# names. Interfaces in other languages map the codes themselves.
_ENGLISH: dict[CheckCode, str] = {
    CheckCode.FILE_OK: "SHA-256 matches",
    CheckCode.FILE_HASH_MISMATCH: "SHA-256 differs from the manifest: the file was changed",
    CheckCode.FILE_MISSING: "is missing",
    CheckCode.FILE_UNEXPECTED: "is not listed in any manifest (added file)",
    CheckCode.FILE_UNPROTECTED: "is not covered by the tag manifest",
    CheckCode.FILE_UNREADABLE: "cannot be read",
    CheckCode.FILE_UNSAFE: "{reason}",
    CheckCode.FILE_LINK: "is a symbolic link (not followed)",
    CheckCode.FILE_SPECIAL: "is not a regular file",
    CheckCode.BAGIT_OK: "BagIt declaration present",
    CheckCode.BAGIT_MALFORMED: "is not a BagIt declaration",
    CheckCode.BAG_INFO_OK: "Payload-Oxum matches the payload",
    CheckCode.BAG_INFO_OXUM: "Payload-Oxum does not match the payload",
    CheckCode.MANIFEST_MALFORMED: "line {line} is malformed",
    CheckCode.MANIFEST_UNSAFE_PATH: "line {line} names an unsafe path",
    CheckCode.MANIFEST_DUPLICATE: "line {line} lists {path} twice",
    CheckCode.MANIFEST_OUTSIDE: "lists {path}, which it may not",
    CheckCode.SIGNATURE_OK: "Ed25519 signature over the tag manifest is valid",
    CheckCode.SIGNATURE_INVALID: (
        "Ed25519 signature does not match the tag manifest (manifest altered or signature replaced)"
    ),
    CheckCode.SIGNATURE_BAD_KEY: "is not an Ed25519 public key",
    CheckCode.CASE_JSON_KEY_OK: "records the same signer key",
    CheckCode.CASE_JSON_KEY_MISMATCH: "records a different signer key than signer.pem",
    CheckCode.CASE_JSON_MALFORMED: "is not valid JSON",
    CheckCode.CHECKPOINT_OK: "ledger checkpoint (entry {seq}) signed by the vault key",
    CheckCode.CHECKPOINT_MISSING: "no audit checkpoint in case.json",
    CheckCode.CHECKPOINT_MALFORMED: "is malformed",
    CheckCode.CHECKPOINT_NO_KEY: "cannot be checked without the signer key",
    CheckCode.CHECKPOINT_INVALID: "signature does not verify",
    CheckCode.PDF_SELF_SIGNED: (
        "PDF signature intact and covers the whole file "
        "(self-signed certificate: intact, identity not trusted)"
    ),
    CheckCode.PDF_UNTRUSTED: (
        "PDF signature intact and covers the whole file "
        "(certificate from an unknown authority: identity not trusted)"
    ),
    CheckCode.PDF_ORGANISATION: (
        "PDF signature intact and covers the whole file "
        "(organisation certificate, validated to your trust root)"
    ),
    CheckCode.CASE_JSON_BUNDLE_MISMATCH: "names a different bundle id than the signed report",
    CheckCode.PDF_SIGNATURE_INVALID: "signature broken (document changed after signing)",
    CheckCode.PDF_CERTIFICATE_OK: "certificate matches the one recorded in case.json",
    CheckCode.PDF_CERTIFICATE_MISMATCH: "certificate differs from the one recorded in case.json",
    CheckCode.EVIDENCE_RECORD_MISMATCH: (
        "the manifest hash differs from the hash recorded at intake"
    ),
    CheckCode.BINDING_OK: "the signed report names this bag's {count} payload files and key",
    CheckCode.BINDING_MISSING: "the signed report carries no readable custodia-binding.json",
    CheckCode.BINDING_KEY_MISMATCH: (
        "the signed report names a different Ed25519 key than signature/signer.pem"
    ),
    CheckCode.BINDING_BUNDLE_MISMATCH: "the signed report names a different bundle id",
    CheckCode.BINDING_FILE_MISMATCH: "differs from the file the signed report names",
    CheckCode.BINDING_FILE_UNBOUND: "is not named by the signed report",
    CheckCode.BINDING_FILE_ABSENT: "is named by the signed report but not in the bag",
    CheckCode.SENDER_KEY_MISMATCH: "the bundle is not signed by the key you expect",
    CheckCode.SENDER_CONFIRMED: "sender confirmed: {name}",
    CheckCode.SENDER_UNCONFIRMED: "sender not confirmed",
    CheckCode.MORE_PROBLEMS: "{count} more problems of the same kind",
    CheckCode.UNREADABLE: "{reason}",
    CheckCode.NOT_A_BUNDLE: "is not a BagIt bundle",
    CheckCode.UNSAFE_ARCHIVE: "refused as unsafe: {reason}",
    CheckCode.TIMESTAMP_OK: (
        "timestamp by {tsa} at {time} matches the tag manifest; "
        "not checked against a trusted TSA list"
    ),
    CheckCode.TIMESTAMP_TRUSTED: (
        "timestamp by {tsa} at {time} matches the tag manifest; the TSA is one you trust"
    ),
    CheckCode.TIMESTAMP_UNTRUSTED: "timestamp by {tsa} is not from a TSA you trust",
    CheckCode.TIMESTAMP_MISMATCH: (
        "timestamp token is for other data than this tag manifest (changed after stamping)"
    ),
    CheckCode.TIMESTAMP_INVALID: "timestamp token's signature does not verify",
    CheckCode.TIMESTAMP_MALFORMED: "is not a readable RFC 3161 timestamp token",
}
_VARIANTS: dict[tuple[CheckCode, str, str], str] = {
    (CheckCode.FILE_MISSING, "listed", "yes"): "is listed in the manifest but missing",
    (CheckCode.FILE_UNEXPECTED, "where", "outside_bag"): "outside the bag folder",
    (CheckCode.BAG_INFO_OXUM, "problem", "absent"): "has no Payload-Oxum",
    (CheckCode.MANIFEST_MALFORMED, "problem", "encoding"): "is not UTF-8 text",
    (CheckCode.MANIFEST_OUTSIDE, "problem", "not_data"): "lists {path}, which is not under data/",
    (CheckCode.CASE_JSON_MALFORMED, "problem", "object"): "is not a JSON object",
    (CheckCode.CASE_JSON_MALFORMED, "problem", "evidence"): "has a malformed evidence entry",
    (CheckCode.CASE_JSON_MALFORMED, "problem", "too_complex"): (
        "has too many JSON objects to be a case (refused unread)"
    ),
    (CheckCode.PDF_SIGNATURE_INVALID, "problem", "multiple"): "more than one signature",
    (CheckCode.PDF_SIGNATURE_INVALID, "problem", "partial"): "does not cover the whole file",
    (CheckCode.PDF_SIGNATURE_INVALID, "problem", "other"): "{reason}",
}


def describe(code: CheckCode, params: Mapping[str, str]) -> str:
    """The English sentence for a check (the command line's words), from its code."""
    template = _ENGLISH[code]
    for (variant_code, key, value), text in _VARIANTS.items():
        if variant_code is code and params.get(key) == value:
            template = text
            break
    try:
        return template.format_map(dict(params))
    except (KeyError, ValueError):
        return code.value  # a caller left out a parameter: the code at least names the check


@dataclass(frozen=True)
class Check:
    subject: str  # a bundle path ("data/evidence/E-0001_x.jpg") or an aspect ("signature")
    ok: bool
    code: CheckCode
    #: Facts for a sentence: path, line, expected, found, reason (user-controlled text from
    #: the bundle: escape before showing it).
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def detail(self) -> str:
        """The English words of the command line, made from the code."""
        return describe(self.code, self.params)


@dataclass(frozen=True)
class Verdict:
    source: str
    readable: bool
    checks: tuple[Check, ...]
    fact_codes: Mapping[FactCode, str] = field(default_factory=dict)
    #: Who sent it: ``SENDER_CONFIRMED`` (by, name) or ``SENDER_UNCONFIRMED`` (key,
    #: certificate). Not a check of the bundle's integrity; ``None`` when not intact.
    sender: Check | None = None

    @property
    def facts(self) -> dict[str, str]:
        """The facts under the command line's English labels."""
        return {FACT_LABELS[code]: value for code, value in self.fact_codes.items()}

    @property
    def ok(self) -> bool:
        """Intact: every check passed (who sent it is :attr:`confirmed`)."""
        return self.readable and bool(self.checks) and all(c.ok for c in self.checks)

    @property
    def confirmed(self) -> bool:
        return self.ok and self.sender is not None and self.sender.ok

    @property
    def sender_fingerprints(self) -> tuple[str, str]:
        """The signer's Ed25519 key and PDF certificate fingerprints, to confirm with the
        sender ("" for one the sender check does not name)."""
        if self.sender is None:
            return "", ""
        return self.sender.params.get("key", ""), self.sender.params.get("certificate", "")

    @property
    def problems(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    @property
    def code(self) -> VerdictCode:
        if not self.readable:
            return VerdictCode.UNREADABLE
        if not self.ok:
            return VerdictCode.NOT_INTACT
        return VerdictCode.INTACT if self.confirmed else VerdictCode.UNCONFIRMED

    @property
    def exit_code(self) -> int:
        return {
            VerdictCode.INTACT: EXIT_OK,
            VerdictCode.UNCONFIRMED: EXIT_UNCONFIRMED,
            VerdictCode.NOT_INTACT: EXIT_PROBLEMS,
            VerdictCode.UNREADABLE: EXIT_UNREADABLE,
        }[self.code]

    def lines(self, *, all_items: bool = True) -> list[str]:
        """The verdict in English (logs, tests); the command line speaks ``ui.verify_words``."""
        out = [f"Bundle: {self.source}"]
        out += [f"  {k}: {v}" for k, v in self.facts.items()]
        for check in self.checks:
            if all_items or not check.ok:
                out.append(f"{'OK  ' if check.ok else 'FAIL'}  {check.subject}: {check.detail}")
        if self.code is VerdictCode.UNREADABLE:
            out.append("VERDICT: not a readable bundle")
        elif self.code is VerdictCode.INTACT:
            name = self.sender.params.get("name", "") if self.sender else ""
            out.append(f"VERDICT: intact, from {name} — {len(self.checks)} checks passed")
        elif self.code is VerdictCode.UNCONFIRMED:
            out.append(f"VERDICT: intact, sender not confirmed — {len(self.checks)} checks passed")
        else:
            out.append(f"VERDICT: NOT INTACT — {len(self.problems)} problem(s) found")
        return out


class BundleSource(Protocol):
    """The files of a bundle, read within limits (a folder, a ZIP on disk or in memory)."""

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
                        self.anomalies.append(Check(rel, False, CheckCode.FILE_LINK))
                    elif stat.S_ISDIR(info.st_mode):
                        stack.append(rel)
                    elif stat.S_ISREG(info.st_mode):
                        self._files[rel] = info.st_size
                    else:
                        self.anomalies.append(Check(rel, False, CheckCode.FILE_SPECIAL))

    def files(self) -> dict[str, int]:
        return dict(self._files)

    @contextlib.contextmanager
    def open(self, rel: str) -> Iterator[Iterator[bytes]]:
        handle, size = self._open_regular(rel)
        with handle:
            yield _bounded_chunks(handle, size)

    def _open_regular(self, rel: str) -> tuple[io.BufferedReader, int]:
        """``rel`` opened for reading only if it is (still) a regular file.

        The folder was scanned before: a file swapped meanwhile for a FIFO would block
        ``open`` for ever (O_NONBLOCK opens a FIFO at once) and a device would never end
        (fstat on the opened descriptor tells what was really opened).
        """
        flags = (
            os.O_RDONLY
            | getattr(os, "O_NOFOLLOW", 0)
            | getattr(os, "O_BINARY", 0)
            | getattr(os, "O_NONBLOCK", 0)
        )
        fd = os.open(self.root / rel, flags)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise SpecialFileError(rel)
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
        except BaseException:
            os.close(fd)
            raise
        # Reads stop one byte past the size scanned: a file that grows meanwhile then fails
        # its hash instead of being read for ever.
        return os.fdopen(fd, "rb"), self._files.get(rel, info.st_size)

    def read_small(self, rel: str, limit: int) -> bytes:
        size = self._files.get(rel)
        if size is None:
            raise KeyError(rel)
        if size > limit:
            raise UnsafeArchiveError(f"{rel} is too large")
        handle, _scanned = self._open_regular(rel)
        with handle:
            # One read, never bytes concatenated chunk by chunk; sized by the scan (read(n)
            # allocates n bytes first), one byte more to notice a file that grew.
            data = handle.read(size + 1)
        if len(data) > limit:
            raise UnsafeArchiveError(f"{rel} is too large")
        return data

    def close(self) -> None:
        return None


def _bounded_chunks(handle: io.BufferedReader, size: int) -> Iterator[bytes]:
    left = size + 1
    while left > 0:
        chunk = handle.read(min(HASH_CHUNK, left))
        if not chunk:
            return
        left -= len(chunk)
        yield chunk


class SpecialFileError(OSError):
    """A bundle path that is not a regular file when opened (FIFO, device, socket)."""


class _ZipSource:
    """A zipped bag, read in place: the bag may be at the root or in one top-level folder."""

    def __init__(self, path: Path | BinaryIO, limits: ZipLimits) -> None:
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
                    Check(e.name, False, CheckCode.FILE_UNEXPECTED, {"where": "outside_bag"})
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
        checks.append(Check(name, False, CheckCode.MANIFEST_MALFORMED, {"problem": "encoding"}))
        return entries
    for number, line in enumerate(decoded.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if match is None:
            checks.append(Check(name, False, CheckCode.MANIFEST_MALFORMED, {"line": str(number)}))
            continue
        digest, raw_path = match.group(1).lower(), _decode_path(match.group(2))
        try:
            path = normalise_name(raw_path)
        except UnsafeArchiveError:
            checks.append(Check(name, False, CheckCode.MANIFEST_UNSAFE_PATH, {"line": str(number)}))
            continue
        if path in entries:
            checks.append(
                Check(
                    name, False, CheckCode.MANIFEST_DUPLICATE, {"line": str(number), "path": path}
                )
            )
            continue
        entries[path] = digest
    return entries


def _hash(
    source: BundleSource, rel: str, cancel: threading.Event | None, advance: Callable[[int], None]
) -> str:
    digest = hashlib.sha256()
    with source.open(rel) as chunks:
        for chunk in chunks:
            if cancel is not None and cancel.is_set():
                raise OperationCancelledError()
            digest.update(chunk)
            advance(len(chunk))
    return digest.hexdigest()


def open_bundle(
    path: Path, limits: ZipLimits = DEFAULT_LIMITS, *, archive: BinaryIO | None = None
) -> BundleSource:
    """A bundle folder or ZIP at ``path``, or ``archive`` (its ZIP already in memory, as a
    decrypted ``.age`` bundle); the caller closes it.

    Raises :class:`BundleUnreadableError`, :class:`UnsafeArchiveError` or :class:`OSError`.
    """
    if archive is not None:
        return _ZipSource(archive, limits)
    if path.is_symlink():
        raise BundleUnreadableError("the bundle path is a symbolic link")
    if path.is_dir():
        return _FolderSource(path)
    if path.is_file():
        return _ZipSource(path, limits)
    raise BundleUnreadableError("no such folder or file")


@dataclass(frozen=True)
class Trust:
    """What the recipient knows, from outside the bundle (DESIGN §6.1)."""

    #: Fingerprints the sender gave by another channel: Ed25519 or PDF certificate SHA-256.
    expect_keys: tuple[str, ...] = ()
    known_senders: tuple[KnownSender, ...] = ()
    #: DER certificates of the authorities whose PDF certificates identify a sender.
    trust_roots: tuple[bytes, ...] = ()

    def __post_init__(self) -> None:
        # A shortened pin is refused here (MalformedFingerprintError), for every caller: compared,
        # it would only report a genuine bundle as forged.
        object.__setattr__(self, "expect_keys", parse_fingerprints(self.expect_keys))


def _shown(value: str) -> str:
    return value if len(value) <= MAX_SHOWN else value[:MAX_SHOWN] + "…"


class _Verifier:
    def __init__(
        self,
        source: BundleSource,
        progress: Progress | None,
        cancel: threading.Event | None,
        trust: Trust,
    ) -> None:
        self.source = source
        self.progress = progress
        self.cancel = cancel
        self.trust = trust
        self.checks: list[Check] = []
        self.facts: dict[FactCode, str] = {}
        self.files = source.files()
        self._lock = threading.Lock()
        self._done = 0
        self._total = 1
        self._same: dict[CheckCode, int] = {}
        self.key: Ed25519PublicKey | None = None
        self.pdf: signing.PdfSignatureCheck | None = None
        self.binding_ok = False
        for anomaly in getattr(source, "anomalies", []):
            self.add(anomaly)

    def add(self, check: Check) -> None:
        # Bounded output: a hostile bundle can make a million problems of one kind; the first
        # ones are named, the rest counted (MORE_PROBLEMS), and the verdict is the same.
        if not check.ok:
            seen = self._same.get(check.code, 0) + 1
            self._same[check.code] = seen
            if seen > MAX_SAME_PROBLEMS:
                return
        params = {k: _shown(v) for k, v in check.params.items()}
        self.checks.append(Check(_shown(check.subject), check.ok, check.code, params))

    def fail(self, subject: str, code: CheckCode, **params: str) -> None:
        self.add(Check(subject, False, code, params))

    def ok(self, subject: str, code: CheckCode, **params: str) -> None:
        self.add(Check(subject, True, code, params))

    def fact(self, code: FactCode, value: str) -> None:
        self.facts[code] = _shown(value)

    def finish(self) -> None:
        for code, seen in self._same.items():
            if seen > MAX_SAME_PROBLEMS:
                self.checks.append(
                    Check(
                        "…",
                        False,
                        CheckCode.MORE_PROBLEMS,
                        {"count": str(seen - MAX_SAME_PROBLEMS), "code": code.value},
                    )
                )

    def small(self, rel: str, limit: int = TAG_LIMIT) -> bytes | None:
        if rel not in self.files:
            return None
        try:
            return self.source.read_small(rel, limit)
        except UnsafeArchiveError as exc:
            self.fail(rel, CheckCode.FILE_UNSAFE, reason=str(exc.detail or "cannot be read safely"))
        except SpecialFileError:
            self.fail(rel, CheckCode.FILE_SPECIAL)
        except OSError:
            self.fail(rel, CheckCode.FILE_UNREADABLE)
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
            self.fail(rel, CheckCode.FILE_MISSING)
        bagit_txt = self.small("bagit.txt", SMALL_LIMIT)
        if bagit_txt is not None:
            if b"BagIt-Version:" in bagit_txt and b"UTF-8" in bagit_txt:
                self.ok("bagit.txt", CheckCode.BAGIT_OK)
            else:
                self.fail("bagit.txt", CheckCode.BAGIT_MALFORMED)
        manifest_raw = self.small(MANIFEST)
        tag_raw = self.small(TAGMANIFEST)
        manifest = parse_manifest(manifest_raw, MANIFEST, self.checks) if manifest_raw else {}
        tags = parse_manifest(tag_raw, TAGMANIFEST, self.checks) if tag_raw else {}
        for rel in manifest:
            if not rel.startswith("data/"):
                self.fail(MANIFEST, CheckCode.MANIFEST_OUTSIDE, path=rel, problem="not_data")
        for rel in tags:
            if rel.startswith("data/") or rel in UNLISTED_ALLOWED:
                self.fail(TAGMANIFEST, CheckCode.MANIFEST_OUTSIDE, path=rel)
        self.completeness(manifest, tags)
        self.hashes({**tags, **manifest})
        self.tag_signature(tag_raw)
        self.payload_oxum(manifest)
        case = self.case_json()
        self.trusted_time(tag_raw, case)
        self.report_pdf(case, manifest)
        self.evidence_records(case, manifest)
        self.finish()

    def completeness(self, manifest: dict[str, str], tags: dict[str, str]) -> None:
        listed = set(manifest) | set(tags)
        for rel in sorted(listed - set(self.files)):
            if rel not in REQUIRED:
                self.fail(rel, CheckCode.FILE_MISSING, listed="yes")
        for rel in sorted(set(self.files) - listed - UNLISTED_ALLOWED):
            self.fail(rel, CheckCode.FILE_UNEXPECTED)
        for rel in ("bagit.txt", "bag-info.txt", MANIFEST, SIGNER_PEM, "VERIFY.txt"):
            if rel in self.files and rel not in tags and tags:
                self.fail(rel, CheckCode.FILE_UNPROTECTED)

    def hashes(self, expected: dict[str, str]) -> None:
        present = sorted(rel for rel in expected if rel in self.files)
        self._total = max(sum(self.files[r] for r in present), 1)
        workers = 2 if isinstance(self.source, _FolderSource) else 1

        def one(rel: str) -> tuple[str, str | None]:
            try:
                return rel, _hash(self.source, rel, self.cancel, self.advance)
            except UnsafeArchiveError as exc:
                return rel, f"!{exc.detail or 'unsafe'}"
            except SpecialFileError:
                return rel, "?"
            except OSError:
                return rel, None

        # Larger files first so that two workers finish together.
        order = sorted(present, key=lambda r: -self.files[r])
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = dict(pool.map(one, order))
        for rel in present:
            found = results[rel]
            if found is None:
                self.fail(rel, CheckCode.FILE_UNREADABLE)
            elif found == "?":
                self.fail(rel, CheckCode.FILE_SPECIAL)
            elif found.startswith("!"):
                self.fail(rel, CheckCode.FILE_UNSAFE, reason=found[1:])
            elif found == expected[rel]:
                self.ok(rel, CheckCode.FILE_OK, expected=expected[rel])
            else:
                self.fail(rel, CheckCode.FILE_HASH_MISMATCH, expected=expected[rel], found=found)

    def tag_signature(self, tag_raw: bytes | None) -> None:
        pem = self.small(SIGNER_PEM, SMALL_LIMIT)
        signature = self.small(SIGNATURE, SMALL_LIMIT)
        self.key = signing.load_signer_pem(pem) if pem else None
        if pem is not None and self.key is None:
            self.fail(SIGNER_PEM, CheckCode.SIGNATURE_BAD_KEY)
        if self.key is not None:
            self.fact(FactCode.SIGNER_KEY, signing.ed25519_fingerprint(self.key))
        if self.key is None or signature is None or tag_raw is None:
            return
        if signing.ed25519_valid(self.key, signature, tag_raw):
            self.ok(SIGNATURE, CheckCode.SIGNATURE_OK)
        else:
            self.fail(SIGNATURE, CheckCode.SIGNATURE_INVALID)

    def payload_oxum(self, manifest: dict[str, str]) -> None:
        info = self.small("bag-info.txt", SMALL_LIMIT)
        if info is None:
            return
        match = re.search(rb"^Payload-Oxum:\s*(\d+)\.(\d+)\s*$", info, re.MULTILINE)
        if match is None:
            self.fail("bag-info.txt", CheckCode.BAG_INFO_OXUM, problem="absent")
            return
        size = sum(self.files.get(r, 0) for r in manifest)
        stated = f"{int(match.group(1))}.{int(match.group(2))}"
        actual = f"{size}.{len(manifest)}"
        if stated != actual:
            self.fail("bag-info.txt", CheckCode.BAG_INFO_OXUM, expected=stated, found=actual)
        else:
            self.ok("bag-info.txt", CheckCode.BAG_INFO_OK)

    def case_json(self) -> dict[str, Any] | None:
        raw = self.small("data/case.json")
        if raw is None:
            return None
        if raw.count(b"{") + raw.count(b"[") > MAX_CASE_CONTAINERS:
            # Counted before parsing: the parser's time and memory grow with the containers.
            self.fail("data/case.json", CheckCode.CASE_JSON_MALFORMED, problem="too_complex")
            return None
        try:
            case = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            self.fail("data/case.json", CheckCode.CASE_JSON_MALFORMED, problem="json")
            return None
        if not isinstance(case, dict):
            self.fail("data/case.json", CheckCode.CASE_JSON_MALFORMED, problem="object")
            return None
        for key, fact in (
            ("bundle_id", FactCode.BUNDLE_ID),
            ("created_at", FactCode.CREATED),
            ("profile", FactCode.PROFILE),
        ):
            if isinstance(case.get(key), str):
                self.fact(fact, case[key])
        reference = _get(case, "case", "reference")
        if isinstance(reference, str):
            self.fact(FactCode.CASE, reference)
        recorded = _get(case, "signatures", "ed25519_fingerprint")
        if self.key is not None:
            actual = signing.ed25519_fingerprint(self.key)
            if recorded == actual:
                self.ok("data/case.json", CheckCode.CASE_JSON_KEY_OK)
            else:
                self.fail(
                    "data/case.json",
                    CheckCode.CASE_JSON_KEY_MISMATCH,
                    expected=actual,
                    found=str(recorded),
                )
        self.checkpoint(case.get("checkpoint"))
        return case

    def checkpoint(self, data: object) -> None:
        if data is None:
            self.fail("checkpoint", CheckCode.CHECKPOINT_MISSING)
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
            self.fail("checkpoint", CheckCode.CHECKPOINT_MALFORMED)
            return
        self.fact(FactCode.CHECKPOINT, f"entry {checkpoint.seq} at {checkpoint.at}")
        if self.key is None:
            self.fail("checkpoint", CheckCode.CHECKPOINT_NO_KEY)
        elif signing.ed25519_valid(self.key, checkpoint.signature, checkpoint.signed_bytes()):
            self.ok("checkpoint", CheckCode.CHECKPOINT_OK, seq=str(checkpoint.seq))
        else:
            self.fail("checkpoint", CheckCode.CHECKPOINT_INVALID)

    def report_pdf(self, case: dict[str, Any] | None, manifest: dict[str, str]) -> None:
        pdf = self.small(REPORT_PATH, PDF_LIMIT)
        if pdf is None:
            return
        result = signing.check_pdf_signature(pdf, self.trust.trust_roots)
        self.pdf = result
        subject = "data/report.pdf signature"
        if result.ok:
            if result.trusted:
                code = CheckCode.PDF_ORGANISATION
            elif result.self_signed:
                code = CheckCode.PDF_SELF_SIGNED
            else:
                code = CheckCode.PDF_UNTRUSTED
            self.ok(subject, code)
            self.fact(FactCode.PDF_SIGNER, result.subject)
            self.fact(FactCode.PDF_CERTIFICATE, result.certificate_sha256)
        elif result.problem:
            self.fail(
                subject, CheckCode.PDF_SIGNATURE_INVALID, problem="other", reason=result.problem
            )
        else:
            problem = (
                "multiple"
                if result.signatures > 1
                else "partial"
                if result.intact and result.valid
                else "broken"
            )
            self.fail(subject, CheckCode.PDF_SIGNATURE_INVALID, problem=problem)
        recorded = _get(case, "signatures", "pdf_certificate_sha256") if case else None
        if result.certificate_sha256 and recorded is not None:
            if recorded == result.certificate_sha256:
                self.ok(subject, CheckCode.PDF_CERTIFICATE_OK)
            else:
                self.fail(
                    subject,
                    CheckCode.PDF_CERTIFICATE_MISMATCH,
                    expected=result.certificate_sha256,
                    found=str(recorded),
                )
        if result.ok:
            self.binding(pdf, result.byte_range, case, manifest)

    def binding(
        self,
        pdf: bytes,
        byte_range: tuple[int, ...],
        case: dict[str, Any] | None,
        manifest: dict[str, str],
    ) -> None:
        """Compare the signed report's binding with the bag and signer.pem (DESIGN §6.2).

        Read from the signed revision: bytes appended after the signature cannot change it,
        and whoever replaced signer.pem or a payload file cannot change it without a new PDF
        signature, which only a known sender or a trust root can tell from the genuine one.
        """
        subject = "data/report.pdf binding"
        try:
            bound = read_binding(signed_revision(pdf, byte_range))
        except BindingError as exc:
            self.fail(subject, CheckCode.BINDING_MISSING, problem=exc.reason)
            return
        problems = len(self.checks)
        if self.key is not None:
            actual = signing.ed25519_fingerprint(self.key)
            if bound.ed25519_fingerprint != actual:
                self.fail(
                    subject,
                    CheckCode.BINDING_KEY_MISMATCH,
                    expected=bound.ed25519_fingerprint,
                    found=actual,
                )
        bundle_id = case.get("bundle_id") if case else None
        if isinstance(bundle_id, str) and bundle_id != bound.bundle_id:
            self.fail(
                "data/case.json",
                CheckCode.CASE_JSON_BUNDLE_MISMATCH,
                expected=bound.bundle_id,
                found=bundle_id,
            )
        named = bound.by_path()
        for rel in sorted(manifest):
            if rel == REPORT_PATH:
                continue
            entry = named.get(rel)
            if entry is None:
                self.fail(rel, CheckCode.BINDING_FILE_UNBOUND)
            elif entry.sha256 != manifest[rel]:
                self.fail(
                    rel, CheckCode.BINDING_FILE_MISMATCH, expected=entry.sha256, found=manifest[rel]
                )
            elif rel in self.files and entry.size != self.files[rel]:
                self.fail(
                    rel,
                    CheckCode.BINDING_FILE_MISMATCH,
                    expected=str(entry.size),
                    found=str(self.files[rel]),
                )
        for rel in sorted(set(named) - set(manifest)):
            self.fail(rel, CheckCode.BINDING_FILE_ABSENT)
        if len(self.checks) == problems and not any(
            self._same.get(c, 0) for c in _BINDING_PROBLEMS
        ):
            self.binding_ok = True
            self.ok(subject, CheckCode.BINDING_OK, count=str(len(bound.files)))

    def sender(self) -> Check:
        """Who sent it, from what the recipient knows; a wrong expected key is a problem."""
        key = self.facts.get(FactCode.SIGNER_KEY, "")
        certificate = self.pdf.certificate_sha256 if self.pdf is not None else ""
        unconfirmed = Check(
            "sender", False, CheckCode.SENDER_UNCONFIRMED, {"key": key, "certificate": certificate}
        )
        # Only a bag whose signed report binds this key and these files can be vouched for by
        # the report's certificate; the Ed25519 key vouches for the tag manifest itself.
        if not key or not self.binding_ok:
            return unconfirmed
        pins = {_plain(p) for p in self.trust.expect_keys}
        if pins:
            if key in pins or certificate in pins:
                return Check("sender", True, CheckCode.SENDER_CONFIRMED, {"by": "key", "name": ""})
            expected = ", ".join(sorted(pins))
            self.fail("sender", CheckCode.SENDER_KEY_MISMATCH, expected=expected, found=key)
            return unconfirmed
        for known in self.trust.known_senders:
            # The recipient confirmed both fingerprints together. A bundle matching only one was
            # made with one of the sender's credentials but not the other (a copied organisation
            # certificate on another vault, a new vault key): nothing confirmed vouches for it.
            if known.ed25519_fingerprint == key and (
                not known.certificate_sha256 or known.certificate_sha256 == certificate
            ):
                params = {"by": "known", "name": _shown(known.name)}
                return Check("sender", True, CheckCode.SENDER_CONFIRMED, params)
        if self.pdf is not None and self.pdf.trusted:
            params = {"by": "trust_root", "name": _shown(self.pdf.subject)}
            return Check("sender", True, CheckCode.SENDER_CONFIRMED, params)
        return unconfirmed

    tsa_roots: tuple[bytes, ...] = ()

    def trusted_time(self, tag_raw: bytes | None, case: dict[str, Any] | None) -> None:
        """The RFC 3161 token must be over this tag manifest, signed by the certificate it
        carries; whether its TSA is trusted is the recipient's call (``tsa_roots``)."""
        from exports import timestamp  # pyHanko's validator; only when there is a token

        token = self.small(TIMESTAMP_TOKEN, SMALL_LIMIT)
        claimed = _get(case, "trusted_time", "status") if case else None
        if token is None:
            if claimed == "stamped" and TIMESTAMP_TOKEN not in self.files:
                self.fail(TIMESTAMP_TOKEN, CheckCode.FILE_MISSING)
            self.facts[FactCode.TRUSTED_TIME] = "none"
            return
        if claimed not in ("stamped", "queued"):
            # No signature covers the token, and any home-made TSA signs any time: a bundle
            # whose signed case.json says it has no trusted time cannot be given some later.
            self.fail(TIMESTAMP_TOKEN, CheckCode.FILE_UNEXPECTED)
            self.facts[FactCode.TRUSTED_TIME] = "none"
            return
        if tag_raw is None:
            return
        result = timestamp.check_token(token, tag_raw, self.tsa_roots)
        params = {"time": result.gen_time, "tsa": result.tsa}
        if result.ok:
            when = f"{result.gen_time} by {result.tsa[:200]}"
            if result.trusted:
                self.facts[FactCode.TRUSTED_TIME] = when
            else:
                self.facts[FactCode.TRUSTED_TIME] = "none"
                self.facts[FactCode.CLAIMED_TIME] = when
            code = CheckCode.TIMESTAMP_TRUSTED if result.trusted else CheckCode.TIMESTAMP_OK
            self.ok(TIMESTAMP_TOKEN, code, **params)
            return
        failed = {
            timestamp.TokenProblem.MISMATCH: CheckCode.TIMESTAMP_MISMATCH,
            timestamp.TokenProblem.SIGNATURE: CheckCode.TIMESTAMP_INVALID,
            timestamp.TokenProblem.UNTRUSTED: CheckCode.TIMESTAMP_UNTRUSTED,
        }.get(result.problem, CheckCode.TIMESTAMP_MALFORMED)
        self.fail(TIMESTAMP_TOKEN, failed, **params)

    def evidence_records(self, case: dict[str, Any] | None, manifest: dict[str, str]) -> None:
        items = case.get("evidence") if case else None
        if not isinstance(items, list):
            return
        for item in items:
            if not isinstance(item, dict):
                self.fail("data/case.json", CheckCode.CASE_JSON_MALFORMED, problem="evidence")
                continue
            rel, recorded = item.get("file"), item.get("sha256")
            if not isinstance(rel, str) or not isinstance(recorded, str):
                self.fail("data/case.json", CheckCode.CASE_JSON_MALFORMED, problem="evidence")
                continue
            if manifest.get(rel) != recorded.lower():
                self.fail(
                    rel,
                    CheckCode.EVIDENCE_RECORD_MISMATCH,
                    expected=recorded.lower(),
                    found=manifest.get(rel, ""),
                )


_BINDING_PROBLEMS = (
    CheckCode.BINDING_KEY_MISMATCH,
    CheckCode.BINDING_FILE_MISMATCH,
    CheckCode.BINDING_FILE_UNBOUND,
    CheckCode.BINDING_FILE_ABSENT,
    CheckCode.CASE_JSON_BUNDLE_MISMATCH,
)


def _plain(fingerprint: str) -> str:
    return re.sub(r"[\s:]", "", fingerprint).lower()


def _get(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _unsafe(label: str, exc: UnsafeArchiveError) -> Verdict:
    reason = str(exc.detail or "")
    return Verdict(
        label, True, (Check("archive", False, CheckCode.UNSAFE_ARCHIVE, {"reason": reason}),)
    )


def verify_bundle(
    path: Path | str,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    limits: ZipLimits = DEFAULT_LIMITS,
    tsa_roots: Sequence[bytes] = (),
    trust: Trust | None = None,
    archive: BinaryIO | None = None,
) -> Verdict:
    """Check a bundle folder or ZIP; returns a verdict, never raises for bad content.

    ``archive``: the ZIP already in memory (a decrypted ``.age`` bundle at ``path``).

    ``trust`` is what the recipient knows from outside the bundle; without it every intact
    bundle is "intact, sender not confirmed" (exit 3).
    """
    path = Path(path)
    label = str(path)
    try:
        source = open_bundle(path, limits, archive=archive)
    except BundleUnreadableError as exc:
        reason = str(exc.detail or exc.message)
        return Verdict(
            label, False, (Check("bundle", False, CheckCode.UNREADABLE, {"reason": reason}),)
        )
    except UnsafeArchiveError as exc:
        return _unsafe(label, exc)
    except OSError as exc:
        reason = f"cannot be read ({type(exc).__name__})"
        return Verdict(
            label, False, (Check("bundle", False, CheckCode.UNREADABLE, {"reason": reason}),)
        )
    try:
        verifier = _Verifier(source, progress, cancel, trust or Trust())
        files = verifier.files
        if not any(r in files for r in ("bagit.txt", MANIFEST, TAGMANIFEST)) and not any(
            r.startswith("data/") for r in files
        ):
            return Verdict(label, False, (Check("bundle", False, CheckCode.NOT_A_BUNDLE),))
        verifier.tsa_roots = tuple(tsa_roots)  # DER certificates the recipient trusts
        verifier.run()
        sender = verifier.sender()  # may add a problem: a key other than the one expected
        return Verdict(label, True, tuple(verifier.checks), verifier.facts, sender)
    except UnsafeArchiveError as exc:
        return _unsafe(label, exc)
    finally:
        source.close()


__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_UNCONFIRMED",
    "EXIT_UNREADABLE",
    "FACT_LABELS",
    "BundleSource",
    "Check",
    "CheckCode",
    "FactCode",
    "KnownSender",
    "Trust",
    "Verdict",
    "VerdictCode",
    "describe",
    "open_bundle",
    "verify_bundle",
]
