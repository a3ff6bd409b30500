"""The vault commands of the command line, run as a user runs them: as a separate process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vault.kdf import DEFAULT_KDF, derive_passphrase_key

PASSPHRASE = "correct horse battery staple"


def custodia(*args: str, stdin: str = "", log_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CUSTODIA_LOG_DIR": str(log_dir)}
    return subprocess.run(
        [sys.executable, "-m", "ui", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def cli_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    root = tmp_path_factory.mktemp("cli")
    path, logs = root / "vault", root / "logs"
    result = custodia(
        "vault",
        "init",
        str(path),
        "--user",
        "ana",
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
        log_dir=logs,
    )
    assert result.returncode == 0, result.stderr
    match = re.search(r"\b([A-Z2-7]{4}(?:-[A-Z2-7]{4}){7})\b", result.stdout)
    assert match, "the recovery key is printed once at creation"
    return path, match.group(1), logs


def test_init_uses_the_full_default_kdf(cli_vault: tuple[Path, str, Path]) -> None:
    path, _, _ = cli_vault
    header = (path / "vault.json").read_text()
    assert f'"memory_kib": {DEFAULT_KDF.memory_kib}' in header
    assert DEFAULT_KDF.memory_kib == 256 * 1024
    assert (DEFAULT_KDF.iterations, DEFAULT_KDF.lanes) == (3, 4)


def test_check_passes_on_a_fresh_vault(cli_vault: tuple[Path, str, Path]) -> None:
    path, _, logs = cli_vault
    result = custodia(
        "vault", "check", str(path), "--passphrase-stdin", stdin=PASSPHRASE + "\n", log_dir=logs
    )
    assert result.returncode == 0, result.stderr
    assert "no problems found" in result.stdout
    assert result.stderr == ""


def test_wrong_passphrase_is_exit_2_after_one_kdf(cli_vault: tuple[Path, str, Path]) -> None:
    path, _, logs = cli_vault
    started = time.perf_counter()
    derive_passphrase_key("x" * 12, b"\0" * 16, DEFAULT_KDF)
    one_kdf = time.perf_counter() - started

    started = time.perf_counter()
    result = custodia(
        "vault", "check", str(path), "--passphrase-stdin", stdin="not the one\n", log_dir=logs
    )
    elapsed = time.perf_counter() - started
    assert result.returncode == 2
    assert "wrong passphrase" in result.stderr.lower()
    assert "Traceback" not in result.stderr
    # One KDF plus interpreter start-up: never a second slot tried, never a retry loop.
    assert elapsed < one_kdf * 2 + 5


def test_damaged_header_is_a_clear_error(cli_vault: tuple[Path, str, Path], tmp_path: Path) -> None:
    path, _, logs = cli_vault
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for name in ("vault.json", "vault.db"):
        (damaged / name).write_bytes((path / name).read_bytes())
    raw = bytearray((damaged / "vault.json").read_bytes())
    raw[len(raw) // 2] ^= 0x04
    (damaged / "vault.json").write_bytes(bytes(raw))
    result = custodia(
        "vault",
        "check",
        str(damaged),
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
        log_dir=logs,
    )
    assert result.returncode == 2
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr


def test_passwd_then_recovery_key(cli_vault: tuple[Path, str, Path]) -> None:
    path, recovery_key, logs = cli_vault
    new = "a brand new passphrase"
    result = custodia(
        "vault",
        "passwd",
        str(path),
        "--passphrase-stdin",
        stdin=f"{PASSPHRASE}\n{new}\n",
        log_dir=logs,
    )
    assert result.returncode == 0, result.stderr
    old = custodia(
        "vault", "check", str(path), "--passphrase-stdin", stdin=PASSPHRASE + "\n", log_dir=logs
    )
    assert old.returncode == 2
    # The recovery key resets the forgotten passphrase back.
    reset = custodia(
        "vault",
        "passwd",
        str(path),
        "--recovery-key",
        "--passphrase-stdin",
        stdin=f"{recovery_key.lower()}\n{PASSPHRASE}\n",
        log_dir=logs,
    )
    assert reset.returncode == 0, reset.stderr
    ok = custodia(
        "vault", "check", str(path), "--passphrase-stdin", stdin=PASSPHRASE + "\n", log_dir=logs
    )
    assert ok.returncode == 0, ok.stderr


def test_check_reports_a_tampered_blob_with_exit_1(tmp_path: Path) -> None:
    from vault import KdfParams, Vault

    path, logs = tmp_path / "v", tmp_path / "logs"
    vault, _ = Vault.create(path, "ana", PASSPHRASE, kdf=KdfParams(8 * 1024, 1, 1))
    source = tmp_path / "evidence.bin"
    source.write_bytes(os.urandom(3000))
    info = vault.ingest_file(source)
    with vault.transaction() as tx:
        tx.register_blob(info)
        tx.audit("test.blob_added", info.blob_id)
    vault.lock()
    blob = vault.blobs.path_of(info.blob_id)
    raw = bytearray(blob.read_bytes())
    raw[100] ^= 1
    blob.write_bytes(bytes(raw))
    result = custodia(
        "vault", "check", str(path), "--passphrase-stdin", stdin=PASSPHRASE + "\n", log_dir=logs
    )
    assert result.returncode == 1
    assert info.blob_id in result.stdout


def test_usage_errors_are_exit_2(tmp_path: Path) -> None:
    assert custodia("vault", "nonsense", log_dir=tmp_path).returncode == 2
    missing = custodia(
        "vault",
        "check",
        str(tmp_path / "none"),
        "--passphrase-stdin",
        stdin="x\n",
        log_dir=tmp_path,
    )
    assert missing.returncode == 2
    assert "No vault was found" in missing.stderr
    no_tty = custodia("vault", "init", str(tmp_path / "v"), "--user", "a", log_dir=tmp_path)
    assert no_tty.returncode == 2
    assert "--passphrase-stdin" in no_tty.stderr


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("custodia ")


def test_backup_check_and_restore_commands(tmp_path: Path) -> None:
    from vault import KdfParams, Vault

    path, dest, logs = tmp_path / "v", tmp_path / "backup", tmp_path / "logs"
    Vault.create(path, "ana", PASSPHRASE, kdf=KdfParams(8 * 1024, 1, 1))[0].lock()
    made = custodia(
        "vault",
        "backup",
        str(path),
        str(dest),
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
        log_dir=logs,
    )
    assert made.returncode == 0, made.stderr
    checked = custodia("vault", "backup", "--check", str(dest), log_dir=logs)
    assert checked.returncode == 3, checked.stdout  # intact; whose it is not confirmed
    restored = custodia(
        "vault",
        "restore",
        str(dest),
        str(tmp_path / "restored"),
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
        log_dir=logs,
    )
    assert restored.returncode == 0, restored.stderr
    again = custodia(
        "vault",
        "restore",
        str(dest),
        str(tmp_path / "restored"),
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
        log_dir=logs,
    )
    assert again.returncode == 2
    assert "already holds" in again.stderr
    db = next((dest / "generations").glob("*/vault.db"))
    raw = bytearray(db.read_bytes())
    raw[5000] ^= 0xFF
    db.write_bytes(bytes(raw))
    tampered = custodia("vault", "backup", "--check", str(dest), log_dir=logs)
    assert tampered.returncode == 1
    assert "vault.db" in tampered.stdout


def test_gui_smoke_start_through_the_command(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "CUSTODIA_LOG_DIR": str(tmp_path / "logs"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "ui", "gui", "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_vault_users_lists_names_and_roles_in_columns(cli_vault: tuple[Path, str, Path]) -> None:
    path, _, logs = cli_vault
    result = custodia(
        "vault", "users", str(path), "--passphrase-stdin", stdin=PASSPHRASE + "\n", log_dir=logs
    )
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stdout.splitlines() if line.startswith("ana")]
    assert line.split()[:2] == ["ana", "administrator"]
    assert "\\t" not in result.stdout  # no escaped tab from the column layout
