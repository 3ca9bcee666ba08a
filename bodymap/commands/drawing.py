"""Commands that draw (the window itself, render, snapshot, handout): they check every argument
before Qt loads, and they never write a file of the person's other than the output asked for."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from bodymap import client_map
from bodymap.commands.common import UserError, command, knowledge
from bodymap.i18n import _
from bodymap.knowledge import KnowledgeBase
from bodymap.knowledge.selection import parse_places
from bodymap.output import check_output
from bodymap.pin import stored_problem
from bodymap.session import Session
from bodymap.settings import PAPERS, SettingsStore
from bodymap.storage import show

SCREEN = re.compile(r"^([0-9]{3,5})x([0-9]{3,5})$")
KIOSK_SCREENS = ("welcome", "map", "closer", "take_home", "red_flags", "pin")
"""The kiosk's screens by name, as KioskController.openers knows them (checked before Qt loads)."""


def register(sub) -> None:
    p = command(sub, "render", render, _("Draw the diagrams in a given state to a PNG, SVG or PDF file (no window)."))
    _picture_options(p, (".png", ".svg", ".pdf"))
    p = command(
        sub,
        "snapshot",
        snapshot,
        _("Save a picture of the main window as it opens on a screen of a given size (offscreen)."),
    )
    _picture_options(p, (".png",))
    p.add_argument(
        "--screen",
        type=_screen,
        default=(1600, 1000),
        metavar="WIDTHxHEIGHT",
        help=_("the screen to open the window on (default 1600x1000)"),
    )
    p.add_argument("--present", action="store_true", help=_("in presentation mode"))
    p.add_argument(
        "--kiosk",
        choices=KIOSK_SCREENS,
        metavar="SCREEN",
        help=_("the kiosk full screen instead, on one of its screens: {names}").format(names=", ".join(KIOSK_SCREENS)),
    )
    p = command(
        sub,
        "targets",
        targets,
        _("Measure every region on screen, view by view, as the window opens on a screen of a given size."),
    )
    p.add_argument(
        "--screen", type=_screen, default=(1366, 768), metavar="WIDTHxHEIGHT", help=_("the screen (default 1366x768)")
    )
    p.add_argument("--kiosk", action="store_true", help=_("measure the kiosk, full screen"))
    p.add_argument("--json", action="store_true", help=_("print JSON instead of text"))
    p = command(sub, "handout", handout, _("Write the client handout (PDF): the map, then each muscle in plain words."))
    _state_options(p)
    p.add_argument("--muscle", nargs="+", default=[], metavar="ID", help=_("muscles to describe (default: the top 3)"))
    p.add_argument("--paper", choices=PAPERS, default="auto", help=_("page size (auto: by locale)"))
    p.add_argument("--output", required=True, type=Path, metavar="FILE.pdf", help=_("file to write"))


def _picture_options(p: argparse.ArgumentParser, suffixes: tuple[str, ...]) -> None:
    p.add_argument("--view", default=None, metavar="VIEW", help=_("which diagram(s) to show (see: bodymap views)"))
    _state_options(p)
    p.add_argument("--muscle", metavar="ID", help=_("muscle to focus: its trigger points and referral pattern"))
    p.add_argument("--output", required=True, type=Path, metavar="FILE" + "|".join(suffixes), help=_("file to write"))
    p.set_defaults(suffixes=suffixes)


def _state_options(p: argparse.ArgumentParser) -> None:
    """Where the map comes from: places given here, or a client map saved from the window."""
    p.add_argument(
        "--select",
        nargs="+",
        default=[],
        metavar="REGION[:SIDE][=INTENSITY]",
        help=_("where it hurts, and how much (0-10)"),
    )
    p.add_argument("--open", type=Path, metavar="FILE.bodymap", help=_("draw a client map saved from the window"))


def _screen(text: str) -> tuple[int, int]:
    match = SCREEN.match(text)
    if not match or not all(200 <= int(v) <= 16384 for v in match.groups()):
        raise argparse.ArgumentTypeError(_("'{text}' is not a screen size like 1366x768").format(text=show(text)))
    return int(match.group(1)), int(match.group(2))


def _request(args: argparse.Namespace, suffixes: tuple[str, ...]) -> tuple[Session, Path]:
    """Check what a drawing command was asked for before Qt loads (places, muscles, view, a client
    map, the output path) and build the session to draw."""
    kb = knowledge()
    muscles = args.muscle if isinstance(args.muscle, list) else [args.muscle] if args.muscle else []
    if getattr(args, "view", None) is not None:
        kb.layout(args.view)
    if args.open is not None:
        if args.select:
            raise UserError(_("give the places with --select or a map with --open, not both"))
        session = _opened(kb, args.open)
    else:
        session = Session(kb)
        places = parse_places(kb, args.select)
        session.set_selections(places)
        for selection, intensity in places.items():
            if intensity is not None:
                session.set_intensity(selection, intensity)
        if session.ranking:  # the muscle shown is the top one for the intensities given
            top = session.ranking[0]
            session.focus_on(top.muscle.id, top.side)
    for muscle_id in muscles:
        kb.muscle(muscle_id)
    if isinstance(args.muscle, list):
        if args.muscle:
            session.set_picks(args.muscle)
    elif args.muscle:
        session.focus_muscle(args.muscle)
    return session, check_output(args.output, suffixes)


