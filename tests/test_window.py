"""The main window, driven as a person drives it: real clicks, keys and text on real data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QNativeGestureEvent, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QTextBrowser
from pypdf import PdfReader

from bodymap.cli import main
from bodymap.diagram import Layer, load_diagrams
from bodymap.knowledge import Selection, Side
from bodymap.paths import config_dir
from bodymap.settings import SETTINGS_FILE, Settings, load_settings
from bodymap.ui.main_window import MainWindow
from bodymap.ui.safety import SafetyDialog


@pytest.fixture
def window(qtbot, kb):
    win = MainWindow(kb, load_diagrams(kb.views), Settings(first_run_notice_seen=True))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def _viewport_point(window, view: str, region: str, side: Side | None) -> QPoint:
    """Where on screen (viewport coordinates) a point well inside a region is drawn."""
    shape = window.scene.diagrams[view].shape(Layer.REGION, region, side)
    x, y = shape.interior_point()
    scene_point = window.scene.frames[view].mapToScene(QPointF(x, y))
    return window.view.mapFromScene(scene_point)


def click(qtbot, window, view: str, region: str, side: Side | None) -> None:
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=_viewport_point(window, view, region, side))


def _result_names(window) -> list[str]:
    return [window.results.item(i).text().split("\n")[0] for i in range(window.results.count())]


def test_click_left_outer_thigh_on_back_view_lists_gluteus_minimus_on_the_left(qtbot, window):
    click(qtbot, window, "back", "thigh_back_outer", Side.LEFT)
    assert window.state.selections == (Selection("thigh_back_outer", Side.LEFT),)
    assert "Gluteus minimus, left" in _result_names(window)[:3]
    scene = window.scene
    drawn = [i for (v, layer, n, s), i in scene.items_by_key.items() if layer is Layer.MUSCLE and n == "gluteus_minimus"]
    left = [i for (v, layer, n, s), i in scene.items_by_key.items() if layer is Layer.MUSCLE and n == "gluteus_minimus" and s is Side.LEFT]
    assert drawn and left
    assert all(i.brush().color().alpha() > 0 for i in left)
    assert all(i.brush().style() == Qt.BrushStyle.NoBrush for i in drawn if i not in left)
    qtbot.waitUntil(lambda: "Gluteus minimus" in window.detail.toPlainText())


def test_second_click_deselects(qtbot, window):
    click(qtbot, window, "front", "groin", Side.RIGHT)
    click(qtbot, window, "front", "groin", Side.RIGHT)
    assert window.state.selections == ()


def test_two_regions_rank_the_muscle_explaining_both_first(qtbot, window):
    click(qtbot, window, "front", "groin", Side.RIGHT)
    click(qtbot, window, "front", "thigh_inner", Side.RIGHT)
    ranking = window.state.ranking
    assert len(ranking[0].explains) == 2
    one = next(i for i, r in enumerate(ranking) if len(r.explains) == 1)
    assert all(len(r.explains) == 2 for r in ranking[:one])
    first_line = window.results.item(0).text()
    assert "groin" in first_line.lower() and "inner thigh" in first_line.lower()


def test_searching_psoas_shows_the_iliopsoas_origin_and_insertion(qtbot, window, kb):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "psoas")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Psoas major" in window.detail.toPlainText())
    text = window.detail.toPlainText()
    psoas = kb.muscle("psoas_major")
    assert "Psoas major" in text
    assert psoas.origin in text and psoas.insertion in text


def test_escape_clears_everything(qtbot, window):
    click(qtbot, window, "front", "thigh_outer", Side.LEFT)
    click(qtbot, window, "back", "buttock_upper", Side.RIGHT)
    assert window.results.count() > 2
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.state.selections == () and window.state.focus is None
    assert window.results.count() == 1 and "Click where it hurts" in window.results.item(0).text()
    qtbot.waitUntil(lambda: "Where does it hurt?" in window.detail.toPlainText())
    assert all(row.checkState(0) == Qt.CheckState.Unchecked for row in window.regions.rows.values())


def test_region_list_is_in_step_with_the_map(qtbot, window):
    click(qtbot, window, "front", "knee_front", Side.LEFT)
    row = window.regions.rows[Selection("knee_front", Side.LEFT)]
    assert row.checkState(0) == Qt.CheckState.Checked
    other = window.regions.rows[Selection("shin", Side.RIGHT)]
    other.setCheckState(0, Qt.CheckState.Checked)
    assert Selection("shin", Side.RIGHT) in window.state.selections
    assert len(window.scene.selection_outlines) == 2


def test_hover_names_the_region(qtbot, window):
    qtbot.mouseMove(window.view.viewport(), _viewport_point(window, "front", "hip_side", Side.LEFT))
    assert window.hover_label.text() == "Side of the hip, left"
    assert window.scene.hover.isVisible()


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
    name = window.results.item(2).text().split(",")[0]
    qtbot.waitUntil(lambda: name in window.detail.toPlainText())


def test_red_flags_are_one_click_away(qtbot, window, kb):
    qtbot.mouseClick(window.disclaimer.button, Qt.MouseButton.LeftButton)
    shown = [d for d in window.findChildren(SafetyDialog) if d.isVisible()]
    assert shown
    text = shown[0].findChild(QTextBrowser).toPlainText()
    assert all(flag.sign in text for flag in kb.safety.red_flag)


def test_first_run_notice_is_shown_once(qtbot, kb):
    win = MainWindow(kb, load_diagrams(kb.views), Settings())
    qtbot.addWidget(win)
    win.show()
    win.show_first_run_notice()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(SafetyDialog)))
    dialog = next(d for d in win.findChildren(SafetyDialog) if d.isVisible())
    dialog.accept()
    settings, warning = load_settings()
    assert settings.first_run_notice_seen and warning is None


def test_view_choice_and_size_are_remembered(qtbot, kb):
    first = MainWindow(kb, load_diagrams(kb.views), Settings(first_run_notice_seen=True))
    qtbot.addWidget(first)
    first.resize(1111, 777)
    first.show()
    first.set_view("back")
    first.close()
    settings, _ = load_settings()
    second = MainWindow(kb, load_diagrams(kb.views), settings)
    qtbot.addWidget(second)
    assert settings.last_view == "back"
    assert second.actions_by_id["view_back"].isChecked()
    assert second.size().width() == 1111


def test_a_settings_file_that_cannot_be_read_survives_the_window(qtbot, kb):
    """A hand-edited settings file with one typo (here holding the kiosk PIN's hash) is
    neither used nor written over when the window closes: nothing the person saved is lost."""
    path = config_dir() / SETTINGS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    broken = '{"kiosk_pin": "pbkdf2_sha256$200000$c2FsdA$aGFzaA", "paper": "a4",}\n'
    path.write_text(broken)
    settings, warning = load_settings()
    window = MainWindow(kb, load_diagrams(kb.views), settings, [warning])
    qtbot.addWidget(window)
    window.show()
    window.set_view("front")
    window.close()
    assert path.read_text() == broken
    assert not window.warning_label.isHidden()  # shown in the window (closed by now)
    assert "kept as it is: fix or remove it" in window.warning_label.text()


def test_snapshot_command_saves_the_window(qapp, tmp_path):
    output = tmp_path / "shot.png"
    assert main(["snapshot", "--select", "thigh_outer:left", "--output", str(output)]) == 0
    image = QImage(str(output))
    assert image.width() >= 1000 and image.height() >= 600


def test_a_touch_tap_selects_like_a_click(qtbot, window):
    device = QTest.createTouchDevice()
    viewport = window.view.viewport()
    pos = _viewport_point(window, "front", "knee_front", Side.LEFT)
    QTest.touchEvent(viewport, device).press(0, pos, viewport).commit()
    QTest.touchEvent(viewport, device).release(0, pos, viewport).commit()
    qtbot.waitUntil(lambda: window.state.selections == (Selection("knee_front", Side.LEFT),))


def test_two_finger_spread_zooms_without_selecting(qtbot, window):
    device = QTest.createTouchDevice()
    viewport = window.view.viewport()
    start = window.view.transform().m11()
    center = QPoint(viewport.width() // 2, viewport.height() // 2)
    QTest.touchEvent(viewport, device).press(0, center - QPoint(20, 0), viewport).press(
        1, center + QPoint(20, 0), viewport).commit()
    for spread in range(40, 200, 20):
        QTest.touchEvent(viewport, device).move(0, center - QPoint(spread, 0), viewport).move(
            1, center + QPoint(spread, 0), viewport).commit()
        qtbot.wait(5)
    QTest.touchEvent(viewport, device).release(0, center - QPoint(200, 0), viewport).release(
        1, center + QPoint(200, 0), viewport).commit()
    assert window.view.transform().m11() > start * 1.5
    assert window.state.selections == ()


def test_touchpad_pinch_zooms(qtbot, window):
    start = window.view.transform().m11()
    center = QPointF(window.view.viewport().rect().center())
    event = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(), 2,
                                center, center, window.view.viewport().mapToGlobal(center), 0.5, QPointF(0, 0))
    QApplication.sendEvent(window.view.viewport(), event)
    assert window.view.transform().m11() == pytest.approx(start * 1.5, rel=0.01)


def test_arrow_keys_move_through_the_results(qtbot, window):
    click(qtbot, window, "front", "thigh_outer", Side.LEFT)
    window.results.setFocus()
    first = window.state.focus
    qtbot.keyClick(window.results, Qt.Key.Key_Down)
    assert window.state.focus != first
    assert window.state.focus == (window.state.ranking[1].muscle.id, window.state.ranking[1].side)


def test_the_diagram_key_is_always_in_view(window):
    from PySide6.QtWidgets import QLabel

    words = [label.text() for label in window.legend_bar.findChildren(QLabel) if label.text()]
    assert words == ["Where it hurts", "Main pain zone", "Pain can spread here", "Trigger point", "Deep muscle"]
    assert window.legend_bar.isVisible()


def test_save_as_pdf_from_the_window_after_a_click(qtbot, window, tmp_path, monkeypatch):
    """The therapist's path: click where it hurts, press Ctrl+S, name the file."""
    click(qtbot, window, "front", "groin", Side.RIGHT)
    output = tmp_path / "from-window.pdf"
    # Only Qt's modal file dialog is answered; the action, window and handout code all run.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(output), "PDF (*.pdf)"))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(str(output)).pages]
    assert len(pages) >= 2
    assert "Where it hurts: groin (right)" in pages[0]
    assert window.state.ranking[0].muscle.name in " ".join(pages)
    assert all("See a clinician now" in page for page in pages)


def test_one_view_chosen_shows_and_answers_for_that_figure_only(qtbot, window):
    """'Back' in a window wider than the figure: the front figure must not peek in at the side,
    and a click where it would be selects nothing."""
    window.set_view("back")
    qtbot.wait(10)
    viewport = window.view.viewport()
    peeking = [
        point for shape in window.scene.diagrams["front"].layer(Layer.REGION)
        if viewport.rect().contains(point := _viewport_point(window, "front", shape.name, shape.side))
    ]
    assert peeking, "the window should be wide enough for the front figure to reach into view"
    image = viewport.grab().toImage()
    background = window.view.palette().base().color().rgb()
    assert all(image.pixel(p) == background for p in peeking)
    for point in peeking:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    assert window.state.selections == ()
    click(qtbot, window, "back", "thigh_back_outer", Side.LEFT)
    assert window.state.selections == (Selection("thigh_back_outer", Side.LEFT),)
