"""Client maps as files: saved from the window, opened again to the same picture, refused when damaged
or from a newer bodymap, drawn from the command line, and never lost by closing the window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from ui_helpers import click, desk_window, settle

from bodymap.cli import main
from bodymap.knowledge import Quality, Selection, Side
from bodymap.settings import Settings

GROIN = Selection("groin", Side.RIGHT)
THIGH = Selection("thigh_inner", Side.RIGHT)


def _answer(button: QMessageBox.StandardButton) -> None:
    """Press a button of the question box the window is about to show (it waits for an answer)."""

    def press() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == "unsaved_question" and widget.isVisible():
                widget.button(button).click()
                return
        QTimer.singleShot(20, press)

    QTimer.singleShot(0, press)


@pytest.fixture
def mapped(qtbot, kb):
    """A window with a map a therapist made: two places, intensities, a quality, a note, ticks."""
    window = desk_window(kb, Settings(first_run_notice_seen=True), ask_before_closing=True)
    qtbot.addWidget(window, before_close_func=lambda w: w.close_guards.clear())
    window.resize(1400, 900)
    window.show()
    click(qtbot, window, "front", "groin", Side.RIGHT)
    click(qtbot, window, "front", "thigh_inner", Side.RIGHT)
    window.session.set_intensity(GROIN, 8)
    window.session.set_quality(THIGH, Quality.ACHING)
    window.session.set_picks(["adductor_longus", "pectineus"])
    qtbot.keyClicks(window.pain_panel.note, "Second visit; sleeps on the right side.")
    return window


def test_a_saved_map_opens_again_to_the_same_picture(qtbot, kb, mapped, tmp_path, monkeypatch):
    path = tmp_path / "ana.bodymap"
    assert mapped.isWindowModified() and "New map" in mapped.windowTitle()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "ana"), "bodymap"))
    qtbot.keyClick(mapped, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.is_file() and not mapped.isWindowModified() and "ana.bodymap" in mapped.windowTitle()
    saved = json.loads(path.read_text())
    assert saved["format"] == "bodymap client map" and saved["schema_version"] == 1
    other = desk_window(kb, Settings(first_run_notice_seen=True))
    qtbot.addWidget(other)
    assert other.documents.open(path)
    settle()
    session, first = other.session, mapped.session
    assert session.selections == first.selections and session.focus == first.focus
    assert session.pain(GROIN).intensity == 8 and session.pain(THIGH).quality is Quality.ACHING
    assert session.handout_muscles() == ["adductor_longus", "pectineus"]
    assert other.pain_panel.note.text() == "Second visit; sleeps on the right side."
    assert not session.modified and str(path) in other.store.settings.recent_maps[0]
    assert [r.muscle.id for r in session.ranking] == [r.muscle.id for r in first.ranking]


@pytest.mark.parametrize(
    "content, says",
    [
        ('{"format": "bodymap client map", "schema_version": 9, "saved": "2026-11-01T09:00:00+00:00"}', "newer"),
        (
            '{"format": "bodymap client map", "saved": "2026-11-01T09:00:00+00:00", "places": [{"region": "elbowz"}]}',
            "elbowz",
        ),
        (
            '{"format": "bodymap client map", "saved": "2026-11-01T09:00:00+00:00", "places": [{"region": "groin", "side": "right", "intensity": 12}]}',
            "intensity",
        ),
        (
            '{"format": "bodymap client map", "saved": "2026-11-01T09:00:00+00:00", "places": [{"region": "sacrum", "side": "left"}]}',
            "midline",
        ),
        ("{not json", "ana.bodymap"),
    ],
)
def test_a_damaged_or_newer_map_is_refused_and_nothing_changes(qtbot, mapped, tmp_path, content, says):
    path = tmp_path / "ana.bodymap"
    path.write_text(content)
    before = mapped.session.state
    assert not mapped.documents.open(path, asked=True)  # the question before opening is tested below
    box = mapped.findChild(QMessageBox, "message")
    assert box is not None and box.isVisible() and says in box.text()
    assert mapped.session.state == before and path.read_text() == content


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_everything(qtbot, mapped):
    _answer(QMessageBox.StandardButton.Cancel)
    mapped.close()
    assert mapped.isVisible() and mapped.session.modified
    _answer(QMessageBox.StandardButton.Discard)
    mapped.close()
    assert not mapped.isVisible()


def test_new_map_asks_first_and_save_keeps_the_old_one(qtbot, mapped, tmp_path, monkeypatch):
    path = tmp_path / "kept.bodymap"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), "bodymap"))
    _answer(QMessageBox.StandardButton.Save)
    qtbot.keyClick(mapped, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert path.is_file() and mapped.session.selections == () and not mapped.session.modified


def test_undo_back_to_the_saved_map_is_not_a_change(qtbot, mapped, tmp_path):
    mapped.documents.write(tmp_path / "a.bodymap")
    mapped.session.set_intensity(GROIN, 3)
    assert mapped.isWindowModified()
    mapped.session.undo()
    assert not mapped.isWindowModified()


def test_render_and_handout_draw_a_saved_map(mapped, tmp_path, capsys):
    path = tmp_path / "m.bodymap"
    mapped.documents.write(path)
    png, pdf = tmp_path / "m.png", tmp_path / "m.pdf"
    assert main(["render", "--open", str(path), "--output", str(png)]) == 0
    assert png.stat().st_size > 10_000
    assert main(["handout", "--open", str(path), "--output", str(pdf)]) == 0
    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages)
    assert "Groin, right (8/10)" in text and "Pectineus" in text and "Adductor longus" in text
    assert main(["render", "--open", str(tmp_path / "missing.bodymap"), "--output", str(png)]) == 2
    assert "missing.bodymap" in capsys.readouterr().err


def test_a_map_file_given_alone_opens_the_window_on_it():
    from bodymap.cli import _map_file_argument

    assert _map_file_argument(["/home/ana/visit.bodymap"]) == ["--open", "/home/ana/visit.bodymap"]
    assert _map_file_argument(["query", "groin:left"]) == ["query", "groin:left"]
