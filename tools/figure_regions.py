"""Regions: the silhouette cut along the dividing lines of a view file, each face named by
the seed point it holds, so the regions of a view tile the silhouette exactly with shared
edges. Lines are drawn on the drawn half and mirrored (unless `mirror = false`, for the
midline pieces); a paired region's seed names its drawn-half side and is mirrored too.

A view of two mirrored figures (two head profiles) lists in `split_midline` the midline
regions that appear once in each figure, away from the mirror line: their seed is taken as
written on the drawn half and mirrored like a paired one, and the two pieces are joined
into one region (one SVG path with two sub-paths).
"""

from __future__ import annotations

import math

import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.ops import polygonize, unary_union

from figure_data import DataError

LINE_STEP = 1.5
MIRRORED_PIECE = "~mirrored"  # the seed key of the far piece of a split midline region


def split_midline(drawing, paired=None):
    """The midline regions of ``split_midline`` (a piece in each mirrored figure), checked."""
    ids = drawing.data.get("split_midline", [])
    where = drawing.path.name
    if not isinstance(ids, list):
        raise DataError(f"{where}: split_midline = [region ids] (midline regions drawn once in each figure)")
    if ids and drawing.mid is None:
        raise DataError(f"{where}: split_midline needs [mirror]: the far piece is the mirror image of the drawn one")
    for rid in ids:
        if paired is not None and paired.get(rid, True):
            raise DataError(f"{where}: split_midline names {rid!r}, which is not a midline region of the {drawing.view} view")
    return set(ids)


def _ext(ls, a=6.0, b=6.0):
    """Extend a line straight past both ends (so it surely meets what it should)."""
    c = list(ls.coords)

    def push(p, q, d):
        dx, dy = p[0] - q[0], p[1] - q[1]
        n = math.hypot(dx, dy) or 1
        return (p[0] + dx / n * d, p[1] + dy / n * d)

    return LineString([push(c[0], c[1], a), *c, push(c[-1], c[-2], b)])


def dividing_lines(drawing):
    half, mid = [], []
    for k, spec in enumerate(drawing.data.get("lines", [])):
        where = f"{drawing.path.name} lines[{k}]"
        g = drawing.curve(spec, where, LINE_STEP)
        if "extend" in spec:
            g = _ext(g, *spec["extend"])
        (half if spec.get("mirror", drawing.mid is not None) else mid).append(g)
    return half + [drawing.mirror(g) for g in half] + mid


def partition(sil, lines, seeds: dict[str, tuple[float, float]], where: str):
    """Cut the silhouette along ``lines`` and name each face by the seed inside it."""
    lines = [_ext(ls, 1.5, 1.5) if ls.geom_type == "LineString" else ls for ls in lines]
    noded = unary_union([sil.boundary, *lines])
    faces = [f for f in polygonize(noded) if sil.contains(f.representative_point())]
    named: dict[str, list[Polygon]] = {k: [] for k in seeds}
    orphans = []
    for f in faces:
        hits = [k for k, p in seeds.items() if f.contains(Point(p))]
        if len(hits) > 1:
            raise DataError(f"{where}: one face holds the seeds of {hits}: a dividing line is missing between them")
        if hits:
            named[hits[0]].append(f)
        else:
            orphans.append(f)
    for k, v in named.items():
        if not v:
            raise DataError(f"{where}: the seed of {k} at {seeds[k]} lies in no face (outside the outline, or on a line)")
    # slivers left over by overshooting lines join the neighbour they share most edge with
    for f in sorted(orphans, key=lambda g: -g.area):
        best, best_len = None, 0.0
        for k, v in named.items():
            shared = f.boundary.intersection(unary_union(v).boundary).length
            if shared > best_len:
                best, best_len = k, shared
        if best is None:
            raise DataError(f"{where}: a face at {f.representative_point()} has no seed and touches no region")
        if f.area > 25:
            print(f"  note: unseeded face of {f.area:.0f} px2 at {tuple(round(c) for c in f.centroid.coords[0])} joined to {best}")
        named[best].append(f)
    return {k: unary_union(v) for k, v in named.items()}


def build_regions(drawing, regions_toml):
    view = drawing.view
    where = drawing.path.name
    paired = {r["id"]: r["paired"] for r in regions_toml if view in r["views"]}
    split = split_midline(drawing, paired)
    full_seeds = {}
    for key, spec in drawing.data.get("seeds", {}).items():
        rid, _, side = key.partition(".")
        if rid not in paired:
            raise DataError(f"{where}: seeds name region {rid!r}, which data/regions.toml does not list for the {view} view")
        p = drawing.point(spec, f"{where} seeds.{key}")
        if rid in split:
            full_seeds[rid] = p
            full_seeds[rid + MIRRORED_PIECE] = drawing.mirror_pt(p)
        elif not paired[rid]:
            full_seeds[rid] = (drawing.mid, p[1]) if drawing.mid is not None else p
        elif side:
            full_seeds[key] = p
        elif drawing.mid is None:
            raise DataError(f"{where}: seeds.{key}: a view without [mirror] names the side: '{rid}.left' / '{rid}.right'")
        else:
            full_seeds[f"{rid}.{drawing.near}"] = p
            full_seeds[f"{rid}.{drawing.far}"] = drawing.mirror_pt(p)
    shapes = partition(drawing.silhouette(), dividing_lines(drawing), full_seeds, where)
    for rid in split:
        shapes[rid] = unary_union([shapes[rid], shapes.pop(rid + MIRRORED_PIECE)])
    keys = list(shapes)
    simplified = shapely.coverage_simplify([shapes[k] for k in keys], 0.2)
    out = {}
    for k, g in zip(keys, simplified):
        g = shapely.make_valid(g)
        want = 2 if k in split else 1
        if g.geom_type != "Polygon" or want != 1:
            polys = [p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and p.area > 0.01]
            if len(polys) != want:
                shape = "one connected shape" if want == 1 else "two pieces, one in each figure"
                raise DataError(f"region {k} on the {view} view is not {shape} ({len(polys)} parts)")
            g = polys[0] if want == 1 else MultiPolygon(polys)
        out[k] = g
    return out
