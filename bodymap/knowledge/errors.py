"""Errors a content author or user can cause, phrased so they can fix them without a traceback."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bodymap.storage import show


@dataclass(frozen=True)
class DataError:
    """One problem in one data file: where it is (file, entry, field, line) and what is wrong."""

    file: Path
    message: str
    entry: str | None = None
    field: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = show(self.file) + (f":{self.line}" if self.line else "")
        parts = [where]
        if self.entry:
            parts.append(f"entry '{show(self.entry)}'")
        if self.field:
            parts.append(f"field '{show(self.field)}'")
        return ", ".join(parts) + f": {show(self.message)}"


class DataErrors(Exception):
    """Every problem found while loading a data folder, reported together."""

    def __init__(self, errors: Iterable[DataError]):
        self.errors = tuple(errors)
        super().__init__(f"{len(self.errors)} problem(s) in the data:\n" + "\n".join(f"  {e}" for e in self.errors))


class UnknownId(LookupError):
    """An id that names no region or muscle; carries the closest known ids."""

    def __init__(self, kind: str, wanted: str, known: Iterable[str]):
        self.kind = kind
        self.wanted = wanted
        self.suggestions = tuple(difflib.get_close_matches(wanted.lower(), list(known), n=3, cutoff=0.5))
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown {kind} '{show(wanted)}'{hint}")

    def __str__(self) -> str:
        return str(self.args[0])
