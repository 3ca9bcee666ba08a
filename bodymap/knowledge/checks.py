"""Checks that need more than one data file: ids unique and matching their file, every reference
pointing at something declared, techniques that use heat linking the heat caution, no paragraph
pasted into two muscles; and the warnings an author should look at. Every problem names its line."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from bodymap.knowledge.errors import DataError
from bodymap.knowledge.model import Muscle, Region, Safety, SelfRelease, Stretch, Tool, Zone
from bodymap.knowledge.terms import TermsFile
from bodymap.knowledge.toml_source import Source
from bodymap.knowledge.views import ViewFile

MIN_SHARED_TEXT = 60
"""Texts at least this long must not be repeated across muscles (a copy-paste check)."""
SHARED_FIELDS = ("sources", "innervation", "group")
"""Fields muscles may share word for word: citations of one book, one nerve supplying
neighbours (the three parts of the trapezius), and the family they belong to."""
HEAT_WORDS = re.compile(r"\b(heat|heating|warm(?![\s-]up)|warmth|hot|soak|soaking|sauna)\b", re.IGNORECASE)
"""Words that mean heat is applied ('warm up' is exercise, not heat)."""

if TYPE_CHECKING:
    from bodymap.knowledge.languages import Overlays


@dataclass
class Loaded:
    """What loading a folder read: each file's source (for line numbers) and every region id written."""

    folder: Path
    sources: dict[Path, Source] = field(default_factory=dict)
    declared_regions: set[str] = field(default_factory=set)
    overlays: Overlays | None = None
    """The chosen language's texts, laid over each file as it is read (None for English)."""

    def error(
        self, path: Path, message: str, entry: str | None = None, loc: Sequence[Any] = (), within: int = 0
    ) -> DataError:
        """A problem at a field of a file, given as pydantic locates it: ('referral', 2, 'region'). In a
        file of several entries (regions, red flags, terms) the field is named ``within`` the entry:
        ('region', 4, 'views') with within=2 is field 'views' of that region."""
        source = self.sources.get(path)
        return DataError(
            path,
            message,
            entry=entry,
            field=field_name(loc[within:]) or None,
            line=source.line_of(loc) if source and loc else None,
        )


