"""The journal's plot: how much each place hurt over time, the worst of each entry as a bold line,
and a mark on the days a muscle was worked on. pyqtgraph, imported when the plot is first made
(the journal view or its PDF report), never at start-up."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from bodymap import wording
from bodymap.i18n import _
from bodymap.journal import Entry, series
from bodymap.knowledge import KnowledgeBase
from bodymap.ui import style

WORST = QColor("#1B1B1B")
WORKED = style.SELECTED
PLACES_DRAWN = 8
DOTS_UP_TO = 200
"""A line shows a dot per entry up to this many points; past it the dots would merge into a band
(and cost most of the drawing), so the line alone shows the trend."""
"""Places drawn as their own line (the most recorded); the worst-of-each-entry line covers the rest."""


def make_plot(parent: QWidget | None = None):
    """A pyqtgraph plot widget with a date axis and the 0-10 scale, on a white background."""
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    plot = pg.PlotWidget(parent=parent, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
    plot.setYRange(0, 10.5, padding=0)
    plot.setLimits(yMin=-0.5, yMax=11)
    plot.setLabel("left", _("How much it hurt (0-10)"))
    plot.showGrid(x=False, y=True, alpha=0.25)
    # The key goes in a row under the dates, never over the lines it explains.
    legend = pg.LegendItem(labelTextSize="9pt", colCount=3)
    plot.plotItem.layout.addItem(legend, 4, 1)
    plot.plotItem.legend = legend
    plot.setMenuEnabled(False)
    plot.setAccessibleName(_("Pain over time"))
    return plot


def draw(plot, kb: KnowledgeBase, entries: Sequence[Entry]) -> None:
    """Draw the entries on a plot made by make_plot (everything on it is replaced)."""
    import pyqtgraph as pg

    plot.clear()
    legend = plot.plotItem.legend
    if legend is not None:
        legend.clear()
    if not entries:
        return
    times = [e.at.timestamp() for e in entries]
    by_place = sorted(series(entries).items(), key=lambda item: -len(item[1]))
    for index, (selection, points) in enumerate(by_place[:PLACES_DRAWN]):
        color = style.muscle_color(index)
        dots = {"symbol": "o", "symbolSize": 6, "symbolBrush": color, "symbolPen": None}
        plot.plot(
            [at.timestamp() for at, _value in points],
            [value for _at, value in points],
            pen=pg.mkPen(color, width=2),
            name=wording.selection_name(kb, selection),
            **(dots if len(points) <= DOTS_UP_TO else {}),
        )
    plot.plot(
        times,
        [e.worst for e in entries],
        pen=pg.mkPen(WORST, width=2, style=Qt.PenStyle.DashLine),
        name=_("The worst place that day"),
    )
    worked = [(e.at.timestamp(), 0.3) for e in entries if e.muscles]
    if worked:
        plot.plot(
            [t for t, _y in worked],
            [y for _t, y in worked],
            pen=None,
            symbol="t1",
            symbolSize=11,
            symbolBrush=WORKED,
            symbolPen=None,
            name=_("A muscle was worked on"),
        )
    span = max(times[-1] - times[0], 86_400.0)
    plot.setXRange(times[0] - span * 0.03, times[-1] + span * 0.03, padding=0)
