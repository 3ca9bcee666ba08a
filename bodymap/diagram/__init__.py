"""Body diagrams as geometry: SVG files parsed into named shapes, and hit-testing. No widgets."""

from __future__ import annotations

from bodymap.diagram.diagram import Diagram, Polyline, TriggerPointMark
from bodymap.diagram.library import Diagrams, load_diagrams
from bodymap.diagram.shapes import Layer, Shape
from bodymap.diagram.svg_file import DiagramError, read_diagram

__all__ = [
    "Diagram",
    "DiagramError",
    "Diagrams",
    "Layer",
    "Polyline",
    "Shape",
    "TriggerPointMark",
    "load_diagrams",
    "read_diagram",
]
