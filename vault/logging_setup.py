"""Logging that names ids, never contents.

Modules log ids and counts only; this setup adds the second line of defence: records go to a
private, size-limited file in the per-user log folder, and exception tracebacks are reduced to
their type, because an exception's message or locals could carry user text.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from vault.fsutil import FILE_MODE, make_private_dir


class _NoTracebackFormatter(logging.Formatter):
    def formatException(self, ei: object) -> str:
        exc_type = ei[0] if isinstance(ei, tuple) and ei else None
        return f"  ({getattr(exc_type, '__name__', 'exception')}; traceback withheld)"


def default_log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("custodia", appauthor=False))


def setup_logging(log_dir: Path | None = None, level: int = logging.INFO) -> Path:
    log_dir = log_dir or default_log_dir()
    make_private_dir(log_dir)
    log_file = log_dir / "custodia.log"
    if not log_file.exists():
        os.close(os.open(log_file, os.O_WRONLY | os.O_CREAT, FILE_MODE))
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(_NoTracebackFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    for existing in list(root.handlers):
        if isinstance(existing, logging.handlers.RotatingFileHandler):
            root.removeHandler(existing)
    root.addHandler(handler)
    return log_file
