"""Save what the diagrams show to a PNG, SVG or PDF file, with the window's drawing code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene

FORMATS = (".png", ".svg", ".pdf")
PNG_HEIGHT = 1600


def render_scene(scene: QGraphicsScene, source: QRectF, output: Path) -> None:
    """Draw ``source`` (a scene rectangle) into ``output``; the format follows the file suffix."""
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"cannot write '{output.name}': use one of {', '.join(FORMATS)}")
    scale = PNG_HEIGHT / source.height()
    size = QSize(round(source.width() * scale), PNG_HEIGHT)
    if suffix == ".png":
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        _paint(scene, source, image, QRectF(0, 0, size.width(), size.height()))
        if not image.save(str(output)):
            raise OSError(f"could not write {output}")
    elif suffix == ".svg":
        generator = QSvgGenerator()
        generator.setFileName(str(output))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle("bodymap")
        _paint(scene, source, generator, QRectF(0, 0, size.width(), size.height()))
    else:
        writer = QPdfWriter(str(output))
        writer.setTitle("bodymap")
        landscape = source.width() > source.height()
        writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 12),
        ))
        writer.setResolution(300)
        painter = QPainter(writer)
        target = QRectF(painter.viewport())
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()


def _paint(scene: QGraphicsScene, source: QRectF, device, target: QRectF) -> None:
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
