"""The client handout: the map of where it hurts, then one section per muscle, in plain words.

Drawn with QPainter on any paged device (a PDF writer or a printer), so printing and
saving as PDF produce the same pages. Everything is vector: the diagrams are the window's
scene, rendered, and text stays text (Qt embeds the font subsets).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from html import escape

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPagedPaintDevice,
    QPainter,
    QTextDocument,
)

from bodymap.diagram import Diagram
from bodymap.knowledge import KnowledgeBase, Muscle, Selection, describe
from bodymap.notes import Notes
from bodymap.ui.body_scene import BodyScene
from bodymap.ui.muscle_html import referral_html, self_care_html
from bodymap.ui.state import SessionState

MARGIN_MM = 15
FOOTER_HEIGHT = 70.0
"""Points (1/72 inch) reserved at the bottom of every page for the disclaimer and red flags."""
TOP_MUSCLES = 3
"""Muscles described when none are chosen: the most likely few."""

CSS = """
h1 { font-size: 20pt; }
h2 { font-size: 16pt; margin-top: 0; }
h3 { font-size: 11.5pt; color: #7a2b22; margin-top: 10pt; margin-bottom: 2pt; }
p, li { font-size: 10.5pt; }
.sub { color: #555555; }
"""


def page_size(paper: str) -> QPageSize:
    """A4, Letter, or for 'auto' whichever the system locale uses."""
    if paper == "auto":
        imperial = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        paper = "letter" if imperial else "a4"
    return QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4)


def chosen_muscles(state: SessionState, muscles: list[str]) -> list[tuple[Muscle, str | None]]:
    """The muscles to describe, with why each is listed: those asked for, else the top few."""
    kb = state.kb
    why = {r.muscle.id: describe(kb, r) for r in reversed(state.ranking)}
    ids = muscles or list(dict.fromkeys(r.muscle.id for r in state.ranking))[:TOP_MUSCLES]
    return [(kb.muscle(m), why.get(m)) for m in ids]


def muscle_section(kb: KnowledgeBase, muscle: Muscle, why: str | None, note: str | None) -> str:
    """One muscle for the client: what it is, where it sends pain, how to release it, cautions."""
    actions = "; ".join(a.rstrip(".").lower() for a in muscle.actions[:3])
    parts = [
        f"<h2 style='page-break-before: always'>{escape(muscle.name)}</h2>",
        f"<p class='sub'><i>{escape(muscle.latin)}</i>. {escape(muscle.group)}.</p>",
    ]
    if why:
        parts.append(f"<p><b>Why it is on your map:</b> it {escape(why)}.</p>")
    parts += [
        "<h3>What it is</h3>",
        f"<p>It runs from {escape(_clause(muscle.origin))} to {escape(_clause(muscle.insertion))}. "
        f"Its jobs: {escape(actions)}.</p>",
        "<h3>Where it sends pain</h3>",
        referral_html(kb, muscle),
        "<h3>Where to find its trigger points</h3>",
        "<ul>" + "".join(f"<li>{escape(p.location)}</li>" for p in muscle.trigger_points) + "</ul>",
        "<h3>How to release it yourself</h3>",
        self_care_html(muscle),
    ]
    if note:
        parts += ["<h3>Your therapist's note</h3>", f"<p>{escape(note)}</p>"]
    parts += ["<h3>Be careful</h3>", "<ul>" + "".join(f"<li>{escape(c)}</li>" for c in muscle.cautions) + "</ul>"]
    return "".join(parts)


def _clause(text: str) -> str:
    """A sentence turned into a clause: no final full stop, lower-case start unless an acronym."""
    text = text.rstrip().rstrip(".")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def draw_handout(
    device: QPagedPaintDevice,
    kb: KnowledgeBase,
    diagrams: Mapping[str, Diagram],
    selections: list[Selection],
    muscles: list[str],
    notes: Notes | None = None,
    paper: str = "auto",
) -> int:
    """Draw the handout on ``device``; returns the number of pages."""
    device.setPageLayout(QPageLayout(page_size(paper), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    state = SessionState(kb)
    state.set_selections(selections)
    chosen = chosen_muscles(state, muscles)
    if chosen and state.focus is None:
        state.focus_muscle(chosen[0][0].id)
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # The painter works in device units; fonts are in points, which Qt converts itself.
    pt = device.logicalDpiY() / 72.0
    area = QRectF(0, 0, device.width(), device.height())
    body = area.adjusted(0, 0, 0, -FOOTER_HEIGHT * pt)

    _first_page(painter, body, kb, diagrams, state, pt)
    _footer(painter, area, kb, 1, pt)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultStyleSheet(CSS)
    document.setPageSize(QSizeF(body.width(), body.height()))
    document.setHtml("".join(
        muscle_section(kb, m, why, notes.get(m.id) if notes else None) for m, why in chosen
    ))
    pages = 1
    # The first section starts with a page break; skip that empty first document page.
    for index in range(1, document.pageCount()):
        device.newPage()
        pages += 1
        painter.save()
        painter.translate(0, -index * body.height())
        document.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
        painter.restore()
        _footer(painter, area, kb, pages, pt)
    painter.end()
    return pages


def _first_page(painter: QPainter, body: QRectF, kb: KnowledgeBase, diagrams, state: SessionState, pt: float) -> None:
    painter.setPen(Qt.GlobalColor.black)
    painter.setFont(_font(18, bold=True))
    painter.drawText(QRectF(body.left(), body.top(), body.width(), 26 * pt), "Your pain map")
    painter.setFont(_font(9))
    painter.drawText(QRectF(body.left(), body.top(), body.width(), 26 * pt),
                     Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     date.today().strftime("%d %B %Y"))
    where = ", ".join(
        f"{kb.region(s.region).label.lower()}{f' ({s.side.value})' if s.side else ''}" for s in state.selections
    ) or "no region chosen"
    painter.setFont(_font(10.5))
    painter.drawText(QRectF(body.left(), body.top() + 30 * pt, body.width(), 30 * pt),
                     Qt.TextFlag.TextWordWrap, f"Where it hurts: {where}.")
    scene = BodyScene(diagrams, state, legend=True)
    picture = QRectF(body.left(), body.top() + 62 * pt, body.width(), body.height() * 0.70)
    scene.render(painter, picture, scene.view_rect(None), Qt.AspectRatioMode.KeepAspectRatio)
    y = picture.bottom() + 8 * pt
    painter.setFont(_font(11, bold=True))
    painter.drawText(QRectF(body.left(), y, body.width(), 16 * pt), "The muscles most likely involved")
    painter.setFont(_font(9.5))
    y += 18 * pt
    for place, ranked in enumerate(state.ranking[:6], 1):
        side = f" ({ranked.side.value})" if ranked.side else ""
        line = f"{place}. {ranked.muscle.name}{side}: {describe(kb, ranked)}"
        rect = painter.boundingRect(QRectF(body.left(), y, body.width(), 40 * pt), Qt.TextFlag.TextWordWrap, line)
        if rect.bottom() > body.bottom():
            break
        painter.drawText(rect, Qt.TextFlag.TextWordWrap, line)
        y = rect.bottom() + 2 * pt


def _footer(painter: QPainter, area: QRectF, kb: KnowledgeBase, page: int, pt: float) -> None:
    safety = kb.safety
    flags = "; ".join(f.sign.lower() for f in safety.red_flag)
    text = f"{safety.disclaimer} See a clinician now if you have: {flags}."
    top = area.bottom() - (FOOTER_HEIGHT - 8) * pt
    box = QRectF(area.left(), top, area.width() - 44 * pt, (FOOTER_HEIGHT - 8) * pt)
    painter.save()
    painter.setPen(Qt.GlobalColor.darkGray)
    painter.drawLine(QPointF(area.left(), top), QPointF(area.right(), top))
    painter.setFont(_font(7))
    painter.drawText(box.adjusted(0, 4 * pt, 0, 0), Qt.TextFlag.TextWordWrap, text)
    painter.drawText(QRectF(area.right() - 40 * pt, top + 4 * pt, 40 * pt, 12 * pt),
                     Qt.AlignmentFlag.AlignRight, f"page {page}")
    painter.restore()


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font
