"""Build the Custodia desktop bundle: ``python installer/build.py [--smoke] [--measure N]``.

One command for Linux, Windows and macOS. It installs PyInstaller into the running virtual
environment when it is missing, renders the icon, runs ``installer/custodia.spec`` into
``dist/custodia/`` and, on Linux, packs ``dist/custodia-<version>-linux-<arch>.tar.gz``.

``--smoke`` then unpacks that archive into a temporary folder and runs the frozen program there
without a display: ``--version``, a self-test of what the bundle holds (SQLCipher, fonts,
translations, catalogue, PDF stack, Qt), ``demo`` (or ``vault init``) and ``vault check``, and
the desktop app offscreen for a few seconds, which must leave standard error empty.
``--measure N`` times N starts of the frozen program next to ``python -m ui``.

``custodia.spec`` imports this file for every list of what goes into the bundle, so the lists
are checked by a fast test (tests/installer/test_build_config.py) without a build.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import logging
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger("custodia.installer")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTALLER_DIR = PROJECT_ROOT / "installer"
SPEC_FILE = INSTALLER_DIR / "custodia.spec"
DIST_DIR = PROJECT_ROOT / "dist"
WORK_DIR = PROJECT_ROOT / "build" / "pyinstaller"
RESOURCES_DIR = PROJECT_ROOT / "resources"

APP_NAME = "custodia"
GUI_APP_NAME = "custodia-gui"  # the windowed twin, built on Windows only
DISPLAY_NAME = "Custodia"
BUNDLE_IDENTIFIER = "org.custodia.Custodia"
PYINSTALLER_REQUIREMENT = "pyinstaller>=6.10,<7"
PILLOW_REQUIREMENT = "pillow>=10"  # PyInstaller turns the PNG icon into .ico / .icns with it

LAUNCHER = INSTALLER_DIR / "launchers" / "custodia.py"
GUI_LAUNCHER = INSTALLER_DIR / "launchers" / "custodia_gui.py"
ICON_SVG = INSTALLER_DIR / "icons" / "custodia.svg"
ICON_PNG = INSTALLER_DIR / "icons" / "custodia.png"
ICON_SIZE = 256
DESKTOP_ENTRY = INSTALLER_DIR / "linux" / "custodia.desktop"
INSTALL_DESKTOP_SCRIPT = INSTALLER_DIR / "linux" / "install-desktop-entry.sh"
LINUX_README = INSTALLER_DIR / "linux" / "README.txt"
MACOS_ENTITLEMENTS = INSTALLER_DIR / "macos" / "entitlements.plist"
HOOKS_DIR = INSTALLER_DIR / "hooks"  # our hooks win over PyInstaller's and the contrib ones

# Our own packages. ui/cli.py imports ui.cli_intake and ui.cli_exports by name, which
# PyInstaller cannot see, so every submodule is collected explicitly.
PROJECT_PACKAGES = ("vault", "intake", "exports", "ui", "resources")

# Read with importlib.metadata at run time (custodia --version, bagit at import, the report's
# tool versions, keyring's backend entry points). Without their metadata the frozen app fails.
METADATA_DISTRIBUTIONS = ("custodia", "bagit", "reportlab", "pyHanko", "cryptography", "keyring")

# Third-party packages whose non-Python files are needed (reportlab's standard fonts, pyhanko's
# trust-list certificates).
DATA_PACKAGES = ("reportlab", "pyhanko")

# Imported only dynamically by the libraries that need them.
HIDDEN_IMPORTS = (
    "keyring.backends.SecretService",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.chainer",
    "keyring.backends.fail",
    "sqlcipher3.dbapi2",
)

# The Qt modules the app uses; PyInstaller collects only imported ones, and the list below keeps
# heavy modules out even if some library imports them optionally.
# QtPdf and QtMultimedia show evidence (issue 16): PDF pages, audio and video, read from memory.
QT_MODULES = (
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtPrintSupport",
    "QtPdf",
    "QtPdfWidgets",
    "QtMultimedia",
    "QtMultimediaWidgets",
)
QT_EXCLUDES = tuple(
    f"PySide6.{name}"
    for name in (
        "Qt3DAnimation",
        "Qt3DCore",
        "Qt3DExtras",
        "Qt3DInput",
        "Qt3DLogic",
        "Qt3DRender",
        "QtBluetooth",
        "QtCharts",
        "QtDataVisualization",
        "QtDesigner",
        "QtGraphs",
        "QtHelp",
        "QtHttpServer",
        "QtLocation",
        "QtDBus",
        "QtNetwork",
        "QtNetworkAuth",
        "QtNfc",
        "QtOpenGL",
        "QtOpenGLWidgets",
        "QtPositioning",
        "QtQml",
        "QtQuick",
        "QtQuick3D",
        "QtQuickControls2",
        "QtQuickWidgets",
        "QtRemoteObjects",
        "QtScxml",
        "QtSensors",
        "QtSerialBus",
        "QtSerialPort",
        "QtSpatialAudio",
        "QtSql",
        "QtStateMachine",
        "QtTest",
        "QtTextToSpeech",
        "QtUiTools",
        "QtWebChannel",
        "QtWebEngineCore",
        "QtWebEngineQuick",
        "QtWebEngineWidgets",
        "QtWebSockets",
        "QtWebView",
    )
)
EXCLUDES = (
    *QT_EXCLUDES,
    # Development and test tools that may be installed in the same virtual environment.
    "tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "importlinter",
    "grimp",
    "PyInstaller",
    # phonenumbers' geocoder, carrier and time-zone tables (about 45 MB) are never used: the
    # app only parses and formats numbers.
    "phonenumbers.geocoder",
    "phonenumbers.geodata",
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
    "phonenumbers.prefix",
)

# Qt plugins the desktop app never loads (embedded-Linux and VNC platforms, evdev input, the GTK
# theme, which would drag in GTK's whole library stack, and the network plugins of QtNetwork,
# which the app does not use). Matched on "<plugin folder>/<name without lib prefix>".
UNWANTED_QT_PLUGINS = (
    "platforms/qeglfs",
    "platforms/qlinuxfb",
    "platforms/qvnc",
    "platforms/qvkkhrdisplay",
    "platforms/qminimalegl",
    "egldeviceintegrations/*",
    "generic/*",
    "platformthemes/qgtk3",
    "networkinformation/*",
    "tls/*",
)
QT_PLUGIN_PREFIX = ("PySide6", "Qt", "plugins")

# Resource files that the app cannot work without; the build stops if one is missing.
REQUIRED_RESOURCES = ("indicators/catalogue.json", "style.qss", "fonts/DejaVuSans.ttf")
# Expected, but written by colleagues in parallel: a missing one is a loud warning.
EXPECTED_RESOURCE_GLOBS = ("fonts/LICENSE*", "translations/*.mo")


class BuildError(Exception):
    """A build step failed; the message says which and why."""


# What goes into the bundle ----------------------------------------------------------------------


def project_version() -> str:
    with (PROJECT_ROOT / "pyproject.toml").open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    return str(data["project"]["version"])


def platform_tag() -> str:
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


def resource_datas(root: Path = RESOURCES_DIR) -> list[tuple[str, str]]:
    """Every non-Python file under resources/, as PyInstaller (source, destination folder) pairs.

    The destination mirrors the package, so ``resources.ROOT`` (the folder of the frozen
    ``resources/__init__.pyc``, i.e. ``sys._MEIPASS/resources``) finds them as in a checkout.
    """
    pairs: list[tuple[str, str]] = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or "__pycache__" in relative.parts:
            continue
        # Python sources are compiled into the program; .po files are translation sources.
        if path.suffix in {".py", ".pyc", ".pyi", ".po"} or path.name.startswith("."):
            continue
        destination = Path("resources") / relative.parent
        pairs.append((str(path), destination.as_posix()))
    return pairs


def missing_required_resources(root: Path = RESOURCES_DIR) -> list[str]:
    return [name for name in REQUIRED_RESOURCES if not (root / name).is_file()]


def missing_expected_resources(root: Path = RESOURCES_DIR) -> list[str]:
    return [pattern for pattern in EXPECTED_RESOURCE_GLOBS if not any(root.glob(pattern))]


def translation_languages(root: Path = RESOURCES_DIR) -> list[str]:
    """Languages with a compiled catalogue of ours (<lang>.mo), plus English."""
    found = {path.stem for path in root.glob("translations/*.mo")}
    return sorted(found | {"en"})


def keep_qt_translation(destination: str, languages: Sequence[str]) -> bool:
    """Qt's own catalogues (qtbase_xx.qm, ...) only for languages the app offers."""
    path = Path(destination)
    if "translations" not in path.parts or path.suffix != ".qm" or "PySide6" not in path.parts:
        return True
    stem = path.stem  # e.g. qtbase_pt_BR
    return any(stem.endswith(f"_{lang}") or f"_{lang}_" in stem for lang in languages)


