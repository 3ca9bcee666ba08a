"""Nothing a user saved is lost: a write killed half way leaves the old file whole."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import pytest

from bodymap.storage import write_atomically

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


def test_a_write_killed_half_way_leaves_the_old_file_intact(tmp_path):
    import bodymap

    target = tmp_path / "notes.json"
    target.write_text("OLD CONTENT")
    package_root = str(__import__("pathlib").Path(bodymap.__file__).parent.parent)
    result = subprocess.run([sys.executable, "-c", KILL_MID_WRITE, str(target), package_root], timeout=60)
    assert result.returncode == -signal.SIGKILL
    assert target.read_text() == "OLD CONTENT"


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
    from bodymap.paths import config_dir
    from bodymap.settings import SETTINGS_FILE, Settings, load_settings

    path = config_dir() / SETTINGS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{\n  "last_view": "back",\n  "kiosk_idle_seconds": \n}')
    settings, warning = load_settings()
    assert settings == Settings()
    assert warning.startswith(f"{path}: line 4: not valid JSON") and "using default settings" in warning
    path.write_text('{"kiosk_idle_seconds": 0}')
    settings, warning = load_settings()
    assert settings == Settings() and "entry 'kiosk_idle_seconds'" in warning
    assert path.read_text() == '{"kiosk_idle_seconds": 0}'
