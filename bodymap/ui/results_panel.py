"""The ranked muscles, each with its rank colour and one line of why; choosing one focuses it."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from bodymap.knowledge import Depth, Side, describe
from bodymap.ui import style
from bodymap.ui.state import SessionState

ROLE_KEY = Qt.ItemDataRole.UserRole


@cache
def rank_chip(rank: int, deep: bool, size: int = 22) -> QIcon:
    """A small swatch in the rank colour; dashed border for a deep muscle, as on the diagram."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = style.rank_color(rank)
    painter.setBrush(style.tinted(color, 110 if deep else 200))
    border = QPen(color.darker(140), 2, Qt.PenStyle.DashLine if deep else Qt.PenStyle.SolidLine)
    painter.setPen(border)
    painter.drawRoundedRect(2, 2, size - 4, size - 4, 4, 4)
    painter.setPen(QColor("white") if not deep else color.darker(160))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, str(rank) if rank <= 99 else "")
    painter.end()
    return QIcon(pixmap)


class ResultsPanel(QListWidget):
    """The ranking, best first; the current row is the muscle in focus."""

    def __init__(self, state: SessionState, parent=None):
        super().__init__(parent)
        self.state = state
        self.setAccessibleName("Likely muscles")
        self.setIconSize(QSize(22, 22))
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setUniformItemSizes(False)
        self.currentItemChanged.connect(self._chosen)
        state.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.blockSignals(True)
        self.clear()
        kb = self.state.kb
        if not self.state.ranking:
            hint = QListWidgetItem("Click where it hurts on the diagrams, or choose a region in the list.")
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(hint)
        for place, ranked in enumerate(self.state.ranking, 1):
            deep = ranked.muscle.depth is Depth.DEEP
            item = QListWidgetItem(rank_chip(place, deep), f"{ranked.title}\n{describe(kb, ranked)}")
            item.setData(ROLE_KEY, (ranked.muscle.id, ranked.side))
            item.setToolTip(f"{ranked.muscle.name}{' (deep)' if deep else ''}: {describe(kb, ranked)}")
            self.addItem(item)
            if self.state.focus == (ranked.muscle.id, ranked.side):
                self.setCurrentItem(item)
        self.blockSignals(False)

    def _chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None or item.data(ROLE_KEY) is None:
            return
        muscle_id, side = item.data(ROLE_KEY)
        self.state.set_focus(muscle_id, side if isinstance(side, Side) else None)
