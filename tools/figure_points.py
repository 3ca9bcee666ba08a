"""Where each trigger point is drawn: a hand-placed table keyed by muscle and point id.

Positions are for the x >= 300 half of the named view and are mirrored for the other
side. They follow the ``location`` text of each point in data/muscles/<id>.toml.
A point that lands a hair outside its muscle's shape is pulled just inside it; any
muscle file or point id missing from the table is listed loudly and given a stand-in
position inside its muscle so the diagram still shows it.
"""

from __future__ import annotations

from shapely.geometry import Point
from shapely.ops import nearest_points

from figure_body import Body


def table(body: Body):
    ap, lp, hd = body.arm.pt, body.leg.pt, body.hand
    F, B = "front", "back"
    sart_mid = tuple((a + b) / 2 for a, b in zip(lp(0.22, 0.05), lp(0.36, -0.45)))
    return {
        "abductor_digiti_minimi": {"outer_edge": (B, (364.5, 1156))},
        "abductor_hallucis": {"arch": (B, (319.5, 1158))},
        "adductor_brevis": {"upper": (F, (330, 626))},
        "adductor_longus": {"upper": (F, (326, 642)), "tendon": (F, (315, 602))},
        "adductor_magnus": {"mid": (B, lp(0.3, -0.8)), "high": (B, (322, 645))},
        "adductor_pollicis": {"web": (F, hd(12, 40))},
        "biceps_brachii": {"lower_belly": (F, ap(0.42, 0.12)), "mid_belly": (F, ap(0.3, 0.0))},
        "biceps_femoris": {"long_head": (B, lp(0.33, 0.35)), "short_head": (B, lp(0.43, 0.56))},
        "brachialis": {"lower_outer": (F, ap(0.45, 0.68)), "middle": (F, ap(0.35, 0.1))},
        "brachioradialis": {"upper_belly": (F, ap(0.6, 0.8))},
        "coccygeus": {"beside_coccyx": (B, (309.5, 590)), "internal": (B, (322, 584))},
        "coracobrachialis": {"upper": (F, ap(0.15, -0.5))},
        "deltoid": {"anterior": (F, (409, 262)), "middle": (F, ap(0.16, 0.78)), "posterior": (B, ap(0.11, -0.15))},
        "diaphragm": {"costal_margin": (F, (322, 374)), "lateral_margin": (F, (362, 396))},
        "digastric": {"posterior_belly": (F, (330.5, 161)), "anterior_belly": (F, (306, 180))},
        "extensor_carpi_radialis_brevis": {"mid_upper": (B, ap(0.67, 0.55))},
        "extensor_carpi_radialis_longus": {"upper": (B, ap(0.56, 0.85))},
        "extensor_carpi_ulnaris": {"mid_ulnar": (B, ap(0.73, -0.47))},
        "extensor_digitorum": {"middle_finger": (B, ap(0.64, 0.2)), "ring_finger": (B, ap(0.73, 0.0))},
        "extensor_digitorum_brevis": {"belly": (F, (355, 1137))},
        "extensor_digitorum_longus": {"upper": (F, lp(0.66, 0.45)), "tertius": (F, lp(0.9, 0.28))},
        "extensor_hallucis_longus": {"lower": (F, lp(0.84, 0.15))},
        "external_oblique": {"upper_costal": (F, (372, 382)), "lateral_low": (F, (375.5, 483)), "inguinal": (F, (345, 530))},
        "finger_flexors": {"superficial_mid": (F, ap(0.76, -0.1)), "deep_upper": (F, ap(0.66, -0.6))},
        "first_dorsal_interosseous": {"web_back": (B, hd(16, 34))},
        "flexor_carpi_radialis": {"upper_third": (F, ap(0.67, -0.36))},
        "flexor_carpi_ulnaris": {"upper_ulnar": (F, ap(0.67, -0.86))},
        "flexor_digitorum_brevis": {"arch": (B, (341, 1158))},
        "flexor_digitorum_longus": {"upper": (B, lp(0.7, -0.42))},
        "flexor_hallucis_longus": {"lower": (B, lp(0.86, 0.34))},
        "frontalis": {"mid_forehead": (F, (321, 70))},
        "gastrocnemius": {
            "medial_head": (B, lp(0.655, -0.6)), "lateral_head": (B, lp(0.655, 0.5)),
            "medial_attachment": (B, lp(0.53, -0.42)), "lateral_attachment": (B, lp(0.53, 0.38)),
        },
        "gemelli": {"superior": (B, (360, 589)), "inferior": (B, (346, 595))},
        "gluteus_maximus": {"sacral": (B, (328, 545)), "ischial": (B, (336, 632)), "coccygeal": (B, (314, 612))},
        "gluteus_medius": {"posterior": (B, (350, 518)), "middle": (B, (372, 512)), "anterior": (B, (395, 532))},
        "gluteus_minimus": {"anterior": (F, (394, 568)), "posterior": (B, (372, 558))},
        "gracilis": {"mid": (F, lp(0.3, -0.93))},
        "iliacus": {"inner_rim": (F, (366, 498)), "thigh": (F, (349, 600))},
        "iliocostalis_lumborum": {"upper_lumbar": (B, (345, 440)), "lower_lumbar": (B, (347, 490))},
        "iliocostalis_thoracis": {"mid_thoracic": (B, (342, 318)), "low_thoracic": (B, (345, 425))},
        "infraspinatus": {"upper_middle": (B, (366, 268)), "upper_inner": (B, (342, 268)), "lower": (B, (346, 322))},
        "intercostals": {"parasternal": (F, (318.5, 280)), "lateral": (F, (388, 352)), "posterior": (B, (370, 392))},
        "internal_oblique": {"suprapubic": (F, (330, 552)), "iliac_crest": (F, (380, 496)), "subcostal": (F, (368, 442))},
        "lateral_pterygoid": {"upper_head": (F, (337, 121)), "lower_head": (F, (333, 124))},
        "latissimus_dorsi": {"axillary": (B, (391, 347.5)), "lower_lateral": (B, (371, 430))},
        "levator_ani": {"internal": (B, (311, 604)), "external": (B, (315, 614))},
        "levator_scapulae": {"neck_angle": (B, (333, 202)), "shoulder_blade_corner": (B, (330, 229))},
        "longissimus_thoracis": {"low_thoracic": (B, (318, 420)), "upper_lumbar": (B, (319, 450))},
        "lower_trapezius": {"lower": (B, (322, 322)), "attachment": (B, (338, 258))},
        "masseter": {
            "upper_superficial": (F, (335, 124)), "mid_belly": (F, (337, 138)),
            "lower_superficial": (F, (335, 150)), "deep": (F, (343, 124)),
        },
        "medial_pterygoid": {"external": (F, (333, 153)), "internal": (F, (335, 142))},
        "middle_trapezius": {"inner": (B, (320, 236)), "outer": (B, (396, 245)), "shiver": (B, (327, 243))},
        "multifidus": {
            "lumbar_low": (B, (309, 500)), "sacral": (B, (310, 532)), "lumbar_upper": (B, (306.5, 448)),
            "thoracic": (B, (304.5, 380)),
        },
        "obturator_internus": {"pelvic_wall": (B, (318, 599)), "tendon": (B, (380, 598))},
        "occipitalis": {"occipital_belly": (B, (322, 128))},
        "opponens_pollicis": {"thenar_base": (F, hd(18, 22))},
        "palmaris_longus": {"mid_forearm": (F, ap(0.72, -0.24))},
        "pectineus": {"main": (F, (334, 596))},
        "pectoralis_major": {
            "clavicular": (F, (340, 232)), "sternal": (F, (330, 292)), "lateral_fold": (F, (401, 282)),
            "lower_border": (F, (372, 322)),
        },
        "pectoralis_minor": {"upper": (F, (393, 257)), "lower": (F, (366, 306))},
        "peroneus_brevis": {"lower": (F, lp(0.88, 0.82))},
        "peroneus_longus": {"upper": (F, lp(0.66, 0.8))},
        "piriformis": {"lateral": (B, (375, 574)), "medial": (B, (326, 552))},
        "popliteus": {"medial": (B, lp(0.635, -0.4)), "lateral": (B, lp(0.59, 0.38))},
        "pronator_teres": {"below_elbow_crease": (F, ap(0.62, -0.28))},
        "psoas_major": {"abdominal": (F, (319, 478)), "thigh": (F, (346, 612))},
        "quadratus_femoris": {"central": (B, (362, 616))},
        "quadratus_lumborum": {
            "superficial_upper": (B, (360, 452)), "superficial_lower": (B, (362, 490)),
            "deep_upper": (B, (324, 465)), "deep_lower": (B, (326, 492)),
        },
        "quadratus_plantae": {"heel": (B, (336, 1153))},
        "rectus_abdominis": {
            "upper": (F, (318, 362)), "periumbilical": (F, (334, 458)), "lower": (F, (315, 545)),
            "mcburney": (F, (329, 499.5)),
        },
        "rectus_femoris": {"high": (F, lp(0.2, 0.1))},
        "rhomboids": {"upper": (B, (318, 238)), "middle": (B, (326, 290)), "lower": (B, (335, 336))},
        "sartorius": {"upper": (F, (374.5, 552)), "middle": (F, sart_mid), "lower": (F, lp(0.55, -0.8))},
        "scalenes": {"anterior": (F, (338, 212)), "middle": (F, (330, 190)), "posterior": (F, (345, 217))},
        "semimembranosus": {"middle": (B, lp(0.32, -0.75)), "lower": (B, lp(0.46, -0.84))},
        "semispinalis_capitis": {"upper": (B, (308, 153)), "middle": (B, (310, 176)), "lower": (B, (311, 202))},
        "semitendinosus": {"middle": (B, lp(0.3, -0.3)), "lower": (B, lp(0.46, -0.55))},
        "serratus_anterior": {"midaxillary": (F, (388, 340)), "lower_slips": (F, (379, 388))},
        "serratus_posterior_inferior": {"rib_slips": (B, (345, 424))},
        "serratus_posterior_superior": {"under_scapula": (B, (335, 249))},
        "soleus": {"lower": (B, lp(0.84, -0.2)), "upper": (B, lp(0.64, 0.7)), "sacroiliac": (B, lp(0.79, 0.1))},
        "splenius_capitis": {"upper_window": (B, (331, 157))},
        "splenius_cervicis": {"upper": (B, (326, 182)), "lower": (B, (314, 233))},
        "sternocleidomastoid": {
            "sternal_upper": (F, (331, 157.5)), "sternal_mid": (F, (325.5, 180)), "sternal_lower": (F, (316, 207)),
            "clavicular_mid": (F, (330.5, 184)),
        },
        "subclavius": {"mid_clavicle": (F, (352, 227))},
        "suboccipitals": {"skull_base": (B, (314, 151)), "lower_oblique": (B, (322, 157))},
        "subscapularis": {"lateral_border": (B, (390, 300)), "upper": (B, (394, 262))},
        "supinator": {"front_radius": (F, ap(0.595, 0.45)), "back_radius": (B, ap(0.6, 0.52))},
        "supraspinatus": {"medial": (B, (340, 240)), "lateral": (B, (392, 246)), "tendon": (B, (409, 247))},
        "temporalis": {"anterior": (F, (339.5, 80)), "middle": (F, (345.5, 101)), "posterior": (F, (349, 86))},
        "tensor_fasciae_latae": {"main": (F, (388, 560))},
        "teres_major": {"lower_angle": (B, (355, 353)), "armpit_fold": (B, (380, 336))},
        "teres_minor": {"central": (B, (378, 306))},
        "tibialis_anterior": {"upper_third": (F, lp(0.7, 0.05))},
        "tibialis_posterior": {"deep_upper": (B, lp(0.68, 0.0))},
        "triceps_brachii": {
            "long_head": (B, ap(0.25, -0.6)), "lateral_head": (B, ap(0.3, 0.55)), "outer_elbow": (B, ap(0.4, 0.66)),
            "inner_elbow": (B, ap(0.48, -0.66)), "deep_olecranon": (B, ap(0.47, 0.0)),
        },
        "upper_trapezius": {"anterior_fibres": (F, (360, 214)), "ridge": (B, (372, 230)), "neck_base": (B, (333, 198))},
        "vastus_intermedius": {"upper": (F, lp(0.22, 0.4)), "mid": (F, lp(0.3, 0.3))},
        "vastus_lateralis": {
            "distal": (F, lp(0.44, 0.55)), "middle": (F, lp(0.28, 0.85)), "back_edge": (B, lp(0.3, 0.88)),
            "upper": (F, lp(0.16, 0.8)),
        },
        "vastus_medialis": {"lower": (F, lp(0.45, -0.55)), "upper": (F, lp(0.3, -0.45))},
        "zygomaticus_major": {"upper_belly": (F, (330, 128))},
    }


