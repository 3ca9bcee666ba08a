"""How everything on the diagrams looks, declared once: the window, the render, the legend,
the list chips and the handout all draw from this table.

A calm skin tone and hairline borders at rest. Blue, outlined and lightly tinted, for where it
hurts, above everything. The classic red of the trigger-point charts for the pain pattern of the
muscle in focus (solid for the main zone, stippled where it spreads), with soft edges and never
outside the body. The muscle in focus is filled in its own colour with its fibres; the other
candidates are quiet outlines in theirs, each with a numbered badge. Muscle colours come from a
colour-blind-safe palette (Okabe and Ito) without red or the selection blue, and a muscle keeps
its colour on both sides and in the list; the badge, not the colour, tells ranks apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen

from bodymap.knowledge.ranking import RankedMuscle

SKIN = QColor("#EDE3DA")
SKIN_OUTLINE = QColor("#8F7F74")
REGION_BORDER = QColor(120, 100, 90, 70)
DETAIL = QColor(110, 90, 80, 150)
MUSCLE_IDLE = QColor(170, 95, 85, 45)
SELECTED = QColor("#1A56C4")
HOVER = QColor("#0B3F8F")
PAIN = QColor("#D7263D")
TRIGGER = QColor("#1B1B1B")
LABEL = QColor("#4A403A")
"""Text on the diagrams: 9.5:1 on white, 7.6:1 on the skin tone."""
BADGE_TEXT = QColor("#FFFFFF")

MUSCLE_COLORS = tuple(QColor(c) for c in ("#D68A00", "#009E73", "#CC79A7", "#3A9AD9", "#8D5B3C", "#7A7A00", "#5E6B73"))
"""Okabe-Ito orange, bluish green, reddish purple and sky blue (the latter two a shade deeper to
stand out on skin), then brown, olive and slate for longer lists."""
DEFAULT_SHOWN = 5
"""Candidates drawn on the diagram by default; the rest are in the list only."""


def muscle_color(index: int) -> QColor:
    """The colour of the ``index``-th distinct muscle of the ranking (0-based); it cycles past the palette."""
    return QColor(MUSCLE_COLORS[index % len(MUSCLE_COLORS)])


def muscle_colors(ranking: Iterable[RankedMuscle], focus_id: str | None) -> dict[str, QColor]:
    """Each muscle's colour, by id: in order of first appearance in the ranking, so a muscle has one
    colour on both sides, on the diagram and in the list. A focused muscle outside the ranking
    (found by search) takes the first colour."""
    colors: dict[str, QColor] = {}
    for ranked in ranking:
        if ranked.muscle.id not in colors:
            colors[ranked.muscle.id] = muscle_color(len(colors))
    if focus_id is not None and focus_id not in colors:
        colors[focus_id] = muscle_color(0)
    return colors


class Part(str, Enum):
    """Every kind of thing the diagrams draw in a state other than at rest."""

    SELECTED = "selected"
    ESSENTIAL = "essential"
    SPILLOVER = "spillover"
    CANDIDATE = "candidate"
    FOCUS = "focus"
    FIBRES = "fibres"
    TRIGGER = "trigger"
    BADGE = "badge"
    HOVER = "hover"
    KEYBOARD = "keyboard"


@dataclass(frozen=True)
class Look:
    """How one part is drawn: fill alpha (0 for none), brush pattern, outline width (0 for none), z-order."""

    fill_alpha: int
    outline_width: float
    z: float
    pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern
    soft_edge: float = 0.0
    """Width of a fading rim, in screen pixels, that softens the part's edge."""


LOOKS: dict[Part, Look] = {
    Part.CANDIDATE: Look(fill_alpha=28, outline_width=2.2, z=3.0),
    Part.FOCUS: Look(fill_alpha=150, outline_width=2.8, z=4.0),
    Part.FIBRES: Look(fill_alpha=0, outline_width=0.9, z=4.1),
    Part.ESSENTIAL: Look(fill_alpha=150, outline_width=0, z=5.0, soft_edge=5.0),
    Part.SPILLOVER: Look(fill_alpha=190, outline_width=0, z=5.0, pattern=Qt.BrushStyle.Dense5Pattern, soft_edge=4.0),
    Part.TRIGGER: Look(fill_alpha=0, outline_width=2.6, z=8.0),
    Part.SELECTED: Look(fill_alpha=40, outline_width=3.0, z=9.0),
    Part.BADGE: Look(fill_alpha=255, outline_width=1.6, z=10.0),
    Part.HOVER: Look(fill_alpha=0, outline_width=2.5, z=11.0),
    Part.KEYBOARD: Look(fill_alpha=0, outline_width=2.5, z=11.0),
}
DEEP_LINE = Qt.PenStyle.DashLine
"""A deep muscle's outline, in every state: it lies under others and cannot be felt directly."""
MAGNIFIER_RADIUS = 11.0
"""Screen pixels: the lens that opens a closer view."""
MAGNIFIER = QColor("#2F5D8C")
BADGE_RADIUS = 11.0
"""Screen pixels: the badge keeps its size at every zoom."""
TRIGGER_SIZE = 6.0
"""Half the width of a trigger point's X, in screen pixels."""


