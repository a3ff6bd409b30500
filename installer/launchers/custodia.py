"""Entry point of the frozen ``custodia`` program (PyInstaller runs this file as ``__main__``).

It hands every command to ``ui.cli.main`` unchanged. Two hidden arguments exist only for the
installer's smoke check, because a frozen program cannot be asked anything with ``python -c``:

- ``--bundle-selftest``: print, as JSON, what the bundle contains and whether SQLCipher, the
  resources, the PDF stack and Qt load; exit 0 when everything needed was found, else 1.
- ``gui --smoke-test``: open the main window and quit at once (``ui.app`` supports the flag,
  the ``gui`` subcommand does not pass it on), so start-up time can be measured.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Check = Callable[[], Any]


def _ensure_streams() -> None:
    # A windowed program on Windows has no console: sys.stdout and sys.stderr are None, and the
    # first print would raise. Point them at the null device instead.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # lives as long as the process


def _check_sqlcipher() -> dict[str, str]:
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
        conn.execute("CREATE TABLE t (x)")
        version = conn.execute("PRAGMA cipher_version").fetchone()
        provider = conn.execute("PRAGMA cipher_provider").fetchone()
        fts = conn.execute("PRAGMA compile_options").fetchall()
    finally:
        conn.close()
    if not version or not version[0]:
        raise RuntimeError("not a SQLCipher build")
    return {
        "cipher_version": str(version[0]),
        "cipher_provider": str(provider[0]) if provider else "",
        "fts5": str(any("FTS5" in str(row[0]) for row in fts)),
    }


def _check_resources() -> dict[str, Any]:
    from resources import ROOT, resource_path

    catalogue = json.loads(resource_path("indicators", "catalogue.json").read_text("utf-8"))
    translations = resource_path("translations")
    return {
        "root": str(ROOT),
        "inside_bundle": str(ROOT).startswith(str(getattr(sys, "_MEIPASS", "\0"))),
        "fonts": sorted(p.name for p in resource_path("fonts").glob("*.ttf")),
        "font_licences": sorted(p.name for p in resource_path("fonts").glob("LICENSE*")),
        "translations": sorted(p.name for p in translations.glob("*.mo"))
        if translations.is_dir()
        else [],
        "catalogue_bytes": len(json.dumps(catalogue)),
        "style_sheet": resource_path("style.qss").is_file(),
    }


def _check_metadata() -> dict[str, str]:
    from importlib import metadata

    names = ("custodia", "bagit", "reportlab", "pyHanko", "cryptography", "keyring")
    return {name: metadata.version(name) for name in names}


def _check_pdf() -> dict[str, int]:
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from resources import resource_path

    pdfmetrics.registerFont(TTFont("SelftestSans", str(resource_path("fonts", "DejaVuSans.ttf"))))
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setFont("SelftestSans", 12)
    canvas.drawString(72, 720, "Constanța — Київ")
    canvas.save()
    import pyhanko.sign.signers  # noqa: F401 - proves the signing stack imports
    from pyhanko_certvalidator.registry import SimpleCertificateStore  # noqa: F401

    return {"pdf_bytes": len(out.getvalue())}


def _check_domain_libraries() -> dict[str, Any]:
    import bagit
    import exifread  # noqa: F401 - proves it imports
    import phonenumbers
    from zxcvbn import zxcvbn

    number = phonenumbers.parse("+40 721 234 567", None)
    return {
        "phone_e164": phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        "zxcvbn_score": int(zxcvbn("correct horse battery staple")["score"]),
        "bagit": str(bagit.VERSION),
    }


KEYRING_BACKENDS = {
    "linux": ("keyring.backends.SecretService", "keyring.backends.libsecret"),
    "win32": ("keyring.backends.Windows",),
    "darwin": ("keyring.backends.macOS",),
}


def _check_keyring() -> dict[str, list[str]]:
    import importlib

    from keyring.backend import get_all_keyring

    # "usable" depends on the session (no D-Bus, no secret service: only the fail backend);
    # "bundled" is what the build must guarantee: the platform's backend modules import.
    wanted = KEYRING_BACKENDS.get(sys.platform, ())
    for name in wanted:
        importlib.import_module(name)
    return {
        "bundled": list(wanted),
        "usable": sorted(type(backend).__module__ for backend in get_all_keyring()),
    }


def _check_qt() -> dict[str, Any]:
    from PySide6 import QtCore, QtGui, QtPrintSupport, QtWidgets  # noqa: F401

    plugins = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.PluginsPath)
    platforms = os.path.join(plugins, "platforms")
    names = sorted(os.listdir(platforms)) if os.path.isdir(platforms) else []
    return {"qt": QtCore.qVersion(), "platform_plugins": names}


CHECKS: dict[str, Check] = {
    "sqlcipher": _check_sqlcipher,
    "resources": _check_resources,
    "metadata": _check_metadata,
    "pdf": _check_pdf,
    "libraries": _check_domain_libraries,
    "keyring": _check_keyring,
    "qt": _check_qt,
}


def selftest() -> int:
    report: dict[str, Any] = {"frozen": bool(getattr(sys, "frozen", False)), "problems": {}}
    for name, check in CHECKS.items():
        try:
            report[name] = check()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, none stops the rest
            report["problems"][name] = f"{type(exc).__name__}: {exc}"
    print(json.dumps(report, indent=2, sort_keys=True))
    return 1 if report["problems"] else 0


def gui_smoke(argv: list[str]) -> int:
    """``gui --smoke-test ...``: the same start as ``custodia gui``, with the flag passed on."""
    from ui.cli import build_parser
    from vault.fsutil import harden_process

    harden_process()
    # `custodia` builds its whole parser (importing every command module) before the app
    # opens; do the same, so that timing this measures what a person waits for.
    build_parser()
    from ui.app import main as app_main

    return app_main(argv)


def main(argv: list[str]) -> int:
    _ensure_streams()
    if argv == ["--bundle-selftest"]:
        return selftest()
    if argv[:1] == ["gui"] and "--smoke-test" in argv[1:]:
        return gui_smoke(argv[1:])
    from ui.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
