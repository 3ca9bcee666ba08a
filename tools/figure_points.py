"""Where each trigger point is drawn: the trigger_points table of each view in
assets/drawing/muscles/<muscle>.toml, keyed by the point ids of data/muscles/<muscle>.toml.

Positions are for the drawn half of the view and are mirrored for the other side. They
follow the ``location`` text of each point. A point that lands a hair outside its muscle's
shape is pulled just inside it; a point id with no position on any view is listed loudly
and given a stand-in position inside its muscle so the diagram still shows it.
"""

from __future__ import annotations

from shapely.geometry import Point
from shapely.ops import nearest_points

_NOTES: list[str] = []


def _tables(drawing, spec):
    """[(figure, trigger_points table)] of one muscle on one view (main figure first)."""
    from figure_muscles import figure_tables

    where = f"assets/drawing/muscles/?.toml [{drawing.view}]"
    return [(fig, table.get("trigger_points", {})) for fig, table, _ in figure_tables(drawing, spec, where)]


def _placed_on(drawings, mid):
    """{view: set of point ids} with a position in any figure of that view."""
    out = {}
    for v, spec in drawings.get(mid, {}).items():
        if not isinstance(spec, dict):
            continue
        ids = set(spec.get("trigger_points", {}))
        for sub in spec.get("figures", {}).values():
            ids |= set(sub.get("trigger_points", {}))
        if ids:
            out[v] = ids
    return out


def place(drawing, defs, drawings, muscles, drawn_views):
    """Trigger point circles for the view: {svg id: (x, y)} and a list of points without a position.

    A point is written once per side: placing the same point for the same side in two figures
    of one view is an error (svg ids are unique).
    """
    from figure_data import DataError

    view = drawing.view
    out, missing = {}, []
    for mid, data in sorted(defs.items()):
        tps = data.get("trigger_points") or []
        views_drawn = drawn_views.get(mid, [])
        placed_on = _placed_on(drawings, mid)
        spec = drawings.get(mid, {}).get(view)
        tables = _tables(drawing, spec) if isinstance(spec, dict) else []
        for k, tp in enumerate(tps):
            tid = tp.get("id")
            if not tid:
                continue
            where = f"assets/drawing/muscles/{mid}.toml [{view}.trigger_points] {tid}"
            here = [(fig, table[tid]) for fig, table in tables if tid in table]
            if here:
                spots = [(fig, drawing.point(pos, where)) for fig, pos in here]
            elif any(tid in ids for ids in placed_on.values()):
                continue
            else:
                if not views_drawn:
                    if view == "front":
                        missing.append(f"{mid}.{tid} (muscle not drawn on any view: no circle)")
                    continue
                # stand-in: inside the muscle on the first view (and figure) it is drawn on
                if views_drawn[0] != view:
                    continue
                missing.append(f"{mid}.{tid}")
                fig = tables[0][0]
                shape = muscles[f"muscle.{mid}.{fig.near}"]
                spots = [(fig, _stand_in(shape, k, len(tps)))]
            for fig, pos in spots:
                key = f"muscle.{mid}.{fig.near}"
                shape = muscles.get(key)
                if shape is None:
                    _NOTES.append(f"{mid}.{tid}: muscle not drawn on the {view} view")
                    continue
                pos = _inside(shape, pos, f"{mid}.{tid}")
                sides = [(fig.near, pos)] + ([(fig.far, fig.mirror_pt(pos))] if fig.far else [])
                for side, xy in sides:
                    tkey = f"tp.{mid}.{tid}.{side}"
                    if tkey in out:
                        raise DataError(f"{where}: placed twice for the {side} side on the {view} view "
                                        "(two figures of the view draw it; keep it in one)")
                    out[tkey] = xy
    return out, missing


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


def report(defs, drawings, missing):
    no_drawing = sorted(m for m in defs if m not in drawings)
    if no_drawing:
        print("MUSCLES WITH NO DRAWING FILE (assets/drawing/muscles/<id>.toml): " + ", ".join(no_drawing))
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
        for view, spec in data.items():
            if not isinstance(spec, dict):
                continue
            tables = [spec.get("trigger_points", {})] + [sub.get("trigger_points", {}) for sub in spec.get("figures", {}).values()]
            for tid in (t for table in tables for t in table):
                if tid not in ids:
                    unused.append(f"{mid}.{tid} ({view})")
    if unused:
        print("Positions whose point id is not (or no longer) in data/muscles: " + ", ".join(unused))
    for n in _NOTES:
        print("  note: " + n)
