"""Bundle figures: export and verify against plain-tool baselines, and the PDF report.

- export: ``export_case`` of a case holding 1 GiB of evidence (``--quick``: 64 MiB), as a folder
  and as a ZIP, against copying the same original files with ``dd conv=fsync``;
- verify: ``verify_bundle`` on that bundle against ``sha256sum -c`` on its manifests;
- report: the signed report.pdf for a case with 500 evidence items and about 200 pages of
  statements (``--quick``: 100 items, about 40 pages).

Each export runs right after its own baseline copy (dd, folder export, dd, ZIP export, three
times), and the figure is the median of the pairs' ratios, because the machine is shared and its
speed drifts. An export writes and fsyncs the same bytes as dd, which reads and writes one after
the other; overlapping the two can at best halve dd's time, so a ratio under 0.5 is reported as
a broken measurement (figures.guard).
"""

from __future__ import annotations

import functools
import io
import shutil
import statistics
import subprocess
import time
from dataclasses import replace
from pathlib import Path

from tests.benchmarks.figures import (
    MIB,
    Result,
    bench_vault,
    make_file,
    paired_ratio_result,
    peak_rss_mb,
    ratio_result,
    reset_peak_rss,
    timed,
)

REPEATS = 3
EXPORT_FLOOR_RATIO = 0.5  # see the module docstring


def _evidence_files(workdir: Path, quick: bool) -> list[Path]:
    count, size = (4, 16 * MIB) if quick else (8, 128 * MIB)
    folder = workdir / "export-originals"
    folder.mkdir(exist_ok=True)
    return [make_file(folder / f"video-{n:02d}.bin", size) for n in range(count)]


def _fsync_copy(files: list[Path], target: Path) -> None:
    """The baseline: the same bytes copied with dd conv=fsync, one file after another."""
    target.mkdir()
    for source in files:
        subprocess.run(
            [
                "dd",
                f"if={source}",
                f"of={target / source.name}",
                "bs=1M",
                "conv=fsync",
                "status=none",
            ],
            check=True,
        )


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _export_setup(workdir: Path, quick: bool) -> tuple[object, str, list[Path]]:
    from intake import open_intake
    from intake.demo import build_demo

    vault = bench_vault(workdir, "export-vault")
    intake = open_intake(vault)
    case_id = build_demo(intake)
    files = _evidence_files(workdir, quick)
    for file in files:
        intake.evidence.ingest(case_id, file, kind="video")
    return intake, intake.cases.get(case_id).reference, files


def _measure_export(
    workdir: Path, quick: bool
) -> tuple[dict[str, list[float]], int, Path, tuple[float, float] | None]:
    """Times of each export kind and of the dd copy run just before it; the payload size;
    the kept folder bundle; the RSS before the exports and their peak (None where the peak
    cannot be told apart from the set-up's)."""
    from exports.from_intake import ExportOptions, export_case
    from exports.model import RecipientKind
    from intake import Intake

    intake, reference, files = _export_setup(workdir, quick)
    assert isinstance(intake, Intake)
    options = ExportOptions(reference, RecipientKind.PROSECUTOR, purpose="benchmark")
    times: dict[str, list[float]] = {"folder": [], "folder_dd": [], "zip": [], "zip_dd": []}
    kept = workdir / "bundle-kept"
    copy = workdir / "fsync-copy"
    before = peak_rss_mb() if reset_peak_rss() else None
    try:
        for run in range(REPEATS):
            for kind in ("folder", "zip"):
                times[f"{kind}_dd"].append(timed(functools.partial(_fsync_copy, files, copy)))
                _remove(copy)
                dest = workdir / (f"bundle-{run}.zip" if kind == "zip" else f"bundle-{run}")
                export = functools.partial(export_case, intake, options, dest, as_zip=kind == "zip")
                times[kind].append(timed(export))
                if kind == "folder" and run == REPEATS - 1:
                    dest.rename(kept)
                else:
                    _remove(dest)
    finally:
        intake.vault.lock()
    rss = None if before is None else (before, peak_rss_mb())
    size = sum(f.stat().st_size for f in files)
    for file in files:
        file.unlink()
    return times, size, kept, rss


