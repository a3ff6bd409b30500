"""Through the search dialog, each search the issue reported empty finds its target and says
where it is in words (issue 16)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from intake.models import ConsentMethod, PersonRole, RecipientCategory, SearchKind
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE, FakeClock
from ui.search.search_dialog import SearchDialog
from ui.session import Session
from ui.workspace import Workspace
from vault import Vault

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def test_each_reported_search_finds_its_target(qtbot, tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    session = Session(clock=FakeClock())
    session.open(vault)
    try:
        services = session.services
        case = services.cases.create("RO-2026-0401", "Farm", jurisdiction="RO")
        ana = services.people.add(case.case_id, PersonRole.SURVIVOR, "Ana")
        services.interviews.create(
            case.case_id, started_at=NOW, person_id=ana.person_id, interpreter="Olesea Rusnac"
        )
        services.consent.record(
            case.case_id,
            person_id=ana.person_id,
            scope=[RecipientCategory.POLICE],
            given_at=NOW,
            language="uk",
            method=ConsentMethod.WRITTEN,
            interpreter="Olesea Rusnac",
        )
        statement = services.statements.create(
            case.case_id, kind="verbatim", language="ro", title="First account", text="Salut."
        )
        services.statements.finalise(statement.statement_id)
        services.statements.add_addendum(statement.statement_id, "Vasile Cojocaru drove.", "late")
        chat = tmp_path / "result.json"
        chat.write_text('{"messages": [{"from": "R", "text": "zmeură la Brăila"}]}')
        item = services.evidence.ingest(case.case_id, chat)
        services.entities.add(case.case_id, "phone", "+40 721 000 111")
        workspace = Workspace(session)
        qtbot.addWidget(workspace)
        dialog = workspace.open_search()
        assert isinstance(dialog, SearchDialog)

        def search(text: str) -> list[str]:
            dialog.query_edit.setText(text)
            dialog.run()
            return [dialog.results.item(i).text() for i in range(dialog.results.count())]

        [addendum] = search("Cojocaru")
        assert addendum.startswith("RO-2026-0401 · Addendum 1 to the statement “First account”")
        interpreter = search("Olesea Rusnac")
        assert {line.split("\n")[0] for line in interpreter} == {
            "RO-2026-0401 · Interview with Ana",
            "RO-2026-0401 · Consent of Ana, version 1",
        }
        [word] = search("zmeura")
        assert word.startswith("RO-2026-0401 · Evidence E-0001 result.json (text of the file)")
        assert "[zmeură]" in word
        phone = search("0721000111")
        assert any("+40 721 000 111" in line for line in phone)
        assert dialog.hits[0].kind in (SearchKind.ENTITY, SearchKind.ENTITY_NOTE)
        # Opening the chat hit goes to its evidence item.
        search("zmeura")
        with qtbot.waitSignal(dialog.hit_chosen, timeout=1000):
            dialog._activated(dialog.results.item(0))
        assert workspace.case_view is not None
        assert workspace.case_view.tabs.currentWidget() is workspace.case_view.evidence
        del item
    finally:
        session.lock()
