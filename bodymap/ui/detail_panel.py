"""Everything about the muscle in focus, as readable text that scrolls."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTextBrowser

from bodymap.knowledge import describe
from bodymap.ui.muscle_html import muscle_html
from bodymap.ui.state import SessionState

CSS = """
h2 { font-size: 22px; margin: 0 0 2px 0; }
h3 { font-size: 16px; margin: 14px 0 4px 0; color: #7a2b22; }
p, li { font-size: 14px; line-height: 135%; }
p.sub { color: #6b5f58; margin-top: 0; }
p.why { background: #f6ece6; padding: 6px; }
"""

WELCOME = """
<h2>Where does it hurt?</h2>
<p>Click or tap the places that hurt on the front and back diagrams. You can choose
several: for example the groin and the front of the thigh.</p>
<p>The muscles whose trigger points most often send pain there light up, most likely
first. Choose one in the list to see where its trigger points are, where it sends pain,
and how to release it yourself.</p>
<p>You can also search for a muscle or a region by name (Ctrl+F).</p>
"""


class DetailPanel(QTextBrowser):
    """Shows the focused muscle (or how to start when nothing is chosen)."""

    def __init__(self, state: SessionState, notes=None, parent=None):
        super().__init__(parent)
        self.state = state
        self.notes = notes
        self.setAccessibleName("Muscle details")
        self.setOpenLinks(False)
        self._shown: str | None = None
        # Laying out a long text takes a few milliseconds: do it just after the diagram has
        # been highlighted, once per burst of changes, so a click never waits for it.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._render)
        self.document().setDefaultStyleSheet(CSS)
        self.document().setDocumentMargin(12)
        state.changed.connect(self.refresh)
        self._render()

    def refresh(self) -> None:
        """Schedule the text for the current focus (see _render)."""
        self._pending.start()

    def _render(self) -> None:
        focus = self.state.focus
        if focus is None:
            self._show(WELCOME)
            return
        kb = self.state.kb
        muscle = kb.muscle(focus[0])
        ranked = next((r for r in self.state.ranking if (r.muscle.id, r.side) == focus), None)
        note = self.notes.get(muscle.id) if self.notes is not None else None
        self._show(muscle_html(kb, muscle, describe(kb, ranked) if ranked else None, note))

    def _show(self, html: str) -> None:
        """Lay out the text only when it changed (layout is the costly part of a click)."""
        if html != self._shown:
            self._shown = html
            self.setHtml(html)
            self.verticalScrollBar().setValue(0)