_TABLE = None
_NOTES: list[str] = []


def place(view, defs, muscles, near, far, drawn_views, body):
    """Trigger point circles for ``view``: {svg id: (x, y)} and a list of points without a table entry."""
    global _TABLE
    if _TABLE is None:
        _TABLE = table(body)
    out, missing = {}, []
    for mid, data in sorted(defs.items()):
        tps = data.get("trigger_points") or []
        row = _TABLE.get(mid)
        views_drawn = drawn_views.get(mid, [])
        for k, tp in enumerate(tps):
            tid = tp.get("id")
            if not tid:
                continue
            entry = row.get(tid) if row else None
            if entry is None:
                if not views_drawn:
                    if view == "front":
                        missing.append(f"{mid}.{tid} (muscle not drawn on either view: no circle)")
                    continue
                # stand-in: inside the muscle on the first view it is drawn on
                if views_drawn[0] != view:
                    continue
                missing.append(f"{mid}.{tid}")
                shape = muscles[f"muscle.{mid}.{near}"]
                pos = _stand_in(shape, k, len(tps))
            else:
                pview, pos = entry
                if pview != view:
                    continue
            key = f"muscle.{mid}.{near}"
            shape = muscles.get(key)
            if shape is None:
                _NOTES.append(f"{mid}.{tid}: muscle not drawn on the {view} view")
                continue
            pos = _inside(shape, pos, f"{mid}.{tid}")
            out[f"tp.{mid}.{tid}.{near}"] = pos
            out[f"tp.{mid}.{tid}.{far}"] = (600 - pos[0], pos[1])
    return out, missing


