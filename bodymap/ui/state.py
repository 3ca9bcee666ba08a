"""What changes while the app is used, in one place: selected regions, the muscle in focus.

Widgets read from this object and redraw when it says ``changed``; none of them tells
another what to do. The ranking is derived here from the selection (by the knowledge
core), so every widget sees the same list.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from bodymap.knowledge import KnowledgeBase, RankedMuscle, Selection, Side, rank


class SessionState(QObject):
    """Selections, the ranked muscles they imply, and the muscle in focus."""

    changed = Signal()

    def __init__(self, kb: KnowledgeBase, parent: QObject | None = None):
        super().__init__(parent)
        self.kb = kb
        self._selections: tuple[Selection, ...] = ()
        self._ranking: tuple[RankedMuscle, ...] = ()
        self._places: dict[tuple[str, Side | None], int] = {}
        self._focus: tuple[str, Side | None] | None = None

    @property
    def selections(self) -> tuple[Selection, ...]:
        return self._selections

    @property
    def ranking(self) -> tuple[RankedMuscle, ...]:
        return self._ranking

    @property
    def focus(self) -> tuple[str, Side | None] | None:
        """(muscle id, side) of the muscle whose details and referral pattern are shown."""
        return self._focus

    def toggle(self, selection: Selection) -> None:
        """Select a region side, or deselect it if it was selected (a second click)."""
        if selection in self._selections:
            self.set_selections(s for s in self._selections if s != selection)
        else:
            self.set_selections((*self._selections, selection))

    def set_selections(self, selections: Iterable[Selection]) -> None:
        selections = tuple(dict.fromkeys(selections))
        if selections == self._selections:
            return
        self._selections = selections
        self._set_ranking(tuple(rank(self.kb, selections)))
        if self._focus is not None and self._focus[0] not in {r.muscle.id for r in self._ranking}:
            self._focus = None
        if self._focus is None and self._ranking:
            top = self._ranking[0]
            self._focus = (top.muscle.id, top.side)
        self.changed.emit()

    def set_focus(self, muscle_id: str | None, side: Side | None = None) -> None:
        """Show one muscle (from the list, a search or a click); None clears the focus."""
        focus = None if muscle_id is None else (self.kb.muscle(muscle_id).id, side)
        if focus != self._focus:
            self._focus = focus
            self.changed.emit()

    def focus_muscle(self, muscle_id: str) -> None:
        """Show a muscle chosen by name: on the side the ranking puts it, else on both sides."""
        side = next((r.side for r in self._ranking if r.muscle.id == muscle_id), None)
        self.set_focus(muscle_id, side)

    def clear(self) -> None:
        """Forget every selection and the focus (Esc, or a kiosk reset)."""
        if self._selections or self._focus is not None:
            self._selections, self._focus = (), None
            self._set_ranking(())
            self.changed.emit()

    def _set_ranking(self, ranking: tuple[RankedMuscle, ...]) -> None:
        self._ranking = ranking
        self._places = {}
        for place, ranked in enumerate(ranking, 1):
            self._places.setdefault((ranked.muscle.id, ranked.side), place)

    def rank_of(self, muscle_id: str, side: Side | None) -> int | None:
        """1-based rank of a muscle on a side (or ranked for either side) in the current ranking."""
        return self._places.get((muscle_id, side)) or self._places.get((muscle_id, None))
