"""Named flat shapes and the plane geometry hit-testing needs, in plain Python.

SVG curves are flattened once, at load time, into polygons fine enough to look smooth at
the zoom levels the app offers; after that every question (is this point inside? how big
is it? where is a point well inside it?) is cheap arithmetic with no Qt involved.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum

from bodymap.knowledge.model import Side

Point = tuple[float, float]
Ring = tuple[Point, ...]


class Layer(str, Enum):
    """The interactive layers of a diagram, named by the id prefix of their shapes."""

    REGION = "region"
    MUSCLE = "muscle"


@dataclass(frozen=True)
class Shape:
    """One named closed shape on a diagram, e.g. the person's left outer thigh.

    ``rings`` are the closed outlines of its sub-paths; a point is inside by the even-odd rule,
    which also makes holes work.
    """

    layer: Layer
    name: str
    side: Side | None
    rings: tuple[Ring, ...]
    anchors: tuple[Point, ...] = field(default=(), compare=False)
    """Points well inside the shape, best first, spread along its length: where a badge or label can
    go (several, so badges of neighbouring shapes need not cover each other). Computed once, when
    the diagram is read, by :func:`label_points`."""
    bbox: tuple[float, float, float, float] = field(init=False)

    def __post_init__(self) -> None:
        xs = [x for ring in self.rings for x, _ in ring]
        ys = [y for ring in self.rings for _, y in ring]
        object.__setattr__(self, "bbox", (min(xs), min(ys), max(xs), max(ys)))

    @property
    def key(self) -> tuple[str, Side | None]:
        return self.name, self.side

    @property
    def svg_id(self) -> str:
        return f"{self.layer.value}.{self.name}" + (f".{self.side.value}" if self.side else "")

    def contains(self, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.bbox
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        return sum(_crossings(ring, x, y) for ring in self.rings) % 2 == 1

    @property
    def area(self) -> float:
        return abs(sum(_signed_area(ring) for ring in self.rings))

    def interior_point(self) -> Point:
        """A point well inside the shape (far from its edges), for labels and tests."""
        return self.anchors[0] if self.anchors else label_points(self, 1)[0]

    def distance_to_edge(self, x: float, y: float) -> float:
        return min(_segment_distance(x, y, a, b) for ring in self.rings for a, b in zip(ring, ring[1:] + ring[:1]))


def _crossings(ring: Ring, x: float, y: float) -> int:
    inside = 0
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside ^= 1
        j = i
    return inside


def _signed_area(ring: Ring) -> float:
    return sum(ax * by - bx * ay for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1])) / 2


def _segment_distance(x: float, y: float, a: Point, b: Point) -> float:
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / length2))
    return math.hypot(x - (ax + t * dx), y - (ay + t * dy))


def label_points(shape: Shape, count: int = 5, steps: int = 24) -> tuple[Point, ...]:
    """Up to ``count`` points deep inside ``shape``: the deepest of each of ``count`` slices along its
    longer side, deepest first (the first is the deepest point found overall)."""
    x0, y0, x1, y1 = shape.bbox
    tall = (y1 - y0) >= (x1 - x0)
    best: dict[int, tuple[float, Point]] = {}
    fallback: Point = ((x0 + x1) / 2, (y0 + y1) / 2)
    for i in range(1, steps):
        for j in range(1, steps):
            x, y = x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * j / steps
            if not shape.contains(x, y):
                continue
            along = (j if tall else i) * count // steps
            depth = shape.distance_to_edge(x, y)
            if depth > best.get(along, (-1.0, fallback))[0]:
                best[along] = (depth, (x, y))
    if not best:
        return (fallback,)
    return tuple(point for _, point in sorted(best.values(), key=lambda item: -item[0]))


def row_intervals(shape: Shape, y: float) -> list[tuple[float, float]]:
    """The x-intervals where the horizontal line at ``y`` lies inside ``shape`` (even-odd rule)."""
    x0, y0, x1, y1 = shape.bbox
    if not y0 <= y <= y1:
        return []
    xs: list[float] = []
    for ring in shape.rings:
        for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1]):
            if (ay > y) != (by > y):
                xs.append(ax + (y - ay) * (bx - ax) / (by - ay))
    xs.sort()
    return list(zip(xs[0::2], xs[1::2]))
