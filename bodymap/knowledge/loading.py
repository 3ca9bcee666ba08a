"""Read a data folder (``views.toml``, ``regions.toml``, ``safety.toml``, ``search_terms.toml`` and
``muscles/*.toml``) into a validated knowledge base.

Every file is parsed and validated even after an earlier one failed, and cross-file checks run on
whatever loaded, so an author sees every problem in one pass. Each error names the file, the entry
(region or muscle id), the field and, wherever it can be found, the line. One bad field does not
cascade: a region that fails validation still counts as declared for the muscles that name it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bodymap import cache
from bodymap.knowledge.base import KnowledgeBase
from bodymap.knowledge.checks import Loaded, cross_check, field_name, referral_warnings
from bodymap.knowledge.errors import DataError, DataErrors
from bodymap.knowledge.languages import ENGLISH, LANG_FOLDER, Overlays
from bodymap.knowledge.model import TRUSTED, Muscle, Region, RegionFile, Safety
from bodymap.knowledge.terms import SearchTerm, TermsFile
from bodymap.knowledge.toml_source import Source, read_toml
from bodymap.knowledge.views import ViewFile
from bodymap.resources import resource_dir

VIEWS_FILE = "views.toml"
REGIONS_FILE = "regions.toml"
SAFETY_FILE = "safety.toml"
TERMS_FILE = "search_terms.toml"
MUSCLES_DIR = "muscles"
MAX_MUSCLE_FILES = 2000
"""More muscle files than this is a mistake (a wrong folder), not a knowledge base."""
M = TypeVar("M", bound=BaseModel)


class _Snapshot(BaseModel):
    """A validated knowledge base as cached JSON (see bodymap.cache)."""

    views: ViewFile
    safety: Safety
    terms: tuple[SearchTerm, ...]
    regions: tuple[Region, ...]
    muscles: tuple[Muscle, ...]


def load_knowledge(folder: Path | None = None, trust_cache: bool = True, language: str | None = None) -> KnowledgeBase:
    """Load and validate a data folder, in English or with a language's texts laid over it
    (``data/lang/<language>``, see overlay.py); raise DataErrors listing every problem.

    The shipped data (no ``folder``) is read through the cache: its files were validated when the
    cache entry was made, and the entry is keyed by their exact bytes. ``trust_cache=False`` (what
    ``bodymap validate`` uses) checks the sources themselves.
    """
    language = None if language in (None, ENGLISH) else language
    if folder is not None:
        return _load_checked(Path(folder), language)
    folder = resource_dir("data")
    if not trust_cache:
        return _load_checked(folder, language)
    try:
        files = [folder / name for name in (VIEWS_FILE, REGIONS_FILE, SAFETY_FILE, TERMS_FILE)]
        files += sorted((folder / MUSCLES_DIR).glob("*.toml"))
        if language is not None:
            files += sorted((folder / LANG_FOLDER / language).rglob("*.toml"))
        key = cache.digest(
            [(language or ENGLISH).encode()]
            + [p.relative_to(folder).as_posix().encode() + p.read_bytes() for p in files]
        )
    except OSError:
        return _load_checked(folder, language)
    text = cache.read("knowledge", key)
    if text is not None:
        try:
            snapshot = _Snapshot.model_validate_json(text, context={TRUSTED: True})
            return KnowledgeBase(
                views=snapshot.views,
                safety=snapshot.safety,
                terms=snapshot.terms,
                regions={r.id: r for r in snapshot.regions},
                muscles={m.id: m for m in snapshot.muscles},
                folder=folder,
                language=language or ENGLISH,
            )
        except ValidationError:
            pass
    kb = _load_checked(folder, language)
    snapshot = _Snapshot(
        views=kb.views,
        safety=kb.safety,
        terms=kb.terms,
        regions=tuple(kb.regions.values()),
        muscles=tuple(kb.muscles.values()),
    )
    cache.write("knowledge", key, snapshot.model_dump_json())
    return kb


def translation_report(folder: Path, language: str) -> tuple[Overlays, list[DataError]]:
    """Load a data folder with a language's overlays, checking everything: what each overlay gave
    (translated, missing, stale) and every problem, of the overlays or of the English."""
    overlays = Overlays(folder, language)
    try:
        _load_checked(folder, language, overlays)
    except DataErrors as exc:
        return overlays, list(exc.errors)
    return overlays, []


def _load_checked(folder: Path, language: str | None = None, overlays: Overlays | None = None) -> KnowledgeBase:
    """Parse and validate every file of ``folder`` (with a language's overlays) and cross-check them."""
    errors: list[DataError] = []
    try:
        is_folder = folder.is_dir()
    except OSError as exc:
        raise DataErrors([DataError(folder, f"cannot be used ({exc.strerror or exc})")]) from None
    if not is_folder:
        raise DataErrors([DataError(folder, "not a folder (expected views.toml, regions.toml, muscles/ ... inside)")])
    loaded = Loaded(folder)
    if overlays is None and language is not None:
        overlays = Overlays(folder, language)
    loaded.overlays = overlays
    views = _load_one(folder / VIEWS_FILE, ViewFile, errors, loaded)
    regions = _load_regions(folder / REGIONS_FILE, errors, loaded)
    safety = _load_one(folder / SAFETY_FILE, Safety, errors, loaded)
    terms = _load_one(folder / TERMS_FILE, TermsFile, errors, loaded)
    muscles = _load_muscles(folder / MUSCLES_DIR, errors, loaded)
    errors.extend(cross_check(loaded, views, regions, safety, terms, muscles))
    if overlays is not None:
        overlays.strays({p.relative_to(folder).as_posix() for p in loaded.sources})
        errors.extend(overlays.errors)
    if errors or safety is None or views is None or terms is None:
        raise DataErrors(errors)
    return KnowledgeBase(
        views=views,
        safety=safety,
        terms=terms.term,
        warnings=tuple(referral_warnings(loaded, muscles)),
        regions={r.id: r for r in regions},
        muscles={m.id: m for _, m in sorted(muscles, key=lambda fm: fm[1].name.lower())},
        folder=folder,
        language=language or ENGLISH,
    )


def _read(path: Path, errors: list[DataError], loaded: Loaded) -> Source | None:
    """Read one English data file and lay the chosen language's texts over it (see overlay.py)."""
    source = read_toml(path, errors)
    if source is None:
        return None
    loaded.sources[path] = source
    overlays = loaded.overlays
    if overlays is None:
        return source
    relative = path.relative_to(loaded.folder).as_posix()
    data = overlays.apply(relative, source.data)
    if relative == TERMS_FILE and isinstance(data.get("term"), list):
        data = {**data, "term": data["term"] + overlays.terms()}
    return Source(source.path, source.text, data)


def _load_one(path: Path, model: type[M], errors: list[DataError], loaded: Loaded) -> M | None:
    """A file that is one model (views.toml, safety.toml, search_terms.toml), or None with its errors."""
    source = _read(path, errors, loaded)
    if source is None:
        return None
    return _validated(model, source, errors, split=lambda loc: (None, loc))


def _load_regions(path: Path, errors: list[DataError], loaded: Loaded) -> list[Region]:
    source = _read(path, errors, loaded)
    if source is None:
        return []
    raw = source.data
    found = raw.get("region")
    items: list[Any] = found if isinstance(found, list) else []
    # Every id written, valid or not: a muscle naming a region whose own entry is broken is not
    # a second problem.
    loaded.declared_regions = {
        item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
    }
    regions = _validated(RegionFile, source, errors, split=_region_entry(items))
    if regions is not None:
        return list(regions.region)
    good = []
    for item in items:
        try:
            good.append(Region.model_validate(item))
        except (ValidationError, RecursionError):
            pass
    return good


def _region_entry(items: list[Any]) -> Callable[[tuple[Any, ...]], tuple[str | None, tuple[Any, ...]]]:
    """Split an error location in regions.toml into (region id, location within that region)."""

    def split(loc: tuple[Any, ...]) -> tuple[str | None, tuple[Any, ...]]:
        if len(loc) >= 2 and loc[0] == "region" and isinstance(loc[1], int):
            item = items[loc[1]] if loc[1] < len(items) else None
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                return item["id"], loc[2:]
            return f"region #{loc[1] + 1}", loc[2:]
        return None, loc

    return split


def _load_muscles(folder: Path, errors: list[DataError], loaded: Loaded) -> list[tuple[Path, Muscle]]:
    try:
        with os.scandir(folder) as entries:
            paths = sorted(Path(e.path) for e in entries if e.name.endswith(".toml"))
    except FileNotFoundError:
        errors.append(DataError(folder, "the folder of muscle files is missing"))
        return []
    except OSError as exc:
        errors.append(DataError(folder, f"the folder of muscle files cannot be read ({exc.strerror or exc})"))
        return []
    if not paths:
        errors.append(DataError(folder, "holds no muscle files (*.toml)"))
        return []
    if len(paths) > MAX_MUSCLE_FILES:
        errors.append(DataError(folder, f"holds {len(paths)} files; at most {MAX_MUSCLE_FILES} muscles are read"))
        return []
    muscles = []
    for path in paths:
        source = _read(path, errors, loaded)
        if source is None:
            continue
        raw = source.data
        name = raw.get("id") if isinstance(raw.get("id"), str) else path.stem
        muscle = _validated(Muscle, source, errors, split=lambda loc, name=name: (name, loc))
        if muscle is not None:
            muscles.append((path, muscle))
    return muscles


def _validated(model: type[M], source: Source, errors: list[DataError], split) -> M | None:
    """Validate a file's data as ``model``; on failure record one DataError per problem and return None.

    ``split`` turns pydantic's error location into (entry, location within the entry)."""
    try:
        return model.model_validate(source.data)
    except RecursionError:
        errors.append(DataError(source.path, "is nested too deeply to check"))
        return None
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            entry, field_loc = split(loc)
            message = "is required but missing" if err["type"] == "missing" else err["msg"]
            errors.append(
                DataError(
                    source.path, message, entry=entry, field=field_name(field_loc) or None, line=source.line_of(loc)
                )
            )
        return None
