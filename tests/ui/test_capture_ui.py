"""Capture a web page… and Check a value… in the app (issue 17).

Set CUSTODIA_SHOTS=DIR to save pictures of the dialogs (on a real window: run under
``xvfb-run -s "-screen 0 1280x800x24"`` with QT_QPA_PLATFORM=xcb).
"""

from __future__ import annotations

import http.server
import io
import json
import os
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake import open_intake
from intake.capture_render import find_chromium
from intake.models import EntityKind, StatementKind
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.capture.capture_dialog import CaptureDialog
from ui.screening.screening_dialog import ScreeningDialog
from vault import Vault

SHOTS = os.environ.get("CUSTODIA_SHOTS")
PAGE = (
    "<html><head><title>Locuri de muncă</title></head>"
    "<body style='background:#eef'><h1>Muncă în Austria — 2000 EUR</h1>"
    "<p>Sunați la 0721 234 567 sau scrieți pe Telegram @jobs_abroad_ro</p></body></html>"
).encode()


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


@pytest.fixture
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/jobs"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[tuple[Vault, str]]:
    vault, _ = Vault.create(tmp_path / "vault", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    intake = open_intake(vault)
    case_id = intake.cases.create("RO-2026-0042", "Recruitment agency", jurisdiction="RO").case_id
    other = intake.cases.create("RO-2026-0051", "Survivor A.").case_id
    intake.entities.add(case_id, EntityKind.PHONE, "+40 721 234 567", note="the recruiter")
    intake.entities.add(case_id, EntityKind.COMPANY, "SC Exemplu Recrutare SRL, CUI RO18547290")
    intake.statements.create(
        other,
        kind=StatementKind.VERBATIM,
        language="ro",
        title="First interview",
        text="Mi-a dat numărul 0721-234-567 și mi-a zis că firma e Exemplu Recrutare.",
    )
    try:
        yield vault, case_id
    finally:
        if vault.is_open:
            vault.lock()


def test_a_page_is_captured_from_the_dialog(qtbot, opened, site) -> None:
    vault, case_id = opened
    dialog = CaptureDialog(vault, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.capture_button.isEnabled()
    dialog.url_edit.setText(site)
    assert dialog.capture_button.isEnabled()
    job = dialog.capture()
    assert job is not None
    qtbot.waitUntil(lambda: not dialog.panel.busy, timeout=90_000)
    assert job.outcome == "succeeded"
    assert "E-0001" in dialog.result_text
    assert f"Final address: {site}" in dialog.result_text
    if find_chromium() is not None:
        assert "E-0003" in dialog.result_text
    _shot(dialog, "capture_dialog")
    items = open_intake(vault).evidence.list_for_case(case_id)
    assert items[0].original_metadata["web_capture"]["final_url"] == site


def test_an_archive_is_imported_from_the_dialog(qtbot, opened, tmp_path) -> None:
    vault, case_id = opened
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("datapackage.json", "{}")
        archive.writestr(
            "pages/pages.jsonl",
            '{"format": "json-pages-1.0"}\n'
            + json.dumps({"url": "https://t.me/s/jobs_abroad_ro", "ts": "2026-11-02T08:00:00Z"})
            + "\n",
        )
    wacz = tmp_path / "archive.wacz"
    wacz.write_bytes(out.getvalue())
    dialog = CaptureDialog(vault, case_id)
    qtbot.addWidget(dialog)
    job = dialog.import_archive(wacz)
    assert job is not None
    qtbot.waitUntil(lambda: not dialog.panel.busy, timeout=60_000)
    assert job.outcome == "succeeded"
    assert "https://t.me/s/jobs_abroad_ro" in dialog.result_text


def test_screening_lists_where_a_value_appears(qtbot, opened) -> None:
    vault, _ = opened
    dialog = ScreeningDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.value_edit.setText("0040 721 234 567")
    job = dialog.check()
    assert job is not None
    qtbot.waitUntil(lambda: dialog.screening is not None, timeout=30_000)
    text = dialog.readings.text()
    assert "+40 721 234 567" in text
    assert "RO-2026-0042, RO-2026-0051" in text
    items = [
        dialog.table.item(r, c)
        for r in range(dialog.table.rowCount())
        for c in range(dialog.table.columnCount())
    ]
    cells = {item.text() for item in items if item is not None}
    assert "the recruiter" in cells
    assert any("0721-234-567" in cell for cell in cells)
    _shot(dialog, "screening_dialog")
    dialog.value_edit.setText("RO 18547290")
    dialog.screening = None
    dialog.check()
    qtbot.waitUntil(lambda: dialog.screening is not None, timeout=30_000)
    assert "RO-2026-0042" in dialog.readings.text()
    rows = vault.read("SELECT count(*) FROM audit_log WHERE action = 'screening.performed'")
    assert rows[0][0] == 2


def test_the_vault_menu_offers_the_check(qtbot, settings, made_vault, vault_path, clock) -> None:
    from PySide6.QtWidgets import QMenu

    from ui.main_window import MainWindow
    from ui.session import Session

    window = MainWindow(Session(clock=clock, tick_ms=10), settings, vault_path, kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    titles = [a.text() for m in window.menuBar().findChildren(QMenu) for a in m.actions()]
    assert any("Check a phone number" in t for t in titles)
