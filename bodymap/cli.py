"""The ``bodymap`` command: the window, and the headless commands that scripts and tests drive.

Every user error (a mistyped id, a bad data folder, a file that cannot be read or written) ends
in one clear line on stderr and exit status 2, never a traceback; text a person typed is shown
with its control characters escaped. Qt is imported only by the commands that draw, so the text
commands start fast and run where Qt cannot. The commands themselves live in
:mod:`bodymap.commands`, one module per group.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from bodymap import __version__, client_map
from bodymap.commands import desktop, drawing, journal, kiosk_setup, text, translations
from bodymap.commands.common import EXIT_USAGE, UserError
from bodymap.diagram.svg_file import DiagramError
from bodymap.i18n import _, set_language, system_language
from bodymap.knowledge import DataErrors, SelectionError, UnknownId
from bodymap.output import OutputProblem
from bodymap.storage import FileProblem, show

GROUPS = (text, drawing, kiosk_setup, journal, translations, desktop)


class Parser(argparse.ArgumentParser):
    """argparse, with its error lines made safe to print (a pasted escape sequence stays visible text)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {show(message)}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = _map_file_argument(list(sys.argv[1:] if argv is None else argv))
    _choose_language(argv)
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return drawing.window(args)
        return args.run(args) or 0
    except DataErrors as exc:
        print(f"bodymap: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (UserError, UnknownId, SelectionError, DiagramError, FileProblem, OutputProblem) as exc:
        print("bodymap: " + _("error") + f": {show(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


def _map_file_argument(argv: list[str]) -> list[str]:
    """``bodymap client.bodymap`` (how a file manager opens a double-clicked map) means ``--open``."""
    positional = [a for a in argv if not a.startswith("-")]
    if len(positional) == 1 and positional[0].endswith(client_map.SUFFIX):
        at = argv.index(positional[0])
        return [*argv[:at], "--open", positional[0], *argv[at + 1 :]]
    return argv


def _choose_language(argv: list[str]) -> None:
    """--lang on the command line, else the setting, else the system's language (read before the
    parser is built, so its help is translated too)."""
    language = None
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            language = argv[index + 1]
        elif arg.startswith("--lang="):
            language = arg.partition("=")[2]
    if language is None:
        from bodymap.settings import SettingsStore

        language = SettingsStore(writable=False).settings.language
    set_language(language or system_language())


def _parser() -> Parser:
    parser = Parser(
        prog="bodymap",
        description=_("Click where it hurts: find the muscles whose trigger points refer pain there."),
        epilog=_(
            "examples:\n"
            "  bodymap query thigh_outer:left\n"
            "  bodymap query thigh_outer:left=8 groin:left=3 --json\n"
            "  bodymap muscle gluteus_minimus\n"
            "  bodymap validate path/to/data\n"
            "  bodymap render --select hip_side:left --output hip.png\n\n"
            "Without a command, bodymap opens its window."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"bodymap {__version__}")
    parser.add_argument("--lang", metavar="LANG", help=_("language of the app and its messages, e.g. es"))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--present", action="store_true", help=_("open in presentation mode (large type, one big view)"))
    mode.add_argument("--kiosk", action="store_true", help=_("full-screen touch kiosk (set a PIN first: kiosk-setup)"))
    parser.add_argument("--open", type=Path, metavar="FILE.bodymap", help=_("open a client map in the window"))
    parser.set_defaults(command=None)
    sub = parser.add_subparsers(title=_("commands"), metavar="COMMAND", parser_class=Parser)
    for group in GROUPS:
        group.register(sub)
    return parser


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
