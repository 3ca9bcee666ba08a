"""Whatever a user or content author hands us ends in a result or one clear error.

Data files, command lines and SVG files are generated or mutated at random; the checks
are that nothing escapes as an unexpected exception, nothing hangs, and nothing outside
the given input is read.
"""

from __future__ import annotations

import shutil
import string
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bodymap.cli import main
from bodymap.diagram import DiagramError, read_diagram
from bodymap.knowledge import DataErrors, load_knowledge
from bodymap.resources import resource_dir

DATA = resource_dir("data")
SAMPLE = (DATA / "muscles" / "gluteus_minimus.toml").read_text()
COMMANDS = {"query", "regions", "muscle", "muscles", "validate", "render", "schema", "coverage"}
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _folder(tmp_path, muscle_text: str):
    folder = tmp_path / "data"
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "muscles").mkdir(parents=True)
    for name in ("regions.toml", "safety.toml"):
        shutil.copy(DATA / name, folder / name)
    (folder / "muscles" / "m.toml").write_text(muscle_text, encoding="utf-8")
    return folder


@FUZZ
@given(text=st.text(alphabet=string.printable + "éü€\x00", max_size=400))
def test_random_toml_gives_data_errors_or_a_knowledge_base(tmp_path, text):
    try:
        load_knowledge(_folder(tmp_path, text))
    except DataErrors as errors:
        assert errors.errors and all(e.file.name.endswith(".toml") for e in errors.errors)


@FUZZ
@given(data=st.data())
def test_mutated_muscle_files_give_clear_errors(tmp_path, data):
    lines = SAMPLE.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "garble", "swap"]))
        if action == "drop":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "garble":
            cut = data.draw(st.integers(0, max(0, len(lines[index]))))
            lines[index] = lines[index][:cut] + data.draw(st.text(max_size=5))
        else:
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        if not lines:
            lines = [""]
    try:
        load_knowledge(_folder(tmp_path, "\n".join(lines)))
    except DataErrors as errors:
        for error in errors.errors:
            assert error.message and str(error).startswith(str(error.file))


@FUZZ
@given(argv=st.lists(st.sampled_from([
    "query", "regions", "muscle", "muscles", "validate", "render", "schema", "--json", "--select", "--output",
    "--view", "both", "sideways", "groin:left", "groin:up", "sacrum:left", "nowhere", "psoas_major", ":", "",
    "--muscle", "/nonexistent/out.png", "x.gif", "-h", "--paper", "coverage", "--version",
]), max_size=5))
def test_command_line_never_shows_a_traceback(capsys, argv):
    # Without a command bodymap opens its window, which is tested elsewhere.
    assume(any(a in COMMANDS or a in ("-h", "--version") for a in argv))
    try:
        status = main(argv)
    except SystemExit as exited:  # argparse: --help, --version and usage errors
        status = exited.code
    assert status in (0, 2, None)
    assert "Traceback" not in capsys.readouterr().err


def test_command_line_errors_in_a_real_process_are_one_line():
    for argv in (["query"], ["render", "--output", "x.gif"], ["validate", "/nonexistent"], ["--kiosk", "query"]):
        result = subprocess.run([sys.executable, "-m", "bodymap", *argv], capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, argv
        assert "Traceback" not in result.stderr


def _svg(tmp_path, body: str | bytes, name: str = "f.svg"):
    path = tmp_path / name
    path.write_bytes(body if isinstance(body, bytes) else body.encode())
    return path


BAD_SVGS = {
    "billion laughs": '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
                      '<svg xmlns="http://www.w3.org/2000/svg">&lol2;</svg>',
    "external entity": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                       '<svg xmlns="http://www.w3.org/2000/svg"><desc>&xxe;</desc></svg>',
    "external file reference": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                               'viewBox="0 0 10 10"><use xlink:href="/etc/passwd#x"/></svg>',
    "huge numbers": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                    '<path id="silhouette" d="M0 0 L1e308 1e308 L-1e308 5 C 1e999 1e999 2 2 3 3 Z"/></svg>',
    "deep nesting": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">' + "<g>" * 5000 + "</g>" * 5000 + "</svg>",
    "not xml": "this is not an svg at all <<<",
    "truncated": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path id="silhouette" d="M0 0 L',
    "binary": bytes(range(256)) * 4,
    "infinite trigger point": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                              '<path id="silhouette" d="M0 0H9V9Z"/><circle id="tp.a.b.left" cx="1e999" cy="0" r="1"/></svg>',
    "infinite details": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path id="silhouette" d="M0 0H9V9Z"/>'
                        '<g id="details"><path d="M0 0 L1e999 1"/></g></svg>',
}


@pytest.mark.parametrize("name", sorted(BAD_SVGS))
def test_hostile_svg_ends_in_one_clear_error(tmp_path, name):
    path = _svg(tmp_path, BAD_SVGS[name])
    try:
        diagram = read_diagram(path, "front")
    except DiagramError as error:
        assert str(path) in str(error)
    else:  # parsed into something harmless: it must not contain anything from outside the file
        assert diagram.source == path


def test_ten_megabyte_svg_is_refused_before_parsing(tmp_path):
    path = _svg(tmp_path, b"<svg>" + b" " * (10 * 1024 * 1024) + b"</svg>")
    with pytest.raises(DiagramError, match="larger than"):
        read_diagram(path, "front")


@FUZZ
@given(body=st.text(alphabet="<>/=\" svgpathidM0123456789.LZCx-", max_size=300))
def test_random_svg_text_gives_a_diagram_or_a_diagram_error(tmp_path, body):
    path = _svg(tmp_path, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">' + body + "</svg>")
    try:
        read_diagram(path, "back")
    except DiagramError as error:
        assert str(path) in str(error)
