"""Every control of the main screens has an accessible name (or a visible label of its own)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from intake.demo import build_demo
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE, FakeClock
from ui.main_window import MainWindow
from ui.session import Session
from ui.workspace import Workspace
from vault import Vault

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QPlainTextEdit,
    QAbstractItemView,
    QAbstractSpinBox,
)


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if widget.parent() is not None and type(widget.parent()).__name__ in (
            "QTabBar",
            "QScrollBar",
            "QAbstractScrollArea",
            "QHeaderView",
            "QCalendarWidget",
            "QComboBox",
            "QLineEdit",
            "QAbstractSpinBox",
        ):
            continue  # Qt's own sub-controls
        if isinstance(widget, QHeaderView):
            continue  # a table's header is announced through the table
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QAbstractSpinBox):
            continue
        name = widget.accessibleName() or (
            widget.text() if isinstance(widget, QAbstractButton) else ""
        )
        if not name.strip() and widget.objectName() not in ("qt_scrollarea_viewport",):
            missing.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    return missing


def test_every_control_is_named(qtbot, tmp_path, settings):
    vault_path = tmp_path / "v"
    vault, _ = Vault.create(vault_path, "ana", PASSPHRASE, kdf=CHEAP_KDF)
    case_id = build_demo(vault)
    session = Session(clock=FakeClock())
    window = MainWindow(session, settings, vault_path, kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    window.show()
    assert _unnamed(window) == []
    session.open(vault)
    try:
        workspace = window.workspace
        assert isinstance(workspace, Workspace)
        view = workspace.open_case(case_id)
        assert view is not None
        problems: list[str] = []
        for index in range(view.tabs.count()):
            view.tabs.setCurrentIndex(index)
            problems += _unnamed(window)
        view.tabs.setCurrentWidget(view.statements)
        view.statements.statement_list.setCurrentRow(0)
        problems += _unnamed(window)
        workspace.tabs.setCurrentWidget(workspace.audit_view)
        problems += _unnamed(window)
        assert sorted(set(problems)) == []
    finally:
        session.lock()


def test_ctrl_k_opens_the_search(qtbot, tmp_path, settings):
    from PySide6.QtWidgets import QApplication

    from ui.search.search_dialog import SearchDialog

    vault_path = tmp_path / "v"
    vault, _ = Vault.create(vault_path, "ana", PASSPHRASE, kdf=CHEAP_KDF)
    session = Session(clock=FakeClock())
    window = MainWindow(session, settings, vault_path, kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    window.show()
    session.open(vault)
    try:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(
            lambda: any(
                isinstance(w, SearchDialog) and w.isVisible()
                for w in QApplication.topLevelWidgets()
            ),
            timeout=2000,
        )
    finally:
        session.lock()