def pen(color: QColor, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A cosmetic pen (same width at every zoom), so outlines stay crisp when zoomed in."""
    p = QPen(color, width, style)
    p.setCosmetic(True)
    p.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setCapStyle(Qt.PenCapStyle.RoundCap)
    return p


def tinted(color: QColor, alpha: int, pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern) -> QBrush:
    c = QColor(color)
    c.setAlpha(alpha)
    return QBrush(c, pattern)


def fill(part: Part, color: QColor) -> QBrush:
    look = LOOKS[part]
    return tinted(color, look.fill_alpha, look.pattern) if look.fill_alpha else NO_BRUSH


INTENSITY_ALPHA = (10, 6)
"""A chosen place's tint: alpha 10 at intensity 0, 6 more per step (40 at the default 5, 70 at 10),
light enough for the muscles drawn over it to stay clear."""
INTENSITY_ALPHA_ALONE = (40, 18)
"""The tint where the places are drawn alone (a journal entry's map): 40 to 220, so that 2 and 8
tell apart at a glance on a small picture."""


def intensity_fill(intensity: int, alone: bool = False) -> QBrush:
    """The tint of a chosen place, stronger the more it hurts (0-10)."""
    base, step = INTENSITY_ALPHA_ALONE if alone else INTENSITY_ALPHA
    return tinted(SELECTED, base + step * max(0, min(10, intensity)), LOOKS[Part.SELECTED].pattern)


def outline(part: Part, color: QColor, deep: bool = False) -> QPen:
    look = LOOKS[part]
    if not look.outline_width:
        return NO_PEN
    return pen(color, look.outline_width, DEEP_LINE if deep else Qt.PenStyle.SolidLine)


def outline_color(color: QColor) -> QColor:
    """The darker shade a muscle's outline and fibres take, for contrast on skin."""
    return color.darker(150)


def pixel_font(pixels: int, bold: bool = False, base: QFont | None = None) -> QFont:
    """A font of an exact pixel size (labels on the diagrams, kiosk and presentation type)."""
    font = QFont(base) if base is not None else QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


RIM_STEPS = 3
"""A pain zone's soft rim: this many strokes, widest and faintest first, each narrower one adding
to the fade."""


def _rims(look: Look, color: QColor) -> list[tuple[float, QColor]]:
    """The rim's strokes, widest first: each one's width, and the colour of one stroke alone."""
    rim = QColor(color)
    rim.setAlpha(look.fill_alpha // (RIM_STEPS + 2))
    return [(look.soft_edge * step / RIM_STEPS, rim) for step in range(RIM_STEPS, 0, -1)]


def paint_soft_path(painter: QPainter, path: QPainterPath, part: Part, color: QColor) -> None:
    """Fill a pain zone, then fade its rim outwards over a few pixels (the caller clips to the body)."""
    look = LOOKS[part]
    painter.setPen(NO_PEN)
    painter.setBrush(fill(part, color))
    painter.drawPath(path)
    if look.soft_edge:
        painter.setBrush(NO_BRUSH)
        for width, rim in _rims(look, color):
            painter.setPen(pen(rim, width))
            painter.drawPath(path)


def paint_soft_zones(
    painter: QPainter, zones: Sequence[tuple[QPainterPath, Part]], body: QPainterPath, color: QColor
) -> None:
    """Pain zones into a picture of their own (transparent where nothing is drawn), looking as
    paint_soft_path draws them one by one: every rim first, each stroke written with the strength
    it and the wider ones under it would have built up, clipped to ``body``; then every fill over
    them (a zone is a region of the body, so its fill needs no clipping)."""
    painter.save()
    painter.setClipPath(body)
    painter.setBrush(NO_BRUSH)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    for path, part in zones:
        look = LOOKS[part]
        if not look.soft_edge:
            continue
        for layers, (width, rim) in enumerate(_rims(look, color), 1):
            built = QColor(rim)
            built.setAlphaF(1 - (1 - rim.alphaF()) ** layers)
            stroke = pen(built, width)
            stroke.setJoinStyle(Qt.PenJoinStyle.BevelJoin)  # a faint rim's corners look the same, drawn faster
            painter.setPen(stroke)
            painter.drawPath(path)
    painter.restore()
    painter.setPen(NO_PEN)
    for path, part in zones:
        painter.setBrush(fill(part, color))
        painter.drawPath(path)


def paint_cross(painter: QPainter, center: QPointF, half: float) -> None:
    """A trigger point's X with a light halo, ``half`` the X's width in the painter's units."""
    c = center
    for color, width in ((SKIN.lighter(110), 6.0), (TRIGGER, LOOKS[Part.TRIGGER].outline_width)):
        painter.setPen(pen(color, width))
        painter.drawLine(QPointF(c.x() - half, c.y() - half), QPointF(c.x() + half, c.y() + half))
        painter.drawLine(QPointF(c.x() - half, c.y() + half), QPointF(c.x() + half, c.y() - half))


def paint_badge(painter: QPainter, center: QPointF, radius: float, number: int, color: QColor, deep: bool) -> None:
    """A candidate's rank in a disc of its colour: white figures, a dark ring (dashed when deep)."""
    painter.setPen(outline(Part.BADGE, outline_color(color), deep))
    painter.setBrush(QBrush(color))
    painter.drawEllipse(center, radius, radius)
    _number(painter, center, radius, number, max(8, round(radius * 1.15)))


def _number(painter: QPainter, center: QPointF, radius: float, number: int, pixels: int) -> None:
    """A count in bold white figures, centred in a disc."""
    painter.setPen(BADGE_TEXT)
    font = painter.font()
    font.setPixelSize(pixels)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(
        QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius),
        Qt.AlignmentFlag.AlignCenter,
        str(number),
    )


def paint_magnifier(painter: QPainter, center: QPointF, radius: float, chosen: int) -> None:
    """A lens on a white disc; with a small blue count when places inside the closer view are chosen."""
    painter.setPen(pen(MAGNIFIER, 1.6))
    painter.setBrush(tinted(QColor("white"), 235))
    painter.drawEllipse(center, radius, radius)
    lens = radius * 0.42
    glass = QPointF(center.x() - radius * 0.12, center.y() - radius * 0.12)
    painter.setBrush(NO_BRUSH)
    painter.setPen(pen(MAGNIFIER, 2.2))
    painter.drawEllipse(glass, lens, lens)
    painter.drawLine(
        QPointF(glass.x() + lens * 0.7, glass.y() + lens * 0.7),
        QPointF(center.x() + radius * 0.55, center.y() + radius * 0.55),
    )
    if chosen:
        dot = QPointF(center.x() + radius * 0.75, center.y() - radius * 0.75)
        painter.setPen(NO_PEN)
        painter.setBrush(QBrush(SELECTED))
        painter.drawEllipse(dot, radius * 0.5, radius * 0.5)
        _number(painter, dot, radius * 0.5, chosen, max(7, round(radius * 0.6)))


def paint_key_symbol(painter: QPainter, kind: str, box: QRectF, color: QColor | None = None) -> None:
    """Draw the key's symbol ``kind`` (one of wording.KEY's ids) into ``box``, with the diagram's own looks."""
    color = color or muscle_color(0)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addRoundedRect(box.adjusted(1, 1, -1, -1), 3, 3)
    if kind == "selected":
        painter.setBrush(fill(Part.SELECTED, SELECTED))
        painter.setPen(outline(Part.SELECTED, SELECTED))
    elif kind in ("essential", "spillover"):
        painter.setPen(NO_PEN)
        painter.setBrush(fill(Part(kind), PAIN))
    elif kind in ("focus", "candidate", "deep"):
        part = Part.FOCUS if kind == "focus" else Part.CANDIDATE
        painter.setBrush(fill(part, color))
        painter.setPen(outline(part, outline_color(color), deep=kind == "deep"))
    elif kind == "badge":
        paint_badge(painter, box.center(), min(box.width(), box.height()) / 2, 1, color, deep=False)
        path = QPainterPath()
    elif kind == "trigger":
        paint_cross(painter, box.center(), min(box.width(), box.height()) / 3)
        path = QPainterPath()
    else:
        raise ValueError(f"no key symbol '{kind}'")
    painter.drawPath(path)
    painter.restore()


NO_PEN = QPen(Qt.PenStyle.NoPen)
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