def wanted_qt_plugin(destination: str) -> bool:
    parts = Path(destination).parts
    if (
        parts[: len(QT_PLUGIN_PREFIX)] != QT_PLUGIN_PREFIX
        or len(parts) != len(QT_PLUGIN_PREFIX) + 2
    ):
        return True
    folder, filename = parts[-2], parts[-1]
    name = filename.split(".")[0].removeprefix("lib")
    return not any(
        pattern in {f"{folder}/{name}", f"{folder}/*"} for pattern in UNWANTED_QT_PLUGINS
    )


TocEntry = tuple[str, str, str]


def _is_dependency_root(entry: TocEntry) -> bool:
    """Binaries loaded by dlopen: extension modules, Qt plugins and the Python library."""
    destination, _source, typecode = entry
    parts = Path(destination).parts
    return (
        typecode == "EXTENSION"
        or parts[: len(QT_PLUGIN_PREFIX)] == QT_PLUGIN_PREFIX
        or parts[-1].startswith("libpython")
    )


def prune_binaries(
    binaries: Sequence[TocEntry], imports_of: Callable[[str], set[str]]
) -> list[TocEntry]:
    """Drop unwanted Qt plugins, then every shared library nothing left needs.

    PyInstaller collects a plugin's libraries before a spec can drop the plugin, so removing
    the GTK theme alone would leave GTK's libraries behind. ``imports_of(path)`` names the
    libraries a binary needs, transitively (ldd's answer); a library is kept when a kept root
    needs it.
    """
    kept = [entry for entry in binaries if wanted_qt_plugin(entry[0])]
    needed: set[str] = set()
    for entry in kept:
        if _is_dependency_root(entry):
            needed |= imports_of(entry[1])
    return [
        entry
        for entry in kept
        if _is_dependency_root(entry)
        or entry[2] not in {"BINARY", "EXTENSION"}
        or Path(entry[0]).name in needed
    ]


