"""The one way the command line writes to the terminal (DESIGN §5). Never imports Qt.

Every line the command line shows goes through :func:`out` (standard output) or :func:`err`
(standard error), and both pass it through :func:`terminal_safe`: a title or a file name could
carry an escape sequence that retitles the terminal, rewrites earlier lines or reorders text
with bidi overrides, so such characters are shown escaped (``\\x1b``, ``\\u202e``), never sent.
A test checks that the ``ui/cli*.py`` modules contain no ``print`` or stream write of their own.

Closed pipes (``custodia … | head -1``): the first write that meets EPIPE points standard output
at the null device and the command goes on undisturbed. Its exit code is the one it would have
had with a reader to the end (0 for an export that was written), because the reader leaving
early changes nothing about the work. Exit 141 (death by SIGPIPE) would report a completed
export as failed to any ``set -o pipefail`` script.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from typing import TextIO

# C0 controls (newline and tab included: in user data they would break the one-record-per-line
# layout), DEL, C1 controls, the Arabic letter mark, the left-to-right and right-to-left marks,
# bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069), the Unicode line and
# paragraph separators, and lone surrogates (undecodable bytes of a file name, which would make
# the write itself fail).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: object) -> str:
    """``text`` with every control, bidi-override and separator character escaped visibly.

    Backslashes are left as they are, so Windows paths stay readable; a literal ``\\x1b`` typed
    into a title therefore looks like an escaped one, which is harmless.
    """
    value = str(text)
    return _UNSAFE.sub(_escape, value)


class _Stream:
    """One output stream that turns a closed pipe into silence instead of an exception."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.closed_pipe = False

    def stream(self) -> TextIO:
        current: TextIO = getattr(sys, self.name)
        return current

    def write(self, text: str) -> None:
        if self.closed_pipe:
            return
        stream = self.stream()
        try:
            stream.write(text)
            stream.flush()  # one line at a time, so EPIPE shows here and not at exit
        except BrokenPipeError:
            self.discard()
        except OSError as exc:
            if exc.errno not in (errno.EPIPE, errno.EINVAL):  # EINVAL: a closed pipe on Windows
                raise
            self.discard()

    def discard(self) -> None:
        """Point the stream's descriptor at the null device: nothing more reaches the reader,
        and the interpreter's own flush at exit finds nothing to complain about."""
        self.closed_pipe = True
        stream = self.stream()
        try:
            fd = stream.fileno()
        except (OSError, ValueError):  # not a real file (a test's StringIO)
            return
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, fd)
        finally:
            os.close(devnull)


_stdout = _Stream("stdout")
_stderr = _Stream("stderr")


def out(line: object = "") -> None:
    """One line on standard output, escaped; the newline is the only control character sent."""
    _stdout.write(terminal_safe(line) + "\n")


def err(line: object = "") -> None:
    """One line on standard error, escaped."""
    _stderr.write(terminal_safe(line) + "\n")


def progress(text: object) -> None:
    """Rewrite the current line of standard error (a progress display on a terminal)."""
    _stderr.write("\r" + terminal_safe(text))


def end_progress() -> None:
    _stderr.write("\n")


def finish() -> None:
    """Flush both streams at the end of a command; a reader that left early is no error."""
    for stream in (_stdout, _stderr):
        stream.write("")


def discard_stdout() -> None:
    """For output written outside :func:`out` (argparse's --help) that met a closed pipe."""
    _stdout.discard()


def prepare_streams() -> None:
    """Characters the terminal's encoding cannot show are escaped too, not an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (OSError, ValueError):
                pass
