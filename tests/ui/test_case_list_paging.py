"""The case list loads a page at a time, so that it opens at once in a very large vault."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from intake import open_intake
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.cases.case_list_view import CaseListView
from vault import Vault

CASES = 120
PAGE = 50


@pytest.fixture
def intake(tmp_path):
    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    service = open_intake(vault)
    for number in range(CASES):
        service.cases.create(f"RO-2026-{number:04d}", f"Case number {number}")
    yield service
    vault.lock()


def _view(qtbot, intake) -> CaseListView:
    view = CaseListView(intake.cases, page_size=PAGE)
    qtbot.addWidget(view)
    view.resize(300, 400)
    view.show()
    return view


def test_opens_with_one_page_and_loads_more_on_scroll(qtbot, intake):
    view = _view(qtbot, intake)
    assert view.list.count() == PAGE
    assert not view.fully_loaded
    bar = view.list.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    first_maximum = bar.maximum()
    bar.setValue(bar.maximum())
    assert view.list.count() == 2 * PAGE
    # The list lays the new page out on its next turn of the event loop.
    qtbot.waitUntil(lambda: bar.maximum() > first_maximum)
    bar.setValue(bar.maximum())
    assert view.list.count() == CASES
    assert view.fully_loaded


def test_filter_finds_cases_beyond_the_first_page(qtbot, intake):
    view = _view(qtbot, intake)
    view.filter_edit.setText("RO-2026-0117")
    qtbot.waitUntil(lambda: view.fully_loaded, timeout=5000)
    visible = [
        view.list.item(r).text()
        for r in range(view.list.count())
        if not view.list.item(r).isHidden()
    ]
    assert visible == ["RO-2026-0117\nCase number 117"]


def test_select_loads_until_the_case_is_found(qtbot, intake):
    view = _view(qtbot, intake)
    last = intake.cases.by_reference("RO-2026-0119")
    with qtbot.waitSignal(view.case_selected) as blocker:
        view.select(last.case_id)
    assert blocker.args == [last.case_id]
    assert view.current_case_id() == last.case_id
    # A refresh keeps what was loaded and the selection.
    view.refresh()
    assert view.current_case_id() == last.case_id


def test_app_reports_its_first_window_when_asked(tmp_path, made_vault, vault_path):
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        CUSTODIA_EXIT_WHEN_SHOWN="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        CUSTODIA_LOG_DIR=str(tmp_path / "logs"),
    )
    completed = subprocess.run(
        [sys.executable, "-m", "ui", "gui", "--vault", str(vault_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).parents[2],
    )
    assert completed.returncode == 0
    marker, moment = completed.stdout.split()
    assert marker == "custodia-first-window-shown"
    assert float(moment) > 0
    assert completed.stderr == ""
