"""What a viewer leaves behind that must not outlive the unlocked vault: decrypting readers
(they hold a blob key) and plaintext copies opened in another application.

:func:`at_lock` runs at every lock (the session calls it) and at exit. Copies live in one
private 0700 folder per process, in the per-user runtime folder (memory-backed on most Linux
systems) when there is one; folders left by a process that died are removed at the next start.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import shutil
import tempfile
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vault.blobs import BlobReader

log = logging.getLogger(__name__)

PREFIX = "custodia-open-"

_readers: weakref.WeakSet[BlobReader] = weakref.WeakSet()
_folder: Path | None = None


def track_reader(reader: BlobReader) -> BlobReader:
    _readers.add(reader)
    return reader


def _base() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime:
        with contextlib.suppress(OSError):
            st = os.stat(runtime)
            if st.st_uid == os.getuid() and st.st_mode & 0o077 == 0:
                return Path(runtime)
    return Path(tempfile.gettempdir())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale(base: Path | None = None) -> int:
    """Remove copy folders of Custodia processes that ended without cleaning up."""
    base = base or _base()
    removed = 0
    with contextlib.suppress(OSError):
        for entry in base.iterdir():
            if not entry.name.startswith(PREFIX) or entry.is_symlink() or not entry.is_dir():
                continue
            pid_text = entry.name[len(PREFIX) :].split("-", 1)[0]
            if pid_text.isdigit() and int(pid_text) != os.getpid() and not _alive(int(pid_text)):
                if entry.stat().st_uid == os.getuid():
                    shutil.rmtree(entry, ignore_errors=True)
                    removed += 1
    if removed:
        log.info("removed %d copy folder(s) left by ended processes", removed)
    return removed


def copy_folder() -> Path:
    """This process's private folder for copies opened in another application (0700)."""
    global _folder
    if _folder is None or not _folder.is_dir():
        base = _base()
        sweep_stale(base)
        _folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=base))
        os.chmod(_folder, 0o700)
    return _folder


def new_copy_dir() -> Path:
    """A fresh 0700 folder inside :func:`copy_folder`, so that the copy keeps its own name."""
    return Path(tempfile.mkdtemp(dir=copy_folder()))


def remove_copies() -> int:
    """Delete every copy opened in another application; returns how many files went."""
    global _folder
    folder, _folder = _folder, None
    if folder is None or not folder.exists():
        return 0
    count = sum(1 for p in folder.rglob("*") if p.is_file())
    shutil.rmtree(folder, ignore_errors=True)
    log.info("removed %d copy(ies) opened in another application", count)
    return count


def at_lock() -> None:
    for reader in list(_readers):
        with contextlib.suppress(OSError):
            reader.close()
    _readers.clear()
    remove_copies()


atexit.register(at_lock)
