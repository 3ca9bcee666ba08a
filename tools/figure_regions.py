"""Regions: the silhouette cut along the dividing lines of a view file, each face named by
the seed point it holds, so the regions of a view tile the silhouette exactly with shared
edges. Lines are drawn on the drawn half and mirrored (unless `mirror = false`, for the
midline pieces); a paired region's seed names its drawn-half side and is mirrored too.

A view with several figures ([figures.<name>] in the view file) cuts each figure along its own
lines, mirrored about its own line; a midline region seeded in two figures is one region of
two pieces (one SVG path with two sub-paths).
"""

from __future__ import annotations

import math

import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.ops import polygonize, unary_union

from figure_data import DataError

LINE_STEP = 1.5


def _ext(ls, a=6.0, b=6.0):
    """Extend a line straight past both ends (so it surely meets what it should)."""
    c = list(ls.coords)

    def push(p, q, d):
        dx, dy = p[0] - q[0], p[1] - q[1]
        n = math.hypot(dx, dy) or 1
        return (p[0] + dx / n * d, p[1] + dy / n * d)

    return LineString([push(c[0], c[1], a), *c, push(c[-1], c[-2], b)])


def dividing_lines(drawing):
    out = []
    for fig in drawing.figures:
        spec_list = drawing.data.get("lines", []) if fig is drawing.main else fig.spec.get("lines", [])
        prefix = "" if fig is drawing.main else f"figures.{fig.name}."
        half, mid = [], []
        for k, spec in enumerate(spec_list):
            where = f"{drawing.path.name} {prefix}lines[{k}]"
            g = drawing.curve(spec, where, LINE_STEP)
            if "extend" in spec:
                g = _ext(g, *spec["extend"])
            (half if spec.get("mirror", fig.mid is not None) else mid).append(g)
        out += half + [fig.mirror(g) for g in half] + mid
    return out


def partition(sil, lines, seeds: dict[str, list[tuple[float, float]]], where: str):
    """Cut the silhouette along ``lines`` and name each face by the seed inside it.

    ``seeds`` gives each region one point, or a list of points (one per figure it appears in).
    """
    seeds = {k: v if isinstance(v, list) else [v] for k, v in seeds.items()}
    lines = [_ext(ls, 1.5, 1.5) if ls.geom_type == "LineString" else ls for ls in lines]
    noded = unary_union([sil.boundary, *lines])
    faces = [f for f in polygonize(noded) if sil.contains(f.representative_point())]
    named: dict[str, list[Polygon]] = {k: [] for k in seeds}
    orphans = []
    for f in faces:
        hits = [k for k, pts in seeds.items() if any(f.contains(Point(p)) for p in pts)]
        if len(hits) > 1:
            raise DataError(f"{where}: one face holds the seeds of {hits}: a dividing line is missing between them")
        if hits:
            named[hits[0]].append(f)
        else:
            orphans.append(f)
    for k, v in named.items():
        for p in seeds[k]:
            if not any(f.contains(Point(p)) for f in v):
                raise DataError(f"{where}: the seed of {k} at {p} lies in no face (outside the outline, or on a line)")
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
    """{region key: shape}; drawing.region_parts says how many pieces (figures) each region has."""
    view = drawing.view
    where = drawing.path.name
    paired = {r["id"]: r["paired"] for r in regions_toml if view in r["views"]}
    full_seeds: dict[str, list] = {}
    for fig in drawing.figures:
        table = drawing.data.get("seeds", {}) if fig is drawing.main else fig.spec.get("seeds", {})
        prefix = "seeds" if fig is drawing.main else f"figures.{fig.name}.seeds"
        for key, spec in table.items():
            rid, _, side = key.partition(".")
            if rid not in paired:
                raise DataError(f"{where}: {prefix} name region {rid!r}, which data/regions.toml does not list for the {view} view")
            p = drawing.point(spec, f"{where} {prefix}.{key}")
            if not paired[rid]:
                full_seeds.setdefault(rid, []).append((fig.mid, p[1]) if fig.mid is not None else p)
            elif side:
                full_seeds.setdefault(key, []).append(p)
            elif fig.mid is None:
                raise DataError(f"{where}: {prefix}.{key}: a figure without a mirror line names the side: '{rid}.left' / '{rid}.right'")
            else:
                full_seeds.setdefault(f"{rid}.{fig.near}", []).append(p)
                full_seeds.setdefault(f"{rid}.{fig.far}", []).append(fig.mirror_pt(p))
    shapes = partition(drawing.silhouette(), dividing_lines(drawing), full_seeds, where)
    keys = list(shapes)
    simplified = shapely.coverage_simplify([shapes[k] for k in keys], 0.2)
    out = {}
    drawing.region_parts = {k: len(full_seeds[k]) for k in keys}
    for k, g in zip(keys, simplified):
        g = shapely.make_valid(g)
        if g.geom_type != "Polygon":
            polys = [p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and p.area > 0.01]
            want = drawing.region_parts[k]
            if len(polys) != want:
                what = "one connected shape" if want == 1 else f"{want} pieces (one per figure)"
                raise DataError(f"region {k} on the {view} view is not {what} ({len(polys)} parts)")
            g = polys[0] if want == 1 else MultiPolygon(polys)
        out[k] = g
    return out
