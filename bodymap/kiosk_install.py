"""What makes the kiosk start at login and come back if it ever exits, as files in the user's folders.

A systemd user unit runs the kiosk with ``Restart=always``; an XDG autostart entry starts that unit
when the graphical session begins (or, on a machine without systemd, the kiosk itself). Both carry a
first line saying bodymap wrote them, and only such files are ever removed. Qt-free.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from bodymap.paths import CONFIG_ENV
from bodymap.storage import write_atomically

UNIT = "bodymap-kiosk.service"
ENTRY = "bodymap-kiosk.desktop"
MARK = "# Written by 'bodymap kiosk-setup --autostart'; removed by 'bodymap kiosk-setup --remove-autostart'."


@dataclass(frozen=True)
class InstallFile:
    path: Path
    text: str


def _config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def kiosk_command() -> str:
    """How to start the kiosk: the bundle's own program when frozen, else this Python with -m bodymap."""
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "bodymap"]
    return shlex.join([*program, "--kiosk"])


def autostart_files() -> list[InstallFile]:
    """The files ``--autostart`` writes, with what they hold."""
    config = os.environ.get(CONFIG_ENV)
    environment = f"Environment={CONFIG_ENV}={config}\n" if config else ""
    unit = (
        f"{MARK}\n[Unit]\nDescription=bodymap kiosk\nAfter=graphical-session.target\n"
        f"PartOf=graphical-session.target\n\n[Service]\nExecStart={kiosk_command()}\n{environment}"
        "Restart=always\nRestartSec=2\n\n[Install]\nWantedBy=graphical-session.target\n"
    )
    start = f"systemctl --user start {UNIT}" if shutil.which("systemctl") else kiosk_command()
    entry = (
        f"{MARK}\n[Desktop Entry]\nType=Application\nName=bodymap kiosk\nExec={start}\n"
        "NoDisplay=true\nX-GNOME-Autostart-enabled=true\n"
    )
    home = _config_home()
    return [InstallFile(home / "systemd" / "user" / UNIT, unit), InstallFile(home / "autostart" / ENTRY, entry)]


def install() -> list[Path]:
    written = []
    for file in autostart_files():
        write_atomically(file.path, file.text)
        written.append(file.path)
    return written


def remove() -> tuple[list[Path], list[Path]]:
    """Remove the files bodymap wrote; returns (removed, kept because someone else wrote them)."""
    removed, kept = [], []
    for file in autostart_files():
        try:
            first = file.path.read_text(encoding="utf-8").splitlines()[:1]
        except (OSError, UnicodeDecodeError):
            continue
        if first == [MARK]:
            file.path.unlink()
            removed.append(file.path)
        else:
            kept.append(file.path)
    return removed, kept


def installed() -> bool:
    return all(file.path.is_file() for file in autostart_files())
