"""Every sentence a person reads goes through the catalogue, the Spanish catalogue says all of it,
and the layout survives a language that runs long."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from PySide6.QtWidgets import QAbstractButton, QLabel
from ui_helpers import desk_window, kiosk_window

from bodymap import i18n
from bodymap.cli import main
from bodymap.knowledge import Selection, Side, load_knowledge
from bodymap.pin import hash_pin
from bodymap.settings import Settings

PACKAGE = Path(i18n.__file__).parent
KEYWORDS = {"_": None, "n_": (1, 2), "p_": ((1, "c"), 2)}
TEXT_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setAccessibleName", "setStatusTip",
    "showMessage", "addItem", "addTab", "setHorizontalHeaderLabels", "addMenu", "QLabel", "QPushButton",
    "QAction", "QToolButton", "QCheckBox", "QMessageBox", "tell", "button", "setLabel", "drawText", "addButton",
    "show_warning",
}  # fmt: skip
ALLOWED = {"bodymap", "left", "−", "+", "×"}
"""Words that are the same in every language: the name, a plot axis's side, and symbols."""
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _po(language: str):
    with (PACKAGE / "locale" / language / "LC_MESSAGES" / "bodymap.po").open("rb") as handle:
        return read_po(handle)


def test_every_marked_message_is_in_the_template():
    """The template is extracted from the code: a message marked since (or in an f-string, where the
    extractor cannot see it) would show in English in every language."""
    found = {message for _file, _line, message, *_rest in extract_from_dir(PACKAGE, keywords=KEYWORDS)}
    found = {m if isinstance(m, str) else m[0] for m in found if m}
    with (PACKAGE / "locale" / "bodymap.pot").open("rb") as handle:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert found - template == set(), "run bash tools/messages.sh"


def test_no_words_for_people_are_written_straight_into_the_widgets():
    misses = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for call in ast.walk(ast.parse(source)):
            if not isinstance(call, ast.Call):
                continue
            name = getattr(call.func, "attr", getattr(call.func, "id", None))
            if name not in TEXT_CALLS:
                continue
            for arg in call.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    words = re.sub(r"<[^>]+>", "", arg.value).strip()
                    if re.search(r"[A-Za-z]", words) and words not in ALLOWED:
                        misses.append(f"{path.relative_to(PACKAGE)}:{arg.lineno}: {arg.value!r}")
                if isinstance(arg, ast.JoinedStr):
                    literal = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
                    if re.search(r"[A-Za-z]{3,}", re.sub(r"<[^>]+>|&\w+;|style='[^']*'", "", literal)):
                        misses.append(f"{path.relative_to(PACKAGE)}:{arg.lineno}: f-string with words")
    assert misses == []


def test_the_spanish_catalogue_is_complete_and_keeps_every_placeholder():
    catalogue = _po("es")
    with (PACKAGE / "locale" / "bodymap.pot").open("rb") as handle:
        template = [m for m in read_po(handle) if m.id]
    problems = []
    for message in template:
        translated = catalogue.get(message.id, message.context)
        strings = translated.string if translated else None
        strings = list(strings) if isinstance(strings, tuple) else [strings]
        if not translated or translated.fuzzy or not all(strings):
            problems.append(f"missing: {message.id!r}")
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            if set(PLACEHOLDER.findall(string)) != wanted:
                problems.append(f"placeholders differ: {message.id!r} -> {string!r}")
    assert problems == []


def test_the_compiled_spanish_catalogue_matches_its_source():
    with (PACKAGE / "locale" / "es" / "LC_MESSAGES" / "bodymap.mo").open("rb") as handle:
        compiled = read_mo(handle)
    source = _po("es")
    differ = [m.id for m in source if m.id and compiled.get(m.id, m.context) is None]
    assert differ == [], "run bash tools/messages.sh (it compiles the catalogues)"


@pytest.fixture
def spanish():
    i18n.set_language("es")
    yield load_knowledge(language="es")
    i18n.set_language("en")


