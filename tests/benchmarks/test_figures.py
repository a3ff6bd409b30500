"""The benchmark figures never print a physically impossible figure (issue 12)."""

from __future__ import annotations

import math

import pytest

from tests.benchmarks.figures import Result, guard, paired_ratio_result
from tests.benchmarks.runner import print_table


def _result(
    value: float | None,
    baseline: float | None = None,
    ratio: float | None = None,
    *,
    unit: str = "ms",
    floor_ratio: float | None = None,
) -> Result:
    return Result("figure", value, unit, baseline, ratio, "", True, floor_ratio=floor_ratio)


def test_a_plausible_figure_passes_unchanged() -> None:
    result = _result(120.0, 640.0)
    assert guard(result) is result
    # Pairs 1.5x, 1.0x, 2.0x: the median of the pairs' ratios, not the ratio of the medians
    # (1.2 / 1.0), so that drift between pairs cancels.
    export = paired_ratio_result("export", [1.2, 1.0, 2.0], [0.8, 1.0, 1.0], 1.5, floor_ratio=0.5)
    assert guard(export) is export
    assert export.ratio == pytest.approx(1.5)
    assert export.ok


def test_negative_time_is_a_broken_measurement() -> None:
    # The figure that started issue 12: "unlock beyond the KDF" at -318 ms.
    result = guard(_result(-318.0, 637.0))
    assert result.broken.startswith("negative ms")
    assert result.value is None
    assert result.baseline is None
    assert result.ratio is None
    assert not result.ok
    assert result.note.startswith("BROKEN MEASUREMENT")
    assert "-318" in result.note


@pytest.mark.parametrize(
    ("value", "baseline", "ratio"),
    [
        (math.nan, None, None),
        (math.inf, None, None),
        (1.0, 0.0, None),
        (1.0, -2.0, None),
        (1.0, 2.0, -0.5),
        (1.0, 2.0, math.inf),
    ],
)
def test_impossible_numbers_are_broken(
    value: float, baseline: float | None, ratio: float | None
) -> None:
    result = guard(_result(value, baseline, ratio, unit="s"))
    assert result.broken
    assert result.value is None


def test_faster_than_the_disk_baseline_is_broken() -> None:
    # An export cannot write and fsync 1 GiB in a third of dd conv=fsync's time.
    fast = paired_ratio_result("export", [0.3, 0.3, 0.3], [0.9, 0.9, 0.9], 1.5, floor_ratio=0.5)
    result = guard(fast)
    assert "faster than physically possible" in result.broken
    assert result.ratio is None
    assert not result.ok
    # Without a floor, a ratio under 1 is just fast.
    assert not guard(paired_ratio_result("x", [0.3], [0.9], 1.5)).broken


def test_guard_is_idempotent_and_the_table_says_broken(capsys: pytest.CaptureFixture[str]) -> None:
    once = guard(_result(-1.0))
    assert guard(once) is once
    print_table([once, _result(5.0)])
    table = capsys.readouterr().out
    assert "BROKEN" in table
    assert "-1" in table  # the raw reading stays visible in the note, not as the figure
