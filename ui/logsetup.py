"""Logging for the command line and the desktop app: our records in full, other libraries' reduced.

:func:`vault.logging_setup.setup_logging` opens the private log file. On top of it this module
keeps third-party libraries from writing user data into that file: bagit logs every path it
hashes (an export folder's name often carries the case reference and the recipient), pyHanko and
fontTools log document details, urllib3 logs the timestamp server's URLs. Our own modules log
ids and counts only, so their records pass unchanged; a record from any other logger keeps its
logger name and level and loses its message, arguments and traceback. Python warnings are routed
into the log the same way, so that no library's warning reaches the user's terminal either.
Never imports Qt.
"""

from __future__ import annotations

import logging
from pathlib import Path

from vault.errors import VaultError
from vault.logging_setup import setup_logging

log = logging.getLogger(__name__)

OWN_PACKAGES = ("vault", "intake", "exports", "ui", "resources", "installer")
WITHHELD = "(message withheld: not a Custodia logger)"
# Chatty at INFO, and nothing they say at INFO helps a support request; WARNING and above still
# arrive (reduced by the filter), so that a failing library leaves a trace of its name.
QUIET_LIBRARIES = (
    "bagit",
    "PIL",
    "pyhanko",
    "pyhanko_certvalidator",
    "fontTools",
    "reportlab",
    "urllib3",
    "requests",
    "asyncio",
    "keyring",
    "charset_normalizer",
)


def is_own(name: str) -> bool:
    return any(name == package or name.startswith(package + ".") for package in OWN_PACKAGES)


class ForeignRecordFilter(logging.Filter):
    """Lets our loggers' records through unchanged; reduces every other record to name + level.

    A handler filter (not a logger filter): it sees records from every logger, including ones a
    library creates after start-up, and records that propagate from child loggers.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if not is_own(record.name):
            # Changed in place: Python 3.11's filters cannot hand back a copy, and no handler
            # of ours should see the original text either.
            record.msg = WITHHELD
            record.args = None
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True


def _filter_root_handlers() -> None:
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, ForeignRecordFilter) for f in handler.filters):
            handler.addFilter(ForeignRecordFilter())


def start_logging(log_dir: Path | None = None) -> Path | None:
    """The private log file (``log_dir`` or the per-user log folder), with foreign records reduced.

    Without a usable log folder the program runs on without a log, and still writes no log
    record to the terminal.
    """
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.captureWarnings(True)
    try:
        path: Path | None = setup_logging(log_dir)
    except (OSError, VaultError):
        # No log folder: run without a log. A handler that drops everything keeps logging's
        # last-resort handler from writing records to the user's terminal.
        logging.getLogger().addHandler(logging.NullHandler())
        path = None
    _filter_root_handlers()
    return path
