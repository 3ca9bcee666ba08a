"""A therapist's own notes on muscles, kept in the user's config folder.

The file is validated like the knowledge base. A file that cannot be read is never
overwritten: the notes are shown as unavailable with a warning naming the file, and
saving is refused until the person fixes or moves it, so nothing they wrote is lost.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from bodymap.paths import config_dir
from bodymap.storage import read_json_model, write_atomically

NOTES_FILE = "notes.json"
MAX_NOTE = 4000


class Note(BaseModel):
    """One note on one muscle."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1, max_length=MAX_NOTE, description="The note, in the therapist's words.")
    updated: datetime = Field(description="When it was last saved (UTC).")


class NotesFile(BaseModel):
    """The layout of notes.json."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = Field(1, description="Version of the notes format.")
    notes: dict[str, Note] = Field(default_factory=dict, description="Notes by muscle id.")


class NotesUnavailable(Exception):
    """Saving is refused because the notes file on disk could not be read (it is kept as it is)."""


class Notes:
    """The notes in memory, loaded from and saved to one file."""

    def __init__(self, path: Path, notes: dict[str, Note], warning: str | None = None, available: bool = True):
        self.path = path
        self._notes = notes
        self.warning = warning
        """Something the person should know about the file (shown in the window)."""
        self.available = available
        """False when the file on disk could not be used; then saving is refused."""

    @classmethod
    def load(cls, known_muscles: set[str], folder: Path | None = None) -> Notes:
        """Read the notes file; problems become a warning, never an exception."""
        path = (folder or config_dir()) / NOTES_FILE
        parsed, problem = read_json_model(path, NotesFile)
        if problem:
            return cls(path, {}, f"{problem}; notes are unavailable and the file is left as it is", False)
        if parsed is None:
            return cls(path, {}, None)
        unknown = sorted(set(parsed.notes) - known_muscles)
        warning = f"{path}: notes for unknown muscle(s) kept but not shown: {', '.join(unknown)}" if unknown else None
        return cls(path, dict(parsed.notes), warning)

    def get(self, muscle_id: str) -> str | None:
        note = self._notes.get(muscle_id)
        return note.text if note else None

    def set(self, muscle_id: str, text: str) -> None:
        """Save (or, with empty text, delete) the note for a muscle, atomically."""
        if not self.available:
            raise NotesUnavailable(self.warning or f"{self.path} could not be read")
        text = text.strip()
        if len(text) > MAX_NOTE:
            raise ValueError(f"a note may have at most {MAX_NOTE} characters")
        notes = dict(self._notes)
        if text:
            notes[muscle_id] = Note(text=text, updated=datetime.now(timezone.utc))
        else:
            notes.pop(muscle_id, None)
        write_atomically(self.path, NotesFile(notes=notes).model_dump_json(indent=2) + "\n")
        self._notes = notes
