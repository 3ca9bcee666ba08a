"""Muscle shapes and fibre lines, from assets/drawing/muscles/<muscle>.toml.

Each muscle file has one table per view it is drawn on ([front], [back], ...), or per figure
of a view of placed figures ([feet_side.outer]): its shape on the drawn half (mirrored for the
other side), how its fibres run and where its trigger points sit. See assets/drawing/README.md
for every key.
"""

from __future__ import annotations

import math

import numpy as np
from figure_geom import catmull_rom
from shapely.geometry import LineString, MultiLineString, Point
from shapely.ops import unary_union


def strap(pts, widths, step=1.0):
    """A smooth band along a spline through ``pts``; ``widths`` (full widths) are spread along it."""
    c = catmull_rom(pts, step=step)
    ls = LineString(c)
    n = max(8, int(ls.length / 1.0))
    ws = np.interp(np.linspace(0, 1, n + 1), np.linspace(0, 1, len(widths)), widths)
    disks = [Point(ls.interpolate(k / n, normalized=True)).buffer(max(ws[k], 0.6) / 2, 16) for k in range(n + 1)]
    return unary_union(disks).simplify(0.05)


def fibre_lines(shape, spec, spacing=4.2):
    """Thin lines showing fibre direction inside ``shape``."""
    if shape.is_empty:
        return None
    if spec is None:
        rect = shape.minimum_rotated_rectangle
        c = list(rect.exterior.coords)
        e1 = (c[1][0] - c[0][0], c[1][1] - c[0][1])
        e2 = (c[2][0] - c[1][0], c[2][1] - c[1][1])
        d = e1 if math.hypot(*e1) >= math.hypot(*e2) else e2
        spec = ("dir", d)
    kind, val = spec
    minx, miny, maxx, maxy = shape.bounds
    diag = math.hypot(maxx - minx, maxy - miny) + 10
    lines = []
    if kind == "dir":
        dx, dy = val
        L = math.hypot(dx, dy)
        dx, dy = dx / L, dy / L
        nx, ny = -dy, dx
        cx, cy = shape.centroid.x, shape.centroid.y
        k = -diag / 2
        while k <= diag / 2:
            px, py = cx + nx * k, cy + ny * k
            lines.append(LineString([(px - dx * diag, py - dy * diag), (px + dx * diag, py + dy * diag)]))
            k += spacing
    elif kind == "rings":
        # concentric rings round a centre (ring muscles: around the eye, the mouth, a sphincter)
        (fx, fy), aspect = val
        far = max(math.hypot(x - fx, (y - fy) / aspect) for x, y in shape.exterior.coords)
        r = spacing
        while r < far:
            steps = max(24, int(2 * math.pi * r / 2))
            lines.append(
                LineString(
                    [
                        (
                            fx + r * math.cos(2 * math.pi * k / steps),
                            fy + r * aspect * math.sin(2 * math.pi * k / steps),
                        )
                        for k in range(steps + 1)
                    ]
                )
            )
            r += spacing
    else:
        fx, fy = val
        # rays from the focus, spaced so neighbouring fibres sit ~spacing apart at the far edge
        far = max(math.hypot(x - fx, y - fy) for x, y in shape.exterior.coords)
        dstep = spacing / max(far * 0.75, 1)
        angs = [math.atan2(y - fy, x - fx) for x, y in shape.exterior.coords]
        a0, a1 = min(angs), max(angs)
        if a1 - a0 > math.pi:  # wraps around
            angs = [a % (2 * math.pi) for a in angs]
            a0, a1 = min(angs), max(angs)
        a = a0 + dstep / 2
        while a < a1:
            lines.append(LineString([(fx, fy), (fx + math.cos(a) * diag, fy + math.sin(a) * diag)]))
            a += dstep
    inner = shape.buffer(-1.0)
    parts = []
    for ln in lines:
        g = ln.intersection(inner)
        for p in getattr(g, "geoms", [g]):
            if p.geom_type == "LineString" and p.length > 3:
                parts.append(p)
    if not parts and spacing > 1.0:
        # a muscle too small for the usual spacing still gets a few fibres, closer together
        return fibre_lines(shape, spec, spacing / 2)
    return MultiLineString(parts) if parts else None


def load(root):
    """{muscle id: drawing data} for every assets/drawing/muscles/*.toml."""
    from figure_data import DRAWING, read_toml

    return {path.stem: read_toml(path) for path in sorted((DRAWING / "muscles").glob("*.toml"))}


def build(drawing, drawings):
    """{muscle id: polygon} and {muscle id: fibre lines} of one figure, in its units (the drawn
    half of a mirrored figure)."""
    shapes, fibres = {}, {}
    for name, data in sorted(drawings.items()):
        spec = drawing.table(data)
        if spec is None:
            continue
        where = f"assets/drawing/muscles/{name}.toml [{drawing.label}]"
        g = drawing.shape(spec, where)
        shapes[name] = g
        fibres[name] = fibre_lines(g, fibre_spec(drawing, spec.get("fibres"), where))
    return shapes, fibres


def fibre_spec(drawing, spec, where):
    """("fan", focus), ("rings", (centre, aspect)), ("dir", (dx, dy)) or None (along the shape's long axis)."""
    if spec is None:
        return None
    if "fan" in spec:
        return ("fan", drawing.point(spec["fan"], where + " fibres.fan"))
    if "rings" in spec:
        return ("rings", (drawing.point(spec["rings"], where + " fibres.rings"), float(spec.get("aspect", 1.0))))
    if "dir" in spec:
        return ("dir", drawing.direction(spec["dir"], where + " fibres.dir"))
    from figure_data import DataError

    raise DataError(
        f"{where}: fibres = {{ fan = point }}, {{ rings = point, aspect = ry/rx }} or {{ dir = direction }}"
    )
