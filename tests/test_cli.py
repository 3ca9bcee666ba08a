"""The headless command line, as scripts and people use it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bodymap.cli import main


def _json(capsys, *argv: str):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for command in ("regions", "muscles", "muscle", "query", "validate", "schema", "render", "snapshot"):
        assert command in out


def test_regions_json(capsys, kb):
    regions = _json(capsys, "regions", "--json")
    assert {"id", "label", "views", "sides"} <= set(regions[0])
    assert len(regions) == len(kb.regions)
    assert sum(len(r["sides"]) for r in regions) == 200


def test_muscle_json_is_the_full_record(capsys):
    record = _json(capsys, "muscle", "gluteus_minimus", "--json")
    assert record["id"] == "gluteus_minimus"
    assert record["referral"] and record["self_release"] and record["sources"]


def test_muscles_json(capsys, kb):
    assert [m["id"] for m in _json(capsys, "muscles", "--json")] == list(kb.muscles)


def test_query_json_fields(capsys):
    answer = _json(capsys, "query", "thigh_outer:left", "--json")
    ranked = answer["muscles"]
    assert {"id", "name", "title", "side", "score", "explains", "why"} <= set(ranked[0])
    assert ranked[0]["explains"][0]["region"] == "thigh_outer"
    assert answer["places"] == [{"region": "thigh_outer", "side": "left", "intensity": None}]


def test_query_weighs_how_much_each_place_hurts(capsys, kb):
    """The worst place leads: outer thigh at 8 and groin at 2 put an outer-thigh muscle first, and the
    other way round a groin muscle."""
    for worst, mild in (("thigh_outer", "groin"), ("groin", "thigh_outer")):
        answer = _json(capsys, "query", f"{worst}:left=8", f"{mild}:left=2", "--json")
        top = answer["muscles"][0]
        assert worst in {e["region"] for e in top["explains"]}
        assert [p["intensity"] for p in answer["places"]] == [8, 2]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["query", "thigh_outr:left"], "did you mean thigh_outer"),
        (["query", "thigh_outer:up"], "side must be 'left' or 'right'"),
        (["query", "sacrum:left"], "midline"),
        (["muscle", "gluteus_minimu"], "did you mean gluteus_minimus"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_installed_entry_point_runs_without_traceback():
    result = subprocess.run([sys.executable, "-m", "bodymap", "query", "nowhere:left"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "unknown region 'nowhere'" in result.stderr and "Traceback" not in result.stderr


def test_schema_describes_every_muscle_field(capsys):
    schema = _json(capsys, "schema")
    properties = schema["muscle_file"]["properties"]
    assert "origin" in properties and "referral" in properties
    missing = [name for name, prop in properties.items() if "description" not in prop and "$ref" not in prop]
    assert missing == []


def test_window_without_a_display_is_a_clear_error(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([]) == 2
    assert "no display" in capsys.readouterr().err


def test_coverage_marks_no_region_or_muscle(capsys):
    """Every region has its three candidates and every muscle every field it needs (a stretch is
    needed only where one applies: the sternalis moves no joint, so it has none)."""
    assert main(["coverage"]) == 0
    marked = [line for line in capsys.readouterr().out.splitlines() if line.startswith(" !")]
    assert marked == []
