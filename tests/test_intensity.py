"""How much each place hurts, said in the window: the panel's slider and buttons, the number keys,
the wheel over a chosen place; shown as the strength of its tint, and how it feels (a nerve-like
quality brings the nerve red flag beside the results)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox
from ui_helpers import click, settle, viewport_point

from bodymap.knowledge import Quality, Selection, Side

OUTER = Selection("thigh_outer", Side.LEFT)
GROIN = Selection("groin", Side.LEFT)


def _wheel(qtbot, window, pos: QPoint, notches: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    viewport = window.view.viewport()
    event = QWheelEvent(
        QPointF(pos),
        QPointF(viewport.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def _choose(qtbot, combo: QComboBox, quality: Quality) -> None:
    """Pick a quality with the keyboard, as a person can (the arrow keys walk the list)."""
    target = combo.findData(quality.value)
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    settle()


def _tint(window, pos: QPoint) -> QColor:
    return window.view.viewport().grab().toImage().pixelColor(pos)


def test_a_new_place_hurts_five_and_the_panel_buttons_and_slider_change_it(qtbot, window):
    click(qtbot, window, "front", "thigh_outer", Side.LEFT)
    row = window.pain_panel.rows[OUTER]
    assert window.session.pain(OUTER).intensity == 5 and row.slider.value() == 5
    qtbot.mouseClick(row.more, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(row.more, Qt.MouseButton.LeftButton)
    settle()
    assert window.session.pain(OUTER).intensity == 7 and row.value.text().startswith("7")
    qtbot.mouseClick(row.less, Qt.MouseButton.LeftButton)
    row.slider.setValue(2)
    assert window.session.pain(OUTER).intensity == 2
    window.session.undo()  # one place's adjustments in a row are one step
    settle()
    assert window.session.pain(OUTER).intensity == 5 and window.pain_panel.rows[OUTER].slider.value() == 5


def test_number_keys_set_the_place_chosen_last(qtbot, window):
    click(qtbot, window, "front", "thigh_outer", Side.LEFT)
    click(qtbot, window, "front", "groin", Side.LEFT)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_8)
    assert window.session.pain(GROIN).intensity == 8 and window.session.pain(OUTER).intensity == 5
    qtbot.keyClick(window.view, Qt.Key.Key_0)
    assert window.session.pain(GROIN).intensity == 0
    # Digits typed into the visit note stay in the note.
    window.pain_panel.note.setFocus()
    qtbot.keyClicks(window.pain_panel.note, "3 days")
    assert window.pain_panel.note.text() == "3 days" and window.session.pain(GROIN).intensity == 0


def test_the_wheel_over_a_chosen_place_says_how_much_and_elsewhere_zooms(qtbot, window):
    click(qtbot, window, "front", "thigh_outer", Side.LEFT)
    on_place = viewport_point(window, "front", "thigh_outer", Side.LEFT)
    scale = window.view.transform().m11()
    _wheel(qtbot, window, on_place, 3)
    assert window.session.pain(OUTER).intensity == 8 and window.view.transform().m11() == scale
    _wheel(qtbot, window, on_place, -1)
    assert window.session.pain(OUTER).intensity == 7
    _wheel(qtbot, window, on_place, 1, Qt.KeyboardModifier.ControlModifier)  # Ctrl: zoom, even over a place
    assert window.session.pain(OUTER).intensity == 7 and window.view.transform().m11() > scale
    elsewhere = viewport_point(window, "front", "groin", Side.RIGHT)  # not chosen
    zoomed = window.view.transform().m11()
    _wheel(qtbot, window, elsewhere, -1)
    assert window.view.transform().m11() < zoomed and window.session.pain(OUTER).intensity == 7


def test_the_tint_grows_stronger_with_the_intensity(qtbot, window):
    click(qtbot, window, "front", "thigh_outer", Side.LEFT)
    pos = viewport_point(window, "front", "thigh_outer", Side.LEFT)
    tints = []
    for value in (1, 5, 10):
        window.session.set_intensity(OUTER, value)
        tints.append(_tint(window, pos).lightness())
    assert tints[0] > tints[1] > tints[2], tints


def test_burning_tingling_or_numb_brings_the_nerve_flag(qtbot, window):
    click(qtbot, window, "front", "thigh_outer", Side.LEFT)
    flags = window.place_flags
    assert "nerve" not in {f.id for f in flags.flags}
    combo: QComboBox = window.pain_panel.rows[OUTER].quality
    for quality in (Quality.BURNING, Quality.TINGLING, Quality.NUMB):
        _choose(qtbot, combo, quality)
        assert window.session.pain(OUTER).quality is quality
        assert "nerve" in {f.id for f in flags.flags} and flags.isVisible()
        assert "pins and needles" in flags.label.text()
    _choose(qtbot, combo, Quality.ACHING)
    assert "nerve" not in {f.id for f in flags.flags}
