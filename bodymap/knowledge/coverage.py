"""How complete the knowledge base is: candidates per region side, and filled fields per muscle."""

from __future__ import annotations

from dataclasses import dataclass

from bodymap.knowledge.base import KnowledgeBase
from bodymap.knowledge.model import Muscle, Region, Side
from bodymap.knowledge.ranking import rank
from bodymap.knowledge.selection import Selection

MIN_CANDIDATES = 3
"""Every region side should be answered by at least this many muscles."""
COUNTED_FIELDS = (
    "synonyms",
    "actions",
    "trigger_points",
    "referral",
    "symptoms",
    "perpetuating_factors",
    "self_release",
    "stretches",
    "cautions",
    "good_to_know",
    "sources",
)


@dataclass(frozen=True)
class RegionCoverage:
    region: Region
    side: Side | None
    candidates: tuple[str, ...]
    """Muscle names, most likely first."""


def region_coverage(kb: KnowledgeBase) -> list[RegionCoverage]:
    """For every region side, the muscles a query for it returns, in ranked order."""
    out = []
    for region in kb.regions.values():
        side = Side.LEFT if region.paired else None  # both sides are mirror images
        ranked = rank(kb, [Selection(region.id, side)])
        out.append(RegionCoverage(region, side, tuple(r.muscle.name for r in ranked)))
    return out


OPTIONAL_FIELDS = frozenset(name for name, field in Muscle.model_fields.items() if not field.is_required())
"""List fields a muscle may leave empty (a stretch only where one applies: the sternalis moves no joint)."""


def field_counts(muscle: Muscle) -> dict[str, int]:
    """How many items each list field of a muscle holds."""
    return {name: len(getattr(muscle, name)) for name in COUNTED_FIELDS}
