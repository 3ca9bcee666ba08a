"""Headless pictures of the diagrams for scripts, docs and handouts: no window is shown."""

from __future__ import annotations

from pathlib import Path

from bodymap.diagram import load_diagrams
from bodymap.knowledge import KnowledgeBase, Selection
from bodymap.ui.app import application
from bodymap.ui.body_scene import BodyScene
from bodymap.ui.render import render_scene
from bodymap.ui.state import SessionState


def render(
    kb: KnowledgeBase,
    output: Path,
    view: str | None = None,
    selections: list[Selection] | None = None,
    muscle: str | None = None,
) -> None:
    """Render the diagrams (a layout id; None for the default) in the given state to ``output``."""
    application(headless=True)
    state = SessionState(kb)
    state.set_selections(selections or [])
    if muscle is not None:
        state.focus_muscle(muscle)
    scene = BodyScene(load_diagrams(kb.views), state, legend=True)
    render_scene(scene, scene.view_rect(None if view in (None, 'both') else view), output)


def handout(
    kb: KnowledgeBase,
    output: Path,
    selections: list[Selection],
    muscles: list[str],
    paper: str = "auto",
) -> int:
    """Write the client handout as a PDF; returns the page count."""
    from PySide6.QtGui import QPdfWriter

    from bodymap.notes import Notes
    from bodymap.ui.handout import draw_handout

    application(headless=True)
    writer = QPdfWriter(str(output))
    writer.setResolution(300)
    writer.setTitle("bodymap: your pain map")
    writer.setCreator("bodymap")
    notes = Notes.load(set(kb.muscles))
    return draw_handout(writer, kb, load_diagrams(kb.views), selections, muscles, notes, paper)
