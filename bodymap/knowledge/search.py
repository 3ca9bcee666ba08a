"""Find muscles, places and complaints by the words people use.

Every entry is one complete choice: a muscle to show, or places with the side said (left, right
or both sides), so choosing never silently guesses a side. Typed text that names a place without
a side matches all its choices, and the search box offers them instead of taking one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum

from bodymap.knowledge.base import KnowledgeBase
from bodymap.knowledge.model import Side
from bodymap.knowledge.selection import Selection


class Kind(str, Enum):
    MUSCLE = "muscle"
    PLACE = "place"


@dataclass(frozen=True)
class SearchEntry:
    """One completion: the text shown, the words it answers to, and what choosing it does."""

    text: str
    kind: Kind
    muscle: str | None = None
    selections: tuple[Selection, ...] = ()
    stem: str = ""
    """The words without the side ('Low back' for 'Low back, left'): typing them offers every side."""


def _folded(text: str) -> str:
    """Text as search compares it: case, accents and brackets ignored ('tortícolis' = 'torticolis')."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return " ".join(plain.replace("(", " ").replace(")", " ").split())


def search_entries(kb: KnowledgeBase, name_on) -> list[SearchEntry]:
    """Every searchable choice: muscles and their synonyms, each side of every region (and both
    sides), and the complaints of search_terms.toml. ``name_on(label, side)`` words a place on a
    side (None: both sides), so the entries read like the rest of the app."""
    entries: list[SearchEntry] = []
    for muscle in kb.muscles.values():
        entries.append(SearchEntry(muscle.name, Kind.MUSCLE, muscle=muscle.id, stem=muscle.name))
        entries.extend(
            SearchEntry(f"{synonym} ({muscle.name})", Kind.MUSCLE, muscle=muscle.id, stem=synonym)
            for synonym in muscle.synonyms
        )
    for region in kb.regions.values():
        entries.extend(_place_entries(kb, region.label, [region.id], name_on))
    for term in kb.terms:
        if term.muscles:
            muscle = kb.muscle(term.muscles[0])
            entries.append(SearchEntry(f"{term.text} ({muscle.name})", Kind.MUSCLE, muscle=muscle.id, stem=term.text))
        else:
            entries.extend(_place_entries(kb, term.text, list(term.regions), name_on))
    return entries


def _place_entries(kb: KnowledgeBase, label: str, region_ids: list[str], name_on) -> list[SearchEntry]:
    """A place on the left, on the right and on both sides (or once, when it lies on the midline)."""

    def pick(sides: tuple[Side, ...]) -> tuple[Selection, ...]:
        return tuple(
            Selection(r, side) if kb.region(r).paired else Selection(r)
            for r in region_ids
            for side in (sides if kb.region(r).paired else (None,))
        )

    if not any(kb.region(r).paired for r in region_ids):
        return [SearchEntry(label, Kind.PLACE, selections=pick(()), stem=label)]
    return [
        SearchEntry(name_on(label, Side.LEFT), Kind.PLACE, selections=pick((Side.LEFT,)), stem=label),
        SearchEntry(name_on(label, Side.RIGHT), Kind.PLACE, selections=pick((Side.RIGHT,)), stem=label),
        SearchEntry(name_on(label, None), Kind.PLACE, selections=pick(tuple(Side)), stem=label),
    ]


def matches(entries: list[SearchEntry], text: str) -> list[SearchEntry]:
    """The entries typed text picks: exact names first; else every choice of a place or muscle the
    text names without a side; else names starting with it, else containing it."""
    wanted = _folded(text)
    if not wanted:
        return []
    for test in (
        lambda e: _folded(e.text) == wanted,
        lambda e: _folded(e.stem) == wanted,
        lambda e: _folded(e.text).startswith(wanted) or _folded(e.stem).startswith(wanted),
        lambda e: any(word.startswith(wanted) for word in _folded(e.text).split()),
        lambda e: wanted in _folded(e.text),
    ):
        found = [e for e in entries if test(e)]
        if found:
            return found
    return []
