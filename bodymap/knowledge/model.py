"""The knowledge model: regions of the body surface and the muscles that refer pain to them.

Every model is frozen (the knowledge base never changes while the app runs) and every
field carries a description, so ``bodymap schema`` gives content authors an editor
schema with help text. Cross-references between files (a referral naming a region, a
unique muscle id) are checked by :mod:`bodymap.knowledge.loading`, which sees all files.
"""

from __future__ import annotations

import re
from collections.abc import Set
from enum import Enum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

SCHEMA_VERSION = 2
"""The data format this code reads; ``regions.toml`` and ``views.toml`` declare the same number.
Version 2: regions name the views that draw them (``views``) instead of one ``view``."""


def _known_version(value: int) -> int:
    if value != SCHEMA_VERSION:
        raise ValueError(f"this version of bodymap reads schema_version {SCHEMA_VERSION}, not {value}")
    return value


SchemaVersion = Annotated[
    int,
    AfterValidator(_known_version),
    Field(description=f"Version of the data format; this code reads version {SCHEMA_VERSION}."),
]
"""The ``schema_version`` every data file declares (the one number in SCHEMA_VERSION)."""

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", min_length=2, max_length=48),
    Field(description="Stable identifier: lower case letters, digits and underscores."),
]

TRUSTED = "trusted"
"""Validation context key: the data was fully validated before (a cache entry), skip text checks."""

_PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b|\b(tbd|fixme|lorem|ipsum)\b", re.IGNORECASE)
_WORD_TOO = ("todo", "xxx")
"""Markers that are also ordinary words in some language ('todo' is Spanish for 'all'): only their
upper-case form is a stub."""


def is_placeholder(value: str) -> bool:
    """Whether text still holds a stub marker (TODO, TBD, FIXME, lorem ipsum...)."""
    for match in _PLACEHOLDER.finditer(value):
        word = match.group(0)
        if word.lower() not in _WORD_TOO or word.isupper():
            return True
    return False


def _no_placeholder(value: str) -> str:
    """Reject text that was left as a stub, so unfinished content never reaches a client."""
    if is_placeholder(value):
        raise ValueError("placeholder text (TODO, TBD, lorem...) is not allowed")
    return value


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=3),
]
"""A piece of plain-English prose shown to a person (placeholders are rejected)."""

Term = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2)]
"""A name or abbreviation people search for, e.g. 'QL' or 'TFL'."""


class Frozen(BaseModel):
    """Base for every knowledge record: immutable, strict about unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _reject_placeholders(cls, value: object, info: ValidationInfo) -> object:
        if info.context and info.context.get(TRUSTED):
            return value  # already checked when the cache entry was made
        if isinstance(value, str):
            return _no_placeholder(value)
        if isinstance(value, tuple):
            for item in value:
                if isinstance(item, str):
                    _no_placeholder(item)
        return value


class Side(str, Enum):
    """The person's own side (on the front view their left is on the viewer's right)."""

    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


class Area(str, Enum):
    """Coarse body areas, used to group regions and muscles in lists."""

    HEAD = "head"
    NECK = "neck"
    SHOULDER = "shoulder"
    ARM = "arm"
    HAND = "hand"
    TRUNK = "trunk"
    LOW_BACK = "low_back"
    HIP = "hip"
    THIGH = "thigh"
    KNEE = "knee"
    LOWER_LEG = "lower_leg"
    FOOT = "foot"
    PELVIC_FLOOR = "pelvic_floor"


class Region(Frozen):
    """A patch of the body surface a person can point to when saying where it hurts."""

    id: Id
    label: Text = Field(description="Plain-English name shown to people, e.g. 'Outer thigh'.")
    views: tuple[Id, ...] = Field(
        min_length=1,
        description="Ids of the views (data/views.toml) that draw this region: the full body "
        "view it lies on and any close-up that shows it. One id, one region, on every view.",
    )
    paired: StrictBool = Field(
        description="True when the region exists on the left and on the right as two "
        "separate patches; false for a single patch on the midline (sacrum, sternum)."
    )
    area: Area = Field(description="Body area the region belongs to, for grouping in lists.")
    description: Text = Field(description="One sentence on the surface area the region covers.")

    @property
    def sides(self) -> tuple[Side | None, ...]:
        """The sides a person can point to: left and right, or None alone for a midline region."""
        return tuple(Side) if self.paired else (None,)


class Quality(str, Enum):
    """How a pain feels, as a person describes it; some qualities point to a nerve rather than a muscle."""

    ACHING = "aching"
    BURNING = "burning"
    TINGLING = "tingling"
    NUMB = "numb"
    SHARP = "sharp"
    THROBBING = "throbbing"


class Depth(str, Enum):
    """How a muscle lies: superficial muscles can be felt under the skin, deep ones cannot."""

    SUPERFICIAL = "superficial"
    DEEP = "deep"


class Zone(str, Enum):
    """The two parts of a referral pattern, as the trigger point charts draw them."""

    ESSENTIAL = "essential"
    SPILLOVER = "spillover"


class TriggerPoint(Frozen):
    """One trigger point location within a muscle."""

    id: Id = Field(description="Short id unique within the muscle; the diagrams mark the point with it.")
    location: Text = Field(description="Where the point sits, in words a client can follow.")


class Referral(Frozen):
    """One region that a muscle's trigger points send pain to."""

    region: Id = Field(description="Id of a region declared in regions.toml.")
    zone: Zone = Field(
        description="'essential' where pain is nearly always felt, 'spillover' where it sometimes spreads."
    )
    likelihood: float = Field(
        gt=0,
        le=1,
        description="How often the pain guides name this muscle as the source of pain in this "
        "region, on a 0-1 scale: about 0.9 for the first muscles listed, 0.5 commonly listed, "
        "0.2 occasional. Orders the muscles for a single region.",
    )
    why: Text | None = Field(
        default=None,
        description="Only for a spillover zone that is more likely than every essential zone of the muscle: "
        "why the pain guides rank it so (without it, validation warns).",
    )


