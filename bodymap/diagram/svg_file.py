"""Read one body diagram SVG into named, flattened shapes.

The ids follow one contract, written by ``tools/draw_figure.py`` and read only here:
``region.<region>[.<side>]``, ``muscle.<muscle>.<side>``, ``tp.<muscle>.<point>.<side>``,
``silhouette``, and a ``details`` group of unnamed line art. Sides are the person's own.

SVG is XML, and XML can smuggle in entity bombs and external files. We never need a
DOCTYPE, so a file declaring one is refused before any parser sees it.
"""

from __future__ import annotations

import io
import math
import re
from pathlib import Path as FilePath
from xml.etree.ElementTree import ParseError

from bodymap import cache
from bodymap.diagram.diagram import Diagram, Fibres, Polyline, TriggerPointMark, diagram_from_json, diagram_to_json
from bodymap.diagram.shapes import Layer, Point, Ring, Shape, label_points
from bodymap.knowledge.model import Side
from bodymap.storage import FileProblem, decode, read_bytes, show

MAX_SVG_BYTES = 8 * 1024 * 1024
MAX_PATH_COMMANDS = 400_000
"""Path commands a diagram may have (the whole-body views have about 25,000)."""
MAX_CURVES = 20_000
"""Curves (Béziers and arcs) a diagram may have; each is flattened into many points."""
MAX_CANVAS = 20_000.0
"""The largest side a diagram's viewBox may have, in its units."""
MAX_COORDINATE = 1e6
"""No point of a diagram lies further than this from the origin: beyond, the numbers are nonsense."""
_PATH_DATA = re.compile(r"""\sd\s*=\s*["']([^"']*)["']""")
_COMMAND = re.compile(r"[MLHVCSQTAZmlhvcsqtaz]")
_CURVE = re.compile(r"[CSQTAcsqta]")
_FLATNESS = 2.5
"""Target length, in diagram units (1/600 of the figure's width box), of a flattened curve step."""
_ID = re.compile(r"^(region|muscle)\.([a-z][a-z0-9_]*)(?:\.(left|right))?$")
_TP_ID = re.compile(r"^tp\.([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\.(left|right)$")
_FIBRE_ID = re.compile(r"^fibres\.([a-z][a-z0-9_]*)\.(left|right)$")


class DiagramError(ValueError):
    """A diagram file that cannot be used, with the file (and element) named."""


def read_diagram(path: FilePath, view: str) -> Diagram:
    """Parse ``path`` as the diagram of view ``view`` (an id); raise DiagramError with the file named on any problem.

    The flattened geometry is cached, keyed by the file's bytes (svgelements takes about a
    quarter of a second per diagram; the cached JSON loads in a few milliseconds).
    """
    raw = _read_guarded(path)
    key = cache.digest([raw, view.encode()])
    kind = f"diagram-{view}"
    text = cache.read(kind, key)
    if text is not None:
        try:
            return diagram_from_json(text, path)
        except (ValueError, KeyError, TypeError):
            pass
    diagram = _parse(path, raw, view)
    cache.write(kind, key, diagram_to_json(diagram))
    return diagram


def _parse(path: FilePath, raw: bytes, view: str) -> Diagram:
    # svgelements is needed only here: a cached diagram, and every text command, skip its import.
    from svgelements import SVG

    try:
        # Parse the very bytes that were checked, not the file again.
        svg = SVG.parse(io.BytesIO(raw), on_error="raise")
        viewbox = getattr(svg, "viewbox", None)
    except (ParseError, ValueError, TypeError, IndexError, OverflowError, RecursionError, AttributeError) as exc:
        raise DiagramError(f"{show(path)}: not a valid SVG drawing ({exc.__class__.__name__}: {show(exc)})") from None
    if viewbox is None:
        raise DiagramError(f"{show(path)}: the <svg> element has no viewBox")
    try:
        return _diagram(path, svg, view)
    except DiagramError:
        raise
    except (ValueError, TypeError, AttributeError, IndexError, OverflowError, ZeroDivisionError, RecursionError) as exc:
        raise DiagramError(f"{show(path)}: unusable drawing ({exc.__class__.__name__}: {show(exc)})") from None


