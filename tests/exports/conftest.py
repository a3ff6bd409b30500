"""Fixtures for export tests: one bundle built from the neutral sample case, copied per test."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from exports.builder import build_bundle
from exports.model import ExportResult, Profile, RecipientKind
from tests.exports import sample


@pytest.fixture(scope="session")
def court_bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ExportResult]:
    root = tmp_path_factory.mktemp("court")
    result = build_bundle(sample.request(), root / "bundle")
    return root / "bundle", result


@pytest.fixture(scope="session")
def pseudonymised_bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ExportResult]:
    root = tmp_path_factory.mktemp("pseudo")
    request = sample.request(profile=Profile.PSEUDONYMISED, recipient=RecipientKind.PARTNER_NGO)
    result = build_bundle(request, root / "bundle.zip", as_zip=True)
    return root / "bundle.zip", result


@pytest.fixture
def bundle_copy(court_bundle: tuple[Path, ExportResult], tmp_path: Path) -> Path:
    target = tmp_path / "bundle"
    shutil.copytree(court_bundle[0], target)
    return target


def pdf_text(pdf: Path) -> str:
    """Text of a PDF via poppler's pdftotext, whitespace collapsed (lines wrap mid-sentence)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    return " ".join(out.split())
