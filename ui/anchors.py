"""Checkpoints kept outside a vault, read for ``custodia vault check --against`` (DESIGN §6.5).

An anchor is a bundle (folder or ZIP) or a backup destination. Whatever the anchor says about
its own signer is ignored: the vault checks each checkpoint's signature with its own key. So a
bundle is read as hostile input only as far as needed to find the checkpoint, without parsing
the whole of ``case.json`` (a huge one must not cost memory here).

Qt-free: used by ``ui/cli.py``.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from vault.header import Checkpoint

log = logging.getLogger(__name__)

CASE_JSON = "data/case.json"
MAX_CASE_JSON_BYTES = 64 << 20
_KEY = re.compile(r'"checkpoint"\s*:\s*')
_MAX_CANDIDATES = 64
_WINDOW = 4096  # a checkpoint object is about 300 characters


def is_backup_destination(path: Path) -> bool:
    return path.is_dir() and ((path / "generations").is_dir() or (path / "CURRENT").is_file())


def checkpoints_in_text(text: str) -> list[Checkpoint]:
    """Every well-formed checkpoint object that follows a ``"checkpoint":`` key."""
    decoder = json.JSONDecoder()
    found: list[Checkpoint] = []
    for count, match in enumerate(_KEY.finditer(text)):
        if count >= _MAX_CANDIDATES:
            break
        window = text[match.end() : match.end() + _WINDOW]
        try:
            value, _ = decoder.raw_decode(window)
            found.append(Checkpoint.from_json(value))
        except (ValueError, RecursionError):
            continue
    return found


def bundle_checkpoints(path: Path) -> list[Checkpoint]:
    """The checkpoints a bundle carries in ``data/case.json``; empty when it has none."""
    from exports.errors import BundleUnreadableError, UnsafeArchiveError
    from exports.verify import open_bundle

    try:
        source = open_bundle(path)
    except (BundleUnreadableError, UnsafeArchiveError, OSError):
        log.info("anchor is not a readable bundle")
        return []
    try:
        if CASE_JSON not in source.files():
            return []
        raw = source.read_small(CASE_JSON, MAX_CASE_JSON_BYTES)
    except (UnsafeArchiveError, OSError, KeyError):
        log.info("anchor's case.json cannot be read safely")
        return []
    finally:
        source.close()
    return checkpoints_in_text(raw.decode("utf-8", errors="replace"))


def anchors_at(path: Path) -> list[tuple[str, Checkpoint | None]]:
    """(where, checkpoint) for every anchor at ``path``; ``(path, None)`` when it holds none."""
    from vault.backup import destination_checkpoints

    found: list[tuple[str, Checkpoint | None]]
    if is_backup_destination(path):
        found = [(f"{path}/{where}", cp) for where, cp in destination_checkpoints(path)]
    else:
        found = [(str(path), cp) for cp in bundle_checkpoints(path)]
    return found or [(str(path), None)]
