"""The language folders of the data (``data/lang/<code>/``): which exist, how each overlay file lays
over its English file, and how complete each language is.

``overlay.py`` holds the rules for one record; this module pairs the files, reads them safely
(through ``read_toml``, so a broken overlay is an error naming its file and line, never a crash),
and keeps ``sources.json``: for every translated text, the fingerprint of the English it was
translated from, written by ``bodymap translations --stamp LANG`` when a translator finishes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bodymap.knowledge.errors import DataError
from bodymap.knowledge.overlay import Report, merge
from bodymap.knowledge.toml_source import read_toml
from bodymap.storage import write_atomically

LANG_FOLDER = "lang"
SOURCES_FILE = "sources.json"
TERMS_FILE = "search_terms.toml"
KINDS = {"views.toml": "views_file", "regions.toml": "regions_file", "safety.toml": "safety"}
"""The single files of the data folder and the kind of record each holds; muscles/*.toml hold 'muscle'."""
CODE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
ENGLISH = "en"


def kind_of(relative: str) -> str | None:
    """The kind of record a data file holds, by its path inside the data folder."""
    if relative in KINDS:
        return KINDS[relative]
    if relative.startswith("muscles/") and relative.endswith(".toml") and relative.count("/") == 1:
        return "muscle"
    return None


def available(folder: Path) -> tuple[str, ...]:
    """The languages the data folder has overlays for (English, the base, is always there)."""
    root = folder / LANG_FOLDER
    try:
        found = sorted(p.name for p in root.iterdir() if p.is_dir() and CODE.match(p.name))
    except OSError:
        found = []
    return (ENGLISH, *found)


def _sources(folder: Path, language: str) -> dict[str, dict[str, str]]:
    path = folder / LANG_FOLDER / language / SOURCES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@dataclass
class Overlays:
    """One language's overlays, read once: laid over English files as they load, then summed up."""

    folder: Path
    language: str
    reports: dict[str, Report] = field(default_factory=dict)
    """Data file (relative path) -> what its overlay gave."""
    errors: list[DataError] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.root = self.folder / LANG_FOLDER / self.language
        self.sources = _sources(self.folder, self.language)

    def apply(self, relative: str, data: dict[str, Any]) -> dict[str, Any]:
        """The English data of one file with this language's texts over it (English where none)."""
        kind = kind_of(relative)
        if kind is None:
            return data
        path = self.root / relative
        overlay: dict[str, Any] = {}
        if path.is_file():
            source = read_toml(path, self.errors)
            overlay = source.data if source is not None else {}
        merged, report = merge(kind, data, overlay, self.sources.get(relative))
        self.reports[relative] = report
        for where, problem in report.problems:
            self.errors.append(DataError(path, problem, field=where))
        return merged

    def terms(self) -> list[dict[str, Any]]:
        """The words people type in this language (its own search_terms.toml), as raw entries."""
        path = self.root / TERMS_FILE
        if not path.is_file():
            return []
        source = read_toml(path, self.errors)
        found = source.data.get("term") if source is not None else None
        return found if isinstance(found, list) else []

    def strays(self, english: set[str]) -> None:
        """Overlay files with no English file (a misspelt muscle id): an error each."""
        if not self.root.is_dir():
            return
        for path in sorted(self.root.rglob("*.toml")):
            relative = path.relative_to(self.root).as_posix()
            if relative != TERMS_FILE and relative not in english:
                self.errors.append(DataError(path, "has no English file of the same name to translate"))

    def stamp(self) -> Path:
        """Record, for every translated text, the English it was made from (after translating)."""
        stamps = {
            relative: {p: report.fingerprints[p] for p in report.translated if p in report.fingerprints}
            for relative, report in sorted(self.reports.items())
        }
        path = self.root / SOURCES_FILE
        write_atomically(path, json.dumps(stamps, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
        return path

    def summary(self) -> dict[str, Any]:
        """Counts of content texts translated, missing and stale, with the paths of the last two."""
        translated = sum(len(r.translated) for r in self.reports.values())
        missing = {f: r.missing for f, r in self.reports.items() if r.missing}
        stale = {f: r.stale for f, r in self.reports.items() if r.stale}
        total = translated + sum(len(m) for m in missing.values())
        return {
            "fields": total,
            "translated": translated,
            "missing": sum(len(m) for m in missing.values()),
            "stale": sum(len(s) for s in stale.values()),
            "percent": round(100 * translated / total, 1) if total else 100.0,
            "missing_fields": missing,
            "stale_fields": stale,
            "same_as_english": {f: r.same_as_english for f, r in self.reports.items() if r.same_as_english},
        }
