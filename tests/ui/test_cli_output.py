"""What the command line writes (issue 12): escaped user data, quiet closed pipes, a clean log."""

from __future__ import annotations

import ast
import io
import logging
import os
import subprocess
import sys
import unicodedata
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui import terminal
from ui.logsetup import WITHHELD, ForeignRecordFilter
from ui.terminal import terminal_safe
from vault import KdfParams, Vault

CHEAP = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"
BIDI = set("\u061c\u200e\u200f") | {chr(c) for c in range(0x202A, 0x202F)}
BIDI |= {chr(c) for c in range(0x2066, 0x206A)}
HOSTILE_TITLE = "Case \x1b]0;pwned\x07 title \u202eevil\u202c\nsecond line\x9b2J"
UI = Path(__file__).resolve().parents[2] / "ui"


def unsafe_chars(text: str) -> list[str]:
    return [ch for ch in text if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in BIDI]


# terminal_safe and out ---------------------------------------------------------------------


@given(st.text(alphabet=st.characters(codec=None, categories=None)))
def test_any_text_is_one_line_without_control_characters(text: str) -> None:
    captured = io.StringIO()
    with redirect_stdout(captured):
        terminal.out(text)
    written = captured.getvalue()
    assert written.endswith("\n")
    assert unsafe_chars(written[:-1]) == []


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))))
def test_ordinary_text_is_unchanged(text: str) -> None:
    if not set(text) & BIDI:
        assert terminal_safe(text) == text


