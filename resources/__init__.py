"""Data shipped with Custodia: fonts, icons, translations, the indicator catalogue, style sheet."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    return ROOT.joinpath(*parts)