def _opened(kb: KnowledgeBase, path: Path) -> Session:
    """A session showing a saved client map; a bad file is one line naming it and the entry."""
    try:
        saved = client_map.read(path)
        state = client_map.to_state(kb, saved, path)
    except client_map.MapProblem as exc:
        raise UserError(str(exc)) from None
    session = Session(kb)
    session.open_document(str(path), state, saved.note, saved.notes)
    return session


def render(args: argparse.Namespace) -> None:
    session, target = _request(args, args.suffixes)
    from bodymap.ui.headless import render as draw  # Qt loads only for commands that draw

    written = draw(session, target, args.view)
    print(_("wrote {path}").format(path=show(written)))


def snapshot(args: argparse.Namespace) -> None:
    session, target = _request(args, args.suffixes)
    from bodymap.ui.launch import snapshot as picture

    if args.present and args.kiosk:
        raise UserError(_("a picture of presentation mode or of the kiosk, not both"))
    written = picture(session, target, args.view, args.screen, args.kiosk, args.present)
    print(_("wrote {path}").format(path=show(written)))


def handout(args: argparse.Namespace) -> None:
    session, target = _request(args, (".pdf",))
    if not session.selections and not session.handout_muscles():
        raise UserError(_("say where it hurts (--select), which muscles to describe (--muscle) or give a map (--open)"))
    from bodymap.ui.headless import handout as write

    pages = write(session, target, args.paper)
    print(_("wrote {path} ({pages} pages)").format(path=show(target), pages=pages))


def window(args: argparse.Namespace) -> int:
    """Open the window (the command line without a command)."""
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        raise UserError(_("no display to open the window on; the commands (bodymap --help) work without one"))
    kb = knowledge()
    store = SettingsStore()
    if args.kiosk:
        if store.problem:
            raise UserError(
                _(
                    "{problem}; the kiosk needs its settings (the operator PIN) to start: see "
                    "docs/settings.md for the folder's owner and permissions"
                ).format(problem=store.problem)
            )
        pin_problem = stored_problem(store.settings.kiosk_pin)
        if pin_problem:
            raise UserError(_("{problem}: run 'bodymap kiosk-setup' first").format(problem=pin_problem))
    from bodymap.ui.launch import run

    if args.kiosk and args.open is not None:
        raise UserError(_("a kiosk opens no client map"))
    return run(kb, store, kiosk=args.kiosk, present=args.present, open_map=args.open)


def targets(args: argparse.Namespace) -> int:
    """Sizes of every region side in each view, its best view, and which fall under the minimum."""
    from bodymap.ui.targets import DESK_MINIMUM, KIOSK_MINIMUM, measure

    kb = knowledge()
    found, scales = measure(kb, args.screen, args.kiosk)
    minimum = KIOSK_MINIMUM if args.kiosk else DESK_MINIMUM
    small = [t for t in found if not t.sizes or t.best < minimum]
    if args.json:
        from bodymap import wording
        from bodymap.commands.common import print_json

        print_json(
            {
                "screen": "{}x{}".format(*args.screen),
                "kiosk": args.kiosk,
                "minimum": minimum,
                "view_scales": {view: round(scale, 4) for view, scale in scales.items()},
                "regions": [
                    {
                        "region": t.region,
                        "side": wording.side_id(t.side),
                        "sizes": {view: round(px, 1) for view, px in t.sizes.items()},
                        "best_view": t.best_view if t.sizes else None,
                        "best": round(t.best, 1) if t.sizes else 0,
                    }
                    for t in found
                ],
                "below_minimum": len(small),
            }
        )
    else:
        print(
            _("{count} region sides; smallest in its best view: {px:.0f} px; {small} under {minimum} px").format(
                count=len(found),
                px=min((t.best for t in found if t.sizes), default=0),
                small=len(small),
                minimum=minimum,
            )
        )
        for target in sorted(small, key=lambda t: t.best if t.sizes else 0):
            side = target.side.value if target.side else "midline"
            where = f"{target.best:.0f} px in {target.best_view}" if target.sizes else "drawn on no view"
            print(f"  {target.region}:{side}  {where}")
    return 0