def icon_for_platform() -> str:
    # PyInstaller converts the PNG into .ico / .icns itself (with Pillow); Linux needs none.
    return str(ICON_PNG)


def spec_settings() -> dict[str, Any]:
    """Everything custodia.spec needs, in one place that a test can check."""
    return {
        "name": APP_NAME,
        "gui_name": GUI_APP_NAME,
        "display_name": DISPLAY_NAME,
        "bundle_identifier": BUNDLE_IDENTIFIER,
        "version": project_version(),
        "launcher": str(LAUNCHER),
        "gui_launcher": str(GUI_LAUNCHER),
        "pathex": [str(PROJECT_ROOT)],
        "project_packages": list(PROJECT_PACKAGES),
        "metadata": list(METADATA_DISTRIBUTIONS),
        "data_packages": list(DATA_PACKAGES),
        "hidden_imports": list(HIDDEN_IMPORTS),
        "excludes": list(EXCLUDES),
        "datas": resource_datas(),
        "qt_languages": translation_languages(),
        "icon": icon_for_platform(),
        "entitlements": str(MACOS_ENTITLEMENTS),
        "hookspath": [str(HOOKS_DIR)],
        # Signing while building (macOS): installer/SIGNING.md. Unset: an unsigned build.
        "codesign_identity": os.environ.get("CUSTODIA_CODESIGN_IDENTITY") or None,
        "windowed_twin": sys.platform == "win32",
        # Debug symbols are half the size of libpython, sqlcipher3 and cryptography on Linux.
        # (Never on macOS: stripping breaks code signatures; Windows DLLs carry none.)
        "strip": sys.platform.startswith("linux") and shutil.which("strip") is not None,
    }


