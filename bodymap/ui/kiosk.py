"""Kiosk mode, as a controller: a welcome screen, an idle reset, no way out for a visitor, a hidden
way out for staff.

A visitor can touch, search and zoom; nothing they do is written to disk. After a quiet spell the
session is forgotten and the welcome screen returns. Staff leave with a hidden gesture (five quick
taps in the top-right corner) and the PIN set by `bodymap kiosk-setup`. The controller takes the
window over when it is made: the window itself has no kiosk branches.
"""

from __future__ import annotations

import logging
import sys
import time

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.i18n import _
from bodymap.knowledge.model import Safety
from bodymap.pin import verify_pin
from bodymap.session import Change, Mode
from bodymap.settings import Settings
from bodymap.ui import style
from bodymap.ui.main_window import MainWindow

log = logging.getLogger("bodymap.kiosk")

TOUCH_TARGET = 64
"""Smallest button size in kiosk mode, in pixels (well above the 48 px guideline)."""
TOUCH_STYLE = f"""
QListWidget, QTreeWidget, QLineEdit {{ font-size: 20px; }}
QListWidget::item, QTreeWidget::item {{ min-height: {TOUCH_TARGET}px; }}
QTabBar::tab {{ min-height: {TOUCH_TARGET - 8}px; min-width: 160px; font-size: 20px; }}
QScrollBar:vertical {{ width: 28px; }}
QPushButton {{ min-height: {TOUCH_TARGET}px; font-size: 20px; }}
QToolButton {{ min-height: {TOUCH_TARGET}px; min-width: 96px; font-size: 20px; }}
"""
"""Large type and finger-sized rows for the kiosk's panels."""
EXIT_TAPS = 5
EXIT_WINDOW_S = 4.0
EXIT_CORNER = 80
BLOCKED_KEYS = tuple(QKeySequence(k) for k in ("Ctrl+Q", "Ctrl+W", "Alt+F4", "Esc"))
INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.Gesture,
}
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
)
"""Commands a visitor never has."""


class WelcomeScreen(QWidget):
    """What a visitor sees first, and again after every idle reset."""

    start = Signal()
    red_flags = Signal()

    def __init__(self, safety: Safety, parent=None):
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#welcome { background: #f7f1ec; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 80, 80, 60)
        layout.addStretch(2)
        title = QLabel(_("Where does it hurt?"))
        title.setFont(style.pixel_font(64, bold=True, base=title.font()))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lead = QLabel(
            _(
                "Touch the body map where you feel pain. We show the muscles that most often send "
                "pain there, and how people release them at home."
            )
        )
        lead.setFont(style.pixel_font(28, base=lead.font()))
        lead.setWordWrap(True)
        lead.setAlignment(Qt.AlignmentFlag.AlignCenter)
        begin = QPushButton(_("Start"))
        begin.setFont(style.pixel_font(36, bold=True, base=begin.font()))
        begin.setMinimumSize(320, 110)
        begin.setStyleSheet("QPushButton { background: #a0177e; color: white; border-radius: 16px; }")
        begin.setAccessibleName(_("Start"))
        begin.clicked.connect(self.start)
        flags = QPushButton(_("Red flags: when to see a clinician"))
        flags.setFont(style.pixel_font(24, base=flags.font()))
        flags.setMinimumHeight(TOUCH_TARGET)
        flags.clicked.connect(self.red_flags)
        note = QLabel(safety.disclaimer)
        note.setFont(style.pixel_font(20, base=note.font()))
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        layout.addSpacing(24)
        layout.addWidget(lead)
        layout.addStretch(1)
        layout.addWidget(begin, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(flags, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(note)
        self.start_button = begin


class KioskGuard(QObject):
    """Watches all input: restarts the idle timer, swallows escape keys, spots the exit gesture."""

    idle = Signal()
    exit_requested = Signal()

    def __init__(self, window: QWidget, idle_seconds: int, recover, parent=None):
        super().__init__(parent)
        self.window = window
        self._previous_hook = sys.excepthook
        sys.excepthook = self._hook(recover)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_seconds * 1000)
        self.timer.timeout.connect(self.idle)
        self._taps: list[float] = []
        app = QApplication.instance()
        assert app is not None, "a kiosk needs its QApplication"
        self.app = app
        app.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        self.app.removeEventFilter(self)
        self.timer.stop()
        sys.excepthook = self._previous_hook

    @staticmethod
    def _hook(recover):
        """An unexpected error is logged and the welcome screen returns: no dialog, no dead screen."""

        def hook(kind, value, trace):
            log.error("unexpected error in kiosk mode; returning to the welcome screen", exc_info=(kind, value, trace))
            QTimer.singleShot(0, recover)

        return hook

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind in INPUT_EVENTS:
            self.timer.start()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in BLOCKED_KEYS):
                event.accept()
                return True
        taps = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)  # quick taps arrive as double clicks
        if kind in taps and isinstance(obj, QWidget) and isinstance(event, QMouseEvent) and obj.window() is self.window:
            self._tap(obj.mapTo(self.window, event.position().toPoint()))
        return False

    def _tap(self, pos: QPoint) -> None:
        if pos.x() < self.window.width() - EXIT_CORNER or pos.y() > EXIT_CORNER:
            self._taps.clear()
            return
        now = time.monotonic()
        self._taps = [t for t in self._taps if now - t < EXIT_WINDOW_S] + [now]
        if len(self._taps) >= EXIT_TAPS:
            self._taps.clear()
            self.exit_requested.emit()


