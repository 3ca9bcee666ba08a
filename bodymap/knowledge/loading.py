"""Read a data folder (``views.toml``, ``regions.toml``, ``safety.toml`` and ``muscles/*.toml``) into a validated knowledge base.

Every file is parsed and validated even after an earlier one failed, and cross-file
checks run on whatever loaded, so an author sees every problem in one pass. Each error
names the file, the entry (region or muscle id), the field and, where it can be found,
the line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from bodymap import cache
from bodymap.knowledge.base import KnowledgeBase
from bodymap.knowledge.errors import DataError, DataErrors
from bodymap.knowledge.model import TRUSTED, Muscle, Region, RegionFile, Safety, Tool, Zone
from bodymap.knowledge.terms import SearchTerm, TermsFile
from bodymap.knowledge.views import ViewFile
from bodymap.resources import resource_dir

VIEWS_FILE = "views.toml"
REGIONS_FILE = "regions.toml"
SAFETY_FILE = "safety.toml"
TERMS_FILE = "search_terms.toml"
MUSCLES_DIR = "muscles"
_MIN_SHARED_TEXT = 60
"""Texts at least this long must not be repeated across muscles (a copy-paste check)."""
_SHARED_FIELDS = ("sources", "innervation")
"""Fields muscles may share word for word: citations of one book, and one nerve supplying
neighbours (the three parts of the trapezius)."""


class _Snapshot(BaseModel):
    """A validated knowledge base as cached JSON (see bodymap.cache)."""

    views: ViewFile
    safety: Safety
    terms: tuple[SearchTerm, ...]
    regions: tuple[Region, ...]
    muscles: tuple[Muscle, ...]


def load_knowledge(folder: Path | None = None, trust_cache: bool = True) -> KnowledgeBase:
    """Load and validate a data folder; raise DataErrors listing every problem.

    The shipped data (no ``folder``) is read through the cache: its files were validated
    when the cache entry was made, and the entry is keyed by their exact bytes.
    ``trust_cache=False`` (what ``bodymap validate`` uses) checks the sources themselves.
    """
    if folder is not None:
        return _load_checked(Path(folder))
    folder = resource_dir("data")
    if not trust_cache:
        return _load_checked(folder)
    files = [folder / VIEWS_FILE, folder / REGIONS_FILE, folder / SAFETY_FILE, folder / TERMS_FILE,
             *sorted((folder / MUSCLES_DIR).glob("*.toml"))]
    try:
        key = cache.digest(p.name.encode() + p.read_bytes() for p in files)
    except OSError:
        return _load_checked(folder)
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
            )
        except ValidationError:
            pass
    kb = _load_checked(folder)
    snapshot = _Snapshot(
        views=kb.views, safety=kb.safety, terms=kb.terms, regions=tuple(kb.regions.values()),
        muscles=tuple(kb.muscles.values()),
    )
    cache.write("knowledge", key, snapshot.model_dump_json())
    return kb


def _load_checked(folder: Path) -> KnowledgeBase:
    """Parse and validate every file of ``folder`` and cross-check them."""
    errors: list[DataError] = []
    if not folder.is_dir():
        raise DataErrors([DataError(folder, "not a folder (expected regions.toml, safety.toml and muscles/ inside)")])
    views = _load_plain(folder / VIEWS_FILE, ViewFile, errors)
    regions = _load_regions(folder / REGIONS_FILE, errors)
    safety = _load_plain(folder / SAFETY_FILE, Safety, errors)
    terms = _load_plain(folder / TERMS_FILE, TermsFile, errors)
    muscles = _load_muscles(folder / MUSCLES_DIR, errors)
    errors.extend(_cross_check(folder, views, regions, safety, muscles))
    if terms is not None:
        errors.extend(_term_links(folder / TERMS_FILE, terms, {r.id for r in regions}, {m.id for _, m in muscles}))
    if errors or safety is None or views is None or terms is None:
        raise DataErrors(errors)
    return KnowledgeBase(
        views=views,
        safety=safety,
        terms=terms.term,
        warnings=tuple(referral_warnings(muscles)),
        regions={r.id: r for r in regions},
        muscles={m.id: m for _, m in sorted(muscles, key=lambda fm: fm[1].name.lower())},
        folder=folder,
    )


def _read_toml(path: Path, errors: list[DataError]) -> tuple[dict[str, Any], str] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        errors.append(DataError(path, "file is missing"))
        return None
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(DataError(path, f"cannot be read as UTF-8 text ({exc.__class__.__name__})"))
        return None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(match.group(1)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        errors.append(DataError(path, f"TOML syntax error: {message}", line=line))
        return None


def _load_regions(path: Path, errors: list[DataError]) -> list[Region]:
    parsed = _read_toml(path, errors)
    if parsed is None:
        return []
    raw, text = parsed
    regions = _validated(RegionFile, raw, path, text, errors, split=_region_entry(raw))
    if regions is not None:
        return list(regions.region)
    # Keep the regions that are valid on their own, so muscle cross-checks still mean something.
    good = []
    for item in raw.get("region", []) if isinstance(raw.get("region"), list) else []:
        try:
            good.append(Region.model_validate(item))
        except ValidationError:
            pass
    return good


def _load_plain(path: Path, model, errors: list[DataError]):
    """A file that is one model (views.toml, safety.toml): the value, or None with its errors recorded."""
    parsed = _read_toml(path, errors)
    if parsed is None:
        return None
    raw, text = parsed
    return _validated(model, raw, path, text, errors, split=lambda loc: (None, loc))


def _region_entry(raw: dict[str, Any]):
    """Split an error location in regions.toml into (region id, location within that region)."""

    def split(loc: tuple[Any, ...]) -> tuple[str | None, tuple[Any, ...]]:
        if len(loc) >= 2 and loc[0] == "region" and isinstance(loc[1], int):
            items = raw.get("region") or []
            item = items[loc[1]] if loc[1] < len(items) else None
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                return item["id"], loc[2:]
            return f"region #{loc[1] + 1}", loc[2:]
        return None, loc

    return split


def _load_muscles(folder: Path, errors: list[DataError]) -> list[tuple[Path, Muscle]]:
    if not folder.is_dir():
        errors.append(DataError(folder, "folder of muscle files is missing"))
        return []
    muscles = []
    for path in sorted(folder.glob("*.toml")):
        parsed = _read_toml(path, errors)
        if parsed is None:
            continue
        raw, text = parsed
        name = raw.get("id") if isinstance(raw.get("id"), str) else path.stem
        muscle = _validated(Muscle, raw, path, text, errors, split=lambda loc, name=name: (name, loc))
        if muscle is not None:
            muscles.append((path, muscle))
    return muscles


def _validated(model: type[BaseModel], raw, path: Path, text: str, errors: list[DataError], split):
    """Validate ``raw`` as ``model``; on failure record one DataError per problem and return None.

    ``split`` turns pydantic's error location into (entry, location within the entry).
    """
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            entry, field_loc = split(loc)
            message = "is required but missing" if err["type"] == "missing" else err["msg"]
            errors.append(
                DataError(path, message, entry=entry, field=_field_name(field_loc) or None, line=_line_of(text, loc))
            )
        return None


def _field_name(loc: tuple[Any, ...]) -> str:
    """('referral', 2, 'region') -> 'referral[3].region' (1-based, as an author counts)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """Best-effort line of a field: the n-th ``[[table]]`` header, or the ``key =`` line."""
    if not loc:
        return None
    lines = text.splitlines()
    head = str(loc[0])
    if len(loc) >= 2 and isinstance(loc[1], int):
        headers = [i for i, line in enumerate(lines, 1) if line.strip() == f"[[{head}]]"]
        if loc[1] < len(headers):
            start = headers[loc[1]]
            key = loc[2] if len(loc) >= 3 else None
            for i in range(start, min(len(lines), start + 40)):
                if key and re.match(rf"\s*{re.escape(str(key))}\s*=", lines[i]):
                    return i + 1
                if lines[i].startswith("["):
                    break
            return start
    for i, line in enumerate(lines, 1):
        if re.match(rf"\s*{re.escape(head)}\s*=", line):
            return i
    return None


