"""A therapist's own notes on muscles, kept in the user's config folder.

The file is validated like the knowledge base. A file that cannot be read is never
overwritten: the notes are shown as unavailable with a warning naming the file, and saving
is refused; what the person types meanwhile is kept as a draft and, if it still cannot be
saved when the window closes, written to a recovery file beside it, so nothing they wrote is
lost. Saving merges by muscle: two windows never lose each other's notes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from bodymap.events import Listeners
from bodymap.paths import config_dir
from bodymap.storage import FileKept, read_json_model, remove_stale_temporaries, save_merged, write_atomically

NOTES_FILE = "notes.json"
NOTES_VERSION = 1
MAX_NOTE = 4000
RECOVERED_GLOB = "notes-recovered-*.json"


class Note(BaseModel):
    """One note on one muscle."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1, max_length=MAX_NOTE, description="The note, in the therapist's words.")
    updated: datetime = Field(description="When it was last saved (UTC).")


class NotesFile(BaseModel):
    """The layout of notes.json."""

    model_config = ConfigDict(extra="forbid")

    schema_version: StrictInt = Field(NOTES_VERSION, description="Version of the notes format.")
    notes: dict[str, Note] = Field(default_factory=dict, description="Notes by muscle id.")


class NotesUnavailable(Exception):
    """Saving is refused because the notes file on disk could not be read (it is kept as it is)."""


class Notes:
    """The notes in memory, loaded from and saved to one file; ``listeners`` hear the muscle id of
    every note saved."""

    def __init__(
        self,
        path: Path,
        base: NotesFile | None,
        available: bool = True,
        writable: bool = True,
        warning: str | None = None,
    ):
        self.path = path
        self._base = base
        """What was on disk when last read or written (None: no file yet)."""
        self._file = base.model_copy(deep=True) if base is not None else NotesFile()
        self.available = available
        """False when the file on disk could not be used; then saving is refused and typing makes drafts."""
        self.writable = writable
        """False for a read-only store (a snapshot, a kiosk): it shows notes and never writes."""
        self.warning = warning
        """Something the person should know about the file (shown in the window)."""
        self.drafts: dict[str, str] = {}
        """Text typed for a muscle that could not be saved yet."""
        self.listeners: Listeners[str] = Listeners()

    @classmethod
    def load(cls, known_muscles: set[str], folder: Path | None = None, writable: bool = True) -> Notes:
        """Read the notes file; problems become a warning, never an exception. A read-only store
        (a snapshot, a kiosk) shows the notes and never writes."""
        path = (folder or config_dir()) / NOTES_FILE
        if writable:
            remove_stale_temporaries(path)
        parsed, problem = read_json_model(path, NotesFile, NOTES_VERSION)
        if problem:
            return cls(path, None, False, writable, f"{problem}; notes cannot be saved and the file is left as it is")
        unknown = sorted(set(parsed.notes) - known_muscles) if parsed else []
        warnings = [f"{path}: notes for unknown muscle(s) kept but not shown: {', '.join(unknown)}"] if unknown else []
        recovered = sorted(path.parent.glob(RECOVERED_GLOB)) if path.parent.is_dir() else []
        if recovered:
            warnings.append(f"notes that could not be saved before are kept in {', '.join(str(p) for p in recovered)}")
        return cls(path, parsed, True, writable, "; ".join(warnings) or None)

    @classmethod
    def none(cls) -> Notes:
        """No notes and no file: what a kiosk has (nothing a visitor does may reach the disk)."""
        return cls(Path(NOTES_FILE), None, writable=False)

    def get(self, muscle_id: str) -> str | None:
        """The note for a muscle: an unsaved draft first, else the saved note."""
        if muscle_id in self.drafts:
            return self.drafts[muscle_id] or None
        note = self._file.notes.get(muscle_id)
        return note.text if note else None

    def set(self, muscle_id: str, text: str) -> None:
        """Save (or, with empty text, delete) the note for a muscle; merged with the file on disk.

        If it cannot be saved, the text is kept as a draft and the reason raised."""
        text = text.strip()
        if len(text) > MAX_NOTE:
            raise ValueError(f"a note may have at most {MAX_NOTE} characters")
        saved = self._file.notes.get(muscle_id)
        if (saved.text if saved else "") == text and muscle_id not in self.drafts:
            return
        if not self.writable:
            raise NotesUnavailable(f"{self.path}: notes cannot be saved here")
        if not self.available:
            self.drafts[muscle_id] = text
            raise NotesUnavailable(self.warning or f"{self.path} could not be read")
        notes = dict(self._file.notes)
        if text:
            notes[muscle_id] = Note(text=text, updated=datetime.now(UTC))
        else:
            notes.pop(muscle_id, None)
        try:
            self._base = save_merged(
                self.path,
                NotesFile,
                self._base or NotesFile(),
                NotesFile(notes=notes),
                NOTES_VERSION,
                containers=("notes",),
            )
        except (FileKept, OSError) as exc:
            self.drafts[muscle_id] = text
            raise NotesUnavailable(str(exc)) from None
        self._file = self._base.model_copy(deep=True)
        self.drafts.pop(muscle_id, None)
        self.listeners.emit(muscle_id)

    def keep_drafts(self) -> Path | None:
        """Write drafts that could not be saved to a recovery file beside the notes file (never
        over it); returns its path, or None when there were none."""
        if not self.drafts or not self.writable:
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        path = self.path.with_name(RECOVERED_GLOB.replace("*", stamp))
        now = datetime.now(UTC)
        recovered = NotesFile(notes={m: Note(text=t, updated=now) for m, t in self.drafts.items() if t})
        write_atomically(path, recovered.model_dump_json(indent=2) + "\n")
        self.drafts.clear()
        return path
