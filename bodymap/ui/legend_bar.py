"""The key to the diagram's symbols, always in view under the diagrams.

Rank colours are keyed by the chips in the results list; this strip explains the rest:
where it hurts, the essential and spillover zones, trigger points, and dashed deep muscles.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from bodymap.ui import style

SWATCH = QSize(26, 16)


def _swatch(kind: str) -> QPixmap:
    pixmap = QPixmap(SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    style.paint_key_symbol(painter, kind, QRectF(1.5, 1.5, SWATCH.width() - 3, SWATCH.height() - 3))
    painter.end()
    return pixmap


class LegendBar(QWidget):
    """A single row: swatch, words, swatch, words..."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Key to the diagram")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(6)
        for kind, text in style.KEY:
            icon = QLabel()
            icon.setPixmap(_swatch(kind))
            words = QLabel(text)
            layout.addWidget(icon)
            layout.addWidget(words)
            layout.addSpacing(10)
        layout.addStretch(1)
        self.setToolTip("Rank colours are shown beside each muscle in the list.")
