"""`bodymap translations`: how complete each language is (messages and content), what is missing
or stale, and ``--stamp LANG`` for a translator who has finished a pass over the content."""

from __future__ import annotations

import argparse
from typing import Any

from bodymap.commands.common import EXIT_USAGE, UserError, command, json_flag, print_json
from bodymap.i18n import _, catalogue_stats
from bodymap.knowledge.languages import ENGLISH, Overlays, available
from bodymap.knowledge.loading import translation_report
from bodymap.resources import resource_dir
from bodymap.storage import show

LISTED = 30
"""Missing or stale fields listed by name in the text report; --json lists them all."""


def register(sub) -> None:
    p = command(
        sub,
        "translations",
        translations,
        _("Say how complete each language is: messages and content translated, missing, stale."),
    )
    json_flag(p)
    p.add_argument("--stamp", metavar="LANG", help=_("record the English each text of LANG was translated from"))
    p.add_argument("--missing", action="store_true", help=_("list every missing or stale field"))


def _content(language: str) -> tuple[Overlays, list[str]]:
    """The shipped data with the language's overlays, checked: what they gave, and every problem."""
    overlays, problems = translation_report(resource_dir("data"), language)
    return overlays, [str(p) for p in problems]


def translations(args: argparse.Namespace) -> int:
    languages = [code for code in available(resource_dir("data")) if code != ENGLISH]
    if args.stamp:
        if args.stamp not in languages:
            raise UserError(
                _("no data/lang/{code} folder; languages: {known}").format(
                    code=show(args.stamp), known=", ".join(languages) or "-"
                )
            )
        overlays, problems = _content(args.stamp)
        if problems:
            raise UserError(_("fix these first:\n{problems}").format(problems="\n".join(problems)))
        print(_("wrote {path}").format(path=show(overlays.stamp())))
        return 0
    report: dict[str, dict[str, Any]] = {}
    worst = 0
    for code in languages:
        overlays, problems = _content(code)
        content = overlays.summary()
        messages = catalogue_stats(code)
        report[code] = {"messages": messages, "content": content, "problems": problems}
        if problems:
            worst = EXIT_USAGE
    if args.json:
        print_json({"languages": report})
        return worst
    for code, entry in report.items():
        stats, summary = entry["messages"], entry["content"]
        print(
            _(
                "{code}: messages {done}/{total} ({percent}%); content {fields_done}/{fields} fields "
                "({fields_percent}%), {missing} missing, {stale} stale"
            ).format(
                code=code,
                done=stats["translated"],
                total=stats["total"],
                percent=stats["percent"],
                fields_done=summary["translated"],
                fields=summary["fields"],
                fields_percent=summary["percent"],
                missing=summary["missing"],
                stale=summary["stale"],
            )
        )
        for problem in entry["problems"]:
            print(f"  {problem}")
        limit = None if args.missing else LISTED
        for title, key in ((_("missing"), "missing_fields"), (_("stale"), "stale_fields")):
            rows = [f"{file}: {path}" for file, paths in summary[key].items() for path in paths]
            for row in rows[:limit]:
                print(f"  {title}: {row}")
            if limit is not None and len(rows) > limit:
                print("  " + _("... and {count} more (--missing lists them all)").format(count=len(rows) - limit))
    return worst
