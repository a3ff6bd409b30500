"""SIGKILL during a typing session loses at most the last 5 seconds of typing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from intake import open_intake
from vault import Vault

from .conftest import CHEAP_KDF, PASSPHRASE

TEXT = "Мене звуть Олена. Am lucrat lângă Constanța, paşapoartele au rămas la el. " * 40
MAX_LOSS_SECONDS = 5.0
TYPING_SECONDS = 7.0

TYPIST = r"""
import sys, time
from intake import open_intake
from vault import Vault
path, statement_id, passphrase, text = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
vault = Vault.unlock(path, "ana", passphrase)
draft = open_intake(vault).statements.open_draft(statement_id, interval=2.0)
print("ready", flush=True)
for n in range(1, len(text) + 1):
    draft.update(text[:n])
    # The keystroke is typed (in the editor's memory) at this moment.
    print(f"{time.time():.6f} {n}", flush=True)
    time.sleep(0.02)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_sigkill_loses_at_most_five_seconds(tmp_path: Path) -> None:
    path = tmp_path / "vault"
    vault, _ = Vault.create(path, "ana", PASSPHRASE, kdf=CHEAP_KDF)
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-0001", "Crash")
    statement = intake.statements.create(case.case_id, kind="verbatim", language="uk")
    vault.lock()

    log = tmp_path / "typed.log"
    with open(log, "w") as out:
        child = subprocess.Popen(
            [sys.executable, "-c", TYPIST, str(path), statement.statement_id, PASSPHRASE, TEXT],
            stdout=out,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 60
        while "ready" not in log.read_text() and time.time() < deadline:
            assert child.poll() is None, "typist died"
            time.sleep(0.05)
        time.sleep(TYPING_SECONDS)
        kill_time = time.time()
        child.send_signal(signal.SIGKILL)
        child.wait()

    typed = []
    for line in log.read_text().splitlines()[1:]:
        parts = line.split()
        if len(parts) == 2:
            typed.append((float(parts[0]), int(parts[1])))
    assert typed, "nothing was typed"
    # What was typed up to five seconds before the kill must be in the vault.
    must_have = max((n for t, n in typed if t <= kill_time - MAX_LOSS_SECONDS), default=0)
    assert must_have > 0

    reopened = Vault.unlock(path, "ana", PASSPHRASE)
    try:
        service = open_intake(reopened).statements
        saved = service.get(statement.statement_id).text
        revisions = service.revisions(statement.statement_id)
    finally:
        reopened.lock()
    assert TEXT.startswith(saved)
    assert len(saved) >= must_have
    # Coalesced: a few revisions for hundreds of keystrokes.
    assert len(revisions) <= TYPING_SECONDS / 2.0 + 3
    assert typed[-1][1] > 5 * len(revisions)
