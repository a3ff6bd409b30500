"""Faults: each ends in a clear CustodiaError, and afterwards nothing is lost.

Faults are injected where the operating system would report them (the file objects and ``os``
calls of vault.blobs and vault.fsutil, SQLite's own page limit) so that the tests run without
privileges. Where the sandbox allows mounting (root), the same faults are also produced for real
on a tiny tmpfs: a full disk and a medium remounted read-only.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import textwrap
import types
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend

import vault.blobs
import vault.fsutil
import vault.vault
from tests.conftest import TEST_PASSPHRASE, TEST_USER, MemoryKeyring
from tests.reliability.helpers import (
    Acked,
    assert_whole,
    files_under,
    ingest_committed,
)
from vault import KdfParams, Vault
from vault.errors import (
    CustodiaError,
    KeyringSecretMissingError,
    KeyringUnavailableError,
    ReadOnlyStorageError,
    SourceChangedError,
    SourceUnreadableError,
    StorageFullError,
    VaultInUseError,
    WrongPassphraseError,
)

NEW_PASSPHRASE = "a new and longer passphrase"
MIB = 1 << 20


# Fixtures and injection tools ---------------------------------------------------------------


@pytest.fixture
def seeded(new_vault: Vault, tmp_path: Path) -> tuple[Vault, Acked]:
    """An unlocked vault that already holds three committed blobs (one spans two chunks)."""
    acked: Acked = {}
    for n, size in enumerate((0, 5_000, MIB + 7)):
        blob_id, expected = ingest_committed(new_vault, tmp_path / f"seed-{n}", os.urandom(size))
        acked[blob_id] = expected
    return new_vault, acked


def source_file(tmp_path: Path, size: int = 3 * MIB + 11) -> Path:
    path = tmp_path / "sources" / f"source-{uuid.uuid4().hex}.bin"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(os.urandom(size))
    return path


class OsProxy(types.SimpleNamespace):
    """Stands in for the ``os`` module inside one vault module; listed functions are replaced."""

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)


def patch_os(monkeypatch: pytest.MonkeyPatch, module: types.ModuleType, **overrides: Any) -> None:
    monkeypatch.setattr(module, "os", OsProxy(**overrides))


def os_error(code: int) -> OSError:
    return OSError(code, os.strerror(code))


class FailingWriter:
    """Wraps a writable file; the ``fail_at``-th write (1-based) raises ``code``."""

    def __init__(self, inner: Any, fail_at: int, code: int) -> None:
        self._inner = inner
        self._fail_at = fail_at
        self._code = code
        self.writes = 0

    def write(self, data: bytes) -> int:
        self.writes += 1
        if self.writes >= self._fail_at:
            raise os_error(self._code)
        return int(self._inner.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def __enter__(self) -> FailingWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._inner.close()


class FailingReader:
    """Wraps a readable file; reads after ``good_reads`` successful ones raise EIO."""

    def __init__(self, inner: Any, good_reads: int) -> None:
        self._inner = inner
        self._good = good_reads

    def read(self, size: int = -1) -> bytes:
        if self._good <= 0:
            raise os_error(errno.EIO)
        self._good -= 1
        return bytes(self._inner.read(size))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def __enter__(self) -> FailingReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self._inner.close()


def assert_no_leftovers(v: Vault, acked: Acked) -> None:
    """While still unlocked: no staged file and no blob beyond the acknowledged ones."""
    assert not files_under(v.path / "tmp")
    assert set(v.blobs.stored_ids()) == set(acked)


# Disk full -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fail_at", [1, 2, 3, 4])
def test_disk_full_while_writing_a_blob(
    seeded: tuple[Vault, Acked], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: int
) -> None:
    v, acked = seeded
    real_open = open

    def full_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, mode, *args, **kwargs)
        return FailingWriter(handle, fail_at, errno.ENOSPC) if "w" in mode else handle

    monkeypatch.setattr(vault.blobs, "open", full_open, raising=False)
    with pytest.raises(StorageFullError):
        v.ingest_file(source_file(tmp_path))
    monkeypatch.undo()
    assert_no_leftovers(v, acked)
    v.lock()
    assert_whole(v.path, acked)


@pytest.mark.parametrize("call", ["fsync", "replace"])
def test_disk_full_when_flushing_or_renaming_a_blob(
    seeded: tuple[Vault, Acked], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    v, acked = seeded

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise os_error(errno.ENOSPC)

    patch_os(monkeypatch, vault.blobs, **{call: refuse})
    with pytest.raises(StorageFullError):
        v.ingest_file(source_file(tmp_path, 1000))
    monkeypatch.undo()
    assert_no_leftovers(v, acked)
    v.lock()
    assert_whole(v.path, acked)


def test_disk_full_in_the_database(seeded: tuple[Vault, Acked], tmp_path: Path) -> None:
    # SQLite's page limit produces the very error (SQLITE_FULL) a full disk does.
    v, acked = seeded
    conn = v._connection()
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    source = source_file(tmp_path, 2000)
    info = v.ingest_file(source)

    def commit() -> None:
        with v.transaction() as tx:
            tx.register_blob(info)
            tx.execute("INSERT INTO vault_meta (key, value) VALUES ('pad', ?)", ("x" * 200_000,))
            tx.audit("test.blob", info.blob_id, {})

    with pytest.raises(StorageFullError):
        commit()
    v.discard_unregistered_blob(info.blob_id)
    assert_no_leftovers(v, acked)
    conn.execute("PRAGMA max_page_count = 1073741823")
    v.lock()
    assert_whole(v.path, acked)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_header_write_fails_during_passphrase_change(
    seeded: tuple[Vault, Acked], monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    v, acked = seeded

    def refuse(*_args: Any, **_kwargs: Any) -> int:
        raise os_error(code)

    patch_os(monkeypatch, vault.fsutil, write=refuse)
    expected = StorageFullError if code == errno.ENOSPC else ReadOnlyStorageError
    with pytest.raises(expected):
        v.change_passphrase(TEST_USER, NEW_PASSPHRASE)
    # Locking needs the header too: it fails just as clearly, and the keys are gone anyway.
    with pytest.raises(expected):
        v.lock()
    assert not v.is_open
    monkeypatch.undo()
    assert not list(v.path.glob(".vault.json.tmp-*"))
    with pytest.raises(WrongPassphraseError):
        Vault.unlock(v.path, TEST_USER, NEW_PASSPHRASE)
    assert_whole(v.path, acked)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Mount a real tmpfs under tmp_path (root only); yields a function to remount it."""
    mount_point = tmp_path / "medium"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("this sandbox does not allow mounting")

    def remount(options: str) -> Path:
        subprocess.run(["mount", "-o", f"remount,{options}", str(mount_point)], check=True)
        return mount_point

    try:
        yield remount
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_real_full_disk_on_a_small_filesystem(
    tmpfs: Callable[[str], Path], tmp_path: Path, cheap_kdf: KdfParams
) -> None:
    medium = tmpfs("size=4m")
    path = medium / "vault"
    v, _ = Vault.create(path, TEST_USER, TEST_PASSPHRASE, kdf=cheap_kdf)
    acked: Acked = {}
    errors: list[type[CustodiaError]] = []
    # Fill the medium with blobs, then with database rows, until both have failed.
    for n in range(40):
        try:
            blob_id, expected = ingest_committed(v, tmp_path / f"s{n}", os.urandom(400_000))
            acked[blob_id] = expected
        except CustodiaError as exc:
            errors.append(type(exc))
            break
    for n in range(40):
        try:
            with v.transaction() as tx:
                tx.execute(
                    "INSERT INTO vault_meta (key, value) VALUES (?, ?)",
                    (f"pad-{n}", os.urandom(150_000).hex()),
                )
                tx.audit("test.padding", str(n), {})
        except CustodiaError as exc:
            errors.append(type(exc))
            break
    assert errors == [StorageFullError, StorageFullError]
    assert_no_leftovers(v, acked)
    try:
        v.lock()
    except StorageFullError:
        pass  # the closing checkpoint may not fit; the keys are forgotten all the same
    assert not v.is_open
    # Opening writes an audit entry: on a full disk that is refused clearly, not as "damaged".
    try:
        Vault.unlock(path, TEST_USER, TEST_PASSPHRASE).lock()
    except StorageFullError:
        pass
    tmpfs("size=64m")
    assert acked
    assert_whole(path, acked)