def fig_export(workdir: Path, quick: bool) -> list[Result]:
    times, size, _, rss = _measure_export(workdir, quick)
    label = f"{size // MIB} MiB of evidence"
    # At 64 MiB the fixed part of an export (report, signatures, checkpoints) outweighs the
    # copy; the target is about 1 GiB (full mode).
    notes = ["quick size: fixed costs dominate"] if quick else []
    if rss is not None:
        notes.append(f"RSS {rss[0]:.0f} MB before the exports")
    note = "; ".join(notes)
    results = [
        paired_ratio_result(
            f"export bundle {kind}, {label} (vs dd conv=fsync)",
            times[key],
            times[f"{key}_dd"],
            1.5,
            floor_ratio=EXPORT_FLOOR_RATIO,
            note=note,
        )
        for kind, key in (("folder", "folder"), ("ZIP", "zip"))
    ]
    for result in results:
        if rss is not None:  # the exports' own peak, not the set-up's (ingesting the evidence)
            result.peak_rss_mb = rss[1]
    return results


def _sha256sum(bundle: Path) -> None:
    """Steps 1 and 2 of VERIFY.txt, as two commands (as written there: GNU sha256sum given both
    files at once keeps the first file's line format and rejects bagit's tag manifest).
    """
    for manifest in ("manifest-sha256.txt", "tagmanifest-sha256.txt"):
        subprocess.run(
            ["sha256sum", "--quiet", "-c", manifest],
            cwd=bundle,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def fig_verify(workdir: Path, quick: bool) -> list[Result]:
    from exports.verify import verify_bundle

    bundle = workdir / "bundle-kept"
    if not bundle.is_dir():  # run on its own (--only verify_bundle): make one first
        _measure_export(workdir, quick)
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    verifies: list[float] = []
    sums: list[float] = []
    for _ in range(REPEATS):
        sums.append(timed(lambda: _sha256sum(bundle)))
        verdict = None

        def verify() -> None:
            nonlocal verdict
            verdict = verify_bundle(bundle)

        verifies.append(timed(verify))
        assert verdict is not None
        assert verdict.ok, verdict.lines(all_items=False)
    shutil.rmtree(bundle)
    return [
        ratio_result(
            f"verify bundle of {size // MIB} MiB (vs sha256sum -c)",
            statistics.median(verifies),
            statistics.median(sums),
            0.8,
        )
    ]


def _big_case(quick: bool) -> object:
    """The sample case grown to 500 evidence items and about 200 pages of statements."""
    from tests.exports import sample

    case = sample.sample_case()
    items = 100 if quick else 500
    statements = 4 if quick else 20
    template = case.evidence[0]
    evidence = tuple(
        replace(
            template,
            evidence_id=f"ev{n}",
            number=f"E-{n:04d}",
            original_filename=f"IMG_{n:04d}.jpg",
            custody=sample.custody(f"E-{n:04d}", template.sha256),
        )
        for n in range(1, items + 1)
    )
    # About 10 pages per statement: a page of 10-point text holds some 3,500 characters.
    paragraph = f"{sample.UKRAINIAN} {sample.ROMANIAN} " * 6
    text = "\n\n".join([paragraph] * 45)
    first = case.statements[0]
    statement_list = tuple(
        replace(
            first,
            statement_id=f"S-{n:04d}",
            text=text,
            text_sha256=sample.sha(text.encode()),
            addenda=(),
        )
        for n in range(1, statements + 1)
    )
    return replace(case, evidence=evidence, statements=statement_list)


def _page_count(pdf: bytes) -> int:
    from pyhanko.pdf_utils.reader import PdfFileReader

    return int(PdfFileReader(io.BytesIO(pdf)).root["/Pages"]["/Count"])


def fig_report(workdir: Path, quick: bool) -> list[Result]:
    """The signed report.pdf: rendering plus PAdES signing, as build_bundle makes it."""
    from exports.builder import build_bundle
    from exports.model import BundleCase
    from tests.exports import sample

    case = _big_case(quick)
    assert isinstance(case, BundleCase)
    request = sample.request(case)
    runs: list[float] = []
    pages = 0
    for run in range(REPEATS if quick else 2):
        dest = workdir / f"report-bundle-{run}"
        started = time.perf_counter()
        build_bundle(request, dest)
        runs.append(time.perf_counter() - started)
        pages = _page_count((dest / "data" / "report.pdf").read_bytes())
        shutil.rmtree(dest)
    seconds = statistics.median(runs)
    return [
        Result(
            f"PDF report, {len(case.evidence)} evidence items, {pages} pages",
            seconds,
            "s",
            None,
            None,
            "<= 10 s",
            seconds <= 10,
            note="whole bundle build; its payload is tiny, so the report dominates",
        )
    ]
