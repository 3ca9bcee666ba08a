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
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextDocument,
)

from bodymap import wording
from bodymap.diagram import Diagram
from bodymap.i18n import _
from bodymap.knowledge import KnowledgeBase, Muscle
from bodymap.notes import Notes
from bodymap.session import Session, State
from bodymap.ui.body_scene import BodyScene
from bodymap.ui.muscle_html import general_cautions_html, referral_html, self_care_html
from bodymap.ui.output import started
from bodymap.ui.safety import flags_for_session

MARGIN_MM = 15
FOOTER_HEIGHT = 70.0
"""Points (1/72 inch) reserved at the bottom of every page for the disclaimer and red flags."""

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


def chosen_muscles(session: Session) -> list[tuple[Muscle, str | None]]:
    """The muscles to describe (ticked, else the top few), with why each is listed."""
    kb = session.kb
    why = {r.muscle.id: wording.why(kb, r) for r in reversed(session.ranking)}
    return [(kb.muscle(m), why.get(m)) for m in session.handout_muscles()]


def muscle_section(kb: KnowledgeBase, muscle: Muscle, why: str | None, note: str | None) -> str:
    """One muscle for the client: what it is, where it sends pain, how to release it, cautions."""
    actions = "; ".join(a.rstrip(".").lower() for a in muscle.actions[:3])
    parts = [
        f"<h2 style='page-break-before: always'>{escape(muscle.name)}</h2>",
        f"<p class='sub'><i>{escape(muscle.latin)}</i>. {escape(muscle.group)}.</p>",
    ]
    if why:
        parts.append(f"<p><b>{escape(_('Why it is on your map:'))}</b> {escape(why)}</p>")
    if note:
        heading = _("Your therapist's note")
        parts += [f"<h3>{escape(heading)}</h3>", f"<p>{escape(note)}</p>"]
    parts += [
        f"<h3>{escape(_('What it is'))}</h3>",
        f"<p>{escape(_('It runs from {origin} to {insertion}. Its jobs: {actions}.').format(origin=_clause(muscle.origin), insertion=_clause(muscle.insertion), actions=actions))}</p>",
        f"<h3>{escape(_('Where it sends pain'))}</h3>",
        referral_html(kb, muscle),
        f"<h3>{escape(_('Where to find its trigger points'))}</h3>",
        "<ul>" + "".join(f"<li>{escape(p.location)}</li>" for p in muscle.trigger_points) + "</ul>",
        f"<h3>{escape(_('How to release it yourself'))}</h3>",
        self_care_html(kb.safety, muscle),
        f"<h3>{escape(_('Be careful'))}</h3>",
        "<ul>" + "".join(f"<li>{escape(c)}</li>" for c in muscle.cautions) + "</ul>",
    ]
    general = general_cautions_html(kb.safety, muscle)
    if general:  # the techniques above point here ('see Before you start'): the handout must carry it too
        parts += [f"<h3>{escape(_('Before you start'))}</h3>", general]
    return "".join(parts)


