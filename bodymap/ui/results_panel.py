"""The ranked muscles, each with its badge (rank and colour, as on the diagram) and one line of why.

Choosing a row focuses that muscle; the row in focus follows the session. The tick on each row
says whether the muscle goes into the handout (the top three until the person ticks others).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from bodymap import wording
from bodymap.i18n import _
from bodymap.knowledge import Depth
from bodymap.session import Change, Session
from bodymap.ui import style

ROLE_KEY = Qt.ItemDataRole.UserRole
CHIP = 24


@cache
def rank_chip(rank: int, rgba: int, deep: bool, size: int = CHIP) -> QIcon:
    """The candidate's badge as an icon: drawn by the diagram's own badge code, so list and map match."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    style.paint_badge(painter, QPointF(size / 2, size / 2), size / 2 - 1.5, rank, QColor.fromRgba(rgba), deep)
    painter.end()
    icon = QIcon()
    # The same picture when the row is selected: the badge draws its own background, so it stays readable.
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pixmap, mode)
    return icon


class ResultsPanel(QListWidget):
    """The ranking, best first; the current row is the muscle in focus."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("results")
        self.setAccessibleName(_("Likely muscles"))
        self.setIconSize(QSize(CHIP, CHIP))
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setUniformItemSizes(False)
        self.currentItemChanged.connect(self._chosen)
        self.itemChanged.connect(self._ticked)
        self.refresh()

    def on_change(self, change: Change) -> None:
        if change.selection or change.picks:
            self.refresh()
        elif change.focus:
            self._follow_focus()

    def refresh(self) -> None:
        self.blockSignals(True)
        self.clear()
        session = self.session
        kb = session.kb
        if not session.ranking:
            hint = QListWidgetItem(_("Click where it hurts on the diagrams, or tick a place under All regions."))
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            hint.setForeground(style.LABEL)
            self.addItem(hint)
        colors = style.muscle_colors(session.ranking, session.focus[0] if session.focus else None)
        picked = set(session.handout_muscles())
        for place, ranked in enumerate(session.ranking, 1):
            deep = ranked.muscle.depth is Depth.DEEP
            title = wording.candidate_title(ranked)
            item = QListWidgetItem(
                rank_chip(place, colors[ranked.muscle.id].rgba(), deep), f"{title}\n{wording.why(kb, ranked)}"
            )
            item.setData(ROLE_KEY, (ranked.muscle.id, ranked.side))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ranked.muscle.id in picked else Qt.CheckState.Unchecked)
            item.setToolTip(
                _("{candidate} ({depth}). Tick to put it in the handout.").format(
                    candidate=title, depth=wording.depth_name(ranked.muscle.depth)
                )
            )
            self.addItem(item)
        self._follow_focus()
        self.blockSignals(False)

    def _follow_focus(self) -> None:
        blocked = self.blockSignals(True)
        for row in range(self.count()):
            item = self.item(row)
            if item.data(ROLE_KEY) == self.session.focus:
                self.setCurrentItem(item)
                break
        else:
            self.setCurrentRow(-1)
        self.blockSignals(blocked)

    def _chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None or item.data(ROLE_KEY) is None:
            return
        muscle_id, side = item.data(ROLE_KEY)
        self.session.focus_on(muscle_id, side, source=self)

    def _ticked(self, item: QListWidgetItem) -> None:
        picks = [
            self.item(row).data(ROLE_KEY)[0]
            for row in range(self.count())
            if self.item(row).data(ROLE_KEY) and self.item(row).checkState() == Qt.CheckState.Checked
        ]
        self.session.set_picks(picks, source=self)
