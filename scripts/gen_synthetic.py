"""Generate a large synthetic vault and measure search latency and case-list open time.

    .venv/bin/python scripts/gen_synthetic.py /tmp/bench-vault [--cases 10000] ...

Rows are synthetic (no real blobs: evidence rows share one small registered blob). Inserts run
in a few large transactions, each audited, with a cheap KDF so that the figures measure the
database and not Argon2.
"""

# ruff: noqa: S311 - synthetic data needs reproducible, not secret, randomness
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from intake import open_intake
from intake._base import index_put, new_id, sha256_text
from intake.models import evidence_label
from vault import KdfParams, Vault

KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "benchmark passphrase"  # noqa: S105 - a throwaway synthetic vault
REAL_WORDS = (
    "Constanța Київ Одеса Харків pașaport паспорт борг datorie fermă ферма Năvodari recrutor "
    "вербувальник microbuz Telegram salariu зарплата amenințare погроза cazare житло transport "
    "Iași Brașov Timișoara Львів Дніпро muncă робота document документ"
).split()
SYLLABLES = "ka lo mi nu ra se ti vo ză pă ți șu да ні ко ра ми ло ве ту".split()


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words = set(REAL_WORDS)
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def sentence(rng: random.Random, vocab: list[str], n: int) -> str:
    # Zipf-like: a few words are very common, most are rare, as in real text.
    return " ".join(vocab[min(int(rng.paretovariate(1.2)) - 1, len(vocab) - 1)] for _ in range(n))


def generate(vault: Vault, cases: int, revisions: int, evidence: int, seed: int) -> None:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    rng.shuffle(vocab)
    open_intake(vault)
    statements_per_case = 3
    n_statements = cases * statements_per_case
    blob_id = "0" * 32
    batch = 1000
    case_ids: list[str] = []
    with vault.transaction() as tx:
        tx.execute(
            "INSERT INTO vault_blobs (blob_id, sha256, size, created_at) VALUES (?, ?, 0, ?)",
            (blob_id, sha256_text(""), tx.at),
        )
        tx.audit("bench.blob", blob_id, {})
    for start in range(0, cases, batch):
        with vault.transaction() as tx:
            for n in range(start, min(cases, start + batch)):
                case_id = new_id()
                case_ids.append(case_id)
                tx.execute(
                    "INSERT INTO cases (case_id, reference, title, description, created_at,"
                    " created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        case_id,
                        f"RO-2026-{n:05d}",
                        sentence(rng, vocab, 5),
                        sentence(rng, vocab, 30),
                        tx.at,
                        "bench",
                        tx.at,
                    ),
                )
                for p in range(2):
                    tx.execute(
                        "INSERT INTO people (person_id, case_id, role, pseudonym, created_at,"
                        " created_by, updated_at) VALUES (?, ?, 'survivor', ?, ?, 'bench', ?)",
                        (new_id(), case_id, f"P{n}-{p}", tx.at, tx.at),
                    )
                index_put(tx, "case", case_id, case_id, "", "")
                tx.execute(
                    "UPDATE search_index SET title = (SELECT reference || ' ' || title FROM cases"
                    " WHERE case_id = ?), body = (SELECT description FROM cases WHERE case_id = ?)"
                    " WHERE rowid = (SELECT doc_id FROM search_docs WHERE ref_id = ?)",
                    (case_id, case_id, case_id),
                )
            tx.audit("bench.cases", str(start), {"count": batch})
    revision_counts = [1] * n_statements
    for _ in range(revisions - n_statements):
        revision_counts[rng.randrange(n_statements)] += 1
    for start in range(0, n_statements, batch):
        with vault.transaction() as tx:
            for s in range(start, min(n_statements, start + batch)):
                statement_id = new_id()
                case_id = case_ids[s // statements_per_case]
                text = sentence(rng, vocab, 120)
                tx.execute(
                    "INSERT INTO statements (statement_id, case_id, kind, language, title,"
                    " created_at, created_by, updated_at) VALUES (?, ?, 'verbatim', 'ro', '', ?,"
                    " 'bench', ?)",
                    (statement_id, case_id, tx.at, tx.at),
                )
                for r in range(1, revision_counts[s] + 1):
                    text = text + " " + sentence(rng, vocab, 10)
                    tx.execute(
                        "INSERT INTO statement_revisions VALUES (?, ?, ?, ?, ?, 'bench')",
                        (statement_id, r, text, sha256_text(text), tx.at),
                    )
                tx.execute(
                    "UPDATE statements SET current_text = ?, revision = ? WHERE statement_id = ?",
                    (text, revision_counts[s], statement_id),
                )
                index_put(tx, "statement", statement_id, case_id, "", text)
            tx.audit("bench.statements", str(start), {"count": batch})
    seq: dict[str, int] = {}
    for start in range(0, evidence, batch):
        with vault.transaction() as tx:
            for _ in range(start, min(evidence, start + batch)):
                evidence_id = new_id()
                case_id = case_ids[rng.randrange(cases)]
                seq[case_id] = seq.get(case_id, 0) + 1
                notes = sentence(rng, vocab, 15)
                tx.execute(
                    "INSERT INTO evidence (evidence_id, case_id, number, kind, blob_id,"
                    " original_filename, media_type, size, sha256, acquisition,"
                    " original_metadata, notes, ingested_at, ingested_by)"
                    " VALUES (?, ?, ?, 'file', ?, 'f.bin', 'application/octet-stream', 0, ?,"
                    " '{}', '{}', ?, ?, 'bench')",
                    (evidence_id, case_id, seq[case_id], blob_id, sha256_text(""), notes, tx.at),
                )
                title = f"{evidence_label(seq[case_id])} f.bin file"
                index_put(tx, "evidence", evidence_id, case_id, title, notes)
            tx.audit("bench.evidence", str(start), {"count": batch})
    with vault.transaction() as tx:
        tx.execute("UPDATE cases SET evidence_seq = 0")
        tx.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
        tx.audit("bench.optimised", "search_index", {})
    vault.read("PRAGMA wal_checkpoint(TRUNCATE)")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


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
    rng = random.Random(seed + 1)
    base = random.Random(seed)
    vocab = vocabulary(base)
    base.shuffle(vocab)  # the same order generate() used: vocab[:20] are the commonest words
    timings: list[float] = []
    hits = 0
    for q in range(queries):
        kind = q % 5
        if kind == 4:
            query = vocab[rng.randrange(20)]  # worst case: a very common word
        elif kind == 0:
            query = rng.choice(REAL_WORDS)
        elif kind == 1:
            query = rng.choice(vocab)
        elif kind == 2:
            query = f"{rng.choice(vocab)} {rng.choice(vocab)}"
        else:
            query = rng.choice(["Constanta", "київ", "pasaport", "datorie", "ferma"])
        start = time.perf_counter()
        hits += len(intake.search.search(query))
        timings.append((time.perf_counter() - start) * 1000)
    print(
        f"search over {queries} queries: p50 {statistics.median(timings):.1f} ms,"
        f" p95 {percentile(timings, 95):.1f} ms, max {max(timings):.1f} ms"
        f" ({hits / queries:.1f} hits per query, limit 50)"
    )
    vault.lock()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", help="new vault folder (default: a temp folder)")
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--revisions", type=int, default=100_000)
    parser.add_argument("--evidence", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
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
