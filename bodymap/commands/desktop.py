"""`bodymap install-desktop [--remove]`: put bodymap in a Linux desktop's application menu.

Copies the desktop entry, the icon (every PNG size and the SVG) and the file type of client maps
(``*.bodymap``) into the user's XDG data folder, with the entry's Exec pointing at the program
running now (this Python with ``-m bodymap``, or the bundle's own executable), then asks the
desktop's caches to look again where their tools are installed. ``--remove`` removes exactly those
files. Qt-free: it runs where no display is.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bodymap.commands.common import UserError, command
from bodymap.i18n import _
from bodymap.identity import APP_ID, ICON_SIZES, icon_file
from bodymap.resources import resource_dir
from bodymap.storage import show, write_atomically

ENTRY = f"{APP_ID}.desktop"
MIME = f"{APP_ID}.mime.xml"
"""The file type's name in the package; installed as ``mime/packages/<APP_ID>.xml``."""
MARK = "# Written by 'bodymap install-desktop'; removed by 'bodymap install-desktop --remove'."
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
"""Characters that make an Exec argument need quotes (Desktop Entry Specification, 'The Exec key')."""
UPDATE_TIMEOUT = 60


@dataclass(frozen=True)
class Placed:
    """One file the installer writes: where it goes, and what goes there (text, or a file to copy)."""

    path: Path
    text: str | None = None
    source: Path | None = None


def register(sub) -> None:
    p = command(
        sub,
        "install-desktop",
        install_desktop,
        _("Add bodymap to this Linux desktop's application menu, with its icon and its file type."),
    )
    p.add_argument("--remove", action="store_true", help=_("remove exactly the files install-desktop wrote"))


def install_desktop(args: argparse.Namespace) -> None:
    if sys.platform in ("win32", "darwin"):
        raise UserError(_("install-desktop is for Linux desktops; see docs/install.md for this system"))
    home = data_home()
    if args.remove:
        _remove(home)
    else:
        _install(home)


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset, empty or relative (as the XDG spec says)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def program() -> list[str]:
    """The command that starts this bodymap: the bundle's executable, or this Python with -m bodymap."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "bodymap"]


def exec_line(arguments: list[str]) -> str:
    """An Exec value running ``arguments`` and then the file opened (%f), quoted and escaped as the
    Desktop Entry Specification says (quotes where needed, then the string escapes, % doubled)."""
    quoted = []
    for argument in arguments:
        if RESERVED & set(argument):
            inner = "".join("\\" + c if c in '"`$\\' else c for c in argument)
            argument = f'"{inner}"'
        quoted.append(argument.replace("%", "%%"))
    return " ".join(quoted).replace("\\", "\\\\") + " %f"


def desktop_entry() -> str:
    """The packaged entry with Exec (and TryExec) pointing at the program running now."""
    lines = [MARK]
    command_line = program()
    for line in (resource_dir("desktop") / ENTRY).read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            lines.append("TryExec=" + command_line[0].replace("\\", "\\\\"))  # a string value: \ escaped
            line = f"Exec={exec_line(command_line)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def placed_files(home: Path) -> list[Placed]:
    """Every file install-desktop writes under the data folder ``home``."""
    hicolor = home / "icons" / "hicolor"
    files = [Placed(home / "applications" / ENTRY, text=desktop_entry())]
    files += [Placed(hicolor / f"{s}x{s}" / "apps" / f"{APP_ID}.png", source=icon_file(s)) for s in ICON_SIZES]
    files.append(Placed(hicolor / "scalable" / "apps" / f"{APP_ID}.svg", source=icon_file()))
    files.append(Placed(home / "mime" / "packages" / f"{APP_ID}.xml", source=resource_dir("desktop") / MIME))
    return files


def _updates(home: Path) -> list[list[str]]:
    """The cache refreshes that make the menu, the icon and the file type show without a new login."""
    return [
        ["update-desktop-database", "-q", str(home / "applications")],
        ["update-mime-database", str(home / "mime")],
        ["gtk-update-icon-cache", "-q", "-f", "-t", str(home / "icons" / "hicolor")],
    ]


def _install(home: Path) -> None:
    try:
        for file in placed_files(home):
            if file.text is not None:
                write_atomically(file.path, file.text)
            else:
                assert file.source is not None
                file.path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file.source, file.path)
            print(_("wrote {path}").format(path=show(file.path)))
    except OSError as exc:
        raise UserError(
            _("{path}: cannot be written ({why})").format(path=show(exc.filename or home), why=exc.strerror or exc)
        ) from None
    print(_("the menu entry starts: {command}").format(command=show(shlex.join(program()))))
    _refresh(home)
    print(_("bodymap is in the application menu ('bodymap install-desktop --remove' takes it away)"))


def _remove(home: Path) -> None:
    removed = 0
    for file in placed_files(home):
        if not file.path.is_file():
            continue
        if file.text is not None and not _written_by_us(file.path):
            print(_("kept {path}: bodymap did not write it").format(path=show(file.path)))
            continue
        try:
            file.path.unlink()
        except OSError as exc:
            raise UserError(
                _("{path}: cannot be removed ({why})").format(path=show(file.path), why=exc.strerror or exc)
            ) from None
        print(_("removed {path}").format(path=show(file.path)))
        removed += 1
    if removed:
        _refresh(home)
    else:
        print(_("no desktop files of bodymap to remove"))


def _written_by_us(path: Path) -> bool:
    try:
        return path.read_text(encoding="utf-8").startswith(MARK)
    except (OSError, UnicodeDecodeError):
        return False


def _refresh(home: Path) -> None:
    """Run each cache tool that is installed; one that is missing or fails only costs a new login."""
    for update in _updates(home):
        tool = update[0]
        if shutil.which(tool) is None:
            print(_("{tool} is not installed; the desktop sees the change at its next start").format(tool=tool))
            continue
        try:
            done = subprocess.run(update, capture_output=True, text=True, timeout=UPDATE_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            print(
                _("{tool} did not run ({why}); the desktop sees the change at its next start").format(
                    tool=tool, why=show(exc)
                )
            )
            continue
        if done.returncode == 0:
            print(_("ran {command}").format(command=show(" ".join(update))))
        else:
            why = (done.stderr or done.stdout).strip().splitlines()[-1:] or [str(done.returncode)]
            print(
                _("{tool} failed ({why}); the desktop sees the change at its next start").format(
                    tool=tool, why=show(why[0])
                )
            )
