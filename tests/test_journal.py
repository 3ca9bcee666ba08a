"""The private pain journal: what the command line and the window put in it, what they show from
it, and that it survives a killed process and is never replaced when damaged."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import click, kiosk_window

from bodymap.cli import main
from bodymap.journal import Journal, Place, default_path, not_easing
from bodymap.knowledge import Quality, Selection, Side
from bodymap.settings import Settings
from bodymap.ui.journal_view import AddEntryDialog

OUTER_LEFT = Selection("thigh_outer", Side.LEFT)
DAY = dt.datetime(2026, 11, 1, 9, 0).astimezone()


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own check of an argument's form
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def _answer_question(button: QMessageBox.StandardButton) -> None:
    """Press a button of the question box about to be shown (it waits for an answer)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(20, press)

    QTimer.singleShot(0, press)


# -- the command line ------------------------------------------------------------------------


def test_two_entries_are_listed_with_their_intensities_and_exported_as_two_rows(capsys, tmp_path):
    assert _run(capsys, "journal", "add", "thigh_outer:left=7", "--at", "2026-11-01T09:00")[0] == 0
    code, out, _err = _run(
        capsys, "journal", "add", "thigh_outer:left=4", "--at", "2026-11-08T09:00", "--muscle", "tensor_fasciae_latae"
    )
    assert code == 0 and "added entry 2" in out
    code, out, _err = _run(capsys, "journal", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and listed["file"] == str(default_path())
    assert [(e["at"][:16], [p["intensity"] for p in e["places"]]) for e in listed["entries"]] == [
        ("2026-11-01T09:00", [7]),
        ("2026-11-08T09:00", [4]),
    ]
    assert listed["entries"][1]["muscles"] == ["tensor_fasciae_latae"] and listed["not_easing"] == []
    table = tmp_path / "j.csv"
    code, out, _err = _run(capsys, "journal", "export", "--output", str(table))
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert code == 0 and "2 rows" in out
    assert [(r["region"], r["side"], r["intensity"]) for r in rows] == [
        ("thigh_outer", "left", "7"),
        ("thigh_outer", "left", "4"),
    ]


def test_an_entry_can_be_deleted_and_so_can_the_whole_journal(capsys):
    for day in ("2026-11-01T09:00", "2026-11-02T09:00"):
        _run(capsys, "journal", "add", "groin:right=6", "--at", day)
    assert _run(capsys, "journal", "delete", "1")[0] == 0
    assert [e.id for e in Journal().entries()] == [2]
    code, _out, err = _run(capsys, "journal", "delete", "1")
    assert code == 2 and "no entry 1" in err
    assert _run(capsys, "journal", "delete", "--all")[0] == 0
    assert not default_path().exists() and not list(default_path().parent.glob("journal*"))


def test_a_pdf_report_has_pages(capsys, tmp_path):
    from pypdf import PdfReader

    _run(capsys, "journal", "add", "thigh_outer:left=7", "groin:left=3", "--at", "2026-11-01T09:00")
    _run(capsys, "journal", "add", "thigh_outer:left=5", "--at", "2026-11-08T09:00", "--muscle", "vastus_lateralis")
    report = tmp_path / "j.pdf"
    code, out, _err = _run(capsys, "journal", "export", "--output", str(report))
    assert code == 0 and report.is_file()
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(report).pages)
    assert "Outer thigh" in text and "Vastus lateralis" in text


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["journal", "add", "thigh_outr:left=7"], "did you mean thigh_outer"),
        (["journal", "add", "thigh_outer:left=11"], "from 0 to 10"),
        (["journal", "add", "thigh_outer:left=7", "--at", "yesterday"], "not a date"),
        (["journal", "add", "thigh_outer:left=7", "--muscle", "psoas"], "psoas"),
        (["journal", "export", "--output", "j.txt"], ".csv"),
        (["journal", "delete"], "--all"),
        (["journal"], "journal list"),
    ],
)
def test_wrong_journal_arguments_say_what_is_wrong_and_write_nothing(capsys, argv, says):
    code, _out, err = _run(capsys, *argv)
    assert code == 2 and says in err.strip().splitlines()[-1] and "Traceback" not in err
    assert not default_path().exists()


# -- a journal that cannot be used is kept as it is --------------------------------------------


def _journal_with_entries(count: int) -> bytes:
    journal = Journal()
    for day in range(count):
        journal.add([Place(OUTER_LEFT, day % 11)], DAY + dt.timedelta(days=day), note="x" * 300)
    journal.close()
    return default_path().read_bytes()


