"""Replay every committed fuzz seed (and every saved crash) through the fuzz targets.

Only documented errors (CustodiaError subclasses) may escape a target; see fuzz/targets.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.fuzz.targets import CORPUS, TARGETS, run_one


def corpus_files() -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    for name in TARGETS:
        folder = CORPUS / name
        found.extend((name, path) for path in sorted(folder.glob("*")) if path.is_file())
    return found


FILES = corpus_files()


def test_every_target_has_seeds() -> None:
    assert {name for name, _ in FILES} == set(TARGETS)


@pytest.mark.parametrize(("target", "path"), FILES, ids=[f"{t}/{p.name}" for t, p in FILES])
def test_seed_raises_only_documented_errors(target: str, path: Path) -> None:
    run_one(target, path.read_bytes())


@pytest.mark.parametrize("target", list(TARGETS))
def test_empty_and_tiny_inputs(target: str) -> None:
    for data in (b"", b"\0", b"\xff" * 7, b"{", b"PK\x03\x04"):
        run_one(target, data)
