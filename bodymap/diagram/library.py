"""The shipped diagrams by view id, each parsed the first time it is needed.

A window that opens on the front and back views never reads the close-ups' files; opening a
close-up reads its file once (from the geometry cache, a few milliseconds).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache

from bodymap.diagram.diagram import Diagram
from bodymap.diagram.svg_file import read_diagram
from bodymap.knowledge.views import ViewFile
from bodymap.resources import asset


class Diagrams(Mapping[str, Diagram]):
    """Every view of the registry, by id; reading a view's file happens on first access."""

    def __init__(self, views: ViewFile):
        self._files = {view.id: view.file for view in views.view}
        self._loaded: dict[str, Diagram] = {}

    def __getitem__(self, view_id: str) -> Diagram:
        diagram = self._loaded.get(view_id)
        if diagram is None:
            diagram = self._loaded[view_id] = read_diagram(asset(self._files[view_id]), view_id)
        return diagram

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


@cache
def load_diagrams(views: ViewFile) -> Diagrams:
    """The shipped diagrams for a view registry, shared by the whole process."""
    return Diagrams(views)