def _cross_check(
    folder: Path,
    views: ViewFile | None,
    regions: list[Region],
    safety: Safety | None,
    muscles: list[tuple[Path, Muscle]],
) -> Iterator[DataError]:
    """Checks that need more than one file: ids unique and every reference pointing at something declared."""
    regions_path, safety_path = folder / REGIONS_FILE, folder / SAFETY_FILE
    region_ids = {r.id for r in regions}
    seen_regions: set[str] = set()
    view_ids = {v.id for v in views.view} if views else set()
    for region in regions:
        if region.id in seen_regions:
            yield DataError(regions_path, "this region id is declared twice", entry=region.id, field="id")
        seen_regions.add(region.id)
        for index, view in enumerate(region.views):
            if views and view not in view_ids:
                yield DataError(regions_path, f"names view '{view}', which views.toml does not declare",
                                entry=region.id, field=f"views[{index + 1}]")
    caution_ids = {c.id for c in safety.caution} if safety else set()
    if safety and region_ids:
        for flag in safety.red_flag:
            for index, place in enumerate(flag.places):
                if place not in region_ids:
                    yield DataError(safety_path, f"names region '{place}', which regions.toml does not declare",
                                    entry=flag.id, field=f"places[{index + 1}]")

    first_file: dict[str, Path] = {}
    for path, muscle in muscles:
        if muscle.id in first_file:
            yield DataError(
                path, f"muscle id already used by {first_file[muscle.id].name}", entry=muscle.id, field="id"
            )
        else:
            first_file[muscle.id] = path
        if region_ids:
            for index, referral in enumerate(muscle.referral):
                if referral.region not in region_ids:
                    yield DataError(
                        path,
                        f"names region '{referral.region}', which regions.toml does not declare",
                        entry=muscle.id,
                        field=f"referral[{index + 1}].region",
                    )
        if safety:
            yield from _caution_links(path, muscle, safety, caution_ids)
    yield from _repeated_texts(muscles)


