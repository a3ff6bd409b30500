"""Evidence viewers over a real temporary vault: PDF pages and audio read through a decrypting
device with no plaintext written anywhere, a picture's camera and GPS position, a cp1251 text,
a working copy recorded in custody, and a copy for another application removed at lock."""

from __future__ import annotations

import io
import math
import os
import secrets
import struct
import time
import wave
from pathlib import Path

import pytest

from intake import open_intake
from intake.models import CustodyEventType
from tests.reliability.crash_harness import new_temp_files
from tests.reliability.helpers import files_under, find_markers
from tests.reliability.test_plaintext_scan import cache_files
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE, FakeClock
from ui.evidence.evidence_tab import EvidenceTab
from ui.session import Session
from vault import Vault


@pytest.fixture
def vault(tmp_path):
    v, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    yield v
    if v.is_open:
        v.lock()


def pdf_bytes(marker: str, pages: int = 3) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pageCompression=0)
    pdf.setTitle(f"Title {marker}")
    for page in range(pages):
        pdf.drawString(72, 720, f"Page {page + 1}: the driver {marker} kept the passports.")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def wav_bytes(marker: str, seconds: float = 1.0) -> bytes:
    """A tone with the marker in its RIFF INFO comment (what a recorder writes as tags)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        frames = int(8000 * seconds)
        out.writeframes(
            b"".join(struct.pack("<h", int(8000 * math.sin(i / 8))) for i in range(frames))
        )
    data = bytearray(buffer.getvalue())
    text = marker.encode() + b"\0"
    text += b"\0" * (len(text) % 2)
    info = b"INFO" + b"ICMT" + struct.pack("<I", len(text)) + text
    data += b"LIST" + struct.pack("<I", len(info)) + info
    struct.pack_into("<I", data, 4, len(data) - 8)
    return bytes(data)


def jpeg_with_gps() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (64, 48), (200, 50, 50))
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS 80D"
    exif.get_ifd(0x8769)[0x9003] = "2026:03:01 10:15:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (44.0, 10.0, 25.68)
    gps[3], gps[4] = "E", (28.0, 38.0, 17.88)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def _tab(qtbot, intake, case_id):
    tab = EvidenceTab(intake.evidence, intake.custody, intake.people, case_id, "ana")
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    return tab


def _ingest(intake, case_id, folder: Path, name: str, data: bytes):
    folder.mkdir(exist_ok=True)
    source = folder / name
    source.write_bytes(data)
    return intake.evidence.ingest(case_id, source)


def _view(qtbot, tab, item):
    tab.refresh(select=item.evidence_id)
    job = tab.preview.load()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=20_000):
        pass
    return tab.preview


def test_pdf_and_audio_are_viewed_with_no_plaintext_written(qtbot, vault, tmp_path):
    from PySide6.QtMultimedia import QMediaMetaData, QMediaPlayer

    since = time.time() - 1
    marker = "Mrk" + secrets.token_hex(12)
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-1601", "Viewers")
    sources = tmp_path / "sources"
    pdf = _ingest(intake, case.case_id, sources, "contract.pdf", pdf_bytes(marker))
    audio = _ingest(intake, case.case_id, sources, "call.wav", wav_bytes(marker))
    tab = _tab(qtbot, intake, case.case_id)
    tab.detail_tabs.setCurrentWidget(tab.preview)
    tab.show()

    preview = _view(qtbot, tab, pdf)
    assert preview.kind == "pdf"
    viewer = preview.pdf_viewer
    assert preview.pages.currentWidget() is viewer
    assert viewer.document.pageCount() == 3
    assert marker in viewer.document.getAllText(2).text()
    assert not viewer.document.render(0, viewer.view.size()).isNull()
    viewer.page.setValue(3)

    preview = _view(qtbot, tab, audio)
    assert preview.kind == "audio"
    player = preview.media_viewer.player
    qtbot.waitUntil(
        lambda: (
            player.mediaStatus()
            in (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.InvalidMedia)
        ),
        timeout=20_000,
    )
    assert player.mediaStatus() == QMediaPlayer.MediaStatus.LoadedMedia
    assert 900 <= player.duration() <= 1100
    assert marker in player.metaData().stringValue(QMediaMetaData.Key.Comment)
    player.play()
    qtbot.waitUntil(lambda: player.position() > 0, timeout=20_000)

    viewed = [
        e for e in intake.custody.events(pdf.evidence_id) if e.event_type == CustodyEventType.VIEWED
    ]
    assert len(viewed) == 1
    tab.preview.show_item(None)
    tab.close()
    intake.close()
    vault.lock()

    markers = [marker]
    assert not find_markers(files_under(tmp_path / "v"), markers)
    assert not find_markers(new_temp_files(since), markers)
    assert not find_markers(cache_files(since), markers)
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        recent = [
            p for p in files_under(Path(runtime)) if p.is_file() and p.stat().st_mtime >= since
        ]
        assert not find_markers(recent, markers)
    # The sources (the only plaintext) are where the test put them.
    assert find_markers([sources / "contract.pdf"], markers)


def test_picture_shows_camera_date_and_gps_coordinates(qtbot, vault, tmp_path):
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-1602", "Picture")
    item = _ingest(intake, case.case_id, tmp_path / "s", "photo.jpg", jpeg_with_gps())
    tab = _tab(qtbot, intake, case.case_id)
    preview = _view(qtbot, tab, item)
    assert preview.kind == "image"
    fields = preview.image_viewer.fields
    assert fields["camera"].text() == "Canon EOS 80D"
    assert fields["taken"].text() == "2026:03:01 10:15:00"
    assert fields["gps"].text().startswith("44.173800, 28.638300")
    assert "N" in fields["gps"].text()
    assert "E" in fields["gps"].text()
    assert fields["pixels"].text() == "64 × 48"
    assert "GPS GPSLatitude" in preview.image_viewer.tags.toPlainText()


def test_cp1251_text_is_shown_in_its_encoding(qtbot, vault, tmp_path):
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-1603", "Text")
    text = "Олена: паспорти забрав водій, борг за житло 300 євро.\nДзвонили з Одеси.\n"
    item = _ingest(intake, case.case_id, tmp_path / "s", "notes.txt", text.encode("cp1251"))
    tab = _tab(qtbot, intake, case.case_id)
    preview = _view(qtbot, tab, item)
    assert preview.kind == "text"
    assert preview.text_viewer.encoding == "cp1251"
    assert preview.text.toPlainText() == text
    assert "cp1251" in preview.text_viewer.encoding_combo.currentText()


def test_working_copy_is_saved_and_recorded_in_custody(qtbot, vault, tmp_path):
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-1604", "Copy")
    data = os.urandom(3 << 20)
    item = _ingest(intake, case.case_id, tmp_path / "s", "scan.bin", data)
    tab = _tab(qtbot, intake, case.case_id)
    tab.refresh(select=item.evidence_id)
    assert tab.preview.save_button.isEnabled()
    target = tmp_path / "out" / "working.bin"
    target.parent.mkdir()
    job = tab.preview.save_working_copy(target)
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=20_000):
        pass
    assert target.read_bytes() == data
    assert not list(target.parent.glob("*.part"))
    event = intake.custody.events(item.evidence_id)[-1]
    assert event.event_type == CustodyEventType.EXPORTED
    assert event.hash_observed == item.sha256
    assert event.to_party == str(target)
    assert event.purpose == "working copy"
    assert "custody.exported" in [e.action for e in vault.audit_entries()]
    assert "Working copy saved" in tab.preview.status.text()
    qtbot.waitUntil(
        lambda: tab.timeline.list.count() == len(intake.custody.events(item.evidence_id))
    )


def test_copy_for_another_application_is_removed_at_lock(qtbot, vault, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from ui.workspace import Workspace

    opened: list[str] = []

    def open_url(url):
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-1605", "Open")
    item = _ingest(intake, case.case_id, tmp_path / "s", "statement.docx", b"PK\x03\x04 not really")
    intake.close()
    session = Session(clock=FakeClock())
    session.open(vault)
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    view = workspace.open_case(case.case_id)
    assert view is not None
    preview = view.evidence.preview
    view.evidence.refresh(select=item.evidence_id)
    box = preview.open_in_other_application()
    assert box is not None
    assert preview.confirm_box is box
    assert "plaintext copy" in box.text()
    confirm = [b for b in box.buttons() if b.text().replace("&", "").startswith("Write the copy")]
    confirm[0].click()
    assert preview.job is not None
    with qtbot.waitSignal(preview.job.finished, timeout=20_000):
        pass
    copy = preview.last_copy
    assert copy is not None
    assert copy.is_file()
    assert opened == [str(copy)]
    assert copy.name == "statement.docx"
    assert copy.read_bytes() == b"PK\x03\x04 not really"
    assert (copy.parent.parent.stat().st_mode & 0o777) == 0o700
    events = session.services.custody.events(item.evidence_id)
    assert events[-1].event_type == CustodyEventType.VIEWED
    assert "another application" in events[-1].purpose
    session.lock("idle")
    assert not copy.exists()
    assert not copy.parent.parent.exists()


def test_custody_lines_have_no_dangling_arrow_and_the_list_shows_rows(qtbot, vault, tmp_path):
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-1606", "Custody")
    items = [
        _ingest(intake, case.case_id, tmp_path / "s", f"item{i}.txt", b"x" * (i + 1))
        for i in range(8)
    ]
    first = items[0].evidence_id
    intake.custody.record(first, CustodyEventType.TRANSFERRED, to_party="Parchetul DIICOT")
    intake.custody.record(first, CustodyEventType.RECEIVED, from_party="Poliția Constanța")
    intake.custody.record(
        first, CustodyEventType.TRANSFERRED, from_party="ONG", to_party="Parchetul DIICOT"
    )
    tab = _tab(qtbot, intake, case.case_id)
    tab.resize(900, 600)
    tab.show()
    qtbot.waitExposed(tab)
    tab.refresh(select=first)
    lines = [tab.timeline.list.item(i).text() for i in range(tab.timeline.list.count())]
    assert any("to Parchetul DIICOT" in line for line in lines)
    assert any("from Poliția Constanța" in line for line in lines)
    assert any("ONG → Parchetul DIICOT" in line for line in lines)
    for line in lines:
        assert not line.rstrip().endswith("→")
        assert "→ ·" not in line
        assert "· →" not in line
        assert not line.startswith("→")
    visible = tab.table.viewport().height() / tab.table.rowHeight(0)
    assert visible >= 5
