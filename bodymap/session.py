"""What changes while bodymap is used, in one place: the session model. No Qt.

Selections (with how much each place hurts), the muscle in focus, the diagrams shown, the
mode, the zoom the person asked for, and the muscles ticked for the handout live here and
nowhere else. Every transition is a method that returns a :class:`Change` saying which parts
changed (in the spirit of Anki's ``OpChanges``) and tells the listeners; the Qt layer re-emits
that record as a signal and each widget redraws only what concerns it. The focus policy, the
presentation order and the handout's choice of muscles are rules of this model, so the
window, the handout and the command line share them. Undo and redo restore earlier states of
the selection and focus.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum

from bodymap.events import Listeners
from bodymap.knowledge.base import KnowledgeBase
from bodymap.knowledge.model import Quality, Side
from bodymap.knowledge.ranking import RankedMuscle, rank
from bodymap.knowledge.selection import Selection

UNDO_STEPS = 200
"""How many earlier states undo can go back to."""
DEFAULT_INTENSITY = 5
HANDOUT_MUSCLES = 3
"""Muscles a handout describes when the person ticked none: the most likely few."""
ZOOM_RANGE = (1.0, 8.0)

Focus = tuple[str, Side | None]
"""(muscle id, side) of the muscle in focus; side None means both sides."""


class Mode(str, Enum):
    """What the window is doing: ordinary use, presenting at the table, or a kiosk (welcome or in use)."""

    NORMAL = "normal"
    PRESENTING = "presenting"
    KIOSK_WELCOME = "kiosk_welcome"
    KIOSK_ACTIVE = "kiosk_active"

    @property
    def kiosk(self) -> bool:
        return self in (Mode.KIOSK_WELCOME, Mode.KIOSK_ACTIVE)


@dataclass(frozen=True)
class Pain:
    """How one selected place hurts: an intensity 0-10 and, optionally, what the pain feels like."""

    intensity: int = DEFAULT_INTENSITY
    quality: Quality | None = None


@dataclass(frozen=True)
class Change:
    """What a transition changed; falsy when nothing did. ``source`` is whoever asked for it,
    so a widget can skip redrawing for a change it made itself."""

    selection: bool = False
    focus: bool = False
    layout: bool = False
    mode: bool = False
    zoom: bool = False
    picks: bool = False
    document: bool = False
    """The client map's file, its note, or whether it has unsaved changes."""
    source: object = field(default=None, compare=False)

    def __bool__(self) -> bool:
        return self.selection or self.focus or self.layout or self.mode or self.zoom or self.picks or self.document

    def __or__(self, other: Change) -> Change:
        return Change(
            selection=self.selection or other.selection,
            focus=self.focus or other.focus,
            layout=self.layout or other.layout,
            mode=self.mode or other.mode,
            zoom=self.zoom or other.zoom,
            picks=self.picks or other.picks,
            document=self.document or other.document,
            source=self.source if self.source is not None else other.source,
        )


NOTHING = Change()


@dataclass(frozen=True)
class State:
    """The part of a session that undo restores and a saved map holds."""

    selections: tuple[Selection, ...] = ()
    pains: Mapping[Selection, Pain] = field(default_factory=dict)
    focus: Focus | None = None
    picks: tuple[str, ...] | None = None
    """Muscle ids ticked for the handout; None means the default (the top few)."""


@dataclass(frozen=True)
class Document:
    """The client map this session is: the file it was opened from or saved to (None: not yet
    saved), a free-text note, and the therapist's notes for this client that the file brought."""

    path: str | None = None
    note: str = ""
    notes: Mapping[str, str] = field(default_factory=dict)


