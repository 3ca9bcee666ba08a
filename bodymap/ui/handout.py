"""The client handout: the map of where it hurts, then one section per muscle, in plain words.

Drawn with QPainter on any paged device (a PDF writer or a printer), so printing and
saving as PDF produce the same pages. Everything is vector: the diagrams are the window's
scene, rendered, and text stays text (Qt embeds the font subsets).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from html import escape

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
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
from bodymap.ui import style
from bodymap.ui.body_scene import BodyScene
from bodymap.ui.muscle_html import referral_html, self_care_html
from bodymap.ui.output import started
from bodymap.ui.safety import flags_for_session

MARGIN_MM = 12
FOOTER_HEIGHT = 64.0
"""Points (1/72 inch) reserved at the bottom of every page for the disclaimer and red flags."""
KEY_POINTS = 8.5
"""The map key's type: never below 8 pt, and drawn at that size whatever the map's scale."""
MUSCLE_MAP_PIXELS = (420, 620)
MUSCLE_MAP_SHARE = 0.27
"""The small map's share of the text's width (about 5 cm on A4)."""
"""Each muscle's small map, as drawn before it goes on the page (about 4.5 cm wide: 230 dpi)."""

CSS = """
h2 { font-size: 13pt; margin-top: 8pt; margin-bottom: 0; }
h3 { font-size: 10pt; color: #7a2b22; margin-top: 6pt; margin-bottom: 1pt; }
p, li { font-size: 9pt; margin-top: 1pt; margin-bottom: 1pt; }
.sub { color: #555555; font-size: 9pt; }
.note { background: #fff4d6; }
"""


def page_size(paper: str) -> QPageSize:
    """A4, Letter, or for 'auto' whichever the system locale uses."""
    if paper == "auto":
        imperial = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        paper = "letter" if imperial else "a4"
    return QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4)


def set_page(device: QPagedPaintDevice, paper: str) -> None:
    """Portrait pages of the chosen size with the margins every printed page of bodymap has."""
    device.setPageLayout(
        QPageLayout(
            page_size(paper),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )


def chosen_muscles(session: Session) -> list[tuple[Muscle, str | None]]:
    """The muscles to describe (ticked, else the top few, else the one found by search), with why each is listed."""
    kb = session.kb
    why = {r.muscle.id: wording.why(kb, r) for r in reversed(session.ranking)}
    return [(kb.muscle(m), why.get(m)) for m in session.handout_muscles()]


def muscle_section(
    kb: KnowledgeBase, muscle: Muscle, why: str | None, note: str | None, picture: str, width: int
) -> str:
    """One muscle for the client, compact: its own small map beside where it sends pain and where its
    trigger points are; the therapist's note first; then how to release it, and what to be careful of."""
    head = [
        f"<h2>{escape(muscle.name)}</h2>",
        f"<p class='sub'><i>{escape(muscle.latin)}</i> &middot; {escape(muscle.group)}</p>",
    ]
    if note:
        heading = escape(_("Your therapist's note:"))
        head.append(f"<p class='note'><b>{heading}</b> {escape(note)}</p>")
    if why:
        heading = escape(_("Why it is on your map:"))
        head.append(f"<p><b>{heading}</b> {escape(why)}</p>")
    beside = [
        "<h3>" + escape(_("Where it sends pain")) + "</h3>",
        referral_html(kb, muscle),
        "<h3>" + escape(_("Where to find its trigger points")) + "</h3>",
        "<ul>" + "".join(f"<li>{escape(p.location)}</li>" for p in muscle.trigger_points) + "</ul>",
    ]
    parts = [
        *head,
        "<table width='100%' cellspacing='0' cellpadding='0'><tr>",
        f"<td width='{width + 12}' valign='top'><img src='{picture}' width='{width}'></td>",
        f"<td valign='top'>{''.join(beside)}</td></tr></table>",
        "<h3>" + escape(_("How to release it yourself")) + "</h3>",
        self_care_html(kb.safety, muscle),
        "<h3>" + escape(_("Be careful")) + "</h3>",
        "<ul>" + "".join(f"<li>{escape(c)}</li>" for c in muscle.cautions) + "</ul>",
    ]
    return "".join(parts) + "<hr>"


def before_you_start(kb: KnowledgeBase, muscles: list[Muscle]) -> str:
    """The general cautions the techniques above link to ('see Before you start'), each once."""
    used = {c.id for m in muscles for c in kb.safety.cautions_of(m)}
    cautions = [c for c in kb.safety.caution if c.id in used]
    if not cautions:
        return ""
    items = "".join(f"<p><b>{escape(c.title)}.</b> {escape(c.text)}</p>" for c in cautions)
    return "<h2>" + escape(_("Before you start")) + f"</h2>{items}"


def draw_handout(
    device: QPagedPaintDevice,
    source: Session,
    diagrams: Mapping[str, Diagram],
    notes: Notes | None = None,
    paper: str = "auto",
) -> int:
    """Draw the handout of a session's map on ``device``; returns the number of pages.

    Page 1: the map and the likely muscles; then each chosen muscle flows on, one after another
    (three muscles take about three pages), the disclaimer and the place's red flags on every page."""
    set_page(device, paper)
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

    top = _first_page(painter, body, kb, diagrams, state, pt)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultStyleSheet(CSS)
    document.setPageSize(QSizeF(body.width(), body.height()))
    # The first page's drawing (title, map, key, list) is kept free by a blank picture of its height,
    # so the text flows on under it and the document's own page breaks never cut a line in two.
    blank = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    blank.fill(Qt.GlobalColor.transparent)
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("blank://"), blank)
    # Sizes in the text are in pixels of 96 to the inch, whatever the device's resolution.
    css_px = device.logicalDpiY() / 96.0
    html = [f"<img src='blank://' width='1' height='{round((top - body.top()) / css_px)}'>"]
    for muscle, why in chosen:
        name = f"map://{muscle.id}"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), _muscle_map(state, muscle, diagrams))
        note = (notes.get(muscle.id) if notes else None) or source.document.notes.get(muscle.id)
        html.append(muscle_section(kb, muscle, why, note, name, round(body.width() * MUSCLE_MAP_SHARE / css_px)))
    html.append(before_you_start(kb, [m for m, _why in chosen]))
    document.setHtml("".join(html))
    pages = document.pageCount()
    for index in range(pages):
        if index:
            device.newPage()
        painter.save()
        painter.translate(0, -index * body.height())
        document.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
        painter.restore()
        _footer(painter, area, state, index + 1, pt)
    painter.end()
    return pages