def _damage(data: bytes) -> bytes:
    """Scribble over the pages after the first: the header is fine, the tables are not."""
    middle = bytearray(data)
    for offset in range(4096, len(middle), 997):
        middle[offset : offset + 64] = b"\xa5" * 64
    return bytes(middle)


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda data: _damage(data), "damaged"),
        (lambda data: b"my shopping list\n" * 40, "not an SQLite database"),
    ],
)
def test_a_damaged_journal_is_reported_and_kept_byte_for_byte(capsys, make, says):
    damaged = make(_journal_with_entries(40))
    default_path().write_bytes(damaged)
    for argv in (["journal", "list"], ["journal", "add", "groin:left=3"], ["journal", "export", "--output", "x.csv"]):
        code, _out, err = _run(capsys, *argv)
        assert code == 2 and str(default_path().name) in err and "kept" in err, argv
        assert "Traceback" not in err
    assert default_path().read_bytes() == damaged


def test_a_journal_from_a_newer_bodymap_is_refused_and_kept(capsys):
    _journal_with_entries(2)
    with sqlite3.connect(default_path()) as db:
        db.execute("PRAGMA user_version = 7")
    db.close()
    before = default_path().read_bytes()
    code, _out, err = _run(capsys, "journal", "add", "groin:left=3")
    assert code == 2 and "newer version" in err and "version 7" in err
    assert default_path().read_bytes() == before


WRITER = textwrap.dedent(
    """
    import datetime as dt, sys
    from bodymap.journal import Journal, Place
    from bodymap.knowledge import Selection, Side
    journal = Journal()
    places = [Place(Selection("thigh_outer", Side.LEFT), 6), Place(Selection("groin", Side.RIGHT), 3)]
    for n in range(100_000):
        entry = journal.add(places, dt.datetime(2026, 1, 1).astimezone() + dt.timedelta(hours=n),
                            ["vastus_lateralis", "pectineus"], "n" * 2000)
        print(entry, flush=True)
    """
)


