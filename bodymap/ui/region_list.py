"""Every region side as a checkable list, grouped by body area and kept in step with the map.

This is the keyboard and screen-reader path to every region: arrows move, Space checks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from bodymap.knowledge import Selection
from bodymap.ui.state import SessionState

ROLE_SELECTION = Qt.ItemDataRole.UserRole


class RegionList(QTreeWidget):
    """Regions by area; a checked row is a selected region side."""

    def __init__(self, state: SessionState, parent=None):
        super().__init__(parent)
        self.state = state
        self.setHeaderHidden(True)
        self.setAccessibleName("Regions where it can hurt")
        self.rows: dict[Selection, QTreeWidgetItem] = {}
        self._build()
        self.itemChanged.connect(self._toggled)
        state.changed.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        areas: dict[str, QTreeWidgetItem] = {}
        for region in self.state.kb.regions.values():
            area = areas.get(region.area.value)
            if area is None:
                area = QTreeWidgetItem(self, [region.area.label])
                area.setFlags(Qt.ItemFlag.ItemIsEnabled)
                areas[region.area.value] = area
            for side in region.sides:
                row = QTreeWidgetItem(area, [region.name_on(side)])
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(0, Qt.CheckState.Unchecked)
                row.setToolTip(0, region.description)
                selection = Selection(region.id, side)
                row.setData(0, ROLE_SELECTION, selection)
                self.rows[selection] = row
        self.expandAll()

    def refresh(self) -> None:
        self.blockSignals(True)
        selected = set(self.state.selections)
        for selection, row in self.rows.items():
            row.setCheckState(0, Qt.CheckState.Checked if selection in selected else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def _toggled(self, item: QTreeWidgetItem, _column: int) -> None:
        selection = item.data(0, ROLE_SELECTION)
        if isinstance(selection, Selection):
            checked = item.checkState(0) == Qt.CheckState.Checked
            if checked != (selection in self.state.selections):
                self.state.toggle(selection)
