"""Screening (issue 17): where has a phone number, handle, e-mail, company or web address
appeared? :func:`install_menu` adds the entry to the main window's Vault menu."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from ui.unlocked import unlocked_session

log = logging.getLogger(__name__)


def install_menu(window: QWidget, menu: QMenu) -> None:
    def open_dialog() -> None:
        # Imported on use: the dialog's module loads the capture and search stack, which the
        # app's start must not pay for.
        from ui.screening.screening_dialog import ScreeningDialog

        session = unlocked_session(window)
        if session is None:
            return
        dialog = ScreeningDialog(session.vault, window)
        dialog.show()

    action = menu.addAction(
        QCoreApplication.translate(
            "ScreeningDialog", "&Check a phone number, handle, e-mail, company or web address…"
        )
    )
    action.triggered.connect(open_dialog)
