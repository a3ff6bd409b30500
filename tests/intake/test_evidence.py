from __future__ import annotations

import io
import os
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intake import Intake
from intake.models import Acquisition, CustodyEventType
from vault.db import DatabaseError
from vault.errors import OperationCancelledError

from .conftest import raw_change


def _png_with_exif(path: Path) -> None:
    from PIL import Image

    image = Image.new("RGB", (4, 4), (200, 10, 10))
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    exif[0x0132] = "2026:02:01 10:00:00"  # DateTime
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    path.write_bytes(buffer.getvalue())


def _vault_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_ingest_numbers_and_metadata(intake: Intake, case_id: str, tmp_path: Path) -> None:
    photo = tmp_path / "IMG_0001.jpg"
    _png_with_exif(photo)
    os.utime(photo, (1_700_000_000, 1_700_000_000))
    chat = tmp_path / "chat.txt"
    chat.write_text("[10:01] recruiter: job in Constanța", encoding="utf-8")
    acquired = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
    acq = Acquisition(
        acquired_at=acquired,
        acquired_by="ana",
        acquired_from="survivor's phone",
        location="NGO office",
        method="screenshot export",
        tool="Android share",
        tool_version="14",
    )
    first = intake.evidence.ingest(case_id, photo, acquisition=acq, kind="photo")
    second = intake.evidence.ingest(case_id, chat, notes="chat export")
    assert (first.label, second.label) == ("E-0001", "E-0002")
    assert first.media_type == "image/jpeg"
    assert first.original_filename == "IMG_0001.jpg"
    assert first.original_metadata["exif"]["Image Make"] == "TestCam"
    assert first.original_metadata["filesystem"]["modified"].startswith("2023-11-14T22:13:20")
    assert first.acquisition == acq
    assert second.size == len(chat.read_bytes())
    events = intake.custody.events(first.evidence_id)
    assert [e.event_type for e in events] == [CustodyEventType.COLLECTED, CustodyEventType.INGESTED]
    assert events[0].at == acquired
    assert events[1].hash_observed == first.sha256
    # Numbers run per case.
    other = intake.cases.create("RO-2026-0099", "Other")
    assert intake.evidence.ingest(other.case_id, chat).label == "E-0001"
    assert intake.evidence.by_label(case_id, "e-0002").evidence_id == second.evidence_id
    with intake.evidence.open_original(second.evidence_id, purpose="review") as chunks:
        assert b"".join(chunks) == chat.read_bytes()
    assert intake.custody.events(second.evidence_id)[-1].event_type is CustodyEventType.VIEWED


def test_original_fields_are_immutable(intake: Intake, case_id: str, tmp_path: Path) -> None:
    f = tmp_path / "f.bin"
    f.write_bytes(b"\x00" * 10)
    item = intake.evidence.ingest(case_id, f)
    for sql in (
        "UPDATE evidence SET sha256 = 'forged' WHERE evidence_id = ?",
        "UPDATE evidence SET original_filename = 'x' WHERE evidence_id = ?",
        "UPDATE custody_events SET hash_observed = 'x' WHERE evidence_id = ?",
        "DELETE FROM custody_events WHERE evidence_id = ?",
    ):
        with pytest.raises(DatabaseError):
            raw_change(intake.vault, sql, (item.evidence_id,))
    described = intake.evidence.update_description(item.evidence_id, notes="zeros")
    assert described.notes == "zeros"
    assert described.sha256 == item.sha256


def test_cancelled_ingest_leaves_nothing(intake: Intake, case_id: str, tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(3 * 1024 * 1024 + 5))
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        cancel.set()  # cancel after the first chunk

    before_files = _vault_files(intake.vault.path)
    audit_before = len(intake.vault.audit_entries(limit=100000))
    with pytest.raises(OperationCancelledError):
        intake.evidence.ingest(case_id, big, progress=progress, cancel=cancel)
    assert seen
    assert intake.evidence.list_for_case(case_id) == []
    assert intake.vault.read("SELECT count(*) FROM vault_blobs")[0][0] == 0
    assert not any((intake.vault.path / "tmp").iterdir())
    assert not list((intake.vault.path / "blobs").rglob("*/*"))
    after_files = [p for p in _vault_files(intake.vault.path) if p.name not in ("vault.db-wal",)]
    assert {p.name for p in after_files} <= {p.name for p in before_files} | {"vault.db-wal"}
    assert len(intake.vault.audit_entries(limit=100000)) == audit_before


def test_batch_ingest_progress(intake: Intake, case_id: str, tmp_path: Path) -> None:
    files = []
    for n in range(3):
        f = tmp_path / f"f{n}.txt"
        f.write_bytes(b"x" * (1000 * (n + 1)))
        files.append(f)
    reports: list[tuple[int, int]] = []
    items = intake.evidence.ingest_many(
        case_id, files, progress=lambda d, t: reports.append((d, t))
    )
    assert [i.label for i in items] == ["E-0001", "E-0002", "E-0003"]
    assert reports[-1] == (6000, 6000)
    assert all(d <= t for d, t in reports)
    assert [d for d, _ in reports] == sorted(d for d, _ in reports)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(OperationCancelledError):
        intake.evidence.ingest_many(case_id, files, cancel=cancel)
    assert len(intake.evidence.list_for_case(case_id)) == 3


def test_reverify_adds_verified_event(intake: Intake, case_id: str, tmp_path: Path) -> None:
    f = tmp_path / "doc.pdf"
    f.write_bytes(b"%PDF-1.4 test")
    item = intake.evidence.ingest(case_id, f)
    result = intake.evidence.reverify(item.evidence_id)
    assert result.matches
    assert result.observed_sha256 == item.sha256
    assert result.event.event_type is CustodyEventType.VERIFIED
    assert result.event.hash_observed == item.sha256
    # Damage the blob: re-verification records the failure instead of raising.
    blob = intake.vault.blobs.path_of(item.blob_id)
    data = bytearray(blob.read_bytes())
    data[-1] ^= 1
    blob.write_bytes(bytes(data))
    bad = intake.evidence.reverify(item.evidence_id)
    assert not bad.matches
    assert bad.observed_sha256 == ""
    assert intake.custody.events(item.evidence_id)[-1].event_type is CustodyEventType.VERIFIED


def test_custody_record(intake: Intake, case_id: str, tmp_path: Path) -> None:
    f = tmp_path / "f.txt"
    f.write_text("x")
    item = intake.evidence.ingest(case_id, f)
    event = intake.custody.record(
        item.evidence_id,
        "transferred",
        from_party="ana",
        to_party="DIICOT Constanța",
        purpose="criminal investigation",
        authority_ref="dosar 123/P/2026",
        method="encrypted USB, hand delivery",
        hash_observed=item.sha256,
    )
    assert event.to_party == "DIICOT Constanța"
    assert [e.event_type for e in intake.custody.events_for_case(case_id)][-1] == "transferred"
