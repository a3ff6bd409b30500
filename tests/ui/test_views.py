"""Views over a real temporary vault: statement autosave, search, audit verification, reveal."""

from __future__ import annotations

import pytest

from intake import open_intake
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE, FakeClock
from ui.audit.audit_log_view import AuditLogView
from ui.search.search_dialog import SearchDialog
from ui.session import Session
from ui.statements.statement_editor import StatementEditor
from ui.workspace import Workspace
from vault import Vault


def _cell(table, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return str(item.text())


@pytest.fixture
def intake(tmp_path):
    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    yield open_intake(vault)
    vault.lock()


def test_autosave_coalesces_and_flushes(qtbot, intake):
    case = intake.cases.create("RO-2026-0001", "Autosave")
    statement = intake.statements.create(case.case_id, kind="verbatim", language="uk")
    clock = FakeClock()
    editor = StatementEditor(
        intake.statements,
        statement.statement_id,
        autosave_interval=2.0,
        clock=clock,
        tick_ms=10_000,
    )
    qtbot.addWidget(editor)
    for word in ("Мене ", "звуть ", "Олена."):
        editor.editor.insertPlainText(word)
    # The first change is written at once, the rest is held until the interval passes.
    assert editor.pending
    revisions_before = len(intake.statements.revisions(statement.statement_id))
    clock.advance(2.5)
    with qtbot.waitSignal(editor.saved, timeout=1000):
        editor.tick()
    assert not editor.pending
    assert intake.statements.get(statement.statement_id).text == "Мене звуть Олена."
    # Saved in the rolling draft; a revision waits for a pause or for leaving the editor.
    assert len(intake.statements.revisions(statement.statement_id)) == revisions_before
    editor.editor.insertPlainText(" Я з Києва.")
    editor.close_editor()  # closing makes whatever was typed a revision
    assert intake.statements.get(statement.statement_id).text.endswith("Я з Києва.")
    assert len(intake.statements.revisions(statement.statement_id)) == revisions_before + 1


def test_finalised_statement_is_read_only(qtbot, intake):
    case = intake.cases.create("RO-2026-0002", "Final")
    statement = intake.statements.create(
        case.case_id, kind="summary", language="ro", text="Text final."
    )
    intake.statements.finalise(statement.statement_id)
    editor = StatementEditor(intake.statements, statement.statement_id)
    qtbot.addWidget(editor)
    assert editor.editor.isReadOnly()
    assert not editor.finalise_button.isVisibleTo(editor)
    assert "SHA-256" in editor.autosave_label.text()


def test_search_finds_without_diacritics_and_opens_the_hit(qtbot, tmp_path):
    vault_path = tmp_path / "v"
    vault, _ = Vault.create(vault_path, "ana", PASSPHRASE, kdf=CHEAP_KDF)
    session = Session(clock=FakeClock())
    session.open(vault)
    try:
        case = session.services.cases.create("RO-2026-0003", "Muncă agricolă lângă Constanța")
        workspace = Workspace(session)
        qtbot.addWidget(workspace)
        dialog = workspace.open_search()
        assert isinstance(dialog, SearchDialog)
        dialog.query_edit.setText("Constanta")
        dialog.run()
        assert len(dialog.hits) >= 1
        with qtbot.waitSignal(dialog.hit_chosen, timeout=1000):
            dialog._activated(dialog.results.item(0))
        assert workspace.case_view is not None
        assert workspace.case_view.case_id == case.case_id
    finally:
        session.lock()


def test_audit_view_filters_and_verifies(qtbot, intake):
    intake.cases.create("RO-2026-0004", "Audit")
    view = AuditLogView(intake.vault)
    qtbot.addWidget(view)
    assert view.table.rowCount() > 3
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("cases"))
    assert view.table.rowCount() >= 1
    assert all(
        _cell(view.table, row, 3).startswith("Case ") for row in range(view.table.rowCount())
    )
    view.table.selectRow(0)
    assert "Entry hash" in view.details.toPlainText()
    view.verify()
    assert view._job is not None
    with qtbot.waitSignal(view._job.finished, timeout=10_000):
        pass
    assert "intact" in view.result.text()
    assert view.result.property("verdict") == "ok"


def test_audit_view_names_the_first_bad_entry(qtbot, intake, monkeypatch):
    from vault.errors import AuditChainError

    def broken(**_kwargs):
        raise AuditChainError("entry 7 was altered", 7)

    monkeypatch.setattr(intake.vault, "verify_audit", broken)
    view = AuditLogView(intake.vault)
    qtbot.addWidget(view)
    view.verify()
    assert view._job is not None
    with qtbot.waitSignal(view._job.finished, timeout=10_000):
        pass
    assert "BROKEN" in view.result.text()
    assert "7" in view.result.text()
    assert view.result.property("verdict") == "bad"


def test_reveal_is_audited_with_its_reason(qtbot, intake):
    from intake.models import PersonRole, ProtectedIdentity
    from ui.people.people_tab import PeopleTab

    case = intake.cases.create("RO-2026-0005", "Reveal")
    person = intake.people.add(
        case.case_id,
        PersonRole.SURVIVOR,
        "Witness A",
        identity=ProtectedIdentity(legal_name="Ірина Петренко", contact="+380 67 000 0000"),
    )
    copied: list[str] = []
    tab = PeopleTab(intake.people, case.case_id, copied.append)
    qtbot.addWidget(tab)
    assert _cell(tab.table, 0, 0) == "Witness A"
    assert "Ірина" not in "".join(
        _cell(tab.table, r, c) for r in range(tab.table.rowCount()) for c in range(4)
    )
    dialog = tab.reveal(person.person_id, "court hearing preparation")
    assert dialog.name_label.text() == "Ірина Петренко"
    dialog.copy_button.click()
    assert copied == ["+380 67 000 0000"]
    entries = intake.vault.audit_entries(subject=person.person_id)
    assert any("reveal" in e.action for e in entries)


