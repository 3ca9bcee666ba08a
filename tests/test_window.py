"""The main window, driven as a person drives it: real clicks, keys and text on real data."""

from __future__ import annotations

import json
from html import escape

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QNativeGestureEvent, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTextBrowser
from ui_helpers import click, desk_window, hover, result_titles, settle, viewport_point

from bodymap import wording
from bodymap.cli import main
from bodymap.diagram import Layer
from bodymap.knowledge import Selection, Side
from bodymap.paths import config_dir
from bodymap.settings import SETTINGS_FILE, Settings, SettingsStore
from bodymap.ui.safety import SafetyDialog


def test_click_left_outer_thigh_on_back_view_lists_gluteus_minimus_on_the_left(qtbot, window):
    click(qtbot, window, "back", "thigh_back_outer", Side.LEFT)
    assert window.session.selections == (Selection("thigh_back_outer", Side.LEFT),)
    assert "Gluteus minimus, left" in result_titles(window)[:3]
    scene = window.view.body
    drawn = [k for k in scene._styled if k[2] == "gluteus_minimus"]
    assert drawn and all(side is Side.LEFT for _, _, _, side in drawn)
    qtbot.waitUntil(lambda: "Gluteus minimus" in window.detail.toPlainText() or window.session.focus is not None)


def test_second_click_deselects(qtbot, window):
    click(qtbot, window, "front", "groin", Side.RIGHT)
    click(qtbot, window, "front", "groin", Side.RIGHT)
    assert window.session.selections == ()


def test_two_regions_rank_the_muscle_explaining_both_first(qtbot, window):
    click(qtbot, window, "front", "groin", Side.RIGHT)
    click(qtbot, window, "front", "thigh_inner", Side.RIGHT)
    ranking = window.session.ranking
    assert len(ranking[0].explains) == 2
    one = next(i for i, r in enumerate(ranking) if len(r.explains) == 1)
    assert all(len(r.explains) == 2 for r in ranking[:one])
    first_line = window.results.item(0).text()
    assert "groin" in first_line.lower() and "inner thigh" in first_line.lower()


def test_searching_psoas_shows_the_iliopsoas_origin_and_insertion(qtbot, window, kb):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "Psoas major")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Psoas major" in window.detail.toPlainText())
    text = window.detail.toPlainText()
    psoas = kb.muscle("psoas_major")
    assert psoas.origin in text and psoas.insertion in text


def test_search_suggestions_appear_as_you_type(qtbot, window):
    """The completer's model is kept alive: typing shows suggestions."""
    completer = window.search.completer()
    assert completer.model() is not None
    qtbot.keyClicks(window.search, "scia")
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    shown = [completer.completionModel().index(i, 0).data() for i in range(completer.completionModel().rowCount())]
    assert "sciatica, left" in shown and "sciatica, both sides" in shown


def test_a_place_named_without_its_side_is_not_silently_taken(qtbot, window):
    """'low back' used to select only the left side; now Enter offers left, right and both sides."""
    qtbot.keyClicks(window.search, "low back")
    window.search.completer().popup().hide()
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.session.selections == ()
    popup = window.search.completer().popup()
    assert popup.isVisible()
    model = window.search.completer().completionModel()
    offered = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert {"Low back, left", "Low back, right", "Low back, both sides"} <= set(offered)
    window.search.choose("Low back, both sides")
    assert set(window.session.selections) == {Selection("low_back", Side.LEFT), Selection("low_back", Side.RIGHT)}


def test_a_complaint_selects_where_it_is_felt(qtbot, window, kb):
    window.search.choose("tennis elbow, right")
    term = next(t for t in kb.terms if t.text == "tennis elbow")
    assert window.session.selections == tuple(Selection(r, Side.RIGHT) for r in term.regions)


