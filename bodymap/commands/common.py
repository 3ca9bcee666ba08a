"""What every command shares: the exit status for a user's mistake, JSON output, the knowledge base."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from bodymap.i18n import _, requested_language
from bodymap.knowledge import KnowledgeBase, load_knowledge

EXIT_USAGE = 2
Run = Callable[[argparse.Namespace], "int | None"]


class UserError(Exception):
    """An error the person running the command can fix; printed as one line without a traceback."""


def command(sub, name: str, run: Run, help: str) -> argparse.ArgumentParser:
    """Add a subcommand that runs ``run(args)``."""
    parser = sub.add_parser(name, help=help, description=help)
    parser.set_defaults(command=name, run=run)
    return parser


def json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON instead of text"))


def print_json(value: object) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def knowledge() -> KnowledgeBase:
    """The shipped knowledge base, in the language chosen (--lang, the setting or the system's)."""
    return load_knowledge(language=requested_language())