@pytest.mark.parametrize("after", [1, 17, 60])
def test_a_process_killed_while_writing_leaves_whole_entries(after):
    """Kill the writer at some point in its stream of entries: the journal opens, passes SQLite's
    check, and every entry in it is whole (both places, both muscles, the whole note)."""
    writer = subprocess.Popen([sys.executable, "-c", WRITER], stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    assert writer.stdout is not None
    committed = [int(writer.stdout.readline()) for _ in range(after)]
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    with sqlite3.connect(default_path()) as db:
        assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    db.close()
    entries = Journal().entries()
    assert len(entries) >= committed[-1]  # nothing it said was saved is missing
    for entry in entries:
        assert len(entry.places) == 2 and entry.muscles == ("vastus_lateralis", "pectineus")
        assert entry.note == "n" * 2000


# -- whether it is getting better ------------------------------------------------------------


def test_a_place_that_has_not_eased_in_two_weeks_is_named(capsys):
    journal = Journal()
    for day, value in ((0, 6), (5, 7), (15, 6)):
        journal.add(
            [Place(OUTER_LEFT, value), Place(Selection("groin", Side.LEFT), 8 - day // 3)], DAY + dt.timedelta(days=day)
        )
    assert not_easing(journal.entries()) == [OUTER_LEFT]
    code, out, _err = _run(capsys, "journal", "list")
    assert code == 0 and "Outer thigh, left" in out and "physiotherapist" in out


def test_a_place_that_eases_or_is_too_recent_is_not_named():
    journal = Journal()
    journal.add([Place(OUTER_LEFT, 7)], DAY)
    journal.add([Place(OUTER_LEFT, 7)], DAY + dt.timedelta(days=6))
    assert not_easing(journal.entries()) == []  # less than two weeks of entries
    journal.add([Place(OUTER_LEFT, 3)], DAY + dt.timedelta(days=15))
    assert not_easing(journal.entries()) == []  # it eased


# -- the window ------------------------------------------------------------------------------


def test_add_to_my_journal_saves_the_map_on_screen(qtbot, window):
    click(qtbot, window, "front", "thigh_outer", Side.LEFT)
    window.session.set_intensity(OUTER_LEFT, 7)
    window.session.set_quality(OUTER_LEFT, Quality.BURNING)
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(AddEntryDialog, "journal_add")
    assert dialog is not None and dialog.isVisible()
    first = dialog.muscles.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    dialog.note.setText("ball against the wall")
    dialog.accept()
    [entry] = Journal().entries()
    assert entry.places == (Place(OUTER_LEFT, 7, Quality.BURNING),)
    assert entry.muscles == (first.data(Qt.ItemDataRole.UserRole),) and entry.note == "ball against the wall"
    assert "Added to your journal (1 entry)" in window.statusBar().currentMessage()


def test_add_with_nothing_chosen_says_what_to_do_and_writes_nothing(qtbot, window):
    window.actions_by_id["journal_add"].trigger()
    box = window.findChild(QMessageBox, "message")
    assert box is not None and box.isVisible() and "Choose where it hurts" in box.text()
    assert not default_path().exists()


def test_the_journal_view_plots_each_place_and_compares_two_maps(qtbot, window):
    journal = Journal()
    for day, (outer, groin) in enumerate(((7, 4), (6, 4), (4, 2))):
        journal.add(
            [Place(OUTER_LEFT, outer), Place(Selection("groin", Side.LEFT), groin)],
            DAY + dt.timedelta(days=day * 3),
            muscles=["vastus_lateralis"] if day == 1 else [],
        )
    window.actions_by_id["journal_view"].trigger()
    view = window.journal.dialog
    assert view is not None and view.isVisible() and view.model.rowCount() == 3
    names = [item.name() for item in view.plot.plotItem.listDataItems()]
    assert names == ["Outer thigh, left", "Groin, left", "The worst place that day", "A muscle was worked on"]
    worst = view.plot.plotItem.listDataItems()[2]
    assert list(worst.yData) == [7, 6, 4]
    assert "3 entries" in view.advice.text()
    # Each map shows where it hurt and nothing else: no candidate muscles, no trigger-point marks.
    for picture in view.pictures:
        scene = picture.scene()
        assert scene.marks() == [] and scene.session.ranking
    # The oldest and the newest map side by side until two entries are chosen.
    assert [p.caption.text() for p in view.pictures] == [
        view.pictures[0].caption.text(),
        view.pictures[1].caption.text(),
    ] and view.pictures[0].caption.text() != view.pictures[1].caption.text()


def test_deleting_the_whole_journal_asks_first(qtbot, window):
    Journal().add([Place(OUTER_LEFT, 5)], DAY)
    window.actions_by_id["journal_view"].trigger()
    view = window.journal.dialog
    _answer_question(QMessageBox.StandardButton.Cancel)
    view.delete_all_button.click()
    assert default_path().exists() and view.model.rowCount() == 1
    _answer_question(QMessageBox.StandardButton.Yes)
    view.delete_all_button.click()
    assert not default_path().exists() and view.model.rowCount() == 0
    assert not view.delete_all_button.isEnabled()


def test_a_damaged_journal_is_shown_as_such_in_the_window_and_kept(qtbot, window):
    damaged = _damage(_journal_with_entries(40))
    default_path().write_bytes(damaged)
    window.actions_by_id["journal_view"].trigger()
    view = window.journal.dialog
    assert "damaged" in view.advice.text() and "kept" in view.advice.text()
    click(qtbot, window, "front", "thigh_outer", Side.LEFT)
    window.journal.save([Place(OUTER_LEFT, 5)], DAY, [], "")
    box = window.findChild(QMessageBox, "message")
    assert box is not None and "kept" in box.text()
    assert default_path().read_bytes() == damaged


def test_a_kiosk_has_no_journal_and_writes_none(qtbot, kb):
    window = kiosk_window(kb, Settings(first_run_notice_seen=True))
    qtbot.addWidget(window)
    window.show()
    for action_id in ("journal_add", "journal_view"):
        action = window.actions_by_id[action_id]
        assert not action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert not default_path().exists()


def test_an_open_journal_sees_entries_another_process_added(capsys):
    """The window keeps the entries it read; an entry added meanwhile from the command line (another
    connection) still shows on the next read, and so does one deleted there."""
    window_journal = Journal()
    window_journal.add([Place(OUTER_LEFT, 6)], DAY)
    assert len(window_journal.entries()) == 1
    _run(capsys, "journal", "add", "groin:left=3", "--at", "2026-11-02T09:00")
    assert [e.places[0].selection.region for e in window_journal.entries()] == ["thigh_outer", "groin"]
    window_journal.add([Place(OUTER_LEFT, 4)], DAY - dt.timedelta(days=1))  # back-dated: goes first
    assert [e.places[0].intensity for e in window_journal.entries()] == [4, 6, 3]
    _run(capsys, "journal", "delete", "2")
    assert [e.places[0].intensity for e in window_journal.entries()] == [4, 6]


def test_a_place_this_version_does_not_know_is_left_out_and_said(capsys, qtbot, window, tmp_path):
    """A region renamed or removed since an entry was written: the journal still shows the rest, says
    which region it left out, and keeps the file as it is (the window used to fail drawing it)."""
    journal = Journal()
    journal.add([Place(OUTER_LEFT, 6), Place(Selection("groin", Side.LEFT), 3)], DAY)
    journal.add([Place(Selection("groin", Side.LEFT), 4)], DAY + dt.timedelta(days=1))
    journal.close()
    with sqlite3.connect(default_path()) as db:
        db.execute("UPDATE place SET region = 'old_region' WHERE region = 'groin'")
    db.close()
    before = default_path().read_bytes()
    code, out, _err = _run(capsys, "journal", "list")
    assert code == 0 and "Outer thigh, left 6/10" in out and "old_region" in out.splitlines()[-1]
    code, out, _err = _run(capsys, "journal", "export", "--output", str(tmp_path / "j.pdf"))
    assert code == 0 and "old_region" in out
    window.actions_by_id["journal_view"].trigger()
    view = window.journal.dialog
    assert view.model.rowCount() == 1 and "old_region" in view.advice.text()
    assert default_path().read_bytes() == before