def field_name(loc: Sequence[Any]) -> str:
    """('referral', 2, 'region') -> 'referral[3].region' (1-based, as an author counts)."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out


def cross_check(
    loaded: Loaded,
    views: ViewFile | None,
    regions: list[Region],
    safety: Safety | None,
    terms: TermsFile | None,
    muscles: list[tuple[Path, Muscle]],
) -> Iterator[DataError]:
    regions_path = loaded.folder / "regions.toml"
    region_ids = loaded.declared_regions | {r.id for r in regions}
    view_ids = {v.id for v in views.view} if views else set()
    seen: dict[str, int] = {}
    for index, region in enumerate(regions):
        if region.id in seen:
            yield loaded.error(regions_path, "this region id is declared twice", region.id, ("region", index, "id"), 2)
        seen[region.id] = index
        for view in region.views:
            if views and view not in view_ids:
                yield loaded.error(
                    regions_path,
                    f"names view '{view}', which views.toml does not declare",
                    region.id,
                    ("region", index, "views"),
                    2,
                )
    if safety is not None:
        safety_path = loaded.folder / "safety.toml"
        for index, flag in enumerate(safety.red_flag):
            for place in flag.places:
                if region_ids and place not in region_ids:
                    yield loaded.error(
                        safety_path,
                        f"names region '{place}', which regions.toml does not declare",
                        flag.id,
                        ("red_flag", index, "places"),
                        2,
                    )
    if terms is not None:
        yield from _term_links(loaded, terms, region_ids, {m.id for _, m in muscles})
    first_file: dict[str, Path] = {}
    for path, muscle in muscles:
        if muscle.id != path.stem:
            yield loaded.error(path, f"the id must be the file's name ('{path.stem}')", muscle.id, ("id",))
        if muscle.id in first_file:
            yield loaded.error(path, f"muscle id already used by {first_file[muscle.id].name}", muscle.id, ("id",))
        else:
            first_file[muscle.id] = path
        if region_ids:
            for index, referral in enumerate(muscle.referral):
                if referral.region not in region_ids:
                    yield loaded.error(
                        path,
                        f"names region '{referral.region}', which regions.toml does not declare",
                        muscle.id,
                        ("referral", index, "region"),
                    )
        if safety is not None:
            yield from _caution_links(loaded, path, muscle, safety)
    yield from _repeated_texts(loaded, muscles)


def _term_links(loaded: Loaded, terms: TermsFile, regions: set[str], muscles: set[str]) -> Iterator[DataError]:
    path = loaded.folder / "search_terms.toml"
    for index, term in enumerate(terms.term):
        for key, ids, known, kind in (
            ("regions", term.regions, regions, "region"),
            ("muscles", term.muscles, muscles, "muscle"),
        ):
            for target in ids:
                if known and target not in known:
                    yield loaded.error(
                        path, f"names {kind} '{target}', which does not exist", term.text, ("term", index, key), 2
                    )


def _caution_links(loaded: Loaded, path: Path, muscle: Muscle, safety: Safety) -> Iterator[DataError]:
    """Every named general caution exists, and every technique that uses heat links a heat caution."""
    known = {c.id for c in safety.caution}
    named: list[tuple[tuple[Any, ...], tuple[str, ...]]] = [(("general_cautions",), muscle.general_cautions)]
    named += [(("self_release", i, "cautions"), t.cautions) for i, t in enumerate(muscle.self_release)]
    named += [(("stretches", i, "cautions"), s.cautions) for i, s in enumerate(muscle.stretches)]
    for loc, ids in named:
        for caution in ids:
            if caution not in known:
                yield loaded.error(
                    path, f"names general caution '{caution}', which safety.toml does not declare", muscle.id, loc
                )
    techniques: list[tuple[str, int, SelfRelease | Stretch]] = [
        *(("self_release", i, t) for i, t in enumerate(muscle.self_release)),
        *(("stretches", i, s) for i, s in enumerate(muscle.stretches)),
    ]
    for table, index, technique in techniques:
        text = f"{technique.position} {technique.steps}" if isinstance(technique, SelfRelease) else technique.steps
        uses_heat = (isinstance(technique, SelfRelease) and technique.tool is Tool.HEAT) or HEAT_WORDS.search(text)
        if uses_heat and not any(Tool.HEAT in c.tools for c in safety.cautions_for(technique, muscle)):
            yield loaded.error(
                path,
                "uses heat or warm water but links no heat caution (add it to 'cautions')",
                muscle.id,
                (table, index),
            )


def referral_warnings(loaded: Loaded, muscles: list[tuple[Path, Muscle]]) -> Iterator[DataError]:
    """A spillover zone more likely than every essential zone of its muscle breaks the guides' usual
    order; it may be right (the guides say so), but then the file says why."""
    for path, muscle in muscles:
        essential = [r.likelihood for r in muscle.referral if r.zone is Zone.ESSENTIAL]
        if not essential:
            continue
        for index, referral in enumerate(muscle.referral):
            if referral.zone is Zone.SPILLOVER and referral.likelihood > max(essential) and referral.why is None:
                yield loaded.error(
                    path,
                    f"spillover zone '{referral.region}' ({referral.likelihood}) is more likely than every "
                    f"essential zone (at most {max(essential)}); lower it, or say why in 'why'",
                    muscle.id,
                    ("referral", index),
                )


def _texts(model: BaseModel, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    for name, value in model:
        items = value if isinstance(value, tuple) else (value,)
        for index, item in enumerate(items):
            loc = (*prefix, name, index) if isinstance(value, tuple) else (*prefix, name)
            if isinstance(item, str):
                yield loc, item
            elif isinstance(item, BaseModel):
                yield from _texts(item, loc)


def _repeated_texts(loaded: Loaded, muscles: list[tuple[Path, Muscle]]) -> Iterator[DataError]:
    """Each muscle deserves its own words: a long paragraph pasted into two muscles is an error."""
    owner: dict[str, str] = {}
    for path, muscle in muscles:
        for loc, text in _texts(muscle):
            if len(text) < MIN_SHARED_TEXT or loc[0] in SHARED_FIELDS:
                continue
            key = " ".join(text.lower().split())
            if key in owner and owner[key] != muscle.id:
                yield loaded.error(path, f"same text as muscle '{owner[key]}'", muscle.id, loc)
            owner.setdefault(key, muscle.id)
