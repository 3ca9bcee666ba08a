"""Do the diagrams and the knowledge base agree? Every check returns readable problems.

Used by the test suite and by ``bodymap validate``: a region without a shape, a shape the
data does not know, overlapping or gappy regions, a muscle outside the body, or a trigger
point away from its muscle are all content bugs a person would see.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from bodymap.diagram.diagram import Diagram
from bodymap.diagram.shapes import Layer, row_intervals
from bodymap.knowledge.base import KnowledgeBase
from bodymap.knowledge.model import Side

OVERLAP_TOLERANCE = 1.0
"""Square diagram units two regions may share: a hairline along their common edge."""
COVERAGE_TOLERANCE = 0.005
"""Share of the silhouette that may be left outside every region (anti-aliasing seams)."""
EDGE_TOLERANCE = 2.0
"""How far (diagram units) a muscle outline or trigger point may stray over an edge."""
ROW_STEP = 0.5


def problems(kb: KnowledgeBase, diagrams: Mapping[str, Diagram]) -> list[str]:
    """Every disagreement between the data and the diagrams, as sentences."""
    found = list(_names(kb, diagrams))
    for diagram in diagrams.values():
        found.extend(_tiling(diagram))
        found.extend(_inside(diagram))
    found.extend(_trigger_points(kb, diagrams))
    return found


def _names(kb: KnowledgeBase, diagrams: Mapping[str, Diagram]) -> Iterator[str]:
    for region in kb.regions.values():
        for view in region.views:
            diagram = diagrams[view]
            for side in region.sides:
                if diagram.shape(Layer.REGION, region.id, side) is None:
                    yield f"{diagram.source.name}: region '{region.id}'{_side(side)} has no shape"
    for muscle in kb.muscles.values():
        for side in Side:
            if not any(d.shape(Layer.MUSCLE, muscle.id, side) for d in diagrams.values()):
                yield f"muscle '{muscle.id}'{_side(side)} is drawn on no diagram"
    for diagram in diagrams.values():
        for shape in diagram.shapes:
            known = kb.regions if shape.layer is Layer.REGION else kb.muscles
            if shape.name not in known:
                yield f"{diagram.source.name}: '{shape.svg_id}' names no {shape.layer.value} in the data"
            elif shape.layer is Layer.REGION:
                region = kb.regions[shape.name]
                if diagram.view not in region.views:
                    yield (
                        f"{diagram.source.name}: '{shape.svg_id}' is drawn on the {diagram.view} view, "
                        f"which regions.toml does not list for it"
                    )
                if region.paired != (shape.side is not None):
                    yield f"{diagram.source.name}: '{shape.svg_id}' has the wrong sides for a region with paired={region.paired}"
            if shape.area <= 0:
                yield f"{diagram.source.name}: '{shape.svg_id}' has no area"


def _side(side: Side | None) -> str:
    return f" ({side.value})" if side else ""


def measure_tiling(diagram: Diagram) -> tuple[dict[tuple[str, str], float], float]:
    """Overlap area of each pair of regions, and the silhouette area no region covers.

    Measured row by row on the polygons themselves (exact along each row), which is fast
    enough for a test and needs no geometry library.
    """
    regions = diagram.layer(Layer.REGION)
    overlap: dict[tuple[str, str], float] = {}
    uncovered = 0.0
    _, y0, _, y1 = diagram.silhouette.bbox
    y = y0 + ROW_STEP / 2
    while y < y1:
        spans = [(shape, iv) for shape in regions if (iv := row_intervals(shape, y))]
        for i, (a, a_iv) in enumerate(spans):
            for b, b_iv in spans[i + 1 :]:
                shared = _shared_length(a_iv, b_iv)
                if shared:
                    key = (a.svg_id, b.svg_id)
                    overlap[key] = overlap.get(key, 0.0) + shared * ROW_STEP
        silhouette = row_intervals(diagram.silhouette, y)
        covered = _union([iv for _, ivs in spans for iv in ivs])
        uncovered += (_length(silhouette) - _shared_length(silhouette, covered)) * ROW_STEP
        y += ROW_STEP
    return overlap, uncovered


def _tiling(diagram: Diagram) -> Iterator[str]:
    overlap, uncovered = measure_tiling(diagram)
    for (a, b), area in sorted(overlap.items()):
        if area > OVERLAP_TOLERANCE:
            yield f"{diagram.source.name}: regions '{a}' and '{b}' overlap by {area:.1f} square units"
    total = diagram.silhouette.area
    if uncovered > COVERAGE_TOLERANCE * total:
        yield f"{diagram.source.name}: {uncovered / total:.1%} of the silhouette lies in no region"


def _inside(diagram: Diagram) -> Iterator[str]:
    silhouette = diagram.silhouette
    for shape in diagram.layer(Layer.MUSCLE):
        outside = [
            p
            for ring in shape.rings
            for p in ring
            if not silhouette.contains(*p) and silhouette.distance_to_edge(*p) > EDGE_TOLERANCE
        ]
        if outside:
            x, y = outside[0]
            yield f"{diagram.source.name}: muscle '{shape.svg_id}' pokes outside the body near ({x:.0f}, {y:.0f})"


def _trigger_points(kb: KnowledgeBase, diagrams: Mapping[str, Diagram]) -> Iterator[str]:
    placed: set[tuple[str, str, Side]] = set()
    for diagram in diagrams.values():
        for mark in diagram.trigger_points:
            placed.add((mark.muscle, mark.point, mark.side))
            muscle = kb.muscles.get(mark.muscle)
            if muscle is None or mark.point not in {p.id for p in muscle.trigger_points}:
                yield f"{diagram.source.name}: trigger point '{mark.muscle}.{mark.point}' is not in the data"
                continue
            shape = diagram.shape(Layer.MUSCLE, mark.muscle, mark.side)
            if shape is None:
                yield f"{diagram.source.name}: trigger point '{mark.muscle}.{mark.point}' has no muscle shape on this view"
            elif not shape.contains(*mark.center) and shape.distance_to_edge(*mark.center) > EDGE_TOLERANCE:
                yield f"{diagram.source.name}: trigger point '{mark.muscle}.{mark.point}' ({mark.side.value}) lies outside its muscle"
    for muscle in kb.muscles.values():
        for point in muscle.trigger_points:
            for side in Side:
                if (muscle.id, point.id, side) not in placed:
                    yield f"trigger point '{muscle.id}.{point.id}' ({side.value}) is placed on no diagram"


def _length(intervals: list[tuple[float, float]]) -> float:
    return sum(b - a for a, b in intervals)


def _union(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for a, b in sorted(intervals):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _shared_length(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> float:
    total = 0.0
    for a0, a1 in a:
        for b0, b1 in b:
            total += max(0.0, min(a1, b1) - max(a0, b0))
    return total
