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
    """Details of the main figure, then of each further figure (mirrored about its own line)."""
    out = []
    for fig in drawing.figures:
        specs = drawing.data.get("details", []) if fig is drawing.main else fig.spec.get("details", [])
        prefix = "" if fig is drawing.main else f"figures.{fig.name}."
        for k, spec in enumerate(specs):
            where = f"{drawing.path.name} {prefix}details[{k}]"
            w = spec.get("width")
            if "text" in spec:
                from figure_text import strokes

                at = drawing.point(spec.get("at"), where + " at")
                lines = strokes(str(spec["text"]), at, float(spec.get("size", 10)), spec.get("anchor", "middle"), where)
                out.append(("".join(line_d(ls) for ls in lines), w))
                continue
            g = drawing.curve(spec, where, DETAIL_STEP)
            mirrored = spec.get("mirror", fig.mid is not None)
            for gg in (g, fig.mirror(g)) if mirrored else (g,):
                out.append((_d(gg), w))
    return out


def _d(g):
    if g.geom_type == "LinearRing":
        return poly_d_ring(g)
    return line_d(g)


def poly_d_ring(ring):
    pts = list(ring.coords)
    return "M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in pts[:-1]) + "Z"
