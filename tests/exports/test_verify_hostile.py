"""Hostile bundles that once got through verify: each now has a bound and a clear verdict."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
import tracemalloc
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from exports import verify
from exports.builder import bag_file_name, build_bundle
from exports.verify import CheckCode, VerdictCode, verify_bundle
from tests.exports import sample

BOLD = "𝐀𝐁𝐂𝐃𝐄𝐅𝐆"  # mathematical bold letters: four UTF-8 bytes each


def _in_time(target: Path, seconds: float) -> verify.Verdict:
    """verify_bundle in a thread that must finish within ``seconds``."""
    found: list[verify.Verdict] = []
    worker = threading.Thread(target=lambda: found.append(verify_bundle(target)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"verify gave no verdict within {seconds} s"
    return found[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_file_swapped_for_a_fifo_after_the_scan_gets_a_verdict(
    bundle_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan = verify._FolderSource._scan

    def scan_then_swap(self: verify._FolderSource) -> None:
        scan(self)
        for rel in ("data/case.json", "data/statements/S-0001.txt"):
            (self.root / rel).unlink()
            os.mkfifo(self.root / rel)  # no writer: a blocking open would wait for ever

    monkeypatch.setattr(verify._FolderSource, "_scan", scan_then_swap)
    verdict = _in_time(bundle_copy, 30)
    assert verdict.code is VerdictCode.NOT_INTACT
    special = {c.subject for c in verdict.problems if c.code is CheckCode.FILE_SPECIAL}
    assert special == {"data/case.json", "data/statements/S-0001.txt"}


def test_a_huge_case_json_of_empty_objects_is_refused_quickly_and_briefly(
    bundle_copy: Path,
) -> None:
    case = bundle_copy / "data/case.json"
    case.write_bytes(b"[" + b"{}," * (20 << 20) + b"{}]")  # 60 MB
    tracemalloc.start()
    started = time.monotonic()
    try:
        verdict = _in_time(bundle_copy, 60)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 30
    assert peak < 400 << 20  # the 60 MB file, read once, and little else
    problems = {(c.subject, c.code, c.params.get("problem")) for c in verdict.problems}
    assert ("data/case.json", CheckCode.CASE_JSON_MALFORMED, "too_complex") in problems
    assert len("\n".join(verdict.lines())) < 64 << 10


def test_a_million_bad_evidence_entries_print_a_bounded_report(bundle_copy: Path) -> None:
    (bundle_copy / "data/case.json").write_bytes(b'{"evidence": [' + b"1," * 1_000_000 + b"1]}")
    verdict = _in_time(bundle_copy, 60)
    assert verdict.code is VerdictCode.NOT_INTACT
    text = "\n".join(verdict.lines())
    assert len(text) < 64 << 10
    (more,) = [c for c in verdict.checks if c.code is CheckCode.MORE_PROBLEMS]
    assert int(more.params["count"]) == 1_000_001 - verify.MAX_SAME_PROBLEMS


def test_a_huge_fact_is_shown_shortened(bundle_copy: Path) -> None:
    import json

    path = bundle_copy / "data/case.json"
    case = json.loads(path.read_text("utf-8"))
    case["case"]["reference"] = "R" * (5 << 20)
    path.write_text(json.dumps(case), "utf-8")
    verdict = verify_bundle(bundle_copy)
    assert len(verdict.fact_codes[verify.FactCode.CASE]) <= verify.MAX_SHOWN + 1


def test_a_big_report_pdf_is_read_in_one_go(bundle_copy: Path) -> None:
    report = bundle_copy / "data/report.pdf"
    with open(report, "wb") as handle:
        handle.truncate(300 << 20)  # 300 MB of zeros: not a PDF, but as big as a real one
    started = time.monotonic()
    verdict = _in_time(bundle_copy, 60)
    assert time.monotonic() - started < 20  # was 71 s for 500 MB, bytes concatenated per MiB
    assert verdict.code is VerdictCode.NOT_INTACT
    codes = {c.code for c in verdict.problems}
    assert CheckCode.PDF_SIGNATURE_INVALID in codes
    assert CheckCode.FILE_HASH_MISMATCH in codes


def test_bag_file_names_stay_within_255_bytes() -> None:
    name = bag_file_name("E-0001_", "𝐀" * 63)
    assert name.startswith("E-0001_")
    assert len(name.encode("utf-8")) <= 255
    name.encode("utf-8").decode("utf-8")  # cut on a character boundary
    with_ext = bag_file_name("E-0002_", "𝐁" * 70 + ".pdf")
    assert with_ext.startswith("E-0002_")
    assert with_ext.endswith(".pdf")
    assert len(with_ext.encode("utf-8")) <= 255
    assert bag_file_name("E-0003_", "short.txt") == "E-0003_short.txt"


@pytest.mark.parametrize("as_zip", [False, True])
def test_a_252_byte_evidence_name_exports_and_unpacks(tmp_path: Path, as_zip: bool) -> None:
    case = sample.sample_case()
    long_name = (BOLD * 9)[:63]
    assert len(long_name.encode("utf-8")) == 252
    evidence = (replace(case.evidence[0], original_filename=long_name), *case.evidence[1:])
    request = sample.request(replace(case, evidence=evidence))
    target = tmp_path / ("b.zip" if as_zip else "b")
    build_bundle(request, target, as_zip=as_zip)
    verdict = verify_bundle(target)
    assert verdict.ok, verdict.lines()
    if as_zip:
        with zipfile.ZipFile(target) as zf:
            names = zf.namelist()
        assert all(len(part.encode()) <= 255 for n in names for part in n.split("/"))
        if shutil.which("unzip") is None:
            pytest.skip("unzip is not installed")
        out = tmp_path / "unpacked"
        done = subprocess.run(["unzip", "-q", str(target), "-d", str(out)], capture_output=True)
        assert done.returncode == 0, done.stderr
        target = out / "b"
    names = [p.name for p in (target / "data/evidence").iterdir()]
    (long,) = [n for n in names if n.startswith("E-0001_")]
    assert len(long.encode("utf-8")) <= 255
    assert long[len("E-0001_") :] in long_name
