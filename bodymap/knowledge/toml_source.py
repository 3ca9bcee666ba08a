"""One data file, read safely and kept with its text, so every problem can name its line.

Reading goes through the same guard as a person's own files (:func:`bodymap.storage.read_bytes`):
only a regular file, up to a size cap, without blocking on a FIFO or a device; the parse is
bounded (nesting depth) and every failure, a RecursionError or MemoryError included, becomes
one :class:`DataError` naming the file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bodymap.knowledge.errors import DataError
from bodymap.storage import FileProblem, decode, nesting_depth, read_bytes

DATA_FILE_BYTES = 1024 * 1024
"""The largest data file read (the largest shipped file is about 60 KB)."""
MAX_NESTING = 16
"""The deepest nesting of arrays and tables a data file may have (ours need 3)."""
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class Source:
    """A parsed TOML file with its text, for line numbers."""

    path: Path
    text: str
    data: dict[str, Any]

    def line_of(self, loc: Sequence[Any]) -> int | None:
        """The line of a field given as pydantic reports it, e.g. ('referral', 2, 'region'): the
        n-th ``[[referral]]`` table and the ``region =`` key in it; a top-level key is looked for
        before the first table only (a ``name`` inside ``[[stretches]]`` is not the muscle's)."""
        lines = self.text.splitlines()
        if not loc:
            return None
        head = str(loc[0])
        if len(loc) >= 2 and isinstance(loc[1], int):
            headers = [i for i, line in enumerate(lines, 1) if line.strip() == f"[[{head}]]"]
            if loc[1] < len(headers):
                start = headers[loc[1]]
                key = loc[2] if len(loc) >= 3 else None
                for i in range(start, len(lines)):
                    if lines[i].startswith("["):
                        break
                    if key is not None and re.match(rf"\s*{re.escape(str(key))}\s*=", lines[i]):
                        return i + 1
                return start
        return self._key_line(lines, head)

    @staticmethod
    def _key_line(lines: list[str], key: str) -> int | None:
        for i, line in enumerate(lines, 1):
            if line.startswith("["):
                return None
            if re.match(rf"\s*{re.escape(key)}\s*=", line):
                return i
        return None


def _deepest_key(text: str) -> int:
    """The most parts a key or table name has (``a.b.c`` has 3): the parser's work grows with it."""
    deepest = 0
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("["):
            key = stripped.split("]", 1)[0]
        elif "=" in stripped and not stripped.startswith("#"):
            key = stripped.split("=", 1)[0]
        else:
            continue
        deepest = max(deepest, key.count(".") + 1)
    return deepest


def read_toml(path: Path, errors: list[DataError]) -> Source | None:
    """Read and parse one data file; on any problem record it (one DataError) and return None."""
    try:
        raw = read_bytes(path, DATA_FILE_BYTES)
        if raw is None:
            errors.append(DataError(path, "file is missing"))
            return None
        text = decode(raw, path)
    except FileProblem as exc:
        errors.append(DataError(path, str(exc).removeprefix(f"{path}: ")))
        return None
    if nesting_depth(text, MAX_NESTING) > MAX_NESTING or _deepest_key(text) > MAX_NESTING:
        errors.append(DataError(path, f"nests arrays, tables or dotted keys more than {MAX_NESTING} deep"))
        return None
    try:
        return Source(path, text, tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) if match else None
        errors.append(DataError(path, f"TOML syntax error: {_TOML_POSITION.sub('', message)}", line=line))
    except (RecursionError, MemoryError, ValueError) as exc:  # absurdly deep dotted keys, huge numbers
        errors.append(
            DataError(path, f"cannot be read: it is built too deeply or too large ({exc.__class__.__name__})")
        )
    return None
