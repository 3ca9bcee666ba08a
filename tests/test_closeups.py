"""Close-up views and closer parts of the figure: the same regions, finer places, and the way there and back."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPointF, Qt
from ui_helpers import viewport_point

from bodymap.cli import main
from bodymap.diagram import Layer, load_diagrams
from bodymap.knowledge import Selection, Side
from bodymap.knowledge.views import ViewKind


def _json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


VIEWS = (
    "front",
    "back",
    "face",
    "head_side",
    "hands_palm",
    "hands_back",
    "feet_top",
    "feet_sole",
    "feet_side",
    "pelvic_floor",
)
"""Every view the round's close-ups promised: whole figures, head, hands, feet and the pelvic floor."""


def test_the_views_and_the_regions_they_show(capsys, kb):
    views = _json(capsys, "views", "--json")
    assert len(views) >= 8
    assert {v["id"] for v in views} >= set(VIEWS)
    assert all(v["regions"] > 0 and v["title"] for v in views)
    regions = _json(capsys, "regions", "--json")
    assert sum(len(r["sides"]) for r in regions) >= 200
    temple = next(r for r in regions if r["id"] == "temple")
    assert {"front", "face", "head_side"} <= set(temple["views"])
    assert next(r for r in regions if r["id"] == "perineum")["views"] == ["pelvic_floor"]


@pytest.mark.parametrize("view", VIEWS)
def test_a_persons_left_stays_their_left_in_every_view(kb, view):
    """Each left shape lies nearer a caption that says Left than one that says Right (and the other way round)."""
    diagram = load_diagrams(kb.views)[view]
    captions = kb.view(view).captions
    assert {c.side for c in captions} == {Side.LEFT, Side.RIGHT}
    checked = 0
    for shape in diagram.layer(Layer.REGION):
        if shape.side is None:
            continue
        for ring in shape.rings:
            x = sum(p[0] for p in ring) / len(ring)
            nearest = min(captions, key=lambda c: abs(c.x - x) + 0.25 * abs(c.y - sum(p[1] for p in ring) / len(ring)))
            assert nearest.side is shape.side, (view, shape.svg_id)
            checked += 1
    assert checked >= 6


def test_every_view_agrees_with_the_data(kb):
    from bodymap.diagram.consistency import problems

    assert problems(kb, load_diagrams(kb.views)) == []


def test_render_the_temple_from_the_side(qapp, kb, tmp_path):
    from bodymap.session import Session
    from bodymap.ui.body_scene import BodyScene

    output = tmp_path / "t.png"
    assert main(["render", "--view", "head_side", "--select", "temple:left", "--output", str(output)]) == 0
    session = Session(kb)
    session.set_selections([Selection("temple", Side.LEFT)])
    top = {r.muscle.id for r in session.ranking[:5]}
    assert {"temporalis", "upper_trapezius", "sternocleidomastoid"} <= top
    scene = BodyScene(session, load_diagrams(kb.views), "head_side")
    drawn = {(name, side) for (_, layer, name, side) in scene._styled if layer is Layer.MUSCLE}
    assert ("temporalis", Side.LEFT) in drawn and ("temporalis", Side.RIGHT) not in drawn
    assert scene._selected and all(key[3] is Side.LEFT for key in scene._selected)


@pytest.mark.parametrize(
    ("view", "place", "expected"),
    [
        ("hands_back", "thumb_web:right", {"first_dorsal_interosseous", "supinator", "brachialis"}),
        ("feet_sole", "heel:left", {"soleus", "quadratus_plantae"}),
        ("pelvic_floor", "perineum", {"levator_ani", "coccygeus", "obturator_internus"}),
    ],
)
def test_renders_of_the_close_ups(qapp, kb, tmp_path, view, place, expected, capsys):
    assert main(["render", "--view", view, "--select", place, "--output", str(tmp_path / f"{view}.svg")]) == 0
    assert "wrote" in capsys.readouterr().out
    answer = _json(capsys, "query", place, "--json")
    top = [m["id"] for m in answer["muscles"][:5]]
    assert expected & set(top), top
    if view == "pelvic_floor":
        assert set(top[:3]) & expected


def test_a_lens_on_the_whole_figure_opens_the_close_up_and_counts_what_was_chosen_there(qtbot, window):
    scene = window.view.body
    lens = next(m for m in scene.magnifiers if m.layout == "face")
    assert lens.chosen == 0
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.mapFromScene(lens.scenePos()))
    assert window.session.layout == "face"
    assert window.actions_by_id["whole_body"].isEnabled()
    click = viewport_point(window, "face", "jaw_joint", Side.LEFT)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=click)
    assert window.session.selections == (Selection("jaw_joint", Side.LEFT),)
    window.actions_by_id["whole_body"].trigger()
    assert window.session.layout == "both"
    lens = next(m for m in window.view.body.magnifiers if m.layout == "face")
    assert lens.chosen == 1
    assert not window.actions_by_id["whole_body"].isEnabled()


def test_a_region_chosen_on_the_whole_figure_is_chosen_in_the_close_up(qtbot, window):
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(window, "front", "temple", Side.RIGHT)
    )
    window.show_layout("face")
    assert ("face", Layer.REGION, "temple", Side.RIGHT) in window.view.body._selected
    assert window.view.body._selected[("face", Layer.REGION, "temple", Side.RIGHT)].isVisible()


def test_a_closer_view_hides_the_rest_and_answers_only_inside(qtbot, window):
    window.show_layout("front_knees")
    scene = window.view.body
    visible = scene.visible_rect()
    assert visible is not None
    outside = window.view.mapFromScene(scene.frames["front"].mapToScene(QPointF(300, 400)))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=outside)
    assert window.session.selections == ()
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(window, "front", "knee_inner", Side.LEFT)
    )
    assert window.session.selections == (Selection("knee_inner", Side.LEFT),)


def test_every_region_is_big_enough_to_tap_in_its_best_view(qapp, kb, capsys):
    desk = _json(capsys, "targets", "--screen", "1366x768", "--json")
    assert desk["below_minimum"] == 0 and len(desk["regions"]) >= 200
    kiosk = _json(capsys, "targets", "--screen", "1920x1080", "--kiosk", "--json")
    assert kiosk["below_minimum"] == 0
    assert min(r["best"] for r in kiosk["regions"]) >= 44


def test_close_up_kinds(kb):
    kinds = {v.id: v.kind for v in kb.views.view}
    assert kinds["front"] is ViewKind.BODY and kinds["pelvic_floor"] is ViewKind.CLOSEUP
