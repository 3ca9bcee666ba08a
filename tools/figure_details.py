"""Line art that makes the figure read as a body (face, collarbones, navel, kneecaps,
ankle bones, fingers and toes, spine, shoulder blades, buttock folds): the `details`
list of each view file in assets/drawing/.

Returns [(svg path data, stroke width or None), ...] in data order; a line drawn on the
mirrored half is followed by its mirror image.
"""

from __future__ import annotations

from figure_geom import fmt, line_d

DETAIL_STEP = 1.0


def build(drawing):
    return [(d(g), w) for g, w in geometries(drawing)]


def geometries(drawing):
    """[(line or ring, stroke width or None), ...] in data order, mirrored lines doubled."""
    out = []
    for k, spec in enumerate(drawing.data.get("details", [])):
        where = f"{drawing._rel()} details[{k}]"
        g = drawing.curve(spec, where, DETAIL_STEP)
        w = spec.get("width")
        mirrored = spec.get("mirror", drawing.mid is not None)
        for gg in (g, drawing.mirror(g)) if mirrored else (g,):
            out.append((gg, w))
    return out


def d(g):
    """SVG path data of a detail line or ring."""
    if g.geom_type == "LinearRing":
        return poly_d_ring(g)
    return line_d(g)


def poly_d_ring(ring):
    pts = list(ring.coords)
    return "M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in pts[:-1]) + "Z"
