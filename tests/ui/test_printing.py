"""Printing a statement and a case summary: printed to a PDF file, read back with pdftotext;
the preview opens from the main window and a print is recorded in the audit log."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from intake import open_intake
from intake.models import PersonRole
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.printing.documents import PrintDocuments
from ui.printing.print_preview_dialog import print_to_pdf
from vault import Vault

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")

TEXT = "Vasile a luat pașapoartele la Constanța.\nОлена: борг за житло 300 євро."


def _pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True)
    assert out.returncode == 0, out.stderr
    return " ".join(out.stdout.decode("utf-8").split())


@pytest.fixture
def filled(tmp_path):
    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-1610", "Farm work near Constanța")
    person = intake.people.add(case.case_id, PersonRole.SURVIVOR, "Olena (pseudonym)")
    statement = intake.statements.create(
        case.case_id, kind="verbatim", language="uk", person_id=person.person_id, text=TEXT
    )
    intake.statements.finalise(statement.statement_id)
    source = tmp_path / "ad.txt"
    source.write_text("advert", encoding="utf-8")
    item = intake.evidence.ingest(case.case_id, source)
    yield vault, intake, case, statement, item
    if vault.is_open:
        vault.lock()


def test_statement_prints_to_a_pdf_with_its_text(qapp, filled, tmp_path):
    _vault, intake, case, statement, _item = filled
    document = PrintDocuments(intake).statement(statement.statement_id)
    out = tmp_path / "statement.pdf"
    print_to_pdf(document, str(out))
    text = _pdf_text(out)
    assert " ".join(TEXT.split()) in text
    assert case.reference in text
    assert "Olena (pseudonym)" in text
    assert intake.statements.get(statement.statement_id).final_sha256 in text


def test_case_summary_prints_people_statements_and_evidence(qapp, filled, tmp_path):
    _vault, intake, case, _statement, item = filled
    document = PrintDocuments(intake).case_summary(case.case_id)
    out = tmp_path / "summary.pdf"
    print_to_pdf(document, str(out))
    text = _pdf_text(out)
    assert "Farm work near Constanța" in text
    assert "Olena (pseudonym)" in text
    assert item.label in text
    assert item.sha256 in text
    assert "People (1)" in text


def test_print_preview_from_the_main_window_is_audited(qtbot, filled, tmp_path, settings):
    from ui.main_window import MainWindow
    from ui.session import Session
    from ui.workspace import Workspace

    vault, _intake, case, statement, _item = filled
    session = Session()
    window = MainWindow(session, settings, tmp_path / "v", kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    session.open(vault)
    workspace = window.workspace
    assert isinstance(workspace, Workspace)
    view = workspace.open_case(case.case_id)
    assert view is not None
    view.tabs.setCurrentWidget(view.statements)
    view.statements.refresh()
    view.statements.statement_list.setCurrentRow(0)
    dialog = window.open_print()
    assert dialog is not None
    assert TEXT.split("\n")[0] in dialog.document.toPlainText()
    dialog.accept()  # what the preview's Print button does after printing
    printed = [e for e in vault.audit_entries() if e.action == "export.printed"]
    assert printed[-1].subject == statement.statement_id
    assert printed[-1].details == {"document": "statement"}
    view.tabs.setCurrentWidget(view.evidence)
    dialog = window.open_print()
    assert dialog is not None
    assert "Case summary" in dialog.document.metaInformation(
        dialog.document.MetaInformation.DocumentTitle
    )
    dialog.reject()
    session.lock()
