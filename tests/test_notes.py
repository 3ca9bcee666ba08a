"""Therapist notes: saved atomically, shown in the panel, never lost to a broken file."""

from __future__ import annotations

import json

import pytest

from bodymap.diagram import load_diagrams
from bodymap.notes import NOTES_FILE, Notes, NotesUnavailable
from bodymap.paths import config_dir
from bodymap.settings import Settings
from bodymap.ui.main_window import MainWindow


def test_notes_round_trip(kb):
    notes = Notes.load(set(kb.muscles))
    notes.set("gluteus_medius", "Side-lying, knee on a pillow; 3 slow breaths per spot.")
    again = Notes.load(set(kb.muscles))
    assert again.get("gluteus_medius") == "Side-lying, knee on a pillow; 3 slow breaths per spot."
    again.set("gluteus_medius", "")
    assert Notes.load(set(kb.muscles)).get("gluteus_medius") is None


def test_corrupt_notes_file_is_kept_and_the_app_runs_with_a_warning(qtbot, kb):
    path = config_dir() / NOTES_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    broken = '{"schema_version": 1, "notes": {"psoas_major": {"text": "half a no'
    path.write_text(broken)
    notes = Notes.load(set(kb.muscles))
    assert not notes.available and NOTES_FILE in notes.warning
    window = MainWindow(kb, load_diagrams(kb.views), Settings(first_run_notice_seen=True), notes=notes)
    qtbot.addWidget(window)
    window.show()
    assert window.warning_label.isVisible() and NOTES_FILE in window.warning_label.text()
    window.state.set_focus("psoas_major")
    window.note_editor.edit.setPlainText("new text")
    window.note_editor.save_note()
    assert "Not saved" in window.note_editor.status.text()
    with pytest.raises(NotesUnavailable):
        notes.set("psoas_major", "x")
    assert path.read_text() == broken


def test_note_shows_in_the_panel(qtbot, kb):
    notes = Notes.load(set(kb.muscles))
    window = MainWindow(kb, load_diagrams(kb.views), Settings(first_run_notice_seen=True), notes=notes)
    qtbot.addWidget(window)
    window.show()
    window.state.set_focus("piriformis")
    window.note_editor.edit.setPlainText("Work it in figure-four, never over the sciatic notch.")
    window.note_editor.save_note()
    qtbot.waitUntil(lambda: "figure-four" in window.detail.toPlainText())
    data = json.loads((config_dir() / NOTES_FILE).read_text())
    assert data["notes"]["piriformis"]["text"].startswith("Work it")


def test_unknown_muscle_in_notes_is_a_warning_not_an_error(kb):
    path = config_dir() / NOTES_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"schema_version": 1, "notes": {
        "old_muscle": {"text": "kept", "updated": "2026-01-01T00:00:00Z"}}}))
    notes = Notes.load(set(kb.muscles))
    assert notes.available and "old_muscle" in notes.warning
    notes.set("psoas_major", "fine")
    assert "old_muscle" in path.read_text()