class Tool(str, Enum):
    """What a person uses to release a trigger point themselves."""

    BALL = "ball"
    THUMB = "thumb"
    FINGERS = "fingers"
    PINCER = "pincer grip"
    FOAM_ROLLER = "foam roller"
    CANE = "massage cane"
    HEAT = "heat"


class SelfRelease(Frozen):
    """A self-treatment technique, written so a person can follow it at home."""

    tool: Tool = Field(description="What to use: ball, thumb, fingers, pincer grip, foam roller, massage cane or heat.")
    position: Text = Field(
        description="How to place the body, e.g. 'Lie on your side with the ball under the outer hip'."
    )
    steps: Text = Field(description="What to do, step by step.")
    pressure: Text = Field(description="How hard to press, e.g. 'a 5 to 7 out of 10, tender but not sharp'.")
    duration: Text = Field(description="How long and how often, e.g. '30 to 90 seconds per spot, once or twice a day'.")
    cautions: tuple[Id, ...] = Field(
        default=(),
        description="Ids of general cautions (safety.toml) this technique needs beyond those its tool brings, "
        "e.g. 'varicose_veins' for rolling the calf.",
    )


class Stretch(Frozen):
    """A stretch that lengthens the muscle once its trigger points are released."""

    name: Text = Field(description="Short name of the stretch.")
    steps: Text = Field(description="How to do it, step by step.")
    hold: Text = Field(description="How long to hold and how many repetitions.")
    cautions: tuple[Id, ...] = Field(
        default=(),
        description="Ids of general cautions (safety.toml) for this stretch, e.g. 'neck_extension' for a "
        "neck stretch that looks up and turns.",
    )


class Source(Frozen):
    """Where the anatomy and referral facts for a muscle come from."""

    reference: Text = Field(
        description="The reference work, e.g. 'Travell & Simons, Myofascial Pain and Dysfunction, vol. 2 (1992)'."
    )
    section: Text = Field(description="Chapter, page or equivalent within the reference.")


class Muscle(Frozen):
    """A muscle with myofascial trigger points, its anatomy and how to care for it."""

    id: Id
    name: Text = Field(description="Common English name, e.g. 'Gluteus minimus'.")
    latin: Text = Field(description="Latin anatomical name, e.g. 'Musculus gluteus minimus'.")
    synonyms: tuple[Term, ...] = Field(
        default=(), description="Other names people search for, e.g. 'glute min' or 'TFL'."
    )
    area: Area = Field(description="Body area where the muscle lies, for grouping in lists.")
    group: Text = Field(description="Functional family, e.g. 'Gluteal muscles' or 'Hip flexors'.")
    depth: Depth = Field(description="'superficial' if it can be felt under the skin, otherwise 'deep'.")
    origin: Text = Field(description="Where the muscle starts, in plain words with the bone named.")
    insertion: Text = Field(description="Where the muscle attaches at its moving end.")
    actions: tuple[Text, ...] = Field(min_length=1, description="What the muscle does, one movement per item.")
    innervation: Text = Field(description="The nerve (and spinal levels) that supplies the muscle.")
    trigger_points: tuple[TriggerPoint, ...] = Field(min_length=1, description="Where its trigger points sit.")
    pain_pattern: Text = Field(description="Where its trigger points send pain, described in words.")
    referral: tuple[Referral, ...] = Field(
        min_length=1, description="The regions it refers pain to, essential and spillover."
    )
    symptoms: tuple[Text, ...] = Field(min_length=1, description="What a person notices besides the pain itself.")
    perpetuating_factors: tuple[Text, ...] = Field(
        min_length=1, description="Habits and conditions that keep its trigger points active."
    )
    self_release: tuple[SelfRelease, ...] = Field(min_length=1, description="Self-treatment techniques.")
    stretches: tuple[Stretch, ...] = Field(default=(), description="Stretches for the muscle, where one applies.")
    cautions: tuple[Text, ...] = Field(
        min_length=1, description="Safety notes: nerves, vessels and conditions to respect."
    )
    good_to_know: tuple[Text, ...] = Field(
        default=(), description="Practical insights: what it mimics, what to treat first."
    )
    differentials: tuple[Text, ...] = Field(
        default=(),
        description="Other causes of the same pain that a person or therapist should keep in mind "
        "(e.g. shingles before the rash), in plain words.",
    )
    general_cautions: tuple[Id, ...] = Field(
        default=(),
        description="Ids of general cautions (safety.toml) that apply to every technique for this muscle, "
        "e.g. 'blood_thinners' and 'aneurysm' for the psoas.",
    )
    sources: tuple[Source, ...] = Field(min_length=1, description="References for the anatomy and referral facts.")

    @field_validator("referral")
    @classmethod
    def _one_zone_per_region(cls, value: tuple[Referral, ...]) -> tuple[Referral, ...]:
        seen: set[str] = set()
        for referral in value:
            if referral.region in seen:
                raise ValueError(f"region '{referral.region}' is listed twice")
            seen.add(referral.region)
        return value

    @field_validator("trigger_points")
    @classmethod
    def _unique_trigger_point_ids(cls, value: tuple[TriggerPoint, ...]) -> tuple[TriggerPoint, ...]:
        ids = [point.id for point in value]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"trigger point id(s) listed twice: {', '.join(duplicates)}")
        return value

    def referral_to(self, region_id: str) -> Referral | None:
        """The referral of this muscle to ``region_id``, if it has one."""
        return next((r for r in self.referral if r.region == region_id), None)


