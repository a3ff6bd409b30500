"""Builds the Linux bundle with PyInstaller and runs the frozen program (several minutes).

Skipped unless CUSTODIA_BUILD_SMOKE=1. The same check from a shell:
``python installer/build.py --smoke``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("CUSTODIA_BUILD_SMOKE") != "1",
        reason="builds the frozen bundle (minutes): set CUSTODIA_BUILD_SMOKE=1",
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]


@pytest.mark.timeout(2400)
def test_frozen_bundle_runs_where_it_is_unpacked(build: ModuleType, tmp_path: Path) -> None:
    bundle = build.build()
    archive = build.make_linux_archive(bundle, build.project_version(), out_dir=tmp_path)
    program = build.unpack(archive, tmp_path / "unpacked")
    report = build.smoke(program)
    assert report.ok, "\n".join(report.problems)
    assert report.selftest["sqlcipher"]["cipher_version"].startswith("4.")
