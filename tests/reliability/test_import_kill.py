"""SIGKILL at random points of an import leaves no partial case (issue 15, DESIGN §7).

Like the crash harness, each round forks an already-imported process: the child unlocks a fresh
copy of the receiving vault and imports an encrypted bundle; the parent kills it at a random
moment within the import's measured duration (and a little past it). Afterwards the vault opens,
``Vault.check()`` is clean, ``tmp/`` is empty, and the case is either absent or whole (every
item, statement and person, and the bundle recorded once), never in between.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest

from exports.address_book import AddressBook, make_entry, receiving_key
from exports.from_intake import ExportOptions
from exports.handoff import export_to
from exports.importer import import_bundle
from exports.model import RecipientKind
from intake import open_intake
from intake.demo import build_demo
from tests.conftest import TEST_PASSPHRASE, TEST_USER
from vault import KdfParams, Vault

KILLS = int(os.environ.get("CUSTODIA_IMPORT_KILLS", "24"))


def _state(path: Path) -> tuple[int, int, int, int]:
    v = Vault.unlock(path, "bob", TEST_PASSPHRASE)
    try:
        report = v.check()
        assert report.ok, report.problems
        assert not list((path / "tmp").iterdir()) if (path / "tmp").exists() else True
        tables = {r[0] for r in v.read("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "cases" not in tables:
            return (0, 0, 0, 0)
        count = [
            int(v.read_one(f"SELECT count(*) FROM {t}")[0])
            for t in ("cases", "evidence", "statements")
        ]
        received = (
            int(v.read_one("SELECT count(*) FROM received_bundles")[0])
            if "received_bundles" in tables
            else 0
        )
        registered = int(v.read_one("SELECT count(*) FROM vault_blobs")[0])
        assert registered == count[1]  # no blob without its evidence row, none missing
        return (count[0], count[1], count[2], received)
    finally:
        v.lock()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_during_import_leaves_no_partial_case(tmp_path: Path, cheap_kdf: KdfParams) -> None:
    a, _ = Vault.create(tmp_path / "A", TEST_USER, TEST_PASSPHRASE, kdf=cheap_kdf)
    pristine = tmp_path / "B0"
    b, _ = Vault.create(pristine, "bob", TEST_PASSPHRASE, kdf=cheap_kdf)
    intake = open_intake(a)
    case_id = build_demo(intake)
    reference = intake.cases.get(case_id).reference
    big = tmp_path / "video.bin"
    big.write_bytes(os.urandom(24 << 20))  # spreads the kill points over the blob staging
    intake.evidence.ingest(case_id, big)
    AddressBook(a).put(make_entry("Bob", "ngo_internal", age_recipient=receiving_key(b)))
    AddressBook(b).put(make_entry("Ana", "ngo_internal", ed25519_fingerprint=a.fingerprint))
    open_intake(b)  # the tables exist before the first kill, as in a vault in use
    sent = export_to(a, "Bob", ExportOptions(reference, RecipientKind.COURT), tmp_path / "x")
    a.lock()
    b.lock()
    bundle = sent.paths[0]

    # One import, timed, gives the window the kills are spread over.
    timing = tmp_path / "timing"
    shutil.copytree(pristine, timing)
    v = Vault.unlock(timing, "bob", TEST_PASSPHRASE)
    started = time.perf_counter()
    import_bundle(v, bundle)
    duration = time.perf_counter() - started
    v.lock()
    whole = _state(timing)
    assert whole[0] == 1
    assert whole[3] == 1

    rng = random.Random(15)
    outcomes = {"none": 0, "whole": 0}
    for round_number in range(KILLS):
        target = tmp_path / f"B{round_number + 1}"
        shutil.copytree(pristine, target)
        pid = os.fork()
        if pid == 0:  # the child: import, then wait to be killed
            try:
                child = Vault.unlock(target, "bob", TEST_PASSPHRASE)
                import_bundle(child, bundle)
            finally:
                os._exit(0)
        # Unlock (cheap KDF) plus import; a few kills land after the commit.
        time.sleep(rng.uniform(0.0, duration * 1.3 + 0.05))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        state = _state(target)
        assert state in ((0, 0, 0, 0), whole), (round_number, state)
        outcomes["none" if state[0] == 0 else "whole"] += 1
        # A second, complete import after the crash gives the whole case exactly once.
        v = Vault.unlock(target, "bob", TEST_PASSPHRASE)
        import_bundle(v, bundle)
        v.lock()
        assert _state(target) == whole
        shutil.rmtree(target)
    assert outcomes["none"] > 0  # the kills did interrupt imports
