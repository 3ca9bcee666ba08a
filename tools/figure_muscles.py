"""Muscle shapes, from origin to insertion, for the x >= 300 half of each view.

Limb muscles are written in limb coordinates (t along the limb from 0 at the shoulder or
hip to 1 at the wrist or ankle, u across it from -1 on the inner edge to +1 on the
outer edge), hand muscles in the hand's local frame, the rest in diagram units.
Each muscle also names how its fibres run: ("fan", point) where they converge on a
tendon, ("dir", (dx, dy)) for parallel fibres, or None for along the shape's long axis.
"""

from __future__ import annotations

import math

import numpy as np
from shapely.geometry import LineString, MultiLineString, Point
from shapely.ops import unary_union

from figure_geom import blob, catmull_rom

def strap(pts, widths, step=1.0):
    """A smooth band along a spline through ``pts``; ``widths`` (full widths) are spread along it."""
    c = catmull_rom(pts, step=step)
    ls = LineString(c)
    n = max(8, int(ls.length / 1.0))
    ws = np.interp(np.linspace(0, 1, n + 1), np.linspace(0, 1, len(widths)), widths)
    disks = [Point(ls.interpolate(k / n, normalized=True)).buffer(max(ws[k], 0.6) / 2, 16) for k in range(n + 1)]
    return unary_union(disks).simplify(0.05)


def fibre_lines(shape, spec, spacing=4.2):
    """Thin lines showing fibre direction inside ``shape``."""
    if shape.is_empty:
        return None
    if spec is None:
        rect = shape.minimum_rotated_rectangle
        c = list(rect.exterior.coords)
        e1 = (c[1][0] - c[0][0], c[1][1] - c[0][1])
        e2 = (c[2][0] - c[1][0], c[2][1] - c[1][1])
        d = e1 if math.hypot(*e1) >= math.hypot(*e2) else e2
        spec = ("dir", d)
    kind, val = spec
    minx, miny, maxx, maxy = shape.bounds
    diag = math.hypot(maxx - minx, maxy - miny) + 10
    lines = []
    if kind == "dir":
        dx, dy = val
        L = math.hypot(dx, dy)
        dx, dy = dx / L, dy / L
        nx, ny = -dy, dx
        cx, cy = shape.centroid.x, shape.centroid.y
        k = -diag / 2
        while k <= diag / 2:
            px, py = cx + nx * k, cy + ny * k
            lines.append(LineString([(px - dx * diag, py - dy * diag), (px + dx * diag, py + dy * diag)]))
            k += spacing
    else:
        fx, fy = val
        # rays from the focus, spaced so neighbouring fibres sit ~spacing apart at the far edge
        far = max(math.hypot(x - fx, y - fy) for x, y in shape.exterior.coords)
        dstep = spacing / max(far * 0.75, 1)
        angs = [math.atan2(y - fy, x - fx) for x, y in shape.exterior.coords]
        a0, a1 = min(angs), max(angs)
        if a1 - a0 > math.pi:  # wraps around
            angs = [a % (2 * math.pi) for a in angs]
            a0, a1 = min(angs), max(angs)
        a = a0 + dstep / 2
        while a < a1:
            lines.append(LineString([(fx, fy), (fx + math.cos(a) * diag, fy + math.sin(a) * diag)]))
            a += dstep
    inner = shape.buffer(-1.0)
    parts = []
    for ln in lines:
        g = ln.intersection(inner)
        for p in getattr(g, "geoms", [g]):
            if p.geom_type == "LineString" and p.length > 3:
                parts.append(p)
    return MultiLineString(parts) if parts else None