def test_escape_does_not_wipe_the_map_and_clear_can_be_undone(qtbot, window):
    click(qtbot, window, "front", "thigh_outer", Side.LEFT)
    click(qtbot, window, "back", "buttock_upper", Side.RIGHT)
    before = window.session.state
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.session.state == before
    window.actions_by_id["clear"].trigger()
    settle()
    assert window.session.selections == () and window.session.focus is None
    assert window.results.count() == 1 and "Click where it hurts" in window.results.item(0).text()
    assert all(row.checkState(0) == Qt.CheckState.Unchecked for row in window.regions.rows.values())
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert window.session.state == before
    assert window.regions.rows[Selection("thigh_outer", Side.LEFT)].checkState(0) == Qt.CheckState.Checked
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.session.selections == ()


def test_undo_and_redo_are_in_the_edit_menu_with_their_shortcuts(window):
    edit = window.menus["edit"]
    entries = {a.objectName(): a for a in edit.actions()}
    assert entries["undo"].shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in entries["redo"].shortcuts()]


def test_ticking_regions_in_the_list_keeps_you_in_the_list(qtbot, window):
    window.tabs.setCurrentWidget(window.regions)
    first = window.regions.rows[Selection("knee_front", Side.LEFT)]
    second = window.regions.rows[Selection("shin", Side.RIGHT)]
    first.setCheckState(0, Qt.CheckState.Checked)
    assert window.tabs.currentWidget() is window.regions
    second.setCheckState(0, Qt.CheckState.Checked)
    assert set(window.session.selections) == {Selection("knee_front", Side.LEFT), Selection("shin", Side.RIGHT)}
    assert window.tabs.currentWidget() is window.regions


def test_region_list_is_in_step_with_the_map(qtbot, window):
    click(qtbot, window, "front", "knee_front", Side.LEFT)
    row = window.regions.rows[Selection("knee_front", Side.LEFT)]
    assert row.checkState(0) == Qt.CheckState.Checked


def test_the_keyboard_walks_the_regions_of_the_diagram(qtbot, window):
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert window.view.body.cursor.isVisible()
    named = window.hover_label.text()
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    (selected,) = window.session.selections
    assert wording.selection_name(window.kb, selected) == named


def test_hover_names_the_region(qtbot, window):
    hover(qtbot, window.view.viewport(), viewport_point(window, "front", "hip_side", Side.LEFT))
    assert window.hover_label.text() == "Side of the hip, left"
    assert window.view.body.hover.isVisible()


def test_a_candidate_muscle_is_named_on_the_map_and_its_badge_focuses_it(qtbot, window):
    click(qtbot, window, "front", "thigh_outer", Side.LEFT)
    scene = window.view.body
    badge = next(b for b in scene.badges if b.key != window.session.focus)
    name = window.session.kb.muscle(badge.key[0]).name
    candidate = next(k for k, styled in scene._styled.items() if styled.part.value == "candidate")
    view, _, muscle, side = candidate
    shape = scene.diagrams[view].shape(Layer.MUSCLE, muscle, side)
    over_muscle = window.view.mapFromScene(scene.frames[view].mapToScene(QPointF(*shape.anchors[-1])))
    hover(qtbot, window.view.viewport(), over_muscle)
    if window.view.body.badge_at(window.view.mapToScene(over_muscle)) is None:
        assert window.session.kb.muscle(muscle).name in window.hover_label.text()
    on_badge = window.view.mapFromScene(badge.scenePos())
    hover(qtbot, window.view.viewport(), on_badge)
    assert name in window.hover_label.text()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=on_badge)
    assert window.session.focus == badge.key
    assert window.session.selections == (Selection("thigh_outer", Side.LEFT),)


def test_zoom_keys_and_fit(qtbot, window):
    start = window.view.transform().m11()
    qtbot.keyClick(window.view, Qt.Key.Key_Plus)
    assert window.view.transform().m11() > start
    qtbot.keyClick(window.view, Qt.Key.Key_Minus)
    qtbot.keyClick(window.view, Qt.Key.Key_Minus)
    assert window.view.transform().m11() == pytest.approx(start)


def test_choosing_a_result_focuses_that_muscle(qtbot, window):
    click(qtbot, window, "front", "thigh_outer", Side.LEFT)
    window.results.setCurrentRow(2)
    name = window.session.ranking[2].muscle.name
    assert window.session.focus[0] == window.session.ranking[2].muscle.id
    qtbot.waitUntil(lambda: name in window.detail.toPlainText())


