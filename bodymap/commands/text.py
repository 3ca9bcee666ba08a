"""Commands that answer in text (or ``--json``): the regions, views and muscles, a ranking, the
schema, and the checks content authors run (validate, coverage)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bodymap import wording
from bodymap.commands.common import EXIT_USAGE, command, json_flag, knowledge, print_json
from bodymap.i18n import _
from bodymap.knowledge import DataErrors, KnowledgeBase, Side, load_knowledge, rank, schema
from bodymap.knowledge.selection import parse_places
from bodymap.storage import show

MAX_LISTED = 200
"""Problems `validate` prints one by one; the rest are counted."""


def register(sub) -> None:
    p = command(sub, "regions", regions, _("List every clickable region."))
    json_flag(p)
    p = command(sub, "views", views, _("List the diagrams: whole-body views and close-ups."))
    json_flag(p)
    p = command(sub, "muscles", muscles, _("List every muscle in the knowledge base."))
    json_flag(p)
    p = command(sub, "muscle", muscle, _("Show everything about one muscle."))
    p.add_argument("id", metavar="ID", help=_("muscle id, e.g. gluteus_minimus"))
    json_flag(p)
    p = command(sub, "query", query, _("Rank the muscles that refer pain to the selected regions."))
    p.add_argument(
        "places",
        nargs="+",
        metavar="REGION[:SIDE][=INTENSITY]",
        help=_("region id, optionally with the person's side and how much it hurts (0-10)"),
    )
    json_flag(p)
    p = command(
        sub,
        "validate",
        validate,
        _("Check data folders (default: the built-in data and diagrams); exit 2 on any problem."),
    )
    p.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help=_("data folder(s) with regions.toml and muscles/")
    )
    command(sub, "schema", print_schema, _("Print the JSON Schema of a muscle file and of regions.toml."))
    p = command(sub, "coverage", coverage, _("Show gaps: candidate muscles per region, filled fields per muscle."))
    json_flag(p)


def regions(args: argparse.Namespace) -> None:
    kb = knowledge()
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "label": r.label,
                    "views": list(r.views),
                    "sides": [wording.side_id(side) for side in r.sides],
                    "area": r.area.value,
                    "description": r.description,
                }
                for r in kb.regions.values()
            ]
        )
        return
    for r in kb.regions.values():
        sides = "/".join(wording.side_id(side) for side in r.sides)
        print(f"{r.id:26} {sides:10} {r.label}  [{', '.join(r.views)}]")


def views(args: argparse.Namespace) -> None:
    kb = knowledge()
    rows = [
        {
            "id": v.id,
            "title": v.title,
            "kind": v.kind.value,
            "file": v.file,
            "regions": len(kb.regions_on(v.id)),
            "region_sides": sum(len(r.sides) for r in kb.regions_on(v.id)),
            "closeups": list(v.closeups),
        }
        for v in kb.views.view
    ]
    if args.json:
        print_json(rows)
        return
    for row in rows:
        print(f"{row['id']:14} {row['kind']:8} {row['regions']:3} " + _("regions") + f"  {row['title']}")


def muscles(args: argparse.Namespace) -> None:
    kb = knowledge()
    if args.json:
        print_json([m.model_dump(mode="json") for m in kb.muscles.values()])
        return
    for m in kb.muscles.values():
        print(f"{m.id:34} {m.depth.value:11} {m.name}")


def muscle(args: argparse.Namespace) -> None:
    kb = knowledge()
    found = kb.muscle(args.id)
    if args.json:
        print_json(found.model_dump(mode="json"))
        return
    print(f"{found.name} ({found.latin}), {wording.depth_name(found.depth)}, {found.group}")
    for label, value in (
        (_("Origin"), found.origin),
        (_("Insertion"), found.insertion),
        (_("Nerve"), found.innervation),
        (_("Pain pattern"), found.pain_pattern),
    ):
        print(f"\n{label}: {value}")
    places = [f"{kb.region(r.region).label.lower()} ({wording.zone_name(r.zone)})" for r in found.referral]
    print("\n" + _("Refers pain to: {places}").format(places="; ".join(places)))
    sections = (
        (_("Trigger points"), [p.location for p in found.trigger_points]),
        (
            _("Self-release"),
            [
                f"{wording.tool_heading(t.tool)}: {t.position} {t.steps} "
                + _("Pressure: {pressure} Time: {time}").format(pressure=t.pressure, time=t.duration)
                for t in found.self_release
            ],
        ),
        (_("Cautions"), list(found.cautions)),
        (_("Before you start"), [f"{c.title}: {c.text}" for c in kb.safety.cautions_of(found)]),
        (_("It could also be something else"), list(found.differentials)),
    )
    for title, items in sections:
        if items:
            print(f"\n{title}:")
            for item in items:
                print(f"  - {item}")


def query(args: argparse.Namespace) -> None:
    kb = knowledge()
    places = parse_places(kb, args.places)
    intensities = {s: i for s, i in places.items() if i is not None}
    ranked = rank(kb, places, intensities)
    flags = kb.safety.flags_for({s.region for s in places})
    if args.json:
        print_json(
            {
                "places": [
                    {"region": s.region, "side": wording.side_id(s.side), "intensity": places[s]} for s in places
                ],
                "muscles": [
                    {
                        "id": r.muscle.id,
                        "name": r.muscle.name,
                        "title": wording.candidate_title(r),
                        "side": wording.side_id(r.side),
                        "score": r.score,
                        "depth": r.muscle.depth.value,
                        "explains": [
                            {
                                "region": e.selection.region,
                                "side": wording.side_id(e.selection.side),
                                "zone": e.zone.value,
                                "zone_name": wording.zone_name(e.zone),
                                "likelihood": e.likelihood,
                            }
                            for e in r.explains
                        ],
                        "why": wording.why(kb, r),
                    }
                    for r in ranked
                ],
                "red_flags": [{"id": f.id, "sign": f.sign, "why": f.why} for f in flags],
            }
        )
        return
    if flags:
        print(_("See a clinician first if you have:"))
        for flag in flags:
            print(f"  ! {flag.sign}")
        print()
    if not ranked:
        print(_("No muscle in the knowledge base refers pain there."))
        return
    for place, r in enumerate(ranked, 1):
        print(f"{place:3}. {wording.candidate_title(r):44} {r.score:6.3f}  {wording.why(kb, r)}")


def validate(args: argparse.Namespace) -> int:
    folders: list[Path | None] = list(args.paths) or [None]
    status = 0
    for folder in folders:
        try:
            kb = load_knowledge(folder, trust_cache=False)
        except DataErrors as exc:
            status = EXIT_USAGE
            where = show(folder) if folder is not None else _("built-in data")
            print(_("{where}: {count} problem(s)").format(where=where, count=len(exc.errors)), file=sys.stderr)
            for error in exc.errors[:MAX_LISTED]:
                print(f"  {error}", file=sys.stderr)
            if len(exc.errors) > MAX_LISTED:
                print("  " + _("... and {count} more").format(count=len(exc.errors) - MAX_LISTED), file=sys.stderr)
            continue
        if folder is None and not _diagrams_agree(kb):
            status = EXIT_USAGE
            continue
        for warning in kb.warnings:
            print("  " + _("warning") + f": {warning}", file=sys.stderr)
        print(
            _("{folder}: ok, {regions} regions, {muscles} muscles").format(
                folder=show(kb.folder), regions=len(kb.regions), muscles=len(kb.muscles)
            )
            + (", " + _("{count} warning(s)").format(count=len(kb.warnings)) if kb.warnings else "")
        )
    return status


def _diagrams_agree(kb: KnowledgeBase) -> bool:
    """The shipped diagrams must draw every shipped region and muscle; print what disagrees."""
    from bodymap.diagram import load_diagrams
    from bodymap.diagram.consistency import problems

    found = problems(kb, load_diagrams(kb.views))
    if found:
        print(_("diagrams: {count} problem(s)").format(count=len(found)), file=sys.stderr)
        for problem in found[:MAX_LISTED]:
            print(f"  {problem}", file=sys.stderr)
    return not found


def coverage(args: argparse.Namespace) -> int:
    from bodymap.diagram import Layer, load_diagrams
    from bodymap.knowledge.coverage import (
        COUNTED_FIELDS,
        MIN_CANDIDATES,
        OPTIONAL_FIELDS,
        field_counts,
        region_coverage,
    )

    kb = knowledge()
    diagrams = load_diagrams(kb.views)
    by_region = region_coverage(kb)
    drawn = {m: sorted(v for v, d in diagrams.items() if d.shape(Layer.MUSCLE, m, Side.LEFT)) for m in kb.muscles}
    if args.json:
        print_json(
            {
                "regions": [
                    {"id": c.region.id, "views": list(c.region.views), "candidates": list(c.candidates)}
                    for c in by_region
                ],
                "muscles": [
                    {"id": m.id, "fields": field_counts(m), "drawn_on": drawn[m.id]} for m in kb.muscles.values()
                ],
            }
        )
        return 0
    thin = [c for c in by_region if len(c.candidates) < MIN_CANDIDATES]
    sides = sum(len(c.region.sides) for c in by_region)
    print(
        _("Regions: {regions} ({sides} side-specific); {thin} with fewer than {minimum} candidates").format(
            regions=len(by_region), sides=sides, thin=len(thin), minimum=MIN_CANDIDATES
        )
    )
    for c in by_region:
        flag = "!" if len(c.candidates) < MIN_CANDIDATES else " "
        print(f" {flag} {c.region.id:24} {len(c.candidates):3}  {', '.join(c.candidates[:5])}")
    short = [name[:6] for name in COUNTED_FIELDS]
    print(
        "\n"
        + _("Muscles: {count}   (items per field; ! marks an empty field that every muscle needs)").format(
            count=len(kb.muscles)
        )
    )
    print(f"   {'muscle':30} " + " ".join(f"{s:>6}" for s in short) + "  drawn on")
    for m in kb.muscles.values():
        counts = field_counts(m)
        empty = any(v == 0 for k, v in counts.items() if k not in OPTIONAL_FIELDS)
        cells = " ".join(f"{counts[f]:>6}" for f in COUNTED_FIELDS)
        print(f" {'!' if empty or not drawn[m.id] else ' '} {m.id:30} {cells}  {', '.join(drawn[m.id]) or 'NOT DRAWN'}")
    return 0


def print_schema(args: argparse.Namespace) -> None:
    print_json(schema())
