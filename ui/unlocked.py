"""The one check of the menu entries that need an open vault: the session, or a plain "unlock a
vault first" that the user reads in their language."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

CONTEXT = "VaultRequired"


def unlocked_session(window: QWidget) -> Any | None:
    """``window``'s session when its vault is unlocked; otherwise says so and returns None."""
    session = getattr(window, "session", None)
    if session is None or not getattr(session, "is_unlocked", False):
        QMessageBox.information(
            window,
            QCoreApplication.translate(CONTEXT, "Vault locked"),
            QCoreApplication.translate(CONTEXT, "Unlock a vault first."),
        )
        return None
    return session
