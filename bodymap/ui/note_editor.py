"""A therapist's note on the muscle in focus: typed notes save themselves and are never lost.

The editor takes no room until it is used: a muscle without a note shows only an "Add a note"
button. What is typed is saved a moment after typing stops, when the focus moves to another
muscle, and when the window closes; a note that cannot be saved (a broken notes file) stays as a
draft and is written to a recovery file on close.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from bodymap.i18n import _
from bodymap.notes import Notes, NotesUnavailable
from bodymap.session import Change, Session

SAVE_DELAY_MS = 1200
"""How long after the last key press a note is saved."""


class NoteEditor(QWidget):
    """The note for the focused muscle, saved as it is typed."""

    def __init__(self, session: Session, notes: Notes, parent=None):
        super().__init__(parent)
        self.session = session
        self.notes = notes
        self.muscle: str | None = None
        """The muscle whose note the editor holds."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.add = QPushButton(_("Add your own note on this muscle…"))
        self.add.setToolTip(_("Notes appear in the panel and in the client handout"))
        self.add.clicked.connect(self.open_editor)
        self.title = QLabel(_("Your note on this muscle (shown in the panel and the handout)"))
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName(_("Therapist note"))
        self.edit.setPlaceholderText(_("For example your own release cue for this client"))
        self.edit.setMaximumHeight(90)
        self.edit.textChanged.connect(self._typed)
        self.status = QLabel()
        self.status.setAccessibleName(_("Note status"))
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        layout.addWidget(self.add)
        layout.addWidget(self.title)
        layout.addWidget(self.edit)
        layout.addLayout(row)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self._load()

    def on_change(self, change: Change) -> None:
        if change.mode:
            self._show_if_kept()
        if change.focus or change.selection:
            focus = self.session.focus
            if (focus[0] if focus else None) != self.muscle:
                self.save()
                self._load()

    def _load(self) -> None:
        focus = self.session.focus
        self.muscle = focus[0] if focus else None
        text = self.notes.get(self.muscle) if self.muscle else None
        self.edit.blockSignals(True)
        self.edit.setPlainText(text or "")
        self.edit.blockSignals(False)
        self._show_if_kept()
        self._show_editor(bool(text))
        self.status.setText(
            _("Not saved yet: {why}").format(why=self.notes.warning) if self.muscle in self.notes.drafts else ""
        )

    def _show_editor(self, on: bool) -> None:
        self.add.setVisible(not on)
        self.title.setVisible(on)
        self.edit.setVisible(on)
        self.status.setVisible(on)

    def _show_if_kept(self) -> None:
        """Shown for a focused muscle, never in a kiosk: a visitor's words are kept nowhere."""
        self.setVisible(self.muscle is not None and not self.session.mode.kiosk)

    def open_editor(self) -> None:
        self._show_editor(True)
        self.edit.setFocus()

    def _typed(self) -> None:
        self.status.setText(_("Saving…"))
        self._timer.start()

    def save(self) -> None:
        """Save what is typed for the muscle the editor holds (nothing happens if it is unchanged)."""
        self._timer.stop()
        if self.muscle is None:
            return
        try:
            self.notes.set(self.muscle, self.edit.toPlainText())
        except NotesUnavailable as exc:
            self.status.setText(_("Not saved yet: {why}").format(why=exc))
            return
        except ValueError as exc:
            self.status.setText(_("Not saved: {why}").format(why=exc))
            return
        self.status.setText(_("Saved."))
