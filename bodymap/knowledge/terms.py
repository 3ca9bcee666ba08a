"""Words people search for that are neither a muscle nor a region: 'sciatica', 'tennis elbow'.

Each term leads to places (regions the search selects) or to a muscle (the search shows it). A
term is a way in, not a diagnosis: the ranking still says which muscles often send pain there.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from bodymap.knowledge.model import Frozen, Id, SchemaVersion, Term


class SearchTerm(Frozen):
    """One searchable complaint and where it leads."""

    text: Term = Field(description="The words people type, e.g. 'tennis elbow'.")
    regions: tuple[Id, ...] = Field(default=(), description="Region ids the term selects (the person picks the side).")
    muscles: tuple[Id, ...] = Field(default=(), description="Muscle ids the term shows (the first is focused).")

    @model_validator(mode="after")
    def _leads_somewhere(self) -> SearchTerm:
        if bool(self.regions) == bool(self.muscles):
            raise ValueError("a term leads either to regions or to muscles")
        return self


class TermsFile(Frozen):
    """The layout of ``data/search_terms.toml``."""

    schema_version: SchemaVersion
    term: tuple[SearchTerm, ...] = Field(default=(), description="Every search term.")
