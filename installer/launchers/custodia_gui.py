"""Entry point of the windowed ``custodia-gui`` program, built on Windows only.

Windows opens a console window for every console program, so the Start-menu shortcut points at
this windowed twin of ``custodia``. It always opens the desktop app (``custodia gui``).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str]) -> int:
    # A windowed program has no console: sys.stdout and sys.stderr are None, and the first
    # print (argparse, the CLI's last-resort error line) would raise. Send them to the null device.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # lives as long as the process
    # Finder on old macOS versions adds a process serial number argument; it is not ours.
    args = [arg for arg in argv if not arg.startswith("-psn_")]
    from ui.cli import main as cli_main

    return cli_main(["gui", *args])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
