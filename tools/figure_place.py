"""Views made of placed figures: the same drawn figure shown several times on one canvas.

A mirrored view (front, back) draws one half and mirrors it. Some close-ups are not one
mirror pair: feet_side shows each foot from the outside and from the inside, four profiles
drawn from two figures. Such a view file has `place = [...]` instead of `mirror`, and one
`[figures.<name>]` table per figure with the keys of a view file (frames, landmarks, parts,
outline, lines, details, seeds; or `figure = "file.toml"` to share them), in the figure's
own units and without sides. Each placement draws a figure on the canvas:

    place = [
      { figure = "outer", side = "right", at = [230, 60] },               # x, y -> at + (x, y)
      { figure = "outer", side = "left", at = [630, 360], flip = true },  # x, y -> at + (-x, y)
    ]

(`scale` multiplies the figure's units too.) Everything of the figure (regions, muscles,
fibres, trigger points, details) is drawn once in figure units, then transformed for each
placement and tagged with its side: the person's side for a paired region or a muscle; a
midline region is untagged. What two placements give the same name (the heel of the right
foot in its outer and inner profile) becomes one shape with one piece per placement. A muscle
file draws a muscle on such a view with one table per figure, `[feet_side.outer]`, with its
own `[feet_side.outer.trigger_points]`; a point is drawn once per side, so list each point
in one figure only.
"""

from __future__ import annotations

import shapely
from shapely import affinity
from shapely.geometry import MultiPolygon, Polygon
from shapely.ops import unary_union

import figure_details
import figure_points
from figure_data import DRAWING, SIDES, DataError, Drawing, read_toml, tp_tables
from figure_regions import dividing_lines, partition


class Placement:
    """One figure on the canvas: flipped (about the figure's x = 0), scaled, moved by `at`."""

    def __init__(self, spec, where):
        try:
            self.figure = spec["figure"]
            self.side = spec.get("side")
            at = spec.get("at", [0, 0])
            self.at = (float(at[0]), float(at[1]))
        except (KeyError, TypeError, IndexError):
            raise DataError(f"{where}: a placement is {{ figure = name, side = 'left'|'right', at = [x, y], flip = false }}") from None
        if self.side not in SIDES:
            raise DataError(f"{where}: side must be 'left' or 'right', not {self.side!r}")
        self.flip = bool(spec.get("flip", False))
        self.scale = float(spec.get("scale", 1.0))

    def geom(self, g):
        s = self.scale
        g = affinity.scale(g, xfact=-s if self.flip else s, yfact=s, origin=(0, 0))
        return affinity.translate(g, self.at[0], self.at[1])

    def pt(self, p):
        s = self.scale
        return ((-p[0] if self.flip else p[0]) * s + self.at[0], p[1] * s + self.at[1])


class PlacedView:
    """A view file with `place = [...]`: its figures (Drawing objects) and their placements."""

    def __init__(self, view: str, data: dict | None = None):
        self.view = view
        self.figure_name = None
        self.mid = None
        self.path = DRAWING / f"{view}.toml"
        self.data = data = read_toml(self.path) if data is None else data
        where = f"assets/drawing/{view}.toml"
        box = data.get("viewbox")
        if not (isinstance(box, list) and len(box) == 4):
            raise DataError(f"{where}: viewbox = [x, y, width, height] is required")
        self.viewbox = [float(v) for v in box]
        self.svg = data["svg"]
        if "mirror" in data:
            raise DataError(f"{where}: a view either mirrors one half (mirror) or places figures (place), not both")
        figs = data.get("figures", {})
        if not figs:
            raise DataError(f"{where}: place = [...] needs [figures.<name>] tables to place")
        self.figures = {name: Drawing(view, data=spec, figure_name=name) for name, spec in figs.items()}
        self.placements = []
        for k, spec in enumerate(data["place"]):
            p = Placement(spec, f"{where} place[{k}]")
            if p.figure not in self.figures:
                raise DataError(f"{where} place[{k}]: no figure named {p.figure!r} (figures: {', '.join(self.figures)})")
            self.placements.append(p)
        self.near = self.placements[0].side
        self._sil = None

    def _rel(self):
        return f"assets/drawing/{self.view}.toml"

    def silhouette(self):
        if self._sil is None:
            pieces = [p.geom(self.figures[p.figure].silhouette()) for p in self.placements]
            self._sil = unary_union(pieces)
        return self._sil


def build_muscles(view: PlacedView, drawings):
    """{figure: ({muscle: shape}, {muscle: fibre lines})} in figure units."""
    import figure_muscles

    return {name: figure_muscles.build(fig, drawings) for name, fig in view.figures.items()}


def _polygons(g):
    return [p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and p.area > 0.01]


def figure_regions(fig: Drawing, regions_toml):
    """{region id: polygon} of one figure, in figure units, tiling its outline."""
    where = fig._rel()
    known = {r["id"] for r in regions_toml if fig.view in r["views"]}
    seeds = {}
    for key, spec in fig.data.get("seeds", {}).items():
        if key not in known:
            raise DataError(f"{where}: seeds name region {key!r}, which data/regions.toml does not list for the {fig.view} view "
                            "(a figure's seeds are region ids without a side: the placement gives the side)")
        seeds[key] = fig.point(spec, f"{where} seeds.{key}")
    shapes = partition(fig.silhouette(), dividing_lines(fig), seeds, where)
    keys = list(shapes)
    out = {}
    for k, g in zip(keys, shapely.coverage_simplify([shapes[k] for k in keys], 0.2)):
        polys = _polygons(shapely.make_valid(g))
        if len(polys) != 1:
            raise DataError(f"{where}: region {k} is not one connected shape ({len(polys)} parts)")
        out[k] = polys[0]
    return out


