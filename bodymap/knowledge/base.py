"""The loaded knowledge base: regions and muscles by id, with lookups that explain a miss."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bodymap.knowledge.errors import DataError, UnknownId
from bodymap.knowledge.model import Muscle, Region, Safety
from bodymap.knowledge.terms import SearchTerm
from bodymap.knowledge.views import Layout, ViewFile, ViewSpec


@dataclass(frozen=True)
class KnowledgeBase:
    """The views, the safety texts, all regions (in declaration order) and muscles (by name),
    validated and cross-checked."""

    views: ViewFile
    safety: Safety
    terms: tuple[SearchTerm, ...]
    regions: Mapping[str, Region]
    muscles: Mapping[str, Muscle]
    folder: Path
    warnings: tuple[DataError, ...] = ()
    """Problems that do not stop loading but that an author should look at (``bodymap validate`` lists them)."""
    language: str = "en"
    """The language of the texts (English, or English with that language's overlays laid over it)."""
    _referrers: Mapping[str, tuple[Muscle, ...]] = field(init=False, repr=False, compare=False)
    _layouts: Mapping[str, Layout] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_region: dict[str, list[Muscle]] = {region_id: [] for region_id in self.regions}
        for muscle in self.muscles.values():
            for referral in muscle.referral:
                by_region.setdefault(referral.region, []).append(muscle)
        object.__setattr__(self, "_referrers", {k: tuple(v) for k, v in by_region.items()})
        object.__setattr__(self, "_layouts", self.views.layouts())

    @property
    def layouts(self) -> Mapping[str, Layout]:
        """Every way the diagrams can be shown (combinations first, then each view alone), by id."""
        return self._layouts

    def view(self, view_id: str) -> ViewSpec:
        """The view with this id; UnknownId names the closest ids otherwise."""
        for view in self.views.view:
            if view.id == view_id:
                return view
        raise UnknownId("view", view_id, [v.id for v in self.views.view])

    def layout(self, layout_id: str) -> Layout:
        """The layout (a combination of views, or one view) with this id; UnknownId otherwise."""
        try:
            return self._layouts[layout_id]
        except KeyError:
            raise UnknownId("view", layout_id, self._layouts) from None

    def regions_on(self, view_id: str) -> tuple[Region, ...]:
        """The regions a view draws, in declaration order."""
        return tuple(r for r in self.regions.values() if view_id in r.views)

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
