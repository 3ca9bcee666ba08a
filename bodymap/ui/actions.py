"""The window's commands, declared once as data: id, text, shortcuts, and where they are allowed.

Modes (normal, kiosk) differ by which actions they enable, not by branches in the window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcuts: tuple[str, ...] = ()
    tip: str = ""
    checkable: bool = False
    kiosk: bool = True
    """Whether a kiosk visitor may use it (no files, no quitting)."""


ACTIONS = (
    ActionSpec("view_both", "Front and back", ("Ctrl+1",), "Show both diagrams", checkable=True),
    ActionSpec("view_front", "Front", ("Ctrl+2",), "Show the front diagram", checkable=True),
    ActionSpec("view_back", "Back", ("Ctrl+3",), "Show the back diagram", checkable=True),
    ActionSpec("zoom_in", "Zoom in", ("+", "=", "Ctrl++"), "Zoom in (+)"),
    ActionSpec("zoom_out", "Zoom out", ("-", "Ctrl+-"), "Zoom out (-)"),
    ActionSpec("zoom_fit", "Fit", ("0", "Ctrl+0"), "Fit the diagrams to the window"),
    ActionSpec("clear", "Clear", ("Esc",), "Clear every selection (Esc)"),
    ActionSpec("search", "Search", ("Ctrl+F",), "Search muscles and regions (Ctrl+F)"),
    ActionSpec("red_flags", "Red flags", (), "When to see a clinician now"),
    ActionSpec("quit", "Quit", ("Ctrl+Q",), "Quit bodymap", kiosk=False),
)


def build_actions(parent: QWidget, handlers: dict) -> dict[str, QAction]:
    """QActions for every spec with a handler, added to ``parent`` so shortcuts work anywhere in it."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        if spec.id not in handlers:
            continue
        action = QAction(spec.text, parent)
        action.setObjectName(spec.id)
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setToolTip(spec.tip or spec.text)
        action.setCheckable(spec.checkable)
        action.triggered.connect(handlers[spec.id])
        parent.addAction(action)
        actions[spec.id] = action
    return actions
