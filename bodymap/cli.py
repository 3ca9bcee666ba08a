"""The ``bodymap`` command: the window, and the headless commands that scripts and tests drive.

Every user error (a mistyped id, a bad data folder, a missing file) ends in one clear
message on stderr and exit status 2, never a traceback. Qt is imported only by the
commands that draw, so the text commands start fast and run where Qt cannot.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bodymap import __version__
from bodymap.diagram.svg_file import DiagramError
from bodymap.paths import config_dir
from bodymap.pin import check_format, hash_pin
from bodymap.settings import PAPERS, load_settings, save_settings
from bodymap.knowledge import (
    MIDLINE,
    DataErrors,
    KnowledgeBase,
    SelectionError,
    Side,
    UnknownId,
    describe,
    load_knowledge,
    parse_selections,
    rank,
    schema,
)

EXIT_USAGE = 2


class UserError(Exception):
    """An error the person running the command can fix; printed without a traceback."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _window(args)
        return args.run(args) or 0
    except DataErrors as exc:
        print(f"bodymap: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (UserError, UnknownId, SelectionError, DiagramError) as exc:
        print(f"bodymap: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bodymap",
        description="Click where it hurts: find the muscles whose trigger points refer pain there.",
        epilog="examples:\n"
        "  bodymap query thigh_outer:left\n"
        "  bodymap query groin:right thigh_inner:right --json\n"
        "  bodymap muscle gluteus_minimus\n"
        "  bodymap validate path/to/data\n"
        "  bodymap render --select hip_side:left --output hip.png\n\n"
        "Without a command, bodymap opens its window.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"bodymap {__version__}")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--present", action="store_true", help="open in presentation mode (large type, one big view)")
    mode.add_argument("--kiosk", action="store_true", help="full-screen touch kiosk (set a PIN first: kiosk-setup)")
    parser.set_defaults(command=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace], int | None], help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(command=name, run=run)
        return p

    p = command("regions", _regions, "List every clickable region.")
    _json_flag(p)
    p = command("muscles", _muscles, "List every muscle in the knowledge base.")
    _json_flag(p)
    p = command("muscle", _muscle, "Show everything about one muscle.")
    p.add_argument("id", metavar="ID", help="muscle id, e.g. gluteus_minimus")
    _json_flag(p)
    p = command("query", _query, "Rank the muscles that refer pain to the selected regions.")
    p.add_argument(
        "selections", nargs="+", metavar="REGION[:left|:right]", help="region id, optionally with the person's side"
    )
    _json_flag(p)
    p = command("validate", _validate, "Check a data folder (default: the built-in data); exit 2 on any problem.")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="data folder(s) with regions.toml and muscles/")
    command("schema", _schema, "Print the JSON Schema of a muscle file and of regions.toml.")
    p = command("coverage", _coverage, "Show gaps: candidate muscles per region, filled fields per muscle.")
    _json_flag(p)
    p = command("render", _render, "Draw the diagrams in a given state to a PNG, SVG or PDF file (no window).")
    _picture_options(p)
    p = command("snapshot", _snapshot, "Save a screenshot of the main window in a given state (offscreen).")
    _picture_options(p)
    p = command("kiosk-setup", _kiosk_setup, "Set the kiosk operator PIN (stored as a salted hash) and options.")
    p.add_argument("--idle-seconds", type=_positive_int, metavar="N", help="return to the welcome screen after N idle seconds")
    p.add_argument("--allow-print", action=argparse.BooleanOptionalAction, default=None,
                   help="let visitors print the handout (default: off)")
    p = command("handout", _handout, "Write the client handout (PDF): the map, then each muscle in plain words.")
    p.add_argument("--select", nargs="+", default=[], metavar="REGION[:SIDE]", help="regions where it hurts")
    p.add_argument("--muscle", nargs="+", default=[], metavar="ID", help="muscles to describe (default: the top 3)")
    p.add_argument("--paper", choices=PAPERS, default="auto", help="page size (auto: by locale)")
    p.add_argument("--output", required=True, type=Path, metavar="FILE.pdf", help="file to write")
    return parser


def _picture_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--view", default=None, metavar="VIEW", help="which diagram(s) to show (bodymap views)")
    p.add_argument("--select", nargs="+", default=[], metavar="REGION[:SIDE]", help="regions where it hurts")
    p.add_argument("--muscle", metavar="ID", help="muscle to focus: its trigger points and referral pattern")
    p.add_argument("--output", required=True, type=Path, metavar="FILE", help="file to write")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 1 <= value <= 86_400:
        raise argparse.ArgumentTypeError("must be between 1 and 86400 seconds")
    return value


def _json_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON instead of text")


def _print_json(value: object) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def _regions(args: argparse.Namespace) -> None:
    kb = load_knowledge()
    if args.json:
        _print_json([
            {
                "id": r.id,
                "label": r.label,
                "views": list(r.views),
                "sides": [side.value for side in Side] if r.paired else [MIDLINE],
                "area": r.area.value,
                "description": r.description,
            }
            for r in kb.regions.values()
        ])
        return
    for r in kb.regions.values():
        sides = "left/right" if r.paired else "midline"
        print(f"{r.id:26} {'/'.join(r.views):24} {sides:10} {r.label}")