def _clause(text: str) -> str:
    """A sentence turned into a clause: no final full stop, lower-case start unless an acronym."""
    text = text.rstrip().rstrip(".")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def draw_handout(
    device: QPagedPaintDevice,
    source: Session,
    diagrams: Mapping[str, Diagram],
    notes: Notes | None = None,
    paper: str = "auto",
) -> int:
    """Draw the handout of a session's map on ``device``; returns the number of pages."""
    device.setPageLayout(
        QPageLayout(
            page_size(paper),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    kb = source.kb
    state = Session(kb)  # its own copy: the handout's map shows the candidates whatever the window's mode
    state.restore(State(source.selections, dict(source.state.pains), source.focus, source.state.picks))
    chosen = chosen_muscles(state)
    if chosen and state.focus is None:
        state.focus_muscle(chosen[0][0].id)
    painter = started(QPainter(device), _("the handout"))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # The painter works in device units; fonts are in points, which Qt converts itself.
    pt = device.logicalDpiY() / 72.0
    area = QRectF(0, 0, device.width(), device.height())
    body = area.adjusted(0, 0, 0, -FOOTER_HEIGHT * pt)

    _first_page(painter, body, kb, diagrams, state, pt)
    _footer(painter, area, state, 1, pt)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultStyleSheet(CSS)
    document.setPageSize(QSizeF(body.width(), body.height()))
    document.setHtml("".join(muscle_section(kb, m, why, notes.get(m.id) if notes else None) for m, why in chosen))
    pages = 1
    # The first section starts with a page break; skip that empty first document page.
    for index in range(1, document.pageCount()):
        device.newPage()
        pages += 1
        painter.save()
        painter.translate(0, -index * body.height())
        document.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
        painter.restore()
        _footer(painter, area, state, pages, pt)
    painter.end()
    return pages


def _first_page(painter: QPainter, body: QRectF, kb: KnowledgeBase, diagrams, state: Session, pt: float) -> None:
    painter.setPen(Qt.GlobalColor.black)
    painter.setFont(text_font(18, bold=True))
    painter.drawText(QRectF(body.left(), body.top(), body.width(), 26 * pt), _("Your pain map"))
    painter.setFont(text_font(9))
    painter.drawText(
        QRectF(body.left(), body.top(), body.width(), 26 * pt),
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        date.today().strftime("%d %B %Y"),
    )
    where = wording.listing([wording.selection_name(kb, s) for s in state.selections])
    painter.setFont(text_font(10.5))
    line = (
        _("Where it hurts: {places}.").format(places=where)
        if where
        else _("This map shows one muscle and where it sends pain.")
    )
    painter.drawText(QRectF(body.left(), body.top() + 30 * pt, body.width(), 30 * pt), Qt.TextFlag.TextWordWrap, line)
    scene = BodyScene(state, diagrams, kb.views.default_layout, legend=True)
    picture = QRectF(body.left(), body.top() + 62 * pt, body.width(), body.height() * 0.70)
    scene.render(painter, picture, scene.content_rect(), Qt.AspectRatioMode.KeepAspectRatio)
    y = picture.bottom() + 8 * pt
    painter.setFont(text_font(11, bold=True))
    painter.drawText(QRectF(body.left(), y, body.width(), 16 * pt), _("The muscles most likely involved"))
    painter.setFont(text_font(9.5))
    y += 18 * pt
    for place, ranked in enumerate(state.ranking[:6], 1):
        line = _("{place}. {candidate}: {why}").format(
            place=place, candidate=wording.candidate_title(ranked), why=wording.why(kb, ranked)
        )
        rect = painter.boundingRect(QRectF(body.left(), y, body.width(), 40 * pt), Qt.TextFlag.TextWordWrap, line)
        if rect.bottom() > body.bottom():
            break
        painter.drawText(rect, Qt.TextFlag.TextWordWrap, line)
        y = rect.bottom() + 2 * pt


def _footer(painter: QPainter, area: QRectF, session: Session, page: int, pt: float) -> None:
    """The disclaimer and the red flags of the chosen places (all flags when none concern them) on every page."""
    safety = session.kb.safety
    flags = flags_for_session(session) or tuple(f for f in safety.red_flag if not f.places)
    text = _("{disclaimer} See a clinician now if you have: {flags}.").format(
        disclaimer=safety.disclaimer, flags="; ".join(f.sign[:1].lower() + f.sign[1:] for f in flags)
    )
    top = area.bottom() - (FOOTER_HEIGHT - 8) * pt
    box = QRectF(area.left(), top, area.width() - 44 * pt, (FOOTER_HEIGHT - 8) * pt)
    painter.save()
    painter.setPen(Qt.GlobalColor.darkGray)
    painter.drawLine(QPointF(area.left(), top), QPointF(area.right(), top))
    painter.setFont(text_font(7))
    painter.drawText(box.adjusted(0, 4 * pt, 0, 0), Qt.TextFlag.TextWordWrap, text)
    painter.drawText(
        QRectF(area.right() - 40 * pt, top + 4 * pt, 40 * pt, 12 * pt),
        Qt.AlignmentFlag.AlignRight,
        _("page {number}").format(number=page),
    )
    painter.restore()


def text_font(points: float, bold: bool = False) -> QFont:
    """A font of a size in points, for printed pages (the handout, the journal report)."""
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font
