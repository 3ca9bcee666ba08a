"""The settings that matter, in one typed schema, stored in one folder.

The folder is ``$BODYMAP_CONFIG_DIR`` when set (tests and kiosk installs use it), else the
platform's config folder. A broken settings file never stops the app: it is left on disk
untouched, the defaults are used, and the problem is reported so the window can show it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from bodymap.paths import config_dir
from bodymap.storage import read_json_model, write_atomically

SETTINGS_FILE = "settings.json"

Paper = Literal["auto", "a4", "letter"]
PAPERS: tuple[str, ...] = get_args(Paper)
"""Handout page sizes: 'auto' picks Letter in the US locale and A4 elsewhere."""


class Settings(BaseModel):
    """Every setting, with its default. Documented in docs/settings.md."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    first_run_notice_seen: bool = Field(False, description="The first-run safety notice has been acknowledged.")
    last_view: str = Field(
        "both", pattern=r"^[a-z][a-z0-9_]*$", description="Diagram view (an id from views.toml) shown at start."
    )
    paper: Paper = Field("auto", description="Handout page size; auto follows the locale.")
    kiosk_idle_seconds: int = Field(
        90, ge=1, le=86_400, description="Kiosk: seconds without a touch before it returns to the welcome screen."
    )
    kiosk_allow_print: bool = Field(False, description="Kiosk: whether visitors may print the handout.")
    kiosk_pin: str | None = Field(
        None, description="Kiosk: salted hash of the operator PIN (set with `bodymap kiosk-setup`); never the PIN."
    )


class SettingsFileKept(Exception):
    """Saving is refused: the settings file on disk could not be read, and it is kept as it is."""


def load_settings(folder: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings (defaults where absent) and a warning if the file could not be used."""
    settings, problem = read_json_model((folder or config_dir()) / SETTINGS_FILE, Settings)
    if problem:
        return Settings(), f"{problem}; using default settings"
    return settings or Settings(), None


def save_settings(settings: Settings, folder: Path | None = None) -> None:
    """Write the settings atomically; raise SettingsFileKept rather than write over a file that
    cannot be read (it may hold a hand edit with one typo, or the kiosk PIN's hash)."""
    path = (folder or config_dir()) / SETTINGS_FILE
    _, problem = read_json_model(path, Settings)
    if problem:
        raise SettingsFileKept(f"{problem}; it is kept as it is: fix or remove it to save settings")
    write_atomically(path, settings.model_dump_json(indent=2) + "\n")