# Unreadable, vanishing and changing sources ----------------------------------------------------


@pytest.mark.parametrize("good_reads", [-1, 0, 1, 2])
def test_unreadable_source(
    seeded: tuple[Vault, Acked], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, good_reads: int
) -> None:
    # chmod 000 means nothing to root, so the EIO/EACCES comes from a wrapped file object.
    v, acked = seeded
    source = source_file(tmp_path)
    real_open = open

    def broken_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if file == source:
            if good_reads < 0:
                raise os_error(errno.EACCES)
            return FailingReader(real_open(file, mode, *args, **kwargs), good_reads)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(vault.blobs, "open", broken_open, raising=False)
    with pytest.raises(SourceUnreadableError):
        v.ingest_file(source)
    monkeypatch.undo()
    assert_no_leftovers(v, acked)
    v.lock()
    assert_whole(v.path, acked)


def test_source_that_does_not_exist(seeded: tuple[Vault, Acked], tmp_path: Path) -> None:
    v, acked = seeded
    with pytest.raises(SourceUnreadableError):
        v.ingest_file(tmp_path / "nowhere.bin")
    assert_no_leftovers(v, acked)
    v.lock()
    assert_whole(v.path, acked)


def _vanish(path: Path) -> None:
    path.unlink()


def _replace(path: Path) -> None:
    other = path.with_suffix(".new")
    other.write_bytes(os.urandom(path.stat().st_size))
    os.replace(other, path)


