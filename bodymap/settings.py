"""The settings that matter, in one typed schema, stored in one folder, merged on save.

The folder is ``$BODYMAP_CONFIG_DIR`` when set (tests and kiosk installs use it), else the
platform's config folder. A broken settings file never stops the app: it is left on disk
untouched, the defaults are used, and the problem is reported so the window can show it.
Saving re-reads the file and writes only the keys this process changed, so a PIN set with
``bodymap kiosk-setup`` while a window is open survives that window's close.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

from bodymap.paths import config_dir
from bodymap.storage import FileKept, read_json_model, remove_stale_temporaries, save_merged

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1

Paper = Literal["auto", "a4", "letter"]
PAPERS: tuple[str, ...] = get_args(Paper)
"""Handout page sizes: 'auto' picks Letter in the US locale and A4 elsewhere."""


class Settings(BaseModel):
    """Every setting, with its default. Documented in docs/settings.md."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    schema_version: StrictInt = Field(SETTINGS_VERSION, description="Version of the settings format.")
    first_run_notice_seen: StrictBool = Field(False, description="The first-run safety notice has been acknowledged.")
    last_view: str = Field(
        "both",
        pattern=r"^[a-z][a-z0-9_]*$",
        max_length=48,
        description="The view or layout (an id from data/views.toml) shown at start.",
    )
    shown_candidates: StrictInt = Field(
        5, ge=1, le=20, description="How many candidate muscles the diagrams draw; the rest are in the list."
    )
    paper: Paper = Field("auto", description="Handout page size; auto follows the locale.")
    language: str | None = Field(
        None, pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$", description="Language of the app ('es'); none: the system's."
    )
    recent_maps: list[str] = Field(
        default_factory=list, max_length=20, description="Client maps opened or saved lately, newest first."
    )
    kiosk_idle_seconds: StrictInt = Field(
        90, ge=1, le=86_400, description="Kiosk: seconds without a touch before it returns to the welcome screen."
    )
    kiosk_allow_print: StrictBool = Field(False, description="Kiosk: whether visitors may print the handout.")
    kiosk_printer: str | None = Field(
        None, max_length=200, description="Kiosk: the printer visitors print on (its system name); none: the default."
    )
    kiosk_pin: str | None = Field(
        None,
        max_length=200,
        description="Kiosk: salted hash of the operator PIN (set with `bodymap kiosk-setup`); never the PIN.",
    )


class SettingsStore:
    """The settings of one process: what was read, what it holds now, and a save that merges."""

    def __init__(self, folder: Path | None = None, writable: bool = True):
        self.path = (folder or config_dir()) / SETTINGS_FILE
        self.writable = writable
        """False for a process that only draws (a snapshot): it reads the settings and never writes."""
        if writable:
            remove_stale_temporaries(self.path)
        read, problem = read_json_model(self.path, Settings, SETTINGS_VERSION)
        self.problem = problem
        """Why the settings file could not be used, or None."""
        self.warning: str | None = f"{problem}; using default settings" if problem else None
        """The same, as the window shows it."""
        # With no file, what this process "read" is the defaults: a save writes only what it changed.
        self._base = read if read is not None else Settings()
        self.settings = self._base.model_copy()

    def save(self) -> None:
        """Write the settings this process changed; FileKept if the file on disk cannot be read
        (it may hold a hand edit with one typo, or the kiosk PIN's hash) or is newer."""
        if not self.writable:
            return
        self._base = save_merged(self.path, Settings, self._base, self.settings, SETTINGS_VERSION)
        self.settings = self._base.model_copy()


__all__ = ["PAPERS", "FileKept", "Settings", "SettingsStore"]
