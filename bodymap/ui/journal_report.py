"""The journal as a PDF report to take to a clinician: the plot of how each place changed, the first
and the latest map side by side, the advice if a place has not eased, and every entry in a table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QPagedPaintDevice, QPainter, QTextDocument

from bodymap import wording
from bodymap.diagram import Diagram
from bodymap.i18n import _
from bodymap.journal import Entry, not_easing
from bodymap.knowledge import KnowledgeBase
from bodymap.ui.handout import set_page, text_font
from bodymap.ui.journal_plot import draw, make_plot
from bodymap.ui.journal_view import entry_cell, entry_headers, entry_scene, places_text
from bodymap.ui.output import started, write_pdf

PLOT_PIXELS = (1000, 440)
"""The plot's size as drawn before it is scaled onto the page: its type then prints at about 8 pt."""


def write_report(
    kb: KnowledgeBase, entries: Sequence[Entry], path: Path, diagrams: Mapping[str, Diagram], paper: str = "auto"
) -> int:
    """Write the report; the number of pages."""
    return write_pdf(path, lambda device: draw_report(device, kb, entries, diagrams, paper), _("bodymap: pain journal"))


def draw_report(
    device: QPagedPaintDevice, kb: KnowledgeBase, entries: Sequence[Entry], diagrams: Mapping[str, Diagram], paper: str
) -> int:
    set_page(device, paper)
    painter = started(QPainter(device), _("the journal report"))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pt = device.logicalDpiY() / 72.0
    body = QRectF(0, 0, device.width(), device.height())
    y = body.top()
    painter.setFont(text_font(18, bold=True))
    painter.drawText(QRectF(body.left(), y, body.width(), 26 * pt), _("My pain journal"))
    y += 28 * pt
    painter.setFont(text_font(10))
    span = _("{count} entries, {first} to {last}.").format(
        count=len(entries), first=wording.moment(entries[0].at), last=wording.moment(entries[-1].at)
    )
    lines = [span] + [wording.not_easing(kb, s) for s in not_easing(entries)]
    for line in lines:
        rect = painter.boundingRect(QRectF(body.left(), y, body.width(), 60 * pt), Qt.TextFlag.TextWordWrap, line)
        painter.drawText(rect, Qt.TextFlag.TextWordWrap, line)
        y = rect.bottom() + 4 * pt
    plot = make_plot()
    plot.resize(*PLOT_PIXELS)
    draw(plot, kb, entries)
    picture = QRectF(body.left(), y + 4 * pt, body.width(), body.width() * PLOT_PIXELS[1] / PLOT_PIXELS[0])
    _render_widget(plot, painter, picture)
    plot.deleteLater()
    y = picture.bottom() + 10 * pt
    first, last = entries[0], entries[-1]
    maps = [first, last] if len(entries) > 1 else [last]
    width = body.width() / len(maps)
    height = body.bottom() - y - 30 * pt
    areas = [QRectF(body.left() + index * width, y, width - 8 * pt, height) for index in range(len(maps))]
    painter.setFont(text_font(8.5))
    captions = [
        painter.boundingRect(
            QRectF(area.left(), area.top() + 15 * pt, area.width(), 40 * pt),
            Qt.TextFlag.TextWordWrap,
            places_text(kb, entry),
        )
        for area, entry in zip(areas, maps)
    ]
    top = max(c.bottom() for c in captions) + 4 * pt  # the maps line up under the longer caption
    for area, entry, caption in zip(areas, maps, captions):
        painter.setFont(text_font(9, bold=True))
        painter.drawText(QRectF(area.left(), area.top(), area.width(), 14 * pt), wording.moment(entry.at))
        painter.setFont(text_font(8.5))
        painter.drawText(caption, Qt.TextFlag.TextWordWrap, places_text(kb, entry))
        scene = entry_scene(kb, entry, diagrams)
        picture = QRectF(area.left(), top, area.width(), area.bottom() - top)
        scene.render(painter, picture, scene.content_rect(), Qt.AspectRatioMode.KeepAspectRatio)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(QSizeF(body.width(), body.height()))
    document.setHtml(_table(kb, entries))
    pages = 1
    for index in range(document.pageCount()):
        device.newPage()
        pages += 1
        painter.save()
        painter.translate(0, -index * body.height())
        document.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
        painter.restore()
    painter.end()
    return pages


def _render_widget(widget, painter: QPainter, target: QRectF) -> None:
    """Draw a widget (the plot) as a picture of its own pixels, scaled into a rectangle of the page
    (drawn into the page's painter directly, its type would take the page's resolution)."""
    widget.ensurePolished()
    picture = widget.grab()
    painter.drawPixmap(target, picture, QRectF(picture.rect()))


def _table(kb: KnowledgeBase, entries: Sequence[Entry]) -> str:
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(entry_cell(kb, e, column))}</td>" for column in range(4)) + "</tr>"
        for e in entries
    )
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in entry_headers())
    return (
        "<style>td, th { font-size: 9pt; padding: 2pt 6pt; } th { border-bottom: 1px solid #888; }</style>"
        "<h2 style='font-size: 14pt'>" + escape(_("Every entry")) + f"</h2>"
        f"<table width='100%' cellspacing='0'><tr>{head}</tr>{rows}</table>"
    )
