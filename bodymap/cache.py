"""Derived data kept on disk, keyed by a hash of what it was derived from.

Parsing the SVG diagrams and the TOML knowledge base is slow in pure Python; their
validated results, saved as JSON, load several times faster. A cache entry is only ever
used for exactly the bytes it was made from, and any problem reading it (missing, corrupt,
unwritable folder) just means the slow path runs: the cache can never change what is shown.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from bodymap import __version__
from bodymap.paths import cache_dir
from bodymap.storage import write_atomically

FORMAT = 3
"""Bump when the shape of cached JSON changes."""


def digest(parts: Iterable[bytes]) -> str:
    """A key for the given source contents (and this version of bodymap)."""
    h = hashlib.sha256(f"{__version__}/{FORMAT}".encode())
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()[:32]


def read(kind: str, key: str) -> str | None:
    """The cached text for ``kind`` made from ``key``, or None."""
    try:
        return (cache_dir() / f"{kind}-{key}.json").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def write(kind: str, key: str, text: str) -> None:
    """Remember ``text``; stale entries of the same kind are removed. Failure is harmless."""
    folder = cache_dir()
    try:
        for old in folder.glob(f"{kind}-*.json"):
            old.unlink(missing_ok=True)
        write_atomically(folder / f"{kind}-{key}.json", text)
    except OSError:
        pass
