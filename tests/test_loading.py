"""Loading real data, and reporting every problem in a broken data folder at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bodymap.cli import main
from bodymap.knowledge import DataErrors, load_knowledge
from bodymap.resources import resource_dir

DATA = resource_dir("data")


def _copy_data(tmp_path: Path, muscles: list[str]) -> Path:
    folder = tmp_path / "data"
    (folder / "muscles").mkdir(parents=True)
    for name in ("views.toml", "regions.toml", "safety.toml"):
        shutil.copy(DATA / name, folder / name)
    (folder / "search_terms.toml").write_text("schema_version = 2\n")  # terms name muscles not copied here
    for muscle_id in muscles:
        shutil.copy(DATA / "muscles" / f"{muscle_id}.toml", folder / "muscles" / f"{muscle_id}.toml")
    return folder


def test_shipped_data_loads(kb):
    assert len(kb.regions) == 107
    assert "gluteus_minimus" in kb.muscles
    assert kb.region("thigh_outer").label == "Outer thigh"


def test_broken_folder_reports_all_four_problems(tmp_path, capsys):
    folder = _copy_data(tmp_path, ["gluteus_minimus"])
    muscles = folder / "muscles"
    source = (muscles / "gluteus_minimus.toml").read_text()
    (muscles / "syntax.toml").write_text(source.replace('name = "Gluteus minimus"', 'name = "Gluteus minimus'))
    no_origin = "\n".join(line for line in source.splitlines() if not line.startswith("origin ="))
    (muscles / "no_origin.toml").write_text(no_origin.replace('id = "gluteus_minimus"', 'id = "no_origin"'))
    bad_region = source.replace('id = "gluteus_minimus"', 'id = "bad_region"').replace('"calf_upper"', '"calf_middle"')
    (muscles / "bad_region.toml").write_text(bad_region)
    (muscles / "twin.toml").write_text(source.replace('name = "Gluteus minimus"', 'name = "Twin"'))

    status = main(["validate", str(folder)])
    err = capsys.readouterr().err
    assert status == 2
    lines = [line.strip() for line in err.splitlines()[1:]]
    syntax = [line for line in lines if "syntax.toml" in line]
    assert len(syntax) == 1 and "TOML syntax error" in syntax[0] and "syntax.toml:2" in syntax[0]
    assert any("no_origin.toml" in line and "field 'origin'" in line and "missing" in line for line in lines)
    assert any("bad_region.toml" in line and "calf_middle" in line and "field 'referral[" in line for line in lines)
    assert any("twin.toml:1" in line and "field 'id'" in line and "already used" in line for line in lines)
    assert any("twin.toml:1" in line and "must be the file's name ('twin')" in line for line in lines)
    assert "Traceback" not in err


def test_errors_name_entry_field_and_line(tmp_path):
    folder = _copy_data(tmp_path, ["gluteus_minimus"])
    path = folder / "muscles" / "gluteus_minimus.toml"
    text = path.read_text().replace('zone = "essential"', 'zone = "central"', 1)
    path.write_text(text)
    with pytest.raises(DataErrors) as caught:
        load_knowledge(folder)
    (error,) = caught.value.errors
    assert error.entry == "gluteus_minimus"
    assert error.field == "referral[1].zone"
    assert error.line == text.splitlines().index('zone = "central"') + 1


def test_placeholder_text_is_rejected(tmp_path):
    folder = _copy_data(tmp_path, ["gluteus_minimus"])
    path = folder / "muscles" / "gluteus_minimus.toml"
    path.write_text(path.read_text().replace('innervation = "', 'innervation = "TODO: check. '))
    with pytest.raises(DataErrors) as caught:
        load_knowledge(folder)
    assert [e.field for e in caught.value.errors] == ["innervation"]


def test_text_reused_across_muscles_is_rejected(tmp_path):
    folder = _copy_data(tmp_path, ["gluteus_minimus"])
    source = (folder / "muscles" / "gluteus_minimus.toml").read_text()
    (folder / "muscles" / "copycat.toml").write_text(source.replace('id = "gluteus_minimus"', 'id = "copycat"'))
    with pytest.raises(DataErrors) as caught:
        load_knowledge(folder)
    assert caught.value.errors and all("same text as muscle" in e.message for e in caught.value.errors)
    assert all(e.line for e in caught.value.errors)


def test_regions_file_problems_name_the_region(tmp_path):
    folder = _copy_data(tmp_path, ["gluteus_minimus"])
    path = folder / "regions.toml"
    path.write_text(path.read_text().replace('views = ["front", "face", "head_side"]', 'views = ["side"]', 1))
    with pytest.raises(DataErrors) as caught:
        load_knowledge(folder)
    (error,) = caught.value.errors
    assert (error.entry, error.field) == ("forehead", "views")
    assert error.line == path.read_text().splitlines().index('views = ["side"]') + 1


def test_missing_folder_is_one_clear_error(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_cross_file_problems_name_their_line(tmp_path):
    folder = _copy_data(tmp_path, ["gluteus_minimus"])
    path = folder / "muscles" / "gluteus_minimus.toml"
    text = path.read_text().replace('region = "calf_upper"', 'region = "calf_middle"')
    path.write_text(text)
    with pytest.raises(DataErrors) as caught:
        load_knowledge(folder)
    (error,) = caught.value.errors
    assert error.field == "referral[7].region" and "calf_middle" in error.message
    assert error.line == text.splitlines().index('region = "calf_middle"') + 1


def test_a_missing_top_level_field_is_not_placed_on_a_table_key_of_the_same_name(tmp_path):
    folder = _copy_data(tmp_path, ["gluteus_minimus"])
    path = folder / "muscles" / "gluteus_minimus.toml"
    path.write_text(path.read_text().replace('name = "Gluteus minimus"\n', "", 1))
    with pytest.raises(DataErrors) as caught:
        load_knowledge(folder)
    (error,) = caught.value.errors
    assert error.field == "name" and error.line is None


def test_one_bad_region_field_does_not_cascade_into_false_errors(tmp_path):
    folder = _copy_data(tmp_path, ["gluteus_minimus"])
    path = folder / "regions.toml"
    text = path.read_text()
    start = text.index('id = "thigh_outer"')
    path.write_text(text[:start] + text[start:].replace("paired = true", 'paired = "yes"', 1))
    with pytest.raises(DataErrors) as caught:
        load_knowledge(folder)
    (error,) = caught.value.errors
    assert (error.entry, error.field) == ("thigh_outer", "paired") and error.line


def test_an_empty_or_missing_muscles_folder_is_an_error(tmp_path, capsys):
    folder = _copy_data(tmp_path, [])
    assert main(["validate", str(folder)]) == 2
    assert "holds no muscle files" in capsys.readouterr().err
    (folder / "muscles").rmdir()
    assert main(["validate", str(folder)]) == 2
    assert "muscle files is missing" in capsys.readouterr().err


def test_validate_checks_the_sources_not_the_cache(tmp_path, monkeypatch, capsys):
    """An edited cache entry must not make broken data look valid."""
    from bodymap import cache

    load_knowledge()  # fills the cache
    entries = list(cache.cache_dir().glob("knowledge-*.json"))
    assert entries
    broken_data = _copy_data(tmp_path, ["gluteus_minimus"])
    monkeypatch.setattr("bodymap.knowledge.loading.resource_dir", lambda kind: broken_data)
    (broken_data / "views.toml").write_text("schema_version = 2\n")
    assert main(["validate"]) == 2
    assert "views.toml" in capsys.readouterr().err


def _raise_spillover(text: str) -> str:
    """Gluteus minimus with its upper-buttock spillover (0.4) lifted above every essential zone (at most 0.95)."""
    spill = 'region = "buttock_upper"\nzone = "spillover"\nlikelihood = 0.4\n'
    assert spill in text
    return text.replace(spill, 'region = "buttock_upper"\nzone = "spillover"\nlikelihood = 0.97\n')


def test_a_spillover_above_every_essential_zone_warns_until_the_file_says_why(tmp_path, capsys):
    folder = _copy_data(tmp_path, ["gluteus_minimus"])
    path = folder / "muscles" / "gluteus_minimus.toml"
    path.write_text(_raise_spillover(path.read_text()))
    assert main(["validate", str(folder)]) == 0  # a warning, not an error: the data still loads
    err = capsys.readouterr().err
    (warning,) = [line for line in err.splitlines() if "warning" in line]
    assert "gluteus_minimus.toml" in warning and "'buttock_upper'" in warning and "field 'referral[9]'" in warning
    assert "say why in 'why'" in warning

    reason = 'why = "The pain guides list it first for this place."\n'
    path.write_text(path.read_text().replace("likelihood = 0.97\n", "likelihood = 0.97\n" + reason))
    assert main(["validate", str(folder)]) == 0
    assert "warning" not in capsys.readouterr().err


def test_a_spillover_equal_to_the_top_essential_zone_needs_no_reason(tmp_path):
    folder = _copy_data(tmp_path, ["gluteus_minimus"])
    path = folder / "muscles" / "gluteus_minimus.toml"
    path.write_text(_raise_spillover(path.read_text()).replace("likelihood = 0.97", "likelihood = 0.95"))
    assert load_knowledge(folder).warnings == ()


def test_a_warm_soak_must_link_the_heat_caution(tmp_path):
    """Heat by tool links the caution by itself; warmth written into a technique of another tool must name it."""
    folder = _copy_data(tmp_path, ["gluteus_minimus"])
    path = folder / "muscles" / "gluteus_minimus.toml"
    source = path.read_text()
    steps = "Then shift a little backwards along the upper buttock and repeat."
    assert steps in source
    soaked = source.replace(steps, steps + " Afterwards, soak the hip in a warm bath.")
    path.write_text(soaked)
    with pytest.raises(DataErrors) as caught:
        load_knowledge(folder)
    (error,) = caught.value.errors
    assert error.field == "self_release[1]" and "heat" in error.message and error.line

    duration = 'two or three spots, once or twice a day."\n'
    assert duration in soaked
    path.write_text(soaked.replace(duration, duration + 'cautions = ["heat"]\n', 1))
    kb = load_knowledge(folder)
    technique = kb.muscle("gluteus_minimus").self_release[0]
    assert "heat" in {c.id for c in kb.safety.cautions_for(technique, kb.muscle("gluteus_minimus"))}


def test_a_heat_caution_that_no_longer_covers_the_heat_tool_is_an_error(tmp_path):
    folder = _copy_data(tmp_path, ["gluteus_minimus"])
    safety = folder / "safety.toml"
    safety.write_text(safety.read_text().replace('tools = ["heat"]\n', "", 1))
    with pytest.raises(DataErrors) as caught:
        load_knowledge(folder)
    assert [e.field for e in caught.value.errors] == ["self_release[2]"]


def test_unknown_caution_and_red_flag_places_name_their_field(tmp_path):
    folder = _copy_data(tmp_path, ["gluteus_minimus"])
    path = folder / "muscles" / "gluteus_minimus.toml"
    text = path.read_text()
    path.write_text(text.replace("\n[[trigger_points]]", '\ngeneral_cautions = ["pregnant"]\n\n[[trigger_points]]', 1))
    safety = folder / "safety.toml"
    safety.write_text(
        safety.read_text().replace('places = ["calf_upper", "calf_lower", "knee_back"]', 'places = ["calf"]')
    )
    with pytest.raises(DataErrors) as caught:
        load_knowledge(folder)
    found = {(e.entry, e.field): e.message for e in caught.value.errors}
    assert "pregnant" in found[("gluteus_minimus", "general_cautions")]
    assert "'calf'" in found[("calf_clot", "places")]
