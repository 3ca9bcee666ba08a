"""Ranking: the rules of docs and issues, on the real knowledge base."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bodymap.knowledge import Selection, Side, parse_selections, rank


def _top(kb, *texts: str, n: int = 5) -> list[tuple[str, str]]:
    return [(r.muscle.id, r.side_name) for r in rank(kb, parse_selections(kb, texts))[:n]]


def test_outer_thigh_left(kb):
    top5 = _top(kb, "thigh_outer:left")
    for muscle_id in ("gluteus_minimus", "vastus_lateralis", "tensor_fasciae_latae"):
        assert (muscle_id, "left") in top5, top5


def test_groin_right_puts_adductors_pectineus_iliopsoas_first(kb):
    ranked = rank(kb, parse_selections(kb, ["groin:right"]))
    expected = {"adductor_longus", "adductor_brevis", "pectineus", "psoas_major", "iliacus"}
    first = {r.muscle.id for r in ranked[: len(expected)]}
    assert first == expected
    assert all(r.side is Side.RIGHT for r in ranked)


def test_side_of_hip_leads_with_gluteals_and_tfl(kb):
    top = {m for m, _ in _top(kb, "hip_side:left", n=6)}
    assert {"gluteus_medius", "gluteus_minimus", "tensor_fasciae_latae"} <= top


def test_muscle_explaining_more_regions_ranks_higher(kb):
    ranked = rank(kb, parse_selections(kb, ["groin:right", "thigh_inner:right"]))
    counts = [len(r.explains) for r in ranked]
    assert counts[0] == 2 and 1 in counts
    assert counts == sorted(counts, reverse=True)


def test_pain_stays_on_its_side(kb):
    ranked = rank(kb, parse_selections(kb, ["thigh_outer:left", "knee_front:right"]))
    for r in ranked:
        assert {e.selection.side for e in r.explains} == {r.side}


def test_midline_region_is_explained_from_either_side(kb):
    ranked = rank(kb, parse_selections(kb, ["sacrum"]))
    assert ranked and all(r.side is None and r.side_name == "both" for r in ranked)


def test_midline_plus_side_prefers_that_side(kb):
    ranked = rank(kb, parse_selections(kb, ["sacrum", "low_back:left"]))
    both = [r for r in ranked if len(r.explains) == 2]
    assert both and all(r.side is Side.LEFT for r in both)


def test_paired_region_without_side_means_both_sides(kb):
    assert parse_selections(kb, ["groin"]) == [Selection("groin", Side.LEFT), Selection("groin", Side.RIGHT)]


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_selection_gives_a_deterministic_sorted_list_without_duplicates(kb, data):
    region_ids = sorted(kb.regions)
    picks = data.draw(st.lists(st.sampled_from(region_ids), max_size=6))
    sides = data.draw(st.lists(st.sampled_from([Side.LEFT, Side.RIGHT]), min_size=len(picks), max_size=len(picks)))
    selections = [Selection(r, s if kb.regions[r].paired else None) for r, s in zip(picks, sides)]
    ranked = rank(kb, selections)
    assert ranked == rank(kb, list(reversed(selections)))
    scores = [r.score for r in ranked]
    assert scores == sorted(scores, reverse=True)
    keys = [(r.muscle.id, r.side_name) for r in ranked]
    assert len(keys) == len(set(keys))