def _inside(shape, pos, label):
    p = Point(pos)
    if shape.buffer(-1.0).contains(p):
        return pos
    inner = shape.buffer(-1.5)
    if inner.is_empty:
        inner = shape.buffer(-0.5)
    q = nearest_points(inner, p)[0]
    d = p.distance(q)
    if d > 2.5:
        _NOTES.append(f"{label}: moved {d:.1f} px to lie inside its muscle")
    return (q.x, q.y)


def _stand_in(shape, k, n):
    """Spread n stand-in points along the long axis of the shape."""
    rect = shape.minimum_rotated_rectangle
    c = list(rect.exterior.coords)
    e1 = (c[1][0] - c[0][0], c[1][1] - c[0][1])
    e2 = (c[2][0] - c[1][0], c[2][1] - c[1][1])
    cx, cy = shape.centroid.x, shape.centroid.y
    d = e1 if (e1[0] ** 2 + e1[1] ** 2) >= (e2[0] ** 2 + e2[1] ** 2) else e2
    f = (k + 1) / (n + 1) - 0.5
    return (cx + d[0] * f * 0.6, cy + d[1] * f * 0.6)


def report(defs, missing, all_muscles):
    no_file = sorted(set(all_muscles) - set(defs))
    if no_file:
        print("Muscles with no data file yet (no trigger points drawn): " + ", ".join(no_file))
    no_row = sorted(m for m in defs if m not in _table_keys())
    if no_row:
        print("MUSCLE FILES WITH NO ROW IN THE POSITION TABLE: " + ", ".join(no_row))
    if missing:
        print(f"TRIGGER POINTS WITH NO HAND-PLACED POSITION ({len(missing)}), shown at a stand-in spot in the muscle:")
        for m in missing:
            print("  - " + m)
    else:
        print("Every trigger point in data/muscles has a hand-placed position.")
    unused = []
    for mid, row in (_TABLE or {}).items():
        ids = {tp.get("id") for tp in defs.get(mid, {}).get("trigger_points", [])}
        for tid in row:
            if mid in defs and tid not in ids:
                unused.append(f"{mid}.{tid}")
    if unused:
        print("Table positions whose point id is not (or no longer) in the data: " + ", ".join(unused))
    for n in _NOTES:
        print("  note: " + n)


def _table_keys():
    return set(_TABLE or {})
