"""Runs each figure in a fresh subprocess and prints one table (and JSON with --json)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.figures import FIGURES, Result, guard


def _run_one(name: str, quick: bool, workdir: Path) -> list[Result]:
    command = [sys.executable, "-m", "tests.benchmarks.figures", name, str(workdir)]
    if quick:
        command.append("--quick")
    completed = subprocess.run(
        command, capture_output=True, text=True, check=False, cwd=Path(__file__).parents[2]
    )
    if completed.returncode != 0:
        reason = (completed.stderr.strip().splitlines() or ["failed"])[-1][:120]
        return [Result(name, None, "", None, None, "", False, note=f"error: {reason}")]
    # Guarded here too: the table never shows an impossible figure, whoever made it.
    return [guard(Result(**item)) for item in json.loads(completed.stdout.strip().splitlines()[-1])]


def _format(value: float | None) -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def print_table(results: list[Result]) -> None:
    header = ("figure", "value", "unit", "baseline", "ratio", "target", "ok", "peak RSS MB")
    rows = [
        (
            r.name + (f"  ({r.note})" if r.note else ""),
            _format(r.value),
            r.unit,
            _format(r.baseline),
            _format(r.ratio),
            r.target,
            "BROKEN" if r.broken else ("yes" if r.ok else ("skip" if r.value is None else "NO")),
            _format(r.peak_rss_mb),
        )
        for r in results
    ]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--quick", action="store_true", help="small sizes, under two minutes")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument("--only", nargs="*", help="run only these figures")
    args = parser.parse_args(argv)
    names = args.only or list(FIGURES)
    results: list[Result] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="custodia-bench-", dir=os.environ.get("TMPDIR")) as tmp:
        for name in names:
            results.extend(_run_one(name, args.quick, Path(tmp)))
    print_table(results)
    print(
        f"\n{len(results)} figures in {time.perf_counter() - started:.1f} s"
        f" ({'quick' if args.quick else 'full'} mode)"
    )
    if args.json:
        document: list[dict[str, Any]] = [r.public() for r in results]
        args.json.write_text(json.dumps(document, indent=2))
    return 0
