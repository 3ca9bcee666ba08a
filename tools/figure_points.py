"""Where each trigger point is drawn: the trigger_points table of each view (or figure) in
assets/drawing/muscles/<muscle>.toml, keyed by the point ids of data/muscles/<muscle>.toml.

Positions are for the drawn half of a mirrored figure and are mirrored for the other side;
on a figure without a mirror line, each placement of the figure gives the side. They follow
the ``location`` text of each point. A point that lands a hair outside its muscle's shape is
pulled just inside it; a point id with no position on any view is listed loudly and given a
stand-in position inside its muscle (on the first figure that draws it) so the diagram still
shows it.
"""

from __future__ import annotations

from figure_data import DataError, muscle_tables
from shapely.geometry import Point
from shapely.ops import nearest_points

_NOTES: list[str] = []


def positioned(drawings, figures_of):
    """{muscle id: the point ids that have a position in any of its tables}."""
    return {
        mid: {tid for _, table in muscle_tables(data, figures_of) for tid in table.get("trigger_points", {})}
        for mid, data in drawings.items()
    }


def place(fig, defs, drawings, muscles, placed, first_drawn):
    """Trigger points of one figure in its units: {(muscle, point id, side): (x, y)}, side None on
    a figure without a mirror line. ``muscles``: {(muscle, side): shape} of the figure;
    ``first_drawn``: {muscle: label of the first figure that draws it} (where stand-ins go)."""
    out = {}
    for mid, data in sorted(defs.items()):
        tps = data.get("trigger_points") or []
        table = (fig.table(drawings.get(mid, {})) or {}).get("trigger_points", {})
        shape = muscles.get((mid, fig.near))
        for k, tp in enumerate(tps):
            tid = tp.get("id")
            where = f"assets/drawing/muscles/{mid}.toml [{fig.label}.trigger_points] {tid}"
            if tid in table:
                if shape is None:
                    raise DataError(f"{where}: the muscle has no shape on this figure")
                pos = fig.point(table[tid], where)
            elif tid and tid not in placed.get(mid, ()) and first_drawn.get(mid) == fig.label:
                pos = _stand_in(shape, k, len(tps))
            else:
                continue
            pos = _inside(shape, pos, f"{mid}.{tid}")
            for side, xy in ((fig.near, pos), (fig.far, fig.mirror_pt(pos))) if fig.mid is not None else ((None, pos),):
                out[(mid, tid, side)] = xy
    return out


def _inside(shape, pos, label):
    p = Point(pos)
    if shape.buffer(-1.0).contains(p):
        return pos
    inner = shape.buffer(-1.5)
    if inner.is_empty:
        inner = shape.buffer(-0.5)
    q = nearest_points(inner, p)[0]
    d = p.distance(q)
    if d > 2.5:
        _NOTES.append(f"{label}: moved {d:.1f} px to lie inside its muscle")
    return (q.x, q.y)


def _stand_in(shape, k, n):
    """Spread n stand-in points along the long axis of the shape."""
    rect = shape.minimum_rotated_rectangle
    c = list(rect.exterior.coords)
    e1 = (c[1][0] - c[0][0], c[1][1] - c[0][1])
    e2 = (c[2][0] - c[1][0], c[2][1] - c[1][1])
    cx, cy = shape.centroid.x, shape.centroid.y
    d = e1 if (e1[0] ** 2 + e1[1] ** 2) >= (e2[0] ** 2 + e2[1] ** 2) else e2
    f = (k + 1) / (n + 1) - 0.5
    return (cx + d[0] * f * 0.6, cy + d[1] * f * 0.6)


def report(defs, drawings, figures_of, first_drawn):
    no_drawing = sorted(m for m in defs if m not in drawings)
    if no_drawing:
        print("MUSCLES WITH NO DRAWING FILE (assets/drawing/muscles/<id>.toml): " + ", ".join(no_drawing))
    placed = positioned(drawings, figures_of)
    missing = []
    for mid, data in sorted(defs.items()):
        for tp in data.get("trigger_points") or []:
            if tp.get("id") and tp["id"] not in placed.get(mid, ()):
                missing.append(
                    f"{mid}.{tp['id']}" + ("" if mid in first_drawn else " (muscle not drawn on any view: no circle)")
                )
    if missing:
        print(f"TRIGGER POINTS WITH NO POSITION ({len(missing)}), shown at a stand-in spot in the muscle:")
        for m in missing:
            print("  - " + m)
    else:
        print("Every trigger point in data/muscles has a position in assets/drawing/muscles.")
    unused = []
    for mid, data in sorted(drawings.items()):
        if mid not in defs:
            continue
        ids = {tp.get("id") for tp in defs[mid].get("trigger_points", [])}
        for label, table in muscle_tables(data, figures_of):
            for tid in table.get("trigger_points", {}):
                if tid not in ids:
                    unused.append(f"{mid}.{tid} ({label})")
    if unused:
        print("Positions whose point id is not (or no longer) in data/muscles: " + ", ".join(unused))
    for n in _NOTES:
        print("  note: " + n)
