"""Corrections after saving: interviews (and their breaks), people and identities, entity links."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDateTime

from intake import open_intake
from intake.models import EntityKind, PersonRole, PresentPerson, ProtectedIdentity
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.entities.entities_tab import EntitiesTab
from ui.people.people_tab import PeopleTab
from ui.statements.statements_tab import StatementsTab
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


def test_interview_edit_and_break(qtbot, intake):
    case = intake.cases.create("RO-2026-0100", "Interviews")
    person = intake.people.add(case.case_id, PersonRole.SURVIVOR, "Olena")
    started = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    interview = intake.interviews.create(
        case.case_id,
        started_at=started,
        person_id=person.person_id,
        location="Bucharest office",
        present=(PresentPerson("Maria", "psychologist"), PresentPerson("P. (fictional)", "")),
    )
    tab = StatementsTab(intake.interviews, intake.statements, intake.people, case.case_id, "ana")
    qtbot.addWidget(tab)
    assert not tab.edit_interview_button.isEnabled()
    assert not tab.break_button.isEnabled()
    tab.interview_list.setCurrentRow(0)
    assert tab.edit_interview_button.isEnabled()

    edit = tab.open_edit_interview()
    assert edit is not None
    assert edit.location_edit.text() == "Bucharest office"
    assert edit.present_edit.text() == "Maria (psychologist), P. (fictional)"
    assert edit.person_combo.currentData() == person.person_id
    edit.location_edit.setText("Constanța, safe house")
    edit.interpreter_edit.setText("Iryna")
    with qtbot.waitSignal(edit.accepted, timeout=1000):
        edit.accept()
    saved = intake.interviews.get(interview.interview_id)
    assert (saved.location, saved.interpreter) == ("Constanța, safe house", "Iryna")
    assert saved.started_at == started
    assert saved.present == (  # untouched: kept exactly, not re-parsed
        PresentPerson("Maria", "psychologist"),
        PresentPerson("P. (fictional)", ""),
    )
    assert edit._present()[0] == PresentPerson("Maria", "psychologist")
    edit.present_edit.setText("Psychologist P. (fictional) (psychologist), Ion")
    assert edit._present() == [
        PresentPerson("Psychologist P. (fictional)", "psychologist"),
        PresentPerson("Ion", ""),
    ]
    assert tab.current_interview_id() == interview.interview_id  # the choice survives refresh

    pause = tab.open_add_break()
    assert pause is not None
    start = QDateTime(datetime(2026, 3, 2, 10, 0).astimezone())
    pause.started_edit.setDateTime(start)
    pause.ended_edit.setDateTime(start.addSecs(-60))
    pause.accept()  # an end before the start is refused in the dialog
    assert pause.isVisible()
    assert pause.message.text()
    pause.ended_edit.setDateTime(start.addSecs(15 * 60))
    pause.reason_edit.setText("Olena asked to rest")
    with qtbot.waitSignal(pause.accepted, timeout=1000):
        pause.accept()
    (recorded,) = intake.interviews.get(interview.interview_id).breaks
    assert recorded.reason == "Olena asked to rest"
    assert recorded.ended_at is not None
    assert (recorded.ended_at - recorded.started_at).total_seconds() == 15 * 60
    assert "1 break" in tab.interview_list.item(0).text()

    open_break = tab.open_add_break()
    assert open_break is not None
    open_break.ended_check.setChecked(False)
    assert not open_break.ended_edit.isEnabled()
    with qtbot.waitSignal(open_break.accepted, timeout=1000):
        open_break.accept()
    assert intake.interviews.get(interview.interview_id).breaks[1].ended_at is None


def test_person_edit_and_identity_behind_a_reason(qtbot, intake):
    case = intake.cases.create("RO-2026-0101", "People")
    person = intake.people.add(case.case_id, PersonRole.WITNESS, "Witness A", notes="first")
    tab = PeopleTab(intake.people, case.case_id, lambda _text: None)
    qtbot.addWidget(tab)
    assert not tab.edit_button.isEnabled()
    tab.table.selectRow(0)
    assert tab.edit_button.isEnabled()
    assert tab.identity_button.isEnabled()

    edit = tab.open_edit()
    assert edit is not None
    assert edit.pseudonym_edit.text() == "Witness A"
    edit.pseudonym_edit.setText("   ")
    edit.accept()  # an empty pseudonym is refused with a sentence
    assert edit.message.text()
    edit.pseudonym_edit.setText("Witness B")
    edit.role_combo.setCurrentIndex(edit.role_combo.findData(PersonRole.SURVIVOR.value))
    edit.notes_edit.setPlainText("corrected")
    with qtbot.waitSignal(edit.accepted, timeout=1000):
        edit.accept()
    saved = intake.people.get(person.person_id)
    assert (saved.pseudonym, saved.role, saved.notes) == (
        "Witness B",
        PersonRole.SURVIVOR,
        "corrected",
    )
    assert _cell(tab.table, 0, 0) == "Witness B"

    # No identity yet: the form opens empty, without a reveal.
    tab.table.selectRow(0)
    first = tab.edit_identity(person.person_id, None)
    assert first.form.legal_name_edit.text() == ""
    first.form.legal_name_edit.setText("Олена Коваленко")
    first.form.minor_check.setChecked(True)
    first.accept()  # a minor needs a guardian
    assert first.message.text()
    first.form.guardian_edit.setText("Iryna K.")
    with qtbot.waitSignal(first.accepted, timeout=1000):
        first.accept()
    assert first.form.legal_name_edit.text() == ""  # the form forgets on close
    assert not intake.vault.audit_entries(action_prefix="person.identity_revealed")

    # A recorded identity is shown only through an audited reveal with a reason.
    with pytest.raises(ValueError, match="reason"):
        tab.edit_identity(person.person_id, None)
    intake.people.set_identity(
        person.person_id,
        ProtectedIdentity(
            legal_name="Олена Коваленко",
            is_minor=True,
            guardian_name="Iryna K.",
            guardian_relation="aunt",
        ),
    )
    second = tab.edit_identity(person.person_id, "correcting the legal name")
    assert second.form.legal_name_edit.text() == "Олена Коваленко"
    second.form.legal_name_edit.setText("Olena Kovalenko")
    with qtbot.waitSignal(second.accepted, timeout=1000):
        second.accept()
    reveals = intake.vault.audit_entries(action_prefix="person.identity_revealed")
    assert [e.details["reason"] for e in reveals] == ["correcting the legal name"]
    identity = intake.people.reveal_identity(person.person_id, "test check")
    assert identity.legal_name == "Olena Kovalenko"
    assert identity.guardian_relation == "aunt"  # fields the form does not show are kept
    assert identity.birth_date is None  # "not known" stays unknown


def test_entity_unlink(qtbot, intake, monkeypatch):
    case = intake.cases.create("RO-2026-0102", "Entities")
    tab = EntitiesTab(intake.entities, case.case_id)
    qtbot.addWidget(tab)
    tab.add(EntityKind.PHONE, "+40 712 345 678")
    tab.add(EntityKind.EMAIL, "recruiter@example.com")
    assert tab.table.rowCount() == 2
    assert not tab.unlink_button.isEnabled()
    tab.table.selectRow(0)
    assert tab.unlink_button.isEnabled()
    chosen = tab.selected_link()
    assert chosen is not None

    monkeypatch.setattr("ui.entities.entities_tab.ask_reason", lambda *_args: None)
    tab.unlink_button.click()  # cancelled: nothing changes
    assert tab.table.rowCount() == 2

    monkeypatch.setattr("ui.entities.entities_tab.ask_reason", lambda *_args: "typed by mistake")
    tab.unlink_button.click()
    assert tab.table.rowCount() == 1
    assert [link.link_id for link in intake.entities.for_case(case.case_id)] != [chosen.link_id]
    (entry,) = intake.vault.audit_entries(action_prefix="entity.unlinked")
    assert entry.details["reason"] == "typed by mistake"
    assert not tab.unlink_button.isEnabled()
