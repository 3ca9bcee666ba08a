"""Whatever a user or content author hands us ends in a result or one clear line: no traceback, no
hang, no false success, and no file of theirs overwritten.

Data files, diagrams, user files, command lines and output paths are generated, mutated or made
hostile on purpose (deep nesting, huge numbers, special files, bad paths, byte-order marks, files
from a newer version); each class of input has its own test.
"""

from __future__ import annotations

import os
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bodymap.cli import main
from bodymap.diagram import DiagramError, read_diagram
from bodymap.knowledge import DataErrors, load_knowledge
from bodymap.notes import NOTES_FILE, Notes
from bodymap.paths import config_dir
from bodymap.resources import resource_dir
from bodymap.settings import SETTINGS_FILE, SettingsStore

DATA = resource_dir("data")
SAMPLE = (DATA / "muscles" / "gluteus_minimus.toml").read_text()
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def _folder(tmp_path: Path, muscle_text: str) -> Path:
    folder = tmp_path / "data"
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "muscles").mkdir(parents=True)
    for name in ("views.toml", "regions.toml", "safety.toml"):
        shutil.copy(DATA / name, folder / name)
    (folder / "search_terms.toml").write_text("schema_version = 2\n")
    (folder / "muscles" / "gluteus_minimus.toml").write_text(muscle_text, encoding="utf-8")
    return folder


def test_the_fuzzing_folder_is_valid_before_it_is_broken(tmp_path):
    """The mutations below start from data that loads: a broken starting point would make them pass for nothing."""
    kb = load_knowledge(_folder(tmp_path, SAMPLE))
    assert "gluteus_minimus" in kb.muscles


@FUZZ
@given(text=st.text(alphabet=string.printable + "éü€\x00", max_size=400))
def test_random_toml_gives_data_errors(tmp_path, text):
    with pytest.raises(DataErrors) as errors:
        load_knowledge(_folder(tmp_path, text))
    assert errors.value.errors and all(e.file.name.endswith(".toml") for e in errors.value.errors)


@FUZZ
@given(data=st.data())
def test_mutated_muscle_files_load_or_give_clear_errors(tmp_path, data):
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


DEEP_TOML = {
    "deep array": "x = " + "[" * 5000 + "]" * 5000 + "\n",
    "deep inline table": "x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n",
    "deep array in a used field": "synonyms = " + "[" * 900 + '"a"' + "]" * 900 + "\n",
    "deep dotted key": "a" + ".a" * 50_000 + " = 1\n",
    "huge integer": "x = " + "9" * 5000 + "\n",
}


@pytest.mark.parametrize("name", sorted(DEEP_TOML))
def test_data_files_built_too_deep_or_too_large_are_one_error(tmp_path, name):
    folder = _folder(tmp_path, DEEP_TOML[name] + SAMPLE)
    with pytest.raises(DataErrors) as caught:
        load_knowledge(folder)
    assert any(e.file.name == "gluteus_minimus.toml" for e in caught.value.errors)


