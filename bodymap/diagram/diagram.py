"""One body diagram (front or back) as named shapes, and hit-testing on it.

The canvas forwards a point; this module says which region or muscle is there, so mouse,
touch, keyboard and tests share one answer.
"""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from bodymap.diagram.shapes import Layer, Point, Ring, Shape
from bodymap.knowledge.model import Side


@dataclass(frozen=True)
class TriggerPointMark:
    """Where a trigger point is drawn: muscle, point id (from the muscle's data), side, centre."""

    muscle: str
    point: str
    side: Side
    center: Point


@dataclass(frozen=True)
class Fibres:
    """The fibre lines drawn inside one muscle on one side: the texture of the muscle in focus."""

    muscle: str
    side: Side
    lines: tuple[Ring, ...]


@dataclass(frozen=True)
class Polyline:
    """Non-interactive line art (collarbone, kneecap...)."""

    points: Ring
    closed: bool


@dataclass(frozen=True)
class Diagram:
    """The shapes of one view, in drawing order (later shapes lie on top)."""

    view: str
    """The id of the view (data/views.toml) this diagram draws."""
    size: tuple[float, float]
    silhouette: Shape
    shapes: tuple[Shape, ...]
    trigger_points: tuple[TriggerPointMark, ...]
    details: tuple[Polyline, ...]
    source: Path
    fibres: tuple[Fibres, ...] = ()
    _index: dict[tuple[Layer, str, Side | None], Shape] = field(init=False, repr=False, compare=False)
    _fibres: dict[tuple[str, Side], Fibres] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {(s.layer, s.name, s.side): s for s in self.shapes})
        object.__setattr__(self, "_fibres", {(f.muscle, f.side): f for f in self.fibres})

    def fibres_of(self, muscle: str, side: Side) -> Fibres | None:
        return self._fibres.get((muscle, side))

    def layer(self, layer: Layer) -> tuple[Shape, ...]:
        return tuple(s for s in self.shapes if s.layer is layer)

    def shape(self, layer: Layer, name: str, side: Side | None) -> Shape | None:
        return self._index.get((layer, name, side))

    def region_at(self, point: Point) -> tuple[str, Side | None] | None:
        """The (region id, person's side) at ``point``, or None off the body."""
        return self._topmost(Layer.REGION, point)

    def muscle_at(self, point: Point) -> tuple[str, Side | None] | None:
        """The (muscle id, person's side) drawn topmost at ``point``, or None."""
        return self._topmost(Layer.MUSCLE, point)

    def _topmost(self, layer: Layer, point: Point) -> tuple[str, Side | None] | None:
        x, y = point
        for shape in reversed(self.shapes):
            if shape.layer is layer and shape.contains(x, y):
                return shape.key
        return None


def _flat(points: Ring) -> list[float]:
    return [c for point in points for c in point]


def _points(flat: list) -> Ring:
    values = array("d", flat)  # checks every coordinate is a number, in C
    if len(values) % 2:
        raise ValueError("odd number of coordinates")
    return tuple(zip(values[0::2], values[1::2]))


def diagram_to_json(diagram: Diagram) -> str:
    """The diagram's geometry as JSON, for the cache.

    Points are stored as flat [x0, y0, x1, y1, ...] lists: ~30,000 two-item lists are what
    made reading the cache slow, and flat lists decode about twice as fast."""

    def shape(s: Shape) -> dict:
        return {
            "layer": s.layer.value,
            "name": s.name,
            "side": s.side.value if s.side else None,
            "rings": [_flat(ring) for ring in s.rings],
            "anchors": _flat(s.anchors),
        }

    return json.dumps(
        {
            "view": diagram.view,
            "size": diagram.size,
            "silhouette": shape(diagram.silhouette),
            "shapes": [shape(s) for s in diagram.shapes],
            "trigger_points": [[m.muscle, m.point, m.side.value, m.center] for m in diagram.trigger_points],
            "details": [[_flat(line.points), line.closed] for line in diagram.details],
            "fibres": [[f.muscle, f.side.value, [_flat(line) for line in f.lines]] for f in diagram.fibres],
        },
        separators=(",", ":"),
    )


def diagram_from_json(text: str, source: Path) -> Diagram:
    """Rebuild a diagram saved by diagram_to_json; raises ValueError (or KeyError/TypeError) if malformed."""
    data = json.loads(text)

    def shape(d: dict) -> Shape:
        return Shape(
            Layer(d["layer"]),
            str(d["name"]),
            Side(d["side"]) if d["side"] else None,
            tuple(_points(r) for r in d["rings"]),
            _points(d["anchors"]),
        )

    width, height = data["size"]
    return Diagram(
        view=str(data["view"]),
        size=(float(width), float(height)),
        silhouette=shape(data["silhouette"]),
        shapes=tuple(shape(s) for s in data["shapes"]),
        trigger_points=tuple(
            TriggerPointMark(str(m), str(p), Side(side), (float(c[0]), float(c[1])))
            for m, p, side, c in data["trigger_points"]
        ),
        details=tuple(Polyline(_points(points), bool(closed)) for points, closed in data["details"]),
        source=source,
        fibres=tuple(
            Fibres(str(m), Side(side), tuple(_points(line) for line in lines)) for m, side, lines in data["fibres"]
        ),
    )
