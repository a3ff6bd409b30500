"""Switching language leaves no word of the previous language on any main screen.

The app is driven through every shipped language in turn, on a demo case, with each main screen
shown: the case workspace's tabs (with a person, a statement and an evidence item selected, and
each of the item's record, custody and preview), the audit log, the verify window with a verdict,
and the backup reminder. After
each switch every visible text is collected and compared with the catalogues: a fragment that only
the previous language's catalogue holds is a leftover.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from exports.from_intake import ExportOptions, export_case
from exports.model import Profile, RecipientKind
from intake.demo import build_demo
from intake.service import open_intake
from resources.i18n import SOURCE_LANGUAGE, available_languages
from scripts import i18n as i18n_script
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.cases.case_workspace import CaseWorkspace
from ui.main_window import MainWindow
from ui.session import Session
from ui.unlock.unlock_dialog import UnlockDialog
from ui.workspace import Workspace
from vault import Vault

_PLACEHOLDER = re.compile(r"%n|%\d|\{[a-z_]*\}|&(?=\w)")


def _fragments(text: str) -> list[str]:
    """The fixed parts of a message long enough to be told apart from user data."""
    return [part.strip() for part in _PLACEHOLDER.split(text) if len(part.strip()) >= 12]


def _translations(language: str) -> set[str]:
    """Every fragment the catalogue of ``language`` can put on screen."""
    out: set[str] = set()
    for message in i18n_script.read_catalog(language):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        string = message.string or ""
        strings = [string] if isinstance(string, str) else list(string)
        shown = [s for s in strings if s] or ([] if language != SOURCE_LANGUAGE else ids)
        if language == SOURCE_LANGUAGE:
            shown += ids
        for text in shown:
            out.update(_fragments(text.replace("&&", "&")))
    return out


def _tree_texts(tree: QTreeWidget) -> list[str]:
    columns = range(tree.columnCount())
    header = tree.headerItem()
    texts = [header.text(c) for c in columns]
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        node = stack.pop()
        if node is not None:
            texts += [node.text(c) for c in columns]
            stack += [node.child(i) for i in range(node.childCount())]
    return texts


def _visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = [root.windowTitle()]
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                texts.append(header.text() if header else "")
            for row in range(min(widget.rowCount(), 50)):
                for column in range(widget.columnCount()):
                    cell = widget.item(row, column)
                    texts.append(cell.text() if cell else "")
        if isinstance(widget, QTreeWidget):
            texts += _tree_texts(widget)
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        if isinstance(widget, QTextEdit | QPlainTextEdit) and widget.isReadOnly():
            texts.append(widget.toPlainText())
    return [t.replace("&&", "&") for t in texts if t]


def _leftovers(texts: list[str], previous: set[str], current: set[str]) -> list[str]:
    only_previous = previous - current
    found = set()
    for text in texts:
        for fragment in only_previous:
            if fragment in text and not any(
                fragment in c for c in current if len(c) > len(fragment)
            ):
                found.add(f"{fragment!r} in {text[:80]!r}")
    return sorted(found)


def _select_first(case_workspace: CaseWorkspace) -> None:
    """Choose an item wherever a case tab shows details of the chosen one."""
    if case_workspace.people.table.rowCount():
        case_workspace.people.table.selectRow(0)
    if case_workspace.statements.statement_list.count():
        case_workspace.statements.statement_list.setCurrentRow(0)
    if case_workspace.evidence.table.rowCount():
        case_workspace.evidence.table.selectRow(0)


def _screens(window: MainWindow, case_id: str) -> Iterator[tuple[str, QWidget]]:
    """Show each main screen in turn; yields (name, widget whose texts are read).

    A generator: the texts are read while the screen is shown, before the next one is.
    """
    workspace = window.workspace
    assert isinstance(workspace, Workspace)
    workspace.tabs.setCurrentIndex(0)
    case_workspace = workspace.open_case(case_id)
    assert case_workspace is not None
    _select_first(case_workspace)
    for index in range(case_workspace.tabs.count()):
        case_workspace.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        yield f"case tab {index}", window
        # Tabs inside a tab (an evidence item's record, custody and preview) in turn.
        inner = [
            tabs
            for tabs in case_workspace.tabs.currentWidget().findChildren(QTabWidget)
            if tabs.isVisible()
        ]
        for tabs in inner:
            for page in range(1, tabs.count()):
                tabs.setCurrentIndex(page)
                QApplication.processEvents()
                yield f"case tab {index}, inner tab {page}", window
            tabs.setCurrentIndex(0)
    workspace.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    yield "audit log", window
    workspace.tabs.setCurrentIndex(0)


def test_every_language_and_screen_leaves_nothing_of_the_previous_language(
    qtbot, settings, tmp_path, clock
):
    vault_path = tmp_path / "vault"
    vault, _key = Vault.create(vault_path, "ana", PASSPHRASE, kdf=CHEAP_KDF, role="lawyer")
    case_id = build_demo(vault)
    intake = open_intake(vault)
    for item in intake.evidence.list_for_case(case_id):
        intake.evidence.reverify(item.evidence_id)  # a custody event whose words Custodia wrote
    # A real bundle: its verdict has facts (the checkpoint's "entry … at …") and its export a
    # custody event whose method Custodia wrote.
    bundle = tmp_path / "bundle"
    reference = intake.cases.get(case_id).reference
    export_case(intake, ExportOptions(reference, RecipientKind.COURT, Profile.COURT), bundle)
    vault.lock()
    session = Session(clock=clock, tick_ms=10)
    window = MainWindow(session, settings, vault_path, kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    window.show()
    dialog = window.open_unlock()
    assert isinstance(dialog, UnlockDialog)
    dialog.pass_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(session.unlocked, timeout=10_000):
        dialog.unlock_button.click()
    verify = window.open_verify()
    with qtbot.waitSignal(verify.verified, timeout=60_000):
        verify.verify(bundle)
    assert window.reminder.isVisible()  # never backed up
    catalogues = {language: _translations(language) for language in available_languages()}
    order = [*available_languages()[1:], SOURCE_LANGUAGE, *available_languages()[1:]]
    previous = SOURCE_LANGUAGE
    problems: list[str] = []
    try:
        for language in order:
            settings.language = language
            window.apply_settings()
            qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
            for name, widget in itertools.chain(
                _screens(window, case_id), [("verify window", verify)]
            ):
                for leftover in _leftovers(
                    _visible_texts(widget), catalogues[previous], catalogues[language]
                ):
                    problems.append(f"{previous}->{language}, {name}: {leftover}")
            previous = language
    finally:
        settings.language = SOURCE_LANGUAGE
        window.apply_settings()
        session.lock()
    assert problems == [], "\n".join(sorted(set(problems)))
