"""Colours, pens and brushes: the look of the diagrams, defined once.

A calm skin tone and hairline borders at rest; blue for what the person pointed at; warm
rank colours for the candidate muscles; the classic red of the trigger point charts for a
referral pattern (solid for the essential zone, stippled for spillover).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen

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


NO_PEN = QPen(Qt.PenStyle.NoPen)
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
