"""Tasks and deadlines (issue 18): the case's Tasks tab, the vault-wide list with its calendar
export, and the due-soon panel shown after unlocking.

:func:`install_menu` adds the case-work entries to the main window's Vault menu: Referrals…,
Tasks and deadlines… and Retention…; each needs an unlocked vault.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from ui.unlocked import unlocked_session

log = logging.getLogger(__name__)

CONTEXT = "CaseworkMenu"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def today_of(session: Any) -> date:
    """Today in the user's time zone, by the vault's clock (tests set it)."""
    moment = session.vault.clock()
    return moment.astimezone().date()  # type: ignore[no-any-return]


def _session(window: QWidget) -> Any | None:
    return unlocked_session(window)


def _open_case(window: QWidget, case_id: str) -> None:
    workspace = getattr(window, "workspace", None)
    opener = getattr(workspace, "open_case", None)
    if callable(opener):
        opener(case_id)


def _case_erased(window: QWidget, case_id: str) -> None:
    """A view of the erased case closes: nothing of it may stay on screen."""
    workspace = getattr(window, "workspace", None)
    view = getattr(workspace, "case_view", None)
    if view is not None and getattr(view, "case_id", None) == case_id:
        close = getattr(workspace, "_close_case_view", None)
        if callable(close):
            close()


def _show(window: QWidget, dialog: QDialog) -> QDialog:
    window.dialog = dialog  # type: ignore[attr-defined]  # the open dialog, for tests
    dialog.show()
    return dialog


def open_referrals(window: QWidget) -> QDialog | None:
    from ui.referrals.referrals_window import ReferralsWindow

    session = _session(window)
    if session is None:
        return None
    dialog = ReferralsWindow(session.services.referrals, window)
    dialog.open_case.connect(lambda case_id: _open_case(window, case_id))
    return _show(window, dialog)


def open_tasks(window: QWidget, days: int = 30) -> QDialog | None:
    from ui.tasks.tasks_dialog import TasksDialog

    session = _session(window)
    if session is None:
        return None
    dialog = TasksDialog(session.services.tasks, today_of(session), days, window)
    dialog.open_case.connect(lambda case_id: _open_case(window, case_id))
    return _show(window, dialog)


def open_retention(window: QWidget) -> QDialog | None:
    from ui.retention.retention_dialog import RetentionDialog

    session = _session(window)
    if session is None:
        return None
    dialog = RetentionDialog(session.services.erasure, today_of(session), window)
    dialog.case_erased.connect(lambda case_id: _case_erased(window, case_id))
    return _show(window, dialog)


def install_menu(window: QWidget, menu: QMenu) -> None:
    """The case-work entries of the Vault menu."""
    menu.addAction(tr("Re&ferrals…")).triggered.connect(lambda: open_referrals(window))
    menu.addAction(tr("Tasks and &deadlines…")).triggered.connect(lambda: open_tasks(window))
    menu.addAction(tr("Rete&ntion…")).triggered.connect(lambda: open_retention(window))
