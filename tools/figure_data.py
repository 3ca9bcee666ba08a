"""Read the drawing data (assets/drawing/*.toml) and turn it into geometry.

A view file (assets/drawing/<view>.toml) may name a figure file whose frames, landmarks,
parts and outline it shares (front and back share figure.toml). Every place that wants a
point accepts any of the point forms documented in assets/drawing/README.md:

    [x, y]                                  diagram coordinates
    "navel"                                 a landmark
    { at = "navel", dx = 4, dy = -2 }       a landmark, moved
    { at = "arm", t = 0.42, u = 0.12 }      limb coordinates (t may be a mark: t = "elbow")
    { at = "leg", y = 1072, u = 0.3 }       limb with span_y: the t of that height
    { at = "hand", x = 8, y = 7.2 }         a local frame in its own units (or t/u)
    { between = [p, q], f = 0.5 }           a point on the way from p to q

A view may hold several figures (`[figures.<name>]`, e.g. a close-up seen from below beside a
side section): each has its own mirror line, or none and then names the one side it shows.
The view's top-level keys (mirror, lines, details, seeds) are its main figure.

Errors name the file and the entry: a typo in the data should read as one.
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import numpy as np
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.ops import unary_union

from figure_geom import Frame, Limb, blob, capsule, catmull_rom, ellipse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DRAWING = ROOT / "assets" / "drawing"
SIDES = ("left", "right")


class DataError(SystemExit):
    """A problem in the drawing data, named by file and entry (ends the run)."""


def read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text())
    except FileNotFoundError:
        raise DataError(f"{path.relative_to(ROOT)}: no such file") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path.relative_to(ROOT)}: not valid TOML ({exc})") from None


def view_ids() -> list[str]:
    """The views that have a drawing file: every assets/drawing/*.toml except figure files."""
    out = []
    for path in sorted(DRAWING.glob("*.toml")):
        data = read_toml(path)
        if "svg" in data:
            out.append(path.stem)
    return out


# ---------------------------------------------------------------- frames
class LocalFrame(Frame):
    """A rotated, scaled frame (x lateral, y along); t/u map to y = t*length, x = u*half_width."""

    def __init__(self, origin, tilt, scale, length=None, half_width=None):
        super().__init__(origin, tilt, scale)
        self.length, self.half_width = length, half_width

    def tu(self, t, u, where):
        if not self.length or not self.half_width:
            raise DataError(f"{where}: this frame has no length/half_width, so t and u mean nothing: use x and y")
        return self(u * self.half_width, t * self.length)

    def direction(self, x, y):
        return (x * self.l[0] + y * self.d[0], x * self.l[1] + y * self.d[1])


class Figure:
    """One figure of a view: drawn on one half and mirrored about its own vertical line (`mirror`),
    or drawn once, showing one side of the person (`side`).

    ``near`` is the person's side the drawn shapes show; ``far`` the mirrored side (None when the
    figure is not mirrored).
    """

    def __init__(self, name, spec, where):
        self.name = name
        self.spec = spec
        mirror = spec.get("mirror")
        if mirror is not None:
            if "side" in spec:
                raise DataError(f"{where}: a figure has mirror (both sides) or side (one side), not both")
            self.mid = float(mirror["x"])
            near = mirror.get("drawn_side", "left")
            if near not in SIDES:
                raise DataError(f"{where}: mirror.drawn_side must be 'left' or 'right', not {near!r}")
            self.near, self.far = near, SIDES[1 - SIDES.index(near)]
        else:
            self.mid = None
            near = spec.get("side")
            if near is not None and near not in SIDES:
                raise DataError(f"{where}: side must be 'left' or 'right', not {near!r}")
            self.near, self.far = near, None
        self.where = where

    def mirror(self, geom):
        if self.mid is None:
            raise DataError(f"{self.where}: something asks to be mirrored, but the figure has no mirror")
        return affinity.scale(geom, xfact=-1, yfact=1, origin=(self.mid, 0))

    def mirror_pt(self, p):
        return (2 * self.mid - p[0], p[1])

    def placements(self, geom):
        """[(side, geometry)]: the drawn shape, and its mirror image for the other side."""
        if self.mid is None:
            return [(self.near, geom)]
        return [(self.near, geom), (self.far, None if geom is None else self.mirror(geom))]


FIGURE_KEYS = {"mirror", "side", "lines", "details", "seeds"}


class Drawing:
    """One view's drawing data: its own file merged over the figure file it names."""

    def __init__(self, view: str):
        self.view = view
        self.path = DRAWING / f"{view}.toml"
        data = read_toml(self.path)
        self.data = data
        base = {}
        if "figure" in data:
            base = read_toml(DRAWING / data["figure"])
            self.figure_path = DRAWING / data["figure"]
        else:
            self.figure_path = self.path
        self.frames_data = {**base.get("frames", {}), **data.get("frames", {})}
        self.landmarks_data = {**base.get("landmarks", {}), **data.get("landmarks", {})}
        self.parts_data = {**base.get("parts", {}), **data.get("parts", {})}
        self.outline_data = data.get("outline", base.get("outline"))
        if self.outline_data is None:
            raise DataError(f"{self._rel()}: no [outline], and the figure file it names has none")
        # the main figure: the view's top-level mirror (or side), lines, details and seeds
        self.main = Figure(None, {k: data[k] for k in ("mirror", "side") if k in data}, self._rel())
        self.mid, self.near, self.far = self.main.mid, self.main.near, self.main.far
        self.figures = [self.main]
        for name, spec in data.get("figures", {}).items():
            where = f"{self._rel()} [figures.{name}]"
            unknown = set(spec) - FIGURE_KEYS
            if unknown:
                raise DataError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (a figure has {', '.join(sorted(FIGURE_KEYS))})")
            fig = Figure(name, spec, where)
            if fig.near is None:
                raise DataError(f"{where}: a figure needs mirror = {{ x, drawn_side }} or side = 'left' / 'right'")
            self.figures.append(fig)
        box = data.get("viewbox")
        if not (isinstance(box, list) and len(box) == 4):
            raise DataError(f"{self._rel()}: viewbox = [x, y, width, height] is required")
        self.viewbox = [float(v) for v in box]
        self.svg = data["svg"]
        self._frames: dict = {}
        self._parts: dict = {}
        self._landmarks: dict = {}
        self._sil = None

    def _rel(self, path=None):
        return str((path or self.path).relative_to(ROOT))

    # ------------------------------------------------------------ mirroring
    def mirror(self, geom):
        if self.mid is None:
            raise DataError(f"{self._rel()}: something asks to be mirrored, but the view has no [mirror]")
        return affinity.scale(geom, xfact=-1, yfact=1, origin=(self.mid, 0))

    def mirror_pt(self, p):
        return (2 * self.mid - p[0], p[1])

    def figure(self, name, where):
        """The figure of that name (None or absent: the main figure)."""
        if name is None:
            return self.main
        for fig in self.figures[1:]:
            if fig.name == name:
                return fig
        names = ", ".join(f.name for f in self.figures[1:]) or "none"
        raise DataError(f"{where}: no figure named {name!r} in {self._rel()} (figures: {names})")

    # ------------------------------------------------------------ frames
    def frame(self, name, where):
        if name in self._frames:
            frame = self._frames[name]
            if frame is None:
                raise DataError(f"{where}: frame {name!r} depends on itself")
            return frame
        spec = self.frames_data.get(name)
        if spec is None:
            raise DataError(f"{where}: no frame named {name!r} (frames: {', '.join(sorted(self.frames_data))})")
        self._frames[name] = None
        fw = f"frames.{name}"
        kind = spec.get("kind", "limb")
        if kind == "limb":
            axis = [self.point(p, fw) for p in spec["axis"]]
            if "profile" in spec:
                profile = spec["profile"]
            elif "profile_y" in spec:
                y0, y1 = (float(v) for v in spec["span_y"])
                profile = [((y - y0) / (y1 - y0), a, b) for y, a, b in spec["profile_y"]]
            elif "widths_from" in spec:
                profile = self._measure_profile(axis, spec, fw)
            else:
                raise DataError(f"{where}: limb frame {name!r} needs profile, profile_y or widths_from")
            frame = Limb(axis, profile, outer_sign=spec.get("outer_sign", 1))
            frame.span_y = [float(v) for v in spec["span_y"]] if "span_y" in spec else None
        elif kind == "local":
            origin = self.point(spec["origin"], fw)
            frame = LocalFrame(origin, float(spec.get("tilt", 0.0)), float(spec.get("scale", 1.0)),
                               spec.get("length"), spec.get("half_width"))
        else:
            raise DataError(f"{where}: frame {name!r} has unknown kind {kind!r} (limb or local)")
        frame.name = name
        frame.marks = spec.get("marks", {})
        self._frames[name] = frame
        return frame

    def _measure_profile(self, axis, spec, where):
        """Widths (inner, outer) of a part measured square to the axis at evenly spaced t."""
        part = self.part(spec["widths_from"], where)
        bound = part.boundary
        probe = Limb(axis, [(0.0, 1.0, 1.0), (1.0, 1.0, 1.0)], outer_sign=spec.get("outer_sign", 1))
        n = int(spec.get("samples", 25))
        rows = []
        for k in range(n):
            t = k / (n - 1)
            p, nr, _ = probe._at(t)
            widths = []
            for sign in (-1, 1):
                ray = LineString([tuple(p), tuple(p + nr * sign * 1000)])
                hit = ray.intersection(bound)
                if hit.is_empty:
                    widths.append(1.0)
                    continue
                pts = [hit] if hit.geom_type == "Point" else [g for g in getattr(hit, "geoms", []) if g.geom_type == "Point"]
                d = min(Point(p).distance(q) for q in pts) if pts else 1.0
                widths.append(max(d, 1.0))
            rows.append((t, widths[0], widths[1]))
        return rows

    def t_of(self, frame, spec, where):
        """The t of a limb-coordinate entry: t (a number or a mark name) or y (frames with span_y)."""
        if "t" in spec:
            t = spec["t"]
            if isinstance(t, str):
                if t not in frame.marks:
                    raise DataError(f"{where}: frame {frame.name!r} has no mark {t!r} (marks: {', '.join(frame.marks)})")
                mark = frame.marks[t]
                return self.t_of(frame, mark, where) if isinstance(mark, dict) else mark
            return t
        if "y" in spec:
            if getattr(frame, "span_y", None) is None:
                raise DataError(f"{where}: frame {frame.name!r} has no span_y, so y cannot stand for t")
            y0, y1 = frame.span_y
            return (spec["y"] - y0) / (y1 - y0)
        raise DataError(f"{where}: a point in frame {frame.name!r} needs t (or y)")

    # ------------------------------------------------------------ points
    def landmark(self, name, where):
        if name in self._landmarks:
            return self._landmarks[name]
        spec = self.landmarks_data.get(name)
        if spec is None:
            raise DataError(f"{where}: no landmark named {name!r}")
        if isinstance(spec, dict) and "highest_outline_point" in spec:
            x0, y0, x1, y1 = spec["highest_outline_point"]
            best = None
            for ring in _rings(self.silhouette()):
                for x, y in ring.coords:
                    if x0 < x < x1 and y0 < y < y1 and (best is None or y < best[1]):
                        best = (x, y)
            if best is None:
                raise DataError(f"{where}: landmark {name!r}: no outline point in {spec['highest_outline_point']}")
            p = best
        else:
            p = self.point(spec, f"landmarks.{name}")
        self._landmarks[name] = p
        return p

    def point(self, spec, where):
        if isinstance(spec, str):
            return self.landmark(spec, where)
        if isinstance(spec, (list, tuple)):
            if len(spec) != 2 or not all(isinstance(v, (int, float)) for v in spec):
                raise DataError(f"{where}: a point is [x, y], not {spec!r}")
            return (spec[0], spec[1])
        if not isinstance(spec, dict):
            raise DataError(f"{where}: not a point: {spec!r}")
        if "between" in spec:
            a, b = (self.point(p, where) for p in spec["between"])
            f = spec.get("f", 0.5)
            if f == 0.5:
                p = tuple((x + y) / 2 for x, y in zip(a, b))
            else:
                p = (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)
        elif "at" in spec:
            at = spec["at"]
            if at in self.frames_data:
                p = self.frame_point(self.frame(at, where), spec, where)
            else:
                p = self.landmark(at, where)
        else:
            raise DataError(f"{where}: a point table needs 'at' or 'between': {spec!r}")
        if "dx" in spec or "dy" in spec:
            p = (p[0] + spec.get("dx", 0), p[1] + spec.get("dy", 0))
        return p

    def frame_point(self, frame, spec, where):
        if isinstance(frame, LocalFrame):
            if "x" in spec:
                return frame(spec["x"], spec["y"])
            return frame.tu(self.t_of(frame, spec, where), spec.get("u", 0), where)
        return frame.pt(self.t_of(frame, spec, where), spec.get("u", 0))

    def frame_pairs(self, frame, pts, where):
        """Control points written in a frame: [a, b] pairs or tables ({t|y, u} / {x, y})."""
        out = []
        for p in pts:
            if isinstance(p, dict):
                if isinstance(frame, LocalFrame):
                    out.append((p["x"], p["y"]) if "x" in p else (p.get("u", 0) * frame.half_width, self.t_of(frame, p, where) * frame.length))
                else:
                    out.append((self.t_of(frame, p, where), p.get("u", 0)))
            else:
                out.append((p[0], p[1]))
        return out

    def points(self, spec, where, key="points"):
        """The control points of a shape or line, mapped to diagram coordinates."""
        pts = spec.get(key)
        if not pts:
            raise DataError(f"{where}: '{key}' is missing or empty")
        if "in" in spec:
            frame = self.frame(spec["in"], where)
            pairs = self.frame_pairs(frame, pts, where)
            if isinstance(frame, LocalFrame):
                return [frame(x, y) for x, y in pairs]
            return [frame.pt(t, u) for t, u in pairs]
        return [self.point(p, where) for p in pts]

    def direction(self, spec, where):
        if isinstance(spec, list):
            return (spec[0], spec[1])
        if "along" in spec:
            frame = self.frame(spec["along"], where)
            t = self.t_of(frame, spec, where)
            p0 = np.array(frame.pt(t - 0.02, 0))
            p1 = np.array(frame.pt(t + 0.02, 0))
            d = p1 - p0
            a = math.radians(spec.get("rotate", 0.0))
            return (d[0] * math.cos(a) - d[1] * math.sin(a), d[0] * math.sin(a) + d[1] * math.cos(a))
        if "in" in spec:
            frame = self.frame(spec["in"], where)
            if not isinstance(frame, LocalFrame):
                raise DataError(f"{where}: a direction 'in' a frame needs a local frame; use along = {spec['in']!r}, t = ...")
            return frame.direction(spec.get("x", 0), spec.get("y", 0))
        raise DataError(f"{where}: a direction is [dx, dy], {{ along = limb, t = ..., rotate = deg }} or {{ in = frame, x, y }}")

    # ------------------------------------------------------------ shapes
    def shape(self, spec, where, fig=None):
        """A closed shape: blob (default), strap, half, limb, capsule, circle, ellipse or union.

        ``fig``: the figure the shape belongs to (its mirror line closes a `half`); a shape's own
        ``figure`` key overrides it.
        """
        if isinstance(spec, str):
            return self.part(spec, where)
        if "figure" in spec:
            fig = self.figure(spec["figure"], where)
        kind = spec.get("shape", "blob")
        if kind == "blob":
            if "in" in spec and not isinstance(self.frame(spec["in"], where), LocalFrame):
                frame = self.frame(spec["in"], where)
                return frame.shape(self.frame_pairs(frame, spec["points"], where))
            return blob(self.points(spec, where), step=spec.get("step", 1.2))
        if kind == "strap":
            from figure_muscles import strap

            pts = self.points(spec, where)
            widths = spec.get("widths")
            if not widths:
                raise DataError(f"{where}: a strap needs widths (full widths spread along its points)")
            return strap(pts, widths)
        if kind == "half":
            half = catmull_rom(self.points(spec, where), step=spec.get("step", 1.0))
            if fig is not None and fig is not self.main:
                if fig.mid is None:
                    raise DataError(f"{where}: a half shape needs a mirror line, and figure {fig.name!r} has none")
                back = [fig.mirror_pt(p) for p in half[::-1]]
            else:
                back = [self.mirror_pt(p) for p in half[::-1]]
            return Polygon(half + back[1:-1])
        if kind == "limb":
            frame = self.frame(spec["frame"], where)
            t0, t1 = spec.get("t", [0.0, 1.0])
            return frame.outline(t0, t1)
        if kind == "capsule":
            r = spec["r"]
            r0, r1 = (r, r) if isinstance(r, (int, float)) else r
            return capsule(self._pt_in(spec, "from", where), self._pt_in(spec, "to", where), r0, r1)
        if kind == "circle":
            return Point(self._pt_in(spec, "center", where)).buffer(spec["r"], spec.get("segments", 16))
        if kind == "ellipse":
            c = self._pt_in(spec, "center", where)
            return ellipse(c[0], c[1], spec["rx"], spec["ry"], rot=spec.get("rot", 0.0))
        if kind == "union":
            return unary_union([self.shape(p, f"{where}.parts[{k}]", fig) for k, p in enumerate(spec["parts"])])
        raise DataError(f"{where}: unknown shape {kind!r}")

    def _pt_in(self, spec, key, where):
        """A single point of a shape table, written in the shape's frame ('in') if it has one."""
        value = spec[key]
        if "in" in spec and isinstance(value, list):
            return self.points({"in": spec["in"], "points": [value]}, where)[0]
        return self.point(value, f"{where}.{key}")

    def part(self, name, where):
        if name in self._parts:
            if self._parts[name] is None:
                raise DataError(f"{where}: part {name!r} depends on itself")
            return self._parts[name]
        spec = self.parts_data.get(name)
        if spec is None:
            raise DataError(f"{where}: no part named {name!r}")
        self._parts[name] = None
        self._parts[name] = self.shape(spec, f"parts.{name}")
        return self._parts[name]

    def silhouette(self):
        """The outline: each step adds its parts (with their mirror images) and rounds the creases."""
        if self._sil is not None:
            return self._sil
        acc = None
        for k, step in enumerate(self.outline_data.get("steps", [])):
            where = f"outline.steps[{k}]"
            half = unary_union([self.part(name, where) for name in step["add"]])
            fig = self.figure(step.get("figure"), where)
            pieces = [half, fig.mirror(half)] if step.get("mirror", fig.mid is not None) else [half]
            acc = unary_union(([acc] if acc is not None else []) + pieces)
            r = step.get("round")
            if r:
                seg = step.get("segments", 16)
                acc = acc.buffer(r, seg).buffer(-r, seg)
        if acc is None:
            raise DataError(f"{self._rel()}: the outline has no steps")
        keep = self.outline_data.get("keep", "all")
        if acc.geom_type != "Polygon":
            polys = [g for g in getattr(acc, "geoms", []) if g.geom_type == "Polygon"]
            if keep == "largest":
                acc = max(polys, key=lambda g: g.area)
            else:
                acc = MultiPolygon([Polygon(g.exterior.coords) for g in polys if g.area > 1.0])
        if acc.geom_type == "Polygon":
            acc = Polygon(acc.exterior.coords)
        self._sil = acc
        return acc

    # ------------------------------------------------------------ lines
    def curve(self, spec, where, step):
        """An open line (points, optionally in a frame) or a closed ellipse ring."""
        if "ellipse" in spec:
            e = spec["ellipse"]
            c = self.point(e["center"], where)
            return ellipse(c[0], c[1], e["rx"], e["ry"], rot=e.get("rot", 0.0)).exterior
        if "in" in spec:
            frame = self.frame(spec["in"], where)
            if not isinstance(frame, LocalFrame):
                return frame.curve(self.frame_pairs(frame, spec["points"], where))
        return LineString(catmull_rom(self.points(spec, where), step=step))


def _rings(geom):
    if geom.geom_type == "Polygon":
        return [geom.exterior]
    return [g.exterior for g in geom.geoms]
