"""The session model, without Qt: transitions, what they report, the focus policy, undo and redo."""

from __future__ import annotations

import subprocess
import sys

from bodymap.knowledge import Selection, Side
from bodymap.session import UNDO_STEPS, Change, Mode, Session

OUTER_LEFT = Selection("thigh_outer", Side.LEFT)
GROIN_LEFT = Selection("groin", Side.LEFT)


def _session(kb) -> tuple[Session, list[Change]]:
    session = Session(kb)
    heard: list[Change] = []
    session.listeners.add(heard.append)
    return session, heard


def test_the_session_model_loads_no_qt():
    code = "import sys, bodymap.session; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_toggle_reports_selection_and_focus_and_tells_the_listeners(kb):
    session, heard = _session(kb)
    change = session.toggle(OUTER_LEFT, source="map")
    assert change.selection and change.focus and not change.layout and change.source == "map"
    assert heard == [change]
    top = session.ranking[0]
    assert session.focus == (top.muscle.id, top.side)
    assert session.toggle(OUTER_LEFT) and session.selections == () and session.focus is None


def test_a_change_that_changes_nothing_is_silent(kb):
    session, heard = _session(kb)
    session.set_selections([OUTER_LEFT])
    heard.clear()
    assert not session.set_selections([OUTER_LEFT])
    assert not session.set_layout(session.layout)
    assert heard == []


def test_the_focus_stays_on_a_candidate_when_another_region_is_ticked(kb):
    session, _ = _session(kb)
    session.set_selections([OUTER_LEFT])
    session.step(+1)
    second = session.focus
    change = session.toggle(Selection("hip_side", Side.LEFT))
    assert session.focus == second and not change.focus


def test_a_muscle_found_by_search_stays_in_focus_with_nothing_selected(kb):
    session, _ = _session(kb)
    session.focus_muscle("piriformis")
    assert session.focus == ("piriformis", None)
    assert session.handout_muscles() == ["piriformis"]


def test_presentation_order_steps_and_stops_at_the_ends(kb):
    session, _ = _session(kb)
    session.set_selections([OUTER_LEFT])
    keys = [(r.muscle.id, r.side) for r in session.ranking]
    session.step(-1)
    assert session.focus == keys[0]
    for _ in range(len(keys) + 3):
        session.step(+1)
    assert session.focus == keys[-1]


def test_entering_presentation_focuses_the_top_candidate(kb):
    session, _ = _session(kb)
    session.set_selections([OUTER_LEFT])
    session.focus_on(None)
    change = session.set_mode(Mode.PRESENTING)
    assert change.mode and change.focus and session.focus is not None


def test_undo_and_redo_walk_the_selection_and_focus_history(kb):
    session, _ = _session(kb)
    session.toggle(OUTER_LEFT)
    session.toggle(GROIN_LEFT)
    session.step(+1)
    after = session.state
    session.clear()
    assert session.selections == ()
    assert session.undo().selection and session.state == after
    session.undo()
    assert session.focus != after.focus and session.selections == after.selections
    session.undo()
    assert session.selections == (OUTER_LEFT,)
    session.redo()
    session.redo()
    assert session.state == after
    session.toggle(Selection("knee_front", Side.LEFT))
    assert not session.can_redo


def test_undo_keeps_at_least_a_hundred_steps(kb):
    session, _ = _session(kb)
    regions = [Selection(r.id, Side.LEFT) for r in kb.regions.values() if r.paired]
    steps = 0
    while steps < 150:
        session.toggle(regions[steps % len(regions)])
        steps += 1
    undone = 0
    while session.undo():
        undone += 1
    assert undone == min(150, UNDO_STEPS) >= 100


def test_dragging_an_intensity_is_one_undo_step(kb):
    session, _ = _session(kb)
    session.toggle(OUTER_LEFT)
    for value in (6, 7, 8, 9):
        session.set_intensity(OUTER_LEFT, value)
    assert session.pain(OUTER_LEFT).intensity == 9
    session.undo()
    assert session.pain(OUTER_LEFT).intensity == 5 and session.selections == (OUTER_LEFT,)


def test_intensity_reorders_the_ranking(kb):
    outer = {r.region for r in kb.muscle("gluteus_minimus").referral}
    session, _ = _session(kb)
    session.set_selections([OUTER_LEFT, GROIN_LEFT])
    session.set_intensity(OUTER_LEFT, 8)
    session.set_intensity(GROIN_LEFT, 2)
    top = {r.region for r in session.ranking[0].muscle.referral}
    assert "thigh_outer" in top and "thigh_outer" in outer
    session.set_intensity(OUTER_LEFT, 2)
    session.set_intensity(GROIN_LEFT, 8)
    assert "groin" in {r.region for r in session.ranking[0].muscle.referral}


def test_handout_muscles_are_the_ticked_ones_else_the_top_three(kb):
    session, _ = _session(kb)
    session.set_selections([OUTER_LEFT])
    top = list(dict.fromkeys(r.muscle.id for r in session.ranking))[:3]
    assert session.handout_muscles() == top
    assert session.set_picks(["piriformis", "gluteus_minimus"]).picks
    assert session.handout_muscles() == ["piriformis", "gluteus_minimus"]


def test_a_layout_change_fits_the_zoom_again(kb):
    session, _ = _session(kb)
    session.set_zoom(3.0)
    change = session.set_layout("front")
    assert change.layout and change.zoom and session.zoom == 1.0
    session.set_zoom(50.0)
    assert session.zoom == 8.0


def test_a_kiosk_reset_forgets_the_visitor_and_the_history(kb):
    session, _ = _session(kb)
    session.toggle(OUTER_LEFT)
    session.set_layout("back")
    session.reset()
    assert session.selections == () and session.layout == kb.views.default_layout and not session.can_undo
