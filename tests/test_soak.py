"""A short kiosk soak in the test run; the long one is bench/soak.py."""

from __future__ import annotations

import sys
from pathlib import Path

from bodymap.diagram import load_diagrams
from bodymap.paths import config_dir
from bodymap.pin import hash_pin
from bodymap.settings import Settings
from bodymap.ui.actions import Mode
from bodymap.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from soak import run_soak  # noqa: E402


def test_short_kiosk_soak_is_steady(qtbot, qapp, kb):
    window = MainWindow(kb, load_diagrams(kb.views), Settings(kiosk_pin=hash_pin("0000")), mode=Mode.KIOSK)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    result = run_soak(window, qapp, steps=800, seed=3)
    window.unlock_and_close()
    assert result["exceptions"] == []
    assert result["qt_warnings"] == []
    assert result["qobjects_end"] <= result["qobjects_warm"] + 20
    assert result["rss_growth_mb"] < 10
    assert not any(config_dir().rglob("*")) if config_dir().exists() else True
