"""Evidence: streaming ingest with progress and cancel, numbering, acquisition, re-verification.

The original is immutable: its bytes live encrypted in a vault blob and the descriptive fields
that identify it (name, type, size, hash, acquisition, original metadata) are fixed by a trigger.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import mimetypes
import os
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from intake._base import (
    Columns,
    Row,
    Service,
    case_row,
    dumps,
    insert_row,
    new_id,
    parse_dt,
    parse_opt_dt,
    scalar,
    to_iso,
    translated_db_errors,
)
from intake.custody import CustodyService, insert_event
from intake.errors import (
    CaseClosedError,
    CaseNotFoundError,
    EvidenceNotFoundError,
    PersonNotFoundError,
)
from intake.models import Acquisition, CustodyEventType, Evidence, ReverifyResult, evidence_label
from intake.search import extract_evidence_text, index_record
from resources.i18n import NC_
from vault import Transaction
from vault.blobs import BlobInfo, BlobReader
from vault.errors import BlobError, OperationCancelledError, SourceUnreadableError

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

EVIDENCE = Columns.of(Evidence)
MAX_EXIF_TAGS = 200
MAX_EXIF_VALUE = 500
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
_EXIF_TYPES = ("image/jpeg", "image/png", "image/tiff", "image/webp", "image/heic")


def acquisition_json(acq: Acquisition) -> str:
    return dumps(
        {
            "acquired_at": to_iso(acq.acquired_at) if acq.acquired_at else None,
            "acquired_by": acq.acquired_by,
            "acquired_from": acq.acquired_from,
            "acquired_from_person_id": acq.acquired_from_person_id,
            "location": acq.location,
            "method": acq.method,
            "tool": acq.tool,
            "tool_version": acq.tool_version,
            "source_url": acq.source_url,
        }
    )


def _acquisition_from_json(text: str) -> Acquisition:
    data = json.loads(text)
    return Acquisition(
        acquired_at=parse_opt_dt(data["acquired_at"]),
        acquired_by=data["acquired_by"],
        acquired_from=data["acquired_from"],
        acquired_from_person_id=data["acquired_from_person_id"],
        location=data["location"],
        method=data["method"],
        tool=data["tool"],
        tool_version=data["tool_version"],
        source_url=data["source_url"],
    )


def evidence_from_row(row: Row) -> Evidence:
    return Evidence(
        evidence_id=row["evidence_id"],
        case_id=row["case_id"],
        number=int(row["number"]),
        kind=row["kind"],
        blob_id=row["blob_id"],
        original_filename=row["original_filename"],
        media_type=row["media_type"],
        size=int(row["size"]),
        sha256=row["sha256"],
        acquisition=_acquisition_from_json(row["acquisition"]),
        original_metadata=json.loads(row["original_metadata"]),
        notes=row["notes"],
        ingested_at=parse_dt(row["ingested_at"]),
        ingested_by=row["ingested_by"],
    )


def sniff_media_type(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise SourceUnreadableError(f"errno {exc.errno}") from exc
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def read_exif(path: Path) -> dict[str, str]:
    """EXIF tags as text (thumbnails and maker notes left out). Never raises on bad input."""
    import exifread

    try:
        with open(path, "rb") as handle:
            tags = exifread.process_file(handle, details=False)
    except Exception:  # noqa: BLE001 - hostile or odd files must not stop an ingest
        log.info("EXIF of an ingested file could not be read")
        return {}
    result: dict[str, str] = {}
    for name in sorted(tags):
        if name.startswith("JPEGThumbnail") or name.startswith("Thumbnail") or "MakerNote" in name:
            continue
        result[str(name)] = str(tags[name])[:MAX_EXIF_VALUE]
        if len(result) >= MAX_EXIF_TAGS:
            break
    return result


def original_metadata(path: Path, media_type: str) -> dict[str, Any]:
    """What the file system and the file itself say about the original, kept as found."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise SourceUnreadableError(f"errno {exc.errno}") from exc
    metadata: dict[str, Any] = {
        "filesystem": {
            "name": path.name,
            "size": st.st_size,
            "modified": to_iso(datetime.fromtimestamp(st.st_mtime, UTC)),
            "accessed": to_iso(datetime.fromtimestamp(st.st_atime, UTC)),
            "changed": to_iso(datetime.fromtimestamp(st.st_ctime, UTC)),
            "mode": oct(st.st_mode & 0o7777),
        }
    }
    birth = getattr(st, "st_birthtime", None)
    if birth is not None:
        metadata["filesystem"]["created"] = to_iso(datetime.fromtimestamp(birth, UTC))
    if media_type in _EXIF_TYPES:
        exif = read_exif(path)
        if exif:
            metadata["exif"] = exif
    return metadata