class RegionFile(Frozen):
    """The layout of ``regions.toml``: the data set's version and every region, declared once."""

    schema_version: SchemaVersion
    region: tuple[Region, ...] = Field(min_length=1, description="Every clickable region.")


class RedFlag(Frozen):
    """A sign that sends a person to a clinician instead of to self-care."""

    id: Id
    sign: Text = Field(description="What the person notices, in plain words.")
    why: Text = Field(description="Why it matters, in one sentence.")
    places: tuple[Id, ...] = Field(
        default=(),
        description="Region ids where this flag matters most: when a person selects one of them, the flag "
        "is shown beside the results, not only behind the Red flags button. Empty for flags of any place.",
    )
    qualities: tuple[Quality, ...] = Field(
        default=(),
        description="Pain qualities (burning, tingling, numb...) that bring this flag beside the results.",
    )


class GeneralCaution(Frozen):
    """A condition that changes how anyone should do self-care, shown once and linked from each technique."""

    id: Id
    title: Text = Field(description="Short name, e.g. 'Pregnancy'.")
    text: Text = Field(description="What to do differently, in plain words.")
    tools: tuple[Tool, ...] = Field(
        default=(), description="Self-release tools this caution always applies to (e.g. heat for the heat caution)."
    )


class Safety(Frozen):
    """The layout of ``safety.toml``: what the app says about safety on every screen and handout."""

    disclaimer: Text = Field(description="One or two sentences shown at all times.")
    first_run: Text = Field(description="The notice shown the first time the app starts.")
    red_flags_intro: Text = Field(description="The sentence that introduces the red flags.")
    red_flag: tuple[RedFlag, ...] = Field(min_length=1, description="Signs that need a clinician now.")
    caution: tuple[GeneralCaution, ...] = Field(
        default=(), description="Conditions that change how anyone does self-care (pregnancy, blood thinners, heat...)."
    )

    @model_validator(mode="after")
    def _unique_ids(self) -> Safety:
        for kind, ids in (("red flag", [f.id for f in self.red_flag]), ("caution", [c.id for c in self.caution])):
            doubles = sorted({i for i in ids if ids.count(i) > 1})
            if doubles:
                raise ValueError(f"{kind} id(s) used twice: {', '.join(doubles)}")
        return self

    def flags_for(self, places: Set[str], qualities: Set[str] = frozenset()) -> tuple[RedFlag, ...]:
        """The red flags that concern the chosen regions (or pain qualities), in file order."""
        return tuple(f for f in self.red_flag if places & set(f.places) or qualities & set(f.qualities))

    def cautions_for(self, technique: SelfRelease | Stretch, muscle: Muscle) -> tuple[GeneralCaution, ...]:
        """The general cautions a technique links to: by its tool, by name, or named by its muscle."""
        named = set(technique.cautions) | set(muscle.general_cautions)
        tool = technique.tool if isinstance(technique, SelfRelease) else None
        return tuple(c for c in self.caution if c.id in named or (tool is not None and tool in c.tools))

    def cautions_of(self, muscle: Muscle) -> tuple[GeneralCaution, ...]:
        """Every general caution any technique of the muscle links to, once each, in file order."""
        techniques: tuple[SelfRelease | Stretch, ...] = (*muscle.self_release, *muscle.stretches)
        used = {c.id for t in techniques for c in self.cautions_for(t, muscle)}
        return tuple(c for c in self.caution if c.id in used)