def test_escapes_are_visible() -> None:
    assert terminal_safe("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert terminal_safe("x\u202ey") == "x\\u202ey"
    assert terminal_safe("one\ntwo\rthree\tfour") == "one\\ntwo\\rthree\\tfour"
    assert terminal_safe("\x7f\x9b\u2028\udcff") == "\\x7f\\x9b\\u2028\\udcff"
    assert terminal_safe("Constanța — Одеса C:\\Users") == "Constanța — Одеса C:\\Users"


def _calls_that_write(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "print":
            found.append(f"{path.name}:{node.lineno} print")
        if isinstance(func, ast.Attribute) and func.attr in ("write", "writelines"):
            found.append(f"{path.name}:{node.lineno} .{func.attr}")
    return found


def test_every_cli_line_goes_through_the_terminal_writer() -> None:
    """A future print in the command line would bypass the escaping: it fails here."""
    modules = sorted(UI.glob("cli*.py"))
    assert {p.name for p in modules} >= {"cli.py", "cli_intake.py", "cli_exports.py"}
    assert [call for path in modules for call in _calls_that_write(path)] == []


# logging -------------------------------------------------------------------------------------


def test_foreign_records_lose_their_message() -> None:
    record = logging.LogRecord("bagit", logging.INFO, "x", 1, "Creating %s", ("/out/RO-1",), None)
    ForeignRecordFilter().filter(record)
    assert record.getMessage() == WITHHELD
    own = logging.LogRecord("exports.bag", logging.INFO, "x", 1, "bundle %s", ("b1",), None)
    ForeignRecordFilter().filter(own)
    assert own.getMessage() == "bundle b1"


# the command line, as a separate process ---------------------------------------------------


def env_for(tmp: Path) -> dict[str, str]:
    return {
        **os.environ,
        "CUSTODIA_LOG_DIR": str(tmp / "logs"),
        "CUSTODIA_STATE_DIR": str(tmp / "state"),
    }


def custodia(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui", *args, "--passphrase-stdin"],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        env=env_for(tmp),
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def hostile_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """A vault with the demo case and a case whose title and evidence name carry escapes."""
    from intake import open_intake
    from intake.demo import build_demo

    root = tmp_path_factory.mktemp("output")
    vault, _ = Vault.create(root / "vault", "ana", PASSPHRASE, kdf=CHEAP, organisation="NGO")
    intake = open_intake(vault)
    build_demo(intake)
    reference = intake.cases.create("RO-2026-0777", HOSTILE_TITLE).reference
    vault.lock()
    return root / "vault", reference, root


def test_case_list_shows_a_hostile_title_escaped(hostile_vault: tuple[Path, str, Path]) -> None:
    path, _, root = hostile_vault
    result = custodia(root, "case", "list", str(path))
    assert result.returncode == 0, result.stderr
    assert unsafe_chars(result.stdout.replace("\n", "")) == []
    line = next(x for x in result.stdout.splitlines() if "RO-2026-0777" in x)
    assert "\\x1b]0;pwned\\x07" in line
    assert "\\u202e" in line
    assert "\\nsecond line" in line


def test_evidence_add_shows_a_hostile_file_name_escaped(
    hostile_vault: tuple[Path, str, Path], tmp_path: Path
) -> None:
    path, reference, root = hostile_vault
    source = tmp_path / "photo\x1b[31mred\u202e\ngpj.txt"
    source.write_bytes(b"evidence")
    result = custodia(root, "evidence", "add", str(path), "--case", reference, str(source))
    assert result.returncode == 0, result.stderr
    assert unsafe_chars(result.stdout.replace("\n", "")) == []
    assert result.stdout.count("\n") == 1
    assert "photo\\x1b[31mred\\u202e\\ngpj.txt" in result.stdout


def export_args(path: Path, dest: Path) -> list[str]:
    return [
        "export",
        "--recipient-kind",
        "court",
        str(path),
        "--case",
        "TRAIN-2026-0001",
        "--to",
        str(dest),
        "--recipient",
        "Judge Xenia Quillfeather",
    ]


def _run_into_closed_pipe(root: Path, args: list[str], *, head: bool) -> tuple[int, str]:
    command = [sys.executable, "-m", "ui", *args, "--passphrase-stdin"]
    with subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env_for(root),
    ) as proc:
        assert proc.stdin is not None
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdin.write((PASSPHRASE + "\n").encode())
        proc.stdin.close()
        if head:  # `custodia … | head -1`
            reader = subprocess.Popen(["head", "-1"], stdin=proc.stdout, stdout=subprocess.PIPE)
            proc.stdout.close()  # only head holds the read end now
            first, _ = reader.communicate(timeout=120)
            assert first.count(b"\n") <= 1
        else:  # a reader that is gone before the first line: EPIPE on the first write
            proc.stdout.close()
        stderr = proc.stderr.read().decode()
        return proc.wait(timeout=120), stderr


@pytest.mark.parametrize("head", [True, False], ids=["head-1", "reader-gone"])
def test_export_into_a_closed_pipe_ends_quietly(
    hostile_vault: tuple[Path, str, Path], tmp_path: Path, head: bool
) -> None:
    from exports.verify import verify_bundle

    path, _, root = hostile_vault
    dest = tmp_path / "bundle"
    code, stderr = _run_into_closed_pipe(root, export_args(path, dest), head=head)
    assert stderr == ""
    assert code == 0  # the export was written: a reader leaving early is no failure
    assert verify_bundle(dest).ok


def test_help_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    result = subprocess.run(
        f"{sys.executable} -m ui --help | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=env_for(tmp_path),
        timeout=60,
        check=False,
    )
    assert result.stderr == ""
    assert result.stdout.startswith("usage:")


def test_the_log_names_no_case_recipient_or_path(
    hostile_vault: tuple[Path, str, Path], tmp_path: Path
) -> None:
    path, _, _ = hostile_vault
    dest = tmp_path / "to-court-TRAIN-2026-0001-Quillfeather.zip"
    result = custodia(tmp_path, *export_args(path, dest), "--zip")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    logs = list((tmp_path / "logs").glob("custodia.log*"))
    assert logs
    text = "\n".join(p.read_text(encoding="utf-8") for p in logs)
    assert "exported" in text or "bundle" in text  # the export did log, by id
    for secret in ("TRAIN-2026-0001", "Quillfeather", str(tmp_path), dest.name):
        assert secret not in text, secret
