"""Before Qt starts: can its display plugin load at all? (issue 12).

When Qt's platform plugin cannot load, Qt prints a fatal message and aborts the process (exit
134), and on a fresh Linux desktop the usual reason is a system library the PySide6 wheel does
not carry (libxcb-icccm4, libxcb-keysyms1, ...). This module finds that out first, without
importing Qt, and answers with one sentence naming the missing libraries and the command that
installs them, so that ``custodia`` can exit 2 like every other usage error.

It only judges the case it can judge for certain: on Linux, when the one platform Qt would try is
xcb (X11). When Qt would try Wayland or another plugin first, the answer is "no problem" and Qt
decides; its critical and fatal messages still reach stderr (``ui.app``).

Cost: when the X server answers and the plugin loads, the check is one socket connect and one
``dlopen`` of a plugin Qt loads a moment later anyway; ``ldd`` runs only when that load failed.
"""

from __future__ import annotations

import ctypes
import importlib.util
import logging
import os
import re
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

log = logging.getLogger(__name__)

# Debian and Ubuntu package names of the libraries Qt's xcb plugin and Qt Gui need. Names the
# table lacks follow Debian's rule for library packages (see debian_package).
DEBIAN_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

# Fedora's names; a library the table lacks is asked for by what it provides, which dnf accepts.
FEDORA_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "xcb-util-cursor",
    "libxcb-icccm.so.4": "xcb-util-wm",
    "libxcb-image.so.0": "xcb-util-image",
    "libxcb-keysyms.so.1": "xcb-util-keysyms",
    "libxcb-render-util.so.0": "xcb-util-renderutil",
    "libxcb-util.so.1": "xcb-util",
    "libxcb-randr.so.0": "libxcb",
    "libxcb-render.so.0": "libxcb",
    "libxcb-shape.so.0": "libxcb",
    "libxcb-shm.so.0": "libxcb",
    "libxcb-sync.so.1": "libxcb",
    "libxcb-xfixes.so.0": "libxcb",
    "libxcb-xinerama.so.0": "libxcb",
    "libxcb-xinput.so.0": "libxcb",
    "libxcb-xkb.so.1": "libxcb",
    "libxcb.so.1": "libxcb",
    "libX11-xcb.so.1": "libX11-xcb",
    "libX11.so.6": "libX11",
    "libxkbcommon.so.0": "libxkbcommon",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11",
    "libEGL.so.1": "libglvnd-egl",
    "libGL.so.1": "libglvnd-glx",
    "libGLX.so.0": "libglvnd-glx",
    "libOpenGL.so.0": "libglvnd-opengl",
    "libfontconfig.so.1": "fontconfig",
    "libfreetype.so.6": "freetype",
    "libdbus-1.so.3": "dbus-libs",
    "libglib-2.0.so.0": "glib2",
    "libgthread-2.0.so.0": "glib2",
}

_SONAME = re.compile(r"^(?P<name>lib[\w.+-]*?)\.so\.(?P<version>[\w.]+)$")
_NOT_FOUND = re.compile(r"^\s*(?P<soname>\S+)\s*=>\s*not found\s*$")
# ":0", ":1.0", "unix:0": a display on this machine, reached through a socket we can try.
_LOCAL_DISPLAY = re.compile(r"^(?:unix)?:(?P<number>\d+)(?:\.\d+)?$")


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships ``soname`` (``libxcb-icccm.so.4`` → ``libxcb-icccm4``).

    Unknown names follow Debian policy: the library's name, lower-cased, then its major version,
    with a hyphen between them when the name ends in a digit.
    """
    known = DEBIAN_PACKAGES.get(soname)
    if known is not None:
        return known
    match = _SONAME.match(soname)
    if match is None:
        return soname
    name = match.group("name").lower()
    major = match.group("version").split(".")[0]
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def fedora_package(soname: str) -> str:
    return FEDORA_PACKAGES.get(soname, f"{soname}()(64bit)")


def missing_from_ldd(output: str) -> list[str]:
    """The libraries ``ldd`` reports as "not found", once each, in the order it names them.

    Qt's own libraries are left out: the wheel carries them, and ``ldd`` only misses them when
    it is run without the plugin's search path; they are not something a user installs.
    """
    missing: list[str] = []
    for line in output.splitlines():
        match = _NOT_FOUND.match(line)
        if match is None:
            continue
        soname = match.group("soname")
        if soname.startswith("libQt6") or soname in missing:
            continue
        missing.append(soname)
    return missing


def install_command(packages_for: list[str], fedora: bool) -> str:
    packages: list[str] = []
    for soname in packages_for:
        package = fedora_package(soname) if fedora else debian_package(soname)
        if package not in packages:
            packages.append(package)
    tool = "dnf" if fedora else "apt-get"
    return f"sudo {tool} install " + " ".join(packages)


def _(message: str) -> str:
    """``message`` in the user's language; read only when there is a problem to report."""
    from resources.i18n import _ as translate

    return translate(message)


def is_fedora_like(etc: Path = Path("/etc")) -> bool:
    return (etc / "fedora-release").exists() or (etc / "redhat-release").exists()


