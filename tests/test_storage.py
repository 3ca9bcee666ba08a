"""Nothing a user saved is lost: writes are atomic, saves merge, broken or newer files are kept."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from bodymap.paths import config_dir
from bodymap.settings import SETTINGS_FILE, Settings, SettingsStore
from bodymap.storage import FileKept, FileProblem, read_bytes, write_atomically

KILL_MID_WRITE = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, sys.argv[2])
    import bodymap.storage as storage

    class Dying:
        # A stream that writes half the text, then the process is killed (power cut, crash).
        def __init__(self, stream):
            self.stream = stream
        def write(self, text):
            self.stream.write(text[: len(text) // 2])
            self.stream.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        def __getattr__(self, name):
            return getattr(self.stream, name)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self.stream.__exit__(*exc)

    real_fdopen = os.fdopen
    storage.os.fdopen = lambda *a, **k: Dying(real_fdopen(*a, **k))
    storage.write_atomically(__import__("pathlib").Path(sys.argv[1]), "NEW " * 100000)
""")


def test_a_write_killed_half_way_leaves_the_old_file_intact_and_its_debris_is_cleaned(tmp_path, monkeypatch):
    import bodymap

    target = tmp_path / SETTINGS_FILE
    target.write_text('{"paper": "a4"}')
    package_root = str(__import__("pathlib").Path(bodymap.__file__).parent.parent)
    result = subprocess.run([sys.executable, "-c", KILL_MID_WRITE, str(target), package_root], timeout=60)
    assert result.returncode == -signal.SIGKILL
    assert target.read_text() == '{"paper": "a4"}'
    debris = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert debris, "the killed save should have left its temporary file"
    old = time.time() - 3600
    for path in debris:
        os.utime(path, (old, old))
    store = SettingsStore(tmp_path)
    assert store.settings.paper == "a4"
    assert sorted(p.name for p in tmp_path.iterdir()) == [SETTINGS_FILE]


def test_atomic_write_replaces_the_file_and_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "settings.json"
    target.write_text("old")
    write_atomically(target, "new")
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_a_failed_write_removes_its_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "settings.json"
    target.write_text("old")

    def broken(*_args):
        raise OSError("disk full")

    monkeypatch.setattr("bodymap.storage.os.replace", broken)
    with pytest.raises(OSError):
        write_atomically(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_a_broken_settings_file_gives_defaults_and_a_warning_and_is_left_alone():
    path = config_dir() / SETTINGS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{\n  "last_view": "back",\n  "kiosk_idle_seconds": \n}')
    store = SettingsStore()
    assert store.settings == Settings()
    assert store.warning.startswith(f"{path}: line 4: not valid JSON") and "using default settings" in store.warning
    path.write_text('{"kiosk_idle_seconds": 0}')
    store = SettingsStore()
    assert store.settings == Settings() and "entry 'kiosk_idle_seconds'" in store.warning
    store.settings.paper = "letter"
    with pytest.raises(FileKept):
        store.save()
    assert path.read_text() == '{"kiosk_idle_seconds": 0}'


def test_saves_merge_so_two_processes_keep_each_others_settings():
    first, second = SettingsStore(), SettingsStore()
    first.settings.paper = "letter"
    first.save()
    second.settings.last_view = "back"
    second.save()
    merged = json.loads((config_dir() / SETTINGS_FILE).read_text())
    assert merged["paper"] == "letter" and merged["last_view"] == "back"


def test_a_settings_file_from_a_newer_version_is_refused_not_downgraded():
    path = config_dir() / SETTINGS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    newer = '{"schema_version": 9, "paper": "a4", "holographic_mode": true}\n'
    path.write_text(newer)
    store = SettingsStore()
    assert "newer version of bodymap" in store.warning
    with pytest.raises(FileKept):
        store.save()
    assert path.read_text() == newer


def test_a_byte_order_mark_is_accepted():
    path = config_dir() / SETTINGS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b'\xef\xbb\xbf{"paper": "letter"}')
    store = SettingsStore()
    assert store.warning is None and store.settings.paper == "letter"


def test_strict_types_in_settings():
    path = config_dir() / SETTINGS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"kiosk_allow_print": "yes"}')
    assert "kiosk_allow_print" in SettingsStore().warning


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_are_refused_without_blocking(tmp_path):
    fifo = tmp_path / "settings.json"
    os.mkfifo(fifo)
    with pytest.raises(FileProblem, match="not a regular file"):
        read_bytes(fifo, 1024)
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(FileProblem, match="folder"):
        read_bytes(folder, 1024)
    (tmp_path / "dangling.json").symlink_to(tmp_path / "nowhere")
    with pytest.raises(FileProblem, match="link to a file that does not exist"):
        read_bytes(tmp_path / "dangling.json", 1024)
    assert read_bytes(tmp_path / "missing.json", 1024) is None
