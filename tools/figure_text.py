"""Labels drawn as line art: a `text` detail is set in the single-stroke capital font of
assets/drawing/stroke_font.toml, since the app draws a view's details but no SVG text.

    { text = "SIDE SECTION", at = [700, 120], size = 12, anchor = "middle" }

`at` is the baseline point of the anchor (start, middle or end of the line of text), `size` the
height of the capitals in diagram units. Text is never mirrored.
"""

from __future__ import annotations

from figure_data import DRAWING, DataError, read_toml
from figure_geom import catmull_rom
from shapely.geometry import LineString

_FONT = None


def font():
    global _FONT
    if _FONT is None:
        _FONT = read_toml(DRAWING / "stroke_font.toml")
    return _FONT


def strokes(text, at, size, anchor, where):
    """[LineString] of the strokes of ``text`` (capitals; lower case is set as capitals)."""
    f = font()
    glyphs, gap = f["glyphs"], f.get("gap", 2.0)
    text = text.upper()
    missing = sorted({ch for ch in text if ch not in glyphs})
    if missing:
        raise DataError(f"{where}: the stroke font has no glyph for {' '.join(repr(c) for c in missing)}")
    width = sum(glyphs[ch]["w"] for ch in text) + gap * (len(text) - 1)
    k = size / 10.0
    shift = {"start": 0.0, "middle": width / 2, "end": width}.get(anchor)
    if shift is None:
        raise DataError(f"{where}: anchor is start, middle or end, not {anchor!r}")
    x0, y0 = at[0] - shift * k, at[1] - size
    out = []
    pen = 0.0
    for ch in text:
        g = glyphs[ch]

        def put(pts, dx=pen):
            return [(x0 + (x + dx) * k, y0 + y * k) for x, y in pts]

        for pts in g.get("l", []):
            out.append(LineString(put(pts)))
        for pts in g.get("c", []):
            out.append(LineString(catmull_rom(put(pts), step=max(0.3, size / 25))))
        for pts in g.get("o", []):
            ring = catmull_rom(put(pts), closed=True, step=max(0.3, size / 25))
            out.append(LineString(ring + ring[:1]))
        pen += g["w"] + gap
    return out