class KioskController(QObject):
    """Takes a window over as a kiosk: welcome page, touch style, lock-down, idle reset, staff exit."""

    def __init__(self, window: MainWindow, settings: Settings):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.settings = settings
        self.unlocked = False
        window.handle({action_id: None for action_id in DESK_ONLY})
        window.menuBar().setVisible(False)
        window.note_editor.setVisible(False)
        window.note_editor.setEnabled(False)
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.main_page.setStyleSheet(TOUCH_STYLE)
        window.disclaimer.button.setMinimumHeight(TOUCH_TARGET)
        window.search.setMinimumHeight(TOUCH_TARGET)
        window.detail.zoomIn(4)
        self.welcome = WelcomeScreen(window.kb.safety)
        self.welcome.start.connect(self.enter_use)
        self.welcome.red_flags.connect(window.show_red_flags)
        window.pages.insertWidget(0, self.welcome)
        self.guard = KioskGuard(window, settings.kiosk_idle_seconds, self.reset, self)
        self.guard.idle.connect(self.reset)
        self.guard.exit_requested.connect(self.ask_operator)
        window.installEventFilter(self)
        window.signals.changed.connect(self.on_change)
        self.session.set_mode(Mode.KIOSK_WELCOME, source=self)
        self.on_change(Change(mode=True))

    def on_change(self, change: Change) -> None:
        if change.mode:
            welcome = self.session.mode is Mode.KIOSK_WELCOME
            self.window.pages.setCurrentWidget(self.welcome if welcome else self.window.main_page)

    def enter_use(self) -> None:
        """From the welcome screen to the map (the visitor touched Start)."""
        self.session.set_mode(Mode.KIOSK_ACTIVE, source=self)

    def reset(self) -> None:
        """Forget the visitor: selections, search, zoom, view, dialogs; back to the welcome screen."""
        for dialog in self.window.findChildren(QWidget):
            if dialog.isWindow() and dialog is not self.window and dialog.isVisible():
                dialog.close()
        self.window.search.clear()
        self.session.reset(source=self)
        self.session.set_mode(Mode.KIOSK_WELCOME, source=self)

    def ask_operator(self) -> None:
        dialog = PinDialog(self.settings.kiosk_pin, self.window)
        dialog.accepted.connect(self.unlock_and_close)
        dialog.open()

    def unlock_and_close(self) -> None:
        self.unlocked = True
        self.guard.stop()
        self.window.close()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if obj is self.window and event.type() == QEvent.Type.Close and not self.unlocked:
            event.ignore()  # a kiosk closes only after the operator's PIN
            return True
        return False


class PinDialog(QDialog):
    """A large keypad for the operator's PIN."""

    def __init__(self, stored_hash: str | None, parent=None):
        super().__init__(parent)
        self.stored_hash = stored_hash
        self.setWindowTitle(_("Operator"))
        layout = QVBoxLayout(self)
        self.prompt = QLabel(_("Operator PIN"))
        self.prompt.setFont(style.pixel_font(28, base=self.prompt.font()))
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setAccessibleName(_("Operator PIN"))
        self.entry.setFont(style.pixel_font(32, base=self.entry.font()))
        self.entry.returnPressed.connect(self.check)
        layout.addWidget(self.prompt)
        layout.addWidget(self.entry)
        grid = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"]
        for index, key in enumerate(keys):
            button = QPushButton(key)
            button.setMinimumSize(TOUCH_TARGET + 32, TOUCH_TARGET + 16)
            button.setFont(style.pixel_font(28, base=button.font()))
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            grid.addWidget(button, index // 3, index % 3)
        layout.addLayout(grid)
        cancel = QPushButton(_("Cancel"))
        cancel.setMinimumHeight(TOUCH_TARGET)
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)

    def _press(self, key: str) -> None:
        if key == "OK":
            self.check()
        elif key == "Clear":
            self.entry.clear()
        else:
            self.entry.insert(key)

    def check(self) -> None:
        if verify_pin(self.entry.text(), self.stored_hash):
            self.accept()
        else:
            self.entry.clear()
            self.prompt.setText(_("Wrong PIN. Try again."))
