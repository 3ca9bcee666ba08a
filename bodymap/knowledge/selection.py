"""What a person has pointed at: a region, and for paired regions the side of their body."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bodymap.knowledge.base import KnowledgeBase
from bodymap.knowledge.model import Side

MIDLINE = "midline"
"""How a midline region's only 'side' is written (``bodymap regions --json`` lists it)."""


class SelectionError(ValueError):
    """A selection that cannot be understood, phrased for the person who typed it."""


@dataclass(frozen=True, order=True)
class Selection:
    """One selected region on one side; ``side`` is None for a midline region (sacrum, sternum)."""

    region: str
    side: Side | None = None

    def __str__(self) -> str:
        return self.region if self.side is None else f"{self.region}:{self.side.value}"


def parse_selection(kb: KnowledgeBase, text: str) -> list[Selection]:
    """Parse ``REGION[:left|:right]``; a paired region without a side means both sides.

    A midline region takes no side, or ``:midline``.

    Raises UnknownId for a mistyped region and SelectionError for a bad side.
    """
    region_id, _, side_text = text.strip().partition(":")
    region = kb.region(region_id.strip())
    side_text = side_text.strip().lower()
    if not region.paired:
        if side_text not in ("", MIDLINE):
            raise SelectionError(
                f"'{region.id}' ({region.label}) lies on the midline and has no side; drop ':{side_text}'"
            )
        return [Selection(region.id)]
    if not side_text:
        return [Selection(region.id, Side.LEFT), Selection(region.id, Side.RIGHT)]
    try:
        return [Selection(region.id, Side(side_text))]
    except ValueError:
        raise SelectionError(f"side must be 'left' or 'right', not '{side_text}' (in '{text}')") from None


def parse_selections(kb: KnowledgeBase, texts: Iterable[str]) -> list[Selection]:
    """Parse several selections, dropping repeats while keeping the order given."""
    return list(parse_places(kb, texts))


def parse_places(kb: KnowledgeBase, texts: Iterable[str]) -> dict[Selection, int | None]:
    """Parse ``REGION[:SIDE][=INTENSITY]`` items (intensity 0-10, how much it hurts there), in order,
    repeats dropped; the value is the intensity, or None where none was given."""
    out: dict[Selection, int | None] = {}
    for text in texts:
        place, equals, amount = text.partition("=")
        intensity = None
        if equals:
            if not re.fullmatch(r"[0-9]{1,2}", amount.strip()) or not 0 <= int(amount) <= 10:
                raise SelectionError(f"intensity must be a whole number from 0 to 10, not '{amount}' (in '{text}')")
            intensity = int(amount)
        for selection in parse_selection(kb, place):
            out.setdefault(selection, intensity)
    return out
