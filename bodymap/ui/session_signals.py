"""The Qt edge of the session model: its change records, re-emitted as a signal.

The session (Qt-free) calls its listeners with a :class:`~bodymap.session.Change`; this adapter is
one such listener and emits ``changed(change)``. Widgets connect to it and redraw only for the
parts of the change that concern them.

The side panel's lists connect to ``settled`` instead: the same records, gathered and emitted
one turn of the event loop later, so a click's highlight is drawn before the lists are laid out
(the picture answers the click first; the lists follow a frame later).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from bodymap.session import NOTHING, Change, Session


class SessionSignals(QObject):
    changed = Signal(object)
    """A :class:`Change` after every transition that changed something."""
    settled = Signal(object)
    """The changes since the last ``settled``, together, once the event loop has drawn them."""

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        session.listeners.add(self._emit)
        self.destroyed.connect(lambda: session.listeners.remove(self._emit))
        self._gathered = NOTHING
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.settle)

    def _emit(self, change: Change) -> None:
        self.changed.emit(change)
        gathered = self._gathered | change
        if self._gathered and self._gathered.source is not change.source:
            gathered = replace(gathered, source=None)  # made by several: no widget may skip it
        self._gathered = gathered
        self._later.start()

    def settle(self) -> None:
        """Emit what has gathered now (also what a caller that needs the lists at once can call)."""
        self._later.stop()
        change, self._gathered = self._gathered, NOTHING
        if change:
            self.settled.emit(change)
