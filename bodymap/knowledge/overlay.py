"""Content in another language: an overlay of text fields laid over the English data before validation.

A language folder (``data/lang/<code>/``) mirrors the data folder with the same file names, and
each file holds only the text a person reads, under the same keys and nesting as its English file:

- a single text (``name = "Glúteo medio"``) replaces the English one;
- a list of texts (``actions``, ``symptoms``...) replaces the English list and has its length;
  ``synonyms`` is the exception: its terms are added to the English ones, for search;
- a list of entries is matched to the English entries by ``id`` (regions, views, layouts, red
  flags, cautions, trigger points), by ``region`` (referrals, only those with a ``why``) or else
  by position (self-release techniques, stretches: same count, same order). Each overlay entry
  holds its matching key and its text fields, nothing else;
- ``search_terms.toml`` is not an overlay: its terms (words people type in that language) are
  added to the English ones.

Everything else (ids, numbers, enums, regions, sources, the Latin name) comes from English and
must not appear in an overlay. A text missing from an overlay falls back to English and is
counted as missing; a text whose English changed since it was translated is counted as stale
(the English text each translation was made from is fingerprinted in ``sources.json``).
This module works on plain dictionaries and knows nothing of files: see ``languages.py``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from bodymap.knowledge.model import is_placeholder

TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "muscle": (
        "name",
        "synonyms",
        "group",
        "origin",
        "insertion",
        "actions",
        "innervation",
        "pain_pattern",
        "symptoms",
        "perpetuating_factors",
        "cautions",
        "good_to_know",
        "differentials",
    ),
    "trigger_point": ("location",),
    "referral": ("why",),
    "self_release": ("position", "steps", "pressure", "duration"),
    "stretch": ("name", "steps", "hold"),
    "regions_file": (),
    "region": ("label", "description"),
    "safety": ("disclaimer", "first_run", "red_flags_intro"),
    "red_flag": ("sign", "why"),
    "caution": ("title", "text"),
    "views_file": (),
    "view": ("title",),
    "layout": ("title",),
}
"""The fields a translator writes, per kind of record: declared once, here."""

ENTRIES: dict[str, dict[str, tuple[str, str | None]]] = {
    "muscle": {
        "trigger_points": ("trigger_point", "id"),
        "referral": ("referral", "region"),
        "self_release": ("self_release", None),
        "stretches": ("stretch", None),
    },
    "regions_file": {"region": ("region", "id")},
    "safety": {"red_flag": ("red_flag", "id"), "caution": ("caution", "id")},
    "views_file": {"view": ("view", "id"), "layout": ("layout", "id")},
}
"""Lists of entries inside a record: (kind of entry, the key that matches it, or None for by position)."""

ADDED = {"synonyms"}
"""Lists whose translated terms are added to the English ones (names people search for)."""


def fingerprint(text: Any) -> str:
    """A short, stable fingerprint of an English text (or list of texts), for stale translations."""
    return hashlib.sha256(repr(text).encode("utf-8")).hexdigest()[:12]


@dataclass
class Report:
    """What one overlay file gave: its problems (errors), and its texts translated, missing and stale."""

    problems: list[tuple[str, str]] = field(default_factory=list)
    """(field path, what is wrong)."""
    translated: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    same_as_english: list[str] = field(default_factory=list)
    fingerprints: dict[str, str] = field(default_factory=dict)
    """Field path -> fingerprint of the English text it was translated from (what sources.json holds)."""


def text_paths(kind: str, base: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every translatable text of an English record, as (field path, English value)."""
    for name in TEXT_FIELDS[kind]:
        if name in base and base[name] not in (None, [], ""):
            yield prefix + name, base[name]
    for name, (entry_kind, key) in ENTRIES.get(kind, {}).items():
        items = base.get(name)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield from text_paths(entry_kind, item, f"{prefix}{name}[{_label(item, key, index)}].")


def _label(item: dict[str, Any], key: str | None, index: int) -> str:
    return str(item.get(key)) if key is not None and isinstance(item.get(key), str) else str(index)


