"""The figure: proportions, silhouette and the limb frames the regions and muscles use.

Adult figure about 7.8 heads tall: top of head y=30, chin y=178, nipples ~y=315,
navel y=458, crotch y=606, knee centre y=862, ankle y=1112, soles y=1173.
All coordinates are for the viewer's right half (x >= 300); the left half is mirrored.
The same outline serves both views (a flat figure projects to the same outline from
the front and from behind); the views differ in their inner divisions.
"""

from __future__ import annotations

from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

from figure_geom import Frame, Limb, blob, capsule, catmull_rom, mirror, symmetric_outline

# ---------------------------------------------------------------- head
HEAD_HALF = [
    (300, 30), (318, 31.5), (334, 37), (345, 48), (351, 63), (353, 80), (352.5, 96),
    (350.5, 112), (347.5, 128), (342.5, 143), (334, 157), (322, 169), (309, 176.5), (300, 178),
]
EAR = [(346, 99), (352.5, 95.5), (357.5, 100), (359, 112), (357, 126), (352.5, 137), (347, 141), (345, 120)]

# ---------------------------------------------------------------- neck, trunk, pelvis
TRUNK_HALF = [
    (300, 120), (326, 120), (330.5, 150), (329.5, 172), (331, 190), (337, 200),
    (352, 209), (375, 217), (398, 225), (416, 232), (428, 240), (432, 252),
    (422, 272), (404, 296), (397, 316), (394, 340), (391, 368), (387, 398),
    (379, 428), (374.5, 452), (376.5, 476), (384, 502), (395, 532), (404, 562),
    (409, 590), (409, 614), (385, 632), (350, 626), (318, 612), (300, 606),
]

# ---------------------------------------------------------------- arm
ARM_AXIS = [(405, 244), (434, 340), (462, 436), (492, 514), (519, 590)]
ARM_PROFILE = [  # t, inner half-width, outer half-width
    (0.00, 26, 22),
    (0.04, 30, 31),
    (0.10, 31, 35),
    (0.18, 28, 33),
    (0.27, 27, 28),
    (0.38, 27, 25.5),
    (0.47, 25, 25),
    (0.53, 26, 27),
    (0.60, 27.5, 29),
    (0.70, 24, 25),
    (0.84, 19.5, 20),
    (0.95, 17, 18),
    (1.00, 17, 18.5),
]
T_ELBOW = 0.53

# ---------------------------------------------------------------- hand (local frame)
HAND_TILT = 19.0
HAND_SCALE = 1.07
PALM = [
    (-15.5, -6), (-17, 8), (-19.5, 24), (-20.8, 40), (-20.6, 49), (-18.5, 54), (-10, 56),
    (2, 57), (13, 55), (19.5, 50), (21, 42), (23, 33), (24, 24), (21, 12), (17, 2), (16.5, -6),
]
FINGERS = {  # base, tip, base radius, tip radius (little -> index)
    "little": ((-15.6, 48), (-15.6, 84), 5.0, 4.5),
    "ring": ((-5.6, 52), (-5.4, 96), 5.4, 4.9),
    "middle": ((4.5, 53), (4.6, 101), 5.6, 5.1),
    "index": ((14.3, 50), (14.0, 94), 5.4, 4.9),
}
THUMB = [((13, 14), (27, 34), 8.5, 6.8), ((27, 34), (33, 52), 6.8, 5.5)]

# ---------------------------------------------------------------- leg
LEG_AXIS = [(358, 575), (356.5, 650), (352, 760), (347.5, 862), (345, 960), (343.5, 1040), (342, 1112)]
_LEG_BY_Y = [  # y, inner, outer
    (575, 54, 40), (600, 56, 52), (640, 51.5, 54), (690, 47, 52.5), (760, 41, 46.5),
    (810, 37.5, 41.5), (835, 37, 37.5), (862, 33.5, 35.5), (885, 33, 36.5), (918, 36.5, 39),
    (950, 38.5, 36.5), (990, 34.5, 31), (1040, 26, 24.5), (1082, 20, 20), (1108, 22, 22.5),
    (1125, 22, 23),
]
LEG_Y0, LEG_Y1 = 575.0, 1112.0
LEG_PROFILE = [((y - LEG_Y0) / (LEG_Y1 - LEG_Y0), a, b) for y, a, b in _LEG_BY_Y]


def leg_t(y):
    return (y - LEG_Y0) / (LEG_Y1 - LEG_Y0)


T_KNEE = leg_t(862)

FOOT = [
    (321, 1094), (316.5, 1106), (315.5, 1114), (317, 1124), (316.5, 1136), (316.5, 1150),
    (319, 1160), (324, 1166), (331, 1168), (340, 1168), (349, 1166.5), (357, 1164), (364, 1160),
    (369.5, 1155), (372, 1151), (371, 1142), (368, 1132), (366.5, 1124), (367, 1117), (364.5, 1108),
    (362, 1094),
]


TOES = [((328.5, 1166.5), 7.0), ((339.5, 1167.5), 5.6), ((348.8, 1166.3), 5.1), ((357.2, 1163.6), 4.7), ((364.6, 1159.6), 4.3)]


class Body:
    def __init__(self):
        self.arm = Limb(ARM_AXIS, ARM_PROFILE)
        self.leg = Limb(LEG_AXIS, LEG_PROFILE)
        self.hand = Frame(self.arm.pt(1.0, 0.0), HAND_TILT, HAND_SCALE)
        hd = self.hand
        self.head = unary_union([symmetric_outline(catmull_rom(HEAD_HALF, step=1.0)), blob(EAR)])
        self.trunk = symmetric_outline(catmull_rom(TRUNK_HALF, step=1.0))
        palm = blob(hd.pts(PALM))
        fingers = [capsule(hd(*b), hd(*t), r0, r1) for b, t, r0, r1 in FINGERS.values()]
        thumb = unary_union([capsule(hd(*b), hd(*t), r0, r1) for b, t, r0, r1 in THUMB])
        self.palm_shape = palm
        self.finger_shapes = fingers
        self.thumb_shape = thumb
        hand = unary_union([palm, thumb, *fingers])
        arm = self.arm.outline(0.0, 1.0)
        leg = self.leg.outline(0.0, 1.02)
        foot = unary_union([blob(FOOT, step=1.0)] + [Point(c).buffer(r, 24) for c, r in TOES])
        half_body = unary_union([self.trunk, arm, leg, foot])
        body = unary_union([half_body, mirror(half_body)])
        # round off the creases where parts meet (armpit, shoulder, crotch)
        body = body.buffer(2.5, 32).buffer(-2.5, 32)
        body = unary_union([body, self.head, mirror(self.head), hand, mirror(hand)])
        body = body.buffer(1.2, 16).buffer(-1.2, 16)
        if body.geom_type != "Polygon":
            body = max(body.geoms, key=lambda g: g.area)
        self.silhouette = Polygon(body.exterior.coords)