# Building -------------------------------------------------------------------------------------


def _run(command: Sequence[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    log.info("running %s", " ".join(command))
    return subprocess.run(list(command), check=True, text=True, **kwargs)


def ensure_build_tools() -> None:
    """PyInstaller (and Pillow for the Windows and macOS icons) in the running environment."""
    needed: list[str] = []
    if importlib.util.find_spec("PyInstaller") is None:
        needed.append(PYINSTALLER_REQUIREMENT)
    if sys.platform in {"win32", "darwin"} and importlib.util.find_spec("PIL") is None:
        needed.append(PILLOW_REQUIREMENT)
    if needed:
        print(f"Installing {', '.join(needed)} into {sys.prefix}")
        _run([sys.executable, "-m", "pip", "install", *needed])


def render_icon(svg: Path = ICON_SVG, png: Path = ICON_PNG, size: int = ICON_SIZE) -> Path:
    """Render the SVG icon to a PNG, unless the PNG is already newer than the SVG."""
    if png.is_file() and png.stat().st_mtime >= svg.stat().st_mtime:
        return png
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    # A full QApplication, not a QGuiApplication: Qt allows one application object per process,
    # and widgets created later in the same process (the test suite) need the full kind.
    _app = QApplication.instance() or QApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"the icon {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png)):  # the format follows the suffix
        raise BuildError(f"could not write {png}")
    return png


def pyinstaller_command(clean: bool = False, nice: int = 10) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC_FILE),
        "--noconfirm",
        "--distpath",
        str(DIST_DIR),
        "--workpath",
        str(WORK_DIR),
    ]
    if clean:
        command.append("--clean")
    if nice and os.name == "posix" and shutil.which("nice"):
        # The build is long and CPU-bound; keep the machine usable for everything else.
        command = ["nice", "-n", str(nice), *command]
    return command


def build(clean: bool = False, nice: int = 10) -> Path:
    missing = missing_required_resources()
    if missing:
        raise BuildError(f"resources missing: {', '.join(missing)}")
    for pattern in missing_expected_resources():
        print(f"WARNING: no resources/{pattern} yet; the bundle will lack them.", file=sys.stderr)
    ensure_build_tools()
    render_icon()
    started = time.monotonic()
    _run(pyinstaller_command(clean=clean, nice=nice), cwd=PROJECT_ROOT)
    bundle = DIST_DIR / APP_NAME
    if not executable(bundle).is_file():
        raise BuildError(f"PyInstaller finished but {executable(bundle)} is missing")
    print(f"Built {bundle} in {time.monotonic() - started:.0f} s.")
    return bundle


def executable(bundle: Path, name: str = APP_NAME) -> Path:
    if sys.platform == "win32":
        return bundle / f"{name}.exe"
    if sys.platform == "darwin" and bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / name
    return bundle / name


def archive_name(version: str) -> str:
    return f"{APP_NAME}-{version}-{platform_tag()}.tar.gz"


def archive_extras() -> list[tuple[Path, str, int]]:
    """Files added next to the program in the Linux archive: (source, name, mode)."""
    return [
        (DESKTOP_ENTRY, "custodia.desktop", 0o644),
        (INSTALL_DESKTOP_SCRIPT, "install-desktop-entry.sh", 0o755),
        (ICON_PNG, "custodia.png", 0o644),
        (ICON_SVG, "custodia.svg", 0o644),
        (LINUX_README, "README.txt", 0o644),
    ]


