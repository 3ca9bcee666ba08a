"""`bodymap kiosk-setup` and `bodymap kiosk-check`: the operator PIN (stored only as a salted hash),
the kiosk's options, its start at login, and whether a machine is ready to run it."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys

from bodymap import kiosk_install
from bodymap.commands.common import EXIT_USAGE, UserError, command
from bodymap.i18n import _
from bodymap.pin import RECOMMENDED_DIGITS, check_format, hash_pin, stored_problem
from bodymap.settings import SettingsStore
from bodymap.storage import show


def register(sub) -> None:
    p = command(sub, "kiosk-setup", setup, _("Set the kiosk operator PIN (stored as a salted hash) and options."))
    p.add_argument(
        "--idle-seconds", type=_seconds, metavar="N", help=_("return to the welcome screen after N idle seconds")
    )
    p.add_argument(
        "--allow-print",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=_("let visitors print the handout (default: off)"),
    )
    p.add_argument("--printer", metavar="NAME", help=_("the printer visitors print on (default: the system's)"))
    p.add_argument(
        "--autostart",
        action="store_true",
        help=_(
            "start the kiosk at login and restart it if it ever exits (shows the files first); "
            "asks for no PIN when one is set already"
        ),
    )
    p.add_argument(
        "--remove-autostart", action="store_true", help=_("remove what --autostart installed, and change nothing else")
    )
    command(sub, "kiosk-check", check, _("Say whether this machine is ready to run the kiosk."))


def _seconds(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 86_400:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a whole number of seconds from 1 to 86400").format(text=show(text))
        )
    return int(text)


def setup(args: argparse.Namespace) -> None:
    if args.remove_autostart:
        _remove_autostart()
        return
    store = SettingsStore()
    if store.warning:
        raise UserError(_("{problem}; fix or remove the file first").format(problem=store.warning))
    options = (args.idle_seconds, args.allow_print, args.printer)
    if args.autostart and all(o is None for o in options) and stored_problem(store.settings.kiosk_pin) is None:
        _autostart()  # a PIN is set already: the kiosk user installs autostart without touching settings
        return
    pin = _ask_pin(_("New operator PIN: "))
    if _ask_pin(_("Repeat the PIN: ")) != pin:
        raise UserError(_("the two PINs differ; nothing was changed"))
    problem = check_format(pin)
    if problem:
        raise UserError(_("{problem}; nothing was changed").format(problem=problem))
    settings = store.settings
    settings.kiosk_pin = hash_pin(pin)
    if args.idle_seconds is not None:
        settings.kiosk_idle_seconds = args.idle_seconds
    if args.allow_print is not None:
        settings.kiosk_allow_print = args.allow_print
    if args.printer is not None:
        settings.kiosk_printer = args.printer or None
    try:
        store.save()
    except OSError as exc:
        raise UserError(
            _("{path}: cannot be written ({why})").format(path=show(store.path), why=exc.strerror or exc)
        ) from None
    state = _("allowed") if settings.kiosk_allow_print else _("off")
    print(
        _("kiosk settings saved in {folder}: idle reset after {seconds} s, printing {state}").format(
            folder=show(store.path.parent), seconds=settings.kiosk_idle_seconds, state=state
        )
    )
    if len(pin) < RECOMMENDED_DIGITS:
        print(_("note: a PIN of {digits} or more digits is safer").format(digits=RECOMMENDED_DIGITS))
    if args.autostart:
        _autostart()


def _autostart() -> None:
    """Show the files, then write them: the kiosk starts at login and comes back if it exits."""
    for file in kiosk_install.autostart_files():
        print(_("--- {path}").format(path=show(file.path)))
        print(file.text.rstrip())
    try:
        written = kiosk_install.install()
    except OSError as exc:
        raise UserError(_("the autostart files cannot be written ({why})").format(why=exc.strerror or exc)) from None
    print(
        _(
            "wrote {count} files: the kiosk starts at the next login and comes back if it exits "
            "('bodymap kiosk-setup --remove-autostart' takes them away)"
        ).format(count=len(written))
    )


def _remove_autostart() -> None:
    removed, kept = kiosk_install.remove()
    for path in removed:
        print(_("removed {path}").format(path=show(path)))
    for path in kept:
        print(_("kept {path}: bodymap did not write it").format(path=show(path)))
    if not removed and not kept:
        print(_("no autostart files to remove"))


def check(args: argparse.Namespace) -> int:
    """Display, fonts, settings, PIN, autostart: one line each; exit 2 when anything is missing."""
    store = SettingsStore(writable=False)
    display = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY")
    fonts = 0
    if shutil.which("fc-list"):
        listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, timeout=30)
        fonts = len({line.strip() for line in listed.stdout.splitlines() if line.strip()})
    pin_problem = stored_problem(store.settings.kiosk_pin)
    autostart = kiosk_install.installed()
    results = [
        (_("display"), bool(display), display or _("none: start the kiosk inside a graphical session")),
        (
            _("fonts"),
            fonts > 0,
            _("{count} font families").format(count=fonts) if fonts else _("none found: install fonts-dejavu-core"),
        ),
        (_("settings"), store.problem is None, show(store.path) if store.problem is None else store.problem),
        (_("operator PIN"), pin_problem is None, pin_problem or _("set")),
        (_("autostart"), autostart, _("installed") if autostart else _("not installed: kiosk-setup --autostart")),
    ]
    for name, ok, detail in results:
        print(f"{'ok     ' if ok else 'MISSING'}  {name}: {detail}")
    ready = all(ok for _name, ok, _detail in results)
    print(_("ready") if ready else _("not ready"))
    return 0 if ready else EXIT_USAGE


def _ask_pin(prompt: str) -> str:
    """Read a PIN without echo at a terminal; from standard input otherwise (for installers)."""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt).strip()
    line = sys.stdin.readline()
    if not line:
        raise UserError(_("no PIN given on standard input"))
    return line.strip()
