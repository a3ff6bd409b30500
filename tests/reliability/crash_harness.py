"""Crash harness: SIGKILL a worker at random moments; after every kill the vault must be whole.

A worker is a ``fork`` of an already-imported process, so a kill round costs milliseconds instead
of an interpreter start-up; that is what makes a hundred kills fit in CI. The worker appends one
acknowledgement line to a file (``os.write``, no buffering) after each operation returns: the
line exists only if the commit happened first. After the kill the parent checks, for every
scenario:

- the vault opens (with the passphrase the acknowledgements say is current);
- ``Vault.check()`` finds no problem, ``tmp/`` is empty and no stray file is left in the folder;
- everything acknowledged is still there, byte for byte;
- the random plaintext marker the worker put into every content, file name and text never
  appears in any file of the vault folder.

Run standalone: ``python -m tests.reliability.crash_harness --kills 1000`` (or set
``CUSTODIA_RELIABILITY_FULL=1`` for the pytest run).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import secrets
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.reliability.helpers import (
    VAULT_NAMES,
    Acked,
    assert_blobs_intact,
    files_under,
    find_markers,
)
from vault import KdfParams, Vault
from vault.db import Connection, Migration
from vault.errors import WrongPassphraseError

PARTIAL_MARK = ".custodia-partial-"  # exports.bag's staging folders

USER = "ana"
CHEAP_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
Ack = Callable[[str], None]


def passphrase(n: int) -> str:
    return f"passphrase number {n:06d}"


@dataclass
class KillStats:
    kills: int = 0
    acknowledged: int = 0
    per_scenario: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


class Scenario:
    """One kind of work to interrupt. Subclasses keep what the parent knows between kills."""

    name = "scenario"
    max_delay = 0.5  # seconds after the fork within which the kill lands
    reset_every = 25  # kills before starting over with a fresh vault (keeps check() cheap)

    def __init__(self, work: Path, marker: str) -> None:
        self.work = work
        self.started = time.time()
        self.marker = marker
        self.generation = 0
        self.kills_in_vault = 0
        self.path = work
        self.current = 0  # index of the passphrase that opens the vault
        self.blobs: Acked = {}

    # Parent side -------------------------------------------------------------------------

    def fresh_vault(self) -> None:
        self.generation += 1
        self.kills_in_vault = 0
        self.path = self.work / f"{self.name}-{self.generation}"
        self.current = 0
        self.blobs = {}
        v, _ = Vault.create(self.path, USER, passphrase(0), kdf=CHEAP_KDF)
        try:
            self.prepare(v)
        finally:
            v.lock()

    def prepare(self, v: Vault) -> None:
        """Fill a fresh vault with what the worker needs (runs in the parent)."""

    def candidates(self, acks: list[str]) -> list[int]:
        """Passphrase indexes that may open the vault after this round, in order of preference."""
        return [self.current]

    def verify(self, v: Vault, acks: list[str]) -> None:
        """Scenario checks on the reopened vault (the common ones are done by the harness)."""

    # Worker side -------------------------------------------------------------------------

    def work_forever(self, v: Vault, ack: Ack, rng: random.Random) -> None:
        raise NotImplementedError

    def open_in_worker(self) -> Vault:
        return Vault.unlock(self.path, USER, passphrase(self.current))

    def content(self, rng: random.Random, size: int) -> bytes:
        """Random bytes with the marker somewhere inside (when there is room)."""
        data = bytearray(rng.randbytes(size))
        tag = self.marker.encode()
        if size >= len(tag):
            at = rng.randrange(size - len(tag) + 1)
            data[at : at + len(tag)] = tag
        return bytes(data)


# Scenarios ------------------------------------------------------------------------------------


def ingest_blob(v: Vault, source: Path, data: bytes) -> tuple[str, str, int]:
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(data)
    info = v.ingest_file(source)
    with v.transaction() as tx:
        tx.register_blob(info)
        tx.audit("test.crash_blob", info.blob_id, {"name": source.name, "size": info.size})
    source.unlink()
    return info.blob_id, info.sha256, info.size


class IngestScenario(Scenario):
    name = "ingest"
    max_delay = 0.4

    def work_forever(self, v: Vault, ack: Ack, rng: random.Random) -> None:
        sources = self.work / f"sources-{os.getpid()}"
        count = 0
        while True:
            big = rng.random() < 0.08
            size = rng.randint(1 << 20, (1 << 20) + 9_000) if big else rng.randint(0, 40_000)
            data = self.content(rng, size)
            blob_id, sha256, size = ingest_blob(v, sources / f"ev-{self.marker}-{count}", data)
            ack(f"blob {blob_id} {sha256} {size}")
            count += 1
            if count % 5 == 0:
                v.checkpoint("test.crash_checkpoint", {"count": count})

    def verify(self, v: Vault, acks: list[str]) -> None:
        for line in acks:
            _, blob_id, sha256, size = line.split()
            self.blobs[blob_id] = (sha256, int(size))
        assert_blobs_intact(v, self.blobs)


class PassphraseScenario(Scenario):
    name = "passphrase"
    max_delay = 0.4

    def prepare(self, v: Vault) -> None:
        data = self.content(random.Random(), 5000)
        blob_id, sha256, size = ingest_blob(v, self.work / f"seed-{self.marker}", data)
        self.blobs[blob_id] = (sha256, size)

    def work_forever(self, v: Vault, ack: Ack, rng: random.Random) -> None:
        n = self.current
        while True:
            n += 1
            v.change_passphrase(USER, passphrase(n))
            ack(f"pass {n}")
            if rng.random() < 0.2:
                v.checkpoint("test.crash_checkpoint", {})

    def candidates(self, acks: list[str]) -> list[int]:
        last = max([self.current, *(int(line.split()[1]) for line in acks)])
        # The change after the last acknowledged one may have reached the disk too.
        return [last, last + 1]

    def verify(self, v: Vault, acks: list[str]) -> None:
        assert_blobs_intact(v, self.blobs)

    def after_open(self, opened_with: int, acks: list[str]) -> None:
        # A replaced passphrase must no longer open the vault.
        for stale in (opened_with - 1, opened_with - 2):
            if stale >= 0:
                try:
                    Vault.unlock(self.path, USER, passphrase(stale)).lock()
                except WrongPassphraseError:
                    continue
                raise AssertionError(f"passphrase {stale} still opens the vault")
        self.current = opened_with


MIGRATION_STEPS = 5
ROWS_PER_STEP = 3000


def toy_migrations(component: str) -> list[Migration]:
    """A component whose every step creates a table and fills it: slow enough to be hit."""

    def step(n: int) -> Migration:
        def apply(conn: Connection) -> None:
            conn.execute(f"CREATE TABLE {component}_s{n} (i INTEGER PRIMARY KEY, filler BLOB)")
            conn.execute(
                f"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
                f" WHERE x < {ROWS_PER_STEP})"
                f" INSERT INTO {component}_s{n} SELECT x, randomblob(120) FROM c"
            )
            conn.execute(f"CREATE INDEX {component}_s{n}_filler ON {component}_s{n} (filler)")

        return Migration(n, f"toy step {n}", apply)

    return [step(n) for n in range(1, MIGRATION_STEPS + 1)]


class MigrationScenario(Scenario):
    name = "migration"
    max_delay = 0.5
    reset_every = 8

    def components(self, v: Vault) -> dict[str, int]:
        rows = v.read("SELECT component, version FROM schema_versions WHERE component LIKE 'toy%'")
        return {str(r[0]): int(r[1]) for r in rows}

    def work_forever(self, v: Vault, ack: Ack, rng: random.Random) -> None:
        existing = self.components(v)
        # Unfinished components first: resuming after a crash is the path under test.
        names = sorted(existing, key=lambda name: existing[name])
        k = len(existing)
        while True:
            name = names.pop(0) if names else f"toy{k}"
            if name not in existing:
                k += 1
            migrations = toy_migrations(name)
            for upto in range(max(1, existing.get(name, 0)), MIGRATION_STEPS + 1):
                v.migrate(name, migrations[:upto])
                ack(f"mig {name} {upto}")

    def verify(self, v: Vault, acks: list[str]) -> None:
        found = self.components(v)
        for line in acks:
            _, name, step = line.split()
            assert found.get(name, 0) >= int(step), (name, step, found)
        for name, version in found.items():
            for n in range(1, MIGRATION_STEPS + 1):
                table = v.read_one(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    (f"{name}_s{n}",),
                )
                if n <= version:
                    count = v.read_one(f"SELECT count(*) FROM {name}_s{n}")[0]
                    assert count == ROWS_PER_STEP, (name, n, count)
                else:
                    assert table is None, (name, n, "table of an uncommitted step")
        audited = {
            (e.subject, int(e.details["to"]))
            for e in v.audit_entries(action_prefix="schema.migrated", limit=100_000)
        }
        for name, version in found.items():
            assert all((name, n) in audited for n in range(1, version + 1)), name


class AutosaveScenario(Scenario):
    """Statement typing with autosave; now and then a statement is finalised."""

    name = "autosave"
    max_delay = 0.4

    def prepare(self, v: Vault) -> None:
        from intake import open_intake

        intake = open_intake(v)
        case = intake.cases.create(f"RO-2026-{secrets.randbelow(9000) + 1000}", "Crash harness")
        self.case_id = case.case_id
        self.finals: dict[str, str] = {}
        self.revisions: dict[str, tuple[int, str]] = {}

    def work_forever(self, v: Vault, ack: Ack, rng: random.Random) -> None:
        from intake import open_intake

        intake = open_intake(v)
        ticks = iter(range(10**9))
        words = ["Мене", "звуть", "Олена;", "lângă", "Constanța", "paşaport", self.marker]
        while True:
            statement = intake.statements.create(self.case_id, kind="verbatim", language="uk")
            # A clock that advances a second per reading makes every keystroke due for saving.
            draft = intake.statements.open_draft(
                statement.statement_id, interval=1.0, clock=lambda: float(next(ticks))
            )
            text = f"Statement {self.marker}:"
            for _ in range(rng.randint(3, 30)):
                text += " " + rng.choice(words)
                if draft.update(text):
                    saved = intake.statements.get(statement.statement_id)
                    ack(f"rev {statement.statement_id} {saved.revision} {_sha(text)}")
            final = intake.statements.finalise(statement.statement_id)
            ack(f"final {final.statement_id} {_sha(final.text)}")

    def verify(self, v: Vault, acks: list[str]) -> None:
        from intake import open_intake

        for line in acks:
            kind, statement_id, *rest = line.split()
            if kind == "rev":
                self.revisions[statement_id] = (int(rest[0]), rest[1])
            else:
                self.finals[statement_id] = rest[0]
        statements = open_intake(v).statements
        for statement_id, (revision, digest) in self.revisions.items():
            saved = {r.revision: r for r in statements.revisions(statement_id)}
            assert revision in saved, (statement_id, revision)
            assert _sha(saved[revision].text) == digest
            for r in saved.values():
                assert r.sha256 == _sha(r.text)
        for statement_id, digest in self.finals.items():
            statement = statements.get(statement_id)
            assert statement.finalised, statement_id
            assert _sha(statement.text) == digest
            assert statements.verify_final(statement_id)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ExportScenario(Scenario):
    """Exports of a case whose evidence and statements carry the marker."""

    name = "export"
    max_delay = 2.0
    reset_every = 12
    last_pid = 0

    def prepare(self, v: Vault) -> None:
        from intake import open_intake
        from intake.demo import build_demo

        intake = open_intake(v)
        case_id = build_demo(intake)
        self.reference = intake.cases.get(case_id).reference
        source = self.work / f"evidence-{self.marker}.txt"
        source.write_bytes(self.content(random.Random(), 3000))
        intake.evidence.ingest(case_id, source, notes=f"note {self.marker}")
        source.unlink()
        self.out = self.work / f"{self.name}-{self.generation}-out"
        self.out.mkdir()
        self.exported: dict[str, str] = {}
        # Warm up in the parent (imports, fonts), so that forked workers start exporting at once.
        self.export(v, random.Random())

    def export(self, v: Vault, rng: random.Random) -> str:
        from exports.from_intake import ExportOptions, export_case
        from exports.model import RecipientKind

        dest = self.out / f"bundle-{secrets.token_hex(4)}"
        as_zip = rng.random() < 0.3
        if as_zip:
            dest = dest.with_suffix(".zip")
        options = ExportOptions(self.reference, RecipientKind.COURT, recipient_name="Court")
        result = export_case(v, options, dest, as_zip=as_zip)
        return f"export {dest.name} {result.bundle_id}"

    def work_forever(self, v: Vault, ack: Ack, rng: random.Random) -> None:
        while True:
            ack(self.export(v, rng))

    def verify(self, v: Vault, acks: list[str]) -> None:
        from exports.verify import verify_bundle

        for line in acks:
            _, name, bundle_id = line.split()
            self.exported[name] = bundle_id
        audited = json.dumps([e.details for e in v.audit_entries(action_prefix="export.")])
        for name, bundle_id in self.exported.items():
            assert bundle_id in audited, name
        # A killed export may leave its staging folder (plaintext!) behind; the next export into
        # the same folder removes it. So after a round that completed an export, only the
        # killed worker's own staging folder may remain.
        partials = [p for p in self.out.iterdir() if p.name.startswith(".")]
        if acks:
            stale = [p for p in partials if f"{PARTIAL_MARK}{self.last_pid}-" not in p.name]
            assert not stale, stale
        for bundle in self.out.iterdir():
            if bundle.name.startswith("."):
                continue
            verdict = verify_bundle(bundle)
            assert verdict.ok, (bundle.name, [c.detail for c in verdict.problems])


SCENARIOS: dict[str, type[Scenario]] = {
    cls.name: cls
    for cls in (
        IngestScenario,
        PassphraseScenario,
        MigrationScenario,
        AutosaveScenario,
        ExportScenario,
    )
}


# The harness ----------------------------------------------------------------------------------


def _worker(scenario: Scenario, ack_path: Path, seed: int) -> None:
    """Runs in the forked child; never returns."""
    code = 0
    try:
        fd = os.open(ack_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

        def ack(line: str) -> None:
            os.write(fd, (line + "\n").encode())

        v = scenario.open_in_worker()
        ack("ready")
        scenario.work_forever(v, ack, random.Random(seed))
    except BaseException:
        code = 3
        with open(ack_path.with_suffix(".error"), "w") as out:
            traceback.print_exc(file=out)
    finally:
        os._exit(code)


def _read_acks(ack_path: Path) -> list[str]:
    if not ack_path.exists():
        return []
    text = ack_path.read_text()
    complete = text if text.endswith("\n") else text[: text.rfind("\n") + 1]
    return [line for line in complete.splitlines() if line]


def kill_once(scenario: Scenario, rng: random.Random) -> int:
    """Fork a worker, kill it after a random delay, verify; returns acknowledgements made."""
    if scenario.kills_in_vault >= scenario.reset_every or scenario.generation == 0:
        scenario.fresh_vault()
    ack_path = scenario.work / f"acks-{scenario.name}.txt"
    ack_path.unlink(missing_ok=True)
    seed = rng.randrange(2**32)
    # A quarter of the kills land within the unlock itself (header and checkpoint writes).
    delay = rng.uniform(0, 0.03) if rng.random() < 0.25 else rng.uniform(0, scenario.max_delay)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        _worker(scenario, ack_path, seed)
    if isinstance(scenario, ExportScenario):
        scenario.last_pid = pid
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    error = ack_path.with_suffix(".error")
    if error.exists():
        raise AssertionError(f"{scenario.name} worker failed:\n{error.read_text()}")
    assert os.WIFSIGNALED(status), status
    assert os.WTERMSIG(status) == signal.SIGKILL, status
    scenario.kills_in_vault += 1
    acks = [line for line in _read_acks(ack_path) if line != "ready"]
    verify_after_kill(scenario, acks)
    return len(acks)


def verify_after_kill(scenario: Scenario, acks: list[str]) -> None:
    path = scenario.path
    v: Vault | None = None
    opened_with = -1
    for n in scenario.candidates(acks):
        try:
            v = Vault.unlock(path, USER, passphrase(n))
        except WrongPassphraseError:
            continue
        opened_with = n
        break
    assert v is not None, f"{scenario.name}: no expected passphrase opens the vault"
    try:
        assert {p.name for p in path.iterdir()} <= VAULT_NAMES, sorted(os.listdir(path))
        assert not files_under(path / "tmp")
        report = v.check()
        assert report.ok, (scenario.name, report.problems)
        scenario.verify(v, acks)
    finally:
        v.lock()
    if isinstance(scenario, PassphraseScenario):
        scenario.after_open(opened_with, acks)
    leaks = find_markers(files_under(path), [scenario.marker])
    assert not leaks, (scenario.name, leaks)


def new_temp_files(since: float, exclude: Path | None = None) -> list[Path]:
    """Files under top-level entries of the system temp folder that changed since ``since``.

    A file Custodia created with ``tempfile`` sits at the top level or below a new folder there;
    entries untouched since ``since`` (other programs' trees) are not walked.
    """
    root = Path(tempfile.gettempdir())
    found: list[Path] = []
    for entry in root.iterdir():
        if entry.name.startswith(("pytest-of-", "custodia-crash-")) or (
            exclude is not None and exclude.resolve().is_relative_to(entry.resolve())
        ):
            continue  # the tests' own work folders hold the source files on purpose
        try:
            if entry.is_symlink() or entry.lstat().st_mtime < since:
                continue
            candidates = [entry] if entry.is_file() else list(entry.rglob("*"))
            found.extend(p for p in candidates if p.is_file() and not p.is_symlink())
        except OSError:
            continue
    return found


def run(
    work: Path,
    kills: dict[str, int],
    *,
    seed: int | None = None,
    report: Callable[[str], Any] = print,
) -> KillStats:
    """Run ``kills[name]`` kills of each scenario, interleaved; raises on the first failure."""
    seed = secrets.randbits(32) if seed is None else seed
    rng = random.Random(seed)
    marker = "MARK" + secrets.token_hex(12)
    scenarios = {name: SCENARIOS[name](work, marker) for name in kills}
    stats = KillStats()
    started = time.monotonic()
    plan = [name for name, count in kills.items() for _ in range(count)]
    rng.shuffle(plan)
    for name in plan:
        try:
            stats.acknowledged += kill_once(scenarios[name], rng)
        except AssertionError as exc:
            raise AssertionError(f"seed {seed}, kill {stats.kills + 1} ({name}): {exc}") from exc
        stats.kills += 1
        stats.per_scenario[name] = stats.per_scenario.get(name, 0) + 1
    stats.seconds = time.monotonic() - started
    since = min(s.started for s in scenarios.values())
    leaks = find_markers(new_temp_files(since, exclude=work), [marker])
    assert not leaks, f"seed {seed}: plaintext marker in the temp folder: {leaks[:5]}"
    report(
        f"crash harness seed {seed}: {stats.kills} kills survived {stats.per_scenario},"
        f" {stats.acknowledged} acknowledged operations, {stats.seconds:.1f} s"
    )
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000, help="total kills, spread evenly")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--seed", type=int)
    parser.add_argument("--work", type=Path, help="work folder (default: a new temporary one)")
    args = parser.parse_args(argv)
    names = [n for n in args.scenarios.split(",") if n]
    share = {name: args.kills // len(names) for name in names}
    share[names[0]] += args.kills - sum(share.values())
    work = args.work or Path(tempfile.mkdtemp(prefix="custodia-crash-"))
    work.mkdir(parents=True, exist_ok=True)
    run(work, share, seed=args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
