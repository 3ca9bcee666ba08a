"""Line art that makes the figure read as a body (face, collarbones, navel, kneecaps,
ankle bones, fingers and toes, spine, shoulder blades, buttock folds) and labels: the
`details` list of each figure in assets/drawing/.

Returns [(svg path data, stroke width or None), ...] in data order for one placement of a
figure; a line drawn on the mirrored half is followed by its mirror image. A `text` detail is
set in the stroke font (figure_text.py) at its placed anchor, never mirrored or flipped.
"""

from __future__ import annotations

from figure_geom import fmt, line_d
from figure_text import strokes

DETAIL_STEP = 1.0


def build(fig, placement):
    out = []
    for k, spec in enumerate(fig.data.get("details", [])):
        where = f"{fig.rel()} details[{k}]"
        w = spec.get("width")
        if "text" in spec:
            at = placement.pt(fig.point(spec.get("at"), where + " at"))
            size = float(spec.get("size", 10)) * placement.scale
            lines = strokes(str(spec["text"]), at, size, spec.get("anchor", "middle"), where)
            out.append(("".join(line_d(ls) for ls in lines), w))
            continue
        g = fig.curve(spec, where, DETAIL_STEP)
        mirrored = spec.get("mirror", fig.mid is not None)
        for gg in (g, fig.mirror(g)) if mirrored else (g,):
            out.append((_d(placement.geom(gg)), w))
    return out


def _d(g):
    """SVG path data of a detail line or ring."""
    if g.geom_type == "LinearRing":
        return poly_d_ring(g)
    return line_d(g)


def poly_d_ring(ring):
    pts = list(ring.coords)
    return "M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in pts[:-1]) + "Z"
