"""Start the window, or take a screenshot of it in a given state without showing it."""

from __future__ import annotations

import gc
from pathlib import Path

from bodymap.diagram import load_diagrams
from bodymap.knowledge import KnowledgeBase, Selection
from bodymap.notes import Notes
from bodymap.settings import Settings
from bodymap.ui.actions import Mode
from bodymap.ui.app import application
from bodymap.ui.main_window import MainWindow

SNAPSHOT_SIZE = (1440, 900)


def run(kb: KnowledgeBase, settings: Settings, warning: str | None, mode: Mode = Mode.NORMAL) -> int:
    """Open the main window (normal, presentation or kiosk) and run until it closes; ``warning``
    says why saved settings could not be used (the window shows it)."""
    app = application()
    notes = None if mode is Mode.KIOSK else Notes.load(set(kb.muscles))
    window = MainWindow(kb, load_diagrams(kb.views), settings, [warning] if warning else [], notes, mode)
    if mode is Mode.KIOSK:
        window.showFullScreen()
    else:
        window.show()
        window.show_first_run_notice()
        if mode is Mode.PRESENT:
            window.set_presenting(True)
    # What exists now lives as long as the window: frozen, later collections skip it, which
    # keeps them short in a kiosk that runs for days. Resumes the collector paused at start-up.
    gc.freeze()
    gc.enable()
    return app.exec()


def snapshot(
    kb: KnowledgeBase,
    output: Path,
    view: str | None = None,
    selections: list[Selection] | None = None,
    muscle: str | None = None,
) -> None:
    """Save a screenshot of the real window in the given state (offscreen, default settings);
    ``view`` is one of VIEW_CHOICES' names."""
    app = application(headless=True)
    window = MainWindow(kb, load_diagrams(kb.views), Settings(first_run_notice_seen=True))
    window.resize(*SNAPSHOT_SIZE)
    window.set_view(view or kb.views.default_layout)
    window.show()
    window.state.set_selections(selections or [])
    if muscle is not None:
        window.state.focus_muscle(muscle)
    app.processEvents()
    window.view.fit()
    app.processEvents()
    if not window.grab().save(str(output)):
        raise OSError(f"could not write {output}")
    window.close()
