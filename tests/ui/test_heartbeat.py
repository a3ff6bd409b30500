"""While a large file is ingested in a worker, the UI thread keeps running its event loop."""

from __future__ import annotations

import itertools
import os
import time

import pytest
from PySide6.QtCore import QTimer

from intake import open_intake
from tests.ui.conftest import CHEAP_KDF
from ui.evidence.evidence_tab import EvidenceTab
from vault import Vault

MAX_STALL = 0.100


def _sparse_file(path, size: int) -> None:
    # Random head and tail, zeros between: as costly to hash and encrypt as any other bytes.
    with open(path, "wb") as handle:
        handle.write(os.urandom(1 << 20))
        handle.truncate(size)


def _largest_stall(qtbot, tmp_path, size: int) -> tuple[float, int]:
    vault, _ = Vault.create(tmp_path / "vault", "ana", "correct horse battery", kdf=CHEAP_KDF)
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-0001", "Heartbeat")
    tab = EvidenceTab(intake.evidence, intake.custody, intake.people, case.case_id, "ana")
    qtbot.addWidget(tab)
    source = tmp_path / "big.bin"
    _sparse_file(source, size)
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    updates: list[int] = []
    try:
        heartbeat.start()
        job = tab.start_ingest([source])
        job.on_progress(lambda done, _total: updates.append(done))
        beats.append(time.perf_counter())
        with qtbot.waitSignal(job.succeeded, timeout=600_000):
            pass
        beats.append(time.perf_counter())
    finally:
        heartbeat.stop()
        vault.lock()
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    return max(gaps), len(updates)


def test_ui_thread_never_stalls_during_ingest(qtbot, tmp_path):
    stall, updates = _largest_stall(qtbot, tmp_path, 96 << 20)
    print(f"largest UI-thread stall: {stall * 1000:.1f} ms, {updates} progress updates")
    assert updates > 1
    assert stall < MAX_STALL, f"UI thread stalled for {stall * 1000:.0f} ms"


@pytest.mark.slow
def test_ui_thread_never_stalls_during_a_1_gib_ingest(qtbot, tmp_path):
    stall, _ = _largest_stall(qtbot, tmp_path, 1 << 30)
    assert stall < MAX_STALL, f"UI thread stalled for {stall * 1000:.0f} ms"
