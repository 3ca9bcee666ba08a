"""Read the drawing data (assets/drawing/*.toml) and turn it into geometry.

A view file (assets/drawing/<view>.toml) is one figure (Drawing), or places several figures
(`[figures.<name>]`, `place = [...]`) on its canvas (View, Placement). A figure may name a
figure file whose frames, landmarks, parts and outline it shares (front and back share
figure.toml). Every place that wants a point accepts any of the point forms documented in
assets/drawing/README.md:

    [x, y]                                  diagram coordinates
    "navel"                                 a landmark
    { at = "navel", dx = 4, dy = -2 }       a landmark, moved
    { at = "arm", t = 0.42, u = 0.12 }      limb coordinates (t may be a mark: t = "elbow")
    { at = "leg", y = 1072, u = 0.3 }       limb with span_y: the t of that height
    { at = "hand", x = 8, y = 7.2 }         a local frame in its own units (or t/u)
    { between = [p, q], f = 0.5 }           a point on the way from p to q

Errors name the file and the entry: a typo in the data should read as one.
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import numpy as np
from figure_geom import Frame, Limb, blob, capsule, catmull_rom, ellipse
from shapely import affinity
from shapely.geometry import LinearRing, LineString, MultiPolygon, Point, Polygon
from shapely.ops import unary_union

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


VIEW_KEYS = {"svg", "viewbox", "captions", "place", "figures"}


class Placement:
    """One figure on the canvas: flipped (about the figure's x = 0), scaled, then moved by `at`.

    ``side`` is the person's side a figure without a mirror line shows (None for a mirrored
    figure: its drawn_side and the mirror image give the sides).
    """

    def __init__(self, spec, fig, where):
        at = spec.get("at", [0, 0])
        if not (isinstance(at, list) and len(at) == 2):
            raise DataError(f"{where}: at = [x, y]")
        self.figure = spec["figure"]
        self.at = (float(at[0]), float(at[1]))
        self.flip = bool(spec.get("flip", False))
        self.scale = float(spec.get("scale", 1.0))
        self.side = spec.get("side")
        if fig.mid is None and self.side not in SIDES:
            raise DataError(
                f"{where}: figure {self.figure!r} has no mirror line, so its placement names the side it shows: side = 'left' or 'right'"
            )
        if fig.mid is not None and self.side is not None:
            raise DataError(
                f"{where}: figure {self.figure!r} is mirrored (its mirror.drawn_side gives the sides): leave out side"
            )
        self.identity = self.at == (0.0, 0.0) and not self.flip and self.scale == 1.0

    def geom(self, g):
        if self.identity:
            return g
        s = self.scale
        g = affinity.scale(g, xfact=-s if self.flip else s, yfact=s, origin=(0, 0))
        return affinity.translate(g, self.at[0], self.at[1])

    def pt(self, p):
        s = -self.scale if self.flip else self.scale
        return (p[0] * s + self.at[0], p[1] * self.scale + self.at[1])


class View:
    """A view file: the canvas (svg, viewbox, captions) and the figures drawn on it.

    A view file is itself one figure, drawn where its coordinates say; or it has `[figures.<name>]`
    tables (each with the figure keys of a view file) and `place = [...]`, which puts figures on
    the canvas, each as often as needed (moved, flipped, scaled, tagged with a side).
    """

    def __init__(self, view: str):
        self.view = view
        self.path = DRAWING / f"{view}.toml"
        where = str(self.path.relative_to(ROOT))
        data = self.data = read_toml(self.path)
        box = data.get("viewbox")
        if not (isinstance(box, list) and len(box) == 4):
            raise DataError(f"{where}: viewbox = [x, y, width, height] is required")
        self.viewbox = [float(v) for v in box]
        self.svg = data["svg"]
        if "place" not in data:
            if "figures" in data:
                raise DataError(
                    f"{where}: [figures.<name>] are drawn where place = [...] puts them, and there is no place"
                )
            self.figures = {None: Drawing(view, data)}
            self.placements = [Placement({"figure": None}, self.figures[None], where)]
        else:
            stray = sorted(set(data) - VIEW_KEYS)
            if stray:
                raise DataError(
                    f"{where}: a view of placed figures has only {', '.join(sorted(VIEW_KEYS))}; "
                    f"move {', '.join(stray)} into its [figures.<name>]"
                )
            self.figures = {name: Drawing(view, spec, name) for name, spec in data.get("figures", {}).items()}
            self.placements = []
            for k, spec in enumerate(data["place"]):
                fig = self.figures.get(spec.get("figure"))
                if fig is None:
                    raise DataError(
                        f"{where} place[{k}]: figure = one of {', '.join(self.figures)}, not {spec.get('figure')!r}"
                    )
                self.placements.append(Placement(spec, fig, f"{where} place[{k}]"))
        first = self.placements[0]
        self.near = first.side or self.figures[first.figure].near  # the side a preview labels

    def silhouette(self):
        """The outline as drawn: every placement of every figure's outline."""
        return unary_union([p.geom(self.figures[p.figure].silhouette()) for p in self.placements])


def muscle_tables(muscle_drawing: dict, figures_of: dict):
    """(label, table) for each table of one muscle's drawing file: `[<view>]`, or on a view of
    placed figures `[<view>.<figure>]` (``figures_of``: {view: its figure names})."""
    for view, spec in muscle_drawing.items():
        if not isinstance(spec, dict):
            continue
        names = figures_of.get(view) or [None]
        for name in names:
            table = spec if name is None else spec.get(name)
            if isinstance(table, dict):
                yield (view if name is None else f"{view}.{name}"), table