def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # No build machine's user names or ids in the archive; everyone may read, only the owner write.
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = (info.mode | 0o444 | (0o111 if info.mode & 0o100 else 0)) & 0o755
    return info


def make_linux_archive(bundle: Path, version: str, out_dir: Path = DIST_DIR) -> Path:
    """``custodia-<version>/``: the one-folder program plus desktop entry, icon and installer."""
    top = f"{APP_NAME}-{version}"
    target = out_dir / archive_name(version)
    partial = target.with_name(target.name + ".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=top, filter=_normalise)
        for source, name, mode in archive_extras():
            info = archive.gettarinfo(str(source), arcname=f"{top}/{name}")
            info.mode = mode
            with source.open("rb") as handle:
                archive.addfile(_normalise(info), handle)
    partial.replace(target)
    return target


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# Smoke test -----------------------------------------------------------------------------------

SMOKE_PASSPHRASE = "smoke test passphrase, not a secret"  # noqa: S105 - a throwaway vault


@dataclasses.dataclass
class SmokeReport:
    problems: list[str] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)
    selftest: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def smoke_environment(home: Path) -> dict[str, str]:
    """A private home: the checks must never touch the real user's settings, logs or keyring."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "PYTHON", "XDG_"))}
    env.update(
        {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "LANG": env.get("LANG", "C.UTF-8"),
        }
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def _call(
    program: Sequence[str], env: Mapping[str, str], stdin: str = "", timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(program),
        input=stdin,
        capture_output=True,
        text=True,
        env=dict(env),
        timeout=timeout,
        check=False,
    )


def _expect(
    report: SmokeReport,
    what: str,
    result: subprocess.CompletedProcess[str],
    code: int = 0,
    quiet_stderr: bool = True,
) -> bool:
    ok = result.returncode == code and not (quiet_stderr and result.stderr.strip())
    if not ok:
        report.problems.append(
            f"{what}: exit {result.returncode} (wanted {code}); "
            f"stderr: {result.stderr.strip()[-2000:]!r}; stdout: {result.stdout.strip()[-500:]!r}"
        )
    return ok


def expected_translations(root: Path = RESOURCES_DIR) -> list[str]:
    return sorted(path.name for path in root.glob("translations/*.mo"))


def check_selftest(report: SmokeReport, data: dict[str, Any]) -> None:
    """Compare what the frozen program found with what the source tree holds."""
    report.selftest = data
    if not data.get("frozen"):
        report.problems.append("selftest: the program does not know it is frozen")
    for name, problem in dict(data.get("problems", {})).items():
        report.problems.append(f"selftest {name}: {problem}")
    resources = data.get("resources", {})
    if resources and not resources.get("inside_bundle"):
        report.problems.append(f"resources are read from {resources.get('root')}, not the bundle")
    fonts = sorted(path.name for path in RESOURCES_DIR.glob("fonts/*.ttf"))
    if resources and resources.get("fonts") != fonts:
        report.problems.append(f"fonts in bundle {resources.get('fonts')} != source {fonts}")
    wanted = expected_translations()
    if resources and resources.get("translations") != wanted:
        report.problems.append(
            f"translations in bundle {resources.get('translations')} != source {wanted}"
        )
    if not wanted:
        report.notes.append("resources/translations/*.qm does not exist yet: none shipped")
    plugins = data.get("qt", {}).get("platform_plugins", [])
    if plugins and not any("offscreen" in name for name in plugins):
        report.problems.append(f"Qt offscreen platform plugin missing: {plugins}")
    if sys.platform.startswith("linux") and plugins and not any("xcb" in n for n in plugins):
        report.problems.append(f"Qt xcb platform plugin missing: {plugins}")


def _commands(program: Path, env: Mapping[str, str]) -> set[str]:
    """The subcommands ``custodia --help`` lists (argparse indents each by four spaces)."""
    text = _call([str(program), "--help"], env, timeout=120).stdout
    return set(re.findall(r"^    ([a-z][\w-]*)\s", text, flags=re.MULTILINE))


def smoke(program: Path, gui_seconds: float = 5.0) -> SmokeReport:
    """Run the frozen ``program`` the way a person and a script would, without a display."""
    report = SmokeReport()
    with tempfile.TemporaryDirectory(prefix="custodia-smoke-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        env = smoke_environment(home)
        vault = Path(tmp) / "vault"

        result = _call([str(program), "--version"], env, timeout=120)
        if _expect(report, "--version", result) and project_version() not in result.stdout:
            report.problems.append(f"--version printed {result.stdout.strip()!r}")

        result = _call([str(program), "--bundle-selftest"], env, timeout=180)
        try:
            check_selftest(report, json.loads(result.stdout))
        except json.JSONDecodeError:
            _expect(report, "--bundle-selftest", result)
            report.problems.append("--bundle-selftest printed no JSON")

        commands = _commands(program, env)
        if "demo" in commands:
            result = _call(
                [str(program), "demo", str(vault), "--passphrase-stdin"],
                env,
                stdin=SMOKE_PASSPHRASE + "\n",
            )
            created = used_demo = _expect(report, "demo", result)
        else:
            report.notes.append("`custodia demo` does not exist yet: used `vault init` instead")
            used_demo = False
            result = _call(
                [
                    str(program),
                    "vault",
                    "init",
                    str(vault),
                    "--user",
                    "smoke",
                    "--passphrase-stdin",
                ],
                env,
                stdin=SMOKE_PASSPHRASE + "\n",
            )
            created = _expect(report, "vault init", result)
        if created:
            header = (vault / "vault.db").read_bytes()[:16]
            if header.startswith(b"SQLite format 3"):
                report.problems.append("vault.db is a plain SQLite file: SQLCipher did not encrypt")
            result = _call(
                [str(program), "vault", "check", str(vault), "--passphrase-stdin"],
                env,
                stdin=SMOKE_PASSPHRASE + "\n",
            )
            if _expect(report, "vault check", result) and "Result: OK" not in result.stdout:
                report.problems.append(f"vault check said {result.stdout.strip()!r}")
            if used_demo and {"export", "verify"} <= commands:
                export_and_verify(report, program, env, vault, Path(tmp) / "bundle")

        result = _call([str(program), "gui", "--smoke-test"], env, timeout=120)
        _expect(report, "gui --smoke-test", result)
        gui_run(report, [str(program)], env, gui_seconds)
    return report


def export_and_verify(
    report: SmokeReport, program: Path, env: Mapping[str, str], vault: Path, bundle: Path
) -> None:
    """The PDF, PAdES and BagIt stack end to end: export the demo case, then verify the bundle."""
    from intake.demo import DEMO_REFERENCE

    result = _call(
        [
            *(str(program), "export", str(vault)),
            *("--case", DEMO_REFERENCE, "--to", str(bundle), "--recipient-kind", "court"),
            "--passphrase-stdin",
        ],
        env,
        stdin=SMOKE_PASSPHRASE + "\n",
    )
    if not _expect(report, "export", result):
        return
    # The recipient pins the key the sender told them by another channel (exit 0); the export
    # prints it as the last word of its "fingerprint" line.
    key = next(
        (line.split()[-1] for line in result.stdout.splitlines() if "fingerprint" in line), ""
    )
    result = _call([str(program), "verify", str(bundle), "--expect-key", key], env)
    if _expect(report, "verify", result) and "VERDICT: INTACT" not in result.stdout.upper():
        report.problems.append(f"verify said {result.stdout.strip()[-1000:]!r}")


def gui_run(
    report: SmokeReport, program: list[str], env: Mapping[str, str], seconds: float
) -> None:
    """Start the desktop app as a person would (no arguments) and let it run for a while."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        process = subprocess.Popen(
            program,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=dict(env),
        )
        try:
            code = process.wait(timeout=seconds)
            report.problems.append(f"the desktop app exited by itself after starting (exit {code})")
        except subprocess.TimeoutExpired:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        err.seek(0)
        noise = err.read().strip()
        if noise:
            report.problems.append(f"the desktop app wrote to stderr: {noise[-2000:]!r}")


