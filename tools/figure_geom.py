"""Geometry helpers for tools/draw_figure.py: splines, limbs, local frames and SVG output.

Curves are centripetal Catmull-Rom splines through hand-placed control points, sampled
densely enough that the polygons look smooth. Mirroring belongs to each figure
(figure_data.Drawing.mirror), since each figure names its own mirror line.
"""

from __future__ import annotations

import math

import numpy as np
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.ops import unary_union


# ---------------------------------------------------------------- splines
def catmull_rom(points, closed=False, step=1.5, alpha=0.5):
    """Centripetal Catmull-Rom spline through ``points``; samples roughly every ``step`` px."""
    pts = [tuple(map(float, p)) for p in points]
    if len(pts) < 2:
        return pts
    if closed:
        ext = [pts[-1], *pts, pts[0], pts[1]]
        nseg = len(pts)
    else:
        # reflect the end points so the curve starts and ends where asked
        p0 = (2 * pts[0][0] - pts[1][0], 2 * pts[0][1] - pts[1][1])
        pn = (2 * pts[-1][0] - pts[-2][0], 2 * pts[-1][1] - pts[-2][1])
        ext = [p0, *pts, pn]
        nseg = len(pts) - 1
    out = []
    for i in range(nseg):
        P0, P1, P2, P3 = (np.array(ext[i + k]) for k in range(4))

        def tj(ti, a, b):
            return ti + max(np.linalg.norm(b - a), 1e-6) ** alpha

        t0 = 0.0
        t1 = tj(t0, P0, P1)
        t2 = tj(t1, P1, P2)
        t3 = tj(t2, P2, P3)
        seg_len = np.linalg.norm(P2 - P1)
        n = max(2, int(math.ceil(seg_len / step)))
        ts = np.linspace(t1, t2, n, endpoint=False)
        for t in ts:
            A1 = (t1 - t) / (t1 - t0) * P0 + (t - t0) / (t1 - t0) * P1
            A2 = (t2 - t) / (t2 - t1) * P1 + (t - t1) / (t2 - t1) * P2
            A3 = (t3 - t) / (t3 - t2) * P2 + (t - t2) / (t3 - t2) * P3
            B1 = (t2 - t) / (t2 - t0) * A1 + (t - t0) / (t2 - t0) * A2
            B2 = (t3 - t) / (t3 - t1) * A2 + (t - t1) / (t3 - t1) * A3
            C = (t2 - t) / (t2 - t1) * B1 + (t - t1) / (t2 - t1) * B2
            out.append((float(C[0]), float(C[1])))
    if not closed:
        out.append(pts[-1])
    return out


def blob(points, step=1.2):
    """A smooth closed shape through ``points``."""
    poly = Polygon(catmull_rom(points, closed=True, step=step))
    if not poly.is_valid:
        poly = poly.buffer(0)
    return poly


def ellipse(cx, cy, rx, ry, rot=0.0, n=64):
    a = math.radians(rot)
    pts = []
    for k in range(n):
        t = 2 * math.pi * k / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a)))
    return Polygon(pts)


# ---------------------------------------------------------------- limbs
def _interp_profile(profile, t):
    """Smooth (Catmull-Rom) interpolation of [(t, a, b), ...] at t."""
    ts = [p[0] for p in profile]
    t = min(max(t, ts[0]), ts[-1])
    i = max(0, min(len(ts) - 2, int(np.searchsorted(ts, t, side="right")) - 1))
    vals = []
    for k in (1, 2):
        y = [p[k] for p in profile]
        y0 = y[i - 1] if i > 0 else 2 * y[i] - y[i + 1]
        y3 = y[i + 2] if i + 2 < len(y) else 2 * y[i + 1] - y[i]
        t0 = ts[i - 1] if i > 0 else 2 * ts[i] - ts[i + 1]
        t3 = ts[i + 2] if i + 2 < len(ts) else 2 * ts[i + 1] - ts[i]
        t1, t2 = ts[i], ts[i + 1]
        s = (t - t1) / (t2 - t1)
        m1 = (y[i + 1] - y0) / (t2 - t0) * (t2 - t1)
        m2 = (y3 - y[i]) / (t3 - t1) * (t2 - t1)
        h00 = 2 * s**3 - 3 * s**2 + 1
        h10 = s**3 - 2 * s**2 + s
        h01 = -2 * s**3 + 3 * s**2
        h11 = s**3 - s**2
        vals.append(h00 * y[i] + h10 * m1 + h01 * y[i + 1] + h11 * m2)
    return vals