def _grow(path: Path) -> None:
    with open(path, "ab") as handle:
        handle.write(b"appended while being read")


def _shrink(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 3)


@pytest.mark.parametrize("change", [_vanish, _replace, _grow, _shrink])
@pytest.mark.parametrize("at_chunk", [1, 2])
def test_source_changes_mid_ingest(
    seeded: tuple[Vault, Acked], tmp_path: Path, change: Callable[[Path], None], at_chunk: int
) -> None:
    v, acked = seeded
    source = source_file(tmp_path)
    calls = 0

    def progress(_done: int, _total: int) -> None:
        nonlocal calls
        calls += 1
        if calls == at_chunk:
            change(source)

    with pytest.raises(SourceChangedError):
        v.ingest_file(source, progress=progress)
    assert calls >= at_chunk
    assert_no_leftovers(v, acked)
    v.lock()
    assert_whole(v.path, acked)


# Keyring ---------------------------------------------------------------------------------------


class BrokenDbusKeyring(KeyringBackend):
    """A backend that looks secure but raises on every call (a dead D-Bus session, say)."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")


def test_raising_keyring_never_blocks_the_passphrase(
    seeded: tuple[Vault, Acked], tmp_path: Path
) -> None:
    v, acked = seeded
    keyring.set_keyring(BrokenDbusKeyring())
    slots_before = v.header.slots
    with pytest.raises(KeyringUnavailableError):
        v.enable_keyring()
    assert v.header.slots == slots_before
    blob_id, expected = ingest_committed(v, tmp_path / "after", b"after the keyring failed")
    acked[blob_id] = expected
    v.lock()  # the checkpoint's keyring copy is skipped, not fatal
    assert_whole(v.path, acked)
    with pytest.raises(KeyringUnavailableError):
        Vault.unlock_with_keyring(v.path)


def test_keyring_discovery_that_raises(
    seeded: tuple[Vault, Acked], monkeypatch: pytest.MonkeyPatch
) -> None:
    v, acked = seeded

    def explode() -> KeyringBackend:
        raise RuntimeError("no backend")

    monkeypatch.setattr(keyring, "get_keyring", explode)
    with pytest.raises(KeyringUnavailableError):
        v.enable_keyring()
    v.lock()
    assert_whole(v.path, acked)


@pytest.mark.parametrize("failure", ["raises", "entry deleted", "entry overwritten"])
def test_keyring_that_fails_after_it_was_enabled(
    seeded: tuple[Vault, Acked], memory_keyring: MemoryKeyring, failure: str
) -> None:
    v, acked = seeded
    v.enable_keyring(TEST_USER)
    v.lock()
    slot_entries = [k for k in memory_keyring.entries if k[1].startswith("slot:")]
    assert len(slot_entries) == 1
    expected: type[CustodiaError]
    if failure == "raises":
        keyring.set_keyring(BrokenDbusKeyring())
        expected = KeyringUnavailableError
    elif failure == "entry deleted":
        del memory_keyring.entries[slot_entries[0]]
        expected = KeyringSecretMissingError
    else:
        memory_keyring.entries[slot_entries[0]] = "not base64 ✗"
        expected = KeyringUnavailableError
    with pytest.raises(expected):
        Vault.unlock_with_keyring(v.path)
    assert_whole(v.path, acked)  # the passphrase still opens it


def test_keyring_checkpoint_copy_garbled(
    seeded: tuple[Vault, Acked], memory_keyring: MemoryKeyring
) -> None:
    v, acked = seeded
    v.lock()
    for key in list(memory_keyring.entries):
        if key[1].startswith("checkpoint:"):
            memory_keyring.entries[key] = "{not json"
    assert_whole(v.path, acked)


# Read-only medium ------------------------------------------------------------------------------


def _read_only_os(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every open for writing, rename and unlink fails with EROFS, as on a locked SD card."""
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def ro_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & writing:
            raise os_error(errno.EROFS)
        return os.open(path, flags, *args, **kwargs)

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise os_error(errno.EROFS)

    for module in (vault.blobs, vault.fsutil):
        patch_os(monkeypatch, module, open=ro_open, replace=refuse, unlink=refuse, mkdir=refuse)
    real_open = open

    def ro_builtin_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            raise os_error(errno.EROFS)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(vault.vault, "open", ro_builtin_open, raising=False)
    monkeypatch.setattr(vault.blobs, "open", ro_builtin_open, raising=False)


