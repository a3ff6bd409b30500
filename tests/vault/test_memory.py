"""Ingesting a 1 GiB file keeps peak memory flat (DESIGN §2: well under 150 MB)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSPHRASE, TEST_USER

GIB = 1 << 30
MIB = 1 << 20
LIMIT_BYTES = 150 * 1000 * 1000

# ru_maxrss survives execve, so a child started from a large pytest process would report the
# parent's size. VmHWM is the peak of this process's own address space, which exec starts afresh.
CHILD = textwrap.dedent(
    """
    import json, pathlib, sys, time
    from vault import KdfParams, Vault

    def peak_kib():
        for line in pathlib.Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        raise RuntimeError("no VmHWM")

    vault_path, source, user, passphrase = sys.argv[1:5]
    v, _ = Vault.create(vault_path, user, passphrase, kdf=KdfParams(8 * 1024, 1, 1))
    before = peak_kib()
    start = time.perf_counter()
    info = v.ingest_file(pathlib.Path(source))
    ingest_seconds = time.perf_counter() - start
    with v.transaction() as tx:
        tx.register_blob(info)
        tx.audit("test.blob_added", info.blob_id, {})
    v.blobs.verify(info.blob_id, info.sha256, info.size)
    v.lock()
    print(json.dumps({"before_kib": before, "peak_kib": peak_kib(), "size": info.size,
                      "sha256": info.sha256, "ingest_seconds": ingest_seconds}))
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status")
def test_ingesting_1_gib_keeps_memory_flat(tmp_path: Path) -> None:
    block = os.urandom(MIB)
    source = tmp_path / "big.bin"
    with open(source, "wb") as handle:
        for _ in range(GIB // MIB):
            handle.write(block)
    expected = hashlib.sha256()
    for _ in range(GIB // MIB):
        expected.update(block)

    start = time.perf_counter()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                CHILD,
                str(tmp_path / "vault"),
                str(source),
                TEST_USER,
                TEST_PASSPHRASE,
            ],
            capture_output=True,
            check=False,
            timeout=300,
            cwd=tmp_path,
        )
    finally:
        # Neither 1 GiB file should outlive the test in pytest's kept tmp folders.
        source.unlink()
        shutil.rmtree(tmp_path / "vault", ignore_errors=True)
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    report = json.loads(result.stdout)
    assert report["size"] == GIB
    assert report["sha256"] == expected.hexdigest()
    peak_bytes = report["peak_kib"] * 1024
    print(
        f"peak RSS {peak_bytes / MIB:.1f} MiB"
        f" (before ingest {report['before_kib'] / 1024:.1f} MiB),"
        f" ingest {report['ingest_seconds']:.1f} s, whole child {elapsed:.1f} s"
    )
    assert peak_bytes < LIMIT_BYTES
    assert (report["peak_kib"] - report["before_kib"]) * 1024 < 64 * MIB  # the ingest's own share
