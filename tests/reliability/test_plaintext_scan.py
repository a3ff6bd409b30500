"""A scripted working session; afterwards its random marker is nowhere it should not be.

The session builds the demo case, adds a statement, a person, evidence whose content and file
name carry the marker, searches, exports a bundle (to a folder outside the vault, where plaintext
is the point) and locks. Then the marker (UTF-8 and UTF-16) must be absent from every file of the
vault folder, of the log folder, of the system temp folder (files created during the test) and of
the Qt/Custodia cache folders.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import secrets
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
import pytest

from tests.conftest import TEST_PASSPHRASE, TEST_USER
from tests.reliability.crash_harness import new_temp_files
from tests.reliability.helpers import files_under, find_markers
from vault import KdfParams, Vault
from vault.logging_setup import setup_logging


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    folder = tmp_path / "logs"
    setup_logging(folder, level=logging.DEBUG)
    try:
        yield folder
    finally:
        for handler in list(root.handlers):
            if isinstance(handler, logging.handlers.RotatingFileHandler):
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


def cache_files(since: float) -> list[Path]:
    """Custodia's and Qt's per-user cache folders (what QStandardPaths.CacheLocation names)."""
    roots = {Path(platformdirs.user_cache_dir("custodia", appauthor=False))}
    home_cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    if home_cache.is_dir():
        roots.update(p for p in home_cache.iterdir() if p.name.lower().startswith("custodia"))
        roots.add(home_cache / "QtProject")
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            found.extend(p for p in files_under(root) if p.stat().st_mtime >= since)
    return found


def test_marker_of_a_whole_session_stays_inside_the_encryption(
    tmp_path: Path, cheap_kdf: KdfParams, log_dir: Path
) -> None:
    from exports.from_intake import ExportOptions, export_case
    from exports.model import RecipientKind
    from exports.verify import verify_bundle
    from intake import open_intake
    from intake.demo import build_demo
    from intake.models import ConsentMethod, PersonRole, RecipientCategory

    since = time.time() - 1
    marker = "Mrk" + secrets.token_hex(12)
    cyrillic = "Свідок" + secrets.token_hex(8)  # non-ASCII text must not leak in any encoding
    markers = [marker, cyrillic]
    path = tmp_path / "vault"
    v, _ = Vault.create(path, TEST_USER, TEST_PASSPHRASE, kdf=cheap_kdf)
    intake = open_intake(v)
    case_id = build_demo(intake)
    reference = intake.cases.get(case_id).reference
    person = intake.people.add(case_id, PersonRole.WITNESS, f"Witness {marker}")
    # A witness's statement leaves only with their consent (DESIGN §8).
    intake.consent.record(
        case_id,
        person_id=person.person_id,
        scope=[RecipientCategory.COURT],
        given_at=datetime.now(UTC),
        language="uk",
        method=ConsentMethod.WRITTEN,
        notes=f"consent of {marker}",
    )
    statement = intake.statements.create(
        case_id,
        kind="verbatim",
        language="uk",
        person_id=person.person_id,
        text=f"{cyrillic}: the driver {marker} kept the passports.",
    )
    draft = intake.statements.open_draft(statement.statement_id)
    draft.update(statement.text + f" Later: {marker} again.")
    draft.flush()
    intake.statements.finalise(statement.statement_id)
    sources = tmp_path / "sources"
    sources.mkdir()
    evidence = sources / f"chat-{marker}.txt"
    evidence.write_text(f"{cyrillic} {marker}\n" * 200, encoding="utf-8")
    image = sources / f"photo-{marker}.bin"
    image.write_bytes(os.urandom(70_000) + marker.encode() + os.urandom(1 << 20))
    for source in (evidence, image):
        intake.evidence.ingest(case_id, source, notes=f"received from {marker}")
    assert intake.search.search(marker)  # found through the encrypted index
    out = tmp_path / "export"
    out.mkdir()
    options = ExportOptions(reference, RecipientKind.COURT, recipient_name=f"Court {marker}")
    export_case(intake, options, out / "bundle", as_zip=True)
    assert verify_bundle(out / "bundle").ok
    intake.close()
    v.lock()

    leaks = find_markers(files_under(path), markers)
    assert not leaks, leaks
    logs = files_under(log_dir)
    assert logs  # the session did log
    assert not find_markers(logs, markers)
    temp = new_temp_files(since)
    assert not find_markers(temp, markers)
    assert not find_markers(cache_files(since), markers)
    # The export itself is plaintext by design: the marker is there, as it should be.
    assert find_markers([out / "bundle"], [marker])
