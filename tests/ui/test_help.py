"""Help: the guide opens in every language, each paragraph translated; Open the training vault
creates the demo vault (asking for its passphrase) and opens it, and unlocks it next time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QMenu

from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.help.guide_text import CONTEXT, SECTIONS
from ui.i18n import set_language

PENDING = Path(__file__).resolve().parents[2] / "resources/translations/pending/work16b.json"


class _Pending(QTranslator):
    """Answers from the pending translations until they are merged into the catalogues."""

    def __init__(self, language: str) -> None:
        super().__init__()
        entries = json.loads(PENDING.read_text("utf-8")) if PENDING.is_file() else []
        self.table = {
            (e["context"], e["msgid"]): e[language]
            for e in entries
            if isinstance(e.get(language), str)
        }

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.table.get((context, source))

    def isEmpty(self) -> bool:
        return not self.table


@pytest.mark.parametrize("language", ["ro", "uk"])
def test_guide_opens_translated(qtbot, language):
    from ui.help.guide_window import GuideWindow

    pending = _Pending(language)
    try:
        set_language(language)
        QCoreApplication.installTranslator(pending)
        window = GuideWindow()
        qtbot.addWidget(window)
        window.show()
        assert window.contents.count() == len(SECTIONS)
        for row, (title, paragraphs) in enumerate(SECTIONS):
            window.contents.setCurrentRow(row)
            shown = window.plain_text()
            assert title not in shown
            for paragraph in paragraphs:
                translated = QCoreApplication.translate(CONTEXT, paragraph)
                assert translated != paragraph
                assert translated in shown
        assert window.windowTitle() != "Custodia guide"
        if language == "ro":
            assert "ş" not in window.plain_text()
            assert "ţ" not in window.plain_text()
    finally:
        QCoreApplication.removeTranslator(pending)
        set_language("en")


def test_training_vault_is_created_then_unlocked(qtbot, tmp_path, settings, monkeypatch):
    from ui.help.training import open_training_vault
    from ui.help.training_vault_dialog import TrainingVaultDialog
    from ui.main_window import MainWindow
    from ui.session import Session
    from ui.unlock.unlock_dialog import UnlockDialog
    from vault import Vault

    real = tmp_path / "real"
    Vault.create(real, "ana", PASSPHRASE, kdf=CHEAP_KDF)[0].lock()
    session = Session()
    window = MainWindow(session, settings, real, kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    training = tmp_path / "data" / "training-vault"
    dialog = open_training_vault(window, kdf=CHEAP_KDF, path=training)
    assert isinstance(dialog, TrainingVaultDialog)
    dialog.user_edit.setText("trainee")
    dialog.fields.pass_edit.setText("a long training passphrase 4 practice")
    dialog.fields.confirm_edit.setText("a long training passphrase 4 practice")
    job = dialog.create_vault()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: session.is_unlocked, timeout=10_000)
    assert window.vault_path == training
    assert (training / "vault.json").is_file()
    cases = session.services.cases.list_cases()
    assert any(c.case.reference.startswith("TRAIN-") for c in cases)
    assert settings.last_vault != training  # the real vault stays the one remembered
    session.lock()

    again = open_training_vault(window, kdf=CHEAP_KDF, path=training)
    assert isinstance(again, UnlockDialog)
    assert window.vault_path == training


def test_help_menu_offers_guide_and_training_vault(qtbot, tmp_path, settings):
    from ui.main_window import MainWindow
    from ui.session import Session

    window = MainWindow(Session(), settings, tmp_path / "none", kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    help_menu = menus["Help"]
    assert isinstance(help_menu, QMenu)
    texts = [a.text().replace("&", "") for a in help_menu.actions()]
    assert "Guide" in texts
    assert "Open the training vault…" in texts
    guide = window.open_guide()
    qtbot.addWidget(guide)
    assert guide.isVisible()
    assert "intake" in guide.plain_text()
