"""The Qt edge of the session model: its change records, re-emitted as a signal.

The session (Qt-free) calls its listeners with a :class:`~bodymap.session.Change`; this adapter is
one such listener and emits ``changed(change)``. Widgets connect to it and redraw only for the
parts of the change that concern them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from bodymap.session import Change, Session


class SessionSignals(QObject):
    changed = Signal(object)
    """A :class:`Change` after every transition that changed something."""

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        session.listeners.add(self._emit)
        self.destroyed.connect(lambda: session.listeners.remove(self._emit))

    def _emit(self, change: Change) -> None:
        self.changed.emit(change)
