"""A full-page screenshot and a PDF of a web page, rendered by Debian's headless Chromium.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: fd 3 in,
fd 4 out, NUL-separated JSON), because its ``--screenshot`` switch only captures the first
screen. The page opens in an off-the-record browser context, so its cache stays in memory, and
the browser's profile, HOME and TMPDIR all point into one private 0700 folder that the caller
removes afterwards. The images come back over the pipe, never through a file of Chromium's.
"""

from __future__ import annotations

import base64
import fcntl
import json
import logging
import os
import select
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vault.errors import OperationCancelledError

log = logging.getLogger(__name__)

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
LOAD_TIMEOUT_SECONDS = 45.0
SETTLE_SECONDS = 0.5
VIEWPORT = (1280, 800)
#: Chromium cannot paint a texture taller than this; longer pages are cut here (and said so).
MAX_HEIGHT = 16384
# The flags Debian's chromium needs on a machine with a closed network and no display: without
# the background-networking ones it keeps dialling Google's services during the capture.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-breakpad",
    "--disable-crash-reporter",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
)


class RenderFailed(Exception):
    """Why no rendering was made, in English words for the capture record."""


@dataclass(frozen=True)
class Rendering:
    screenshot: bytes
    pdf: bytes
    renderer: str
    width: int
    height: int
    cut: bool


def find_chromium() -> str | None:
    override = os.environ.get("CUSTODIA_CHROMIUM")
    if override:
        return override if Path(override).is_file() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class _Pipe:
    def __init__(self, to_browser: int, from_browser: int, cancel: threading.Event | None):
        self.to_browser = to_browser
        self.from_browser = from_browser
        self.cancel = cancel
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            if self.cancel is not None and self.cancel.is_set():
                raise OperationCancelledError()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise RenderFailed("the browser did not answer in time")
            ready, _, _ = select.select([self.from_browser], [], [], min(remaining, 0.2))
            if ready:
                data = os.read(self.from_browser, 1 << 20)
                if not data:
                    raise RenderFailed("the browser stopped")
                self.buffer += data
        raw, self.buffer = self.buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            written = os.write(self.to_browser, data)
            data = data[written:]
        deadline = time.monotonic() + LOAD_TIMEOUT_SECONDS
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RenderFailed("the browser refused a command")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method: str, session: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    del self.events[: index + 1]
                    return
            self.events.clear()
            reply = self._read_message(deadline)
            if "method" in reply:
                self.events.append(reply)


def _high_fd(fd: int) -> int:
    """A copy of ``fd`` numbered 10 or above, so the shell's 3<& and 4>& cannot clash with it."""
    copy = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return copy


def render(
    url: str,
    workdir: Path,
    *,
    ignore_certificate_errors: bool = False,
    cancel: threading.Event | None = None,
) -> Rendering:
    """Render ``url`` (loaded afresh by the browser) as a full-page PNG and a PDF.

    Everything Chromium writes stays under ``workdir`` (private, removed by the caller).
    Raises :class:`RenderFailed` with the reason in words when no rendering could be made.
    """
    chromium = find_chromium()
    if chromium is None:
        raise RenderFailed("no Chromium browser is installed on this computer")
    profile = workdir / "profile"
    profile.mkdir(mode=0o700)
    flags = [*FLAGS, f"--user-data-dir={profile}", f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}"]
    if ignore_certificate_errors:
        flags.append("--ignore-certificate-errors")
    flags.append("about:blank")
    to_read, to_write = (_high_fd(fd) for fd in os.pipe())
    from_read, from_write = (_high_fd(fd) for fd in os.pipe())
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(profile),
        "TMPDIR": str(profile),
        "XDG_CONFIG_HOME": str(profile),
        "XDG_CACHE_HOME": str(profile),
        "XDG_DATA_HOME": str(profile),
        "LANG": "C.UTF-8",
    }
    # bash only moves the pipe ends to fds 3 and 4 (where Chromium expects them) and execs;
    # dash (/bin/sh) cannot name a descriptor above 9.
    script = f'exec "$0" "$@" 3<&{to_read} 4>&{from_write} {to_read}<&- {from_write}>&-'
    try:
        process = subprocess.Popen(
            [shutil.which("bash") or "/bin/bash", "-c", script, chromium, *flags],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(to_read, from_write),
            cwd=workdir,
            env=env,
            start_new_session=True,
        )
    except OSError as exc:
        for fd in (to_read, to_write, from_read, from_write):
            os.close(fd)
        raise RenderFailed("the Chromium browser could not be started") from exc
    os.close(to_read)
    os.close(from_write)
    pipe = _Pipe(to_write, from_read, cancel)
    try:
        return _drive(pipe, url)
    finally:
        try:
            pipe.call("Browser.close")
        except (RenderFailed, OSError, OperationCancelledError, ValueError):
            pass
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
        os.close(to_write)
        os.close(from_read)


def _drive(pipe: _Pipe, url: str) -> Rendering:
    version = pipe.call("Browser.getVersion")
    renderer = str(version.get("product", "Chromium"))
    context = pipe.call("Target.createBrowserContext", {"disposeOnDetach": True})
    target = pipe.call(
        "Target.createTarget",
        {"url": "about:blank", "browserContextId": context["browserContextId"]},
    )
    attached = pipe.call("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})
    session = str(attached["sessionId"])
    pipe.call("Page.enable", session=session)
    pipe.call(
        "Emulation.setDeviceMetricsOverride",
        {"width": VIEWPORT[0], "height": VIEWPORT[1], "deviceScaleFactor": 1, "mobile": False},
        session=session,
    )
    navigated = pipe.call("Page.navigate", {"url": url}, session=session)
    if navigated.get("errorText"):
        raise RenderFailed("the browser could not load the page")
    pipe.wait_event("Page.loadEventFired", session, LOAD_TIMEOUT_SECONDS)
    time.sleep(SETTLE_SECONDS)  # late images and fonts after the load event
    metrics = pipe.call("Page.getLayoutMetrics", session=session)
    size = metrics.get("cssContentSize") or metrics.get("contentSize") or {}
    width = max(1, min(int(size.get("width", VIEWPORT[0])), 4 * VIEWPORT[0]))
    full_height = max(1, int(size.get("height", VIEWPORT[1])))
    height = min(full_height, MAX_HEIGHT)
    shot = pipe.call(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        },
        session=session,
    )
    pdf = pipe.call("Page.printToPDF", {"printBackground": True}, session=session)
    return Rendering(
        screenshot=base64.b64decode(shot["data"]),
        pdf=base64.b64decode(pdf["data"]),
        renderer=renderer,
        width=width,
        height=height,
        cut=full_height > height,
    )
