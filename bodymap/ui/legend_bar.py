"""The key to the diagram's symbols, always in view under the diagrams, in the words the list and
the rendered legend use (``wording.key_entries``) and drawn by the diagram's own code."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from bodymap import wording
from bodymap.i18n import _
from bodymap.ui import style

SWATCH = QSize(26, 18)


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
        self.setAccessibleName(_("Key to the diagram"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(6)
        self.words: list[QLabel] = []
        for kind, text in wording.key_entries():
            icon = QLabel()
            icon.setPixmap(_swatch(kind))
            words = QLabel(text)
            self.words.append(words)
            layout.addWidget(icon)
            layout.addWidget(words)
            layout.addSpacing(10)
        layout.addStretch(1)
        self.setToolTip(_("Each likely muscle has its own colour, the same in the list."))
