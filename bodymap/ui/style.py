"""Colours, pens and brushes: the look of the diagrams, defined once.

A calm skin tone and hairline borders at rest; blue for what the person pointed at; warm
rank colours for the candidate muscles; the classic red of the trigger point charts for a
referral pattern (solid for the essential zone, stippled for spillover).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen

SKIN = QColor("#EDE3DA")
SKIN_OUTLINE = QColor("#8F7F74")
REGION_BORDER = QColor(120, 100, 90, 70)
DETAIL = QColor(110, 90, 80, 150)
MUSCLE_IDLE = QColor(170, 95, 85, 45)
SELECTED = QColor("#1E6FD9")
HOVER = QColor("#0B4FA8")
REFERRAL = QColor("#D7263D")
TRIGGER = QColor("#1B1B1B")
LABEL = QColor("#5B4F48")

RANK_COLORS = tuple(
    QColor(c) for c in ("#A0177E", "#EF6C00", "#F2B705", "#00897B", "#8D5B3C", "#C2185B", "#5C6BC0", "#78909C")
)
"""Colours for ranks 1, 2, 3...; ranks past the list reuse the last colour. None is red, which
belongs to the referral pattern, or the selection blue."""
SHOWN_RANKS = len(RANK_COLORS)


def rank_color(rank: int) -> QColor:
    """The colour for a 1-based rank."""
    return QColor(RANK_COLORS[min(rank, SHOWN_RANKS) - 1])


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


def pixel_font(pixels: int, bold: bool = False, base: QFont | None = None) -> QFont:
    """A font of an exact pixel size (labels on the diagrams, kiosk and presentation type)."""
    font = QFont(base) if base is not None else QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


KEY = (
    ("selected", "Where it hurts"),
    ("essential", "Main pain zone"),
    ("spillover", "Pain can spread here"),
    ("trigger", "Trigger point"),
    ("deep", "Deep muscle"),
)
"""The symbols of the diagram and their words, for the window's key and the rendered legend."""


def paint_key_symbol(painter: QPainter, kind: str, box: QRectF) -> None:
    """Draw one symbol of KEY into ``box``, exactly as the diagram draws it."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if kind == "selected":
        painter.setBrush(tinted(SELECTED, 90))
        painter.setPen(pen(SELECTED, 2.5))
        painter.drawRect(box)
    elif kind == "essential":
        painter.fillRect(box, tinted(REFERRAL, 170))
    elif kind == "spillover":
        painter.fillRect(box, tinted(REFERRAL, 200, Qt.BrushStyle.Dense5Pattern))
    elif kind == "deep":
        painter.setBrush(tinted(rank_color(1), 110))
        painter.setPen(pen(rank_color(1).darker(140), 1.5, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(box, 4, 4)
    elif kind == "trigger":
        painter.setPen(pen(TRIGGER, 2.2))
        c, r = box.center(), min(box.width(), box.height()) / 3
        painter.drawLine(QPointF(c.x() - r, c.y() - r), QPointF(c.x() + r, c.y() + r))
        painter.drawLine(QPointF(c.x() - r, c.y() + r), QPointF(c.x() + r, c.y() - r))
    else:
        raise ValueError(f"no key symbol '{kind}'; known: {', '.join(k for k, _ in KEY)}")
    painter.restore()


NO_PEN = QPen(Qt.PenStyle.NoPen)
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