def merge(
    kind: str, base: dict[str, Any], overlay: dict[str, Any], translated_from: dict[str, str] | None = None
) -> tuple[dict[str, Any], Report]:
    """The English record with the overlay's texts laid over it, and what the overlay gave.

    ``translated_from`` maps field paths to the fingerprints of the English texts the translation
    was made from; a path whose English now has another fingerprint is stale."""
    report = Report()
    merged = _merge(kind, base, overlay, "", report)
    for path, english in text_paths(kind, base):
        report.fingerprints[path] = fingerprint(english)
    if translated_from is not None:
        report.stale = [
            p for p in report.translated if p in translated_from and translated_from[p] != report.fingerprints.get(p)
        ]
    return merged, report


def _merge(kind: str, base: dict[str, Any], overlay: dict[str, Any], prefix: str, report: Report) -> dict[str, Any]:
    merged = dict(base)
    texts = TEXT_FIELDS[kind]
    entries = ENTRIES.get(kind, {})
    own_keys = {k for k in ("id", "region") if k in base}
    for name in overlay:
        if name not in texts and name not in entries and name not in own_keys:
            report.problems.append((prefix + name, "is not a text field (only the words are translated)"))
    for name in texts:
        english = base.get(name)
        if english in (None, [], ""):
            if name in overlay:
                report.problems.append((prefix + name, "has no English text to translate"))
            continue
        path = prefix + name
        if name not in overlay:
            report.missing.append(path)
            continue
        value = overlay[name]
        if isinstance(english, str):
            if not isinstance(value, str) or not value.strip():
                report.problems.append((path, "must be a text"))
                continue
            if is_placeholder(value):
                report.problems.append((path, "holds a left-over marker (TODO, TBD, lorem...)"))
                continue
            if value.strip() == english.strip() and len(english) > 24:
                report.same_as_english.append(path)
            merged[name] = value
        else:
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                report.problems.append((path, "must be a list of texts"))
                continue
            if name in ADDED:
                merged[name] = list(english) + [v for v in value if v not in english]
            elif len(value) != len(english):
                report.problems.append((path, f"has {len(value)} items; the English has {len(english)}"))
                continue
            elif any(is_placeholder(v) for v in value):
                report.problems.append((path, "holds a left-over marker (TODO, TBD, lorem...)"))
                continue
            else:
                merged[name] = value
        report.translated.append(path)
    for name, (entry_kind, key) in entries.items():
        english_items = base.get(name)
        if not isinstance(english_items, list):
            continue
        given = overlay.get(name, [])
        if not isinstance(given, list) or not all(isinstance(g, dict) for g in given):
            report.problems.append((prefix + name, "must be a list of entries"))
            given = []
        matched = _match(english_items, given, key, prefix + name, report)
        merged_items = []
        for index, item in enumerate(english_items):
            if not isinstance(item, dict):
                merged_items.append(item)
                continue
            entry_prefix = f"{prefix}{name}[{_label(item, key, index)}]."
            merged_items.append(_merge(entry_kind, item, matched.get(index, {}), entry_prefix, report))
        merged[name] = merged_items
    return merged


def _match(
    english: list[Any], given: list[dict[str, Any]], key: str | None, path: str, report: Report
) -> dict[int, dict[str, Any]]:
    """Which overlay entry belongs to which English entry (by index of the English list)."""
    if key is None:
        if given and len(given) != len(english):
            report.problems.append(
                (path, f"has {len(given)} entries; the English has {len(english)}, in the same order")
            )
            return {}
        return dict(enumerate(given))
    where = {item.get(key): index for index, item in enumerate(english) if isinstance(item, dict)}
    matched: dict[int, dict[str, Any]] = {}
    for entry in given:
        found = where.get(entry.get(key))
        if found is None:
            report.problems.append((path, f"{key} '{entry.get(key)}' is not in the English file"))
        else:
            matched[found] = entry
    return matched
