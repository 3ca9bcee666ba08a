"""The kiosk on a real X server under a real window manager (Xvfb + openbox), driven from outside.

Offscreen Qt has no window manager, so only here can we see what a visitor could do to the window:
close it with the window manager's keys or a close request, minimise it, right-click the desktop,
drag the divider. After each attempt the kiosk must still run, be visible, and cover the screen,
landscape and portrait. The staff's way out (five taps in the corner, then the PIN) must work, and
the visitor's session must leave the settings file exactly as it was.

Skipped, with the reason, where Xvfb, openbox, xdotool or wmctrl are missing (.ci/run installs them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "openbox", "xdotool", "wmctrl", "xwininfo")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = [
    pytest.mark.display,
    pytest.mark.skipif(bool(missing), reason=f"needs a real X server and window manager; missing: {missing}"),
]

PIN = "482916"
WAIT_S = 30.0
"""How long to wait for something to happen (a window to appear); not a measure of speed."""


def wait_for(check, what: str):
    """Poll until check() gives something true; fail naming what never happened."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"never happened: {what}")


class Display:
    """An X server with openbox on it, and the helpers to poke at windows there."""

    def __init__(self, size: str, tmp: Path):
        read, write = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        self.env = {**os.environ, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
        self.env.pop("WAYLAND_DISPLAY", None)
        self.wm = subprocess.Popen(
            ["openbox", "--sm-disable"],  # its stock key bindings and desktop menus: what a visitor would meet
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: self.run("wmctrl", "-m").returncode == 0, "openbox manages the screen")
        self.width, self.height = (int(n) for n in size.split("x"))

    def run(self, *command: str) -> subprocess.CompletedProcess:
        return subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=WAIT_S)

    def xdotool(self, *args: str) -> str:
        return self.run("xdotool", *args).stdout.strip()

    def close(self) -> None:
        for process in (self.wm, self.server):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


class Kiosk:
    """The kiosk as an operator starts it: its own process, its own settings folder."""

    def __init__(self, display: Display, config: Path):
        self.display = display
        env = {**display.env, "BODYMAP_CONFIG_DIR": str(config)}
        setup = subprocess.run(
            [sys.executable, "-m", "bodymap", "kiosk-setup", "--idle-seconds", "600"],
            input=f"{PIN}\n{PIN}\n",
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert setup.returncode == 0, setup.stderr
        self.settings = (config / "settings.json").read_bytes()
        self.config = config
        self.log = config.parent / "kiosk.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bodymap", "--kiosk"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("wb"),
        )
        self.window = wait_for(self._find, "the kiosk window appears")

    def _find(self) -> str | None:
        found = self.display.xdotool("search", "--onlyvisible", "--pid", str(self.process.pid), "--name", "bodymap")
        return found.splitlines()[-1] if found else None

    def geometry(self) -> tuple[int, int, int, int]:
        info = self.display.run("xwininfo", "-id", self.window).stdout
        fields = dict(line.strip().split(":", 1) for line in info.splitlines() if ":" in line)
        return tuple(
            int(fields[key].strip()) for key in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
        )  # type: ignore[return-value]

    def viewable(self) -> bool:
        return "IsViewable" in self.display.run("xwininfo", "-id", self.window).stdout

    def covers_screen(self) -> bool:
        return self.viewable() and self.geometry() == (0, 0, self.display.width, self.display.height)

    def assert_holds(self, after: str) -> None:
        """Still running, visible, and covering the whole screen (the kiosk puts itself back)."""
        assert self.process.poll() is None, f"the kiosk exited after {after}: {self.log.read_text()[-2000:]}"
        wait_for(self.covers_screen, f"the kiosk covers the screen again after {after} (now {self.geometry()})")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture(params=["1366x768", "800x1280"], ids=["landscape", "portrait"])
def kiosk(request, tmp_path):
    display = Display(request.param, tmp_path)
    started = None
    try:
        started = Kiosk(display, tmp_path / "config")
        yield started
    finally:
        if started:
            started.stop()
        display.close()


def test_a_visitor_cannot_close_minimise_or_shrink_the_kiosk(kiosk):
    display = kiosk.display
    kiosk.assert_holds("starting")
    for keys in ("ctrl+q", "ctrl+w", "alt+F4", "Escape", "super+d", "alt+Tab"):
        display.xdotool("key", keys)  # typed as a keyboard would: the window manager sees them first
        kiosk.assert_holds(f"the keys {keys}")
    display.run("wmctrl", "-i", "-c", kiosk.window)  # the window manager's close request
    kiosk.assert_holds("a close request from the window manager")
    display.xdotool("windowminimize", kiosk.window)
    kiosk.assert_holds("being minimised by the window manager")
    display.xdotool("windowsize", kiosk.window, "400", "300")
    kiosk.assert_holds("being resized by the window manager")
    display.xdotool("windowmove", kiosk.window, "200", "200")
    kiosk.assert_holds("being moved by the window manager")
    display.run("wmctrl", "-i", "-r", kiosk.window, "-b", "remove,fullscreen")
    kiosk.assert_holds("leaving full screen through the window manager")
    for button in ("3", "2"):  # right and middle clicks: openbox's desktop menus, if they reached it
        display.xdotool("mousemove", str(display.width // 2), str(display.height // 2), "click", button)
        kiosk.assert_holds(f"mouse button {button}")
    assert kiosk.config.joinpath("settings.json").read_bytes() == kiosk.settings, "a visitor changed the settings"


def test_the_staff_leave_with_five_corner_taps_and_the_pin(kiosk):
    display = kiosk.display
    kiosk.assert_holds("starting")
    corner = (str(display.width - 20), "20")
    for _tap in range(5):
        display.xdotool("mousemove", *corner, "click", "1")
    # The window's title names the page on show; the PIN pad takes digits from a keyboard too.
    wait_for(lambda: "Operator PIN" in display.xdotool("getwindowname", kiosk.window), "the PIN pad opens")
    display.xdotool("type", "--delay", "50", PIN)
    display.xdotool("key", "Return")
    assert wait_for(lambda: kiosk.process.poll() is not None, "the kiosk closes after the right PIN")
    assert kiosk.process.returncode == 0, kiosk.log.read_text()[-2000:]
    assert kiosk.config.joinpath("settings.json").read_bytes() == kiosk.settings
