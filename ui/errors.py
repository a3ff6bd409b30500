"""Errors in the desktop app: a message box with the sentence of ui.error_sentences, and a hook
that keeps every uncaught exception away from the terminal (its type goes to the log)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.error_sentences import CONTEXT, known_codes, message_for_code, user_message

log = logging.getLogger(__name__)

__all__ = ["install_excepthook", "known_codes", "message_for_code", "show_error", "user_message"]


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Log the error's type (never its text) and show its sentence in a message box."""
    log.warning("error shown to user: %s", getattr(exc, "code", type(exc).__name__))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate(CONTEXT, "Custodia"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(user_message(exc))
    box.setAccessibleName(QCoreApplication.translate(CONTEXT, "Error message"))
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate(CONTEXT, "OK"))
    box.open()


ShowHook = Callable[[BaseException], None]


def install_excepthook(show: ShowHook | None = None) -> None:
    """Route uncaught exceptions to the log (type only) and a generic message, never stderr."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("uncaught exception: %s", exc_type.__name__)
        if show is not None:
            show(exc)
        elif QApplication.instance() is not None:
            show_error(QApplication.activeWindow(), exc)

    sys.excepthook = hook
