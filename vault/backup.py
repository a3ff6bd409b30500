"""Encrypted, incremental, signed backups of a vault, and their restore.

A backup folder (any folder: an external drive, a mounted share) holds generations::

    DEST/CURRENT                       name of the newest complete generation (atomic)
    DEST/generations/<name>/vault.json the header, still wrapping the master key in its slots
    DEST/generations/<name>/vault.db   a consistent copy through SQLite's backup API, same key
    DEST/generations/<name>/manifest.json  SHA-256 of every file, checkpoint, Ed25519 signature
    DEST/blobs/ab/<id>                 encrypted evidence, shared by every generation

Nothing in it is readable without the passphrase or recovery key: every file is copied in its
encrypted form. Blob files are immutable, so a second backup copies only the new ones. A new
generation is assembled in a staging folder and named in ``CURRENT`` only once complete, so a
cancelled, failed or killed backup leaves the previous one intact.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from vault.blobs import CHUNK_SIZE, Progress, ciphertext_size
from vault.constants import DB_FILE, HEADER_FILE
from vault.errors import (
    AnchorRollbackError,
    OperationCancelledError,
    VaultError,
    VaultExistsError,
    VaultInUseError,
)
from vault.fingerprints import parse_fingerprints
from vault.fsutil import FILE_MODE, atomic_write, fsync_dir, make_private_dir, storage_errors
from vault.header import Checkpoint, canonical_json
from vault.vault import Problem, Vault, key_fingerprint

log = logging.getLogger(__name__)

FORMAT_NAME = "custodia-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CURRENT = "CURRENT"
GENERATIONS = "generations"
KEEP_GENERATIONS = 10
MAX_MANIFEST_BYTES = 64 << 20
# A sequence number first, so generations sort in the order taken even if the clock jumps.
_GENERATION_RE = re.compile(r"^\d{6}-\d{8}T\d{6}Z-[0-9a-f]{6}$")
_FILE_RE = re.compile(r"^(vault\.json|vault\.db|blobs/[0-9a-f]{2}/[0-9a-f]{32})$")


class BackupError(VaultError):
    code = "backup.error"
    message = "The backup could not be made or read."


class BackupNotFoundError(BackupError):
    code = "backup.not_found"
    message = "No Custodia backup was found in this folder."


class BackupDamagedError(BackupError):
    code = "backup.damaged"
    message = "The backup is damaged or was tampered with."


class RestoreTargetExistsError(VaultExistsError):
    code = "backup.restore_target_exists"
    message = "The restore destination already holds a vault or other files; choose a new folder."


@dataclass(frozen=True)
class BackupReport:
    generation: str
    taken_at: str
    files: int
    blobs_copied: int
    blobs_reused: int
    bytes_written: int


class BackupOfAnotherVaultError(BackupError):
    code = "backup.other_vault"
    message = "This backup folder holds another vault's backups (or its manifests were forged)."


@dataclass(frozen=True)
class BackupCheck:
    generation: str
    taken_at: str
    vault_id: str
    files_checked: int
    problems: tuple[Problem, ...]
    signer_fingerprint: str = ""
    # Whether the manifest's signer is a key the caller expected (or the vault's own): a backup
    # that only vouches for itself proves integrity, not whose it is (DESIGN §6.5).
    signer_confirmed: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def _sha256_file(path: Path, cancel: threading.Event | None = None) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            if cancel is not None and cancel.is_set():
                raise OperationCancelledError()
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _copy_durably(source: Path, target: Path, cancel: threading.Event | None) -> tuple[str, int]:
    """Copy through a temporary name, fsync, rename; returns the SHA-256 and size copied."""
    temporary = target.with_name(f".{target.name}.part-{secrets.token_hex(4)}")
    digest = hashlib.sha256()
    size = 0
    try:
        with open(source, "rb") as reader:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            with open(fd, "wb") as writer:
                while chunk := reader.read(CHUNK_SIZE):
                    if cancel is not None and cancel.is_set():
                        raise OperationCancelledError()
                    digest.update(chunk)
                    writer.write(chunk)
                    size += len(chunk)
                writer.flush()
                os.fsync(writer.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return digest.hexdigest(), size


def _generation_name(vault: Vault, dest: Path) -> str:
    existing = list_generations(dest)
    number = int(existing[-1].split("-", 1)[0]) + 1 if existing else 1
    stamp = vault.clock().strftime("%Y%m%dT%H%M%SZ")
    return f"{number:06d}-{stamp}-{secrets.token_hex(3)}"


class _BackupLock:
    """One backup at a time per destination."""

    def __init__(self, dest: Path) -> None:
        self._path = dest / ".backup.lock"
        self._handle: Any = None

    def __enter__(self) -> _BackupLock:
        self._handle = open(self._path, "a+b")
        if os.name != "nt":
            import fcntl

            try:
                fcntl.flock(self._handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                self._handle.close()
                raise VaultInUseError("another backup is writing to this folder") from exc
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def _read_manifest(generation_dir: Path) -> dict[str, Any]:
    path = generation_dir / MANIFEST
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_MANIFEST_BYTES + 1)
    except OSError as exc:
        raise BackupDamagedError(f"{generation_dir.name}: manifest unreadable") from exc
    if len(raw) > MAX_MANIFEST_BYTES:
        raise BackupDamagedError("manifest too large")
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BackupDamagedError("manifest is not valid JSON") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise BackupDamagedError("not a Custodia backup manifest")
    files = manifest.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(name, str)
        and _FILE_RE.match(name)
        and isinstance(entry, dict)
        and isinstance(entry.get("sha256"), str)
        and type(entry.get("size")) is int
        for name, entry in files.items()
    ):
        raise BackupDamagedError("manifest lists malformed files")
    return manifest


def _verify_signature(manifest: dict[str, Any]) -> bool:
    body = {k: v for k, v in manifest.items() if k != "signature"}
    try:
        public_key = serialization.load_pem_public_key(str(manifest["public_key"]).encode())
        if not isinstance(public_key, Ed25519PublicKey):
            return False
        public_key.verify(bytes.fromhex(str(manifest["signature"])), canonical_json(body))
    except (KeyError, ValueError, TypeError, InvalidSignature):
        return False
    return True


def _signer_key(manifest: dict[str, Any]) -> Ed25519PublicKey | None:
    try:
        key = serialization.load_pem_public_key(str(manifest["public_key"]).encode())
    except (KeyError, ValueError, TypeError):
        return None
    return key if isinstance(key, Ed25519PublicKey) else None


def destination_checkpoints(dest: Path) -> list[tuple[str, Checkpoint]]:
    """The signed checkpoint of every readable generation at ``dest``: the anchors it keeps.

    A generation whose manifest cannot be read gives none; the caller checks each checkpoint's
    signature against the vault's own key, never against a key the destination supplies.
    """
    anchors: list[tuple[str, Checkpoint]] = []
    for name in list_generations(Path(dest)):
        try:
            manifest = _read_manifest(Path(dest) / GENERATIONS / name)
            anchors.append((f"{GENERATIONS}/{name}", Checkpoint.from_json(manifest["checkpoint"])))
        except (BackupError, KeyError, ValueError):
            log.info("backup generation %s gives no checkpoint", name)
    return anchors


def _refuse_rollback(vault: Vault, dest: Path) -> None:
    """Refuse to back up a vault older than, or diverging from, what ``dest`` already holds.

    The destination's checkpoints were signed by this vault's key when they were written, so a
    copy of the vault put back in place (whole folder, header and all) cannot rewrite them.
    """
    for where, checkpoint in destination_checkpoints(dest):
        problem = vault.anchor_problem(checkpoint, where)
        if problem is None:
            continue
        if problem.code == "anchor.other_vault":
            raise BackupOfAnotherVaultError(where)
        log.warning("backup of vault %s refused: %s at %s", vault.vault_id, problem.code, where)
        raise AnchorRollbackError(f"{where}: {problem.detail}")


def current_generation(dest: Path) -> str:
    try:
        name = (dest / CURRENT).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise BackupNotFoundError() from exc
    if not _GENERATION_RE.match(name) or not (dest / GENERATIONS / name).is_dir():
        raise BackupDamagedError("CURRENT names no generation")
    return name


def list_generations(dest: Path) -> list[str]:
    folder = dest / GENERATIONS
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if _GENERATION_RE.match(p.name))


def _file_path(dest: Path, generation: str, name: str) -> Path:
    return dest / name if name.startswith("blobs/") else dest / GENERATIONS / generation / name


def backup(
    vault: Vault,
    dest: Path,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> BackupReport:
    """Write a new generation of ``vault`` into ``dest``; copies only blobs not already there."""
    dest = Path(dest)
    with storage_errors():
        make_private_dir(dest)
        make_private_dir(dest / GENERATIONS)
        make_private_dir(dest / "blobs")
    with _BackupLock(dest), storage_errors():
        return _backup_locked(vault, dest, progress, cancel)


def _previous_hashes(dest: Path) -> dict[str, dict[str, Any]]:
    """Blob hashes from the newest readable generation, so unchanged blobs are not re-read."""
    try:
        manifest = _read_manifest(dest / GENERATIONS / current_generation(dest))
    except BackupError:
        return {}
    files: dict[str, dict[str, Any]] = manifest["files"]
    return {name: entry for name, entry in files.items() if name.startswith("blobs/")}


def _backup_locked(
    vault: Vault, dest: Path, progress: Progress | None, cancel: threading.Event | None
) -> BackupReport:
    for stale in (dest / GENERATIONS).glob(".staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    _refuse_rollback(vault, dest)
    generation = _generation_name(vault, dest)
    staging = dest / GENERATIONS / f".staging-{generation}"
    make_private_dir(staging)
    try:
        checkpoint = vault.checkpoint("vault.backup_started", {"generation": generation})
        # Header first: the database copy taken after it always holds the checkpointed entry.
        header_sha, header_size = _copy_durably(
            vault.path / HEADER_FILE, staging / HEADER_FILE, cancel
        )
        blobs = vault.snapshot_database(staging / DB_FILE)
        db_sha, db_size = _sha256_file(staging / DB_FILE)
        files: dict[str, dict[str, Any]] = {
            HEADER_FILE: {"sha256": header_sha, "size": header_size},
            DB_FILE: {"sha256": db_sha, "size": db_size},
        }
        previous = _previous_hashes(dest)
        total = sum(ciphertext_size(int(row[1])) for row in blobs) or 1
        done = copied = reused = 0
        written = header_size + db_size
        for blob_id, plain_size in blobs:
            if cancel is not None and cancel.is_set():
                raise OperationCancelledError()
            name = f"blobs/{blob_id[:2]}/{blob_id}"
            expected_size = ciphertext_size(int(plain_size))
            target_path = dest / name
            known = previous.get(name)
            if target_path.is_file() and target_path.stat().st_size == expected_size:
                if known is not None and known.get("size") == expected_size:
                    files[name] = known
                else:
                    sha, size = _sha256_file(target_path, cancel)
                    files[name] = {"sha256": sha, "size": size}
                reused += 1
            else:
                make_private_dir(target_path.parent)
                sha, size = _copy_durably(vault.blobs.path_of(blob_id), target_path, cancel)
                fsync_dir(target_path.parent)
                files[name] = {"sha256": sha, "size": size}
                copied += 1
                written += size
            done += expected_size
            if progress is not None:
                progress(done, total)
        manifest: dict[str, Any] = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "vault_id": vault.vault_id,
            "generation": generation,
            "taken_at": checkpoint.at,
            "checkpoint": checkpoint.to_json(),
            "public_key": vault.public_key_pem().decode("ascii"),
            "files": files,
        }
        manifest["signature"] = vault.signing_key.sign(canonical_json(manifest)).hex()
        atomic_write(staging / MANIFEST, json.dumps(manifest, indent=1).encode())
        final = dest / GENERATIONS / generation
        os.replace(staging, final)
        fsync_dir(dest / GENERATIONS)
        atomic_write(dest / CURRENT, (generation + "\n").encode("ascii"))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _prune(dest)
    with vault.transaction() as tx:
        tx.audit(
            "vault.backed_up",
            vault.vault_id,
            {
                "generation": generation,
                "blobs_copied": copied,
                "blobs_reused": reused,
                "bytes_written": written,
            },
        )
    log.info("vault %s backed up as %s (%d blobs copied)", vault.vault_id, generation, copied)
    return BackupReport(generation, checkpoint.at, len(files), copied, reused, written)


def _prune(dest: Path) -> None:
    """Keep the newest generations, and only the blobs some kept generation lists."""
    generations = list_generations(dest)
    current = current_generation(dest)
    for old in generations[:-KEEP_GENERATIONS]:
        if old != current:
            shutil.rmtree(dest / GENERATIONS / old, ignore_errors=True)
    kept: set[str] = set()
    for name in list_generations(dest):
        try:
            kept.update(_read_manifest(dest / GENERATIONS / name)["files"])
        except BackupError:
            return  # never delete blobs while a generation's needs are unknown
    for bucket in (dest / "blobs").iterdir():
        if not bucket.is_dir():
            continue
        for blob in bucket.iterdir():
            if f"blobs/{bucket.name}/{blob.name}" not in kept:
                with contextlib.suppress(OSError):
                    blob.unlink()


def last_backup_time(vault: Vault) -> str | None:
    """When this vault last completed a backup, from its own ledger."""
    entries = vault.audit_entries(action_prefix="vault.backed_up", limit=1)
    return entries[0].at if entries else None


def check_backup(
    dest: Path,
    generation: str | None = None,
    *,
    expect_keys: Sequence[str] = (),
    vault_key: Ed25519PublicKey | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> BackupCheck:
    """Verify one generation (the current one by default) without restoring it.

    The signer is confirmed as ``verify`` confirms a bundle's sender: by a fingerprint given
    with ``expect_keys`` (SHA-256 of the DER public key) or by the vault's own key. A manifest
    signed by any other key is a problem when either is given, and unconfirmed otherwise.
    """
    expected = set(parse_fingerprints(expect_keys))  # a shortened pin is a usage error
    dest = Path(dest)
    if not (dest / GENERATIONS).is_dir():
        raise BackupNotFoundError()
    name = generation or current_generation(dest)
    if not _GENERATION_RE.match(name):
        raise BackupNotFoundError("no such generation")
    folder = dest / GENERATIONS / name
    manifest = _read_manifest(folder)
    problems: list[Problem] = []
    manifest_name = f"{GENERATIONS}/{name}/{MANIFEST}"
    if not _verify_signature(manifest):
        problems.append(
            Problem("backup.signature", manifest_name, "manifest signature does not verify")
        )
    signer = _signer_key(manifest)
    fingerprint = "" if signer is None else key_fingerprint(signer)
    if vault_key is not None:
        expected.add(key_fingerprint(vault_key))
    confirmed = bool(fingerprint) and fingerprint in expected
    if expected and not confirmed:
        problems.append(
            Problem(
                "backup.wrong_signer",
                manifest_name,
                f"signed by {fingerprint or 'no usable key'}, not by the expected key",
            )
        )
    files: dict[str, dict[str, Any]] = manifest["files"]
    total = sum(int(entry["size"]) for entry in files.values()) or 1
    done = 0
    for file_name, entry in sorted(files.items()):
        path = _file_path(dest, name, file_name)
        shown = str(path.relative_to(dest))
        if path.is_symlink() or not path.is_file():
            problems.append(Problem("backup.missing", shown, "file missing"))
            continue
        sha, size = _sha256_file(path, cancel)
        if size != entry["size"] or sha != entry["sha256"]:
            problems.append(Problem("backup.hash_mismatch", shown, "content does not match"))
        done += size
        if progress is not None:
            progress(done, total)
    for extra in sorted(folder.iterdir()):
        if extra.name != MANIFEST and extra.name not in files:
            problems.append(
                Problem(
                    "backup.unexpected_file",
                    str(extra.relative_to(dest)),
                    "file not in the manifest",
                )
            )
    return BackupCheck(
        name,
        str(manifest.get("taken_at", "")),
        str(manifest.get("vault_id", "")),
        len(files),
        tuple(problems),
        fingerprint,
        confirmed and not problems,
    )


def restore(
    dest: Path,
    new_path: Path,
    *,
    generation: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> BackupCheck:
    """Copy a verified generation into ``new_path``, which must not hold anything yet.

    The restored vault must then be opened with :meth:`Vault.unlock` and ``restored_from`` (see
    :func:`restore_note`) so that the ledger names the restore: a rollback, but never a silent one.
    """
    dest, new_path = Path(dest), Path(new_path)
    if new_path.exists() and (not new_path.is_dir() or any(new_path.iterdir())):
        raise RestoreTargetExistsError()
    checked = check_backup(dest, generation, cancel=cancel)
    if not checked.ok:
        first = checked.problems[0]
        raise BackupDamagedError(f"{first.subject}: {first.code}")
    manifest = _read_manifest(dest / GENERATIONS / checked.generation)
    staging = new_path.parent / f".{new_path.name}.restoring-{secrets.token_hex(4)}"
    files: dict[str, dict[str, Any]] = manifest["files"]
    total = sum(int(entry["size"]) for entry in files.values()) or 1
    done = 0
    with storage_errors():
        try:
            make_private_dir(staging)
            make_private_dir(staging / "tmp")
            make_private_dir(staging / "blobs")
            for file_name, entry in sorted(files.items()):
                target = staging / file_name
                make_private_dir(target.parent)
                sha, size = _copy_durably(
                    _file_path(dest, checked.generation, file_name), target, cancel
                )
                if sha != entry["sha256"]:
                    raise BackupDamagedError(f"{file_name} changed while it was restored")
                done += size
                if progress is not None:
                    progress(done, total)
            if new_path.exists():
                new_path.rmdir()
            os.replace(staging, new_path)
            fsync_dir(new_path.parent)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    log.info("backup generation %s restored", checked.generation)
    return checked


def restore_note(check: BackupCheck) -> dict[str, Any]:
    """The ledger details of a restore, for :meth:`Vault.unlock`'s ``restored_from``."""
    return {"generation": check.generation, "backup_taken_at": check.taken_at}
