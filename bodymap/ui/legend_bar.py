"""The key to the diagram's symbols, always in view under the diagrams, in the words the list and
the rendered legend use (``wording.key_entries``) and drawn by the diagram's own code."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from bodymap import wording
from bodymap.i18n import _
from bodymap.ui import style
from bodymap.ui.grid_fit import columns_that_fit, place_in_columns

SWATCH = QSize(26, 18)


def _swatch(kind: str) -> QPixmap:
    pixmap = QPixmap(SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    style.paint_key_symbol(painter, kind, QRectF(1.5, 1.5, SWATCH.width() - 3, SWATCH.height() - 3))
    painter.end()
    return pixmap


class LegendBar(QWidget):
    """Swatch and words for each symbol, in as few rows as the width allows: one row on a wide
    window, more on a narrow or portrait one, so the words are never cut and the legend never
    forces the map wider than the screen."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(_("Key to the diagram"))
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 2, 8, 2)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(2)
        self.words: list[QLabel] = []
        self.entries: list[QWidget] = []
        for kind, text in wording.key_entries():
            entry = QWidget()
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(6)
            icon = QLabel()
            icon.setPixmap(_swatch(kind))
            words = QLabel(text)
            row.addWidget(icon)
            row.addWidget(words)
            self.words.append(words)
            self.entries.append(entry)
        self.columns = 0
        self._arrange(len(self.entries))
        self.setToolTip(_("Each likely muscle has its own colour, the same in the list."))

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        place_in_columns(self.grid, self.entries, columns, Qt.AlignmentFlag.AlignLeft)
        for column in range(len(self.entries) + 1):
            self.grid.setColumnStretch(column, 1 if column == columns else 0)

    def _columns_for(self, width: int) -> int:
        margins = self.grid.contentsMargins()
        return columns_that_fit(
            [e.sizeHint().width() for e in self.entries],
            width - margins.left() - margins.right(),
            self.grid.horizontalSpacing(),
        )

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        margins = self.grid.contentsMargins()
        widest = max(e.sizeHint().width() for e in self.entries)
        return QSize(widest + margins.left() + margins.right(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._arrange(self._columns_for(event.size().width()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        """A bigger font (the kiosk's) changes every entry's width: lay the rows out again."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.columns = 0
            self._arrange(self._columns_for(self.width()))
