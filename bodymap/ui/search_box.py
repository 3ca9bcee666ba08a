"""Search by muscle name, synonym or region name, with completion as you type."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from bodymap.knowledge import Selection
from bodymap.knowledge.search import Kind, SearchEntry, find, search_entries
from bodymap.ui.state import SessionState


class SearchBox(QLineEdit):
    """Choosing a muscle focuses it (showing where it sends pain); choosing a region selects it."""

    def __init__(self, state: SessionState, parent=None):
        super().__init__(parent)
        self.state = state
        self.entries = {e.text: e for e in search_entries(state.kb)}
        self.setPlaceholderText("Search a muscle or a place (Ctrl+F)")
        self.setAccessibleName("Search muscles and regions")
        self.setClearButtonEnabled(True)
        completer = QCompleter(QStringListModel(list(self.entries)), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self.choose)
        self.setCompleter(completer)
        self.returnPressed.connect(lambda: self.choose(self.text()))

    def choose(self, text: str) -> SearchEntry | None:
        """Act on typed or completed text; returns what it chose (None when nothing matched)."""
        entry = self.entries.get(text) or find(self.state.kb, text)
        if entry is None:
            self.setStyleSheet("QLineEdit { border: 2px solid #c0392b; }")
            self.setToolTip(f"Nothing found for '{text}'")
            return None
        self.setStyleSheet("")
        self.setToolTip("")
        if entry.kind is Kind.MUSCLE:
            self.state.focus_muscle(entry.target)
        else:
            selection = Selection(entry.target, entry.side)
            if selection not in self.state.selections:
                self.state.toggle(selection)
        return entry
