"""Starting the desktop app: ``custodia`` with no subcommand, or ``custodia gui [--vault PATH]``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from resources import resource_path
from ui.errors import install_excepthook
from ui.i18n import set_language
from ui.settings import Settings, default_vault_path

log = logging.getLogger(__name__)

APP_NAME = "Custodia"
# Benchmarks set this to "1": the app prints when its first window is shown, then quits.
EXIT_WHEN_SHOWN = "CUSTODIA_EXIT_WHEN_SHOWN"
SHOWN_MARKER = "custodia-first-window-shown"


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="custodia gui", add_help=True)
    parser.add_argument("--vault", type=Path, default=None, help="the vault folder to open")
    # Used by tests and the installer's smoke check: start, show the window, quit.
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(argv)
    return args


def style_sheet() -> str:
    path = resource_path("style.qss")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def _qt_message(mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log, not to the user's terminal."""
    level = logging.DEBUG if mode in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) else logging.INFO
    # Qt messages may name files or window titles, never vault contents; keep them short anyway.
    log.log(level, "qt: %s", message[:200])


def create_application(argv0: str = "custodia") -> QApplication:
    """The QApplication, set up once: high-DPI policy, names, style sheet."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qInstallMessageHandler(_qt_message)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication([argv0])
    QCoreApplication.setApplicationName("custodia")
    QCoreApplication.setOrganizationName("custodia")
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    app.setStyleSheet(style_sheet())
    return app


def _report_shown_and_quit(app: QApplication) -> None:
    """For the start-up benchmark: the wall-clock moment the first window was shown."""
    print(f"{SHOWN_MARKER} {time.time():.6f}", flush=True)
    app.quit()


def main(argv: list[str] | None = None) -> int:
    args = _parse(list(sys.argv[1:] if argv is None else argv))
    try:
        from vault.logging_setup import setup_logging

        setup_logging()
    except OSError:
        pass  # logging is a convenience; the app works without its log file
    app = create_application()
    install_excepthook()
    settings = Settings()
    set_language(settings.language)

    from ui.main_window import MainWindow
    from ui.session import Session

    vault_path = args.vault or settings.last_vault or default_vault_path()
    session = Session(idle_seconds=settings.idle_minutes * 60)
    app.installEventFilter(session)
    window = MainWindow(session, settings, vault_path)
    window.resize(1100, 720)
    window.show()
    if args.smoke_test:
        QTimer.singleShot(0, app.quit)
    elif os.environ.get(EXIT_WHEN_SHOWN) == "1":

        def start_then_report() -> None:
            window.start()
            # One more turn of the event loop, so the dialog's show events are processed.
            QTimer.singleShot(0, lambda: _report_shown_and_quit(app))

        QTimer.singleShot(0, start_then_report)
    else:
        QTimer.singleShot(0, window.start)
    code = app.exec()
    session.lock("quit")
    log.info("app exited with %d", code)
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
