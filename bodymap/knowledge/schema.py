"""JSON Schema for content authors, generated from the models so it never drifts from them."""

from __future__ import annotations

from typing import Any

from bodymap.knowledge.model import Muscle, RegionFile


def schema() -> dict[str, Any]:
    """The schemas of a muscle file and of ``regions.toml``, keyed by file kind."""
    return {
        "muscle_file": Muscle.model_json_schema(),
        "regions_file": RegionFile.model_json_schema(),
    }
