"""Trends (issue 18): counts across cases by month and jurisdiction. :func:`install_menu` adds
the entry to the main window's Vault menu."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from ui.unlocked import unlocked_session

log = logging.getLogger(__name__)


def install_menu(window: QWidget, menu: QMenu) -> None:
    def open_window() -> None:
        from ui.trends.trends_window import TrendsWindow

        session = unlocked_session(window)
        if session is None:
            return
        trends = TrendsWindow(session.vault, window)
        trends.show()
        trends.count()

    action = menu.addAction(QCoreApplication.translate("TrendsWindow", "Tre&nds…"))
    action.triggered.connect(open_window)
