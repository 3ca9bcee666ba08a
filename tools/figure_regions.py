"""Regions: a figure's outline cut along its dividing lines, each face named by the seed point
it holds, so the regions tile the outline exactly with shared edges. The cut is made in the
figure's own units. On a mirrored figure, lines are drawn on the drawn half and mirrored (unless
`mirror = false`, for the midline pieces), and a paired region's seed names its drawn-half side
and is mirrored too; a figure without a mirror line names its regions without a side (`heel`),
and each placement of it on the view gives the side.
"""

from __future__ import annotations

import math

import shapely
from figure_data import DataError
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import polygonize, unary_union

LINE_STEP = 1.5


def _ext(ls, a=6.0, b=6.0):
    """Extend a line straight past both ends (so it surely meets what it should)."""
    c = list(ls.coords)

    def push(p, q, d):
        dx, dy = p[0] - q[0], p[1] - q[1]
        n = math.hypot(dx, dy) or 1
        return (p[0] + dx / n * d, p[1] + dy / n * d)

    return LineString([push(c[0], c[1], a), *c, push(c[-1], c[-2], b)])


def dividing_lines(fig):
    half, mid = [], []
    for k, spec in enumerate(fig.data.get("lines", [])):
        where = f"{fig.rel()} lines[{k}]"
        g = fig.curve(spec, where, LINE_STEP)
        if "extend" in spec:
            g = _ext(g, *spec["extend"])
        (half if spec.get("mirror", fig.mid is not None) else mid).append(g)
    return half + [fig.mirror(g) for g in half] + mid


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
            raise DataError(
                f"{where}: the seed of {k} at {seeds[k]} lies in no face (outside the outline, or on a line)"
            )
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
            print(
                f"  note: unseeded face of {f.area:.0f} px2 at {tuple(round(c) for c in f.centroid.coords[0])} joined to {best}"
            )
        named[best].append(f)
    return {k: unary_union(v) for k, v in named.items()}


def build_regions(fig, paired):
    """{region key: polygon} of one figure, in its units: `<id>.<side>` for a paired region of a
    mirrored figure, `<id>` otherwise (a figure without a mirror line leaves the side to its
    placements). ``paired``: {region id: paired?} for the regions of the view."""
    where = fig.rel()
    seeds = {}
    for key, spec in fig.data.get("seeds", {}).items():
        rid, _, side = key.partition(".")
        if rid not in paired:
            raise DataError(
                f"{where}: seeds name region {rid!r}, which data/regions.toml does not list for the {fig.view} view"
            )
        p = fig.point(spec, f"{where} seeds.{key}")
        if fig.mid is None:
            if side:
                raise DataError(
                    f"{where}: seeds.{key}: a figure without a mirror line names regions without a side (its placements give it)"
                )
            seeds[rid] = p
        elif not paired[rid]:
            seeds[rid] = (fig.mid, p[1])
        elif side:
            seeds[key] = p
        else:
            seeds[f"{rid}.{fig.near}"] = p
            seeds[f"{rid}.{fig.far}"] = fig.mirror_pt(p)
    shapes = partition(fig.silhouette(), dividing_lines(fig), seeds, where)
    keys = list(shapes)
    simplified = shapely.coverage_simplify([shapes[k] for k in keys], 0.2)
    out = {}
    for k, g in zip(keys, simplified):
        g = shapely.make_valid(g)
        if g.geom_type != "Polygon":
            polys = [p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and p.area > 0.01]
            if len(polys) != 1:
                raise DataError(f"{where}: region {k} is not one connected shape ({len(polys)} parts)")
            g = polys[0]
        out[k] = g
    return out
