"""`custodia capture` and `custodia screen`, run as a user runs them: as a separate process."""

from __future__ import annotations

import http.server
import io
import json
import os
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake import open_intake
from intake.models import EntityKind, StatementKind
from vault import KdfParams, Vault

PASSPHRASE = "correct horse battery staple"
CHEAP = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PAGE = b"<html><head><title>Offer</title></head><body><h1>Work in Vienna</h1></body></html>"


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/offer")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def vault_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("capture-cli")
    vault, _ = Vault.create(root / "vault", "ana", PASSPHRASE, kdf=CHEAP)
    intake = open_intake(vault)
    first = intake.cases.create("RO-2026-0301", "Agency", jurisdiction="RO").case_id
    second = intake.cases.create("RO-2026-0302", "Survivor").case_id
    intake.entities.add(first, EntityKind.PHONE, "+40 (721) 234 567")
    intake.statements.create(
        second,
        kind=StatementKind.VERBATIM,
        language="ro",
        text="Omul de la agenție avea numărul 0721.234.567.",
    )
    vault.lock()
    return root / "vault"


def custodia(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CUSTODIA_LOG_DIR": str(tmp / "logs"),
        "CUSTODIA_STATE_DIR": str(tmp / "state"),
        "LANGUAGE": "en",
    }
    return subprocess.run(
        [sys.executable, "-m", "ui", *args, "--passphrase-stdin"],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )


def test_capture_prints_the_items_and_what_the_capture_saw(
    vault_path: Path, site: str, tmp_path: Path
) -> None:
    result = custodia(tmp_path, "capture", str(vault_path), "--case", "RO-2026-0301", site + "/old")
    assert result.returncode == 0, result.stderr
    assert "E-0001" in result.stdout
    assert f"redirected (301) to {site}/offer" in result.stdout
    assert f"Final address: {site}/offer" in result.stdout
    assert "HTTP status: 200 OK; server address: 127.0.0.1:" in result.stdout
    log_text = "".join(p.read_text() for p in (tmp_path / "logs").glob("*.log*"))
    assert "127.0.0.1" not in log_text  # the log names ids, never the address


def test_capture_of_a_wacz_imports_it_and_lists_its_pages(vault_path: Path, tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("datapackage.json", "{}")
        archive.writestr(
            "pages/pages.jsonl",
            '{"format": "json-pages-1.0", "id": "pages"}\n'
            + json.dumps({"url": "https://t.me/s/jobs", "ts": "2026-11-01T10:00:00Z"})
            + "\n",
        )
    wacz = tmp_path / "from-archiveweb.wacz"
    wacz.write_bytes(out.getvalue())
    result = custodia(tmp_path, "capture", str(vault_path), "--case", "RO-2026-0302", str(wacz))
    assert result.returncode == 0, result.stderr
    assert "The archive holds 1 page:" in result.stdout
    assert "https://t.me/s/jobs" in result.stdout


def test_screen_finds_a_number_in_an_entity_and_a_statement_and_audits(
    vault_path: Path, tmp_path: Path
) -> None:
    result = custodia(tmp_path, "screen", str(vault_path), "0040 721 234 567")
    assert result.returncode == 0, result.stderr
    assert "Read as phone number: +40 721 234 567" in result.stdout
    assert "Found in 2 cases: RO-2026-0301, RO-2026-0302" in result.stdout
    assert "0721.234.567" in result.stdout
    vault = Vault.unlock(vault_path, "ana", PASSPHRASE)
    try:
        rows = vault.read("SELECT details FROM audit_log WHERE action = 'screening.performed'")
    finally:
        vault.lock()
    assert [json.loads(r[0])["readings"] for r in rows] == [
        [{"kind": "phone", "value": "+40721234567"}]
    ]
    nothing = custodia(tmp_path, "screen", str(vault_path), "nobody@example.org")
    assert "Not found anywhere in this vault." in nothing.stdout
    refused = custodia(tmp_path, "screen", str(vault_path), " ")
    assert refused.returncode == 2 or refused.returncode == 1
    assert "not a phone number, handle, e-mail, company or web address" in refused.stderr
