"""The user's folders for bodymap: settings and notes (config), the journal (data), derived data (cache).

platformdirs knows each platform's places; environment variables override them, so tests and
kiosk installs never touch a real home.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "bodymap"
CONFIG_ENV = "BODYMAP_CONFIG_DIR"
DATA_ENV = "BODYMAP_DATA_DIR"
CACHE_ENV = "BODYMAP_CACHE_DIR"


def _folder(env: str, default: str) -> Path:
    override = os.environ.get(env)
    return Path(override) if override else Path(default)


def config_dir() -> Path:
    """Where bodymap keeps settings and notes: ``$BODYMAP_CONFIG_DIR`` or the platform's config folder."""
    return _folder(CONFIG_ENV, platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    """Where bodymap keeps what a person records over time (the pain journal): ``$BODYMAP_DATA_DIR``
    or the platform's data folder."""
    return _folder(DATA_ENV, platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    """Where derived data may be kept: ``$BODYMAP_CACHE_DIR`` or the platform's cache folder."""
    return _folder(CACHE_ENV, platformdirs.user_cache_dir(APP, appauthor=False))
