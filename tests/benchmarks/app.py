"""Desktop-app figures: start-up time to the unlock window, and UI-thread stalls during ingest.

``fig_app_start`` starts ``python -m ui gui --vault PATH`` with ``CUSTODIA_EXIT_WHEN_SHOWN=1``
(the app prints a wall-clock timestamp once the unlock window is shown, then quits) and compares
the time from launch to that moment with a full run of ``python -c "import PySide6.QtWidgets"``,
alternating the two so that both see the same machine load.

``fig_ui_stall`` ingests a large file through the evidence tab's worker while a 5 ms timer beats
on the UI thread, and reports the longest gap between beats (as tests/ui/test_heartbeat.py).
"""

from __future__ import annotations

import itertools
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.figures import GIB, MIB, Result, ratio_result

RUNS_QUICK = 3
RUNS_FULL = 7
START_TARGET = 2.0
STALL_TARGET_MS = 100.0
SHOWN_MARKER = "custodia-first-window-shown"  # ui.app.SHOWN_MARKER, without importing Qt here


def _app_env(workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["CUSTODIA_EXIT_WHEN_SHOWN"] = "1"
    # Settings and logs of the benchmark stay in the work folder, never the user's.
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(workdir / "app-home" / name.lower())
    env["CUSTODIA_LOG_DIR"] = str(workdir / "app-home" / "logs")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return env


def _time_app(vault_path: Path, env: dict[str, str], cwd: Path) -> float:
    started = time.time()
    completed = subprocess.run(
        [sys.executable, "-m", "ui", "gui", "--vault", str(vault_path)],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    for line in completed.stdout.splitlines():
        if line.startswith(SHOWN_MARKER):
            return float(line.split()[1]) - started
    raise RuntimeError(f"the app did not report its window (exit {completed.returncode})")


def _time_import(env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "import PySide6.QtWidgets"],
        env=env,
        cwd=cwd,
        check=True,
        timeout=120,
    )
    return time.perf_counter() - started


def fig_app_start(workdir: Path, quick: bool) -> list[Result]:
    from tests.benchmarks.figures import bench_vault

    vault = bench_vault(workdir, "app-start-vault")
    vault_path = vault.path
    vault.lock()
    env = _app_env(workdir)
    cwd = Path(__file__).parents[2]
    # One unmeasured run of each warms the page cache and writes the .pyc files.
    _time_import(env, cwd)
    _time_app(vault_path, env, cwd)
    apps, imports = [], []
    for _ in range(RUNS_QUICK if quick else RUNS_FULL):
        imports.append(_time_import(env, cwd))
        apps.append(_time_app(vault_path, env, cwd))
    return [
        ratio_result(
            "app start to unlock window (vs import PySide6.QtWidgets)",
            statistics.median(apps),
            statistics.median(imports),
            START_TARGET,
            note=f"median of {len(apps)}",
        )
    ]


def _sparse_file(path: Path, size: int) -> Path:
    # Random head, zeros after: as costly to hash and encrypt as any other bytes, quick to make.
    with open(path, "wb") as handle:
        handle.write(os.urandom(MIB))
        handle.truncate(size)
    return path


def fig_ui_stall(workdir: Path, quick: bool) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from intake import open_intake
    from tests.benchmarks.figures import bench_vault
    from ui.app import create_application
    from ui.evidence.evidence_tab import EvidenceTab

    size = 128 * MIB if quick else GIB
    app = create_application()
    vault = bench_vault(workdir, "ui-stall-vault")
    source = _sparse_file(workdir / "ui-stall.bin", size)
    beats: list[float] = []
    updates: list[int] = []
    try:
        intake = open_intake(vault)
        case = intake.cases.create("BENCH-0001", "UI stall")
        tab = EvidenceTab(intake.evidence, intake.custody, intake.people, case.case_id, "bench")
        heartbeat = QTimer()
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
        loop = QEventLoop()
        heartbeat.start()
        job = tab.start_ingest([source])
        job.on_progress(lambda done, _total: updates.append(done))
        job.on_finished(loop.quit)
        beats.append(time.perf_counter())
        loop.exec()
        beats.append(time.perf_counter())
        heartbeat.stop()
        tab.deleteLater()
        app.processEvents()
    finally:
        vault.lock()
        source.unlink(missing_ok=True)
    stall_ms = max(b - a for a, b in itertools.pairwise(beats)) * 1000
    return [
        Result(
            f"longest UI-thread stall during a {size // MIB} MiB ingest",
            stall_ms,
            "ms",
            None,
            None,
            f"<= {STALL_TARGET_MS:.0f} ms",
            stall_ms <= STALL_TARGET_MS,
            note=f"{len(beats)} beats, {len(updates)} progress updates",
        )
    ]
