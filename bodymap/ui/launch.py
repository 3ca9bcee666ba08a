"""Open the window for a person (and save what they changed when it closes), or draw it for a
snapshot without touching any of their files."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings

from bodymap.diagram import load_diagrams
from bodymap.i18n import _, set_language, system_language
from bodymap.knowledge import KnowledgeBase, load_knowledge
from bodymap.notes import Notes
from bodymap.paths import config_dir
from bodymap.session import Session
from bodymap.settings import FileKept, SettingsStore
from bodymap.ui import window_geometry
from bodymap.ui.app import application
from bodymap.ui.documents import DocumentController
from bodymap.ui.journal_view import JournalController
from bodymap.ui.languages import language_menu
from bodymap.ui.main_window import MainWindow
from bodymap.ui.output import OutputProblem
from bodymap.ui.presentation import PresentationController

WINDOW_FILE = "window.ini"
DEFAULT_SCREEN = (1600, 1000)


def _window_state() -> QSettings:
    return QSettings(str(config_dir() / WINDOW_FILE), QSettings.Format.IniFormat)


def run(
    kb: KnowledgeBase, store: SettingsStore, kiosk: bool = False, present: bool = False, open_map: Path | None = None
) -> int:
    """Open the main window (normal, presentation or kiosk) and run until it closes; ``open_map``
    shows a client map in it (a bad file is a message in the window, which still opens). A window
    that closes to switch language opens again at once, in that language, with the same map."""
    app = application()
    carried: Session | None = None
    while True:
        window = _open_kiosk(kb, store) if kiosk else _open_desk(kb, store, present, open_map)
        if carried is not None:
            window.session.take_over(carried)
        # What exists now lives as long as the window: frozen, later collections skip it, which
        # keeps them short in a kiosk that runs for days. Resumes the collector paused at start-up.
        gc.freeze()
        gc.enable()
        code = app.exec()
        if window.switch_to is None:
            return code
        gc.unfreeze()
        carried, present, open_map = window.session, False, None
        set_language(window.switch_to)
        kb = load_knowledge(language=window.switch_to)
        window.deleteLater()


def _open_kiosk(kb: KnowledgeBase, store: SettingsStore) -> MainWindow:
    window = MainWindow(kb, load_diagrams(kb.views), store, Notes.none())
    from bodymap.ui.kiosk import KioskController  # only a kiosk needs it: not loaded for a desk start-up

    KioskController(window, store.settings)  # a child of the window: it lives as long as the window
    window.showFullScreen()
    return window


def _open_desk(kb: KnowledgeBase, store: SettingsStore, present: bool, open_map: Path | None) -> MainWindow:
    desk = desk_window(kb, store, Notes.load(set(kb.muscles)))
    window = desk.window
    saved = _window_state().value("geometry")
    window_geometry.place(window, saved if isinstance(saved, QByteArray) else None)
    window.closing.connect(lambda: _remember(window, store))
    language_menu(window.menus["view"], store.settings.language, lambda code: _switch(window, store, code))
    window.show()
    if not store.settings.first_run_notice_seen:
        window.show_first_run_notice(lambda: _first_run_seen(window, store))
    if open_map is not None:
        desk.documents.open(open_map)
    if present:
        desk.presenter.enter()
    return window


def _switch(window: MainWindow, store: SettingsStore, language: str | None) -> None:
    """The person chose a language (None: the system's): kept in the settings, and the window reopens in it."""
    store.settings.language = language
    window.reopen_in(language or system_language())


@dataclass(frozen=True)
class Desk:
    """A therapist's or a person's window, with the controllers a desk has (a kiosk has none of them)."""

    window: MainWindow
    presenter: PresentationController
    documents: DocumentController
    journal: JournalController


def desk_window(kb: KnowledgeBase, store: SettingsStore, notes: Notes) -> Desk:
    """The desk window as it opens: presentation mode, client maps as files, the pain journal."""
    window = MainWindow(kb, load_diagrams(kb.views), store, notes)
    return Desk(window, PresentationController(window), DocumentController(window), JournalController(window))


def _first_run_seen(window: MainWindow, store: SettingsStore) -> None:
    store.settings.first_run_notice_seen = True
    _save(window, store)


def _remember(window: MainWindow, store: SettingsStore) -> None:
    """What a desk window keeps when it closes: its place on the screen and the settings it changed."""
    _window_state().setValue("geometry", window.saveGeometry())
    _save(window, store)


def _save(window: MainWindow, store: SettingsStore) -> None:
    try:
        store.save()
    except (OSError, FileKept) as exc:
        window.show_warning(_("Settings could not be saved: {problem}").format(problem=exc))


def snapshot(
    session: Session,
    output: Path,
    layout: str | None = None,
    screen: tuple[int, int] = DEFAULT_SCREEN,
    kiosk: str | None = None,
    present: bool = False,
) -> Path:
    """Save a picture of the real window as it first opens on a screen of the given size, showing a
    session's map, offscreen (as a kiosk on the named screen: one of KioskController.openers). It
    reads the person's settings and notes but writes nothing of theirs. ``present``: in presentation mode."""
    from bodymap.output import check_output, replacing

    target = check_output(output, (".png",))
    app = application(headless=True, screen=screen)
    kb = session.kb
    store = SettingsStore(writable=False)
    window = MainWindow(kb, load_diagrams(kb.views), store, Notes.load(set(kb.muscles), writable=False))
    try:
        if kiosk is None:
            presenter = PresentationController(window)
            window.setGeometry(window_geometry.first_size(QRect(0, 0, *screen)))
            opened: Callable[[], object] | None = presenter.enter if present else None
        else:
            from bodymap.ui.kiosk import KioskController

            opened = KioskController(window, store.settings).openers[kiosk]
            window.setGeometry(QRect(0, 0, *screen))
        if layout is not None:
            window.show_layout(layout)
        window.show()
        document = session.document
        window.session.open_document(document.path, session.state, document.note, document.notes)
        if opened is not None:
            opened()
        window.signals.settle()  # the side panel now, not a turn later: the picture is taken at once
        app.processEvents()
        window.view.fit()
        app.processEvents()
        with replacing(target) as temporary:
            if not window.grab().save(str(temporary), "PNG"):
                raise OutputProblem(f"output '{output}': the picture could not be written")
    finally:
        window.hide()
        window.deleteLater()
    return target
