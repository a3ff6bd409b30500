"""The desktop app on a real display, and what it says when it cannot have one (issue 12)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ui.platform_check import (
    debian_package,
    install_command,
    missing_from_ldd,
    platform_problem,
    qt_platform_candidates,
)

# What ldd printed for PySide6's libqxcb.so on a fresh Debian 12 desktop (issue 12), shortened.
FRESH_DEBIAN_LDD = """\
\tlinux-vdso.so.1 (0x00007ffd8c5f2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f2a1c000000)
\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007ff847d79000)
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007ff847d6e000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007ff84891f000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007ff847d66000)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007ff847539000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibQt6Core.so.6 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007ff848a01000)
"""


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The sentences are checked in English; the process's language is restored afterwards."""
    from resources import i18n

    before = i18n.current().language
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def _app_environment(home: Path) -> dict[str, str]:
    """A private home and log folder: the app must never touch the real user's files."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("QT_", "XDG_", "LC_"))
        and key not in ("DISPLAY", "WAYLAND_DISPLAY", "LANGUAGE")
    }
    env.update(
        {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "CUSTODIA_LOG_DIR": str(home / "logs"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "LANG": "C.UTF-8",
        }
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


def _custodia_gui(env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui", "gui"],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


# (a) no display ----------------------------------------------------------------------------


def test_xcb_without_a_display_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    env = _app_environment(tmp_path)
    env["QT_QPA_PLATFORM"] = "xcb"

    result = _custodia_gui(env)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("custodia: ")
    assert "DISPLAY" in lines[0]
    assert lines[0].endswith(".")


# (b) missing libraries -> packages ---------------------------------------------------------


def test_ldd_report_names_each_missing_system_library_once() -> None:
    assert missing_from_ldd(FRESH_DEBIAN_LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_missing_libraries_map_to_debian_packages() -> None:
    assert install_command(missing_from_ldd(FRESH_DEBIAN_LDD), fedora=False) == (
        "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"
    )
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libglib-2.0.so.0") == "libglib2.0-0"
    # Not in the table: Debian's naming rule, a hyphen only after a trailing digit.
    assert debian_package("libxcb-xinput.so.0") == "libxcb-xinput0"
    assert debian_package("libxcb-present.so.0") == "libxcb-present0"
    assert debian_package("libFoo2.so.1.4") == "libfoo2-1"


def test_missing_libraries_map_to_fedora_packages() -> None:
    missing = ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-shm.so.0", "libxcb.so.1"]
    assert install_command(missing, fedora=True) == (
        "sudo dnf install xcb-util-wm xcb-util-keysyms libxcb"
    )
    # Unknown to the table: asked for by what it provides, which dnf understands.
    assert install_command(["libxcb-present.so.0"], fedora=True) == (
        "sudo dnf install libxcb-present.so.0()(64bit)"
    )


@pytest.mark.parametrize("fedora", [False, True])
def test_missing_libraries_become_one_sentence_with_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fedora: bool
) -> None:
    import ui.platform_check as platform_check

    if fedora:
        (tmp_path / "fedora-release").write_text("Fedora release 40\n")
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    monkeypatch.setattr(platform_check, "find_plugin", lambda name, env: plugin)
    monkeypatch.setattr(platform_check, "run_ldd", lambda path: FRESH_DEBIAN_LDD)

    sentence = platform_problem(
        {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, platform="linux", etc=tmp_path
    )

    assert sentence is not None
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in sentence
    expected = (
        "sudo dnf install xcb-util-wm xcb-util-keysyms"
        if fedora
        else "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"
    )
    assert sentence.endswith(expected)
    assert "\n" not in sentence


def test_the_sentence_follows_the_language() -> None:
    from resources import i18n

    i18n.set_language("ro")
    sentence = platform_problem({"QT_QPA_PLATFORM": "xcb"}, platform="linux")

    assert sentence is not None
    assert sentence.startswith("aplica\u021bia desktop are nevoie de o sesiune grafic\u0103")


def test_only_a_start_that_can_only_try_xcb_is_judged() -> None:
    assert qt_platform_candidates({"DISPLAY": ":0"}) == ["xcb"]
    assert qt_platform_candidates({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}) == [
        "wayland",
        "xcb",
    ]
    assert qt_platform_candidates({"QT_QPA_PLATFORM": "xcb:nograb;offscreen"}) == [
        "xcb",
        "offscreen",
    ]
    # Qt decides these itself: Wayland first, an explicit fallback, or another plugin.
    for env in (
        {"WAYLAND_DISPLAY": "wayland-0"},
        {"QT_QPA_PLATFORM": "xcb;offscreen"},
        {"QT_QPA_PLATFORM": "offscreen"},
    ):
        assert platform_problem(env, platform="linux") is None
    assert platform_problem({"QT_QPA_PLATFORM": "xcb"}, platform="win32") is None
    assert platform_problem({"QT_QPA_PLATFORM": "xcb"}, platform="darwin") is None


def test_an_x_display_nobody_serves_is_one_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.platform_check as platform_check

    monkeypatch.setattr(platform_check, "missing_libraries", lambda plugin: [])
    monkeypatch.setattr(platform_check, "x_server_answers", lambda display: False)

    sentence = platform_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":57"}, platform="linux")

    assert sentence is not None
    assert "DISPLAY=:57" in sentence


# (c) the real window -----------------------------------------------------------------------


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private X server on a free display number, which it reports through -displayfd."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb); CI installs it")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as reader:
            number = reader.readline().strip()
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number.decode()}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_first_window_appears_on_a_real_x_server(xvfb_display: str, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    screenshot = tmp_path / "first-window.png"
    env = _app_environment(tmp_path / "home")
    env.update(
        {
            "QT_QPA_PLATFORM": "xcb",
            "DISPLAY": xvfb_display,
            "CUSTODIA_SCREENSHOT_AND_QUIT": str(screenshot),
        }
    )

    result = _custodia_gui(env)

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "custodia-first-window-shown" in result.stdout
    image = QImage(str(screenshot)).convertToFormat(QImage.Format.Format_RGB32)
    assert (image.width(), image.height()) == (1280, 800)
    # An empty X screen is one colour; a window with text and buttons has hundreds.
    colours = set(memoryview(image.constBits()).cast("I"))
    assert len(colours) > 50, f"{len(colours)} colours: the screen looks blank"
