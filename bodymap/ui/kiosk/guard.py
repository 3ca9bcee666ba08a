"""The kiosk's lock-down: it watches all input and the window itself.

It restarts the idle clock on every touch, swallows the keys that would close or leave the window,
gives no context menus, spots the staff's exit gesture (five quick taps in the top-right corner),
turns an unexpected error into a return to the welcome screen, and keeps the window full screen,
on top and in place whatever a window manager does to it (minimise, move, hide).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger("bodymap.kiosk")

EXIT_TAPS = 5
EXIT_WINDOW_S = 4.0
EXIT_CORNER = 96
"""Pixels from the top-right corner of the window (which covers the screen) where the staff tap."""
WATCH_MS = 1500
"""How often the window checks it still covers the screen, in case a change came without an event."""
UNMAPPED_GRACE_S = 0.5
"""How long the window may be off screen while Qt thinks it is shown before the guard maps it again."""
BLOCKED_KEYS = tuple(QKeySequence(k) for k in ("Ctrl+Q", "Ctrl+W", "Alt+F4", "Esc", "Alt+Tab", "Meta+D", "Alt+Space"))
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
SWALLOWED = {QEvent.Type.ContextMenu, QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop}
"""No desktop context menus (copy, select all) and nothing dragged in or out."""


class KioskGuard(QObject):
    idle = Signal()
    exit_requested = Signal()

    def __init__(self, window: QWidget, idle_seconds: int, recover: Callable[[], None], parent=None):
        super().__init__(parent)
        self.window = window
        self.unlocked = False
        self._previous_hook = sys.excepthook
        sys.excepthook = self._hook(recover)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_seconds * 1000)
        self.timer.timeout.connect(self.idle)
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self.hold)
        self._taps: list[float] = []
        self._unmapped_since: float | None = None
        app = QApplication.instance()
        assert app is not None, "a kiosk needs its QApplication"
        self.app = app
        app.installEventFilter(self)
        self.timer.start()
        self.watch.start()

    def stop(self) -> None:
        """Let the staff out: the window may now be closed."""
        self.unlocked = True
        self.app.removeEventFilter(self)
        self.timer.stop()
        self.watch.stop()
        sys.excepthook = self._previous_hook

    @staticmethod
    def _hook(recover: Callable[[], None]):
        """An unexpected error is logged and the welcome screen returns: no dialog, no dead screen."""

        def hook(kind, value, trace):
            log.error("unexpected error in kiosk mode; returning to the welcome screen", exc_info=(kind, value, trace))
            QTimer.singleShot(0, recover)

        return hook

    def hold(self) -> None:
        """Full screen, on top, covering the screen: put it back if anything changed that."""
        window = self.window
        if self.unlocked or not window.isVisible() and not window.isMinimized():
            return
        screen = window.screen()
        covers = screen is not None and window.geometry() == screen.geometry()
        if self._unmapped_for_a_while():
            # Unmapped behind the widget's back (a window manager's "show desktop"): only a fresh
            # map brings it back, as Qt still thinks it is shown.
            window.hide()
        repair = window.isMinimized() or not window.isFullScreen() or not covers or not window.isVisible()
        if repair:
            if window.isFullScreen():
                # Qt still believes it is full screen, so asking again would send nothing: leave the
                # state first, then ask anew, and the window manager hears it.
                window.setWindowState(Qt.WindowState.WindowNoState)
            window.showFullScreen()
        if repair or not window.isActiveWindow():  # another window came on top, or took the keyboard
            window.raise_()
            window.activateWindow()

    def _unmapped_for_a_while(self) -> bool:
        """Shown, yet not on screen for UNMAPPED_GRACE_S: not a moment while the window is being
        mapped (at start, after a repair), when a fresh map would only start another one."""
        handle = self.window.windowHandle()
        if handle is None or not self.window.isVisible() or handle.isExposed():
            self._unmapped_since = None
            return False
        now = time.monotonic()
        if self._unmapped_since is None:
            self._unmapped_since = now
            QTimer.singleShot(round(UNMAPPED_GRACE_S * 1000) + 50, self.hold)
            return False
        if now - self._unmapped_since < UNMAPPED_GRACE_S:
            return False
        self._unmapped_since = None
        return True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind in INPUT_EVENTS:
            self.timer.start()
        if kind in SWALLOWED:
            event.accept()
            return True
        if obj is self.window:
            if kind == QEvent.Type.Close and not self.unlocked:
                event.ignore()  # a kiosk closes only after the operator's PIN
                return True
            if kind in (QEvent.Type.WindowStateChange, QEvent.Type.Hide, QEvent.Type.Move, QEvent.Type.Resize):
                QTimer.singleShot(0, self.hold)  # minimised, hidden or moved by a window manager
        elif kind == QEvent.Type.Expose and obj is self.window.windowHandle():
            QTimer.singleShot(0, self.hold)  # unmapped or covered: "show desktop", another window on top
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in BLOCKED_KEYS):
                event.accept()
                return True
        taps = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)  # quick taps come as double clicks
        if kind in taps and isinstance(obj, QWidget) and isinstance(event, QMouseEvent) and obj.window() is self.window:
            if event.button() != Qt.MouseButton.LeftButton:
                event.accept()
                return True  # right and middle buttons do nothing in a kiosk
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
