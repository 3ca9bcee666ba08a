"""Find muscles and regions by the words people use: names, synonyms, region labels."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from bodymap.knowledge.base import KnowledgeBase
from bodymap.knowledge.model import Side


class Kind(str, Enum):
    MUSCLE = "muscle"
    REGION = "region"


@dataclass(frozen=True)
class SearchEntry:
    """One completion: the text shown, and what choosing it means."""

    text: str
    kind: Kind
    target: str
    side: Side | None = None


def search_entries(kb: KnowledgeBase) -> list[SearchEntry]:
    """Every searchable name: muscles with their synonyms, then each side of every region."""
    entries: list[SearchEntry] = []
    for muscle in kb.muscles.values():
        entries.append(SearchEntry(muscle.name, Kind.MUSCLE, muscle.id))
        entries.extend(SearchEntry(f"{s} ({muscle.name})", Kind.MUSCLE, muscle.id) for s in muscle.synonyms)
    for region in kb.regions.values():
        entries.extend(SearchEntry(region.name_on(side), Kind.REGION, region.id, side) for side in region.sides)
    return entries


def find(kb: KnowledgeBase, text: str) -> SearchEntry | None:
    """The best entry for typed text: an exact name, else a name starting with it, else one containing it."""
    wanted = " ".join(text.lower().split())
    if not wanted:
        return None
    entries = search_entries(kb)
    for test in (
        lambda e: e.text.lower() == wanted,
        lambda e: e.text.lower().startswith(wanted),
        lambda e: any(word.startswith(wanted) for word in e.text.lower().replace("(", " ").split()),
        lambda e: wanted in e.text.lower(),
    ):
        for entry in entries:
            if test(entry):
                return entry
    return None
