"""Headless pictures of the diagrams and handouts for scripts and docs: no window is shown."""

from __future__ import annotations

from pathlib import Path

from bodymap.diagram import load_diagrams
from bodymap.i18n import _
from bodymap.knowledge import KnowledgeBase
from bodymap.session import Session
from bodymap.ui.app import application
from bodymap.ui.body_scene import BodyScene
from bodymap.ui.output import render_scene, write_pdf


def render(session: Session, output: Path, layout: str | None = None) -> Path:
    """Render the diagrams of a layout (the default one for None) in the session's state."""
    application(headless=True)
    scene = BodyScene(session, load_diagrams(session.kb.views), layout or session.kb.views.default_layout, legend=True)
    return render_scene(scene, scene.content_rect(), output)


def handout(session: Session, output: Path, paper: str = "auto") -> int:
    """Write the client handout of a session as a PDF; returns the page count."""
    from bodymap.notes import Notes
    from bodymap.ui.handout import draw_handout

    application(headless=True)
    notes = Notes.load(set(session.kb.muscles), writable=False)
    diagrams = load_diagrams(session.kb.views)
    return write_pdf(
        output, lambda device: draw_handout(device, session, diagrams, notes, paper), _("bodymap: your pain map")
    )


def journal_report(kb: KnowledgeBase, entries, output: Path, paper: str = "auto") -> int:
    """Write the pain journal's PDF report (the plot, the first and latest maps, every entry)."""
    from bodymap.ui.journal_report import write_report

    application(headless=True)
    return write_report(kb, entries, output, load_diagrams(kb.views), paper)
