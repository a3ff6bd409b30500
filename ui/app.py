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
# The real-window test sets this to a PNG path: once the first window is painted, the app saves
# a picture of the whole screen there, prints the marker and quits with 0.
SCREENSHOT_AND_QUIT = "CUSTODIA_SCREENSHOT_AND_QUIT"
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


_QT_TYPES = {
    QtMsgType.QtDebugMsg: "debug",
    QtMsgType.QtInfoMsg: "info",
    QtMsgType.QtWarningMsg: "warning",
    QtMsgType.QtCriticalMsg: "critical",
    QtMsgType.QtFatalMsg: "fatal",
}
# The command line's exit code for "could not run as asked" (ui.cli.EXIT_USAGE).
EXIT_USAGE = 2


def _without_home(message: str) -> str:
    """The log never names the user: their home folder (which carries their name) becomes ~."""
    home = os.path.expanduser("~")
    return message.replace(home, "~") if len(home) > 1 else message


def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages: chatter to the log as its category only, failures to the terminal in full.

    Warnings and below are routine (fonts, screens, input methods) and their text can name files
    or window titles, so the log keeps only their category and type. Critical and fatal messages
    say why the app cannot go on, e.g. that no display plugin could be initialised: the person
    at the terminal must read them whole.
    """
    kind = _QT_TYPES.get(mode, "message")
    category = context.category or "default"
    if mode not in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        level = logging.INFO if mode == QtMsgType.QtWarningMsg else logging.DEBUG
        log.log(level, "qt %s in %s", kind, category)
        return
    log.error("qt %s in %s: %s", kind, category, _without_home(message))
    print(f"custodia: Qt {kind}: {message}", file=sys.stderr, flush=True)
    if mode == QtMsgType.QtFatalMsg:
        # Qt aborts when this handler returns: exit 134 and perhaps a core dump of a process
        # that held passphrases. Nothing is open yet that an orderly exit could save, so end
        # now with the same code as every other start-up failure.
        for handler in logging.getLogger().handlers:
            handler.flush()
        os._exit(EXIT_USAGE)


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


def _screenshot_when_painted(app: QApplication, path: Path, deadline: float) -> None:
    """Waits until every visible top-level window is exposed, then lets it paint and grabs."""
    windows = [w for w in QGuiApplication.topLevelWindows() if w.isVisible()]
    exposed = bool(windows) and all(w.isExposed() for w in windows)
    if not exposed and time.monotonic() < deadline:
        QTimer.singleShot(50, lambda: _screenshot_when_painted(app, path, deadline))
        return
    QTimer.singleShot(100, lambda: _grab_screen_and_quit(app, path, exposed))


def _grab_screen_and_quit(app: QApplication, path: Path, exposed: bool) -> None:
    # Exposed is not yet painted: repaint() paints now and sends the pixels to the display
    # server, and the grab below, on the same connection, is answered only after them.
    app.processEvents()
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.repaint()
    screen = QGuiApplication.primaryScreen()
    # The whole screen as the display server holds it, not the widgets' own rendering.
    saved = screen is not None and screen.grabWindow(0).save(str(path), "PNG")
    if not (exposed and saved):
        log.warning("screenshot failed: exposed %s, saved %s", exposed, saved)
        app.exit(1)
        return
    _report_shown_and_quit(app)


def main(argv: list[str] | None = None) -> int:
    args = _parse(list(sys.argv[1:] if argv is None else argv))
    from exports.staging import sweep
    from ui.logsetup import start_logging

    start_logging()  # other libraries' records reduced to name and level; runs on without a log
    sweep()  # staging folders of exports killed earlier hold plaintext evidence
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
    screenshot = os.environ.get(SCREENSHOT_AND_QUIT)
    if args.smoke_test:
        QTimer.singleShot(0, app.quit)
    elif screenshot:

        def start_then_screenshot() -> None:
            window.start()
            _screenshot_when_painted(app, Path(screenshot), time.monotonic() + 10)

        QTimer.singleShot(0, start_then_screenshot)
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