def test_drop_files_asks_for_acquisition_then_ingests(qtbot, intake, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from ui.evidence.evidence_tab import EvidenceTab

    case = intake.cases.create("RO-2026-0006", "Drop")
    tab = EvidenceTab(intake.evidence, intake.custody, intake.people, case.case_id, "ana")
    qtbot.addWidget(tab)
    photo = tmp_path / "photo.txt"
    photo.write_text("minibus CT 00 XYZ", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tab.dropEvent(event)
    dialog = tab.acquisition_dialog
    assert dialog is not None
    dialog.method_edit.setText("screenshot sent by the survivor")
    dialog.accept()
    assert tab.job is not None
    with qtbot.waitSignal(tab.job.finished, timeout=10_000):
        pass
    assert tab.table.rowCount() == 1
    (item,) = intake.evidence.list_for_case(case.case_id)
    assert item.acquisition.method == "screenshot sent by the survivor"
    assert tab.details.fields["method"].text() == "screenshot sent by the survivor"

    # Re-check the hash in a worker; the result lands in the custody timeline.
    job = tab.reverify()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert "intact" in tab.status.text()
    custody = tab.open_custody_event()
    assert custody is not None
    custody.to_edit.setText("Parchetul DIICOT")
    custody.type_combo.setCurrentIndex(custody.type_combo.findData("transferred"))
    custody.accept()
    assert custody.recorded is not None
    kinds = [e.event_type.value for e in intake.custody.events(item.evidence_id)]
    assert "ingested" in kinds
    assert "verified" in kinds
    assert kinds[-1] == "transferred"
    assert tab.timeline.list.count() == len(kinds)


def test_cancelled_ingest_stores_nothing(qtbot, intake, tmp_path):
    from ui.evidence.evidence_tab import EvidenceTab

    case = intake.cases.create("RO-2026-0008", "Cancel")
    tab = EvidenceTab(intake.evidence, intake.custody, intake.people, case.case_id, "ana")
    qtbot.addWidget(tab)
    big = tmp_path / "big.bin"
    with open(big, "wb") as handle:
        handle.truncate(256 << 20)
    job = tab.start_ingest([big])
    tab.cancel_ingest()
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert intake.evidence.list_for_case(case.case_id) == []
    assert "Cancelled" in tab.status.text()


def test_training_demo_vault_opens_in_every_tab(qtbot, tmp_path):
    from intake.demo import build_demo

    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    case_id = build_demo(vault)
    session = Session(clock=FakeClock())
    session.open(vault)
    try:
        workspace = Workspace(session)
        qtbot.addWidget(workspace)
        view = workspace.open_case(case_id)
        assert view is not None
        for index in range(view.tabs.count()):
            view.tabs.setCurrentIndex(index)
        assert view.people.table.rowCount() >= 2
        assert view.evidence.table.rowCount() >= 1
        assert view.statements.statement_list.count() >= 1
    finally:
        session.lock()


def test_edit_case_and_describe_evidence(qtbot, intake, tmp_path):
    from datetime import date

    from ui.cases.case_workspace import CaseWorkspace

    case = intake.cases.create("RO-2026-0009", "Draft title")
    source = tmp_path / "contract.txt"
    source.write_text("Contract de muncă", encoding="utf-8")
    intake.evidence.ingest(case.case_id, source)
    view = CaseWorkspace(intake, case.case_id, lambda _t: None)
    qtbot.addWidget(view)
    edit = view.overview.open_edit()
    edit.title_edit.setText("Recrutare, Constanța")
    edit.retention_check.setChecked(True)
    with qtbot.waitSignal(view.case_changed, timeout=1000):
        edit.accept()
    assert "Recrutare, Constanța" in view.title.text()
    assert intake.cases.get(case.case_id).retention_until is not None
    assert intake.cases.get(case.case_id).retention_until > date.today()
    view.tabs.setCurrentWidget(view.evidence)
    describe = view.evidence.open_description()
    assert describe is not None
    describe.kind_edit.setText("contract")
    describe.notes_edit.setPlainText("Unsigned; handed over by the survivor.")
    describe.accept()
    (item,) = intake.evidence.list_for_case(case.case_id)
    assert item.kind == "contract"
    assert view.evidence.details.fields["notes"].text() == "Unsigned; handed over by the survivor."


def test_search_of_a_very_common_word_asks_to_narrow_it(qtbot, intake, monkeypatch):
    import functools

    case = intake.cases.create("RO-2026-0101", "Constanța farm")
    for number in range(6):
        intake.statements.create(
            case.case_id,
            kind="summary",
            language="ro",
            title=f"s{number}",
            text=f"pașaport {number}",
        )
    # The real ranking, with a window small enough for six records to exceed it.
    monkeypatch.setattr(
        intake.search, "search", functools.partial(intake.search.search, window=3, limit=3)
    )
    dialog = SearchDialog(intake.search)
    qtbot.addWidget(dialog)
    dialog.query_edit.setText("pasaport")
    dialog.run()
    assert dialog.hits
    assert "narrow the search" in dialog.status.text()
    dialog.query_edit.setText("constanta")
    dialog.run()
    assert "narrow" not in dialog.status.text()
