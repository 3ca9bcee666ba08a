"""Building the real window as bodymap's own launcher does, and pointing at places on it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from bodymap.diagram import Layer, load_diagrams
from bodymap.knowledge import KnowledgeBase, Side
from bodymap.notes import Notes
from bodymap.settings import Settings, SettingsStore
from bodymap.ui import launch
from bodymap.ui.main_window import MainWindow


def desk_window(
    kb: KnowledgeBase, settings: Settings | None = None, notes: Notes | None = None, ask_before_closing: bool = False
) -> MainWindow:
    """The desk window as bodymap's launcher builds it (presentation, client maps, the journal), over
    the test's private config and data folders; its controllers as attributes. Unless asked, it
    closes without the unsaved-map question (pytest-qt closes every window after its test)."""
    store = SettingsStore()
    if settings is not None:
        store.settings = settings
    desk = launch.desk_window(kb, store, notes or Notes.load(set(kb.muscles)))
    window = desk.window
    window.presenter, window.documents, window.journal = desk.presenter, desk.documents, desk.journal
    if not ask_before_closing:
        window.close_guards.clear()
    return window


def kiosk_window(kb: KnowledgeBase, settings: Settings) -> MainWindow:
    from bodymap.ui.kiosk import KioskController

    store = SettingsStore(writable=False)
    store.settings = settings
    window = MainWindow(kb, load_diagrams(kb.views), store, Notes.none())
    window.kiosk = KioskController(window, settings)
    return window


def viewport_point(window: MainWindow, view: str, region: str, side: Side | None) -> QPoint:
    """Where on screen (viewport coordinates) a point well inside a region is drawn."""
    scene = window.view.body
    shape = scene.diagrams[view].shape(Layer.REGION, region, side)
    x, y = shape.interior_point()
    return window.view.mapFromScene(scene.frames[view].mapToScene(QPointF(x, y)))


def click(qtbot, window: MainWindow, view: str, region: str, side: Side | None) -> None:
    """Click a place, then let the event loop turn once: the side panel follows the picture there."""
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(window, view, region, side))
    settle()


def settle() -> None:
    """Let the event loop turn, as it does between a person's actions (the side panel's lists are
    drawn one turn after the picture)."""
    QApplication.processEvents()


def result_titles(window: MainWindow) -> list[str]:
    return [window.results.item(i).text().split("\n")[0] for i in range(window.results.count())]


def hover(qtbot, widget, pos: QPoint) -> None:
    """Move the pointer to ``pos`` so that the widget sees a move (a move to where the pointer already
    is, e.g. left there by an earlier test, sends no event)."""
    qtbot.mouseMove(widget, pos + QPoint(3, 3))
    qtbot.mouseMove(widget, pos)
