"""Headless pictures: the render command draws the same scene the window shows, focus first."""

from __future__ import annotations

from xml.etree import ElementTree

from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter

from bodymap import wording
from bodymap.cli import main
from bodymap.diagram import Layer, load_diagrams
from bodymap.knowledge import Selection, Side
from bodymap.session import Session
from bodymap.ui import style
from bodymap.ui.body_scene import BodyScene
from bodymap.ui.style import Part


def _scene(kb, selections=(), focus=None):
    session = Session(kb)
    session.set_selections(selections)
    if focus:
        session.focus_on(*focus)
    return session, BodyScene(session, load_diagrams(kb.views), "both")


def test_render_hip_side_left_draws_the_candidates_on_the_left_only(qapp, kb, tmp_path):
    output = tmp_path / "hip.png"
    assert main(["render", "--view", "both", "--select", "hip_side:left", "--output", str(output)]) == 0
    image = QImage(str(output))
    assert not image.isNull() and image.width() > 1000

    session, scene = _scene(kb, [Selection("hip_side", Side.LEFT)])
    drawn = {(name, side) for (_, layer, name, side) in scene._styled if layer is Layer.MUSCLE}
    for muscle in ("gluteus_medius", "gluteus_minimus", "tensor_fasciae_latae"):
        assert session.rank_of(muscle, Side.LEFT) is not None
        assert (muscle, Side.LEFT) in drawn and (muscle, Side.RIGHT) not in drawn


def test_the_focused_muscle_is_filled_and_the_others_are_quiet_outlines_with_badges(qapp, kb):
    session, scene = _scene(kb, [Selection("groin", Side.RIGHT), Selection("thigh_inner", Side.RIGHT)])
    focus = session.focus
    parts = {key[2]: styled.part for key, styled in scene._styled.items()}
    assert parts[focus[0]] is Part.FOCUS
    quiet = [name for name, part in parts.items() if part is Part.CANDIDATE]
    assert quiet and all(
        scene._items[k].brush().color().alpha() <= style.LOOKS[Part.CANDIDATE].fill_alpha
        for k in scene._styled
        if k[2] in quiet
    )
    shown = {b.key[0] for b in scene.badges}
    assert len(shown) == style.DEFAULT_SHOWN
    ranks = sorted({b.rank for b in scene.badges})
    assert ranks == sorted({session.rank_of(*b.key) for b in scene.badges})


def test_a_muscle_has_one_colour_on_both_sides_and_in_the_list(qapp, kb):
    session, scene = _scene(kb, [Selection("low_back", Side.LEFT), Selection("low_back", Side.RIGHT)])
    by_muscle: dict[str, set[int]] = {}
    for (_, _, name, _), styled in scene._styled.items():
        by_muscle.setdefault(name, set()).add(styled.rgba)
    assert by_muscle and all(len(colors) == 1 for colors in by_muscle.values())
    colors = style.muscle_colors(session.ranking, session.focus[0])
    assert all({colors[name].rgba()} == rgba for name, rgba in by_muscle.items())
    assert all(c.name().upper() != style.PAIN.name().upper() for c in style.MUSCLE_COLORS)


def test_badges_do_not_cover_each_other(qapp, kb):
    _, scene = _scene(kb, [Selection("groin", Side.RIGHT), Selection("thigh_inner", Side.RIGHT)])
    scene.set_pixel_scale(0.45)
    gap = 2 * style.BADGE_RADIUS / 0.45
    points = [b.scenePos() for b in scene.badges]
    for i, a in enumerate(points):
        for b in points[i + 1 :]:
            assert (a - b).manhattanLength() >= gap * 0.99


def test_render_writes_svg_with_named_badges_and_pdf(qapp, tmp_path):
    svg = tmp_path / "g.svg"
    assert main(["render", "--select", "groin:right", "thigh_inner:right", "--output", str(svg)]) == 0
    root = ElementTree.parse(svg).getroot()
    badges = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "rank-badge"]
    assert len({b.get("data-muscle") for b in badges}) == style.DEFAULT_SHOWN
    assert {b.get("data-side") for b in badges} == {"right"}
    assert sum(b.get("data-focus") == "true" for b in badges) == 1
    assert "adductor_brevis" in {b.get("data-muscle") for b in badges}
    pdf = tmp_path / "out.pdf"
    assert main(["render", "--view", "front", "--muscle", "gluteus_minimus", "--output", str(pdf)]) == 0
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 1000


