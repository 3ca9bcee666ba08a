"""Body diagrams as geometry: SVG files parsed into named shapes, and hit-testing. No widgets."""

from __future__ import annotations

from functools import cache

from bodymap.diagram.diagram import Diagram, Polyline, TriggerPointMark
from bodymap.diagram.shapes import Layer, Shape
from bodymap.diagram.svg_file import DiagramError, read_diagram
from bodymap.knowledge.model import View
from bodymap.resources import asset

__all__ = [
    "Diagram", "DiagramError", "Layer", "Polyline", "Shape", "TriggerPointMark", "load_diagrams", "read_diagram",
]


@cache
def load_diagrams() -> dict[View, Diagram]:
    """The shipped front and back diagrams, parsed once per process."""
    return {view: read_diagram(asset(f"{view.value}.svg"), view) for view in View}
