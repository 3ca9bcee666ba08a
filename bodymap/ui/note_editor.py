"""A therapist's note on the muscle in focus: edit, save, and see it in the panel and handout."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from bodymap.notes import Notes, NotesUnavailable
from bodymap.ui.state import SessionState


class NoteEditor(QWidget):
    """Shows the note for the focused muscle; Save writes it atomically to the notes file."""

    saved = Signal()

    def __init__(self, state: SessionState, notes: Notes, parent=None):
        super().__init__(parent)
        self.state = state
        self.notes = notes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.title = QLabel("Your note on this muscle (shown in the panel and the handout)")
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName("Therapist note")
        self.edit.setPlaceholderText("For example your own release cue for this client")
        self.edit.setMaximumHeight(90)
        self.save = QPushButton("Save note")
        self.save.clicked.connect(self.save_note)
        self.status = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save)
        layout.addWidget(self.title)
        layout.addWidget(self.edit)
        layout.addLayout(row)
        if not notes.available:
            self.edit.setReadOnly(True)
            self.save.setEnabled(False)
            self.status.setText("Notes are unavailable: the notes file could not be read.")
        state.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        focus = self.state.focus
        self.setVisible(focus is not None)
        if focus is not None:
            self.edit.setPlainText(self.notes.get(focus[0]) or "")
            if self.notes.available:
                self.status.setText("")

    def save_note(self) -> None:
        focus = self.state.focus
        if focus is None:
            return
        try:
            self.notes.set(focus[0], self.edit.toPlainText())
        except (NotesUnavailable, ValueError, OSError) as exc:
            self.status.setText(f"Not saved: {exc}")
            return
        self.status.setText("Saved.")
        self.saved.emit()