def test_render_rejects_an_unknown_format(capsys, tmp_path):
    assert main(["render", "--output", str(tmp_path / "x.gif")]) == 2
    assert "must end in" in capsys.readouterr().err


def test_the_pain_pattern_of_the_focused_muscle_sits_above_the_muscles(qapp, kb):
    session, scene = _scene(kb, focus=("gluteus_minimus", Side.LEFT))
    pattern = scene._patterns["front"]
    shown = dict(pattern.shown)
    assert shown[("front", Layer.REGION, "thigh_outer", Side.LEFT)] is Part.ESSENTIAL
    assert shown[("front", Layer.REGION, "lower_leg_outer", Side.LEFT)] is Part.SPILLOVER
    assert ("front", Layer.REGION, "thigh_outer", Side.RIGHT) not in shown
    muscle_z = max(scene._items[k].zValue() for k in scene._styled)
    assert pattern.isVisible() and pattern.zValue() > muscle_z
    assert scene._selected == {} or all(i.zValue() > pattern.zValue() for i in scene._selected.values())


def test_the_pain_zones_on_screen_look_as_they_do_in_an_export(qtbot, window):
    """On screen the zones are one picture drawn at the view's scale; it must sit exactly where the
    shapes would be drawn (an early version was shifted by the toolbar's height)."""
    from PySide6.QtCore import QRectF

    window.session.set_selections([Selection("thigh_outer", Side.LEFT)])
    window.session.focus_on("gluteus_minimus", Side.LEFT)
    qtbot.wait(50)
    view = window.view
    scene = view.body
    shown = window.grab().toImage()  # the whole window: the diagram sits below the menus and toolbar
    exported = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(exported)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(exported.rect()), view.mapToScene(view.viewport().rect()).boundingRect())
    painter.end()
    solid = [key for view_id in scene.frames for key, part in scene._patterns[view_id].shown if part is Part.ESSENTIAL]
    assert len(solid) >= 3  # (stippled zones are left out: their stipple may start a pixel apart)
    for view_id, layer, region, side in solid:
        shape = scene.diagrams[view_id].shape(layer, region, side)
        x, y = shape.interior_point()
        point = view.mapFromScene(scene.frames[view_id].mapToScene(QPointF(x, y)))
        on_window = view.viewport().mapTo(window, point)
        assert shown.pixelColor(on_window) == exported.pixelColor(point), region


def test_a_muscle_found_by_search_is_drawn_in_its_colour_not_the_pain_red(qapp, kb):
    _, scene = _scene(kb, focus=("piriformis", None))
    colors = {styled.rgba for styled in scene._styled.values()}
    assert style.PAIN.rgba() not in colors and colors


def test_the_key_of_a_render_names_every_badge_on_the_figures(qapp, kb):
    """Both low backs draw five muscles on two sides: ten badges, and the key lists all ten
    (it used to stop at eight, leaving two numbered badges unexplained)."""
    session = Session(kb)
    session.set_selections([Selection("low_back", Side.LEFT), Selection("low_back", Side.RIGHT)])
    scene = BodyScene(session, load_diagrams(kb.views), "both", legend=True)
    ranks = {badge.rank for badge in scene.badges}
    listed = [item.text() for item in scene.legend.childItems() if hasattr(item, "text")]
    assert len(ranks) == 10
    for rank in ranks:
        assert wording.candidate_title(session.ranking[rank - 1]) in listed


def test_a_print_draws_only_the_lenses_that_count_chosen_places(qapp, kb):
    """A lens is for tapping: on paper only one that counts places chosen in its close-up is drawn
    (the only sign of them on the whole figure); on screen every lens is."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

    session, scene = _scene(kb, [Selection("thumb_web", Side.LEFT)])
    counted = {lens.layout: lens.chosen for lens in scene.magnifiers}
    assert counted["hands_back"] == 1 and counted["face"] == 0

    def drawn(lens, widget) -> bool:
        image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.translate(32, 32)
        lens.paint(painter, QStyleOptionGraphicsItem(), widget)
        painter.end()
        return any(image.pixelColor(x, y).alpha() for x in range(64) for y in range(64))

    lenses = {lens.layout: lens for lens in scene.magnifiers}
    assert drawn(lenses["hands_back"], None) and not drawn(lenses["face"], None)
    assert drawn(lenses["face"], QWidget())