def test_read_only_medium_refuses_unlock_clearly(
    seeded: tuple[Vault, Acked], monkeypatch: pytest.MonkeyPatch
) -> None:
    v, acked = seeded
    v.lock()
    _read_only_os(monkeypatch)
    with pytest.raises(ReadOnlyStorageError):
        Vault.unlock(v.path, TEST_USER, TEST_PASSPHRASE)
    monkeypatch.undo()
    assert_whole(v.path, acked)


def test_medium_turns_read_only_while_unlocked(
    seeded: tuple[Vault, Acked], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    v, acked = seeded
    source = source_file(tmp_path, 3000)
    _read_only_os(monkeypatch)
    with pytest.raises(ReadOnlyStorageError):
        v.ingest_file(source)
    with pytest.raises(ReadOnlyStorageError):
        v.change_passphrase(TEST_USER, NEW_PASSPHRASE)
    monkeypatch.undo()
    assert_no_leftovers(v, acked)
    v.lock()
    assert_whole(v.path, acked)


def test_real_read_only_remount(
    tmpfs: Callable[[str], Path], tmp_path: Path, cheap_kdf: KdfParams
) -> None:
    medium = tmpfs("rw")
    path = medium / "vault"
    v, _ = Vault.create(path, TEST_USER, TEST_PASSPHRASE, kdf=cheap_kdf)
    blob_id, expected = ingest_committed(v, tmp_path / "s", os.urandom(10_000))
    v.lock()
    tmpfs("ro")
    with pytest.raises(ReadOnlyStorageError):
        Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)
    assert Vault.users(path) == [TEST_USER]  # the header stays readable
    tmpfs("rw")
    assert_whole(path, {blob_id: expected})


