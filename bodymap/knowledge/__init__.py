"""The knowledge core: models, loading and validation, ranking. Imports no Qt at all."""

from bodymap.knowledge.base import KnowledgeBase
from bodymap.knowledge.errors import DataError, DataErrors, UnknownId
from bodymap.knowledge.loading import load_knowledge
from bodymap.knowledge.model import Area, Depth, Muscle, Quality, Region, Side, Zone
from bodymap.knowledge.ranking import Explanation, RankedMuscle, describe, rank
from bodymap.knowledge.schema import schema
from bodymap.knowledge.selection import MIDLINE, Selection, SelectionError, parse_selection, parse_selections

__all__ = [
    "MIDLINE",
    "Area",
    "DataError",
    "DataErrors",
    "Depth",
    "Explanation",
    "KnowledgeBase",
    "Muscle",
    "Quality",
    "RankedMuscle",
    "Region",
    "Selection",
    "SelectionError",
    "Side",
    "UnknownId",
    "Zone",
    "describe",
    "load_knowledge",
    "parse_selection",
    "parse_selections",
    "rank",
    "schema",
]
