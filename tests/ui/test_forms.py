"""Forms a lawyer fills in all day: typed dates, handles with a platform, a kind per file,
details to read again, interview end and breaks, the signed consent form, Enter and Ctrl+N,
one rolling statement draft with meaningful revisions and their differences."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from intake import Intake, open_intake
from intake.models import ConsentMethod, EntityKind, PersonRole, RecipientCategory
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE, FakeClock
from ui.cases.case_workspace import CaseWorkspace
from ui.evidence.acquisition_dialog import AcquisitionDialog
from ui.i18n import set_language
from ui.people.add_person_dialog import AddPersonDialog
from ui.session import Session
from ui.statements.statement_editor import StatementEditor
from ui.workspace import Workspace
from vault import Vault


@pytest.fixture
def intake(tmp_path: Path) -> Iterator[Intake]:
    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    yield open_intake(vault)
    if vault.is_open:
        vault.lock()


@pytest.fixture
def case(intake: Intake) -> str:
    return intake.cases.create("RO-2026-0101", "Forms").case_id


def _view(qtbot, intake: Intake, case_id: str, clock: FakeClock | None = None) -> CaseWorkspace:
    view = CaseWorkspace(intake, case_id, lambda _t: None, clock=clock or FakeClock())
    qtbot.addWidget(view)
    return view


@pytest.mark.parametrize(
    ("language", "typed"), [("en", "3/12/1994"), ("ro", "12.03.1994"), ("uk", "12.03.1994")]
)
def test_a_typed_birth_date_is_accepted_in_the_users_format(qtbot, intake, case, language, typed):
    set_language(language)
    try:
        dialog = AddPersonDialog(intake.people, case)
        qtbot.addWidget(dialog)
        dialog.pseudonym_edit.setText("Olena")
        dialog.identity_box.setChecked(True)
        dialog.identity_form.birth_edit.edit.setFocus()
        qtbot.keyClicks(dialog.identity_form.birth_edit.edit, typed)
        dialog.accept()
        assert dialog.person is not None, dialog.message.text()
        identity = intake.people.reveal_identity(dialog.person.person_id, "test")
        assert identity.birth_date == date(1994, 3, 12)
    finally:
        set_language("en")


def test_a_date_that_is_not_a_date_is_refused_in_words(qtbot, intake, case):
    dialog = AddPersonDialog(intake.people, case)
    qtbot.addWidget(dialog)
    dialog.pseudonym_edit.setText("Olena")
    dialog.identity_box.setChecked(True)
    dialog.identity_form.birth_edit.edit.setText("31.02.1990")
    dialog.accept()
    assert dialog.person is None
    assert "birth date" in dialog.message.text()


def test_the_birth_calendar_opens_thirty_years_ago(qtbot, intake, case):
    dialog = AddPersonDialog(intake.people, case)
    qtbot.addWidget(dialog)
    field = dialog.identity_form.birth_edit
    field._prepare_calendar()
    assert field.calendar.yearShown() == date.today().year - 30


def test_a_handle_needs_its_platform_and_spellings_are_one_entity(qtbot, intake, case):
    view = _view(qtbot, intake, case)
    tab = view.entities
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData(EntityKind.SOCIAL.value))
    assert not tab.platform_combo.isHidden()
    tab.value_edit.setText("@ana_recruiter")
    tab._add_clicked()
    assert "platform" in tab.message.text()
    tab.platform_combo.setCurrentIndex(tab.platform_combo.findData("telegram"))
    tab._add_clicked()
    for spelling in ("telegram:@Ana_Recruiter", "t.me/ana_recruiter"):
        tab.value_edit.setText(spelling)
        tab._add_clicked()
    (link,) = intake.entities.for_case(case)
    assert link.entity.value == "telegram:ana_recruiter"


def test_each_file_of_a_batch_gets_its_own_kind(qtbot, intake, case, tmp_path):
    files = []
    for name in ("photo.jpg", "chat.txt", "contract.txt"):
        path = tmp_path / name
        path.write_bytes(name.encode() * 10)
        files.append(path)
    view = _view(qtbot, intake, case)
    dialog = view.evidence.ask_and_ingest(files)
    assert isinstance(dialog, AcquisitionDialog)
    assert dialog.from_person.itemText(0) == "nobody selected"
    dialog.kind_edit.setText("document")
    dialog.file_kind_edits[0].setText("photo")
    dialog.file_kind_edits[1].setText("chat export")
    dialog.accept()
    job = view.evidence.job
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: view.evidence.job is None, timeout=5000)
    kinds = [e.kind for e in intake.evidence.list_for_case(case)]
    assert kinds == ["photo", "chat export", "document"]
    view.close_case()


def test_interview_end_breaks_and_details_can_be_read_again(qtbot, intake, case):
    person = intake.people.add(case, PersonRole.SURVIVOR, "Olena")
    view = _view(qtbot, intake, case)
    tab = view.statements
    dialog = tab.open_new_interview()
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findData(person.person_id))
    dialog.location_edit.setText("Biroul ONG, Iași")
    dialog.interpreter_edit.setText("Iryna")
    dialog.ended_check.setChecked(True)
    dialog.ended_edit.setDateTime(dialog.started_edit.dateTime().addSecs(90 * 60))
    dialog.accept()
    (interview,) = intake.interviews.list_for_case(case)
    assert interview.ended_at is not None
    assert interview.ended_at - interview.started_at == timedelta(minutes=90)
    intake.interviews.add_break(
        interview.interview_id, interview.started_at, interview.started_at, "rest"
    )
    tab.refresh()
    tab.select_interview(interview.interview_id)
    details = tab.interview_details.text()
    assert "Biroul ONG, Iași" in details
    assert "Iryna" in details
    assert "Break 1" in details
    assert "rest" in details
    # A new statement takes its person from its interview.
    new = tab.open_new_statement()
    assert new.person_combo.currentData() == person.person_id


def test_consent_details_and_a_signed_form(qtbot, intake, case, tmp_path):
    consent = intake.consent.record(
        case,
        person_id=None,
        scope=[RecipientCategory.COURT],
        given_at=datetime.now(UTC),
        language="uk",
        method=ConsentMethod.VERBAL_WITNESSED,
        interpreter="Iryna",
        witness="Maria",
    )
    view = _view(qtbot, intake, case)
    tab = view.consent
    assert tab.select_consent(consent.consent_id)
    assert "Iryna" in tab.details.text()
    assert "Maria" in tab.details.text()
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(b"%PDF-1.4 signed")
    job = tab.attach(consent.consent_id, scan)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: "E-0001" in tab.details.text(), timeout=5000)


def test_enter_submits_and_ctrl_n_makes_a_new_case(qtbot, tmp_path, intake, case):
    dialog = AddPersonDialog(intake.people, case)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pseudonym_edit.setFocus()
    qtbot.keyClicks(dialog.pseudonym_edit, "Witness C")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.pseudonym_edit, Qt.Key.Key_Return)
    assert dialog.person is not None

    session = Session(clock=FakeClock())
    session.open(intake.vault)
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.case_list.filter_edit.setFocus()
    assert workspace.new_case_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    workspace.new_case_action.trigger()
    from ui.cases.new_case_dialog import NewCaseDialog

    qtbot.waitUntil(
        lambda: any(
            isinstance(w, NewCaseDialog) and w.isVisible()
            for w in workspace.findChildren(NewCaseDialog)
        ),
        timeout=2000,
    )


def test_a_minute_of_typing_is_one_rolling_draft_and_history_shows_the_changes(qtbot, intake, case):
    statement = intake.statements.create(case, kind="verbatim", language="ro")
    clock = FakeClock()
    editor = StatementEditor(intake.statements, statement.statement_id, clock=clock, tick_ms=60_000)
    qtbot.addWidget(editor)
    words = "Am plecat din Iași în martie cu un autobuz spre Constanța. ".split(" ")
    for second in range(60):  # a minute of typing, a word a second
        editor.editor.insertPlainText(words[second % len(words)] + " ")
        editor.tick()
        clock.advance(1)
    clock.advance(61)
    editor.tick()  # a pause of a minute: one revision
    revisions = intake.statements.revisions(statement.statement_id)
    assert 1 <= len(revisions) <= 2
    entries = intake.vault.audit_entries(action_prefix="statement.draft_saved", limit=1000)
    assert 1 <= len(entries) <= 31  # one rolling draft, rewritten at most every 2 s
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.Start)
    editor.editor.insertPlainText("Eu ")
    editor.close_editor()  # leaving makes a revision
    history = editor.open_history()
    qtbot.addWidget(history)
    assert history.list.count() == len(intake.statements.revisions(statement.statement_id))
    shown = history.text.toPlainText()
    assert shown.startswith("[+Eu +]Am plecat")