class Session:
    """One person's use of the map; transitions return what changed and tell the listeners."""

    def __init__(self, kb: KnowledgeBase, layout: str | None = None, mode: Mode = Mode.NORMAL):
        self.kb = kb
        self.listeners: Listeners[Change] = Listeners()
        self._state = State()
        self._layout = kb.layout(layout).id if layout else kb.views.default_layout
        self._mode = mode
        self._zoom = 1.0
        self._ranking: tuple[RankedMuscle, ...] = ()
        self._places: dict[Focus, int] = {}
        self._undo: list[State] = []
        self._redo: list[State] = []
        self._coalescing: object = None
        """What the last undoable change was about, when consecutive ones make one undo step."""
        self._document = Document()
        self._saved: tuple[State, str] = (State(), "")
        """The state and note as last saved or opened: anything else is an unsaved change."""

    # -- reading ----------------------------------------------------------------------------
    @property
    def state(self) -> State:
        return self._state

    @property
    def selections(self) -> tuple[Selection, ...]:
        return self._state.selections

    def pain(self, selection: Selection) -> Pain:
        return self._state.pains.get(selection, Pain())

    @property
    def intensities(self) -> dict[Selection, int]:
        return {s: self.pain(s).intensity for s in self._state.selections}

    @property
    def focus(self) -> Focus | None:
        return self._state.focus

    @property
    def ranking(self) -> tuple[RankedMuscle, ...]:
        """The candidates for the selections, best first (derived, never set)."""
        return self._ranking

    @property
    def layout(self) -> str:
        """The id of the layout shown (a view, or views side by side)."""
        return self._layout

    @property
    def mode(self) -> Mode:
        return self._mode

    @property
    def zoom(self) -> float:
        """The zoom asked for: 1 fits the layout to the window."""
        return self._zoom

    def rank_of(self, muscle_id: str, side: Side | None) -> int | None:
        """1-based rank of a muscle on a side (or ranked for either side) in the current ranking."""
        return self._places.get((muscle_id, side)) or self._places.get((muscle_id, None))

    def ranked(self, focus: Focus | None) -> RankedMuscle | None:
        """The ranking entry of a focus, if the muscle is ranked on that side."""
        place = self._places.get(focus) if focus else None
        return self._ranking[place - 1] if place else None

    def handout_muscles(self) -> list[str]:
        """The muscles a handout describes: those ticked, else the focus when nothing is
        selected (a muscle found by search), else the top few of the ranking."""
        if self._state.picks is not None:
            return list(self._state.picks)
        if not self._state.selections:
            return [self._state.focus[0]] if self._state.focus else []
        return list(dict.fromkeys(r.muscle.id for r in self._ranking))[:HANDOUT_MUSCLES]

    @property
    def document(self) -> Document:
        return self._document

    @property
    def modified(self) -> bool:
        """Whether the map differs from its file (or, never saved, from an empty map)."""
        return (self._state, self._document.note) != self._saved

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    # -- selection and focus (undoable) -----------------------------------------------------
    def toggle(self, selection: Selection, source: object = None) -> Change:
        """Select a region side, or deselect it if it was selected (a second click or tap)."""
        self.kb.region(selection.region)
        if selection in self._state.selections:
            return self.set_selections([s for s in self._state.selections if s != selection], source)
        return self.set_selections([*self._state.selections, selection], source)

    def set_selections(self, selections: Iterable[Selection], source: object = None) -> Change:
        """Select exactly these region sides, keeping what is known of how each hurts."""
        chosen = tuple(dict.fromkeys(selections))
        pains = {s: p for s, p in self._state.pains.items() if s in chosen}
        return self._commit(replace(self._state, selections=chosen, pains=pains), source)

    def set_intensity(self, selection: Selection, intensity: int, source: object = None) -> Change:
        """Say how much a selected place hurts, 0-10; dragging a slider makes one undo step."""
        pain = replace(self.pain(selection), intensity=max(0, min(10, int(intensity))))
        return self._set_pain(selection, pain, source, coalesce=("intensity", selection))

    def set_quality(self, selection: Selection, quality: Quality | None, source: object = None) -> Change:
        """Say what the pain in a selected place feels like (None: not said)."""
        return self._set_pain(selection, replace(self.pain(selection), quality=quality), source)

    def _set_pain(self, selection: Selection, pain: Pain, source: object, coalesce: object = None) -> Change:
        if selection not in self._state.selections:
            return NOTHING
        pains = dict(self._state.pains) | {selection: pain}
        return self._commit(replace(self._state, pains=pains), source, coalesce)

    def focus_on(self, muscle_id: str | None, side: Side | None = None, source: object = None) -> Change:
        """Show one muscle (chosen in the list, found by search, tapped on the diagram); None clears."""
        focus = None if muscle_id is None else (self.kb.muscle(muscle_id).id, side)
        return self._commit(replace(self._state, focus=focus), source)

    def focus_muscle(self, muscle_id: str, source: object = None) -> Change:
        """Show a muscle chosen by name: on the side the ranking puts it, else on both sides."""
        side = next((r.side for r in self._ranking if r.muscle.id == muscle_id), None)
        return self.focus_on(muscle_id, side, source)

    def step(self, delta: int, source: object = None) -> Change:
        """Focus the next (+1) or previous (-1) candidate of the ranking: the presentation order."""
        keys = [(r.muscle.id, r.side) for r in self._ranking]
        if not keys:
            return NOTHING
        place = keys.index(self._state.focus) if self._state.focus in keys else -1
        muscle_id, side = keys[max(0, min(len(keys) - 1, place + delta))]
        return self.focus_on(muscle_id, side, source)

    def clear(self, source: object = None) -> Change:
        """Forget every selection and the focus (undoable)."""
        return self._commit(State(), source)

    def set_picks(self, muscle_ids: Iterable[str] | None, source: object = None) -> Change:
        """Tick exactly these muscles for the handout (None: back to the default top few)."""
        picks = None if muscle_ids is None else tuple(self.kb.muscle(m).id for m in dict.fromkeys(muscle_ids))
        return self._commit(replace(self._state, picks=picks), source)

    def restore(self, state: State, source: object = None) -> Change:
        """Show a saved state (an opened map); undo goes back to what was there before."""
        for selection in state.selections:
            self.kb.region(selection.region)
        if state.focus:
            self.kb.muscle(state.focus[0])
        return self._commit(state, source)

    def undo(self, source: object = None) -> Change:
        if not self._undo:
            return NOTHING
        self._redo.append(self._state)
        return self._apply(self._undo.pop(), source)

    def redo(self, source: object = None) -> Change:
        if not self._redo:
            return NOTHING
        self._undo.append(self._state)
        return self._apply(self._redo.pop(), source)

    def reset(self, source: object = None) -> Change:
        """Forget the visitor entirely (kiosk): selections, focus, zoom, layout and history."""
        change = self.new_document(source)
        return change | self.set_layout(self.kb.views.default_layout, source) | self.set_zoom(1.0, source)

    # -- the client map as a document ------------------------------------------------------
    def set_note(self, note: str, source: object = None) -> Change:
        """The free-text note on this client or visit (saved with the map)."""
        if note == self._document.note:
            return NOTHING
        self._document = replace(self._document, note=note)
        return self._tell(Change(document=True, source=source))

    def new_document(self, source: object = None) -> Change:
        """An empty map with no file (File > New); the history of the last one is forgotten."""
        return self.open_document(None, State(), "", {}, source)

    def open_document(
        self, path: str | None, state: State, note: str, notes: Mapping[str, str], source: object = None
    ) -> Change:
        """Show a map read from a file, as a fresh document: nothing to undo, nothing unsaved."""
        change = self._apply(state, source)
        self._undo.clear()
        self._redo.clear()
        self._document = Document(path, note, dict(notes))
        self._saved = (self._state, note)
        return self._tell(change | Change(document=True, source=source))

    def mark_saved(self, path: str, notes: Mapping[str, str] | None = None, source: object = None) -> Change:
        """The map was written to ``path``: that file is now the document, with nothing unsaved."""
        self._document = replace(
            self._document, path=path, notes=dict(notes) if notes is not None else self._document.notes
        )
        self._saved = (self._state, self._document.note)
        return self._tell(Change(document=True, source=source))

    def take_over(self, other: Session, source: object = None) -> Change:
        """Carry on another session's map here, history and unsaved changes included (the window was
        built again, in another language)."""
        self._undo, self._redo = list(other._undo), list(other._redo)
        self._document, self._saved = other._document, other._saved
        change = self._apply(other._state, source)
        return change | self.set_layout(other._layout, source) | self.set_zoom(other._zoom, source)

    # -- what is shown (not undoable) -------------------------------------------------------
    def set_layout(self, layout_id: str, source: object = None) -> Change:
        """Show a layout (both views, one view, a close-up); the zoom goes back to fit."""
        layout = self.kb.layout(layout_id).id
        if layout == self._layout:
            return NOTHING
        self._layout, self._zoom = layout, 1.0
        return self._tell(Change(layout=True, zoom=True, source=source))

    def set_zoom(self, zoom: float, source: object = None) -> Change:
        zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], zoom))
        if abs(zoom - self._zoom) < 1e-9:
            return NOTHING
        self._zoom = zoom
        return self._tell(Change(zoom=True, source=source))

    def set_mode(self, mode: Mode, source: object = None) -> Change:
        if mode is self._mode:
            return NOTHING
        self._mode = mode
        change = Change(mode=True, source=source)
        if mode is Mode.PRESENTING and self._state.focus is None and self._ranking:
            top = self._ranking[0]
            self._state = replace(self._state, focus=(top.muscle.id, top.side))
            change = change | Change(focus=True)
        return self._tell(change)

    # -- machinery --------------------------------------------------------------------------
    def _commit(self, new: State, source: object, coalesce: object = None) -> Change:
        """Apply an undoable change; consecutive changes of one kind (dragging an intensity) make one step."""
        if new == self._state:
            return NOTHING
        if coalesce is None or coalesce != self._coalescing:
            self._undo.append(self._state)
            del self._undo[:-UNDO_STEPS]
        self._redo.clear()
        change = self._apply(new, source)
        self._coalescing = coalesce
        return change

    def _apply(self, new: State, source: object) -> Change:
        old = self._state
        selection_changed = new.selections != old.selections or new.pains != old.pains
        if selection_changed:
            self._set_ranking(tuple(rank(self.kb, new.selections, {s: p.intensity for s, p in new.pains.items()})))
        new = self._focus_policy(old, new, selection_changed)
        self._state = new
        self._coalescing = None
        return self._tell(
            Change(
                selection=selection_changed,
                focus=new.focus != old.focus,
                picks=new.picks != old.picks,
                document=(old, self._document.note) == self._saved or (new, self._document.note) == self._saved,
                source=source,
            )
        )

    def _focus_policy(self, old: State, new: State, selection_changed: bool) -> State:
        """When the selection changes, a focus no longer among the candidates gives way to the top one.
        A muscle found by search stays in focus while nothing is selected."""
        if not selection_changed or new.focus != old.focus:
            return new
        ranked_ids = {r.muscle.id for r in self._ranking}
        focus = new.focus
        if focus is not None and new.selections and focus[0] not in ranked_ids:
            focus = None
        if focus is None and self._ranking:
            focus = (self._ranking[0].muscle.id, self._ranking[0].side)
        if not new.selections and old.selections:
            focus = None
        return replace(new, focus=focus)

    def _set_ranking(self, ranking: tuple[RankedMuscle, ...]) -> None:
        self._ranking = ranking
        self._places = {}
        for place, ranked in enumerate(ranking, 1):
            self._places.setdefault((ranked.muscle.id, ranked.side), place)

    def _tell(self, change: Change) -> Change:
        if change:
            self.listeners.emit(change)
        return change