def test_red_flags_are_one_click_away(qtbot, window, kb):
    qtbot.mouseClick(window.disclaimer.button, Qt.MouseButton.LeftButton)
    shown = [d for d in window.findChildren(SafetyDialog) if d.isVisible()]
    assert shown
    text = shown[0].findChild(QTextBrowser).toPlainText()
    assert all(flag.sign in text for flag in kb.safety.red_flag)


def test_the_red_flags_of_the_chosen_places_show_beside_the_results(qtbot, window, kb):
    """Issue 15: the calf, chest, low back, head and groin bring their few red flags into the side panel
    beside the results, not only behind the Red flags button; a place with none hides the box."""
    assert not window.place_flags.isVisible()
    places = [Selection(region, Side.LEFT) for region in ("calf_upper", "chest", "low_back", "temple", "groin")]
    window.session.set_selections(places)
    qtbot.waitUntil(window.place_flags.isVisible)
    assert window.place_flags.parent() is window.side_panel
    shown = window.place_flags.label.text()
    for flag_id in ("calf_clot", "heart", "aneurysm", "bladder_bowel", "sudden_headache", "hernia", "testicle"):
        (flag,) = [f for f in kb.safety.red_flag if f.id == flag_id]
        assert escape(flag.sign) in shown, flag_id
    window.session.set_selections([Selection("hand_back", Side.LEFT)])
    qtbot.waitUntil(lambda: not window.place_flags.isVisible())


def test_first_run_notice_is_saved_once_accepted(qtbot, kb):
    from bodymap.ui.launch import _first_run_seen

    store = SettingsStore()
    win = desk_window(kb)
    win.store = store
    qtbot.addWidget(win)
    win.show()
    dialog = win.show_first_run_notice(lambda: _first_run_seen(win, store))
    qtbot.waitUntil(dialog.isVisible)
    dialog.accept()
    assert SettingsStore().settings.first_run_notice_seen


def test_a_settings_file_that_cannot_be_read_survives_the_window(qtbot, kb):
    """A hand-edited settings file with one typo (here holding the kiosk PIN's hash) is neither used
    nor written over when the window closes: nothing the person saved is lost."""
    from bodymap.ui.launch import _remember

    path = config_dir() / SETTINGS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    broken = '{"kiosk_pin": "pbkdf2_sha256$200000$c2FsdA$aGFzaA", "paper": "a4",}\n'
    path.write_text(broken)
    store = SettingsStore()
    assert store.warning and "using default settings" in store.warning
    window = desk_window(kb)
    window.store = store
    qtbot.addWidget(window)
    window.show()
    window.show_layout("front")
    _remember(window, store)
    assert path.read_text() == broken
    assert "kept as it is: fix or remove it" in window.warning_label.text()


def test_a_pin_set_while_a_window_is_open_survives_its_close(qtbot, kb, monkeypatch):
    """kiosk-setup saves a PIN while a window is open; closing the window used to write the old
    settings back over it."""
    import io

    from bodymap.ui.launch import _remember

    store = SettingsStore()
    window = desk_window(kb)
    window.store = store
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr("sys.stdin", io.StringIO("246813\n246813\n"))
    assert main(["kiosk-setup", "--idle-seconds", "45"]) == 0
    window.show_layout("back")
    _remember(window, store)
    saved = json.loads((config_dir() / SETTINGS_FILE).read_text())
    assert saved["kiosk_pin"].startswith("pbkdf2_sha256$") and saved["kiosk_idle_seconds"] == 45
    assert saved["last_view"] == "back"


def test_view_choice_is_remembered(qtbot, kb):
    from bodymap.ui.launch import _remember

    store = SettingsStore()
    first = desk_window(kb)
    first.store = store
    qtbot.addWidget(first)
    first.show()
    first.show_layout("back")
    _remember(first, store)
    again = SettingsStore()
    assert again.settings.last_view == "back"
    second = desk_window(kb, again.settings)
    qtbot.addWidget(second)
    assert second.session.layout == "back"
    assert second.actions_by_id["view:back"].isChecked()


