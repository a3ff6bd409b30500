"""A registry of export staging folders, so that one left by a killed export is removed later.

An export builds its bag in a staging folder beside the destination (exports.bag), holding
plaintext copies of evidence. ``finally`` removes it, but not when the process is killed or the
power fails, and the destination can be anywhere: a USB stick, a network share. So each staging
folder is registered here before anything is written into it and unregistered once it is gone,
and every start of the command line or the desktop app calls :func:`sweep`, which removes the
folders of registered exports whose process is dead.

The registry is a private folder (0700) in the per-user state folder with one small file (0600)
per export in progress, ``<pid>-<random>.json``: one file each, so concurrent exports never
rewrite a shared file. An entry holds the owning process id and the staging folder's path.
The staging folder's own name carries no user data (``.custodia-partial-<pid>-<random hex>``);
its parent folder's path is the user's choice and may name a case, which is why the entry is
private and exists only while the export runs, or until the next start after a crash.

Only folders whose name has the staging prefix are ever removed, so a damaged or planted entry
cannot make a sweep delete anything else. A reused pid keeps a dead export's folder until that
process ends too; the sweep at a later start then removes it.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

STAGING_PREFIX = ".custodia-partial-"
STATE_DIR_ENV = "CUSTODIA_STATE_DIR"  # tests and portable installs point this elsewhere
REGISTRY = "staging"


def registry_dir() -> Path:
    override = os.environ.get(STATE_DIR_ENV)
    if override:
        return Path(override) / REGISTRY
    import platformdirs  # here: the sweep at start-up usually needs only this folder's name

    return Path(platformdirs.user_state_dir("custodia", appauthor=False)) / REGISTRY


def staging_name() -> str:
    """A staging folder name with no user data in it (the pid lets a sibling export see if its
    owner still runs)."""
    import secrets  # json, secrets and shutil load on use: sweep() runs at every start

    return f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(8)}"


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def register(staging: Path) -> Path | None:
    """Record ``staging`` before it is created; returns the entry for :func:`unregister`.

    Durable (fsynced) before the export writes its first byte, so a power loss cannot leave an
    unregistered folder. A registry that cannot be written does not stop the export: the next
    export into the same folder still removes a stale sibling (exports.bag). None then.
    """
    import json
    import secrets

    folder = registry_dir()
    entry = folder / f"{os.getpid()}-{secrets.token_hex(8)}.json"
    temp = entry.with_suffix(".tmp")
    data = json.dumps({"pid": os.getpid(), "path": str(Path(staging).absolute())}).encode()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, entry)
        _fsync_dir(folder)
    except OSError as exc:
        log.warning("staging folder not registered: %s", type(exc).__name__)
        temp.unlink(missing_ok=True)
        return None
    return entry


def unregister(entry: Path | None) -> None:
    if entry is None:
        return
    try:
        entry.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("staging registry entry not removed: %s", type(exc).__name__)


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


if sys.platform == "win32":  # pragma: no cover - Windows only

    def _windows_process_alive(pid: int) -> bool:
        # os.kill(pid, 0) would terminate the process on Windows; ask for its exit code instead.
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)


def _remove(path: Path) -> bool:
    """Remove one staging folder; True when it is gone."""
    if not path.is_absolute() or not path.name.startswith(STAGING_PREFIX):
        return True  # not a staging folder: never ours to delete; forget the entry
    if path.is_symlink():
        return True
    if not path.exists():
        return True
    import shutil

    shutil.rmtree(path, ignore_errors=True)
    return not path.exists()


def sweep() -> int:
    """Remove the staging folders of registered exports whose process is dead; returns how many.

    Costs one directory listing when nothing is registered: it runs at every start.
    """
    folder = registry_dir()
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    if not names:
        return 0
    import json

    removed = 0
    for name in names:
        entry = folder / name
        try:
            if name.endswith(".tmp"):
                # A registration killed before its rename: its export never began writing.
                pid_text = name.split("-", 1)[0]
                if not pid_text.isdigit() or not process_alive(int(pid_text)):
                    entry.unlink(missing_ok=True)
                continue
            if not name.endswith(".json"):
                continue
            record = json.loads(entry.read_bytes())
            pid, path = int(record["pid"]), Path(str(record["path"]))
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("unreadable staging registry entry skipped")
            continue
        if process_alive(pid):
            continue
        existed = path.exists()
        if _remove(path):
            removed += existed and not path.exists()
            unregister(entry)
        else:
            log.warning("stale staging folder could not be removed; kept for the next start")
    if removed:
        log.info("%d stale export staging folder(s) removed", removed)
    return removed
