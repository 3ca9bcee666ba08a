"""Desktop integration on Linux: the packaged entry, metainfo and file type, and install-desktop
writing them into a private XDG data folder and taking them away again."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bodymap.cli import main
from bodymap.commands import desktop
from bodymap.identity import APP_ID, ICON_SIZES
from bodymap.resources import resource_dir

PACKAGED = resource_dir("desktop")
METAINFO = PACKAGED / f"{APP_ID}.metainfo.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _validate_entry(path: Path) -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (Debian/Ubuntu: desktop-file-utils)")
    done = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower(), done.stdout


def test_install_writes_a_valid_entry_icons_and_file_type_and_remove_takes_them_away(capsys, data_home):
    assert main(["install-desktop"]) == 0
    out = capsys.readouterr().out
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    written = [entry]
    written += [data_home / f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in ICON_SIZES]
    written += [data_home / f"icons/hicolor/scalable/apps/{APP_ID}.svg", data_home / f"mime/packages/{APP_ID}.xml"]
    for path in written:
        assert path.is_file() and path.stat().st_size > 0
        assert str(path) in out  # it says what it wrote
    text = entry.read_text(encoding="utf-8")
    assert f"Exec={sys.executable} -m bodymap %f" in text.splitlines()
    assert f"Icon={APP_ID}" in text and "MimeType=application/x-bodymap;" in text
    _validate_entry(entry)

    assert main(["install-desktop", "--remove"]) == 0
    out = capsys.readouterr().out
    assert all(str(path) in out for path in written)
    # What is left is the desktop's own shared caches, and none of them knows bodymap any more.
    left = _files(data_home)
    assert not any("bodymap" in p.name.lower() for p in left), left
    assert not any(b"bodymap" in p.read_bytes().lower() for p in left), left


def test_the_entry_quotes_a_program_path_with_spaces_and_specials(monkeypatch, data_home):
    monkeypatch.setattr(sys, "executable", "/opt/my apps/$py 100%/python3")
    entry = desktop.desktop_entry()
    assert 'Exec="/opt/my apps/\\\\$py 100%%/python3" -m bodymap %f' in entry.splitlines()
    path = data_home / f"{APP_ID}.desktop"
    path.parent.mkdir(parents=True)
    path.write_text(entry, encoding="utf-8")
    _validate_entry(path)


def test_a_frozen_bundle_starts_itself(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/bodymap/bodymap")
    assert desktop.program() == ["/opt/bodymap/bodymap"]
    assert "Exec=/opt/bodymap/bodymap %f" in desktop.desktop_entry().splitlines()


def test_remove_keeps_an_entry_bodymap_did_not_write(capsys, data_home):
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nType=Application\nName=mine\nExec=mine\n", encoding="utf-8")
    assert main(["install-desktop", "--remove"]) == 0
    assert entry.is_file() and "kept" in capsys.readouterr().out


def test_a_relative_or_empty_xdg_data_home_means_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    for value in ("", "relative/share"):
        monkeypatch.setenv("XDG_DATA_HOME", value)
        assert desktop.data_home() == tmp_path / ".local" / "share"


def test_missing_cache_tools_cost_nothing(capsys, data_home, monkeypatch):
    monkeypatch.setattr(desktop.shutil, "which", lambda _tool: None)
    assert main(["install-desktop"]) == 0
    assert "update-mime-database is not installed" in capsys.readouterr().out


def test_the_packaged_files_agree_with_each_other():
    entry = (PACKAGED / f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines()
    assert "Exec=bodymap %f" in entry and f"Icon={APP_ID}" in entry
    mime = ET.parse(PACKAGED / desktop.MIME).getroot().find(f"{MIME_NS}mime-type")
    assert mime is not None and mime.get("type") == "application/x-bodymap"
    assert f"MimeType={mime.get('type')};" in entry
    assert mime.find(f"{MIME_NS}glob").get("pattern") == "*.bodymap"  # type: ignore[union-attr]
    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID and meta.findtext("project_license") == "MIT"
    assert meta.find("launchable").text == f"{APP_ID}.desktop"  # type: ignore[union-attr]
    release = meta.find("releases/release")
    assert release is not None and (release.get("version"), release.get("date")) == ("0.2.0", "2026-12-01")
    assert meta.find("content_rating") is not None


def test_the_metainfo_validates():
    if shutil.which("appstreamcli"):
        check = ["appstreamcli", "validate", "--no-net", str(METAINFO)]
    elif shutil.which("appstream-util"):
        check = ["appstream-util", "validate-relax", "--nonet", str(METAINFO)]
    else:
        pytest.skip("neither appstreamcli nor appstream-util is installed")
    done = subprocess.run(check, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
