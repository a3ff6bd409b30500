"""Private, durable file-system primitives: 0700 folders, 0600 files, atomic replace."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from vault.errors import ReadOnlyStorageError, StorageFullError, VaultError

DIR_MODE = 0o700
FILE_MODE = 0o600


def harden_process() -> None:
    """Make every file this process creates private to its user."""
    os.umask(0o077)


def make_private_dir(path: Path) -> None:
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    # mkdir's mode is filtered by the umask and not applied to existing folders.
    os.chmod(path, DIR_MODE)


def fsync_dir(path: Path) -> None:
    """Persist a rename or unlink: POSIX needs the directory itself flushed."""
    if os.name == "nt":  # Windows has no directory handles to flush; NTFS journals renames.
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def translate_os_error(exc: OSError) -> VaultError:
    """Map the storage failures users can act on to clear errors."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFullError(f"errno {exc.errno}")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyStorageError(f"errno {exc.errno}")
    return VaultError(f"storage error errno {exc.errno}")


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise translate_os_error(exc) from exc


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` so that ``path`` holds either the old or the new content, never a mix."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with storage_errors():
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
            try:
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        fsync_dir(path.parent)