def _muscles(args: argparse.Namespace) -> None:
    kb = load_knowledge()
    if args.json:
        _print_json([m.model_dump(mode="json") for m in kb.muscles.values()])
        return
    for m in kb.muscles.values():
        print(f"{m.id:34} {m.depth.value:11} {m.name}")


def _muscle(args: argparse.Namespace) -> None:
    kb = load_knowledge()
    muscle = kb.muscle(args.id)
    if args.json:
        _print_json(muscle.model_dump(mode="json"))
        return
    print(f"{muscle.name} ({muscle.latin}), {muscle.depth.value}, {muscle.group}")
    for label, value in (
        ("Origin", muscle.origin),
        ("Insertion", muscle.insertion),
        ("Nerve", muscle.innervation),
        ("Pain pattern", muscle.pain_pattern),
    ):
        print(f"\n{label}: {value}")
    print("\nRefers pain to: " + ", ".join(
        f"{kb.region(r.region).label.lower()} ({r.zone.value})" for r in muscle.referral
    ))
    print("\nTrigger points:")
    for point in muscle.trigger_points:
        print(f"  - {point.location}")
    print("\nSelf-release:")
    for technique in muscle.self_release:
        print(f"  - {technique.tool.value}: {technique.position} {technique.steps} "
              f"Pressure: {technique.pressure} Time: {technique.duration}")
    print("\nCautions:")
    for caution in muscle.cautions:
        print(f"  - {caution}")


def _query(args: argparse.Namespace) -> None:
    kb = load_knowledge()
    selections = parse_selections(kb, args.selections)
    ranked = rank(kb, selections)
    if args.json:
        _print_json([
            {
                "id": r.muscle.id,
                "name": r.muscle.name,
                "side": r.side_name,
                "score": r.score,
                "depth": r.muscle.depth.value,
                "explains": [
                    {
                        "region": e.selection.region,
                        "side": e.selection.side.value if e.selection.side else MIDLINE,
                        "zone": e.zone.value,
                        "likelihood": e.likelihood,
                    }
                    for e in r.explains
                ],
                "why": describe(kb, r),
            }
            for r in ranked
        ])
        return
    if not ranked:
        print("No muscle in the knowledge base refers pain there.")
        return
    for place, r in enumerate(ranked, 1):
        print(f"{place:3}. {r.muscle.name:34} {r.side_name:5} {r.score:6.3f}  {describe(kb, r)}")


def _validate(args: argparse.Namespace) -> int:
    folders: list[Path | None] = list(args.paths) or [None]
    status = 0
    for folder in folders:
        try:
            kb = load_knowledge(folder)
        except DataErrors as exc:
            status = EXIT_USAGE
            where = folder if folder is not None else "built-in data"
            print(f"{where}: {len(exc.errors)} problem(s)", file=sys.stderr)
            for error in exc.errors:
                print(f"  {error}", file=sys.stderr)
            continue
        if folder is None and not _diagrams_agree(kb):
            status = EXIT_USAGE
            continue
        for warning in kb.warnings:
            print(f"  warning: {warning}", file=sys.stderr)
        print(f"{kb.folder}: ok, {len(kb.regions)} regions, {len(kb.muscles)} muscles"
              + (f", {len(kb.warnings)} warning(s)" if kb.warnings else ""))
    return status


def _diagrams_agree(kb: KnowledgeBase) -> bool:
    """The shipped diagrams must draw every shipped region and muscle; print what disagrees."""
    from bodymap.diagram import load_diagrams
    from bodymap.diagram.consistency import problems

    found = problems(kb, load_diagrams(kb.views))
    if found:
        print(f"diagrams: {len(found)} problem(s)", file=sys.stderr)
        for problem in found:
            print(f"  {problem}", file=sys.stderr)
    return not found


def _checked_request(args: argparse.Namespace, suffixes: tuple[str, ...], muscles: list[str]):
    """What a drawing command needs checked before Qt loads: region ids and sides, muscle ids,
    the output file. Returns the knowledge base and the parsed selections."""
    kb = load_knowledge()
    selections = parse_selections(kb, args.select)
    for muscle_id in muscles:
        kb.muscle(muscle_id)
    if getattr(args, "view", None) is not None:
        kb.layout(args.view)
    _check_output(args.output, suffixes)
    return kb, selections


def _render(args: argparse.Namespace) -> None:
    kb, selections = _checked_request(args, (".png", ".svg", ".pdf"), [args.muscle] if args.muscle else [])
    from bodymap.ui.headless import render  # Qt loads only for commands that draw

    render(kb, args.output, args.view, selections, args.muscle)
    print(f"wrote {args.output}")


