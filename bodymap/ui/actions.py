"""The window's commands, declared once as data: id, text, shortcuts, and the modes that allow them.

Modes differ by which actions exist, not by branches in the window: a kiosk visitor simply
has no Quit, Print or Save action to trigger, by menu or by shortcut.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class Mode(str, Enum):
    NORMAL = "normal"
    PRESENT = "present"
    KIOSK = "kiosk"


EVERY_MODE = frozenset(Mode)
DESK = frozenset({Mode.NORMAL, Mode.PRESENT})
"""Modes used by a therapist at a desk: files, printing and quitting are allowed."""


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcuts: tuple[str, ...] = ()
    tip: str = ""
    checkable: bool = False
    modes: frozenset[Mode] = EVERY_MODE
    menu: str = ""
    """Menu it appears in ('' for none); menus exist only outside kiosk mode."""


ACTIONS = (
    ActionSpec("save_pdf", "Save handout as PDF…", ("Ctrl+S",), "Save the client handout as a PDF", modes=DESK, menu="File"),
    # Allowed in a kiosk only when the operator configured it (the window then gives it a handler).
    ActionSpec("print", "Print handout…", ("Ctrl+P",), "Print the client handout", menu="File"),
    ActionSpec("quit", "Quit", ("Ctrl+Q",), "Quit bodymap", modes=DESK, menu="File"),
    ActionSpec("view_both", "Front and back", ("Ctrl+1",), "Show both diagrams", checkable=True, menu="View"),
    ActionSpec("view_front", "Front", ("Ctrl+2",), "Show the front diagram", checkable=True, menu="View"),
    ActionSpec("view_back", "Back", ("Ctrl+3",), "Show the back diagram", checkable=True, menu="View"),
    ActionSpec("zoom_in", "Zoom in", ("+", "=", "Ctrl++"), "Zoom in (+)", menu="View"),
    ActionSpec("zoom_out", "Zoom out", ("-", "Ctrl+-"), "Zoom out (-)", menu="View"),
    ActionSpec("zoom_fit", "Fit", ("0", "Ctrl+0"), "Fit the diagrams to the window", menu="View"),
    ActionSpec("present", "Presentation mode", ("F5",), "Large type and one big view, for explaining at the table",
               checkable=True, modes=DESK, menu="View"),
    ActionSpec("next_muscle", "Next muscle", ("PgDown", "Right", "Down", "Space"), "Show the next candidate muscle",
               modes=frozenset({Mode.PRESENT})),
    ActionSpec("previous_muscle", "Previous muscle", ("PgUp", "Left", "Up"), "Show the previous candidate muscle",
               modes=frozenset({Mode.PRESENT})),
    ActionSpec("clear", "Clear", ("Esc",), "Clear every selection (Esc)", modes=DESK),
    ActionSpec("search", "Search", ("Ctrl+F",), "Search muscles and regions (Ctrl+F)"),
    ActionSpec("red_flags", "Red flags", (), "When to see a clinician now", menu="Help"),
)


def build_actions(parent: QWidget, handlers: dict, modes: frozenset[Mode]) -> dict[str, QAction]:
    """QActions for every spec allowed in any of ``modes``, added to ``parent`` so shortcuts work in it.

    Actions of a mode not currently active are created disabled; ``set_mode`` enables them.
    """
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        if spec.id not in handlers or not spec.modes & modes:
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


def set_mode(actions: dict[str, QAction], mode: Mode) -> None:
    """Enable exactly the actions the mode allows."""
    allowed = {spec.id for spec in ACTIONS if mode in spec.modes}
    for action_id, action in actions.items():
        action.setEnabled(action_id in allowed)