def _diagram(path: FilePath, svg, view: str) -> Diagram:
    """The named shapes of a parsed SVG; DiagramError (or a ValueError) for what breaks the contract."""
    from svgelements import Circle, Group, Path
    from svgelements import Shape as SvgShape

    shapes: list[Shape] = []
    marks: list[TriggerPointMark] = []
    silhouette: Shape | None = None
    details: list[Polyline] = []
    fibres: list[Fibres] = []
    for element in svg.elements():
        element_id = getattr(element, "id", None)
        if element_id == "details" and isinstance(element, Group):
            try:
                details.extend(_polylines(element))
            except (ValueError, OverflowError, ZeroDivisionError, TypeError) as exc:
                raise DiagramError(f"{path}: the details group has unusable geometry ({exc})") from None
        if not element_id or not isinstance(element, SvgShape):
            continue
        if element_id == "silhouette":
            silhouette = _shape(path, element, Layer.REGION, "silhouette", None)
        elif match := _ID.match(element_id):
            layer, name, side = Layer(match.group(1)), match.group(2), match.group(3)
            shapes.append(_shape(path, element, layer, name, Side(side) if side else None))
        elif match := _TP_ID.match(element_id):
            if not isinstance(element, Circle):
                raise DiagramError(f"{path}: element '{element_id}': a trigger point must be a <circle>")
            center = (float(element.cx), float(element.cy))
            if not all(math.isfinite(c) and abs(c) <= MAX_COORDINATE for c in center):
                raise DiagramError(f"{path}: element '{element_id}': the centre is not a finite point")
            marks.append(TriggerPointMark(match.group(1), match.group(2), Side(match.group(3)), center))
        elif match := _FIBRE_ID.match(element_id):
            try:
                lines = tuple(ring for ring in _flatten(Path(element)) if len(ring) >= 2)
            except (ValueError, OverflowError, ZeroDivisionError, TypeError) as exc:
                raise DiagramError(f"{path}: element '{element_id}': unusable geometry ({exc})") from None
            fibres.append(Fibres(match.group(1), Side(match.group(2)), lines))
        elif element_id.startswith(("region.", "muscle.", "tp.", "fibres.")):
            raise DiagramError(f"{path}: element id '{element_id}' does not follow the naming contract")
    if silhouette is None:
        raise DiagramError(f"{path}: no element with id 'silhouette'")
    box = svg.viewbox
    size = (float(box.width), float(box.height))
    if not all(math.isfinite(v) and 0 < v <= MAX_CANVAS for v in size):
        raise DiagramError(f"{show(path)}: the viewBox has no usable size (at most {MAX_CANVAS:g} units a side)")
    width, height = size
    for shape in (silhouette, *shapes):
        x0, y0, x1, y1 = shape.bbox
        if x0 < -width or y0 < -height or x1 > 2 * width or y1 > 2 * height:
            raise DiagramError(f"{show(path)}: element '{shape.svg_id}' lies far outside the drawing")
    return Diagram(
        view=view,
        size=size,
        silhouette=silhouette,
        shapes=tuple(shapes),
        trigger_points=tuple(marks),
        details=tuple(details),
        source=path,
        fibres=tuple(fibres),
    )


def _read_guarded(path: FilePath) -> bytes:
    """The file's bytes, once it is known to be a plain UTF-8 SVG of bounded size and work: no
    DOCTYPE or entities (however encoded), not too many path commands or curves to flatten."""
    try:
        raw = read_bytes(path, MAX_SVG_BYTES)
        if raw is None:
            raise DiagramError(f"{show(path)}: the diagram file is missing")
        text = decode(raw, path)
    except FileProblem as exc:
        raise DiagramError(str(exc)) from None
    upper = text.upper()
    if "<!DOCTYPE" in upper or "<!ENTITY" in upper:
        raise DiagramError(
            f"{show(path)}: declares a DOCTYPE or entities, which diagrams may not (no external content)"
        )
    paths = " ".join(_PATH_DATA.findall(text))
    commands, curves = len(_COMMAND.findall(paths)), len(_CURVE.findall(paths))
    if commands > MAX_PATH_COMMANDS or curves > MAX_CURVES:
        raise DiagramError(
            f"{show(path)}: {commands} path commands ({curves} curves) are more than a diagram may have "
            f"({MAX_PATH_COMMANDS}, {MAX_CURVES} curves)"
        )
    return raw


def _shape(path: FilePath, element, layer: Layer, name: str, side: Side | None) -> Shape:
    from svgelements import Path

    try:
        rings = tuple(ring for ring in _flatten(Path(element)) if len(ring) >= 3)
    except (ValueError, OverflowError, ZeroDivisionError, TypeError) as exc:
        raise DiagramError(f"{path}: element '{element.id}': unusable geometry ({exc})") from None
    if not rings:
        raise DiagramError(f"{path}: element '{element.id}' has no area")
    return Shape(layer, name, side, rings, label_points(Shape(layer, name, side, rings)))


def _flatten(path) -> list[Ring]:
    """Sub-paths of an svgelements ``Path`` as point rings; curves become short straight steps."""
    from svgelements import Close, Line, Move

    rings: list[list[Point]] = []
    current: list[Point] = []
    for segment in path.segments():
        if isinstance(segment, Move):
            if current:
                rings.append(current)
            current = [(float(segment.end.x), float(segment.end.y))]
        elif isinstance(segment, Close):
            if current:
                rings.append(current)
            current = []
        elif isinstance(segment, Line):
            current.append((float(segment.end.x), float(segment.end.y)))
        else:
            steps = _steps(segment)
            current.extend((float(p.x), float(p.y)) for p in (segment.point(i / steps) for i in range(1, steps + 1)))
    if current:
        rings.append(current)
    for ring in rings:
        if not all(math.isfinite(x) and math.isfinite(y) and abs(x) + abs(y) <= MAX_COORDINATE for x, y in ring):
            raise ValueError("coordinates that are not finite numbers, or far outside any drawing")
    return [tuple(_dedupe(ring)) for ring in rings]


def _steps(segment) -> int:
    """Enough steps that each is about _FLATNESS long, estimated from the control polygon."""
    points = [
        segment.start,
        *[getattr(segment, name) for name in ("control", "control1", "control2") if hasattr(segment, name)],
        segment.end,
    ]
    estimate = sum(math.dist(a, b) for a, b in zip(points, points[1:]))
    if not math.isfinite(estimate):
        raise ValueError("a curve with coordinates that are not finite numbers")
    if hasattr(segment, "rx"):  # an arc: its control polygon says little, use its radius
        estimate = max(estimate, math.pi * max(float(segment.rx), float(segment.ry)))
    return max(2, min(200, math.ceil(estimate / _FLATNESS)))


def _dedupe(ring: list[Point]) -> list[Point]:
    out = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def _polylines(group) -> list[Polyline]:
    from svgelements import Circle, Close, Group, Path
    from svgelements import Shape as SvgShape

    lines = []
    for element in group.select():
        if isinstance(element, SvgShape) and not isinstance(element, Group):
            for ring in _flatten(Path(element)):
                closed = isinstance(element, Circle) or any(isinstance(s, Close) for s in Path(element).segments())
                if len(ring) >= 2:
                    lines.append(Polyline(ring, closed))
    return lines