def test_snapshot_draws_the_window_as_it_opens_on_a_laptop(qapp, tmp_path):
    output = tmp_path / "shot.png"
    assert main(["snapshot", "--screen", "1366x768", "--select", "thigh_outer:left", "--output", str(output)]) == 0
    image = QImage(str(output))
    assert 1000 <= image.width() <= 1366 and 600 <= image.height() <= 768
    # The safety bar (pale orange) runs along the bottom of the window.
    bottom = [image.pixelColor(x, image.height() - 12).name() for x in range(20, 400, 40)]
    assert bottom.count("#fff4e5") >= 5


def test_on_a_portrait_screen_the_first_window_stands_upright(qapp, tmp_path):
    """A portrait screen gets a tall window (the panel stacks under the figures), not a landscape
    one 900 px high that left the figures a third of the screen."""
    output = tmp_path / "shot.png"
    assert main(["snapshot", "--screen", "800x1280", "--select", "thigh_outer:left", "--output", str(output)]) == 0
    image = QImage(str(output))
    assert image.width() == 720 and image.height() == 1152


def test_a_touch_tap_selects_like_a_click(qtbot, window):
    device = QTest.createTouchDevice()
    viewport = window.view.viewport()
    pos = viewport_point(window, "front", "knee_front", Side.LEFT)
    QTest.touchEvent(viewport, device).press(0, pos, viewport).commit()
    QTest.touchEvent(viewport, device).release(0, pos, viewport).commit()
    qtbot.waitUntil(lambda: window.session.selections == (Selection("knee_front", Side.LEFT),))


def test_a_quick_second_tap_undoes_the_first(qtbot, window):
    """Two quick taps arrive as a click and a double-click: the second must not be lost."""
    pos = viewport_point(window, "front", "knee_front", Side.LEFT)
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.session.selections == ()


def test_two_finger_spread_zooms_without_selecting(qtbot, window):
    device = QTest.createTouchDevice()
    viewport = window.view.viewport()
    start = window.view.transform().m11()
    center = QPoint(viewport.width() // 2, viewport.height() // 2)
    QTest.touchEvent(viewport, device).press(0, center - QPoint(20, 0), viewport).press(
        1, center + QPoint(20, 0), viewport
    ).commit()
    for spread in range(40, 200, 20):
        QTest.touchEvent(viewport, device).move(0, center - QPoint(spread, 0), viewport).move(
            1, center + QPoint(spread, 0), viewport
        ).commit()
        qtbot.wait(5)
    QTest.touchEvent(viewport, device).release(0, center - QPoint(200, 0), viewport).release(
        1, center + QPoint(200, 0), viewport
    ).commit()
    assert window.view.transform().m11() > start * 1.5
    assert window.session.selections == ()


def test_touchpad_pinch_zooms(qtbot, window):
    start = window.view.transform().m11()
    center = QPointF(window.view.viewport().rect().center())
    event = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        center,
        center,
        window.view.viewport().mapToGlobal(center),
        0.5,
        QPointF(0, 0),
    )
    QApplication.sendEvent(window.view.viewport(), event)
    assert window.view.transform().m11() == pytest.approx(start * 1.5, rel=0.01)


def test_arrow_keys_move_through_the_results(qtbot, window):
    click(qtbot, window, "front", "thigh_outer", Side.LEFT)
    window.results.setFocus()
    first = window.session.focus
    qtbot.keyClick(window.results, Qt.Key.Key_Down)
    assert window.session.focus != first
    assert window.session.focus == (window.session.ranking[1].muscle.id, window.session.ranking[1].side)


def test_the_diagram_key_uses_the_words_of_the_list(window):
    words = [label.text() for label in window.legend_bar.findChildren(QLabel) if label.text()]
    assert words == [text for _, text in wording.key_entries()]
    assert window.legend_bar.isVisible()


