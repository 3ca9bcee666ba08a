"""The shipped diagrams as geometry: names, sides, hit-testing, and agreement with the data."""

from __future__ import annotations

import pytest

from bodymap.diagram import DiagramError, Layer, load_diagrams, read_diagram
from bodymap.diagram.consistency import problems
from bodymap.knowledge import Side


@pytest.fixture(scope="module")
def diagrams(kb):
    return load_diagrams(kb.views)


def test_diagrams_agree_with_the_data(kb, diagrams):
    assert problems(kb, diagrams) == []


def test_every_region_side_has_a_shape(kb, diagrams):
    count = 0
    for region in kb.regions.values():
        for side in region.sides:
            for view in region.views:
                assert diagrams[view].shape(Layer.REGION, region.id, side) is not None, (region.id, view)
            count += 1
    assert count == 200


def test_a_point_inside_each_region_maps_back_to_it(diagrams):
    for diagram in diagrams.values():
        for shape in diagram.layer(Layer.REGION):
            point = shape.interior_point()
            assert diagram.region_at(point) == shape.key, shape.svg_id


@pytest.mark.parametrize(("view", "left_is_on_the_right"), [("front", True), ("back", False)])
def test_sides_are_the_persons_own(diagrams, view, left_is_on_the_right):
    diagram = diagrams[view]
    middle = diagram.size[0] / 2
    for shape in diagram.layer(Layer.REGION):
        if shape.side is None:
            continue
        x, _ = shape.interior_point()
        on_right = x > middle
        assert on_right == ((shape.side is Side.LEFT) == left_is_on_the_right), shape.svg_id


def test_off_the_body_is_nothing(diagrams):
    assert diagrams["front"].region_at((2, 2)) is None
    assert diagrams["back"].muscle_at((2, 2)) is None


def test_muscle_at_finds_a_drawn_muscle(diagrams):
    diagram = diagrams["back"]
    shape = diagram.shape(Layer.MUSCLE, "gluteus_maximus", Side.LEFT)
    assert shape is not None
    assert diagram.muscle_at(shape.interior_point()) is not None


def _svg(tmp_path, body: str, name: str = "bad.svg"):
    path = tmp_path / name
    path.write_text(body)
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path id="silhouette" d="M0 0',
            "not a valid SVG",
        ),
        ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg/>', "DOCTYPE"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>', "silhouette"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path id="silhouette" d="M0 0H9V9Z"/>'
            '<path id="region.knee.middle" d="M0 0H9V9Z"/></svg>',
            "naming contract",
        ),
    ],
)
def test_bad_svg_is_one_clear_error_naming_the_file(tmp_path, body, message):
    path = _svg(tmp_path, body)
    with pytest.raises(DiagramError) as caught:
        read_diagram(path, "front")
    assert message in str(caught.value) and str(path) in str(caught.value)