def _special_file(path: Path, kind: str) -> None:
    """Put something that is not a regular file where a file is read: a FIFO (reading it would
    block), a link to /dev/zero (endless), a folder, or a link to itself."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev_zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        assert kind == "loop"
        path.symlink_to(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("kind", ["fifo", "dev_zero", "folder", "loop"])
def test_special_files_in_a_data_folder_are_refused_without_blocking(tmp_path, kind, capsys):
    folder = _folder(tmp_path, SAMPLE)
    _special_file(folder / "muscles" / "special.toml", kind)
    assert main(["validate", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "special.toml" in err and "Traceback" not in err


def test_a_wrong_id_a_loose_boolean_and_too_many_files_are_errors(tmp_path, capsys):
    folder = _folder(tmp_path, SAMPLE.replace('id = "gluteus_minimus"', 'id = "glute_min"'))
    regions = folder / "regions.toml"
    regions.write_text(regions.read_text().replace("paired = true", 'paired = "yes"', 1))
    assert main(["validate", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "must be the file's name" in err and "field 'paired'" in err
    for index in range(2001):
        (folder / "muscles" / f"m{index}.toml").write_text("")
    assert main(["validate", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "at most 2000 muscles" in err and len(err.splitlines()) < 210


def _svg(tmp_path: Path, body: str | bytes, name: str = "f.svg") -> Path:
    path = tmp_path / name
    path.write_bytes(body if isinstance(body, bytes) else body.encode())
    return path


SILHOUETTE = '<path id="silhouette" d="M0 0H9V9Z"/>'
BAD_SVGS = {
    "billion laughs": '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    '<svg xmlns="http://www.w3.org/2000/svg">&lol2;</svg>',
    "external entity": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<svg xmlns="http://www.w3.org/2000/svg"><desc>&xxe;</desc></svg>',
    "utf-16 doctype": '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE svg [<!ENTITY x "y">]><svg/>'.encode("utf-16"),
    "external file reference": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'viewBox="0 0 10 10"><use xlink:href="/etc/passwd#x"/></svg>',
    "huge numbers": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<path id="silhouette" d="M0 0 L1e308 1e308 L-1e308 5 C 1e999 1e999 2 2 3 3 Z"/></svg>',
    "far away": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<path id="silhouette" d="M0 0 L90000 0 L0 90000 Z"/></svg>',
    "deep nesting": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    + "<g>" * 5000
    + "</g>" * 5000
    + "</svg>",
    "not xml": "this is not an svg at all <<<",
    "html": "<!-- a web page --><html><body><p>not a drawing</p></body></html>",
    "letters in the viewBox": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="a b c d">' + SILHOUETTE + "</svg>",
    "truncated": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path id="silhouette" d="M0 0 L',
    "binary": bytes(range(256)) * 4,
    "infinite trigger point": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    + SILHOUETTE
    + '<circle id="tp.a.b.left" cx="1e999" cy="0" r="1"/></svg>',
    "infinite details": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    + SILHOUETTE
    + '<g id="details"><path d="M0 0 L1e999 1"/></g></svg>',
    "ten thousand arcs": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path id="silhouette" d="M0 0 '
    + "A 5 5 0 0 1 9 9 " * 25_000
    + 'Z"/></svg>',
}


@pytest.mark.parametrize("name", sorted(BAD_SVGS))
def test_hostile_svg_ends_in_one_clear_error(tmp_path, name):
    path = _svg(tmp_path, BAD_SVGS[name])
    with pytest.raises(DiagramError) as error:
        read_diagram(path, "front")
    assert str(path) in str(error.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("kind", ["missing", "fifo", "dev_zero", "folder", "loop"])
def test_a_diagram_that_is_not_a_file_is_one_error(tmp_path, kind):
    path = tmp_path / "front.svg"
    if kind != "missing":
        _special_file(path, kind)
    with pytest.raises(DiagramError) as error:
        read_diagram(path, "front")
    assert str(path) in str(error.value)


def test_ten_megabyte_svg_is_refused_before_parsing(tmp_path):
    path = _svg(tmp_path, b"<svg>" + b" " * (10 * 1024 * 1024) + b"</svg>")
    with pytest.raises(DiagramError, match="bytes allowed"):
        read_diagram(path, "front")


@FUZZ
@given(body=st.text(alphabet='<>/=" svgpathidM0123456789.LZCx-', max_size=300))
def test_random_svg_text_gives_a_diagram_or_a_diagram_error(tmp_path, body):
    path = _svg(tmp_path, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">' + body + "</svg>")
    try:
        read_diagram(path, "back")
    except DiagramError as error:
        assert str(path) in str(error)


USER_FILES = {
    "deep arrays": "[" * 100_000 + "]" * 100_000,
    "huge integer": '{"kiosk_idle_seconds": ' + "9" * 5000 + "}",
    "not json": "{,,}",
    "newer version": '{"schema_version": 99}',
    "binary": "\x00\x01\x02",
}


@pytest.mark.parametrize("name", sorted(USER_FILES))
@pytest.mark.parametrize("file", [SETTINGS_FILE, NOTES_FILE])
def test_the_window_starts_over_a_broken_user_file_and_keeps_it(qtbot, kb, name, file):
    from ui_helpers import desk_window

    path = config_dir() / file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(USER_FILES[name])
    before = path.read_bytes()
    store = SettingsStore()
    window = desk_window(kb, store.settings, Notes.load(set(kb.muscles)))
    window.store = store
    qtbot.addWidget(window)
    window.show()
    if file == SETTINGS_FILE:
        window.show_warning(store.warning or "")
    assert str(path) in window.warning_label.text()
    window.close()
    assert path.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("kind", ["fifo", "dev_zero"])
def test_special_user_files_do_not_block_the_start(kb, kind):
    for file in (SETTINGS_FILE, NOTES_FILE):
        path = config_dir() / file
        path.parent.mkdir(parents=True, exist_ok=True)
        _special_file(path, kind)
    assert "not a regular file" in (SettingsStore().warning or "")
    assert "not a regular file" in (Notes.load(set(kb.muscles)).warning or "")


def _bad_outputs(tmp_path: Path, suffix: str) -> dict[str, Path]:
    (tmp_path / "a_file").write_text("x")
    (tmp_path / f"dangling{suffix}").symlink_to(tmp_path / "nowhere" / f"x{suffix}")
    (tmp_path / f"loop{suffix}").symlink_to(tmp_path / f"loop{suffix}")
    (tmp_path / f"folder{suffix}").mkdir()
    return {
        "a folder": tmp_path / f"folder{suffix}",
        "inside /proc": Path(f"/proc/bodymap-test{suffix}"),
        "a dangling link": tmp_path / f"dangling{suffix}",
        "a looping link": tmp_path / f"loop{suffix}",
        "a name too long": tmp_path / ("x" * 300 + suffix),
        "a parent that is a file": tmp_path / "a_file" / f"x{suffix}",
        "a missing folder": tmp_path / "nowhere" / f"x{suffix}",
    }


@pytest.mark.parametrize("command", ["render", "snapshot", "handout"])
def test_bad_output_paths_are_one_line_and_never_a_false_success(qapp, tmp_path, capsys, command):
    for name, path in _bad_outputs(tmp_path, ".pdf" if command == "handout" else ".png").items():
        argv = [command, "--select", "groin:left", "--output", str(path)]
        assert main(argv) == 2, name
        out, err = capsys.readouterr()
        assert "wrote" not in out and "Traceback" not in err, name
        assert len(err.strip().splitlines()) == 1 and "error:" in err, (name, err)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["a_file", *(f"{name}{'.pdf' if command == 'handout' else '.png'}" for name in ("dangling", "loop", "folder"))]
    )


def test_commands_that_draw_leave_every_user_file_as_it_was(qapp, tmp_path):
    from PySide6.QtCore import QSettings

    store = SettingsStore()
    store.settings.paper = "letter"
    store.settings.kiosk_idle_seconds = 45
    store.save()
    Notes.load(set()).set("soleus", "Kept as it is")
    window_ini = config_dir() / "window.ini"
    QSettings(str(window_ini), QSettings.Format.IniFormat).setValue("geometry", b"placed")
    files = [config_dir() / SETTINGS_FILE, config_dir() / NOTES_FILE, window_ini]
    before = [p.read_bytes() for p in files]
    for argv in (
        ["render", "--select", "groin:left", "--output", str(tmp_path / "r.png")],
        ["snapshot", "--select", "groin:left", "--output", str(tmp_path / "s.png")],
        ["handout", "--select", "groin:left", "--output", str(tmp_path / "h.pdf")],
    ):
        assert main(argv) == 0
    assert [p.read_bytes() for p in files] == before
    assert sorted(p.name for p in config_dir().iterdir()) == sorted(p.name for p in files)


def test_control_characters_in_arguments_are_shown_escaped(capsys):
    assert main(["query", "thigh\x1b[31m_outer"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b" in err
    with pytest.raises(SystemExit):
        main(["render", "--view", "x\ny", "--output"])
    assert "\n" not in capsys.readouterr().err.strip().split("error:")[-1].strip()


def test_validate_of_an_unusable_path_is_one_line(capsys, tmp_path):
    assert main(["validate", "x" * 120_000]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.splitlines()) <= 2


@pytest.mark.skipif(ROOT, reason="root can write anywhere")
def test_kiosk_setup_in_a_folder_it_cannot_write_is_one_line(tmp_path, monkeypatch, capsys):
    import io

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv("BODYMAP_CONFIG_DIR", str(locked / "config"))
    monkeypatch.setattr("sys.stdin", io.StringIO("246813\n246813\n"))
    assert main(["kiosk-setup"]) == 2
    assert "Traceback" not in capsys.readouterr().err


COMMANDS = ("query", "regions", "views", "muscle", "muscles", "validate", "render", "schema", "coverage", "snapshot")
"""The commands the command-line fuzzer mixes with options and bad values."""


@FUZZ
@given(
    argv=st.lists(
        st.sampled_from(
            [
                *COMMANDS,
                "--json",
                "--select",
                "--output",
                "--view",
                "both",
                "sideways",
                "groin:left",
                "groin:up",
                "groin:left=11",
                "groin:left=٣",
                "sacrum:left",
                "nowhere",
                "psoas_major",
                ":",
                "",
                "--muscle",
                "/nonexistent/out.png",
                "x.gif",
                "-h",
                "--paper",
                "--version",
                "--lang",
                "es",
                "\x1b[2J",
                "--screen",
                "10x10",
            ]
        ),
        max_size=5,
    )
)
def test_command_line_never_shows_a_traceback(capsys, argv):
    if not any(a in COMMANDS or a in ("-h", "--version") for a in argv):
        argv = ["regions", *argv]  # without a command bodymap opens its window, which is tested elsewhere
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
