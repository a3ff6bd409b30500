"""custodia search says where each match is in words; custodia vault reindex reads the text of
evidence files not read yet (issue 16)."""

from __future__ import annotations

from pathlib import Path

from intake import open_intake
from tests.intake.conftest import CHEAP_KDF, PASSPHRASE, raw_change
from tests.ui.test_cli import custodia
from vault import Vault


def test_search_and_reindex_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "vault"
    vault, _ = Vault.create(path, "ana", PASSPHRASE, kdf=CHEAP_KDF)
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-0301", "Port")
    intake.statements.create(
        case.case_id,
        kind="verbatim",
        language="ro",
        title="Account",
        text="Sună la +40 721 000 111",
    )
    source = tmp_path / "chat.txt"
    source.write_text("ne vedem la Mangalia")
    intake.evidence.ingest(case.case_id, source)
    raw_change(vault, "DELETE FROM evidence_text")  # as an item from before issue 16
    with vault.transaction() as tx:
        tx.execute(
            "DELETE FROM search_index WHERE rowid IN"
            " (SELECT doc_id FROM search_docs WHERE kind = 'evidence_text')"
        )
        tx.execute("DELETE FROM search_docs WHERE kind = 'evidence_text'")
        tx.audit("test.forget", "index")
    vault.lock()
    logs = tmp_path / "logs"
    unlock = ("--user", "ana", "--passphrase-stdin")
    found = custodia(
        "search", str(path), "0721000111", *unlock, stdin=PASSPHRASE + "\n", log_dir=logs
    )
    assert found.returncode == 0, found.stderr
    assert "RO-2026-0301 · Statement “Account”" in found.stdout
    assert "[+40 721 000 111]" in found.stdout
    assert found.stdout.count("RO-2026-0301") == 1  # the reference is not repeated
    reindex = custodia(
        "vault", "reindex", str(path), *unlock, stdin=PASSPHRASE + "\n", log_dir=logs
    )
    assert reindex.returncode == 0, reindex.stderr
    assert "1 evidence file read for search." in reindex.stdout
    again = custodia(
        "search", str(path), "Mangalia", *unlock, stdin=PASSPHRASE + "\n", log_dir=logs
    )
    assert "Evidence E-0001 chat.txt (text of the file)" in again.stdout
