"""Every user interface: the command line (ui/cli.py, no Qt) and the PySide6 desktop app."""