def test_a_muscle_in_spanish_from_the_command_line(capsys):
    assert main(["--lang", "es", "muscle", "gluteus_medius"]) == 0
    said = capsys.readouterr().out
    assert "Glúteo medio" in said and "Nervio glúteo superior" in said
    assert "Origin:" not in said and "Trigger points" not in said
    i18n.set_language("en")


def test_a_query_and_a_handout_in_spanish(capsys, tmp_path):
    from pypdf import PdfReader

    assert main(["--lang", "es", "query", "thigh_outer:left"]) == 0
    said = capsys.readouterr().out
    assert "Glúteo menor, lado izquierdo" in said and "Outer thigh" not in said
    output = tmp_path / "h.pdf"
    assert main(["--lang", "es", "handout", "--select", "thigh_outer:left", "--output", str(output)]) == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(output)).pages)
    for english in ("Your pain map", "Where it hurts", "How to release it yourself", "See a clinician"):
        assert english not in text
    assert "Glúteo menor" in text
    i18n.set_language("en")


def test_the_translations_report_says_spanish_is_complete(capsys):
    import json

    assert main(["translations", "--json"]) == 0
    spanish = json.loads(capsys.readouterr().out)["languages"]["es"]
    assert spanish["messages"]["percent"] == 100.0 and spanish["content"]["percent"] == 100.0
    assert spanish["content"]["stale"] == 0 and spanish["problems"] == []


@pytest.fixture
def pseudo():
    i18n.set_language(i18n.PSEUDO)
    yield
    i18n.set_language("en")


def _cut(widget) -> list[str]:
    """Visible buttons and one-line labels whose words do not fit them."""
    cut = []
    for button in widget.findChildren(QAbstractButton):
        text = button.text().replace("&", "")
        if button.isVisible() and text and button.fontMetrics().horizontalAdvance(text) > button.width():
            cut.append(f"button {text!r}: {button.width()} px")
    for label in widget.findChildren(QLabel):
        text = label.text()
        if not label.isVisible() or not text:
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 2:
                cut.append(f"label {text[:40]!r}: {label.height()} px high")
        elif "<" not in text and label.fontMetrics().horizontalAdvance(text) > label.width() + 1:
            cut.append(f"label {text!r}: {label.width()} px")
    return cut


def test_a_language_forty_percent_longer_cuts_no_button_or_label(qtbot, kb, pseudo):
    window = desk_window(kb, Settings(first_run_notice_seen=True))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.session.set_selections([Selection("thigh_outer", Side.LEFT), Selection("groin", Side.LEFT)])
    qtbot.wait(50)
    assert _cut(window) == []


def test_presentation_in_a_long_language_cuts_no_caption(qtbot, kb, pseudo):
    window = desk_window(kb, Settings(first_run_notice_seen=True))
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    window.session.set_selections([Selection("groin", Side.RIGHT), Selection("thigh_inner", Side.RIGHT)])
    window.presenter.enter()
    qtbot.wait(50)
    assert _cut(window.presenter.bar) == []
    window.presenter.leave()


@pytest.mark.parametrize("size", [(1366, 768), (800, 1280)])
def test_the_kiosk_in_a_long_language_cuts_nothing(qtbot, kb, pseudo, size):
    window = kiosk_window(kb, Settings(first_run_notice_seen=True, kiosk_pin=hash_pin("482916")))
    qtbot.addWidget(window)
    window.kiosk.guard.stop()  # the test screen is larger: take the kiosk's screen size
    window.resize(*size)
    window.show()
    qtbot.wait(50)
    assert _cut(window.kiosk.welcome) == []
    window.kiosk.welcome.start_button.click()
    window.session.set_selections([Selection("knee_front", Side.RIGHT)])
    qtbot.wait(50)
    assert _cut(window) == []
    window.close()


def test_choosing_spanish_uses_its_catalogue_and_its_dates():
    """Round 1 reported English as the language in use whatever was chosen, so dates stayed English."""
    import datetime

    from bodymap import wording

    i18n.set_language("es")
    try:
        assert i18n.language() == "es"
        assert wording.day(datetime.date(2026, 11, 1)) == "1 de noviembre de 2026"
    finally:
        i18n.set_language("en")
