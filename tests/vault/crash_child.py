"""Child process of test_crash.py: ingests blobs with audit entries until it is killed.

Usage: python crash_child.py VAULT_PATH USER PASSPHRASE SEED WORK_DIR

Prints ``ready`` once unlocked, then for every blob whose transaction committed one line
``<blob id> <sha256 of the plaintext> <size>`` ("acknowledged"), flushed at once.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

from vault import Vault


def main() -> None:
    vault_path, user, passphrase, seed, work_dir = sys.argv[1:6]
    rng = random.Random(int(seed))
    work = Path(work_dir)
    work.mkdir(parents=True, exist_ok=True)
    print("unlocking", flush=True)
    vault = Vault.unlock(vault_path, user, passphrase)
    print("ready", flush=True)
    count = 0
    while True:
        # Mostly small files, now and then one spanning two chunks.
        size = (
            rng.randint(1 << 20, (1 << 20) + 70_000)
            if rng.random() < 0.1
            else rng.randint(0, 60_000)
        )
        data = rng.randbytes(size)
        source = work / f"source-{count}.bin"
        source.write_bytes(data)
        info = vault.ingest_file(source)
        with vault.transaction() as tx:
            tx.register_blob(info)
            tx.audit("test.crash_blob", info.blob_id, {"size": info.size})
        source.unlink()
        print(info.blob_id, hashlib.sha256(data).hexdigest(), size, flush=True)
        count += 1
        if count % 4 == 0:
            vault.checkpoint("test.crash_checkpoint", {"count": count})  # rewrites vault.json


if __name__ == "__main__":
    main()
