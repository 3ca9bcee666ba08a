"""Find the shipped data and diagrams, from a checkout or from an installed wheel.

In the repository ``data/`` and ``assets/`` sit next to the package, where content
authors edit them; the wheel carries them inside the package. One function serves both
so no other module guesses paths.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
KINDS = ("data", "assets", "icons", "desktop")


def resource_dir(kind: str) -> Path:
    """The folder holding the shipped ``kind`` (one of :data:`KINDS`); fails loudly if absent."""
    if kind not in KINDS:
        raise ValueError(f"unknown resource kind {kind!r}; known kinds: {', '.join(KINDS)}")
    candidates = (_PACKAGE / kind, _PACKAGE.parent / kind)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"bodymap's {kind} folder is missing (looked in {tried}); reinstall bodymap")


def asset(name: str) -> Path:
    """The path of one shipped asset, e.g. ``asset('front.svg')``; lists known names if absent."""
    folder = resource_dir("assets")
    path = folder / name
    if not path.is_file():
        known = ", ".join(sorted(p.name for p in folder.iterdir() if p.is_file()))
        raise FileNotFoundError(f"no asset named {name!r} in {folder}; known assets: {known}")
    return path
