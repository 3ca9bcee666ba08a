"""Search by muscle name, synonym, place or complaint ('sciatica'), with suggestions as you type.

Choosing a muscle shows it (where it sends pain); choosing a place selects it on the side chosen.
Enter acts only on text that names one choice exactly; text that fits several (a place named
without its side, a partial word) opens the suggestions instead of taking the first.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from bodymap import wording
from bodymap.i18n import _
from bodymap.knowledge.search import Kind, SearchEntry, matches, search_entries
from bodymap.session import Session

INVALID_STYLE = "QLineEdit { border: 2px solid #b3261e; }"


class SearchBox(QLineEdit):
    """One line of text; its completer lists every choice that fits what is typed."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.entries = search_entries(session.kb, wording.place_on)
        self.by_text = {e.text: e for e in self.entries}
        self.setObjectName("search")
        self.setPlaceholderText(_("Search a muscle, a place or a complaint (Ctrl+F)"))
        self.setAccessibleName(_("Search muscles, places and complaints"))
        self.setClearButtonEnabled(True)
        # The model must outlive this constructor: a completer does not keep it alive by itself.
        self.model = QStringListModel([e.text for e in self.entries], self)
        completer = QCompleter(self.model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self.choose)
        self.setCompleter(completer)
        self.returnPressed.connect(self._enter)
        self.textEdited.connect(lambda _text: self._mark(True))

    def _enter(self) -> None:
        popup = self.completer().popup()
        if popup is not None and popup.isVisible() and popup.currentIndex().isValid():
            return  # the completer's own activation handles it
        found = matches(self.entries, self.text())
        if len(found) == 1 or (found and found[0].text.lower() == self.text().strip().lower()):
            self.choose(found[0].text)
        elif found:
            self.offer()
        else:
            self._mark(False)

    def offer(self) -> None:
        """Open the suggestions for what is typed, for the person to pick one."""
        completer = self.completer()
        completer.setCompletionPrefix(self.text().strip())
        completer.complete()
        popup = completer.popup()
        if popup is not None:
            popup.setCurrentIndex(completer.completionModel().index(0, 0))

    def choose(self, text: str) -> SearchEntry | None:
        """Act on one choice by its text; returns it (None when nothing has that text)."""
        entry = self.by_text.get(text)
        if entry is None:
            self._mark(False)
            return None
        self._mark(True)
        if entry.kind is Kind.MUSCLE and entry.muscle is not None:
            self.session.focus_muscle(entry.muscle, source=self)
        else:
            missing = [s for s in entry.selections if s not in self.session.selections]
            self.session.set_selections([*self.session.selections, *missing], source=self)
        return entry

    def _mark(self, ok: bool) -> None:
        self.setStyleSheet("" if ok else INVALID_STYLE)
        self.setToolTip("" if ok else _("Nothing found for “{text}”").format(text=self.text()))
