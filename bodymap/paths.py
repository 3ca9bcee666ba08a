"""The user's folders for bodymap: settings and notes (config), and derived data (cache).

Environment variables override both, so tests and kiosk installs never touch a real home.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CONFIG_ENV = "BODYMAP_CONFIG_DIR"
CACHE_ENV = "BODYMAP_CACHE_DIR"


def config_dir() -> Path:
    """Where bodymap keeps settings and notes: ``$BODYMAP_CONFIG_DIR`` or the platform's place."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "bodymap"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "bodymap"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "bodymap"


def cache_dir() -> Path:
    """Where derived data may be kept: ``$BODYMAP_CACHE_DIR`` or the platform's cache folder."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "bodymap" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "bodymap"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "bodymap"