def test_a_candidate_is_worded_the_same_in_the_list_the_caption_and_json(qtbot, window, capsys):
    click(qtbot, window, "back", "sacrum", None)
    ranked = window.session.ranking[0]
    title = wording.candidate_title(ranked)
    assert window.results.item(0).text().split("\n")[0] == title
    window.presenter.enter()
    assert title in window.presenter.bar.caption.text()
    window.presenter.leave()
    assert main(["query", "sacrum", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["muscles"][0]["title"] == title
    sides = {m["side"] for m in payload["muscles"]} | {e["side"] for m in payload["muscles"] for e in m["explains"]}
    assert "both" not in sides and "midline" in sides


def test_save_as_pdf_from_the_window_after_a_click(qtbot, window, tmp_path, monkeypatch):
    """The therapist's path: click where it hurts, press Ctrl+E, name the file."""
    click(qtbot, window, "front", "groin", Side.RIGHT)
    output = tmp_path / "from-window.pdf"
    # Only Qt's modal file dialog is answered; the action, window and handout code all run.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(output), "PDF (*.pdf)"))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(str(output)).pages]
    assert len(pages) >= 2
    assert "Where it hurts: Groin, right (5/10)." in pages[0]
    assert window.session.ranking[0].muscle.name in " ".join(pages)
    assert all("See a clinician now" in page for page in pages)
    assert "Saved" in window.statusBar().currentMessage()


def test_one_view_chosen_shows_and_answers_for_that_figure_only(qtbot, window):
    window.resize(1000, 900)
    qtbot.waitUntil(lambda: window.width() == 1000)
    window.show_layout("back")
    qtbot.wait(10)
    assert window.view.body.view_ids == ("back",)
    click(qtbot, window, "back", "thigh_back_outer", Side.LEFT)
    assert window.session.selections == (Selection("thigh_back_outer", Side.LEFT),)
    # Shown alone, the figure is drawn larger than beside the other one.
    alone = window.view.transform().m11()
    window.show_layout("both")
    assert window.view.transform().m11() < alone


def test_settings_of_the_window_keep_other_keys(qtbot, kb):
    """The window saves only what it changed: a key written by someone else meanwhile survives."""
    from bodymap.ui.launch import _remember

    store = SettingsStore()
    window = desk_window(kb, Settings(first_run_notice_seen=True))
    window.store = store
    qtbot.addWidget(window)
    other = SettingsStore()
    other.settings.paper = "letter"
    other.save()
    window.show_layout("front")
    _remember(window, store)
    assert SettingsStore().settings.paper == "letter"


def test_undo_and_redo_are_offered_only_with_a_step_to_take(qtbot, window):
    """A new window has nothing to undo (its Undo button used to look ready while doing nothing)."""
    undo, redo = window.actions_by_id["undo"], window.actions_by_id["redo"]
    assert not undo.isEnabled() and not redo.isEnabled()
    click(qtbot, window, "front", "groin", Side.LEFT)
    assert undo.isEnabled() and not redo.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not undo.isEnabled() and redo.isEnabled() and window.session.selections == ()
    window.session.toggle(Selection("groin", Side.LEFT))
    window.session.undo()
    window.session.redo()
    window.session.set_intensity(Selection("groin", Side.LEFT), 9)
    assert undo.isEnabled() and not redo.isEnabled()


def test_the_picture_answers_a_click_first_and_the_side_panel_follows_in_the_next_turn(qtbot, window):
    """The highlight is drawn from the click itself; the lists are laid out one turn of the event
    loop later, from every change made meanwhile (none is dropped)."""
    window.view.click_at(viewport_point(window, "front", "thigh_outer", Side.LEFT))
    window.session.toggle(Selection("groin", Side.LEFT))
    window.session.set_intensity(Selection("groin", Side.LEFT), 9)
    assert window.view.body._styled  # candidates drawn already
    assert window.results.count() == 1 and not window.pain_panel.rows  # the lists have not run yet
    settle()
    assert set(window.pain_panel.rows) == {Selection("thigh_outer", Side.LEFT), Selection("groin", Side.LEFT)}
    assert window.pain_panel.rows[Selection("groin", Side.LEFT)].value.text().startswith("9")
    assert result_titles(window)[0] == wording.candidate_title(window.session.ranking[0])
