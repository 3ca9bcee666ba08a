"""A client's map as a file (``.bodymap``): where it hurts and how much, the muscle shown, the
muscles ticked for the handout, the therapist's notes for this client and a free-text note.

One pydantic schema, versioned (``schema_version``); JSON, so a person can read it. Reading goes
through the same guard as every user file (size cap, regular files only, a newer format refused)
and then checks every region and muscle id against the knowledge base, so a bad file is an error
naming the file, the entry and the field, and opening it changes nothing. Qt-free.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints

from bodymap.knowledge import KnowledgeBase, Quality, Selection, Side
from bodymap.knowledge.errors import UnknownId
from bodymap.knowledge.model import Id
from bodymap.session import Pain, State
from bodymap.storage import FileProblem, read_json_model, show, write_atomically

SUFFIX = ".bodymap"
FORMAT_VERSION = 1
NOTE_CHARS = 20_000
"""The longest note kept (a page of text is about 3,000 characters)."""
Note = Annotated[str, StringConstraints(max_length=NOTE_CHARS)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Place(_Strict):
    """A region side that hurts, with how much (0-10) and, if said, what the pain feels like."""

    region: Id
    side: Side | None = Field(default=None, description="The person's side; none for a midline region.")
    intensity: StrictInt = Field(default=5, ge=0, le=10)
    quality: Quality | None = None


class Shown(_Strict):
    """The muscle on show, on a side (none: both sides)."""

    muscle: Id
    side: Side | None = None


class ClientMap(_Strict):
    """Everything a ``.bodymap`` file holds (see docs/bodymap-files.md)."""

    format: Literal["bodymap client map"] = "bodymap client map"
    schema_version: StrictInt = FORMAT_VERSION
    saved: dt.datetime = Field(description="When the file was last saved, with its time zone.")
    places: tuple[Place, ...] = Field(default=(), max_length=400)
    focus: Shown | None = None
    handout: tuple[Id, ...] | None = Field(
        default=None, max_length=200, description="Muscles ticked for the handout; none: the top few."
    )
    notes: dict[Id, Note] = Field(default_factory=dict, description="The therapist's notes for this client, by muscle.")
    note: Note = Field(default="", description="A free-text note on the client or the visit.")


class MapProblem(FileProblem):
    """A client map that cannot be opened or saved; the message names the file and what is wrong."""


def from_session(state: State, note: str, notes: dict[str, str]) -> ClientMap:
    """The file's content for a session's state, note and the notes on its muscles."""
    places = tuple(
        Place(
            region=s.region,
            side=s.side,
            intensity=state.pains[s].intensity if s in state.pains else Pain().intensity,
            quality=state.pains[s].quality if s in state.pains else None,
        )
        for s in state.selections
    )
    focus = Shown(muscle=state.focus[0], side=state.focus[1]) if state.focus else None
    return ClientMap(
        saved=dt.datetime.now().astimezone(),
        places=places,
        focus=focus,
        handout=state.picks,
        notes={m: t for m, t in notes.items() if t.strip()},
        note=note,
    )


def to_state(kb: KnowledgeBase, loaded: ClientMap, path: Path) -> State:
    """The session state a file describes, every id checked against the knowledge base."""
    selections, pains = [], {}
    for index, place in enumerate(loaded.places):
        where = f"places[{index}]"
        region = _known(kb.region, place.region, path, f"{where}.region")
        if region.paired != (place.side is not None):
            wanted = "'left' or 'right'" if region.paired else "no side (a midline region)"
            raise MapProblem(f"{show(path)}: entry '{where}.side': region '{region.id}' needs {wanted}")
        selection = Selection(region.id, place.side)
        selections.append(selection)
        pains[selection] = Pain(place.intensity, place.quality)
    focus = None
    if loaded.focus is not None:
        focus = (_known(kb.muscle, loaded.focus.muscle, path, "focus.muscle").id, loaded.focus.side)
    picks = None
    if loaded.handout is not None:
        picks = tuple(_known(kb.muscle, m, path, f"handout[{i}]").id for i, m in enumerate(loaded.handout))
    for muscle_id in loaded.notes:
        _known(kb.muscle, muscle_id, path, f"notes.{muscle_id}")
    return State(selections=tuple(dict.fromkeys(selections)), pains=pains, focus=focus, picks=picks)


def _known(lookup, item_id: str, path: Path, where: str):
    try:
        return lookup(item_id)
    except UnknownId as exc:
        raise MapProblem(f"{show(path)}: entry '{where}': {exc}") from None


def read(path: Path) -> ClientMap:
    """Read a ``.bodymap`` file; MapProblem names the file and the entry that is wrong."""
    loaded, problem = read_json_model(path, ClientMap, FORMAT_VERSION)
    if problem is not None:
        raise MapProblem(problem)
    if loaded is None:
        raise MapProblem(f"{show(path)}: no such file")
    return loaded


def write(path: Path, content: ClientMap) -> None:
    """Save in one step (a crash leaves the old file or the new one, never half of one)."""
    text = json.dumps(content.model_dump(mode="json", exclude_none=True), indent=2, ensure_ascii=False)
    try:
        write_atomically(path, text + "\n")
    except OSError as exc:
        raise MapProblem(f"{show(path)}: cannot be saved ({exc.strerror or exc})") from None
