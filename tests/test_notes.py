"""Therapist notes: saved as they are typed, shown in the panel, merged between windows, never lost."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from ui_helpers import desk_window

from bodymap.knowledge import Selection, Side
from bodymap.notes import NOTES_FILE, Notes
from bodymap.paths import config_dir
from bodymap.settings import Settings


def _saved() -> dict:
    return json.loads((config_dir() / NOTES_FILE).read_text())["notes"]


def test_notes_round_trip(kb):
    notes = Notes.load(set(kb.muscles))
    notes.set("gluteus_medius", "Side-lying, knee on a pillow; 3 slow breaths per spot.")
    again = Notes.load(set(kb.muscles))
    assert again.get("gluteus_medius") == "Side-lying, knee on a pillow; 3 slow breaths per spot."
    again.set("gluteus_medius", "")
    assert Notes.load(set(kb.muscles)).get("gluteus_medius") is None


def test_a_typed_note_survives_ticking_another_region_moving_the_focus_and_closing(qtbot, kb):
    """The editor used to reload the saved note on every change of state, erasing what was typed."""
    window = desk_window(kb, Settings(first_run_notice_seen=True))
    qtbot.addWidget(window)
    window.show()
    window.session.set_selections([Selection("thigh_outer", Side.LEFT)])
    muscle = window.session.focus[0]
    window.note_editor.open_editor()
    qtbot.keyClicks(window.note_editor.edit, "Ball against the wall, 60 s")
    window.session.toggle(Selection("hip_side", Side.LEFT))  # the same muscle stays in focus
    assert window.session.focus[0] == muscle
    assert window.note_editor.edit.toPlainText() == "Ball against the wall, 60 s"
    qtbot.keyClicks(window.note_editor.edit, ", twice a day")
    window.session.step(+1)  # the focus moves on before anything was saved by hand
    assert _saved()[muscle]["text"] == "Ball against the wall, 60 s, twice a day"
    second = window.session.focus[0]
    window.note_editor.open_editor()
    qtbot.keyClicks(window.note_editor.edit, "Gentle: bruises easily")
    window.close()
    assert _saved()[second]["text"] == "Gentle: bruises easily"


def test_a_note_saves_itself_a_moment_after_typing_stops(qtbot, kb):
    window = desk_window(kb, Settings(first_run_notice_seen=True))
    qtbot.addWidget(window)
    window.show()
    window.session.focus_muscle("piriformis")
    window.note_editor.open_editor()
    qtbot.keyClicks(window.note_editor.edit, "Figure-four, never over the sciatic notch.")
    qtbot.waitUntil(lambda: (config_dir() / NOTES_FILE).exists(), timeout=4000)
    assert _saved()["piriformis"]["text"].startswith("Figure-four")
    qtbot.waitUntil(lambda: "Figure-four" in window.detail.toPlainText())
    assert window.note_editor.status.text() == "Saved."


def test_the_note_editor_takes_no_room_until_it_is_used(qtbot, window):
    window.session.focus_muscle("soleus")
    editor = window.note_editor
    assert editor.add.isVisible() and not editor.edit.isVisible()
    qtbot.mouseClick(editor.add, Qt.MouseButton.LeftButton)
    assert editor.edit.isVisible() and editor.edit.hasFocus()


def test_two_windows_keep_each_others_notes(kb):
    """Window A saves a note, window B (opened before) saves another: both are kept."""
    first, second = Notes.load(set(kb.muscles)), Notes.load(set(kb.muscles))
    first.set("soleus", "From A")
    second.set("piriformis", "From B")
    saved = _saved()
    assert saved["soleus"]["text"] == "From A" and saved["piriformis"]["text"] == "From B"


def test_a_window_is_always_given_its_notes_and_a_snapshot_writes_none(qtbot, kb, tmp_path):
    from bodymap.cli import main

    notes = Notes.load(set(kb.muscles))
    notes.set("soleus", "Kept")
    before = (config_dir() / NOTES_FILE).read_bytes()
    assert main(["snapshot", "--muscle", "soleus", "--output", str(tmp_path / "s.png")]) == 0
    assert (config_dir() / NOTES_FILE).read_bytes() == before


def test_corrupt_notes_file_is_kept_and_typed_notes_are_recovered(qtbot, kb):
    path = config_dir() / NOTES_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    broken = '{"schema_version": 1, "notes": {"psoas_major": {"text": "half a no'
    path.write_text(broken)
    notes = Notes.load(set(kb.muscles))
    assert not notes.available and NOTES_FILE in notes.warning
    window = desk_window(kb, Settings(first_run_notice_seen=True), notes)
    qtbot.addWidget(window)
    window.show()
    assert window.warning_label.isVisible() and NOTES_FILE in window.warning_label.text()
    window.session.focus_on("psoas_major")
    window.note_editor.open_editor()
    qtbot.keyClicks(window.note_editor.edit, "new text")
    window.note_editor.save()
    assert "Not saved yet" in window.note_editor.status.text()
    recovered = notes.keep_drafts()
    assert path.read_text() == broken
    assert json.loads(recovered.read_text())["notes"]["psoas_major"]["text"] == "new text"


def test_unknown_muscle_in_notes_is_a_warning_not_an_error(kb):
    path = config_dir() / NOTES_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"schema_version": 1, "notes": {"old_muscle": {"text": "kept", "updated": "2026-01-01T00:00:00Z"}}})
    )
    notes = Notes.load(set(kb.muscles))
    assert notes.available and "old_muscle" in notes.warning
    notes.set("psoas_major", "fine")
    assert "old_muscle" in path.read_text()


def test_a_notes_file_from_a_newer_version_is_never_rewritten(kb):
    path = config_dir() / NOTES_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    newer = json.dumps({"schema_version": 3, "notes": {}, "tags": ["future"]})
    path.write_text(newer)
    notes = Notes.load(set(kb.muscles))
    assert not notes.available and "newer version" in notes.warning
    assert path.read_text() == newer