def _snapshot(args: argparse.Namespace) -> None:
    kb, selections = _checked_request(args, (".png",), [args.muscle] if args.muscle else [])
    from bodymap.ui.launch import snapshot

    snapshot(kb, args.output, args.view, selections, args.muscle)
    print(f"wrote {args.output}")


def _handout(args: argparse.Namespace) -> None:
    kb, selections = _checked_request(args, (".pdf",), args.muscle)
    if not selections and not args.muscle:
        raise UserError("say where it hurts (--select) or which muscles to describe (--muscle)")
    from bodymap.ui.headless import handout

    pages = handout(kb, args.output, selections, args.muscle, args.paper)
    print(f"wrote {args.output} ({pages} pages)")


def _window(args: argparse.Namespace) -> int:
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        raise UserError("no display to open the window on; the commands (bodymap --help) work without one")
    kb = load_knowledge()
    settings, warning = load_settings()
    if args.kiosk and (warning or settings.kiosk_pin is None):
        raise UserError(warning or "kiosk mode needs an operator PIN first: run 'bodymap kiosk-setup'")
    from bodymap.ui.actions import Mode
    from bodymap.ui.launch import run

    return run(kb, settings, warning, Mode.KIOSK if args.kiosk else Mode.PRESENT if args.present else Mode.NORMAL)


def _kiosk_setup(args: argparse.Namespace) -> None:
    settings, warning = load_settings()
    if warning:
        raise UserError(f"{warning}; fix or remove the file first")
    pin = _ask_pin("New operator PIN: ")
    if _ask_pin("Repeat the PIN: ") != pin:
        raise UserError("the two PINs differ; nothing was changed")
    problem = check_format(pin)
    if problem:
        raise UserError(f"{problem}; nothing was changed")
    settings.kiosk_pin = hash_pin(pin)
    if args.idle_seconds is not None:
        settings.kiosk_idle_seconds = args.idle_seconds
    if args.allow_print is not None:
        settings.kiosk_allow_print = args.allow_print
    save_settings(settings)
    print(f"kiosk settings saved in {config_dir()}: idle reset after {settings.kiosk_idle_seconds} s, "
          f"printing {'allowed' if settings.kiosk_allow_print else 'off'}")


def _ask_pin(prompt: str) -> str:
    """Read a PIN without echo at a terminal; from standard input otherwise (for installers)."""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt).strip()
    line = sys.stdin.readline()
    if not line:
        raise UserError("no PIN given on standard input")
    return line.strip()


def _check_output(path: Path, suffixes: tuple[str, ...]) -> None:
    if path.suffix.lower() not in suffixes:
        raise UserError(f"output '{path}' must end in {', '.join(suffixes)}")
    if not path.parent.exists():
        raise UserError(f"folder '{path.parent}' for the output does not exist")


def _coverage(args: argparse.Namespace) -> int:
    from bodymap.diagram import Layer, load_diagrams
    from bodymap.knowledge.coverage import COUNTED_FIELDS, MIN_CANDIDATES, field_counts, region_coverage

    kb = load_knowledge()
    diagrams = load_diagrams(kb.views)
    regions = region_coverage(kb)
    views = {m: sorted(v for v, d in diagrams.items() if d.shape(Layer.MUSCLE, m, Side.LEFT)) for m in kb.muscles}
    if args.json:
        _print_json({
            "regions": [
                {"id": c.region.id, "views": list(c.region.views), "candidates": list(c.candidates)} for c in regions
            ],
            "muscles": [
                {"id": m.id, "fields": field_counts(m), "drawn_on": views[m.id]} for m in kb.muscles.values()
            ],
        })
        return 0
    thin = [c for c in regions if len(c.candidates) < MIN_CANDIDATES]
    print(f"Regions: {len(regions)} ({sum(2 if c.region.paired else 1 for c in regions)} side-specific); "
          f"{len(thin)} with fewer than {MIN_CANDIDATES} candidates")
    for c in regions:
        flag = "!" if len(c.candidates) < MIN_CANDIDATES else " "
        print(f" {flag} {c.region.id:24} {c.region.views[0]:6} {len(c.candidates):3}  {', '.join(c.candidates[:5])}")
    short = [name[:6] for name in COUNTED_FIELDS]
    print(f"\nMuscles: {len(kb.muscles)}   (items per field; ! marks an empty field)")
    print(f"   {'muscle':30} " + " ".join(f"{s:>6}" for s in short) + "  drawn on")
    for m in kb.muscles.values():
        counts = field_counts(m)
        empty = any(v == 0 for k, v in counts.items() if k not in ("synonyms", "good_to_know"))
        cells = " ".join(f"{counts[f]:>6}" for f in COUNTED_FIELDS)
        drawn = ", ".join(views[m.id]) or "NOT DRAWN"
        print(f" {'!' if empty or not views[m.id] else ' '} {m.id:30} {cells}  {drawn}")
    return 0


def _schema(args: argparse.Namespace) -> None:
    _print_json(schema())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
