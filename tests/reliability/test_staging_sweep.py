"""A staging folder left by a SIGKILLed export is removed at the next start, wherever it was.

The export runs in a forked worker, the crash harness's way (tests/reliability/crash_harness.py):
killed while its staging folder exists, then any command line start (``custodia --version``)
must remove the folder, although it lies in a folder no later export will write into.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exports import staging
from exports.staging import STAGING_PREFIX
from vault import KdfParams, Vault

CHEAP = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def _export_in_worker(vault_path: Path, dest: Path) -> None:
    """Runs in the forked child; never returns."""
    code = 0
    try:
        from exports.from_intake import ExportOptions, export_case
        from exports.model import RecipientKind

        vault = Vault.unlock(vault_path, "ana", PASSPHRASE)
        options = ExportOptions("TRAIN-2026-0001", RecipientKind.COURT, recipient_name="Court")
        export_case(vault, options, dest)
    except BaseException:
        code = 3
    finally:
        os._exit(code)


def test_sigkilled_export_staging_is_removed_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intake import open_intake
    from intake.demo import build_demo

    monkeypatch.setenv(staging.STATE_DIR_ENV, str(tmp_path / "state"))
    vault, _ = Vault.create(tmp_path / "vault", "ana", PASSPHRASE, kdf=CHEAP)
    intake = open_intake(vault)
    case_id = build_demo(intake)
    big = tmp_path / "big.bin"  # large enough that the export spends a while in staging
    big.write_bytes(os.urandom(48 << 20))
    intake.evidence.ingest(case_id, big)
    vault.lock()
    out = tmp_path / "usb-stick"
    out.mkdir()

    pid = os.fork()
    if pid == 0:
        _export_in_worker(tmp_path / "vault", out / "bundle")
    deadline = time.monotonic() + 60
    partials: list[Path] = []
    while not partials and time.monotonic() < deadline:
        partials = [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)]
        time.sleep(0.002)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert partials, "the export never reached its staging folder"
    assert partials[0].exists(), "killed too late: the export had finished"
    assert str(pid) in partials[0].name
    entries = list((tmp_path / "state" / "staging").glob("*.json"))
    assert [json.loads(e.read_text())["pid"] for e in entries] == [pid]
    assert oct(entries[0].stat().st_mode & 0o777) == oct(0o600)

    result = subprocess.run(
        [sys.executable, "-m", "ui", "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, "CUSTODIA_LOG_DIR": str(tmp_path / "logs")},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not partials[0].exists()
    assert list(out.iterdir()) == []
    assert list((tmp_path / "state" / "staging").iterdir()) == []


def test_sweep_keeps_live_exports_and_never_deletes_other_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(staging.STATE_DIR_ENV, str(tmp_path / "state"))
    live = tmp_path / staging.staging_name()
    live.mkdir()
    live_entry = staging.register(live)
    assert live_entry is not None
    precious = tmp_path / "precious"  # a planted entry naming a folder that is not staging
    precious.mkdir()
    dead_pid = _dead_pid()
    dead = tmp_path / f"{STAGING_PREFIX}{dead_pid}-abc"
    (dead / "data").mkdir(parents=True)
    folder = tmp_path / "state" / "staging"
    for name, path in (("planted", precious), ("dead", dead)):
        (folder / f"{dead_pid}-{name}.json").write_text(
            json.dumps({"pid": dead_pid, "path": str(path)})
        )
    assert staging.sweep() == 1
    assert live.exists()
    assert live_entry.exists()
    assert precious.exists()
    assert not dead.exists()
    assert sorted(p.name for p in folder.iterdir()) == [live_entry.name]
    staging.unregister(live_entry)
    assert staging.sweep() == 0


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid
