"""Region layout: dividing lines and one seed point per region, for each view.

The silhouette is cut by the dividing lines (drawn on the x >= 300 half and mirrored,
plus midline pieces); every face of the cut is named by the seed point it holds, so the
regions of a view tile the silhouette exactly with shared edges.
"""

from __future__ import annotations

import math

from shapely.geometry import LineString

from figure_body import Body, leg_t
from figure_geom import ellipse, line


def _ext(ls, a=6.0, b=6.0):
    """Extend a line straight past both ends (so it surely meets what it should)."""
    c = list(ls.coords)

    def push(p, q, d):
        dx, dy = p[0] - q[0], p[1] - q[1]
        n = math.hypot(dx, dy) or 1
        return (p[0] + dx / n * d, p[1] + dy / n * d)

    return LineString([push(c[0], c[1], a), *c, push(c[-1], c[-2], b)])


def armpit(body: Body):
    """The deepest point of the armpit crease on the silhouette (x >= 300 side)."""
    pts = list(body.silhouette.exterior.coords)
    best = None
    for i in range(1, len(pts) - 1):
        x, y = pts[i]
        if 388 < x < 420 and 285 < y < 345:
            if best is None or y < best[1]:
                best = (x, y)
    return best


def front_layout(body: Body):
    arm, leg, hd = body.arm, body.leg, body.hand
    ap = armpit(body)
    half = []
    mid = [line([(300, 10), (300, 134)]), line([(300, 178.4), (300, 216)]), line([(300, 367), (300, 563.5)])]
    # head
    half += [
        ellipse(320, 101, 15.5, 10.5).exterior,
        line([(299, 103.5), (306, 102.5)]),
        line([(358, 42), (346, 51), (338.5, 67), (336, 85), (335.3, 97), (334.8, 103)]),
        line([(334.6, 103.5), (340.5, 106.5), (346, 106.5)]),
        line([(353, 91), (346.5, 98), (342.5, 108), (341.3, 121), (342.5, 132), (346.5, 141), (352, 146)]),
        line([(315.8, 141.5), (328, 139.5), (342, 132.5)]),
        line([(300, 133), (310, 134.5), (316.5, 143), (317, 157), (313.5, 169.5), (309, 176.5), (307, 182)]),
        line([(350, 134), (342.5, 143), (334, 157), (322, 169), (309, 176.5), (300, 178)]),
    ]
    # neck, chest, abdomen
    half += [
        line([(300, 216), (313, 215), (330, 218), (355, 222), (385, 226.5), (410, 232), (428, 236), (440, 231)]),
        line([(313, 215), (314, 260), (313.5, 310), (311, 344), (306, 360), (300, 367)]),
        _ext(line([(395, 227), (397, 246), (400.5, 268), (403.5, 292), ap]), 2, 3),
        _ext(line([ap, (388, 327), (378.5, 345), (372.5, 367), (370.5, 390), (372.5, 410), (379, 428)]), 3, 8),
        line([(311, 344), (330, 364), (352, 380), (370.5, 390)]),
        line([(300, 458), (330, 457), (360, 455.5), (390, 454)]),
        line([(392, 486), (372, 497), (360, 512), (354, 530), (352, 545)]),
        line([(318.6, 573), (330, 565), (343, 554), (352, 545)]),
        line([(352, 545), (360, 550), (366, 560)]),
        line([(300, 563.5), (312, 565), (319, 576), (317, 596), (309, 610), (304, 618)]),
        line([(309, 610), (318, 606), (333, 598), (348, 586), (360, 572), (366, 560)]),
        line([(366, 560), (378, 578), (389.5, 595)]),
        line([(400, 516), (391.5, 530), (389.5, 560), (389.5, 595), (390, 622), (392, 648)]),
        line([(392, 648), (402, 652), (418, 654)]),
        _ext(line([ap, arm.pt(0.22, 0.05), arm.pt(0.33, 1.25)]), 3, 3),
    ]
    # arm
    half += [
        arm.curve([(0.47, -1.4), (0.47, 0), (0.47, 1.4)]),
        arm.curve([(0.595, -1.4), (0.595, 0), (0.595, 1.4)]),
        arm.curve([(0.93, -1.4), (0.93, 0), (0.93, 1.4)]),
    ]
    H = lambda pts: line([hd(x, y) for x, y in pts])  # noqa: E731
    half += [
        H([(-28, 7), (0, 7.5), (8, 7.2), (28, 6)]),
        H([(8, 7.2), (6, 20), (9, 33), (15.5, 41.5), (22, 44), (28, 44)]),
        H([(-27, 50), (-15, 51.2), (-5, 53.5), (5, 54.5), (14, 52), (19.5, 47), (22.5, 41)]),
    ]
    # leg
    half += [
        leg.curve([(0.0, -0.4), (0.12, -0.45), (0.3, -0.5), (0.465, -0.52)]),
        leg.curve([(0.128, 0.66), (0.25, 0.58), (0.38, 0.55), (0.465, 0.55)]),
        leg.curve([(0.465, -1.4), (0.465, 0), (0.465, 1.4)]),
        leg.curve([(0.605, -1.4), (0.605, 0), (0.605, 1.4)]),
        leg.curve([(0.465, -0.5), (0.535, -0.52), (0.605, -0.5)]),
        leg.curve([(0.465, 0.5), (0.535, 0.52), (0.605, 0.5)]),
        leg.curve([(0.605, 0.3), (0.75, 0.3), (leg_t(1072), 0.3)]),
        leg.curve([(leg_t(1072), -1.4), (leg_t(1072), 0), (leg_t(1072), 1.4)]),
        line([leg.pt(leg_t(1072), -0.35), leg.pt(1.0, -0.42), (327, 1124), (323.5, 1137), (316, 1147)]),
        line([leg.pt(leg_t(1072), 0.3), leg.pt(1.0, 0.38), (360, 1124), (365, 1136), (373, 1143)]),
        line([(325, 1125.5), (342, 1128), (361.5, 1125)]),
        line([(312, 1151), (322, 1153.5), (336, 1156), (350, 1155), (363, 1151), (375, 1146)]),
    ]
    seeds = {
        "forehead": (318, 60), "eye": (320, 101), "temple": (344, 80), "ear": (351, 118),
        "cheek": (322, 122), "jaw": (327, 157), "chin": (300, 158), "neck_front": (316, 196),
        "shoulder_front": (425, 262), "chest": (350, 280), "sternum": (300, 280), "ribs_side": (386, 385),
        "upper_arm_front": arm.pt(0.38, 0), "elbow_front": arm.pt(0.53, 0), "forearm_front": arm.pt(0.75, 0),
        "wrist_front": arm.pt(0.97, 0), "palm": hd(-6, 30), "thumb": hd(30, 40), "fingers_front": hd(4, 80),
        "abdomen_upper": (340, 420), "abdomen_lower": (335, 510), "hip_front": (374, 540), "hip_side": (400, 600),
        "groin": (335, 583), "pubis": (300, 590), "thigh_front": leg.pt(0.25, 0), "thigh_inner": leg.pt(0.25, -0.75),
        "thigh_outer": leg.pt(0.3, 0.8), "knee_front": leg.pt(0.535, 0), "knee_inner": leg.pt(0.535, -0.8),
        "knee_outer": leg.pt(0.535, 0.8), "shin": leg.pt(0.75, -0.3), "lower_leg_outer": leg.pt(0.75, 0.7),
        "ankle_front": leg.pt(0.97, 0), "ankle_inner": leg.pt(0.99, -0.75), "ankle_outer": leg.pt(0.99, 0.78),
        "foot_top": (342, 1140), "toes_top": (342, 1163),
    }
    return half, mid, seeds


def back_layout(body: Body):
    arm, leg, hd = body.arm, body.leg, body.hand
    ap = armpit(body)
    half = []
    mid = [line([(300, 58.5), (300, 510)]), line([(300, 606), (300, 640)])]
    H = lambda pts: line([hd(x, y) for x, y in pts])  # noqa: E731
    half += [
        line([(300, 58.5), (318, 56), (335, 47.5), (348, 38)]),
        line([(300, 150), (315, 149), (330, 146), (342, 142), (352, 139)]),
        line([(300, 213), (316, 207), (329, 198.5), (337, 190)]),
        line([(300, 213), (320, 219), (345, 227), (372, 235), (398, 243), (408, 245.5)]),
        _ext(line([(415, 231), (410, 241), (405, 262), (402.5, 285), (403, 305), ap]), 3, 3),
        _ext(line([ap, arm.pt(0.22, 0.05), arm.pt(0.33, 1.25)]), 3, 3),
        line([(325, 220.5), (328, 250), (331, 290), (336, 330), (345, 360), (356, 374)]),
        line([(300, 378), (330, 378), (356, 374), (375, 371.5), (392, 368), (402, 366)]),
        line([(300, 445), (340, 446), (375, 446), (392, 446)]),
        line([(300, 510), (318, 510), (338, 500), (360, 494), (380, 496), (396, 505)]),
        line([(318, 510), (322, 530), (318, 555), (311, 575), (307, 585), (300, 585)]),
        line([(307, 585), (310, 594), (307, 603), (302, 610), (299, 614)]),
        line([(336, 501.5), (342, 516), (340.5, 532), (331, 545), (319, 551)]),
        line([(331, 545), (337.5, 568), (340, 598), (338, 628), (333, 660)]),
        line([(338, 571), (360, 570), (380, 566), (390, 566)]),
        line([(382, 496.5), (386, 520), (388, 550), (390, 590), (392, 632), (400, 645), (416, 650)]),
        line([(297, 650), (320, 658), (345, 660), (368, 655), (384, 645), (392, 632)]),
        leg.curve([(leg_t(648), 0.0), (0.3, 0.0), (0.465, 0.0)]),
        leg.curve([(0.465, -1.4), (0.465, 0), (0.465, 1.4)]),
        leg.curve([(0.605, -1.4), (0.605, 0), (0.605, 1.4)]),
        leg.curve([(0.78, -1.4), (0.78, 0), (0.78, 1.4)]),
        line([(312, 1096), (326, 1093), (342, 1092), (358, 1093), (372, 1097)]),
        line([(312, 1152), (326, 1147.5), (342, 1146.5), (358, 1147.5), (376, 1151)]),
        arm.curve([(0.47, -1.4), (0.47, 0), (0.47, 1.4)]),
        arm.curve([(0.595, -1.4), (0.595, 0), (0.595, 1.4)]),
        arm.curve([(0.47, 0.0), (0.53, 0.02), (0.595, 0.0)]),
        arm.curve([(0.93, -1.4), (0.93, 0), (0.93, 1.4)]),
        H([(-28, 7), (0, 7.5), (8, 7.2), (28, 6)]),
        H([(-27, 50), (-15, 51.2), (-5, 53.5), (5, 54.5), (14, 52), (19.5, 47), (22.5, 41)]),
    ]
    seeds = {
        "crown": (300, 42), "head_back": (325, 100), "neck_back": (315, 180), "shoulder_top": (360, 222),
        "shoulder_back": (425, 270), "shoulder_blade": (365, 300), "between_shoulder_blades": (313, 300),
        "upper_arm_back": arm.pt(0.38, 0), "elbow_outer": arm.pt(0.53, 0.6), "elbow_inner": arm.pt(0.53, -0.6),
        "forearm_back": arm.pt(0.75, 0), "wrist_back": arm.pt(0.97, 0), "hand_back": hd(0, 30),
        "fingers_back": hd(4, 80), "mid_back": (340, 410), "low_back": (340, 475), "sacrum": (300, 545),
        "si_joint": (330, 525), "buttock_upper": (362, 530), "buttock_inner": (320, 600),
        "buttock_lower": (360, 615), "hip_back": (399, 580), "tailbone": (300, 597),
        "thigh_back_outer": leg.pt(0.3, 0.5), "thigh_back_inner": leg.pt(0.3, -0.5), "knee_back": leg.pt(0.535, 0),
        "calf_upper": leg.pt(0.7, 0), "calf_lower": leg.pt(0.85, 0), "heel": (342, 1120), "sole": (342, 1160),
    }
    return half, mid, seeds
