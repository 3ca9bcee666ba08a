"""Writing pictures and PDFs with Qt so that failure is known: the painter must start, the file must
be written, and only then does it replace the target (see :mod:`bodymap.output`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene

from bodymap.i18n import _
from bodymap.output import OutputProblem, check_output, replacing
from bodymap.storage import show

FORMATS = (".png", ".svg", ".pdf")
SVG_NS = "http://www.w3.org/2000/svg"
BADGE_SVG_RADIUS = 16
"""A badge's radius in a written SVG (its pixels are those of the PNG it matches)."""
PNG_HEIGHT = 1600
PDF_RESOLUTION = 300

__all__ = ["FORMATS", "OutputProblem", "render_scene", "started", "write_pdf"]


def started(painter: QPainter, target: object) -> QPainter:
    """The painter, once it is known to draw; OutputProblem naming ``target`` otherwise."""
    if not painter.isActive():
        raise OutputProblem(
            _("output '{path}': cannot be written (the drawing could not start)").format(path=show(target))
        )
    return painter


def write_pdf(path: Path, draw: Callable[[QPagedPaintDevice], int], title: str) -> int:
    """Write a PDF drawn by ``draw(device) -> pages``; returns the page count."""
    target = check_output(path, (".pdf",))
    with replacing(target) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(title)
        writer.setCreator("bodymap")
        pages = draw(writer)
        del writer  # closes the file
    return pages


def render_scene(scene: QGraphicsScene, source: QRectF, path: Path) -> Path:
    """Draw ``source`` (a scene rectangle) into a PNG, SVG or PDF file, by the path's suffix."""
    target = check_output(path, FORMATS)
    suffix = target.suffix.lower()
    scale = PNG_HEIGHT / source.height()
    size = QSize(round(source.width() * scale), PNG_HEIGHT)
    set_scale = getattr(scene, "set_pixel_scale", None)
    if set_scale is not None:
        set_scale(scale)
    with replacing(target) as temporary:
        if suffix == ".png":
            image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(QColor("white"))
            _paint(scene, source, image, QRectF(0, 0, size.width(), size.height()), target)
            if not image.save(str(temporary)):  # PNG, by the temporary name's suffix
                raise OutputProblem(f"output '{show(target)}': the picture could not be written")
        elif suffix == ".svg":
            marks: list[dict] = getattr(scene, "marks", list)()
            badges = getattr(scene, "badges", [])
            for badge in badges:
                badge.setVisible(False)  # written below as elements a script can find
            generator = QSvgGenerator()
            generator.setFileName(str(temporary))
            generator.setSize(size)
            generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
            generator.setTitle("bodymap")
            _paint(scene, source, generator, QRectF(0, 0, size.width(), size.height()), target)
            del generator
            for badge in badges:
                badge.setVisible(True)
            _annotate_svg(temporary, marks, source, size)
        else:
            writer = QPdfWriter(str(temporary))
            writer.setTitle("bodymap")
            landscape = source.width() > source.height()
            writer.setPageLayout(
                QPageLayout(
                    QPageSize(QPageSize.PageSizeId.A4),
                    QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
                    QMarginsF(12, 12, 12, 12),
                )
            )
            writer.setResolution(PDF_RESOLUTION)
            painter = started(QPainter(writer), target)
            scene.render(painter, QRectF(painter.viewport()), source, Qt.AspectRatioMode.KeepAspectRatio)
            painter.end()
            del writer
    return target


def _paint(scene: QGraphicsScene, source: QRectF, device, target: QRectF, path: Path) -> None:
    painter = started(QPainter(device), path)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()


def _annotate_svg(path: Path, marks: list[dict], source: QRectF, size: QSize) -> None:
    """Add each candidate's badge as a named group: ``<g class="rank-badge" data-rank="3"
    data-muscle="adductor_brevis" data-side="right" data-focus="false">``, drawn as the window draws it."""
    from xml.etree import ElementTree

    ElementTree.register_namespace("", SVG_NS)
    ElementTree.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    tree = ElementTree.parse(path)
    root = tree.getroot()
    scale = min(size.width() / source.width(), size.height() / source.height())
    dx = (size.width() - source.width() * scale) / 2 - source.left() * scale
    dy = (size.height() - source.height() * scale) / 2 - source.top() * scale
    layer = ElementTree.SubElement(root, f"{{{SVG_NS}}}g", {"id": "rank-badges"})
    radius = BADGE_SVG_RADIUS
    for mark in marks:
        center = mark["center"]
        x, y = center.x() * scale + dx, center.y() * scale + dy
        group = ElementTree.SubElement(
            layer,
            f"{{{SVG_NS}}}g",
            {
                "class": "rank-badge",
                "data-rank": str(mark["rank"]),
                "data-muscle": str(mark["muscle"]),
                "data-side": str(mark["side"]),
                "data-focus": "true" if mark["focus"] else "false",
            },
        )
        ElementTree.SubElement(
            group,
            f"{{{SVG_NS}}}circle",
            {
                "cx": f"{x:.1f}",
                "cy": f"{y:.1f}",
                "r": str(radius),
                "fill": str(mark["color"]),
                "stroke": QColor(str(mark["color"])).darker(150).name(),
                "stroke-width": "2",
                **({"stroke-dasharray": "4 3"} if mark["deep"] else {}),
            },
        )
        text = ElementTree.SubElement(
            group,
            f"{{{SVG_NS}}}text",
            {
                "x": f"{x:.1f}",
                "y": f"{y + radius * 0.4:.1f}",
                "text-anchor": "middle",
                "fill": "#ffffff",
                "font-family": "sans-serif",
                "font-weight": "bold",
                "font-size": f"{radius * 1.15:.0f}",
            },
        )
        text.text = str(mark["rank"])
    tree.write(path, encoding="utf-8", xml_declaration=True)
