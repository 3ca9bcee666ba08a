"""Line art that makes the figure read as a body: face, collarbones, navel, kneecaps,
ankle bones, fingers and toes, spine, shoulder blades, buttock folds.

Returns [(svg path data, stroke width or None), ...]; half-side lines are mirrored.
"""

from __future__ import annotations

from figure_geom import catmull_rom, ellipse, fmt, line_d, mirror
from shapely.geometry import LineString


def _pl(pts):
    return LineString(catmull_rom(pts, step=1.0))


def build(body, view):
    arm, leg, hd = body.arm, body.leg, body.hand
    ap, lp = arm.pt, leg.pt
    half = []  # (geometry, width)
    mid = []

    def H(pts):
        return _pl([hd(x, y) for x, y in pts])

    # fingers and toes (both views)
    for a, b in (((-10.6, 57.5), (-10.9, 80)), ((-0.5, 59), (-0.4, 92)), ((9.4, 57.5), (9.3, 89))):
        half.append((H([a, ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), b]), 0.6))
    if view == "front":
        # face
        half += [
            (_pl([(307, 92), (314, 88.5), (322, 88), (331, 90.5)]), 1.1),
            (_pl([(309.5, 101.5), (315, 98.2), (321, 97.6), (330.5, 101)]), 0.8),
            (_pl([(309.5, 101.5), (315.5, 104), (322, 104.2), (330.5, 101)]), 0.6),
            (ellipse(320, 101, 2.6, 2.8).exterior, 0.6),
            (_pl([(303.5, 104), (304.5, 116), (307.5, 124), (306.5, 128.5), (300, 130.5)]), 0.7),
            (_pl([(300, 144.2), (305, 143.2), (310, 144.2), (314.5, 145.5)]), 0.8),
            (_pl([(300, 139.8), (304, 139), (308.5, 140.8)]), 0.5),
            (_pl([(300, 151.2), (305, 150.5), (309.5, 148.8)]), 0.5),
            (_pl([(349.5, 104), (354, 110), (353.5, 122), (349.5, 132)]), 0.6),
            (_pl([(321, 166), (328, 160)]), 0.4),
        ]
        mid.append((_pl([(297, 214.5), (300, 217), (303, 214.5)]), 0.7))
        # collarbones and chest
        half += [
            (_pl([(306, 217), (322, 217.5), (345, 221.5), (372, 223.5), (398, 227.5), (418, 234)]), 0.9),
            (_pl([(315, 346), (336, 352), (360, 343), (382, 326), (396, 312)]), 0.5),
        ]
        mid.append((ellipse(300, 458, 2.4, 3.6).exterior, 0.8))
        mid.append((_pl([(300, 372), (300, 450)]), 0.4))
        mid.append((_pl([(300, 466), (300, 556)]), 0.4))
        # elbow crease, wrist creases, palm
        half += [
            (arm.curve([(0.53, -0.5), (0.532, 0), (0.53, 0.45)]), 0.5),
            (H([(-14, 2.5), (0, 3.5), (13, 2.5)]), 0.5),
            (H([(15, 8), (9.5, 20), (9, 34), (12.5, 46)]), 0.55),
            (H([(-19, 30), (-8, 33), (4, 36), (12, 40)]), 0.45),
            (H([(-19.5, 40), (-8, 44), (5, 47)]), 0.45),
        ]
        for x0 in (-15.6, -5.6, 4.5, 14.3):
            for y0 in (67, 80):
                half.append((H([(x0 - 3.5, y0), (x0, y0 + 0.7), (x0 + 3.5, y0)]), 0.4))
        # knee, shin, ankles, toes
        kc = lp(0.532, 0.02)
        half.append((ellipse(kc[0], kc[1], 12.5, 15.5, rot=-2).exterior, 0.8))
        half.append((leg.curve([(0.6, -0.14), (0.61, 0.0), (0.6, 0.14)]), 0.5))
        half.append((leg.curve([(0.63, -0.22), (0.75, -0.3), (0.9, -0.4)]), 0.45))
        half.append((_pl([(317, 1103), (319.5, 1110), (318, 1117)]), 0.6))
        half.append((_pl([(364, 1110), (361.5, 1117), (363.5, 1124)]), 0.6))
        for x in (335, 344.5, 353.5, 361.5):
            half.append((_pl([(x, 1158), (x + 0.3, 1164), (x + 0.6, 1168)]), 0.5))
        for c, r in ((328.5, 5.0), (339.5, 3.6), (348.8, 3.2), (357.2, 2.9), (364.6, 2.6)):
            pass
    else:
        # ears, skull base
        half.append((_pl([(348.5, 104), (354, 110), (353.5, 123), (349, 133)]), 0.6))
        mid.append((_pl([(300, 150), (300, 584)]), 0.6))
        for y in range(214, 580, 18):
            mid.append((_pl([(298.5, y), (301.5, y)]), 0.8))
        mid.append((ellipse(300, 212, 2.2, 2.0).exterior, 0.6))
        mid.append((_pl([(300, 588), (300, 606)]), 0.8))
        # shoulder blade: medial border, spine, lateral border
        half += [
            (_pl([(328, 230), (331, 290), (336, 330), (346, 360), (356, 373), (366, 362), (380, 338), (392, 314), (398, 296)]), 0.7),
            (_pl([(329, 252), (350, 246), (376, 241), (400, 238), (414, 240)]), 0.9),
            (_pl([(326, 520), (327, 521.5)]), 2.2),
            (_pl([(306, 651), (326, 658), (350, 660.5), (372, 655)]), 0.9),
        ]
        # elbow, back of hand knuckles, fingernails
        half.append((ellipse(*ap(0.515, -0.05), 4.5, 3.2).exterior, 0.6))
        for x0, y0 in ((-15.6, 49), (-5.6, 53), (4.5, 54), (14.3, 51)):
            half.append((H([(x0 - 3.5, y0 + 3), (x0, y0 + 1.5), (x0 + 3.5, y0 + 3)]), 0.5))
        for x0, y0 in ((-15.6, 80), (-5.6, 92), (4.5, 97), (14.3, 90)):
            half.append((H([(x0 - 2.6, y0), (x0 - 2.6, y0 + 4), (x0, y0 + 5.5), (x0 + 2.6, y0 + 4), (x0 + 2.6, y0)]), 0.45))
        # knee crease, Achilles, heel and toe pads
        half.append((leg.curve([(0.535, -0.62), (0.54, 0), (0.535, 0.62)]), 0.6))
        half.append((leg.curve([(0.87, -0.22), (0.95, -0.28), (1.0, -0.32)]), 0.5))
        half.append((leg.curve([(0.87, 0.22), (0.95, 0.28), (1.0, 0.32)]), 0.5))
        half.append((_pl([(323, 1140), (333, 1146), (342, 1147.5), (351, 1146), (361, 1140)]), 0.5))
        half.append((_pl([(325, 1112), (327.5, 1128), (334, 1137), (342, 1139.5), (350, 1137), (356.5, 1128), (359, 1112)]), 0.55))
        for x in (335, 344.5, 353.5, 361.5):
            half.append((_pl([(x, 1163), (x + 0.4, 1169)]), 0.5))
    out = []
    for g, w in half:
        for gg in (g, mirror(g)):
            out.append((_d(gg), w))
    for g, w in mid:
        out.append((_d(g), w))
    return out


def _d(g):
    if g.geom_type == "LinearRing":
        return poly_d_ring(g)
    return line_d(g)


def poly_d_ring(ring):
    pts = list(ring.coords)
    return "M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in pts[:-1]) + "Z"