def insert_evidence(
    tx: Transaction,
    *,
    case_id: str,
    evidence_id: str,
    blob: BlobInfo,
    kind: str,
    original_filename: str,
    media_type: str,
    acquisition: str,
    acquired_from_person_id: str | None,
    original_metadata: Mapping[str, Any],
    notes: str,
    actor: str,
    audit_action: str = "evidence.ingested",
    audit_extra: Mapping[str, Any] | None = None,
) -> int:
    """Register ``blob`` as the case's next item ``E-nnnn``, its row and its audit entry.

    ``acquisition`` is the JSON text of the acquisition; returns the item's number. Used for a
    file ingested, a chat export's media and an item received in a bundle.
    """
    tx.register_blob(blob)
    tx.execute("UPDATE cases SET evidence_seq = evidence_seq + 1 WHERE case_id = ?", (case_id,))
    number = int(scalar(tx, "evidence_seq", "FROM cases WHERE case_id = ?", (case_id,)))
    insert_row(
        tx,
        "evidence",
        {
            "evidence_id": evidence_id,
            "case_id": case_id,
            "number": number,
            "kind": kind,
            "blob_id": blob.blob_id,
            "original_filename": original_filename,
            "media_type": media_type,
            "size": blob.size,
            "sha256": blob.sha256,
            "acquisition": acquisition,
            "original_metadata": dumps(original_metadata),
            "notes": notes,
            "ingested_at": tx.at,
            "ingested_by": actor,
            "acquired_from_person_id": acquired_from_person_id,
        },
    )
    tx.audit(
        audit_action,
        evidence_id,
        {
            "case_id": case_id,
            "number": evidence_label(number),
            "blob_id": blob.blob_id,
            "sha256": blob.sha256,
            "size": blob.size,
            **(audit_extra or {}),
        },
    )
    return number


def _index_evidence(tx: Transaction, evidence_id: str) -> None:
    # Label, file name, kind, notes and the acquisition's words (intake.search).
    index_record(tx, "evidence", evidence_id)