def build(body, view):
    """{muscle_id: polygon} and {muscle_id: fibre lines} for the x >= 300 half of ``view``."""
    arm, leg, hd = body.arm, body.leg, body.hand
    A = arm.shape
    L = leg.shape
    ap = arm.pt
    lp = leg.pt

    def Hd(pts):
        return blob(hd.pts(pts))

    m = {}
    f = {}
    if view == "front":
        # ---- head and face
        m["frontalis"] = blob([(302, 50), (318, 44), (334, 51), (340, 66), (337, 82), (324, 87), (310, 88), (302, 89)])
        f["frontalis"] = ("dir", (0, 1))
        m["temporalis"] = blob([(339, 50), (348, 57), (352, 74), (352, 92), (349, 108), (343, 121), (338, 116), (336.5, 96), (336.5, 70)])
        f["temporalis"] = ("fan", (342, 128))
        m["masseter"] = blob([(333, 120), (344, 118.5), (348, 128), (346, 142), (340, 153), (331, 155), (328, 142), (329, 128)])
        f["masseter"] = ("dir", (-0.25, 1))
        m["medial_pterygoid"] = blob([(331, 137), (339, 136), (343, 146), (338, 157), (330, 156), (328, 147)])
        f["medial_pterygoid"] = ("dir", (0.2, 1))
        m["lateral_pterygoid"] = blob([(330, 118), (341, 114.5), (346, 119), (343, 126), (331, 127)])
        f["lateral_pterygoid"] = ("dir", (1, -0.2))
        m["zygomaticus_major"] = strap([(342, 118), (330, 128), (315, 141)], [7, 6, 4.5])
        m["digastric"] = strap([(304, 177), (312, 188), (321, 190), (328.5, 174), (333, 151)], [7, 5, 4, 6, 7])
        # ---- neck
        m["sternocleidomastoid"] = strap([(339, 147), (333, 166), (323, 192), (312, 213)], [12, 14, 12, 9])
        m["scalenes"] = blob([(322, 170), (330, 168), (338, 188), (348, 212), (352, 222), (338, 224), (329, 205), (322, 185)])
        f["scalenes"] = ("dir", (0.4, 1))
        m["upper_trapezius"] = blob([(329, 176), (334, 192), (346, 204), (368, 213), (395, 222), (416, 230), (413, 235), (392, 229), (362, 220), (340, 212), (330, 203)])
        f["upper_trapezius"] = ("dir", (1, 0.35))
        # ---- shoulder and chest
        m["deltoid"] = unary_union([
            blob([(384, 226), (405, 230.5), (424, 236), (436, 248), ap(0.12, 1.0), ap(0.22, 0.95), ap(0.31, 0.55),
                  ap(0.26, 0.1), ap(0.17, -0.05), (404, 280), (398, 255), (390, 236)]),
        ])
        f["deltoid"] = ("fan", ap(0.36, 0.55))
        m["pectoralis_major"] = blob([(314, 218), (345, 220), (386, 227), (398, 238), (409, 257), ap(0.14, -0.1), ap(0.19, -0.35),
                                      (398, 300), (384, 320), (360, 338), (336, 350), (316, 350), (313.5, 300), (314, 250)])
        f["pectoralis_major"] = ("fan", ap(0.2, -0.2))
        m["pectoralis_minor"] = blob([(397, 244), (403, 251), (388, 280), (372, 316), (358, 322), (350, 306), (366, 282)])
        f["pectoralis_minor"] = ("fan", (400, 247))
        m["subclavius"] = strap([(318, 222), (350, 226), (390, 232)], [4, 5.5, 3.5])
        m["serratus_anterior"] = blob([(392, 306), (395.5, 332), (393, 362), (386, 395), (376, 408), (368, 398), (371, 368), (378, 338), (385, 318)])
        f["serratus_anterior"] = ("dir", (1, -0.45))
        m["intercostals"] = blob([(315, 236), (322, 236), (323, 300), (326, 336), (344, 352), (364, 344), (380, 322), (393, 318),
                                  (394, 350), (389, 385), (376, 395), (346, 376), (322, 362), (315, 345), (315, 290)])
        f["intercostals"] = ("dir", (1, 0.6))
        # ---- abdomen
        m["rectus_abdominis"] = blob([(302, 352), (322, 349), (341, 360), (340, 410), (335, 470), (326, 530), (317, 562), (302, 566), (302, 460)])
        f["rectus_abdominis"] = ("dir", (0, 1))
        m["external_oblique"] = blob([(386, 330), (393, 358), (389, 395), (380, 428), (376, 458), (380, 486), (388, 503), (374, 510),
                                      (358, 520), (336, 548), (330, 530), (338, 470), (342, 410), (350, 380), (370, 352)])
        f["external_oblique"] = ("dir", (-0.7, 1))
        m["internal_oblique"] = blob([(348, 430), (378, 438), (384, 470), (388, 500), (372, 512), (350, 540), (330, 562), (322, 556), (334, 500), (338, 460)])
        f["internal_oblique"] = ("dir", (0.8, 1))
        m["diaphragm"] = blob([(302, 366), (318, 356), (340, 366), (362, 382), (380, 402), (384, 424), (368, 420), (344, 404), (320, 396), (302, 394)])
        f["diaphragm"] = ("fan", (300, 420))
        m["psoas_major"] = blob([(304, 430), (318, 428), (324, 470), (330, 510), (342, 552), (352, 600), (352, 626), (343, 630), (335, 600), (322, 555), (310, 505), (304, 470)])
        f["psoas_major"] = ("dir", (0.3, 1))
        m["iliacus"] = blob([(338, 478), (362, 478), (380, 490), (380, 512), (366, 540), (356, 580), (350, 615), (343, 600), (340, 555), (334, 510)])
        f["iliacus"] = ("fan", (350, 620))
        # ---- hip and thigh
        m["tensor_fasciae_latae"] = blob([(376, 511), (388, 515), (397, 540), (402, 572), (402, 604), lp(0.14, 0.93), lp(0.15, 0.7),
                                          (388, 610), (380, 575), (372, 538)])
        f["tensor_fasciae_latae"] = ("dir", (0.2, 1))
        m["gluteus_minimus"] = blob([(381, 520), (392, 526), (401, 550), (405, 580), (402, 598), (395, 596), (388, 570), (381, 545)])
        f["gluteus_minimus"] = ("dir", (0.3, 1))
        m["gluteus_medius"] = blob([(385, 496), (394, 508), (402, 532), (407, 560), (404, 575), (396, 556), (386, 530), (380, 510)])
        f["gluteus_medius"] = ("dir", (0.3, 1))
        m["sartorius"] = strap([(372, 516), (374, 540), lp(0.1, 0.42), lp(0.22, 0.05), lp(0.36, -0.45), lp(0.49, -0.78), lp(0.6, -0.72), lp(0.66, -0.45)], [7, 9, 10, 10, 10, 9, 8, 6])
        m["rectus_femoris"] = L([(-0.02, 0.12), (0.06, 0.34), (0.18, 0.42), (0.31, 0.34), (0.43, 0.18), (0.475, 0.02), (0.43, -0.16), (0.3, -0.26), (0.16, -0.24), (0.05, -0.06)])
        f["rectus_femoris"] = ("dir", (0, 1))
        m["vastus_intermedius"] = L([(0.07, 0.05), (0.1, 0.45), (0.28, 0.52), (0.42, 0.36), (0.44, -0.16), (0.3, -0.3), (0.12, -0.18)])
        m["vastus_lateralis"] = L([(0.08, 0.6), (0.1, 0.95), (0.26, 0.99), (0.4, 0.95), (0.48, 0.72), (0.5, 0.42), (0.44, 0.3), (0.3, 0.42), (0.18, 0.5)])
        f["vastus_lateralis"] = ("dir", (-0.15, 1))
        m["vastus_medialis"] = L([(0.2, -0.5), (0.33, -0.28), (0.45, -0.1), (0.5, -0.28), (0.5, -0.68), (0.44, -0.97), (0.34, -0.9)])
        f["vastus_medialis"] = ("dir", (0.45, 1))
        m["pectineus"] = blob([(318, 578), (334, 570), (345, 588), (352, 615), (349, 632), (340, 627), (326, 606), (317, 592)])
        f["pectineus"] = ("dir", (0.6, 1))
        m["adductor_longus"] = blob([(309, 594), (318, 590), (330, 620), lp(0.2, -0.45), lp(0.33, -0.3), lp(0.34, -0.42), lp(0.24, -0.7), (312, 625), (307, 608)])
        f["adductor_longus"] = ("dir", (0.35, 1))
        m["adductor_brevis"] = blob([(314, 600), (326, 596), (338, 620), (348, 652), (347, 680), (338, 676), (326, 648), (315, 622)])
        f["adductor_brevis"] = ("dir", (0.45, 1))
        m["gracilis"] = L([(0.04, -0.96), (0.055, -0.8), (0.25, -0.84), (0.45, -0.88), (0.56, -0.82), (0.63, -0.6), (0.66, -0.48), (0.66, -0.62),
                           (0.58, -0.98), (0.4, -1.0), (0.2, -1.0)])
        f["gracilis"] = ("dir", (0, 1))
        # ---- lower leg and foot
        m["tibialis_anterior"] = L([(0.6, -0.2), (0.61, 0.28), (0.72, 0.3), (0.84, 0.12), (0.95, -0.2), (0.99, -0.45), (0.97, -0.55), (0.88, -0.3), (0.75, -0.22)])
        f["tibialis_anterior"] = ("dir", (-0.1, 1))
        m["extensor_digitorum_longus"] = L([(0.6, 0.33), (0.605, 0.58), (0.78, 0.5), (0.93, 0.3), (0.99, 0.2), (0.97, 0.08), (0.86, 0.22), (0.72, 0.33)])
        m["extensor_hallucis_longus"] = L([(0.74, 0.1), (0.77, 0.3), (0.88, 0.18), (0.98, -0.12), (0.97, -0.24), (0.88, 0.0)])
        m["peroneus_longus"] = L([(0.6, 0.62), (0.6, 0.96), (0.72, 0.99), (0.84, 0.9), (0.86, 0.75), (0.76, 0.6), (0.66, 0.6)])
        m["peroneus_brevis"] = L([(0.78, 0.64), (0.8, 0.97), (0.92, 0.98), (0.99, 0.82), (0.96, 0.64), (0.88, 0.6)])
        m["extensor_digitorum_brevis"] = blob([(349, 1128), (360, 1126), (365, 1138), (360, 1148), (350, 1147), (345, 1138)])
        f["extensor_digitorum_brevis"] = ("dir", (-0.5, 1))
        # ---- forearm and hand (palm side)
        m["biceps_brachii"] = A([(0.07, -0.25), (0.08, 0.15), (0.2, 0.45), (0.33, 0.55), (0.44, 0.4), (0.53, 0.1), (0.53, -0.08), (0.44, -0.42), (0.3, -0.56), (0.17, -0.45)])
        f["biceps_brachii"] = ("dir", arm_dir(arm, 0.3))
        m["brachialis"] = A([(0.28, -0.82), (0.29, 0.75), (0.42, 0.9), (0.5, 0.62), (0.57, 0.18), (0.56, -0.22), (0.46, -0.86)])
        f["brachialis"] = ("dir", arm_dir(arm, 0.4))
        m["coracobrachialis"] = A([(0.02, -0.2), (0.06, -0.52), (0.2, -0.74), (0.31, -0.86), (0.33, -0.66), (0.2, -0.42), (0.09, -0.15)])
        f["coracobrachialis"] = ("dir", arm_dir(arm, 0.15))
        m["brachioradialis"] = A([(0.4, 0.72), (0.41, 0.98), (0.58, 0.99), (0.76, 0.88), (0.96, 0.72), (0.96, 0.52), (0.78, 0.56), (0.62, 0.5), (0.5, 0.5)])
        f["brachioradialis"] = ("dir", arm_dir(arm, 0.7))
        m["pronator_teres"] = A([(0.52, -0.98), (0.575, -0.92), (0.73, 0.42), (0.705, 0.6), (0.54, -0.48)])
        m["flexor_carpi_radialis"] = A([(0.54, -0.9), (0.59, -0.62), (0.76, 0.0), (0.95, 0.3), (0.96, 0.12), (0.77, -0.28), (0.61, -0.84)])
        m["palmaris_longus"] = A([(0.56, -0.86), (0.61, -0.58), (0.78, -0.14), (0.96, -0.02), (0.96, -0.14), (0.78, -0.32), (0.61, -0.78)])
        m["flexor_carpi_ulnaris"] = A([(0.53, -1.0), (0.6, -0.72), (0.8, -0.58), (0.97, -0.6), (0.97, -0.88), (0.8, -0.99), (0.6, -1.0)])
        m["finger_flexors"] = A([(0.57, -0.72), (0.59, 0.3), (0.74, 0.48), (0.92, 0.36), (0.94, -0.5), (0.78, -0.72)])
        f["finger_flexors"] = ("dir", arm_dir(arm, 0.8))
        m["supinator"] = A([(0.555, 0.25), (0.56, 0.72), (0.64, 0.72), (0.68, 0.35), (0.63, 0.12)])
        f["supinator"] = ("dir", arm_dir(arm, 0.6, 40))
        m["opponens_pollicis"] = Hd([(14, 8), (21, 13), (24, 24), (21, 35), (15, 33), (11, 21)])
        f["opponens_pollicis"] = ("dir", (hd.d[0] + hd.l[0] * 0.5, hd.d[1] + hd.l[1] * 0.5))
        m["adductor_pollicis"] = Hd([(1, 29), (9, 28), (17, 35), (21, 43), (15, 47), (4, 44)])
        f["adductor_pollicis"] = ("dir", hd.l)
    else:
        # ---- head and neck
        m["occipitalis"] = blob([(303, 120), (318, 115), (334, 117), (340, 128), (330, 138), (312, 140), (303, 137)])
        f["occipitalis"] = ("dir", (0, -1))
        m["suboccipitals"] = blob([(302, 146), (316, 143), (331, 146), (334, 153), (322, 162), (305, 161)])
        f["suboccipitals"] = ("dir", (1, -0.2))
        m["semispinalis_capitis"] = blob([(302, 144), (315, 142), (319, 165), (318, 205), (313, 240), (304, 250), (302, 200)])
        f["semispinalis_capitis"] = ("dir", (0, 1))
        m["splenius_capitis"] = blob([(302, 186), (311, 170), (326, 153), (341, 140), (345, 147), (332, 172), (317, 205), (305, 232), (302, 225)])
        f["splenius_capitis"] = ("dir", (0.6, -1))
        m["splenius_cervicis"] = blob([(302, 238), (312, 222), (322, 198), (326, 172), (331, 172), (330, 200), (318, 240), (304, 270)])
        f["splenius_cervicis"] = ("dir", (0.3, -1))
        m["levator_scapulae"] = strap([(326, 160), (333, 185), (332, 210), (329, 236)], [7, 10, 11, 9])
        m["upper_trapezius"] = blob([(301, 140), (313, 141), (322, 168), (332, 196), (352, 210), (385, 224), (416, 233), (411, 242),
                                     (380, 236), (346, 228), (316, 218), (301, 213)])
        f["upper_trapezius"] = ("fan", (302, 150))
        # ---- shoulder girdle
        m["middle_trapezius"] = blob([(301, 214), (330, 221), (370, 232), (406, 242), (398, 248), (365, 250), (335, 256), (301, 268)])
        f["middle_trapezius"] = ("dir", (1, -0.1))
        m["lower_trapezius"] = blob([(301, 262), (320, 258), (336, 250), (346, 254), (338, 280), (326, 330), (314, 390), (305, 430), (301, 430)])
        f["lower_trapezius"] = ("fan", (340, 252))
        m["rhomboids"] = blob([(302, 216), (324, 230), (331, 290), (338, 336), (345, 356), (330, 350), (302, 292)])
        f["rhomboids"] = ("dir", (1, 0.6))
        m["serratus_posterior_superior"] = blob([(302, 210), (318, 219), (345, 240), (356, 262), (350, 276), (332, 258), (302, 240)])
        f["serratus_posterior_superior"] = ("dir", (1, 0.7))
        m["supraspinatus"] = blob([(326, 228), (350, 230), (380, 235), (404, 242), (414, 247), (400, 252), (365, 250), (332, 249)])
        f["supraspinatus"] = ("dir", (1, 0.1))
        m["infraspinatus"] = blob([(332, 260), (365, 253), (392, 258), (401, 272), (395, 292), (378, 312), (356, 334), (346, 356), (338, 334), (332, 295)])
        f["infraspinatus"] = ("fan", (400, 264))
        m["subscapularis"] = blob([(330, 238), (368, 244), (396, 252), (403, 280), (394, 310), (360, 348), (347, 362), (338, 332), (331, 285)])
        f["subscapularis"] = ("fan", (402, 262))
        m["teres_minor"] = strap([(360, 320), (378, 305), (396, 292), ap(0.08, -0.05)], [9, 10, 9, 7])
        m["teres_major"] = strap([(350, 358), (366, 345), (386, 332), ap(0.14, -0.55), ap(0.2, -0.6)], [12, 15, 15, 12, 9])
        m["deltoid"] = blob([(372, 236), (400, 236), (424, 238), (436, 250), ap(0.12, 1.0), ap(0.22, 0.95), ap(0.31, 0.55),
                             ap(0.25, -0.05), ap(0.15, -0.5), (402, 290), (396, 262), (380, 246)])
        f["deltoid"] = ("fan", ap(0.36, 0.5))
        m["latissimus_dorsi"] = blob([(302, 372), (328, 377), (354, 372), (380, 356), (396, 338), ap(0.15, -0.6), ap(0.2, -0.8),
                                      (397, 345), (394, 380), (386, 420), (379, 460), (380, 494), (352, 502), (322, 510), (302, 505), (302, 440)])
        f["latissimus_dorsi"] = ("fan", ap(0.18, -0.7))
        m["intercostals"] = blob([(350, 340), (372, 330), (388, 340), (390, 380), (383, 420), (370, 440), (356, 432), (352, 390)])
        f["intercostals"] = ("dir", (1, 0.5))
        # ---- back muscles
        m["serratus_posterior_inferior"] = blob([(302, 422), (330, 410), (370, 396), (380, 412), (372, 428), (340, 446), (302, 470)])
        f["serratus_posterior_inferior"] = ("dir", (1, -0.5))
        m["longissimus_thoracis"] = blob([(306, 250), (317, 248), (326, 320), (332, 420), (330, 480), (324, 512), (312, 512), (309, 440), (306, 330)])
        f["longissimus_thoracis"] = ("dir", (0, 1))
        m["iliocostalis_thoracis"] = blob([(330, 262), (338, 262), (348, 330), (352, 400), (350, 446), (339, 446), (336, 380), (330, 310)])
        f["iliocostalis_thoracis"] = ("dir", (0.1, 1))
        m["iliocostalis_lumborum"] = blob([(334, 424), (348, 424), (356, 462), (356, 500), (342, 504), (334, 470)])
        f["iliocostalis_lumborum"] = ("dir", (0.05, 1))
        m["multifidus"] = blob([(302, 300), (307, 300), (309, 430), (314, 480), (317, 530), (314, 565), (307, 582), (302, 582)])
        f["multifidus"] = ("dir", (-0.3, 1))
        m["quadratus_lumborum"] = blob([(318, 440), (350, 438), (366, 452), (372, 480), (366, 500), (332, 502), (316, 476)])
        f["quadratus_lumborum"] = ("dir", (0.15, 1))
        # ---- pelvis and hip
        m["gluteus_maximus"] = blob([(322, 514), (338, 505), (362, 512), (384, 530), (398, 562), (405, 605), lp(0.14, 0.96),
                                     lp(0.19, 0.85), (388, 672), (360, 666), (332, 662), (312, 652), (306, 628), (309, 600), (316, 575), (321, 545)])
        f["gluteus_maximus"] = ("dir", (1, 0.55))
        m["gluteus_medius"] = blob([(340, 505), (362, 496), (384, 497), (396, 515), (404, 552), (406, 588), (394, 588), (372, 562), (350, 543), (339, 524)])
        f["gluteus_medius"] = ("fan", (402, 596))
        m["gluteus_minimus"] = blob([(350, 520), (374, 507), (394, 518), (402, 552), (403, 586), (394, 590), (374, 570), (354, 548)])
        f["gluteus_minimus"] = ("fan", (400, 594))
        m["piriformis"] = strap([(318, 548), (340, 558), (368, 571), (398, 584)], [18, 15, 10, 6])
        m["gemelli"] = strap([(326, 584), (352, 591), (378, 595), (397, 596)], [12, 10, 9, 7])
        m["obturator_internus"] = strap([(312, 600), (332, 596), (362, 597), (396, 598)], [10, 7, 5, 4])
        m["quadratus_femoris"] = strap([(330, 616), (360, 616), (392, 612)], [10, 11, 10])
        m["coccygeus"] = blob([(306, 582), (320, 576), (333, 583), (323, 591), (308, 597)])
        f["coccygeus"] = ("dir", (1, -0.4))
        m["levator_ani"] = blob([(303, 596), (314, 596), (323, 609), (318, 622), (306, 620), (302, 608)])
        f["levator_ani"] = ("dir", (1, 0.4))
        # ---- back of thigh
        m["adductor_magnus"] = blob([(309, 628), (332, 634), (340, 680), lp(0.3, -0.55), lp(0.44, -0.75), lp(0.47, -0.95), lp(0.3, -1.0), (306, 650)])
        f["adductor_magnus"] = ("dir", (0.1, 1))
        m["semitendinosus"] = L([(0.12, -0.18), (0.14, 0.1), (0.3, -0.14), (0.45, -0.4), (0.6, -0.6), (0.61, -0.76), (0.47, -0.72), (0.3, -0.5), (0.18, -0.38)])
        f["semitendinosus"] = ("dir", (-0.1, 1))
        m["semimembranosus"] = L([(0.2, -0.52), (0.3, -0.6), (0.44, -0.72), (0.55, -0.84), (0.52, -0.98), (0.38, -0.98), (0.26, -0.86)])
        f["semimembranosus"] = ("dir", (-0.1, 1))
        m["biceps_femoris"] = L([(0.12, 0.0), (0.15, 0.32), (0.3, 0.58), (0.45, 0.72), (0.6, 0.82), (0.61, 0.6), (0.46, 0.36), (0.3, 0.12), (0.18, -0.06)])
        f["biceps_femoris"] = ("dir", (0.12, 1))
        m["vastus_lateralis"] = L([(0.1, 0.78), (0.12, 0.99), (0.3, 1.0), (0.45, 0.96), (0.48, 0.84), (0.4, 0.74), (0.22, 0.7)])
        f["vastus_lateralis"] = ("dir", (-0.1, 1))
        # ---- back of knee, calf, sole
        m["popliteus"] = L([(0.565, 0.55), (0.6, 0.42), (0.655, -0.3), (0.645, -0.55), (0.605, -0.35)])
        m["gastrocnemius"] = L([(0.5, -0.6), (0.5, 0.55), (0.58, 0.85), (0.68, 0.88), (0.76, 0.5), (0.8, 0.1), (0.83, -0.25), (0.78, -0.8), (0.66, -0.96), (0.56, -0.82)])
        f["gastrocnemius"] = ("dir", (0, 1))
        m["soleus"] = L([(0.6, 0.6), (0.62, 0.94), (0.76, 0.96), (0.88, 0.62), (0.93, 0.22), (0.93, -0.22), (0.86, -0.82), (0.73, -0.96), (0.63, -0.7)])
        f["soleus"] = ("dir", (0, 1))
        m["tibialis_posterior"] = L([(0.6, -0.22), (0.605, 0.24), (0.75, 0.2), (0.9, -0.08), (0.97, -0.38), (0.93, -0.44), (0.76, -0.24)])
        m["flexor_digitorum_longus"] = L([(0.64, -0.5), (0.66, -0.26), (0.85, -0.3), (0.97, -0.58), (0.95, -0.74), (0.8, -0.62)])
        m["flexor_hallucis_longus"] = L([(0.7, 0.26), (0.72, 0.58), (0.86, 0.52), (0.97, 0.15), (0.95, 0.0), (0.84, 0.14)])
        m["quadratus_plantae"] = blob([(327, 1148), (350, 1147.5), (352, 1156), (343, 1159), (330, 1157)])
        f["quadratus_plantae"] = ("dir", (1, 0))
        m["flexor_digitorum_brevis"] = blob([(328, 1150), (354, 1150), (356, 1160), (350, 1166), (334, 1167), (327, 1160)])
        f["flexor_digitorum_brevis"] = ("dir", (0, 1))
        m["abductor_hallucis"] = blob([(315, 1149), (323, 1148.5), (327, 1158), (325, 1168), (318, 1167), (314, 1158)])
        f["abductor_hallucis"] = ("dir", (0, 1))
        m["abductor_digiti_minimi"] = blob([(359, 1149), (369, 1150), (371.5, 1157), (366, 1164), (359, 1163), (357, 1156)])
        f["abductor_digiti_minimi"] = ("dir", (0, 1))
        # ---- arm (back)
        m["triceps_brachii"] = A([(0.1, -0.72), (0.13, 0.42), (0.25, 0.86), (0.42, 0.76), (0.53, 0.3), (0.54, -0.2), (0.43, -0.86), (0.25, -0.96)])
        f["triceps_brachii"] = ("dir", arm_dir(arm, 0.3))
        m["extensor_carpi_radialis_longus"] = A([(0.42, 0.74), (0.43, 0.99), (0.6, 0.98), (0.78, 0.78), (0.94, 0.62), (0.93, 0.46), (0.77, 0.56), (0.58, 0.62)])
        f["extensor_carpi_radialis_longus"] = ("dir", arm_dir(arm, 0.7))
        m["extensor_carpi_radialis_brevis"] = A([(0.56, 0.52), (0.58, 0.8), (0.72, 0.66), (0.93, 0.4), (0.93, 0.22), (0.72, 0.34)])
        f["extensor_carpi_radialis_brevis"] = ("dir", arm_dir(arm, 0.75))
        m["extensor_digitorum"] = A([(0.56, 0.08), (0.58, 0.5), (0.7, 0.4), (0.93, 0.16), (0.93, -0.18), (0.72, -0.1), (0.6, -0.14)])
        f["extensor_digitorum"] = ("dir", arm_dir(arm, 0.75))
        m["extensor_carpi_ulnaris"] = A([(0.56, -0.26), (0.6, -0.14), (0.76, -0.34), (0.95, -0.48), (0.95, -0.72), (0.76, -0.66), (0.61, -0.6)])
        f["extensor_carpi_ulnaris"] = ("dir", arm_dir(arm, 0.75))
        m["supinator"] = A([(0.55, 0.3), (0.555, 0.78), (0.64, 0.74), (0.68, 0.4), (0.62, 0.18)])
        f["supinator"] = ("dir", arm_dir(arm, 0.6, -40))
        m["first_dorsal_interosseous"] = Hd([(13, 16), (19, 20), (21.5, 34), (20, 46), (14, 47), (11.5, 32)])
        f["first_dorsal_interosseous"] = ("dir", hd.d)
    fib = {}
    for k, g in m.items():
        fib[k] = fibre_lines(g, f.get(k))
    return m, fib


def arm_dir(arm, t, rotate=0.0):
    p0 = np.array(arm.pt(t - 0.02, 0))
    p1 = np.array(arm.pt(t + 0.02, 0))
    d = p1 - p0
    a = math.radians(rotate)
    return (d[0] * math.cos(a) - d[1] * math.sin(a), d[0] * math.sin(a) + d[1] * math.cos(a))
