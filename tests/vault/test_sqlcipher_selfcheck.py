"""The start-up self-check refuses SQLCipher builds or settings that would weaken the vault."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from vault.db import assert_encrypted_file, connect, self_check
from vault.errors import SqlcipherUnsafeError

KEY = bytes(range(32))


def keyed(path: Path) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{KEY.hex()}'\"")
    return conn


def test_the_installed_build_passes(tmp_path: Path) -> None:
    conn = connect(tmp_path / "ok.db", KEY)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert_encrypted_file(tmp_path / "ok.db")


def test_plain_sqlite_is_refused(tmp_path: Path) -> None:
    plain = sqlite3.connect(tmp_path / "plain.db")
    with pytest.raises(SqlcipherUnsafeError):
        self_check(plain)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    with pytest.raises(SqlcipherUnsafeError):
        assert_encrypted_file(tmp_path / "plain.db")


def test_a_plaintext_header_is_refused(tmp_path: Path) -> None:
    conn = keyed(tmp_path / "header.db")
    conn.execute("PRAGMA cipher_plaintext_header_size = 32")
    with pytest.raises(SqlcipherUnsafeError):
        self_check(conn)


def test_hmac_disabled_is_refused(tmp_path: Path) -> None:
    conn = keyed(tmp_path / "nohmac.db")
    conn.execute("PRAGMA cipher_use_hmac = OFF")
    if conn.execute("PRAGMA cipher_use_hmac").fetchone()[0] != "0":
        pytest.skip("this SQLCipher build no longer lets HMAC be turned off")
    with pytest.raises(SqlcipherUnsafeError):
        self_check(conn)