class EvidenceService(Service):
    def ingest(
        self,
        case_id: str,
        path: Path | str,
        *,
        kind: str = "",
        acquisition: Acquisition | None = None,
        notes: str = "",
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        extra_metadata: Mapping[str, Any] | None = None,
    ) -> Evidence:
        """Encrypt ``path`` into the vault and register it as the case's next ``E-nnnn``.

        ``extra_metadata`` joins the preserved original metadata under its own keys (e.g. what a
        web capture observed: redirects, HTTP headers, TLS certificate), fixed like the rest.

        One transaction writes the row, the custody events ("collected" when the acquisition
        says when, then "ingested" with the observed hash) and the audit entry. A cancelled or
        failed ingest leaves no blob, no row and no temporary file
        (raises :class:`vault.errors.OperationCancelledError`).
        """
        path = Path(path)
        acquisition = acquisition or Acquisition()
        self._check_case(case_id, acquisition)
        media_type = sniff_media_type(path)
        metadata = original_metadata(path, media_type)
        metadata.update(extra_metadata or {})
        info = self._vault.ingest_file(path, progress=progress, cancel=cancel)
        evidence_id = new_id()
        try:
            if cancel is not None and cancel.is_set():
                raise OperationCancelledError()
            with self._vault.transaction() as tx, translated_db_errors():
                case_row(tx, case_id)
                insert_evidence(
                    tx,
                    case_id=case_id,
                    evidence_id=evidence_id,
                    blob=info,
                    kind=kind,
                    original_filename=path.name,
                    media_type=media_type,
                    acquisition=acquisition_json(acquisition),
                    acquired_from_person_id=acquisition.acquired_from_person_id,
                    original_metadata=metadata,
                    notes=notes,
                    actor=self._vault.actor,
                )
                if acquisition.acquired_at is not None:
                    insert_event(
                        tx,
                        self._vault.actor,
                        evidence_id,
                        CustodyEventType.COLLECTED,
                        at=acquisition.acquired_at,
                        actor=acquisition.acquired_by or self._vault.actor,
                        from_party=acquisition.acquired_from,
                        method=acquisition.method,
                    )
                insert_event(
                    tx,
                    self._vault.actor,
                    evidence_id,
                    CustodyEventType.INGESTED,
                    to_party=self._vault.actor,
                    # Stored in English; the app shows it translated (context "Custody").
                    method=NC_("Custody", "encrypted into the vault (streaming AES-256-GCM)"),
                    hash_observed=info.sha256,
                )
                _index_evidence(tx, evidence_id)
        except BaseException:
            self._vault.discard_unregistered_blob(info.blob_id)
            raise
        log.info("evidence %s ingested into case %s", evidence_id, case_id)
        # Its text into the search index, read from the decrypted original in memory; a file
        # that cannot be read is recorded and retried later, never an ingest failure.
        extract_evidence_text(self._vault, evidence_id)
        return self.get(evidence_id)

    def ingest_many(
        self,
        case_id: str,
        paths: Sequence[Path | str],
        *,
        kind: str = "",
        acquisition: Acquisition | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        on_item: Callable[[int, Evidence], None] | None = None,
    ) -> list[Evidence]:
        """Ingest several files in order; ``progress(done_bytes, total_bytes)`` covers the batch.

        Each file is its own transaction: on cancel, the items already ingested stay (they are
        complete and audited), the one in flight leaves nothing, and the cancel is raised.
        """
        files = [Path(p) for p in paths]
        sizes = []
        for file in files:
            try:
                sizes.append(file.stat().st_size)
            except OSError as exc:
                raise SourceUnreadableError(f"item {len(sizes) + 1}: errno {exc.errno}") from exc
        total = sum(sizes) or 1
        done_before = 0
        results: list[Evidence] = []
        for index, (file, size) in enumerate(zip(files, sizes, strict=True)):
            if cancel is not None and cancel.is_set():
                raise OperationCancelledError()
            base = done_before

            def item_progress(done: int, _total: int, base: int = base) -> None:
                if progress is not None:
                    progress(min(base + done, total), total)

            item = self.ingest(
                case_id,
                file,
                kind=kind,
                acquisition=acquisition,
                progress=item_progress,
                cancel=cancel,
            )
            results.append(item)
            done_before += size
            if progress is not None:
                progress(min(done_before, total), total)
            if on_item is not None:
                on_item(index, item)
        return results

    def _check_case(self, case_id: str, acquisition: Acquisition) -> None:
        """Fail before the (possibly long) encryption when the case cannot take the item."""
        status = scalar(self._vault, "status", "FROM cases WHERE case_id = ?", (case_id,))
        if status is None:
            raise CaseNotFoundError(case_id)
        if status != "open":
            raise CaseClosedError(case_id)
        person = acquisition.acquired_from_person_id
        if person is not None:
            owner = scalar(self._vault, "case_id", "FROM people WHERE person_id = ?", (person,))
            if owner != case_id:
                raise PersonNotFoundError(person)

    def get(self, evidence_id: str) -> Evidence:
        row = EVIDENCE.fetch_one(self._vault, "FROM evidence WHERE evidence_id = ?", (evidence_id,))
        if row is None:
            raise EvidenceNotFoundError(evidence_id)
        return evidence_from_row(row)

    def by_label(self, case_id: str, label: str) -> Evidence:
        """The item ``E-0007`` (or ``7``) of a case."""
        text = label.strip().upper().removeprefix("E-")
        if not text.isdigit():
            raise EvidenceNotFoundError()
        row = EVIDENCE.fetch_one(
            self._vault, "FROM evidence WHERE case_id = ? AND number = ?", (case_id, int(text))
        )
        if row is None:
            raise EvidenceNotFoundError()
        return evidence_from_row(row)

    def list_for_case(self, case_id: str) -> list[Evidence]:
        rows = EVIDENCE.fetch_all(
            self._vault, "FROM evidence WHERE case_id = ? ORDER BY number", (case_id,)
        )
        return [evidence_from_row(r) for r in rows]

    def update_description(
        self, evidence_id: str, *, notes: str | None = None, kind: str | None = None
    ) -> Evidence:
        """Change the descriptive notes or kind; the original and its record stay untouched."""
        changes: dict[str, str] = {}
        if notes is not None:
            changes["notes"] = notes
        if kind is not None:
            changes["kind"] = kind
        with self._vault.transaction() as tx, translated_db_errors():
            if (
                tx.execute(
                    "SELECT 1 FROM evidence WHERE evidence_id = ?", (evidence_id,)
                ).fetchone()
                is None
            ):
                raise EvidenceNotFoundError(evidence_id)
            if changes:
                assignments = ", ".join(f"{name} = ?" for name in changes)
                tx.execute(
                    f"UPDATE evidence SET {assignments} WHERE evidence_id = ?",
                    (*changes.values(), evidence_id),
                )
                _index_evidence(tx, evidence_id)
                tx.audit("evidence.described", evidence_id, {"fields": sorted(changes)})
        return self.get(evidence_id)

    @contextlib.contextmanager
    def open_original(
        self, evidence_id: str, *, purpose: str = "", record_view: bool = True
    ) -> Iterator[Iterator[bytes]]:
        """Authenticated plaintext chunks of the original.

        Records a "viewed" custody event first unless ``record_view`` is false (exports record
        their own "exported" event through ``CustodyService.record``).
        """
        item = self.get(evidence_id)
        if record_view:
            with self._vault.transaction() as tx:
                insert_event(
                    tx, self._vault.actor, evidence_id, CustodyEventType.VIEWED, purpose=purpose
                )
        with self._vault.blobs.open_plaintext(item.blob_id) as chunks:
            yield chunks

    def open_reader(self, evidence_id: str, *, purpose: str = "") -> BlobReader:
        """A random-access reader of the original (for viewers that seek: PDF, audio, video).

        Records a "viewed" custody event first. The caller closes the reader, at the latest
        when the vault locks: it holds the blob's key.
        """
        item = self.get(evidence_id)
        with self._vault.transaction() as tx:
            insert_event(
                tx, self._vault.actor, evidence_id, CustodyEventType.VIEWED, purpose=purpose
            )
        return self._vault.blobs.open_reader(item.blob_id)

    def reverify(
        self,
        evidence_id: str,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> ReverifyResult:
        """Decrypt the blob, recompute its SHA-256 and add a "verified" custody event with the
        observed hash (also when it does not match, or the blob fails to authenticate).
        """
        item = self.get(evidence_id)
        digest = hashlib.sha256()
        done = 0
        failure = ""
        try:
            with self._vault.blobs.open_plaintext(item.blob_id) as chunks:
                for chunk in chunks:
                    if cancel is not None and cancel.is_set():
                        raise OperationCancelledError()
                    digest.update(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, max(item.size, done))
        except BlobError as exc:
            failure = exc.code
        observed = "" if failure else digest.hexdigest()
        matches = not failure and observed == item.sha256 and done == item.size
        if matches:
            notes = NC_("Custody", "matches the hash recorded at ingest")
        elif failure:
            notes = f"the encrypted file could not be read ({failure})"
        else:
            notes = NC_("Custody", "DOES NOT MATCH the hash recorded at ingest")
        with self._vault.transaction() as tx:
            event_id = insert_event(
                tx,
                self._vault.actor,
                evidence_id,
                CustodyEventType.VERIFIED,
                method=NC_("Custody", "decrypted and re-hashed (SHA-256)"),
                hash_observed=observed,
                notes=notes,
            )
        if not matches:
            log.warning("evidence %s failed re-verification", evidence_id)
        event = CustodyService(self._vault).get(event_id)
        return ReverifyResult(evidence_id, matches, item.sha256, observed, event)
