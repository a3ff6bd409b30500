"""SIGKILL a process ingesting blobs at random moments; the vault must always come back whole."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSPHRASE, TEST_USER
from tests.vault.helpers import files_under
from vault import KdfParams, Vault

CHILD = Path(__file__).with_name("crash_child.py")
KILLS = 22
VAULT_NAMES = {
    "vault.json",
    "vault.db",
    "vault.db-wal",
    "vault.db-shm",
    "vault.lock",
    "blobs",
    "tmp",
}
MAX_DELAY = 0.6  # seconds after the child has imported everything and starts to unlock

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")


class ChildOutput:
    """Collects the child's complete stdout lines on a thread, so the pipe never fills up."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        self.lines: list[str] = []
        self.started = threading.Event()
        self._proc = proc
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        assert self._proc.stdout is not None
        for raw in self._proc.stdout:
            if not raw.endswith(b"\n"):
                break  # a line cut by the kill was never acknowledged
            line = raw.decode().strip()
            self.lines.append(line)
            if line == "unlocking":
                self.started.set()

    def join(self) -> None:
        self._thread.join(timeout=30)


def verify_after_kill(path: Path, acknowledged: dict[str, tuple[str, int]]) -> None:
    v = Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)
    try:
        assert {p.name for p in path.iterdir()} <= VAULT_NAMES
        assert not files_under(path / "tmp")
        report = v.check()
        assert report.ok, report.problems
        rows = {str(r[0]): (str(r[1]), int(r[2])) for r in v.read("SELECT * FROM vault_blobs")}
        audited = {e.subject for e in v.audit_entries(action_prefix="test.crash_blob", limit=10**6)}
        for blob_id, (sha256, size) in acknowledged.items():
            assert rows[blob_id] == (sha256, size), blob_id
            assert blob_id in audited
            digest, length = hashlib.sha256(), 0
            with v.blobs.open_plaintext(blob_id) as chunks:
                for chunk in chunks:
                    digest.update(chunk)
                    length += len(chunk)
            assert (digest.hexdigest(), length) == (sha256, size), blob_id
        # Unacknowledged blobs may have committed just before the kill; none is half there.
        assert set(rows) == set(v.blobs.stored_ids())
    finally:
        v.lock()


def test_sigkill_at_random_moments(tmp_path: Path, cheap_kdf: KdfParams) -> None:
    path = tmp_path / "vault"
    created, _ = Vault.create(path, TEST_USER, TEST_PASSPHRASE, kdf=cheap_kdf)
    created.lock()
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    acknowledged: dict[str, tuple[str, int]] = {}
    killed_before_ready = 0
    started = time.monotonic()
    for round_no in range(KILLS):
        stderr_path = tmp_path / f"stderr-{round_no}.txt"
        with open(stderr_path, "wb") as stderr:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    str(CHILD),
                    str(path),
                    TEST_USER,
                    TEST_PASSPHRASE,
                    str(rng.randrange(2**32)),
                    str(tmp_path / "sources"),
                ],
                stdout=subprocess.PIPE,
                stderr=stderr,
                cwd=tmp_path,
            )
        output = ChildOutput(proc)
        try:
            assert output.started.wait(timeout=60), "child did not start"
            # A third of the kills aim at the unlock itself (header and checkpoint writes).
            time.sleep(rng.uniform(0, 0.05) if rng.random() < 0.33 else rng.uniform(0, MAX_DELAY))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        output.join()
        assert proc.returncode == -signal.SIGKILL, (seed, stderr_path.read_text())
        if "ready" not in output.lines:
            killed_before_ready += 1
        for line in output.lines:
            fields = line.split()
            if len(fields) == 3:
                acknowledged[fields[0]] = (fields[1], int(fields[2]))
        verify_after_kill(path, acknowledged)
    elapsed = time.monotonic() - started
    print(
        f"seed {seed}: {KILLS} kills ({killed_before_ready} before ready),"
        f" {len(acknowledged)} acknowledged blobs, {elapsed:.1f} s"
    )
    assert acknowledged, f"seed {seed}: no blob was ever acknowledged"


def test_interrupted_header_write_is_cleaned_at_unlock(new_vault: Vault) -> None:
    # A kill between atomic_write's temp file and its rename leaves a copy of a header. It may
    # hold a passphrase slot that a later passphrase change replaced, so it must not linger.
    path = new_vault.path
    new_vault.lock()
    stale = path / ".vault.json.tmp-99999"
    stale.write_bytes((path / "vault.json").read_bytes())
    Vault.unlock(path, TEST_USER, TEST_PASSPHRASE).lock()
    assert {p.name for p in path.iterdir()} <= VAULT_NAMES
