"""The kiosk controller: takes the main window over for visitors, and gives staff the way out.

It swaps the desk's menus and toolbar for a bar of big buttons, hides what a visitor must not
reach (files, notes, search, the divider), shows every other screen as a page of the window, and
puts everything back as it was for the next visitor after a quiet spell.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QSplitter, QWidget

from bodymap.i18n import _, requested_language, system_language
from bodymap.session import Change, Mode
from bodymap.settings import Settings
from bodymap.ui.kiosk import touch
from bodymap.ui.kiosk.guard import KioskGuard
from bodymap.ui.kiosk.pages import CloserViews, KioskBar, TextPage, WelcomeScreen
from bodymap.ui.kiosk.pin_pad import PinPad
from bodymap.ui.kiosk.take_home import TakeHome
from bodymap.ui.main_window import MainWindow
from bodymap.ui.safety import red_flags_html

DESK_ONLY = (
    "save_pdf",
    "print",
    "quit",
    "present",
    "next_muscle",
    "previous_muscle",
    "leave_presentation",
    "undo",
    "redo",
    "search",
    "clear",
)
"""Commands a visitor never has: files, printing dialogs, quitting, presenting, history, search by keyboard."""


class KioskController(QObject):
    """Takes a window over as a kiosk (a child of the window: it lives as long as the window)."""

    def __init__(self, window: MainWindow, settings: Settings):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.settings = settings
        window.handle({action_id: None for action_id in DESK_ONLY} | {"red_flags": self.show_red_flags})
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        window.menuBar().setVisible(False)
        window.toolbar.setVisible(False)
        for hidden in (window.note_editor, window.search, window.hover_label):
            hidden.setVisible(False)
            hidden.setEnabled(False)
        for splitter in window.findChildren(QSplitter):  # fixed proportions: no divider to drag
            for index in range(splitter.count()):
                splitter.handle(index).setEnabled(False)
            splitter.setHandleWidth(1)
        window.detail.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        window.detail.zoomIn(4)
        window.setStyleSheet(window.styleSheet() + touch.STYLE)
        window.disclaimer.button.setMinimumHeight(touch.TARGET)

        self.bar = KioskBar(self._buttons())
        window.main_layout.insertWidget(1, self.bar)
        self.welcome = WelcomeScreen(window.kb.safety)
        self.welcome.start.connect(self.enter_use)
        self.welcome.red_flags.connect(self.show_red_flags)
        self.welcome.language.connect(self.switch_language)
        self.default_language = settings.language or system_language()
        """The studio's language: the idle reset comes back to it."""
        self.red_flags = TextPage("red_flags", _("Red flags: see a clinician now"), red_flags_html(window.kb.safety))
        self.red_flags.back.connect(self.back_from_page)
        self.closer = CloserViews(window.kb, self.show_closer)
        self.closer.back.connect(self.back_from_page)
        self.take_home = TakeHome(self.session, settings.kiosk_allow_print, self.print_now)
        self.take_home.back.connect(self.back_from_page)
        self.pin_pad = PinPad(settings.kiosk_pin)
        self.pin_pad.accepted.connect(self.unlock_and_close)
        self.pin_pad.cancelled.connect(self.back_from_page)
        for page in (self.welcome, self.red_flags, self.closer, self.take_home, self.pin_pad):
            window.pages.addWidget(page)
        self.title = window.windowTitle()
        window.pages.currentChanged.connect(self._name_page)
        self.openers = {
            "welcome": lambda: self.session.set_mode(Mode.KIOSK_WELCOME, source=self),
            "map": self.enter_use,
            "closer": lambda: self.show_page(self.closer),
            "take_home": self.show_take_home,
            "red_flags": self.show_red_flags,
            "pin": self.ask_operator,
        }
        """Every screen a visitor or the staff can reach, by name (for pictures of each: snapshot --kiosk)."""
        self.guard = KioskGuard(window, settings.kiosk_idle_seconds, self.reset, self)
        self.guard.idle.connect(self.reset)
        self.guard.exit_requested.connect(self.ask_operator)
        window.signals.changed.connect(self.on_change)
        self.session.set_mode(Mode.KIOSK_WELCOME, source=self)
        self.on_change(Change(mode=True))

    def _buttons(self) -> list:
        window = self.window
        buttons = [
            touch.button(_("Start over"), self.start_over, primary=True),
            touch.button(_("Front and back"), lambda: window.show_layout("both")),
            touch.button(_("Front"), lambda: window.show_layout("front")),
            touch.button(_("Back"), lambda: window.show_layout("back")),
            touch.button(_("Look closer"), lambda: self.show_page(self.closer)),
            touch.button("−", window.view.zoom_out),
            touch.button("+", window.view.zoom_in),
            touch.button(_("Take it home"), self.show_take_home),
        ]
        buttons[5].setAccessibleName(_("Zoom out"))
        buttons[6].setAccessibleName(_("Zoom in"))
        return buttons

    # -- pages ----------------------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        if change.mode:
            welcome = self.session.mode is Mode.KIOSK_WELCOME
            self.window.pages.setCurrentWidget(self.welcome if welcome else self.window.main_page)

    def _name_page(self) -> None:
        """The window's title names the page on show: screen readers announce it, and a test driving
        the real window from outside can wait for it."""
        page = self.window.pages.currentWidget()
        name = page.accessibleName() if page is not None else ""
        self.window.setWindowTitle(f"{self.title} ({name})" if name else self.title)

    def show_page(self, page: QWidget) -> None:
        self.window.pages.setCurrentWidget(page)

    def back_from_page(self) -> None:
        self.window.pages.setCurrentWidget(
            self.welcome if self.session.mode is Mode.KIOSK_WELCOME else self.window.main_page
        )

    def show_red_flags(self) -> None:
        self.show_page(self.red_flags)

    def show_closer(self, layout: str) -> None:
        self.window.show_layout(layout)
        self.back_from_page()

    def show_take_home(self) -> None:
        self.show_page(self.take_home)
        self.take_home.refresh()

    def print_now(self) -> None:
        from bodymap.ui.kiosk.take_home import print_direct

        self.take_home.status.setText(
            print_direct(self.session, self.window.view.diagrams, self.settings.kiosk_printer, self.settings.paper)
        )

    # -- the visitor's session ------------------------------------------------------------
    def enter_use(self) -> None:
        """From the welcome screen to the map (the visitor touched Start)."""
        self.session.set_mode(Mode.KIOSK_ACTIVE, source=self)

    def start_over(self) -> None:
        """Forget this visitor's choices and show the map as it first was (the visitor asked)."""
        self._restore()
        self.session.reset(source=self)

    def reset(self) -> None:
        """Forget the visitor entirely after a quiet spell: choices, view, zoom, pages, scroll, window
        state, and the language they chose."""
        self.start_over()
        self.session.set_mode(Mode.KIOSK_WELCOME, source=self)
        self.on_change(Change(mode=True))
        if requested_language() != self.default_language:
            self.switch_language(self.default_language)
            return
        self.guard.hold()

    def switch_language(self, language: str) -> None:
        """Open the kiosk again in a visitor's language (for this visitor only: nothing is saved)."""
        self.guard.stop()
        self.window.reopen_in(language)

    def _restore(self) -> None:
        window = self.window
        for dialog in window.findChildren(QWidget):
            if dialog.isWindow() and dialog is not window and dialog.isVisible():
                dialog.close()
        window.tabs.setCurrentWidget(window.results)
        window.regions.collapseAll()
        window.regions.expandAll()
        window.regions.scrollToTop()
        window.results.scrollToTop()
        window.detail.verticalScrollBar().setValue(0)
        self.pin_pad.entry.clear()

    # -- staff ----------------------------------------------------------------------------
    def ask_operator(self) -> None:
        self.show_page(self.pin_pad)
        self.pin_pad.open()

    def unlock_and_close(self) -> None:
        self.guard.stop()
        self.window.close()