# A second instance -----------------------------------------------------------------------------

SECOND_INSTANCE = textwrap.dedent(
    """
    import sys
    from vault import Vault
    from vault.errors import CustodiaError
    try:
        Vault.unlock(sys.argv[1], sys.argv[2], sys.argv[3]).lock()
    except CustodiaError as exc:
        print(exc.code)
        sys.exit(2)
    print("opened")
    """
)

HOLDER = textwrap.dedent(
    """
    import sys, time
    from vault import Vault
    v = Vault.unlock(sys.argv[1], sys.argv[2], sys.argv[3])
    print("holding", flush=True)
    time.sleep(120)
    """
)


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_second_process_is_refused_through_the_lock(seeded: tuple[Vault, Acked]) -> None:
    v, acked = seeded
    path = str(v.path)
    refused = run_python(SECOND_INSTANCE, path, TEST_USER, TEST_PASSPHRASE)
    assert (refused.returncode, refused.stdout.strip()) == (2, "vault.in_use"), refused.stderr
    assert "Traceback" not in refused.stderr
    with pytest.raises(VaultInUseError):  # a second window of the same process, too
        Vault.unlock(v.path, TEST_USER, TEST_PASSPHRASE)
    assert v.check().ok  # the refused attempts disturbed nothing
    v.lock()
    opened = run_python(SECOND_INSTANCE, path, TEST_USER, TEST_PASSPHRASE)
    assert opened.stdout.strip() == "opened", opened.stderr
    assert_whole(v.path, acked)


def test_lock_of_a_killed_holder_is_released(seeded: tuple[Vault, Acked]) -> None:
    v, acked = seeded
    v.lock()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(v.path), TEST_USER, TEST_PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(VaultInUseError):
            Vault.unlock(v.path, TEST_USER, TEST_PASSPHRASE)
    finally:
        holder.kill()
        holder.wait()
    assert_whole(v.path, acked)


# The clock goes backwards --------------------------------------------------------------------


class SteppingClock:
    """A wall clock that moves by ``step`` at every reading (negative: backwards)."""

    def __init__(self, start: datetime, step: timedelta) -> None:
        self.now = start
        self.step = step

    def __call__(self) -> datetime:
        self.now += self.step
        return self.now


def test_clock_going_backwards_keeps_the_ledger_valid(tmp_path: Path, cheap_kdf: KdfParams) -> None:
    clock = SteppingClock(datetime(2026, 3, 1, tzinfo=UTC), timedelta(hours=-7))
    path = tmp_path / "vault"
    v, _ = Vault.create(path, TEST_USER, TEST_PASSPHRASE, kdf=cheap_kdf, clock=clock)
    acked: Acked = {}
    for n in range(3):
        blob_id, expected = ingest_committed(v, tmp_path / f"s{n}", os.urandom(100 + n))
        acked[blob_id] = expected
    v.checkpoint("test.export", {})
    v.lock()
    # The clock jumps back a year between sessions (a dead CMOS battery), then a day forward.
    for start in (datetime(2025, 3, 1, tzinfo=UTC), datetime(2025, 3, 2, tzinfo=UTC)):
        clock = SteppingClock(start, timedelta(minutes=-1))
        v = Vault.unlock(path, TEST_USER, TEST_PASSPHRASE, clock=clock)
        blob_id, expected = ingest_committed(v, tmp_path / "later", os.urandom(50))
        acked[blob_id] = expected
        v.change_passphrase(TEST_USER, TEST_PASSPHRASE)
        v.lock()
    v = Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)
    try:
        times = [e.at for e in reversed(v.audit_entries(limit=10_000))]
        assert times != sorted(times)  # the ledger really did record time going backwards
        report = v.verify_audit()
        assert report.entries == len(times)
    finally:
        v.lock()
    assert_whole(path, acked)
