"""The private pain journal: dated maps of where it hurt and how much, kept in one SQLite file in
the person's data folder, and nowhere else.

SQLite (the standard library's ``sqlite3``) in WAL mode with full sync: every entry is one
transaction, so a process killed in the middle of a write leaves the journal as it was before
or after that entry, never half of one. The schema has a version (``PRAGMA user_version``) and
migrations from each older version. A file that is not a journal, is damaged, or was written by a
newer bodymap is reported, naming the file, and kept exactly as it is: never replaced, never
"repaired" silently. Qt-free; the window never opens a journal in kiosk mode.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import datetime as dt
import io
import sqlite3
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from bodymap.knowledge import Quality, Selection, Side
from bodymap.output import check_output, replacing
from bodymap.paths import data_dir
from bodymap.storage import FileProblem, show

FILE = "journal.sqlite3"
VERSION = 1
NOTE_CHARS = 20_000
NOT_EASING_DAYS = 14
"""About two weeks: self-care that works eases trigger-point pain within a few sessions."""
_HEADER = b"SQLite format 3\x00"
_MIGRATIONS: dict[int, str] = {
    1: """
        CREATE TABLE entry (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,            -- UTC, ISO 8601 (sortable)
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE place (
            entry INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
            region TEXT NOT NULL,
            side TEXT CHECK (side IN ('left', 'right')),
            intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
            quality TEXT
        );
        CREATE TABLE worked (
            entry INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
            muscle TEXT NOT NULL
        );
        CREATE INDEX entry_at ON entry(at);
        CREATE INDEX place_entry ON place(entry);
        CREATE INDEX worked_entry ON worked(entry);
    """,
}
"""Version -> the SQL that brings a journal of the version before up to it."""


class JournalProblem(FileProblem):
    """A journal that cannot be used; the message names the file, and the file is kept."""


@dataclass(frozen=True)
class Place:
    selection: Selection
    intensity: int
    quality: Quality | None = None


@dataclass(frozen=True)
class Entry:
    """One dated map: where it hurt and how much, the muscles worked on, a note."""

    id: int
    at: dt.datetime
    places: tuple[Place, ...]
    muscles: tuple[str, ...] = ()
    note: str = ""

    @property
    def worst(self) -> int:
        return max((p.intensity for p in self.places), default=0)


def default_path() -> Path:
    return data_dir() / FILE


def utc_text(moment: dt.datetime) -> str:
    """A moment as the journal stores it (a moment without a zone is taken as local time)."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Journal:
    """An open journal file (created on the first entry)."""

    def __init__(self, path: Path | None = None):
        self.path = path or default_path()
        self._db: sqlite3.Connection | None = None
        self._read: tuple[int, list[Entry]] | None = None
        """The entries as last read, with SQLite's data_version then: another process's write
        changes that number, so the journal is read again; this process's own writes keep the
        list up to date themselves (a window with 5,000 entries adds one without reading 5,000)."""

    # -- opening ---------------------------------------------------------------------------
    def _connect(self, create: bool) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        try:
            exists = self.path.exists()
        except OSError as exc:
            raise self._problem(f"cannot be used ({exc.strerror or exc})") from None
        if not exists and not create:
            return None
        if exists:
            self._check_header()
        else:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise self._problem(f"cannot be created ({exc.strerror or exc})") from None
        try:
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            found = db.execute("PRAGMA user_version").fetchone()[0]
            if found > VERSION:
                db.close()
                raise self._problem(
                    f"was written by a newer version of bodymap (journal version {found}; this one reads up to {VERSION})"
                )
            if exists:
                check = db.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    db.close()
                    raise self._problem(f"is damaged ({check})")
            self._migrate(db, found)
        except sqlite3.DatabaseError as exc:
            raise self._problem(f"is not a journal bodymap can read ({exc})") from None
        self._db = db
        return db

    def _check_header(self) -> None:
        try:
            with self.path.open("rb") as handle:
                head = handle.read(len(_HEADER))
        except OSError as exc:
            raise self._problem(f"cannot be read ({exc.strerror or exc})") from None
        if head and head != _HEADER:
            raise self._problem("is not a journal (not an SQLite database)")

    def _migrate(self, db: sqlite3.Connection, found: int) -> None:
        for version in range(found + 1, VERSION + 1):
            with _transaction(db):
                for statement in _statements(_MIGRATIONS[version]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {version}")

    def _problem(self, what: str) -> JournalProblem:
        return JournalProblem(f"{show(self.path)}: {what}; the file is kept as it is")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        self._read = None

    # -- writing ---------------------------------------------------------------------------
    def add(
        self,
        places: Sequence[Place],
        at: dt.datetime | None = None,
        muscles: Iterable[str] = (),
        note: str = "",
    ) -> int:
        """Record one entry in one transaction; its id."""
        if not places:
            raise ValueError("an entry needs at least one place")
        if len(note) > NOTE_CHARS:
            raise ValueError(f"the note is longer than {NOTE_CHARS} characters")
        db = self._connect(create=True)
        assert db is not None
        moment = utc_text(at or dt.datetime.now().astimezone())
        try:
            with _transaction(db):
                entry = self._insert(db, moment, places, muscles, note)
        except sqlite3.DatabaseError as exc:
            raise self._problem(f"the entry could not be saved ({exc})") from None
        if self._read is not None:
            added = Entry(entry, _local(moment), tuple(places), tuple(dict.fromkeys(muscles)), note)
            bisect.insort(self._read[1], added, key=lambda e: (e.at, e.id))
        return entry

    @staticmethod
    def _insert(db: sqlite3.Connection, moment: str, places: Sequence[Place], muscles: Iterable[str], note: str) -> int:
        entry = db.execute("INSERT INTO entry (at, note) VALUES (?, ?)", (moment, note)).lastrowid
        assert entry is not None
        db.executemany(
            "INSERT INTO place (entry, region, side, intensity, quality) VALUES (?, ?, ?, ?, ?)",
            [
                (
                    entry,
                    p.selection.region,
                    p.selection.side.value if p.selection.side else None,
                    p.intensity,
                    p.quality.value if p.quality else None,
                )
                for p in places
            ],
        )
        db.executemany("INSERT INTO worked (entry, muscle) VALUES (?, ?)", [(entry, m) for m in dict.fromkeys(muscles)])
        return entry

    def delete(self, entry_id: int) -> bool:
        """Delete one entry; False if there was none with that id."""
        db = self._connect(create=False)
        if db is None:
            return False
        with _transaction(db):
            gone = db.execute("DELETE FROM entry WHERE id = ?", (entry_id,)).rowcount
        if self._read is not None:
            self._read[1][:] = [e for e in self._read[1] if e.id != entry_id]
        return gone > 0

    def delete_all(self) -> None:
        """Delete the whole journal: the file and SQLite's files beside it."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    # -- reading ---------------------------------------------------------------------------
    def entries(self) -> list[Entry]:
        """Every entry, oldest first."""
        db = self._connect(create=False)
        if db is None:
            return []
        try:
            version = db.execute("PRAGMA data_version").fetchone()[0]
            if self._read is not None and self._read[0] == version:
                return list(self._read[1])
            rows = db.execute("SELECT id, at, note FROM entry ORDER BY at, id").fetchall()
            places: dict[int, list[Place]] = {}
            for entry, region, side, intensity, quality in db.execute(
                "SELECT entry, region, side, intensity, quality FROM place ORDER BY rowid"
            ):
                places.setdefault(entry, []).append(
                    Place(Selection(region, Side(side) if side else None), intensity, _quality(quality))
                )
            worked: dict[int, list[str]] = {}
            for entry, muscle in db.execute("SELECT entry, muscle FROM worked ORDER BY rowid"):
                worked.setdefault(entry, []).append(muscle)
        except (sqlite3.DatabaseError, ValueError) as exc:
            raise self._problem(f"cannot be read ({exc})") from None
        read = [
            Entry(
                id=row[0],
                at=_local(row[1]),
                places=tuple(places.get(row[0], ())),
                muscles=tuple(worked.get(row[0], ())),
                note=row[2],
            )
            for row in rows
        ]
        self._read = (version, read)
        return list(read)

    def export_csv(self, output: Path) -> int:
        """Write the journal as CSV, one row per entry and place; the number of rows."""
        target = check_output(output, (".csv",))
        rows = csv_rows(self.entries())
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        with replacing(target) as temporary:
            temporary.write_text(buffer.getvalue(), encoding="utf-8")
        return len(rows) - 1


def on_this_map(entries: Iterable[Entry], regions: Container[str]) -> tuple[list[Entry], set[str]]:
    """The entries with only the places whose regions this version's map has, and the regions left
    out: a region renamed or removed since an entry was written hides that place, it does not
    stop the journal from showing (the file keeps it; the CSV export writes it)."""
    shown: list[Entry] = []
    unknown: set[str] = set()
    for entry in entries:
        places = tuple(p for p in entry.places if p.selection.region in regions)
        unknown.update(p.selection.region for p in entry.places if p.selection.region not in regions)
        if places:
            shown.append(entry if len(places) == len(entry.places) else replace(entry, places=places))
    return shown, unknown


def csv_rows(entries: Iterable[Entry]) -> list[list[str]]:
    """A header and one row per entry and place (local time, with its offset)."""
    rows = [["entry", "date_time", "region", "side", "intensity", "quality", "muscles_worked", "note"]]
    for entry in entries:
        for place in entry.places:
            rows.append(
                [
                    str(entry.id),
                    entry.at.isoformat(timespec="minutes"),
                    place.selection.region,
                    place.selection.side.value if place.selection.side else "",
                    str(place.intensity),
                    place.quality.value if place.quality else "",
                    ";".join(entry.muscles),
                    entry.note,
                ]
            )
    return rows


def series(entries: Iterable[Entry]) -> dict[Selection, list[tuple[dt.datetime, int]]]:
    """Each place's intensity over time."""
    out: dict[Selection, list[tuple[dt.datetime, int]]] = {}
    for entry in entries:
        for place in entry.places:
            out.setdefault(place.selection, []).append((entry.at, place.intensity))
    return out


def not_easing(entries: Sequence[Entry], days: int = NOT_EASING_DAYS) -> list[Selection]:
    """Places recorded over at least ``days`` whose latest intensity is no lower than their first
    in that span: self-care has not helped there, and a professional should look."""
    stuck: list[Selection] = []
    if not entries:
        return stuck
    since = entries[-1].at - dt.timedelta(days=days + 3)
    recent = entries[bisect.bisect_left(entries, since, key=lambda e: e.at) :]  # oldest first
    for selection, points in series(recent).items():
        if len(points) < 2:
            continue
        last_at, last = points[-1]
        window = [(at, value) for at, value in points if last_at - at <= dt.timedelta(days=days + 3)]
        first_at, first = window[0]
        if last_at - first_at >= dt.timedelta(days=days) and last > 0 and last >= first:
            stuck.append(selection)
    return stuck


def _local(stored: str) -> dt.datetime:
    """A moment as stored (UTC text) in local time."""
    return dt.datetime.fromisoformat(stored.replace("Z", "+00:00")).astimezone()


def _quality(value: str | None) -> Quality | None:
    try:
        return Quality(value) if value else None
    except ValueError:
        return None  # a quality this version does not know reads as "not said"


def _statements(script: str) -> list[str]:
    body = "\n".join(line.split("--", 1)[0] for line in script.splitlines())
    return [s.strip() for s in body.split(";") if s.strip()]


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write, whole or not at all (the connection is in autocommit mode otherwise)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