def draw(view: PlacedView, regions_toml, muscle_defs, drawings, built, drawn_views, deep):
    """Everything the view's SVG holds, as geometry (the same keys as draw_figure.draw_view)."""
    paired = {r["id"]: r["paired"] for r in regions_toml if view.view in r["views"]}
    per_fig = {}
    seen: set[str] = set()  # muscles drawn on an earlier figure (stand-in points go on the first)
    for name, fig in view.figures.items():
        regions = figure_regions(fig, regions_toml)
        sil = unary_union(list(regions.values()))
        sil = Polygon(sil.exterior.coords) if sil.geom_type == "Polygon" else sil
        shapes, fibre_lines = built[name]
        inner = sil.buffer(-0.4)
        muscles, fibres = {}, {}
        for m, g in shapes.items():
            clipped = g.intersection(inner)
            if clipped.is_empty:
                print(f"  ! muscle {m} is empty after clipping on figure {name}")
                continue
            if clipped.geom_type != "Polygon":
                clipped = max(_polygons(clipped), key=lambda p: p.area)
            muscles[m] = clipped.simplify(0.15)
            ls = fibre_lines.get(m)
            if ls is not None:
                fibres[m] = ls.intersection(muscles[m].buffer(-0.8))
        per_fig[name] = {"regions": regions, "sil": sil, "muscles": muscles, "fibres": fibres,
                         "points": _figure_points(fig, view, muscle_defs, drawings, muscles, drawn_views, seen),
                         "details": figure_details.geometries(fig)}
    regions, muscles, fibres, points, details = {}, {}, {}, {}, []
    pieces: dict[str, int] = {}
    sils = []
    for p in view.placements:
        f = per_fig[p.figure]
        sils.append(p.geom(f["sil"]))
        for rid, g in f["regions"].items():
            key = f"{rid}.{p.side}" if paired[rid] else rid
            regions.setdefault(key, []).append(p.geom(g))
            pieces[key] = pieces.get(key, 0) + 1
        for m, g in f["muscles"].items():
            muscles.setdefault(f"muscle.{m}.{p.side}", []).append(p.geom(g))
        for m, ls in f["fibres"].items():
            fibres.setdefault(f"{m}.{p.side}", []).append(p.geom(ls))
        for (m, tid), pos in f["points"].items():
            key = f"tp.{m}.{tid}.{p.side}"
            if key in points:
                raise DataError(f"assets/drawing/muscles/{m}.toml: trigger point {tid} is placed on two {p.side} "
                                f"figures of the {view.view} view; a point is drawn once per side: list it in one figure")
            points[key] = p.pt(pos)
        for g, w in f["details"]:
            details.append((figure_details.d(p.geom(g)), w))
    regions = {k: _one(v) for k, v in regions.items()}
    muscles = {k: _one(v) for k, v in muscles.items()}
    fibres = {k: unary_union(v) for k, v in fibres.items()}
    sil = unary_union(list(regions.values()))
    sil = MultiPolygon([Polygon(g.exterior.coords) for g in _polygons(sil)]) if sil.geom_type != "Polygon" else Polygon(sil.exterior.coords)
    return {
        "sil": sil, "regions": regions, "muscles": muscles, "fibres": fibres, "points": points,
        "details": details, "missing": [m for f in per_fig.values() for m in f["points"].missing],
        "shown_fibres": {k: v for k, v in fibres.items() if k.split(".")[0] not in deep},
        "pieces": pieces,
    }


def _one(geoms):
    """The pieces of one name as one (multi)polygon: one SVG path with a sub-path per piece."""
    if len(geoms) == 1:
        return geoms[0]
    polys = [q for g in geoms for q in _polygons(g)]
    return MultiPolygon(polys)


class _Points(dict):
    missing: list


def _figure_points(fig, view, defs, drawings, muscles, drawn_views, seen):
    """{(muscle, point id): (x, y)} in figure units, each inside its muscle on this figure."""
    out = _Points()
    out.missing = []
    for mid, data in sorted(defs.items()):
        table = fig.table(drawings.get(mid, {}))
        here = (table or {}).get("trigger_points", {})
        for k, tp in enumerate(data.get("trigger_points") or []):
            tid = tp.get("id")
            if not tid or tid not in here:
                continue
            shape = muscles.get(mid)
            if shape is None:
                raise DataError(f"assets/drawing/muscles/{mid}.toml [{fig.label}.trigger_points] {tid}: "
                                f"the muscle has no shape on this figure")
            pos = fig.point(here[tid], f"assets/drawing/muscles/{mid}.toml [{fig.label}.trigger_points] {tid}")
            out[(mid, tid)] = figure_points._inside(shape, pos, f"{mid}.{tid}")
    # a muscle drawn first on this view, with points placed nowhere: stand-ins on its first figure
    for mid, data in sorted(defs.items()):
        on = drawn_views.get(mid, [])
        if not on or on[0] != view.view or mid not in muscles or mid in seen:
            continue
        placed = {tid for _, t in tp_tables(drawings.get(mid, {})) for tid in t}
        tps = data.get("trigger_points") or []
        for k, tp in enumerate(tps):
            tid = tp.get("id")
            if tid and tid not in placed:
                out.missing.append(f"{mid}.{tid}")
                out[(mid, tid)] = figure_points._inside(muscles[mid], figure_points._stand_in(muscles[mid], k, len(tps)), f"{mid}.{tid}")
    seen.update(muscles)
    return out