class Limb:
    """A limb built around a smooth axis with separate inner and outer width profiles.

    Limb coordinates: t runs 0..1 along the axis (proximal to distal), u runs from -1 on
    the inner edge (towards the midline) to +1 on the outer edge.
    """

    def __init__(self, axis, profile, outer_sign=1, n=600):
        raw = catmull_rom(axis, step=0.5)
        ls = LineString(raw)
        self.length = ls.length
        self.ts = np.linspace(0, 1, n)
        self.P = np.array([ls.interpolate(t, normalized=True).coords[0] for t in self.ts])
        d = np.gradient(self.P, axis=0)
        d /= np.linalg.norm(d, axis=1)[:, None]
        # normal pointing to the outer side (for the x>=300 half, outer is +x)
        nrm = np.stack([d[:, 1], -d[:, 0]], axis=1) * outer_sign
        self.N = nrm
        self.W = np.array([_interp_profile(profile, t) for t in self.ts])  # (w_in, w_out)

    def _at(self, t):
        t = min(max(t, -0.2), 1.2)
        if t < 0 or t > 1:
            # extrapolate straight along the end tangent
            k = 0 if t < 0 else -1
            d = self.P[1] - self.P[0] if t < 0 else self.P[-1] - self.P[-2]
            d = d / np.linalg.norm(d)
            p = self.P[k] + d * (t if t < 0 else t - 1) * self.length
            return p, self.N[k], self.W[k]
        f = t * (len(self.ts) - 1)
        i = int(min(f, len(self.ts) - 2))
        r = f - i
        p = self.P[i] * (1 - r) + self.P[i + 1] * r
        nr = self.N[i] * (1 - r) + self.N[i + 1] * r
        w = self.W[i] * (1 - r) + self.W[i + 1] * r
        return p, nr, w

    def pt(self, t, u):
        p, nr, w = self._at(t)
        width = w[1] if u > 0 else w[0]
        q = p + nr * u * width
        return (float(q[0]), float(q[1]))

    def outline(self, t0=0.0, t1=1.0, cap=False):
        ts = np.linspace(t0, t1, 400)
        outer = [self.pt(t, 1.0) for t in ts]
        inner = [self.pt(t, -1.0) for t in ts[::-1]]
        return Polygon(outer + inner)

    def _map(self, tu_pts):
        return [self.pt(t, u) for t, u in tu_pts]

    def curve(self, tu_pts, step=0.004):
        """An open line through limb-coordinate control points (spline in t,u space)."""
        sm = catmull_rom([(t * 1000, u * 100) for t, u in tu_pts], step=step * 1000)
        return LineString(self._map([(a / 1000, b / 100) for a, b in sm]))

    def shape(self, tu_pts):
        """A closed smooth shape through limb-coordinate control points."""
        sm = catmull_rom([(t * 1000, u * 100) for t, u in tu_pts], closed=True, step=2.0)
        poly = Polygon(self._map([(a / 1000, b / 100) for a, b in sm]))
        return poly if poly.is_valid else poly.buffer(0)


class Frame:
    """A rotated local frame: local +y along ``angle`` degrees from straight down, +x lateral."""

    def __init__(self, origin, tilt_deg, scale=1.0):
        self.o = origin
        a = math.radians(tilt_deg)
        self.d = (math.sin(a), math.cos(a))  # down the hand
        self.l = (math.cos(a), -math.sin(a))  # lateral
        self.s = scale

    def __call__(self, x, y):
        s = self.s
        return (
            self.o[0] + s * (x * self.l[0] + y * self.d[0]),
            self.o[1] + s * (x * self.l[1] + y * self.d[1]),
        )


def capsule(p, q, r0, r1=None):
    """A tapered round-ended finger from p to q."""
    r1 = r0 if r1 is None else r1
    return unary_union([LineString([p, q]).buffer(1e-3), _taper(p, q, r0, r1)])


def _taper(p, q, r0, r1, n=24):
    from shapely.geometry import Point

    return unary_union([Point(p).buffer(r0, 32), Point(q).buffer(r1, 32), Polygon(_hull(p, q, r0, r1))])


def _hull(p, q, r0, r1):
    dx, dy = q[0] - p[0], q[1] - p[1]
    L = math.hypot(dx, dy)
    nx, ny = -dy / L, dx / L
    return [
        (p[0] + nx * r0, p[1] + ny * r0),
        (q[0] + nx * r1, q[1] + ny * r1),
        (q[0] - nx * r1, q[1] - ny * r1),
        (p[0] - nx * r0, p[1] - ny * r0),
    ]


# ---------------------------------------------------------------- SVG output
def fmt(v):
    s = f"{v:.1f}"
    if s.endswith(".0"):
        s = s[:-2]
    if s == "-0":
        s = "0"
    return s


def ring_d(coords):
    pts = list(coords)
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts = pts[:-1]
    out = [f"M{fmt(pts[0][0])} {fmt(pts[0][1])}"]
    prev = pts[0]
    for x, y in pts[1:]:
        if (fmt(x), fmt(y)) == (fmt(prev[0]), fmt(prev[1])):
            continue
        out.append(f"L{fmt(x)} {fmt(y)}")
        prev = (x, y)
    return "".join(out) + "Z"


def poly_d(poly):
    if isinstance(poly, MultiPolygon):
        return "".join(poly_d(p) for p in poly.geoms)
    d = ring_d(poly.exterior.coords)
    for hole in poly.interiors:
        d += ring_d(hole.coords)
    return d


def line_d(ls):
    if ls.geom_type == "MultiLineString":
        return "".join(line_d(g) for g in ls.geoms)
    pts = list(ls.coords)
    out = [f"M{fmt(pts[0][0])} {fmt(pts[0][1])}"]
    for x, y in pts[1:]:
        out.append(f"L{fmt(x)} {fmt(y)}")
    return "".join(out)
