"""Headless pictures: the render command draws the same scene the window shows."""

from __future__ import annotations

from PySide6.QtGui import QImage

from bodymap.cli import main
from bodymap.diagram import Layer, load_diagrams
from bodymap.knowledge import Selection, Side
from bodymap.ui.body_scene import BodyScene
from bodymap.ui.state import SessionState


def test_render_hip_side_left_highlights_gluteals_and_tfl_on_the_left(qapp, kb, tmp_path):
    output = tmp_path / "hip.png"
    assert main(["render", "--view", "both", "--select", "hip_side:left", "--output", str(output)]) == 0
    image = QImage(str(output))
    assert not image.isNull() and image.width() > 1000

    state = SessionState(kb)
    state.set_selections([Selection("hip_side", Side.LEFT)])
    scene = BodyScene(load_diagrams(kb.views), state)
    for muscle in ("gluteus_medius", "gluteus_minimus", "tensor_fasciae_latae"):
        assert state.rank_of(muscle, Side.LEFT) is not None
        left = [i for (v, layer, n, s), i in scene.items_by_key.items() if layer is Layer.MUSCLE and n == muscle and s is Side.LEFT]
        right = [i for (v, layer, n, s), i in scene.items_by_key.items() if layer is Layer.MUSCLE and n == muscle and s is Side.RIGHT]
        assert left and all(i.brush().color().alpha() > 0 for i in left), muscle
        assert right and all(i.brush().style().name == "NoBrush" for i in right), muscle


def test_render_writes_svg_and_pdf(qapp, tmp_path):
    for suffix in ("svg", "pdf"):
        output = tmp_path / f"out.{suffix}"
        assert main(["render", "--view", "front", "--muscle", "gluteus_minimus", "--output", str(output)]) == 0
        head = output.read_bytes()[:5]
        assert head == (b"%PDF-" if suffix == "pdf" else head) and output.stat().st_size > 1000


def test_render_rejects_an_unknown_format(capsys, tmp_path):
    assert main(["render", "--output", str(tmp_path / "x.gif")]) == 2
    assert "must end in" in capsys.readouterr().err


def test_referral_pattern_of_the_focused_muscle_is_drawn(qapp, kb):
    state = SessionState(kb)
    state.set_focus("gluteus_minimus", Side.LEFT)
    scene = BodyScene(load_diagrams(kb.views), state)
    essential = scene.items_by_key[("front", Layer.REGION, "thigh_outer", Side.LEFT)]
    spill = scene.items_by_key[("front", Layer.REGION, "lower_leg_outer", Side.LEFT)]
    other_side = scene.items_by_key[("front", Layer.REGION, "thigh_outer", Side.RIGHT)]
    assert essential.brush().style().name == "SolidPattern"
    assert spill.brush().style().name == "Dense5Pattern"
    assert other_side.brush().style().name == "NoBrush"
