"""Every region side as a checkable list, grouped by body area and kept in step with the map.

This is the keyboard and screen-reader path to every region, close-ups included: arrows move,
Space ticks, and the focus stays in the list so a second region can be ticked straight away.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from bodymap import wording
from bodymap.i18n import _
from bodymap.knowledge import Selection
from bodymap.session import Change, Session

ROLE_SELECTION = Qt.ItemDataRole.UserRole


class RegionList(QTreeWidget):
    """Regions by area; a checked row is a selected region side."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setHeaderHidden(True)
        self.setAccessibleName(_("All regions"))
        self.rows: dict[Selection, QTreeWidgetItem] = {}
        self._build()
        self.itemChanged.connect(self._toggled)
        self.refresh()

    def _build(self) -> None:
        areas: dict[str, QTreeWidgetItem] = {}
        for region in self.session.kb.regions.values():
            area = areas.get(region.area.value)
            if area is None:
                area = QTreeWidgetItem(self, [wording.area_name(region.area)])
                area.setFlags(Qt.ItemFlag.ItemIsEnabled)
                areas[region.area.value] = area
            for side in region.sides:
                row = QTreeWidgetItem(area, [wording.region_name(region, side)])
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(0, Qt.CheckState.Unchecked)
                row.setToolTip(0, region.description)
                selection = Selection(region.id, side)
                row.setData(0, ROLE_SELECTION, selection)
                self.rows[selection] = row
        self.expandAll()

    def on_change(self, change: Change) -> None:
        if change.selection:
            self.refresh()

    def refresh(self) -> None:
        self.blockSignals(True)
        selected = set(self.session.selections)
        for selection, row in self.rows.items():
            row.setCheckState(0, Qt.CheckState.Checked if selection in selected else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def _toggled(self, item: QTreeWidgetItem, _column: int) -> None:
        selection = item.data(0, ROLE_SELECTION)
        if isinstance(selection, Selection):
            checked = item.checkState(0) == Qt.CheckState.Checked
            if checked != (selection in self.session.selections):
                self.session.toggle(selection, source=self)