class Drawing:
    """One figure: a view file that is one figure, or a `[figures.<name>]` table of a view file,
    merged over the figure file it names (`figure = "file.toml"`)."""

    def __init__(self, view: str, data: dict, name: str | None = None):
        self.view = view
        self.name = name
        self.label = view if name is None else f"{view}.{name}"  # how muscle files name its table
        self.path = DRAWING / f"{view}.toml"
        self.data = data
        base = {}
        if "figure" in data:
            base = read_toml(DRAWING / data["figure"])
        self.frames_data = {**base.get("frames", {}), **data.get("frames", {})}
        self.landmarks_data = {**base.get("landmarks", {}), **data.get("landmarks", {})}
        self.parts_data = {**base.get("parts", {}), **data.get("parts", {})}
        self.outline_data = data.get("outline", base.get("outline"))
        if self.outline_data is None:
            raise DataError(f"{self.rel()}: no [outline], and the figure file it names has none")
        mirror = data.get("mirror")
        if mirror is not None:
            self.mid = float(mirror["x"])
            near = mirror.get("drawn_side", "left")
            if near not in SIDES:
                raise DataError(f"{self.rel()}: mirror.drawn_side must be 'left' or 'right', not {near!r}")
            self.near, self.far = near, SIDES[1 - SIDES.index(near)]
        else:
            self.mid = None
            self.near = self.far = None
        self._frames: dict = {}
        self._parts: dict = {}
        self._landmarks: dict = {}
        self._sil = None

    def rel(self):
        rel = str(self.path.relative_to(ROOT))
        return rel if self.name is None else f"{rel} [figures.{self.name}]"

    def table(self, muscle_drawing: dict):
        """This figure's table of one muscle's drawing file, or None."""
        spec = muscle_drawing.get(self.view)
        if self.name is not None and isinstance(spec, dict):
            spec = spec.get(self.name)
        return spec if isinstance(spec, dict) else None

    def sides(self, geom):
        """[(side, geometry)]: the drawn shape and its mirror image, or (None, shape) for a
        figure without a mirror line (its placement gives the side)."""
        if self.mid is None:
            return [(None, geom)]
        return [(self.near, geom), (self.far, self.mirror(geom))]

    # ------------------------------------------------------------ mirroring
    def mirror(self, geom):
        if self.mid is None:
            raise DataError(f"{self.rel()}: something asks to be mirrored, but the figure has no mirror line")
        return affinity.scale(geom, xfact=-1, yfact=1, origin=(self.mid, 0))

    def mirror_pt(self, p):
        return (2 * self.mid - p[0], p[1])

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
            frame = LocalFrame(
                origin,
                float(spec.get("tilt", 0.0)),
                float(spec.get("scale", 1.0)),
                spec.get("length"),
                spec.get("half_width"),
            )
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
                pts = (
                    [hit]
                    if hit.geom_type == "Point"
                    else [g for g in getattr(hit, "geoms", []) if g.geom_type == "Point"]
                )
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
                    raise DataError(
                        f"{where}: frame {frame.name!r} has no mark {t!r} (marks: {', '.join(frame.marks)})"
                    )
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
                    out.append(
                        (p["x"], p["y"])
                        if "x" in p
                        else (p.get("u", 0) * frame.half_width, self.t_of(frame, p, where) * frame.length)
                    )
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
                raise DataError(
                    f"{where}: a direction 'in' a frame needs a local frame; use along = {spec['in']!r}, t = ..."
                )
            return frame.direction(spec.get("x", 0), spec.get("y", 0))
        raise DataError(
            f"{where}: a direction is [dx, dy], {{ along = limb, t = ..., rotate = deg }} or {{ in = frame, x, y }}"
        )

    # ------------------------------------------------------------ shapes
    def shape(self, spec, where):
        """A closed shape: blob (default), strap, half, limb, capsule, circle, ellipse or union."""
        if isinstance(spec, str):
            return self.part(spec, where)
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
            return unary_union([self.shape(p, f"{where}.parts[{k}]") for k, p in enumerate(spec["parts"])])
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
            pieces = [half, self.mirror(half)] if step.get("mirror", self.mid is not None) else [half]
            acc = unary_union(([acc] if acc is not None else []) + pieces)
            r = step.get("round")
            if r:
                seg = step.get("segments", 16)
                acc = acc.buffer(r, seg).buffer(-r, seg)
        if acc is None:
            raise DataError(f"{self.rel()}: the outline has no steps")
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
        """An open line (points, optionally in a frame), a closed ellipse ring, or a smooth closed
        ring through the points (`closed = true`, a local frame or diagram points)."""
        if "ellipse" in spec:
            e = spec["ellipse"]
            c = self.point(e["center"], where)
            return ellipse(c[0], c[1], e["rx"], e["ry"], rot=e.get("rot", 0.0)).exterior
        if spec.get("closed"):
            if "in" in spec and not isinstance(self.frame(spec["in"], where), LocalFrame):
                raise DataError(f"{where}: closed = true works with diagram points or a local frame, not a limb frame")
            return LinearRing(catmull_rom(self.points(spec, where), closed=True, step=step))
        if "in" in spec:
            frame = self.frame(spec["in"], where)
            if not isinstance(frame, LocalFrame):
                return frame.curve(self.frame_pairs(frame, spec["points"], where))
        return LineString(catmull_rom(self.points(spec, where), step=step))


def _rings(geom):
    if geom.geom_type == "Polygon":
        return [geom.exterior]
    return [g.exterior for g in geom.geoms]