def unpack(archive: Path, into: Path) -> Path:
    """Unpack the archive where a person would, and return the program inside it."""
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    (top,) = [path for path in into.iterdir() if path.is_dir()]
    return executable(top)


# Start-up timing ------------------------------------------------------------------------------


def _time_runs(command: Sequence[str], env: Mapping[str, str], runs: int) -> list[float]:
    times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        result = _call(command, env, timeout=300)
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            raise BuildError(f"{' '.join(command)} failed: {result.stderr.strip()[-500:]}")
    return times


def measure(program: Path, runs: int) -> dict[str, dict[str, Any]]:
    """Seconds for ``--version`` and for the desktop app to show its window and quit."""
    python = [sys.executable]
    cases = {
        "frozen --version": [str(program), "--version"],
        "venv python -m ui --version": [*python, "-m", "ui", "--version"],
        "frozen gui first window": [str(program), "gui", "--smoke-test"],
        "venv gui first window": [*python, str(LAUNCHER), "gui", "--smoke-test"],
    }
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="custodia-measure-") as tmp:
        env = smoke_environment(Path(tmp))
        # Interleaved, so that a burst of load on a shared machine hits every case alike.
        samples: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, command in cases.items():
                samples[name] += _time_runs(command, env, 1)
        for name, times in samples.items():
            results[name] = {
                "first": round(times[0], 3),
                "median": round(statistics.median(times), 3),
                "min": round(min(times), 3),
                "max": round(max(times), 3),
                "runs": runs,
            }
    return results