def qt_platform_candidates(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt 6 tries, in order, without their ``:options``.

    Mirrors QGuiApplication: an explicit QT_QPA_PLATFORM (a ``;``-separated list) wins; otherwise,
    on Linux, Wayland comes first when WAYLAND_DISPLAY is set or the session type is wayland,
    then xcb when DISPLAY is set, then the build's default, xcb.
    """
    explicit = environ.get("QT_QPA_PLATFORM", "")
    if explicit:
        names = [part.split(":")[0].strip() for part in explicit.split(";")]
    else:
        names = []
        if environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland":
            names.append("wayland")
        names.append("xcb")
    ordered: list[str] = []
    for name in names:
        if name and name not in ordered:
            ordered.append(name)
    return ordered


def platform_plugin_dirs(environ: Mapping[str, str]) -> list[Path]:
    """Where Qt looks for platform plugins: QT_QPA_PLATFORM_PLUGIN_PATH, then PySide6's own."""
    dirs = [Path(p) for p in environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    # find_spec locates the package without importing it: importing PySide6 costs time here.
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        dirs.append(Path(spec.origin).parent / "Qt" / "plugins" / "platforms")
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        dirs.append(Path(frozen_root) / "PySide6" / "Qt" / "plugins" / "platforms")
    return dirs


def find_plugin(name: str, environ: Mapping[str, str]) -> Path | None:
    for directory in platform_plugin_dirs(environ):
        candidate = directory / f"libq{name}.so"
        if candidate.is_file():
            return candidate
    return None


def run_ldd(plugin: Path) -> str:
    """``ldd``'s report on ``plugin``, with Qt's own library folder on the search path."""
    # Imported here: only a failed load pays for them.
    import shutil
    import subprocess

    ldd = shutil.which("ldd")
    if ldd is None:
        log.info("ldd unavailable")
        return ""
    env = dict(os.environ)
    qt_lib = plugin.parent.parent.parent / "lib"
    env["LD_LIBRARY_PATH"] = os.pathsep.join(
        p for p in (str(qt_lib), os.environ.get("LD_LIBRARY_PATH", "")) if p
    )
    try:
        result = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, env=env, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("ldd unavailable: %s", type(exc).__name__)
        return ""
    return result.stdout


def missing_libraries(plugin: Path) -> list[str]:
    """The system libraries ``plugin`` needs and the machine lacks; empty when it loads."""
    try:
        # Qt loads this very file a moment later, so a successful load costs nothing extra.
        ctypes.CDLL(str(plugin))
    except OSError:
        log.info("platform plugin does not load; asking ldd why")
        return missing_from_ldd(run_ldd(plugin))
    return []


def x_server_answers(display: str) -> bool:
    """Whether an X server accepts connections at ``display``; True when we cannot tell.

    Only displays on this machine are tried (the abstract socket, the socket file, then TCP on
    localhost, the order libxcb uses): a remote display could make a connect wait for seconds.
    """
    match = _LOCAL_DISPLAY.match(display)
    if match is None:
        return True
    number = int(match.group("number"))
    path = f"/tmp/.X11-unix/X{number}"  # noqa: S108 - X11's fixed socket folder, only read
    for address in ("\0" + path, path):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            try:
                sock.connect(address)
            except OSError:
                continue
            return True
    try:
        with socket.create_connection(("127.0.0.1", 6000 + number), timeout=0.5):
            return True
    except OSError:
        return False


def platform_problem(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    etc: Path = Path("/etc"),
) -> str | None:
    """One sentence saying why Qt cannot open a window here, or None when it should be able to."""
    if not platform.startswith("linux"):
        return None  # Qt wheels for Windows and macOS carry everything their plugins need
    env = os.environ if environ is None else environ
    if qt_platform_candidates(env) != ["xcb"]:
        return None
    display = env.get("DISPLAY", "")
    if not display:
        log.info("platform check: xcb without DISPLAY")
        if env.get("WAYLAND_DISPLAY"):
            return _(
                "the desktop app was asked to use X11 (QT_QPA_PLATFORM=xcb), but DISPLAY is not "
                "set in this Wayland session; unset QT_QPA_PLATFORM and start it again."
            )
        return _(
            "the desktop app needs a graphical session, but neither DISPLAY nor WAYLAND_DISPLAY "
            "is set; start it from the desktop (the command-line commands work anywhere: "
            "custodia --help)."
        )
    plugin = find_plugin("xcb", env)
    if plugin is not None:
        missing = missing_libraries(plugin)
        if missing:
            log.info("platform check: %d system libraries missing", len(missing))
            command = install_command(missing, is_fedora_like(etc))
            return _(
                "the desktop app cannot start: Qt's X11 display plugin needs {libraries}, "
                "which this computer lacks; install with: {command}"
            ).format(libraries=", ".join(missing), command=command)
    if not x_server_answers(display):
        log.info("platform check: no X server answers")
        return _(
            "no X server answers at DISPLAY={display}; start the desktop app from a running "
            "graphical session."
        ).format(display=display)
    return None
