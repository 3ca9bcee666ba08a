"""Everything about the muscle in focus, as readable text that scrolls (or how to start)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTextBrowser

from bodymap import wording
from bodymap.i18n import _
from bodymap.notes import Notes
from bodymap.session import Change, Session
from bodymap.ui.muscle_html import muscle_html

CSS = """
h2 { font-size: 22px; margin: 0 0 2px 0; }
h3 { font-size: 16px; margin: 14px 0 4px 0; color: #7a2b22; }
p, li { font-size: 14px; line-height: 135%; }
p.sub { color: #5b4f48; margin-top: 0; }
p.why { background: #f6ece6; padding: 6px; }
p.caution { color: #7a2b22; font-size: 13px; }
"""


def welcome_html() -> str:
    """What the panel says before anything is chosen."""
    paragraphs = [
        _(
            "Click or tap the places that hurt on the diagrams. You can choose several: for example "
            "the groin and the front of the thigh."
        ),
        _(
            "The muscles whose trigger points most often send pain there are listed, most likely first, "
            "and the top few are outlined on the diagrams with their number. Choose one to see where its "
            "trigger points are, where it sends pain, and how to release it yourself."
        ),
        _("You can also search for a muscle, a place or a complaint such as sciatica (Ctrl+F)."),
    ]
    return "<h2>" + escape(_("Where does it hurt?")) + "</h2>" + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


class DetailPanel(QTextBrowser):
    """Shows the focused muscle (or how to start when nothing is chosen)."""

    def __init__(self, session: Session, notes: Notes, parent=None):
        super().__init__(parent)
        self.session = session
        self.notes = notes
        self.setObjectName("details")
        self.setAccessibleName(_("Muscle details"))
        self.setOpenLinks(False)
        self._shown: str | None = None
        # Laying out a long text takes a few milliseconds: do it just after the diagram has been
        # highlighted, once per burst of changes, so a click never waits for it.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._render)
        self.document().setDefaultStyleSheet(CSS)
        self.document().setDocumentMargin(12)
        notes.listeners.add(self._note_saved)
        self.destroyed.connect(lambda: notes.listeners.remove(self._note_saved))
        self._render()

    def on_change(self, change: Change) -> None:
        if change.focus or change.selection:
            self._pending.start()

    def _note_saved(self, muscle_id: str) -> None:
        focus = self.session.focus
        if focus and focus[0] == muscle_id:
            self._pending.start()

    def _render(self) -> None:
        focus = self.session.focus
        if focus is None:
            self._show(welcome_html())
            return
        kb = self.session.kb
        ranked = self.session.ranked(focus)
        why = wording.why(kb, ranked) if ranked else None
        self._show(muscle_html(kb, kb.muscle(focus[0]), why, self.notes.get(focus[0])))

    def _show(self, html: str) -> None:
        """Lay out the text only when it changed (layout is the costly part of a click)."""
        if html != self._shown:
            self._shown = html
            self.setHtml(html)
            self.verticalScrollBar().setValue(0)