_HEAT_WORDS = re.compile(r"\b(heat|heating|warm(?![\s-]up)|warmth|hot|soak|soaking|sauna)\b", re.IGNORECASE)
"""Words that mean heat is applied ('warm up' is exercise, not heat)."""


def _caution_links(path: Path, muscle: Muscle, safety: Safety, known: set[str]) -> Iterator[DataError]:
    """Every named general caution exists, and every technique that uses heat links the heat caution."""
    named = [("general_cautions", muscle.general_cautions)]
    named += [(f"self_release[{i + 1}].cautions", t.cautions) for i, t in enumerate(muscle.self_release)]
    named += [(f"stretches[{i + 1}].cautions", s.cautions) for i, s in enumerate(muscle.stretches)]
    for field, ids in named:
        for caution in ids:
            if caution not in known:
                yield DataError(path, f"names general caution '{caution}', which safety.toml does not declare",
                                entry=muscle.id, field=field)
    for index, technique in enumerate(muscle.self_release):
        uses_heat = technique.tool is Tool.HEAT or _HEAT_WORDS.search(f"{technique.position} {technique.steps}")
        linked = safety.cautions_for(technique, muscle)
        if uses_heat and not any(Tool.HEAT in c.tools for c in linked):
            yield DataError(path, "uses heat or warm water but links no heat caution (add it to 'cautions')",
                            entry=muscle.id, field=f"self_release[{index + 1}]")


def _term_links(path: Path, terms: TermsFile, regions: set[str], muscles: set[str]) -> Iterator[DataError]:
    for term in terms.term:
        for field, ids, known, kind in (("regions", term.regions, regions, "region"),
                                        ("muscles", term.muscles, muscles, "muscle")):
            for index, target in enumerate(ids):
                if known and target not in known:
                    yield DataError(path, f"names {kind} '{target}', which does not exist", entry=term.text,
                                    field=f"{field}[{index + 1}]")


def referral_warnings(muscles: list[tuple[Path, Muscle]]) -> Iterator[DataError]:
    """A spillover zone more likely than every essential zone of its muscle breaks the guides' usual
    order; it may be right (the guides say so), but then the file says why."""
    for path, muscle in muscles:
        essential = [r.likelihood for r in muscle.referral if r.zone is Zone.ESSENTIAL]
        if not essential:
            continue
        for index, referral in enumerate(muscle.referral):
            if referral.zone is Zone.SPILLOVER and referral.likelihood > max(essential) and referral.why is None:
                yield DataError(
                    path,
                    f"spillover zone '{referral.region}' ({referral.likelihood}) is more likely than every "
                    f"essential zone (at most {max(essential)}); lower it, or say why in 'why'",
                    entry=muscle.id,
                    field=f"referral[{index + 1}]",
                )


def _texts(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, str]]:
    for name, value in model:
        items = value if isinstance(value, tuple) else (value,)
        for index, item in enumerate(items):
            label = f"{prefix}{name}" + (f"[{index + 1}]" if isinstance(value, tuple) else "")
            if isinstance(item, str):
                yield label, item
            elif isinstance(item, BaseModel):
                yield from _texts(item, label + ".")


def _repeated_texts(muscles: list[tuple[Path, Muscle]]) -> Iterator[DataError]:
    """Each muscle deserves its own words: a long paragraph pasted into two muscles is an error."""
    owner: dict[str, str] = {}
    for path, muscle in muscles:
        for field, text in _texts(muscle):
            if len(text) < _MIN_SHARED_TEXT or field.startswith(_SHARED_FIELDS):
                continue
            key = " ".join(text.lower().split())
            if key in owner and owner[key] != muscle.id:
                yield DataError(path, f"same text as muscle '{owner[key]}'", entry=muscle.id, field=field)
            owner.setdefault(key, muscle.id)
