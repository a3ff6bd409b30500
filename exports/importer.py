"""Importing a bundle into a vault (DESIGN §7): verified first, recorded all at once.

The order is the safety: (1) an encrypted bundle is decrypted into memory, never to disk;
(2) it is verified like ``custodia verify`` and refused unless intact, and unless its sender is
confirmed (``--expect-key``, or a known sender of this vault's address book); (3) a bundle this
vault already received adds nothing; (4) every original is streamed into a vault blob, its
SHA-256 re-computed while encrypting and compared with the bundle's manifest and case.json;
(5) one transaction records the case (``intake.received``); people and statements the case
already holds from an earlier bundle of the same sender (matched on the sender's ids and
hashes recorded then, never on names) are linked to, not added twice. Until that commit
nothing of the case exists; the staged blobs are discarded on any failure or cancel, and after
a SIGKILL the next open of the vault removes them (no row refers to them).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

from exports import verify as verifymod
from exports.address_book import AddressBook, receiving_identity
from exports.bag import MANIFEST
from exports.encryption import decrypt_bundle, is_age_file, read_identity_file
from exports.errors import ExportError
from exports.model import Progress
from intake import received as rec
from intake.service import open_intake
from vault import Vault, roles
from vault.blobs import BlobInfo
from vault.errors import OperationCancelledError

log = logging.getLogger(__name__)

TEXT_LIMIT = 64 << 20


class ImportRefusedError(ExportError):
    """Not intact, or unreadable: nothing was imported. ``verdict`` says why."""

    code = "import.not_intact"
    message = "Refused: the bundle is not intact, so nothing was imported."

    def __init__(self, verdict: verifymod.Verdict | None = None, detail: str | None = None):
        super().__init__(detail)
        self.verdict = verdict


class SenderNotConfirmedError(ExportError):
    """Intact, but nobody confirmed who sent it: confirm the fingerprints first."""

    code = "import.sender_not_confirmed"
    message = "The bundle is intact but its sender is not confirmed; confirm the sender first."

    def __init__(self, verdict: verifymod.Verdict | None = None):
        super().__init__(None)
        self.verdict = verdict


class ImportMismatchError(ExportError):
    code = "import.mismatch"
    message = "Refused: a file of the bundle does not match its recorded hash."


@dataclass(frozen=True)
class ImportOutcome:
    case_id: str
    reference: str
    bundle_id: str
    evidence: int
    statements: int
    people: int
    already: bool  # the same bundle was imported before: nothing was added
    sender: str


class _ChunkReader(io.RawIOBase):
    """A file-like view of a ZIP entry's chunks, for the vault's streaming encryption."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self._chunks = chunks
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self._buffer:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._buffer = chunk
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def open_bundle(
    vault: Vault | None,
    path: Path,
    *,
    identity_file: Path | str | None = None,
    passphrase: str | None = None,
) -> BinaryIO | None:
    """The decrypted ZIP in memory for a ``.age`` file (``None`` for a plain folder or ZIP)."""
    if not is_age_file(path):
        return None
    if identity_file is not None:
        identities = read_identity_file(identity_file)
    elif vault is not None and not passphrase:
        identities = [receiving_identity(vault)]
    else:
        identities = []
    return decrypt_bundle(path, identities=identities, passphrase=passphrase)


def _sender_name(vault: Vault, verdict: verifymod.Verdict, key: str) -> str:
    if verdict.sender is not None and verdict.sender.params.get("name"):
        return verdict.sender.params["name"]
    entry = AddressBook(vault).by_fingerprint(key)
    return entry.name if entry is not None else f"Ed25519 {key[:16]}"


