"""Rank the muscles whose trigger points best explain the pain a person pointed at.

The rules, in order:
1. Trigger points refer pain to the same side of the body, so a muscle is considered
   once per side; a midline region (sacrum) can be reached from either side.
2. A muscle that explains more of the selected regions ranks higher; when the person said how
   much each place hurts, a region counts in proportion to its intensity (the worst counts 1),
   so a muscle that explains the worst region ranks above one that explains a mild one.
3. Among muscles explaining as much, the one the pain guides name more often for those regions
   (the mean ``likelihood`` of its referrals) ranks higher.
The score is ``weighted regions explained + mean likelihood``: with equal intensities its whole
part counts regions and its fraction says how typical the muscle is, so sorting by score applies
rules 2 and 3.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bodymap.knowledge.base import KnowledgeBase
from bodymap.knowledge.model import Muscle, Side, Zone
from bodymap.knowledge.selection import Selection


@dataclass(frozen=True)
class Explanation:
    """One selected region that a muscle accounts for, and how."""

    selection: Selection
    zone: Zone
    likelihood: float


@dataclass(frozen=True)
class RankedMuscle:
    """A candidate muscle on one side (``side`` None: either side, for midline pain)."""

    muscle: Muscle
    side: Side | None
    score: float
    explains: tuple[Explanation, ...]

    @property
    def side_name(self) -> str:
        return "both" if self.side is None else self.side.value

    @property
    def title(self) -> str:
        """How the candidate is listed, e.g. 'Gluteus minimus, left' (no side for midline pain)."""
        return self.muscle.name if self.side is None else f"{self.muscle.name}, {self.side.value}"


def rank(
    kb: KnowledgeBase, selections: Iterable[Selection], intensities: Mapping[Selection, int] | None = None
) -> list[RankedMuscle]:
    """The muscles explaining ``selections``, best first; deterministic for any input order.

    ``intensities`` (0-10 per selection, missing ones count as the worst) weight the regions."""
    chosen = sorted(set(selections), key=lambda s: (s.region, s.side.value if s.side else ""))
    weights = _weights(chosen, intensities or {})
    candidates = {m.id: m for s in chosen for m in kb.referrers(s.region)}
    ranked: list[RankedMuscle] = []
    for muscle in candidates.values():
        ranked.extend(_rank_muscle(muscle, chosen, weights))
    ranked.sort(key=lambda r: (-r.score, r.muscle.name.lower(), r.side_name))
    return ranked


def _weights(chosen: list[Selection], intensities: Mapping[Selection, int]) -> dict[Selection, float]:
    """Each selection's weight: its intensity over the worst one (1 for all when none are given)."""
    given = [intensities[s] for s in chosen if s in intensities]
    worst = max(given, default=0)
    if worst <= 0:
        return {s: 1.0 for s in chosen}
    return {s: intensities.get(s, worst) / worst for s in chosen}


def _rank_muscle(muscle: Muscle, chosen: list[Selection], weights: Mapping[Selection, float]) -> list[RankedMuscle]:
    per_side: dict[Side, tuple[Explanation, ...]] = {}
    for side in Side:
        per_side[side] = tuple(
            Explanation(s, referral.zone, referral.likelihood)
            for s in chosen
            if (s.side is None or s.side is side) and (referral := muscle.referral_to(s.region)) is not None
        )
    left, right = per_side[Side.LEFT], per_side[Side.RIGHT]
    if left and left == right:
        # Only midline regions are explained, equally well from either side.
        return [_ranked(muscle, None, left, weights)]
    out = []
    for side, explains in per_side.items():
        other = per_side[side.other]
        lateral = any(e.selection.side is not None for e in explains)
        if explains and (lateral or not set(explains) < set(other)):
            out.append(_ranked(muscle, side, explains, weights))
    return out


def _ranked(
    muscle: Muscle, side: Side | None, explains: tuple[Explanation, ...], weights: Mapping[Selection, float]
) -> RankedMuscle:
    mean = sum(e.likelihood for e in explains) / len(explains)
    return RankedMuscle(muscle, side, round(sum(weights[e.selection] for e in explains) + mean, 4), explains)


def describe(kb: KnowledgeBase, ranked: RankedMuscle) -> str:
    """One line of why, e.g. 'refers to outer thigh (essential) and upper calf (spillover)'."""
    parts = [f"{kb.region(e.selection.region).label.lower()} ({e.zone.value})" for e in ranked.explains]
    if len(parts) > 1:
        parts = [", ".join(parts[:-1]) + " and " + parts[-1]]
    return "refers to " + parts[0]
