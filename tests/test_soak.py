"""A short kiosk soak in the test run; the long one is bench/soak.py."""

from __future__ import annotations

import sys
from pathlib import Path

from ui_helpers import kiosk_window

from bodymap.paths import config_dir
from bodymap.pin import hash_pin
from bodymap.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from soak import run_soak


def test_short_kiosk_soak_is_steady(qtbot, qapp, kb):
    window = kiosk_window(kb, Settings(kiosk_pin=hash_pin("000000")))
    window.kiosk.pin_pad.wrong = -(10**9)  # the soak's wrong PINs never make the keypad wait
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    result = run_soak(window, qapp, steps=800, seed=3)
    window.kiosk.unlock_and_close()
    assert result["exceptions"] == []
    assert result["qt_warnings"] == []
    assert result["qobjects_end"] <= result["qobjects_warm"] + 20
    assert result["rss_growth_mb"] < 10
    assert not any(config_dir().rglob("*")) if config_dir().exists() else True
