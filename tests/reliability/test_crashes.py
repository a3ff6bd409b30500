"""SIGKILL at random moments during ingest, passphrase change, migration, autosave and export.

CI runs 120 kills in about a minute and a half (forked workers, cheap KDF, small files);
``CUSTODIA_RELIABILITY_FULL=1`` runs 1,000. Each failure message starts with the seed, so
``python -m tests.reliability.crash_harness --seed N --scenarios NAME`` replays it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.reliability.crash_harness import run

FULL = os.environ.get("CUSTODIA_RELIABILITY_FULL") == "1"
CI_KILLS = {"ingest": 35, "passphrase": 20, "migration": 20, "autosave": 25, "export": 20}
FULL_KILLS = {"ingest": 300, "passphrase": 150, "migration": 150, "autosave": 200, "export": 200}
KILLS = FULL_KILLS if FULL else CI_KILLS

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the harness forks and SIGKILLs")


def test_plan_meets_the_issue() -> None:
    assert sum(CI_KILLS.values()) >= 100
    assert sum(FULL_KILLS.values()) >= 1000


@pytest.mark.parametrize("scenario", list(KILLS))
def test_sigkill_leaves_the_vault_whole(
    scenario: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stats = run(tmp_path, {scenario: KILLS[scenario]})
    assert stats.kills == KILLS[scenario]
    # The harness must really have interrupted work, not only start-ups.
    assert stats.acknowledged > 0
    with capsys.disabled():
        print(
            f"\n[{scenario}] {stats.kills} kills, {stats.acknowledged} acks, {stats.seconds:.1f} s"
        )
