"""Generate a large synthetic vault and measure search latency and case-list open time.

    .venv/bin/python scripts/gen_synthetic.py /tmp/bench-vault [--cases 10000] ...

The generator lives in tests/benchmarks/synthetic.py (used by ``python -m tests.benchmarks``);
this is its command line. A cheap KDF is used so that the figures measure the database.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the project root, for tests/

from intake import open_intake
from tests.benchmarks.synthetic import (
    FULL,
    SEED,
    generate,
    measure_search,
    query_mix,
)
from vault import KdfParams, Vault

KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "benchmark passphrase"  # noqa: S105 - a throwaway synthetic vault


def measure(path: Path, seed: int, queries: int) -> None:
    t0 = time.perf_counter()
    vault = Vault.unlock(path, "bench", PASSPHRASE)
    t1 = time.perf_counter()
    intake = open_intake(vault)
    rows = intake.cases.list_cases()
    t2 = time.perf_counter()
    page = intake.cases.list_cases(limit=100)
    t3 = time.perf_counter()
    print(f"unlock (cheap KDF, incl. open checks): {1000 * (t1 - t0):.0f} ms")
    print(f"case list, all {len(rows)} cases with counts: {1000 * (t2 - t1):.0f} ms")
    print(f"case list, first page of {len(page)}: {1000 * (t3 - t2):.1f} ms")
    stats = measure_search(intake, query_mix(queries, seed))
    print(
        f"search over {queries} queries: p50 {stats.p50_ms:.1f} ms,"
        f" p95 {stats.p95_ms:.1f} ms, max {stats.max_ms:.1f} ms"
        f" ({stats.hits_per_query:.1f} hits per query, {stats.limited} limited)"
    )
    vault.lock()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", help="new vault folder (default: a temp folder)")
    parser.add_argument("--cases", type=int, default=FULL.cases)
    parser.add_argument("--revisions", type=int, default=FULL.revisions)
    parser.add_argument("--evidence", type=int, default=FULL.evidence)
    parser.add_argument("--queries", type=int, default=600)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--measure-only", action="store_true")
    args = parser.parse_args()
    path = Path(args.path) if args.path else Path(tempfile.mkdtemp()) / "bench"
    if not args.measure_only:
        started = time.perf_counter()
        vault, _ = Vault.create(path, "bench", PASSPHRASE, kdf=KDF)
        generate(vault, args.cases, args.revisions, args.evidence, args.seed)
        vault.lock()
        size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        print(f"generated in {time.perf_counter() - started:.0f} s, {size / 1e6:.0f} MB at {path}")
    measure(path, args.seed, args.queries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