def _muscle_map(state: Session, muscle: Muscle, diagrams: Mapping[str, Diagram]) -> QImage:
    """A small map of one muscle: where it is, its trigger points and where it sends pain, on the
    view that shows most of its pattern."""
    kb = state.kb
    own = Session(kb)
    own.restore(State(state.selections, dict(state.state.pains), (muscle.id, None), state.state.picks))
    views = [v for v in kb.layout(kb.views.default_layout).views]
    counts = {v: sum(1 for r in muscle.referral if v in kb.region(r.region).views) for v in views}
    view = max(views, key=lambda v: counts[v])
    scene = BodyScene(own, diagrams, view)
    image = QImage(*MUSCLE_MAP_PIXELS, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), scene.content_rect(), Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    return image


def _first_page(painter: QPainter, body: QRectF, kb: KnowledgeBase, diagrams, state: Session, pt: float) -> float:
    """The title, where it hurts, the map with its key, and the likely muscles; returns where it ends."""
    painter.setPen(Qt.GlobalColor.black)
    painter.setFont(text_font(18, bold=True))
    painter.drawText(QRectF(body.left(), body.top(), body.width(), 26 * pt), _("Your pain map"))
    painter.setFont(text_font(9))
    painter.drawText(
        QRectF(body.left(), body.top(), body.width(), 26 * pt),
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        wording.day(date.today()),
    )
    painter.setFont(text_font(10.5))
    if state.selections:
        line = _("Where it hurts: {places}.").format(
            places=wording.listing(
                [
                    _("{place} ({value}/10)").format(place=wording.selection_name(kb, s), value=state.pain(s).intensity)
                    for s in state.selections
                ]
            )
        )
    else:
        line = _("About one muscle: where it sends pain, and how to release it yourself.")
    lead = painter.boundingRect(
        QRectF(body.left(), body.top() + 30 * pt, body.width(), 60 * pt), Qt.TextFlag.TextWordWrap, line
    )
    painter.drawText(lead, Qt.TextFlag.TextWordWrap, line)
    scene = BodyScene(state, diagrams, kb.views.default_layout)
    picture = QRectF(body.left(), lead.bottom() + 6 * pt, body.width(), body.height() * 0.46)
    drawn = scene.render_fitted(painter, picture)
    y = _key(painter, QRectF(body.left(), drawn.bottom() + 4 * pt, body.width(), 40 * pt), pt)
    if state.ranking:
        painter.setFont(text_font(11, bold=True))
        painter.drawText(QRectF(body.left(), y, body.width(), 16 * pt), _("The muscles most likely involved"))
        painter.setFont(text_font(9.5))
        y += 18 * pt
        for place, ranked in enumerate(state.ranking[:5], 1):
            line = _("{place}. {candidate}: {why}").format(
                place=place, candidate=wording.candidate_title(ranked), why=wording.why(kb, ranked)
            )
            rect = painter.boundingRect(QRectF(body.left(), y, body.width(), 40 * pt), Qt.TextFlag.TextWordWrap, line)
            painter.drawText(rect, Qt.TextFlag.TextWordWrap, line)
            y = rect.bottom() + 2 * pt
    return y + 8 * pt


def _key(painter: QPainter, area: QRectF, pt: float) -> float:
    """The map's key in rows, at KEY_POINTS whatever the map's scale; returns where it ends."""
    painter.save()
    painter.setFont(text_font(KEY_POINTS))
    metrics = painter.fontMetrics()
    swatch = QSizeF(16 * pt, 10 * pt)
    x, y = area.left(), area.top()
    line = metrics.height() + 3 * pt
    for kind, words in wording.key_entries():
        width = swatch.width() + 4 * pt + metrics.horizontalAdvance(words) + 14 * pt
        if x + width > area.right() and x > area.left():
            x, y = area.left(), y + line
        symbol = QRectF(x, y + (metrics.height() - swatch.height()) / 2, swatch.width(), swatch.height())
        style.paint_key_symbol(painter, kind, symbol)
        painter.setPen(Qt.GlobalColor.black)
        painter.drawText(QPointF(x + swatch.width() + 4 * pt, y + metrics.ascent()), words)
        x += width
    painter.restore()
    return y + line + 4 * pt


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