# Command line ---------------------------------------------------------------------------------


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python installer/build.py",
        description="Build the Custodia one-folder bundle (and, on Linux, its .tar.gz).",
    )
    parser.add_argument("--smoke", action="store_true", help="then run the frozen smoke test")
    parser.add_argument("--no-build", action="store_true", help="reuse dist/custodia as it is")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument(
        "--measure", type=int, default=0, metavar="N", help="time N starts of each program"
    )
    parser.add_argument(
        "--nice", type=int, default=10, help="niceness of the PyInstaller run (0: none)"
    )
    return parser.parse_args(argv)


def _steps(args: argparse.Namespace) -> Iterator[str]:
    version = project_version()
    bundle = DIST_DIR / APP_NAME
    if not args.no_build:
        bundle = build(clean=args.clean, nice=args.nice)
    elif not bundle.is_dir():
        raise BuildError(f"--no-build, but {bundle} does not exist")
    yield f"bundle: {bundle} ({folder_size(bundle) / 2**20:.1f} MiB)"
    archive: Path | None = None
    if sys.platform.startswith("linux"):
        archive = make_linux_archive(bundle, version)
        yield f"archive: {archive} ({archive.stat().st_size / 2**20:.1f} MiB)"
    if args.smoke:
        with tempfile.TemporaryDirectory(prefix="custodia-unpacked-") as tmp:
            program = unpack(archive, Path(tmp)) if archive else executable(bundle)
            report = smoke(program)
        for note in report.notes:
            yield f"note: {note}"
        if not report.ok:
            raise BuildError("smoke test failed:\n  " + "\n  ".join(report.problems))
        sqlcipher = report.selftest.get("sqlcipher", {})
        yield f"smoke test passed (SQLCipher {sqlcipher.get('cipher_version', '?')})"
    if args.measure:
        results = measure(executable(bundle), args.measure)
        yield "start-up seconds: " + json.dumps(results, indent=2)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = _parse(argv)
    try:
        for line in _steps(args):
            print(line, flush=True)
    except (BuildError, subprocess.CalledProcessError) as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
