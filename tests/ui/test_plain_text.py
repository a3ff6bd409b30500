"""User text is never interpreted as HTML."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from intake import open_intake
from tests.ui.conftest import CHEAP_KDF
from ui.cases.case_workspace import CaseWorkspace
from vault import Vault

HOSTILE = '<img src="x"><b>bold</b><a href="http://evil">link</a>'


def test_every_label_in_a_case_is_plain_text(qtbot, tmp_path):
    vault, _ = Vault.create(tmp_path / "v", "ana", "correct horse battery", kdf=CHEAP_KDF)
    try:
        intake = open_intake(vault)
        case = intake.cases.create("RO-2026-0007", HOSTILE, description=HOSTILE)
        view = CaseWorkspace(intake, case.case_id, lambda _text: None)
        qtbot.addWidget(view)
        labels = view.findChildren(QLabel)
        shown = [label for label in labels if HOSTILE in label.text()]
        assert shown
        for label in shown:
            assert label.textFormat() == Qt.TextFormat.PlainText
    finally:
        vault.lock()
