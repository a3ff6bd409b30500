"""Plaintext copies of an original outside the vault, each recorded in its chain of custody:
a working copy where the user chooses, or a copy for another application (removed at lock).

Plain functions, run in workers.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
from pathlib import Path

from intake.custody import CustodyService
from intake.evidence import EvidenceService
from intake.models import CustodyEvent, CustodyEventType, Evidence
from resources.i18n import NC_
from ui.evidence.viewers.lock_cleanup import new_copy_dir
from ui.workers import ProgressFn
from vault.errors import OperationCancelledError

log = logging.getLogger(__name__)


def _write(
    evidence: EvidenceService,
    item: Evidence,
    target: Path,
    *,
    record_view: bool,
    purpose: str,
    progress: ProgressFn,
    cancel: threading.Event,
) -> str:
    """Decrypt the original into ``target`` (via a side file renamed at the end); its SHA-256."""
    digest = hashlib.sha256()
    partial = target.with_name(target.name + ".part")
    done = 0
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "wb") as sink:
            with evidence.open_original(
                item.evidence_id, purpose=purpose, record_view=record_view
            ) as chunks:
                for chunk in chunks:
                    if cancel.is_set():
                        raise OperationCancelledError()
                    sink.write(chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    progress(done, max(done, item.size))
            sink.flush()
            os.fsync(sink.fileno())
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return digest.hexdigest()


def save_working_copy(
    evidence: EvidenceService,
    custody: CustodyService,
    item: Evidence,
    target: Path,
    progress: ProgressFn,
    cancel: threading.Event,
) -> CustodyEvent:
    """Write a working copy to ``target`` and record it as an "exported" custody event, with
    the hash of what was written (checked against the one recorded at ingest)."""
    observed = _write(
        evidence, item, target, record_view=False, purpose="", progress=progress, cancel=cancel
    )
    notes = (
        NC_("Custody", "matches the hash recorded at ingest")
        if observed == item.sha256
        else NC_("Custody", "DOES NOT MATCH the hash recorded at ingest")
    )
    return custody.record(
        item.evidence_id,
        CustodyEventType.EXPORTED,
        to_party=str(target),
        purpose=NC_("Custody", "working copy"),
        method=NC_("Custody", "saved as a working copy from Custodia"),
        hash_observed=observed,
        notes=notes,
    )


def copy_for_other_application(
    evidence: EvidenceService, item: Evidence, progress: ProgressFn, cancel: threading.Event
) -> Path:
    """Write a copy into the private copy folder; opening the original records a "viewed"
    custody event saying that a plaintext copy now exists (and is audited)."""
    name = Path(item.original_filename).name or item.label
    # The original's name keeps its extension, so the right application opens it.
    safe = "".join(c if c.isprintable() and c not in "/\\" else "_" for c in name)[:120]
    target = new_copy_dir() / (safe or "evidence")
    _write(
        evidence,
        item,
        target,
        record_view=True,
        purpose=NC_(
            "Custody", "opened in another application (a temporary plaintext copy was written)"
        ),
        progress=progress,
        cancel=cancel,
    )
    return target
