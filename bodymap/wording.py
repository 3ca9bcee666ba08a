"""How bodymap words what it shows: one function per kind of phrase, used by every surface.

The results list, the diagram's key and legend, the presentation caption, the handout and the
command line's text and ``--json`` all call these functions, so a candidate, a side, a zone or
a region reads the same everywhere. Each phrase is one whole message of the catalogue
(:mod:`bodymap.i18n`) with named placeholders, never English fragments glued together.
Qt-free.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from bodymap import i18n
from bodymap.i18n import _, n_
from bodymap.knowledge.base import KnowledgeBase
from bodymap.knowledge.model import Area, Depth, Muscle, Quality, Region, Side, Tool, Zone
from bodymap.knowledge.ranking import RankedMuscle
from bodymap.knowledge.selection import MIDLINE, Selection

# -- ids for machines ---------------------------------------------------------------------


def side_id(side: Side | None) -> str:
    """The side as ``--json`` and files write it: 'left', 'right', or 'midline' for no side."""
    return MIDLINE if side is None else side.value


# -- words for people ---------------------------------------------------------------------


def side_name(side: Side) -> str:
    """'left' or 'right', the person's own side."""
    return _("left") if side is Side.LEFT else _("right")


def side_caption(side: Side) -> str:
    """The word drawn on a diagram over one side of the body: 'Left' or 'Right'."""
    return _("Left") if side is Side.LEFT else _("Right")


def region_name(region: Region, side: Side | None) -> str:
    """One side of a region as a list or hover shows it: 'Outer thigh, left'; 'Breastbone' (midline)."""
    return region.label if side is None else place_on(region.label, side)


def place_on(label: str, side: Side | None) -> str:
    """A place (a region's label, or a complaint) on one side or, for None, on both: search's choices."""
    if side is Side.LEFT:
        return _("{region}, left").format(region=label)
    if side is Side.RIGHT:
        return _("{region}, right").format(region=label)
    return _("{region}, both sides").format(region=label)


def selection_name(kb: KnowledgeBase, selection: Selection) -> str:
    """A selected region side: 'Outer thigh, left'."""
    return region_name(kb.region(selection.region), selection.side)


def candidate_title(ranked: RankedMuscle) -> str:
    """A ranked candidate: 'Gluteus minimus, left'; 'Multifidus, both sides' when ranked for midline pain."""
    name = ranked.muscle.name
    if ranked.side is None:
        return _("{muscle}, both sides").format(muscle=name)
    if ranked.side is Side.LEFT:
        return _("{muscle}, left").format(muscle=name)
    return _("{muscle}, right").format(muscle=name)


def zone_name(zone: Zone) -> str:
    """A part of a referral pattern, in the key's own words."""
    return _("main pain zone") if zone is Zone.ESSENTIAL else _("can spread here")


def listing(items: Sequence[str]) -> str:
    """Items joined as a sentence lists them: 'a', 'a and b', 'a, b and c'."""
    if not items:
        return ""
    text = items[0]
    for index, item in enumerate(items[1:], 1):
        if index == len(items) - 1:
            text = _("{previous} and {last}").format(previous=text, last=item)
        else:
            text = _("{previous}, {next}").format(previous=text, next=item)
    return text


def why(kb: KnowledgeBase, ranked: RankedMuscle) -> str:
    """Why a candidate is listed: 'Sends pain to: outer thigh (main pain zone) and the upper calf (can spread here).'"""
    parts = [
        _("{region} ({zone})").format(region=kb.region(e.selection.region).label.lower(), zone=zone_name(e.zone))
        for e in ranked.explains
    ]
    return _("Sends pain to: {places}.").format(places=listing(parts))


def rank_line(place: int, count: int, ranked: RankedMuscle) -> str:
    """A candidate's place in the ranking, as the presentation caption shows it: '2 of 9: Gluteus medius, left'."""
    return _("{place} of {count}: {candidate}").format(place=place, count=count, candidate=candidate_title(ranked))


def key_entries() -> tuple[tuple[str, str], ...]:
    """The symbols of the diagram and their words, in the key's order: the window's key strip, the
    rendered legend and the handout map share them (the symbols are drawn by ``ui.style``)."""
    return (
        ("selected", _("Where it hurts")),
        ("essential", _("Main pain zone")),
        ("spillover", _("Pain can spread here")),
        ("trigger", _("Trigger point")),
        ("badge", _("Other likely muscle, by rank")),
        ("deep", _("Deep muscle")),
    )


def depth_name(depth: Depth) -> str:
    return _("deep muscle") if depth is Depth.DEEP else _("muscle near the surface")


def area_name(area: Area) -> str:
    """The heading a body area has in lists."""
    return {
        Area.HEAD: _("Head and face"),
        Area.NECK: _("Neck"),
        Area.SHOULDER: _("Shoulder and chest"),
        Area.ARM: _("Arm and elbow"),
        Area.HAND: _("Forearm, wrist and hand"),
        Area.TRUNK: _("Chest, abdomen and upper back"),
        Area.LOW_BACK: _("Low back and pelvis"),
        Area.HIP: _("Hip, groin and buttock"),
        Area.THIGH: _("Thigh"),
        Area.KNEE: _("Knee"),
        Area.LOWER_LEG: _("Lower leg and ankle"),
        Area.FOOT: _("Foot"),
        Area.PELVIC_FLOOR: _("Pelvic floor"),
    }[area]


