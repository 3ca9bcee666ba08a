"""Test set-up: offscreen Qt, and a private config folder so no test touches a real home."""

from __future__ import annotations

import os
from pathlib import Path

# No display needed: Qt draws offscreen, on a desktop-sized screen (the plugin's default is 800x800).
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('offscreen_screen.json')}"

import tempfile

import pytest

# One cache folder for the whole run: the first load fills it, later loads read it, as in use.
os.environ["BODYMAP_CACHE_DIR"] = tempfile.mkdtemp(prefix="bodymap-cache-")

from bodymap.knowledge import KnowledgeBase, load_knowledge
from bodymap.settings import Settings


@pytest.fixture(autouse=True)
def _private_config(tmp_path_factory, monkeypatch):
    """Point the app's config and data folders (settings, notes, the journal) at fresh temporary folders."""
    monkeypatch.setenv("BODYMAP_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("BODYMAP_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The real, shipped knowledge base."""
    return load_knowledge()


@pytest.fixture
def window(qtbot, kb):
    """The desk window, shown, after the first-run notice was seen."""
    from ui_helpers import desk_window

    win = desk_window(kb, Settings(first_run_notice_seen=True))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win
