"""Guards against Qt binding bugs that would take the app down in a long session."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsPathItem


def test_restyling_items_keeps_none_alive(qapp):
    """PySide6 6.12.0 decremented None on each setBrush/setPen: a kiosk would abort within minutes."""
    item = QGraphicsPathItem()
    brush = QBrush(QColor(200, 30, 40, 120), Qt.BrushStyle.Dense5Pattern)
    pen = QPen(QColor("red"), 2, Qt.PenStyle.DashLine)
    before = sys.getrefcount(None)
    for _ in range(500):
        item.setBrush(brush)
        item.setPen(pen)
    assert sys.getrefcount(None) >= before - 50