def tool_heading(tool: Tool) -> str:
    """The heading of a self-release technique: 'With a ball'."""
    return {
        Tool.BALL: _("With a ball"),
        Tool.THUMB: _("With your thumb"),
        Tool.FINGERS: _("With your fingers"),
        Tool.PINCER: _("With a pincer grip"),
        Tool.FOAM_ROLLER: _("With a foam roller"),
        Tool.CANE: _("With a massage cane"),
        Tool.HEAT: _("With heat"),
    }[tool]


def quality_name(quality: Quality) -> str:
    return {
        Quality.ACHING: _("aching"),
        Quality.BURNING: _("burning"),
        Quality.TINGLING: _("tingling"),
        Quality.NUMB: _("numb"),
        Quality.SHARP: _("sharp"),
        Quality.THROBBING: _("throbbing"),
    }[quality]


def handout_saved(path: object, pages: int) -> str:
    """The confirmation shown when a handout is written."""
    return n_(
        "Saved the handout ({pages} page) to {path}", "Saved the handout ({pages} pages) to {path}", pages
    ).format(pages=pages, path=path)


def n_pages_printed(pages: int) -> str:
    return n_(
        "Printing {pages} page. Collect it at the printer.",
        "Printing {pages} pages. Collect them at the printer.",
        pages,
    ).format(pages=pages)


TAKE_HOME_STEPS = 140
"""Characters of each muscle's first self-release steps in the take-home text (the QR code stays
small enough for any phone to read)."""


def take_home_text(kb: KnowledgeBase, session) -> str:
    """The visitor's map as plain text for a QR code: where it hurts, the top three muscles with how to
    release each, and the disclaimer."""
    lines = [_("bodymap: your pain map")]
    places = listing([selection_name(kb, s) for s in session.selections])
    if places:
        lines.append(_("Where it hurts: {places}.").format(places=places))
    for place, muscle_id in enumerate(session.handout_muscles(), 1):
        muscle = kb.muscle(muscle_id)
        technique = muscle.self_release[0]
        steps = " ".join(technique.steps.split())
        if len(steps) > TAKE_HOME_STEPS:
            steps = steps[:TAKE_HOME_STEPS].rsplit(" ", 1)[0] + "…"
        lines.append(
            _("{place}. {muscle} ({tool}): {steps}").format(
                place=place, muscle=muscle.name, tool=tool_heading(technique.tool).lower(), steps=steps
            )
        )
    lines.append(kb.safety.disclaimer)
    return "\n".join(lines)


def muscle_count(count: int) -> str:
    return n_("{count} muscle", "{count} muscles", count).format(count=count)


def referral_summary(kb: KnowledgeBase, muscle: Muscle, zone: Zone) -> str:
    """The regions of one zone of a muscle's pattern, as a sentence lists them (lower case labels)."""
    return listing([kb.region(r.region).label.lower() for r in muscle.referral if r.zone is zone])


def day(when: datetime.date) -> str:
    """A date as the person's language writes it in full, e.g. 'December 1, 2026' or '1 de diciembre de 2026'."""
    from babel.dates import format_date  # loaded when needed

    return format_date(when, format="long", locale=i18n.locale_code())


def moment(at: datetime.datetime) -> str:
    """A date and time as the person's language writes them, e.g. 'Nov 1, 2026, 9:00 AM'."""
    from babel.dates import format_date, format_time  # dates in the person's language; loaded when needed

    locale = i18n.locale_code()
    return _("{date}, {time}").format(
        date=format_date(at, format="medium", locale=locale), time=format_time(at, format="short", locale=locale)
    )


def not_easing(kb: KnowledgeBase, selection: Selection) -> str:
    """The journal's advice when a place has not eased over about two weeks of entries."""
    return _(
        "{place} has not eased over two weeks of entries. Self-care for trigger points usually helps within "
        "a few sessions: please see a doctor, physiotherapist or massage therapist."
    ).format(place=selection_name(kb, selection))


def place_pain(kb: KnowledgeBase, selection: Selection, intensity: int) -> str:
    """A place with how much it hurts, as the journal lists it: 'Groin, left 7/10'."""
    return _("{place} {value}/10").format(place=selection_name(kb, selection), value=intensity)


def muscle_names(kb: KnowledgeBase, muscle_ids: Iterable[str]) -> str:
    """Muscles by name, on one line (an id this version does not know is left out)."""
    return ", ".join(kb.muscle(m).name for m in muscle_ids if m in kb.muscles)


def unknown_places(regions: Iterable[str]) -> str:
    """Said when journal entries name regions this version's map does not have."""
    return _("Places this version of bodymap does not know are not shown: {regions}.").format(
        regions=", ".join(sorted(regions))
    )
