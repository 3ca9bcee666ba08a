"""The window's commands, declared once as data: id, words, shortcuts, menu, and the modes that allow them.

Modes differ by which actions are enabled, not by branches in the window: a kiosk visitor simply
has no Quit, Print or Save action to trigger, by menu or by shortcut. The view actions are made
from the view registry (data/views.toml), so a new close-up gets its menu entry without code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from bodymap.i18n import _
from bodymap.knowledge.base import KnowledgeBase
from bodymap.session import Mode

EVERY_MODE = frozenset(Mode)
DESK = frozenset({Mode.NORMAL, Mode.PRESENTING})
"""Modes used by a therapist at a desk: files, printing and quitting are allowed."""
IN_USE = frozenset({Mode.NORMAL, Mode.PRESENTING, Mode.KIOSK_ACTIVE})
"""Modes where someone is using the map (not the kiosk's welcome screen)."""


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: Callable[[], str]
    """The words, looked up when the action is made (so they follow the language)."""
    shortcuts: tuple[str, ...] = ()
    menu: str = ""
    """Menu it appears in: 'file', 'edit', 'view', 'journal' or 'help' ('' for none)."""
    modes: frozenset[Mode] = EVERY_MODE
    checkable: bool = False
    tip: Callable[[], str] | None = None
    standard: QKeySequence.StandardKey | None = None
    """A platform shortcut to add (Undo is Ctrl+Z here, Cmd+Z on a Mac)."""


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new", lambda: _("New map"), ("Ctrl+N",), "file", DESK),
    ActionSpec("open", lambda: _("Open map…"), ("Ctrl+O",), "file", DESK),
    ActionSpec("save", lambda: _("Save map"), ("Ctrl+S",), "file", DESK),
    ActionSpec("save_as", lambda: _("Save map as…"), ("Ctrl+Shift+S",), "file", DESK),
    ActionSpec("save_pdf", lambda: _("Save handout as PDF…"), ("Ctrl+E",), "file", DESK),
    ActionSpec("print", lambda: _("Print handout…"), ("Ctrl+P",), "file", DESK),
    ActionSpec("quit", lambda: _("Quit"), ("Ctrl+Q",), "file", DESK),
    ActionSpec("undo", lambda: _("Undo"), ("Ctrl+Z",), "edit", IN_USE),
    ActionSpec("redo", lambda: _("Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), "edit", IN_USE),
    ActionSpec(
        "clear",
        lambda: _("Clear the map"),
        ("Ctrl+Backspace",),
        "edit",
        IN_USE,
        tip=lambda: _("Clear every place and the muscle shown (Undo brings them back)"),
    ),
    ActionSpec("search", lambda: _("Find…"), ("Ctrl+F",), "edit", IN_USE),
    ActionSpec(
        "whole_body",
        lambda: _("◀ Whole body"),
        ("Alt+Left", "Backspace"),
        "view",
        IN_USE,
        tip=lambda: _("Back from a closer view to the whole figure"),
    ),
    ActionSpec("zoom_in", lambda: _("Zoom in"), ("+", "=", "Ctrl++"), "view", IN_USE),
    ActionSpec("zoom_out", lambda: _("Zoom out"), ("-", "Ctrl+-"), "view", IN_USE),
    ActionSpec("zoom_fit", lambda: _("Fit to window"), ("Ctrl+0",), "view", IN_USE),
    ActionSpec(
        "present",
        lambda: _("Presentation mode"),
        ("F5",),
        "view",
        DESK,
        checkable=True,
        tip=lambda: _("Full screen, large type, one muscle at a time: for explaining at the table"),
    ),
    ActionSpec(
        "next_muscle", lambda: _("Next muscle"), ("PgDown", "Right", "Down", "Space"), "", frozenset({Mode.PRESENTING})
    ),
    ActionSpec(
        "previous_muscle", lambda: _("Previous muscle"), ("PgUp", "Left", "Up"), "", frozenset({Mode.PRESENTING})
    ),
    ActionSpec("leave_presentation", lambda: _("Leave presentation mode"), ("Esc",), "", frozenset({Mode.PRESENTING})),
    ActionSpec(
        "journal_add",
        lambda: _("Add this map to my journal…"),
        ("Ctrl+J",),
        "journal",
        frozenset({Mode.NORMAL}),
        tip=lambda: _("Keep today's map in your private pain journal, to see whether it is getting better"),
    ),
    ActionSpec("journal_view", lambda: _("My pain journal"), ("Ctrl+Shift+J",), "journal", frozenset({Mode.NORMAL})),
    ActionSpec("red_flags", lambda: _("Red flags"), (), "help", EVERY_MODE),
    ActionSpec("about", lambda: _("About bodymap"), (), "help", DESK),
)
MENUS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("file", lambda: _("&File")),
    ("edit", lambda: _("&Edit")),
    ("view", lambda: _("&View")),
    ("journal", lambda: _("&Journal")),
    ("help", lambda: _("&Help")),
)
VIEW_PREFIX = "view:"
"""Actions that show a layout are named 'view:<layout id>'."""


def build_actions(parent: QWidget, handlers: Mapping[str, Callable[[], object]]) -> dict[str, QAction]:
    """A QAction for every spec, added to ``parent`` so its shortcuts work there. Triggering one runs
    the handler registered under its id at that moment (controllers register theirs later); an
    action with no handler is never enabled."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text(), parent)
        action.setObjectName(spec.id)
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setToolTip(spec.tip() if spec.tip else spec.text())
        action.setCheckable(spec.checkable)
        action.triggered.connect(lambda _checked=False, action_id=spec.id: _run(handlers, action_id))
        parent.addAction(action)
        actions[spec.id] = action
    return actions


def _run(handlers: Mapping[str, Callable[[], object]], action_id: str) -> None:
    handler = handlers.get(action_id)
    if handler is not None:
        handler()


def build_view_actions(parent: QWidget, kb: KnowledgeBase, show: Callable[[str], object]) -> dict[str, QAction]:
    """One checkable action per layout of the registry, in its order; the first nine get Ctrl+1..9."""
    group = QActionGroup(parent)
    actions: dict[str, QAction] = {}
    for index, layout in enumerate(kb.layouts.values()):
        action = QAction(layout.title, parent)
        action.setObjectName(VIEW_PREFIX + layout.id)
        action.setCheckable(True)
        if index < 9:
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda _checked=False, layout_id=layout.id: show(layout_id))
        group.addAction(action)
        parent.addAction(action)
        actions[VIEW_PREFIX + layout.id] = action
    return actions


INTENSITY_PREFIX = "intensity:"
"""Keys 0-9 say how much the place chosen last hurts: actions 'intensity:0' to 'intensity:9'."""


def build_intensity_actions(parent: QWidget, set_last: Callable[[int], object]) -> dict[str, QAction]:
    """The number keys, as actions of the window (a text field keeps its digits: Qt gives it them first)."""
    actions: dict[str, QAction] = {}
    for value in range(10):
        action = QAction(_("How much the last place hurts: {value}").format(value=value), parent)
        action.setObjectName(f"{INTENSITY_PREFIX}{value}")
        action.setShortcut(QKeySequence(str(value)))
        action.triggered.connect(lambda _checked=False, v=value: set_last(v))
        parent.addAction(action)
        actions[f"{INTENSITY_PREFIX}{value}"] = action
    return actions


def build_menus(bar: QMenuBar, actions: Mapping[str, QAction]) -> dict[str, QMenu]:
    """The menu bar: every command that has a menu, with its shortcut shown; views under View."""
    menus = {key: bar.addMenu(title()) for key, title in MENUS}
    for spec in ACTIONS:
        if spec.menu and spec.id in actions:
            menus[spec.menu].addAction(actions[spec.id])
    views = [a for key, a in actions.items() if key.startswith(VIEW_PREFIX)]
    if views:
        menus["view"].addSeparator()
        for action in views:
            menus["view"].addAction(action)
    return menus


def enable_for(actions: Mapping[str, QAction], handlers: Mapping[str, object], mode: Mode) -> None:
    """Enable exactly the actions the mode allows and someone handles (views: every mode in use)."""
    allowed = {spec.id for spec in ACTIONS if mode in spec.modes and spec.id in handlers}
    for action_id, action in actions.items():
        generated = action_id.startswith((VIEW_PREFIX, INTENSITY_PREFIX))
        action.setEnabled(action_id in allowed or (generated and mode in IN_USE))
