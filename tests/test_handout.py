"""The client handout: a real PDF whose text a client (and a test) can read."""

from __future__ import annotations

from pypdf import PdfReader

from bodymap.cli import main
from bodymap.knowledge import Selection, Side, rank
from bodymap.notes import Notes


def _text(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def test_handout_for_left_outer_thigh(kb, tmp_path, capsys):
    output = tmp_path / "h.pdf"
    assert main(["handout", "--select", "thigh_outer:left", "--paper", "a4", "--output", str(output)]) == 0
    assert output.read_bytes()[:5] == b"%PDF-"
    pages = _text(output)
    assert len(pages) >= 2
    text = " ".join(" ".join(p.split()) for p in pages)
    top = [r.muscle for r in rank(kb, [Selection("thigh_outer", Side.LEFT)])[:3]]
    for muscle in top:
        assert muscle.name in text
        first_step = " ".join(muscle.self_release[0].steps.split())[:40]
        assert first_step in text, muscle.id
    assert "FRONT" in pages[0] and "BACK" in pages[0]
    for page in pages:
        flat = " ".join(page.split())
        assert "does not diagnose" in flat and "See a clinician now" in flat
    assert "wrote" in capsys.readouterr().out


def test_handout_page_size_follows_the_option(tmp_path):
    a4, letter = tmp_path / "a4.pdf", tmp_path / "letter.pdf"
    assert main(["handout", "--muscle", "psoas_major", "--paper", "a4", "--output", str(a4)]) == 0
    assert main(["handout", "--muscle", "psoas_major", "--paper", "letter", "--output", str(letter)]) == 0
    a4_box = PdfReader(str(a4)).pages[0].mediabox
    letter_box = PdfReader(str(letter)).pages[0].mediabox
    assert round(float(a4_box.height)) == 842 and round(float(letter_box.height)) == 792


def test_handout_includes_the_therapists_note(kb, tmp_path, monkeypatch):
    notes = Notes.load(set(kb.muscles))
    notes.set("psoas_major", "Breathe out slowly while I press: cue word BALLOON.")
    output = tmp_path / "n.pdf"
    assert main(["handout", "--muscle", "psoas_major", "--output", str(output)]) == 0
    assert "BALLOON" in " ".join(_text(output))


def test_handout_needs_something_to_describe(capsys, tmp_path):
    assert main(["handout", "--output", str(tmp_path / "x.pdf")]) == 2
    assert "--select" in capsys.readouterr().err


def test_handout_carries_the_red_flags_of_the_place_and_the_general_cautions(kb, tmp_path):
    """Issue 15: the calf's clot flag on every page, and each general caution a technique links to, explained
    under 'Before you start' as the technique's 'see Before you start' promises."""
    output = tmp_path / "calf.pdf"
    assert main(["handout", "--select", "calf_upper:left", "--muscle", "gastrocnemius", "--output", str(output)]) == 0
    pages = [" ".join(page.split()) for page in _text(output)]
    (clot,) = [f for f in kb.safety.red_flag if f.id == "calf_clot"]
    clue = " ".join(clot.sign.split()[1:6])
    assert all(clue in page for page in pages)
    text = " ".join(pages)
    assert "see Before you start" in text
    gastrocnemius = kb.muscle("gastrocnemius")
    for caution in kb.safety.cautions_of(gastrocnemius):
        assert caution.title in text and " ".join(caution.text.split()[:6]) in text, caution.id
