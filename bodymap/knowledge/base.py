"""The loaded knowledge base: regions and muscles by id, with lookups that explain a miss."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bodymap.knowledge.errors import UnknownId
from bodymap.knowledge.model import Muscle, Region, Safety


@dataclass(frozen=True)
class KnowledgeBase:
    """The safety texts, all regions (in declaration order) and muscles (by name), validated and cross-checked."""

    safety: Safety
    regions: Mapping[str, Region]
    muscles: Mapping[str, Muscle]
    folder: Path
    _referrers: Mapping[str, tuple[Muscle, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_region: dict[str, list[Muscle]] = {region_id: [] for region_id in self.regions}
        for muscle in self.muscles.values():
            for referral in muscle.referral:
                by_region.setdefault(referral.region, []).append(muscle)
        object.__setattr__(self, "_referrers", {k: tuple(v) for k, v in by_region.items()})

    def region(self, region_id: str) -> Region:
        """The region with this id; UnknownId names the closest ids otherwise."""
        try:
            return self.regions[region_id]
        except KeyError:
            raise UnknownId("region", region_id, self.regions) from None

    def muscle(self, muscle_id: str) -> Muscle:
        """The muscle with this id; UnknownId names the closest ids otherwise."""
        try:
            return self.muscles[muscle_id]
        except KeyError:
            raise UnknownId("muscle", muscle_id, self.muscles) from None

    def referrers(self, region_id: str) -> tuple[Muscle, ...]:
        """Muscles that refer pain to ``region_id`` (unordered; ranking orders them)."""
        return self._referrers.get(region_id, ())