def import_bundle(
    vault: Vault,
    path: Path | str,
    *,
    case_reference: str = "",
    expect_keys: Sequence[str] = (),
    identity_file: Path | str | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportOutcome:
    vault.require(roles.CASE_WORK)
    open_intake(vault)  # the intake tables, in a vault that has none yet
    path = Path(path)
    archive = open_bundle(vault, path, identity_file=identity_file, passphrase=passphrase)
    book = AddressBook(vault)
    known = tuple(
        verifymod.KnownSender(e.name, e.ed25519_fingerprint, e.certificate_sha256)
        for e in book.entries()
        if e.ed25519_fingerprint
    )
    trust = verifymod.Trust(expect_keys=tuple(expect_keys), known_senders=known)

    def first_half(done: int, total: int) -> None:
        if progress is not None:
            progress(done, 2 * max(total, 1))

    verdict = verifymod.verify_bundle(
        path, archive=archive, trust=trust, progress=first_half, cancel=cancel
    )
    if not verdict.ok:
        log.info("import refused: bundle not intact")
        raise ImportRefusedError(verdict)
    if not verdict.confirmed:
        log.info("import refused: sender not confirmed")
        raise SenderNotConfirmedError(verdict)
    if archive is not None:
        archive.seek(0)
    source = verifymod.open_bundle(path, archive=archive)
    staged: list[str] = []
    try:
        document = json.loads(source.read_small("data/case.json", TEXT_LIMIT))
        manifest = verifymod.parse_manifest(source.read_small(MANIFEST, TEXT_LIMIT), MANIFEST, [])
        bundle_id = str(document["bundle_id"])
        key = verdict.fact_codes.get(verifymod.FactCode.SIGNER_KEY, "")
        sender = _sender_name(vault, verdict, key)
        earlier = rec.already_received(vault, bundle_id)
        if earlier is not None:
            row = vault.read_one("SELECT reference FROM cases WHERE case_id = ?", (earlier,))
            log.info("bundle %s was imported before: nothing added", bundle_id)
            return ImportOutcome(
                earlier, str(row[0]) if row else "", bundle_id, 0, 0, 0, True, sender
            )
        evidence_total = sum(int(e["size"]) for e in document["evidence"])
        done = 0

        def second_half(amount: int, _total: int, base: int = 0) -> None:
            if progress is not None:
                progress(evidence_total + base + amount, 2 * max(evidence_total, 1))

        received_items: list[rec.ReceivedEvidence] = []
        for item in document["evidence"]:
            rel = str(item["file"])
            expected = str(item["sha256"]).lower()
            if manifest.get(rel) != expected:
                raise ImportMismatchError(str(item["number"]))
            with source.open(rel) as chunks:
                base = done

                def item_progress(amount: int, total: int, base: int = base) -> None:
                    second_half(amount, total, base)

                info: BlobInfo = vault.blobs.ingest_stream(
                    cast(BinaryIO, _ChunkReader(chunks)),
                    total=int(item["size"]),
                    progress=item_progress,
                    cancel=cancel,
                )
            staged.append(info.blob_id)
            if info.sha256 != expected or info.size != int(item["size"]):
                raise ImportMismatchError(str(item["number"]))
            done += info.size
            received_items.append(
                rec.ReceivedEvidence(
                    number=str(item["number"]),
                    kind=str(item.get("kind") or ""),
                    original_filename=str(item["original_filename"]),
                    media_type=str(item.get("media_type") or "application/octet-stream"),
                    sha256=expected,
                    acquisition=dict(item.get("acquisition") or {}),
                    notes=str(item.get("notes") or ""),
                    blob=info,
                    custody=list(item.get("custody") or []),
                    evidence_id=str(item.get("evidence_id") or ""),
                )
            )
        statements: list[rec.ReceivedStatement] = []
        for st in document["statements"]:
            rel = str(st["file"])
            raw = source.read_small(rel, TEXT_LIMIT)
            digest = hashlib.sha256(raw).hexdigest()
            if manifest.get(rel) != digest:
                raise ImportMismatchError(rel)
            addenda: list[tuple[str, str, str]] = []
            for number, addendum in enumerate(st.get("addenda") or [], start=1):
                extra = rel.removesuffix(".txt") + f".addendum-{number}.txt"
                text = source.read_small(extra, TEXT_LIMIT)
                if manifest.get(extra) != hashlib.sha256(text).hexdigest():
                    raise ImportMismatchError(extra)
                addenda.append(
                    (text.decode("utf-8"), str(addendum.get("at") or ""), str(addendum["author"]))
                )
            # A partner bundle's redacted copy never carries the original's hash (§8): the
            # received document is then the redacted text, under its own hash.
            original = str(st.get("text_sha256") or "").lower()
            statements.append(
                rec.ReceivedStatement(
                    person_id=st.get("person_id"),
                    kind=str(st.get("kind") or "verbatim"),
                    language=str(st.get("language") or ""),
                    text=raw.decode("utf-8"),
                    text_sha256=original if original == digest else digest,
                    finalised_at=str(st.get("finalised_at") or ""),
                    finalised_by=str(st.get("finalised_by") or ""),
                    addenda=addenda,
                    statement_id=str(st.get("statement_id") or ""),
                )
            )
        people = [
            rec.ReceivedPerson(
                person_id=str(p["person_id"]),
                role=str(p["role"]),
                pseudonym=str(p["pseudonym"]),
                protected=dict(p.get("protected") or {}),
                flags=dict(p.get("flags") or {}),
                consent=p.get("consent"),
            )
            for p in document["people"]
        ]
        if cancel is not None and cancel.is_set():
            raise OperationCancelledError()
        case = document["case"]
        signatures = document.get("signatures") or {}
        recorded = rec.record_received(
            vault,
            rec.ReceivedBundle(
                bundle_id=bundle_id,
                tagmanifest_sha256=hashlib.sha256(
                    source.read_small(verifymod.TAGMANIFEST, TEXT_LIMIT)
                ).hexdigest(),
                reference=str(case["reference"]),
                title=str(case.get("title") or ""),
                jurisdiction=str(case.get("jurisdiction") or ""),
                sender_name=sender,
                sender_fingerprint=key,
                certificate_sha256=str(signatures.get("pdf_certificate_sha256") or ""),
                people=people,
                statements=statements,
                evidence=received_items,
            ),
            case_reference=case_reference,
        )
    except (KeyError, TypeError, ValueError, UnicodeDecodeError) as exc:
        for blob_id in staged:
            vault.discard_unregistered_blob(blob_id)
        raise ImportRefusedError(verdict, f"case.json: {type(exc).__name__}") from exc
    except BaseException:
        for blob_id in staged:
            with contextlib.suppress(Exception):
                vault.discard_unregistered_blob(blob_id)
        raise
    finally:
        source.close()
    case_id = recorded.case_id
    row = vault.read_one("SELECT reference FROM cases WHERE case_id = ?", (case_id,))
    log.info("bundle %s imported into case %s", bundle_id, case_id)
    # The counts are what this import added: people and statements the case already held
    # from the same sender are linked to, not counted again.
    return ImportOutcome(
        case_id,
        str(row[0]),
        bundle_id,
        recorded.evidence,
        recorded.statements,
        recorded.people,
        False,
        sender,
    )


__all__ = [
    "ImportMismatchError",
    "ImportOutcome",
    "ImportRefusedError",
    "SenderNotConfirmedError",
    "import_bundle",
    "open_bundle",
]
