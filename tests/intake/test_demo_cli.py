from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from intake import open_intake
from intake.demo import DEMO_TITLE, build_demo
from ui import cli
from vault import Vault

from .conftest import CHEAP_KDF, PASSPHRASE


def test_build_demo(vault: Vault) -> None:
    case_id = build_demo(vault)
    intake = open_intake(vault)
    case = intake.cases.get(case_id)
    assert "TRAINING — FICTIONAL" in case.title == DEMO_TITLE
    assert len(intake.evidence.list_for_case(case_id)) == 3
    png = intake.evidence.by_label(case_id, "E-0002")
    assert png.original_metadata["exif"]["Image Make"] == "Custodia Training Camera"
    assert intake.consent.decide_export(case_id, "court").allowed
    assert not intake.consent.decide_export(case_id, "police").allowed
    assert any(s.finalised for s in intake.statements.list_for_case(case_id))
    assert intake.search.search("Constanta")
    assert intake.search.search("київ")
    assert build_demo(vault) != case_id  # a second run gets its own reference


def _run(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch, capsys) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.run(argv)
    return code, capsys.readouterr().out


def test_cli_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    path = tmp_path / "v"
    Vault.create(path, "ana", PASSPHRASE, kdf=CHEAP_KDF)[0].lock()
    unlock = ["--passphrase-stdin"]
    code, out = _run(
        ["case", "new", str(path), "--ref", "RO-2026-0042", "--title", "Constanța", *unlock],
        PASSPHRASE + "\n",
        monkeypatch,
        capsys,
    )
    assert code == 0
    assert "RO-2026-0042" in out
    files = []
    for n in range(2):
        f = tmp_path / f"f{n}.txt"
        f.write_text(f"file {n}")
        files.append(str(f))
    code, out = _run(
        ["evidence", "add", str(path), "--case", "RO-2026-0042", *files, *unlock],
        PASSPHRASE + "\n",
        monkeypatch,
        capsys,
    )
    assert code == 0
    assert "E-0001" in out
    assert "E-0002" in out
    code, out = _run(["case", "list", str(path), *unlock], PASSPHRASE + "\n", monkeypatch, capsys)
    assert "RO-2026-0042" in out
    code, out = _run(
        ["search", str(path), "constanta", *unlock], PASSPHRASE + "\n", monkeypatch, capsys
    )
    assert "Constanța" in out


def test_cli_demo_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    path = tmp_path / "demo"
    code, out = _run(
        ["demo", str(path), "--passphrase-stdin"],
        PASSPHRASE + "\n",
        monkeypatch,
        capsys,
    )
    assert code == 0
    assert "FICTIONAL" in out
    assert Vault.users(path) == ["trainer"]
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code = cli.main(
        ["case", "new", str(path), "--ref", "bad ref!", "--title", "x", "--passphrase-stdin"]
    )
    assert code == 2
    assert "reference" in capsys.readouterr().err
