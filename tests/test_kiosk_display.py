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
        self.wm_log = tmp / "openbox.log"
        for _attempt in range(3):  # a window manager that dies while the server settles gets another go
            self.wm = subprocess.Popen(
                ["openbox", "--sm-disable"],  # its stock key bindings and desktop menus: what a visitor meets
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=self.wm_log.open("ab"),
            )
            wait_for(
                lambda: self.run("wmctrl", "-m").returncode == 0 or self.wm.poll() is not None,
                "openbox starts",
            )
            if self.wm.poll() is None:
                break
        assert self.wm.poll() is None, f"openbox exited: {self.wm_log.read_text()}"
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

    def windows(self) -> list[str]:
        """The kiosk's windows the window manager manages (dialogs and menus would be among them)."""
        listed = self.display.run("wmctrl", "-l", "-p").stdout.splitlines()
        return [str(int(line.split()[0], 16)) for line in listed if line.split()[2] == str(self.process.pid)]

    def assert_holds(self, after: str) -> None:
        """Still running, visible, covering the whole screen (the kiosk puts itself back), and alone:
        no dialog, menu or second window opened."""
        assert self.process.poll() is None, f"the kiosk exited after {after}: {self.log.read_text()[-2000:]}"
        wait_for(self.covers_screen, f"the kiosk covers the screen again after {after} (now {self.geometry()})")
        assert self.windows() == [self.window], f"a second window opened after {after}"

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
    for keys in ("ctrl+q", "ctrl+w", "alt+F4", "Escape", "super+d", "alt+Tab", "alt+space", "ctrl+p", "ctrl+o"):
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
    spots = [
        (x, y) for x in (2, display.width // 2, display.width - 3) for y in (2, display.height // 2, display.height - 3)
    ]
    for button in ("3", "2"):  # right and middle clicks everywhere: openbox's desktop menus, if they got them
        for x, y in spots:
            display.xdotool("mousemove", str(x), str(y), "click", button)
        kiosk.assert_holds(f"mouse button {button} at the corners, edges and middle")
    for x, y in spots:  # taps at every corner (fewer than the staff's five)
        display.xdotool("mousemove", str(x), str(y), "click", "--repeat", "3", "--delay", "80", "1")
    kiosk.assert_holds("taps at the corners")
    for start, end in (  # wherever the divider is (beside or under the map), drag across it to the edges
        ((display.width * 2 // 3, display.height // 2), (display.width - 2, display.height // 2)),
        ((display.width * 2 // 3, display.height // 2), (2, display.height // 2)),
        ((display.width // 2, display.height * 2 // 3), (display.width // 2, display.height - 2)),
        ((display.width // 2, display.height * 2 // 3), (display.width // 2, 2)),
    ):
        display.xdotool("mousemove", *map(str, start), "mousedown", "1")
        display.xdotool("mousemove", "--sync", *map(str, end), "mouseup", "1")
    kiosk.assert_holds("drags across the screen")
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
