#!/usr/bin/env python3
"""Draw the front and back body diagrams: assets/front.svg and assets/back.svg.

All geometry is ours: hand-placed control points joined by Catmull-Rom splines,
mirrored about the midline, cut into regions with shapely (a dev-only dependency; the
app reads the finished SVG). Run from the repository root:

    pip install -e ".[draw]" && python tools/draw_figure.py

It reads data/regions.toml and every data/muscles/*.toml at run time, places each
trigger point listed there from the position table in figure_points.py, prints every
muscle file or trigger point it has no hand-placed position for, and checks the result
(tiling of the regions, muscles inside the silhouette, points inside their muscles).
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import shapely  # noqa: E402
from shapely.geometry import Point, Polygon  # noqa: E402
from shapely.ops import polygonize, unary_union  # noqa: E402

from figure_body import Body  # noqa: E402
from figure_geom import MID, line_d, mirror, poly_d  # noqa: E402
from figure_regions import back_layout, front_layout  # noqa: E402

VIEWS = ("front", "back")

STYLE = {
    "skin": "#d9cec5",
    "skin_stroke": "#6f6259",
    "region_stroke": "#b3a398",
    "muscle": "#c47f70",
    "muscle_stroke": "#94574b",
    "deep_stroke": "#9a6a60",
    "fibre": "#8e4f44",
    "detail": "#8a7a6f",
    "tp": "#7a1f1a",
}


# ---------------------------------------------------------------- data
def load_regions():
    data = tomllib.loads((ROOT / "data" / "regions.toml").read_text())
    return data["region"]


def load_muscles():
    out = {}
    for path in sorted((ROOT / "data" / "muscles").glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text())
        except Exception as exc:  # a file being written right now
            print(f"  ! {path.name}: cannot be read yet ({exc})")
            continue
        out[path.stem] = data
    return out


# ---------------------------------------------------------------- regions
def side_names(view):
    """(name for the drawn x>=300 half, name for its mirror image)."""
    return ("left", "right") if view == "front" else ("right", "left")


def partition(sil: Polygon, lines, seeds: dict[str, tuple[float, float]]):
    """Cut the silhouette along ``lines`` and name each face by the seed inside it."""
    from figure_regions import _ext

    lines = [_ext(ls, 1.5, 1.5) if ls.geom_type == "LineString" else ls for ls in lines]
    noded = unary_union([sil.exterior, *lines])
    faces = [f for f in polygonize(noded) if sil.contains(f.representative_point())]
    named: dict[str, list[Polygon]] = {k: [] for k in seeds}
    orphans = []
    for f in faces:
        hits = [k for k, p in seeds.items() if f.contains(Point(p))]
        if len(hits) > 1:
            raise SystemExit(f"region layout: one face holds seeds {hits}")
        if hits:
            named[hits[0]].append(f)
        else:
            orphans.append(f)
    for k, v in named.items():
        if not v:
            raise SystemExit(f"region layout: seed of {k} at {seeds[k]} lies in no face")
    # slivers left over by overshooting lines join the neighbour they share most edge with
    for f in sorted(orphans, key=lambda g: -g.area):
        best, best_len = None, 0.0
        for k, v in named.items():
            shared = f.boundary.intersection(unary_union(v).boundary).length
            if shared > best_len:
                best, best_len = k, shared
        if best is None:
            raise SystemExit(f"region layout: orphan face at {f.representative_point()} touches no region")
        if f.area > 25:
            print(f"  note: unseeded face of {f.area:.0f} px2 at {tuple(round(c) for c in f.centroid.coords[0])} joined to {best}")
        named[best].append(f)
    return {k: unary_union(v) for k, v in named.items()}


def build_regions(body: Body, view: str, regions_toml):
    layout = front_layout if view == "front" else back_layout
    half, mid, seeds = layout(body)
    lines = list(half) + [mirror(g) for g in half] + list(mid)
    near, far = side_names(view)
    paired = {r["id"]: r["paired"] for r in regions_toml if view in r["views"]}
    full_seeds = {}
    for rid, p in seeds.items():
        if rid not in paired:
            raise SystemExit(f"layout names region {rid!r}, which regions.toml does not declare for the {view} view")
        if paired[rid]:
            full_seeds[f"{rid}.{near}"] = p
            full_seeds[f"{rid}.{far}"] = (2 * MID - p[0], p[1])
        else:
            full_seeds[rid] = (MID, p[1])
    shapes = partition(body.silhouette, lines, full_seeds)
    keys = list(shapes)
    simplified = shapely.coverage_simplify([shapes[k] for k in keys], 0.2)
    out = {}
    for k, g in zip(keys, simplified):
        g = shapely.make_valid(g)
        if g.geom_type != "Polygon":
            polys = [p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and p.area > 0.01]
            if len(polys) != 1:
                raise SystemExit(f"region {k} on the {view} view is not one connected shape ({len(polys)} parts)")
            g = polys[0]
        out[k] = g
    return out


# ---------------------------------------------------------------- svg
def svg_document(view, sil, regions, muscles, deep, fibres, details, points):
    S = STYLE
    o = ['<?xml version="1.0" encoding="UTF-8"?>']
    o.append(
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 600 1200" width="600" height="1200">'
    )
    o.append(f"<!-- bodymap {view} view. Generated by tools/draw_figure.py; do not edit by hand. -->")
    o.append('<g id="silhouette">')
    o.append(f'<path id="silhouette" d="{poly_d(sil)}" fill="{S["skin"]}" stroke="none"/>')
    o.append("</g>")
    o.append(
        f'<g id="regions" fill="{S["skin"]}" stroke="{S["region_stroke"]}" stroke-width="0.6" stroke-linejoin="round">'
    )
    for rid in sorted(regions):
        o.append(f'<path id="region.{rid}" d="{poly_d(regions[rid])}"/>')
    o.append("</g>")
    o.append(
        f'<g id="muscles" fill="{S["muscle"]}" fill-opacity="0.55" stroke="{S["muscle_stroke"]}" '
        'stroke-width="0.7" stroke-linejoin="round">'
    )
    # deep muscles first and drawn as hidden outlines, superficial ones on top
    order = sorted(muscles, key=lambda k: (k.split(".")[1] not in deep, k))
    for mid_ in order:
        name = mid_.split(".")[1]
        if name in deep:
            o.append(
                f'<path id="{mid_}" d="{poly_d(muscles[mid_])}" fill-opacity="0.12" '
                f'stroke="{S["deep_stroke"]}" stroke-dasharray="3 2" stroke-width="0.6"/>'
            )
        else:
            o.append(f'<path id="{mid_}" d="{poly_d(muscles[mid_])}"/>')
    o.append("</g>")
    o.append(
        f'<g id="fibres" fill="none" stroke="{S["fibre"]}" stroke-width="0.35" stroke-opacity="0.45" '
        'stroke-linecap="round">'
    )
    for key in sorted(fibres):
        if fibres[key] is not None and not fibres[key].is_empty:
            o.append(f'<path id="fibres.{key}" d="{line_d(fibres[key])}"/>')
    o.append("</g>")
    o.append(
        f'<g id="details" fill="none" stroke="{S["detail"]}" stroke-width="0.8" stroke-linecap="round" '
        'stroke-linejoin="round">'
    )
    for d, w in details:
        extra = f' stroke-width="{w}"' if w is not None else ""
        o.append(f'<path d="{d}"{extra}/>')
    o.append(f'<path d="{poly_d(sil)}" stroke="{S["skin_stroke"]}" stroke-width="1.3"/>')
    o.append("</g>")
    o.append(
        f'<g id="trigger_points" fill="{S["tp"]}" fill-opacity="0.85" stroke="#ffffff" stroke-width="1" '
        'stroke-opacity="0.9">'
    )
    for tid in sorted(points):
        x, y = points[tid]
        o.append(f'<circle id="{tid}" cx="{x:.1f}" cy="{y:.1f}" r="5"/>')
    o.append("</g>")
    o.append("</svg>")
    return "\n".join(o) + "\n"


# ---------------------------------------------------------------- checks
def check_view(view, sil, regions, muscles, points, regions_toml, muscle_defs):
    problems = []
    expected = set()
    for r in regions_toml:
        if view not in r["views"]:
            continue
        if r["paired"]:
            expected |= {f"{r['id']}.left", f"{r['id']}.right"}
        else:
            expected.add(r["id"])
    got = set(regions)
    if got != expected:
        problems.append(f"region ids differ: missing {sorted(expected - got)}, extra {sorted(got - expected)}")
    keys = sorted(regions)
    tree = shapely.STRtree([regions[k] for k in keys])
    max_overlap = 0.0
    for i, k in enumerate(keys):
        g = regions[k]
        if g.area <= 1:
            problems.append(f"region {k} has no area")
        if g.geom_type != "Polygon":
            problems.append(f"region {k} is not one connected shape")
        for j in tree.query(g):
            if j <= i:
                continue
            ov = g.intersection(regions[keys[j]]).area
            max_overlap = max(max_overlap, ov)
            if ov >= 1.0:
                problems.append(f"regions {k} and {keys[j]} overlap by {ov:.2f} px2")
    union = unary_union(list(regions.values()))
    cover = union.symmetric_difference(sil).area / sil.area * 100
    if cover >= 0.5:
        problems.append(f"regions cover the silhouette only to {cover:.3f}% difference")
    # small regions: tappable size
    small = []
    for k, g in regions.items():
        inner = 2 * _inradius(g)
        if inner < 14:
            small.append(f"{k} ({inner:.1f} px)")
    worst_out = 0.0
    for k, g in muscles.items():
        out = g.difference(sil).area
        worst_out = max(worst_out, out)
        if out > 2.0:
            problems.append(f"{k} lies outside the silhouette by {out:.1f} px2")
    tp_bad = []
    for tid, (x, y) in points.items():
        _, m, _, side = tid.split(".")
        g = muscles.get(f"muscle.{m}.{side}")
        if g is None:
            problems.append(f"{tid}: muscle {m} is not drawn on the {view} view")
            continue
        if g.distance(Point(x, y)) > 0.6:
            tp_bad.append(f"{tid} ({g.distance(Point(x, y)):.1f} px outside)")
    if tp_bad:
        problems.append("trigger points outside their muscle: " + ", ".join(tp_bad))
    return {
        "max_overlap": max_overlap,
        "coverage_diff_pct": cover,
        "muscle_outside_max": worst_out,
        "small_regions": small,
        "problems": problems,
    }


def _inradius(g):
    """Radius of the largest circle that fits (approximate, via negative buffers)."""
    lo, hi = 0.0, 60.0
    for _ in range(16):
        mid = (lo + hi) / 2
        if g.buffer(-mid).is_empty:
            hi = mid
        else:
            lo = mid
    return lo


# ---------------------------------------------------------------- main
def main():
    import figure_details
    import figure_muscles
    import figure_points

    regions_toml = load_regions()
    muscle_defs = load_muscles()
    body = Body()
    sil_raw = body.silhouette
    all_muscles = sorted(muscle_defs)  # the data files say which muscles exist
    deep = {name for name, data in muscle_defs.items() if data.get("depth") == "deep"}
    drawn_anywhere = set()
    report = {}
    tp_missing = []
    built = {view: figure_muscles.build(body, view) for view in VIEWS}
    drawn_views = {}
    for view in VIEWS:
        for name in built[view][0]:
            drawn_views.setdefault(name, []).append(view)
    for view in VIEWS:
        print(f"[{view}]")
        regions = build_regions(body, view, regions_toml)
        sil = unary_union(list(regions.values()))
        sil = Polygon(sil.exterior.coords) if sil.geom_type == "Polygon" else sil
        near, far = side_names(view)
        halves, fibre_halves = built[view]
        muscles, fibres = {}, {}
        inner = sil.buffer(-0.4)
        for name, g in halves.items():
            for side, geom in ((near, g), (far, mirror(g))):
                clipped = geom.intersection(inner)
                if clipped.is_empty:
                    print(f"  ! muscle {name} is empty after clipping")
                    continue
                if clipped.geom_type != "Polygon":
                    parts = [p for p in getattr(clipped, "geoms", []) if p.geom_type == "Polygon"]
                    clipped = max(parts, key=lambda p: p.area)
                muscles[f"muscle.{name}.{side}"] = clipped.simplify(0.15)
            drawn_anywhere.add(name)
        for name, ls in fibre_halves.items():
            if name in deep or ls is None:
                continue  # hidden muscles get no fibre lines over the ones covering them
            for side, geom in ((near, ls), (far, mirror(ls))):
                clip = muscles.get(f"muscle.{name}.{side}")
                if clip is not None:
                    fibres[f"{name}.{side}"] = geom.intersection(clip.buffer(-0.8))
        points, missing = figure_points.place(view, muscle_defs, muscles, near, far, drawn_views, body)
        tp_missing += missing
        details = figure_details.build(body, view)
        svg = svg_document(view, sil, regions, muscles, deep, fibres, details, points)
        path = ROOT / "assets" / f"{view}.svg"
        path.write_text(svg)
        rep = check_view(view, sil, regions, muscles, points, regions_toml, muscle_defs)
        # against the outline as drawn, before the shared-edge simplification
        rep["coverage_vs_drawn_outline_pct"] = sil.symmetric_difference(sil_raw).area / sil_raw.area * 100
        if rep["coverage_vs_drawn_outline_pct"] >= 0.5:
            rep["problems"].append("regions stray from the drawn outline by %.3f%%" % rep["coverage_vs_drawn_outline_pct"])
        rep["size"] = path.stat().st_size
        rep["n_regions"] = len(regions)
        rep["n_muscles"] = len(muscles)
        rep["n_points"] = len(points)
        report[view] = rep
        print(
            f"  wrote {path.relative_to(ROOT)}: {rep['size']} bytes, {len(regions)} region shapes, "
            f"{len(muscles)} muscle shapes, {len(points)} trigger points"
        )
        print(
            f"  max region overlap {rep['max_overlap']:.4f} px2, coverage difference "
            f"{rep['coverage_diff_pct']:.4f}% (vs the drawn outline {rep['coverage_vs_drawn_outline_pct']:.4f}%), "
            f"worst muscle outside silhouette {rep['muscle_outside_max']:.3f} px2"
        )
        if rep["small_regions"]:
            print("  regions narrower than 14 px: " + ", ".join(rep["small_regions"]))
        for p in rep["problems"]:
            print("  PROBLEM: " + p)
    missing_muscles = sorted(set(all_muscles) - drawn_anywhere)
    if missing_muscles:
        print("PROBLEM: muscles of the brief not drawn on any view: " + ", ".join(missing_muscles))
    extra = sorted(set(muscle_defs) - set(all_muscles) - drawn_anywhere)
    if extra:
        print("NOTE: muscle files with no drawing at all: " + ", ".join(extra))
    figure_points.report(muscle_defs, tp_missing, all_muscles)
    failed = any(r["problems"] for r in report.values()) or missing_muscles
    print("[re-reading the written files with bodymap's own consistency checks]")
    failed = bool(_app_problems()) or failed
    return 1 if failed else 0


def _app_problems() -> list[str]:
    """Run the checks `bodymap validate` and the tests run, on the files just written."""
    sys.path.insert(0, str(ROOT))
    from bodymap.diagram import read_diagram
    from bodymap.diagram.consistency import problems
    from bodymap.knowledge import load_knowledge

    kb = load_knowledge(ROOT / "data")
    diagrams = {view.id: read_diagram(ROOT / "assets" / view.file, view.id) for view in kb.views.view}
    found = problems(kb, diagrams)
    for problem in found:
        print("  PROBLEM: " + problem)
    if not found:
        print("  no problems")
    return found


if __name__ == "__main__":
    sys.exit(main())
