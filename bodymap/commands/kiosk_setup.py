"""`bodymap kiosk-setup`: the operator PIN (stored only as a salted hash) and the kiosk's options."""

from __future__ import annotations

import argparse
import sys

from bodymap.commands.common import UserError, command
from bodymap.i18n import _
from bodymap.pin import check_format, hash_pin
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


def _seconds(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 86_400:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a whole number of seconds from 1 to 86400").format(text=show(text))
        )
    return int(text)


def setup(args: argparse.Namespace) -> None:
    store = SettingsStore()
    if store.warning:
        raise UserError(_("{problem}; fix or remove the file first").format(problem=store.warning))
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


def _ask_pin(prompt: str) -> str:
    """Read a PIN without echo at a terminal; from standard input otherwise (for installers)."""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt).strip()
    line = sys.stdin.readline()
    if not line:
        raise UserError(_("no PIN given on standard input"))
    return line.strip()
