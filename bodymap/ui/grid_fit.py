"""How many columns a grid of widgets can have in a given width, so no widget is squeezed below the
width its words need: one rule for every grid that reflows (the legend, the kiosk's bars and pages)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget


def columns_that_fit(widths: Sequence[int], room: int, spacing: int, most: int | None = None) -> int:
    """The most columns (at most ``most``) whose widest cells, side by side, fit in ``room`` pixels;
    a grid's column is as wide as its widest cell. At least one column."""
    count = len(widths)
    for columns in range(min(count, most or count), 1, -1):
        needed = sum(max(widths[c::columns]) for c in range(columns)) + spacing * (columns - 1)
        if needed <= room:
            return columns
    return 1


def place_in_columns(
    grid: QGridLayout, widgets: Sequence[QWidget], columns: int, align: Qt.AlignmentFlag | None = None
) -> None:
    """Lay widgets out row by row in ``columns`` columns (taken out first, so a reflow moves them)."""
    for widget in widgets:
        grid.removeWidget(widget)
    for index, widget in enumerate(widgets):
        if align is None:
            grid.addWidget(widget, index // columns, index % columns)
        else:
            grid.addWidget(widget, index // columns, index % columns, align)
