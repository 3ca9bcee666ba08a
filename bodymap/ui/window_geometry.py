"""Where the window opens: on a first start, as large as fits comfortably (at most 90% of the
screen's free area, centred, never under a taskbar); after that, where the person left it, moved
back onto the screen if that screen is gone or smaller now."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtWidgets import QMainWindow

PREFERRED = QSize(1440, 900)
"""The most a first window takes on a landscape screen; a portrait screen turns it upright (the
window then stacks the panel under the figures and needs the height)."""
SHARE = 0.9


def first_size(available: QRect) -> QRect:
    """The window's frame on a first start, on a screen whose free area is ``available``."""
    preferred = PREFERRED if available.width() >= available.height() else PREFERRED.transposed()
    width = min(preferred.width(), int(available.width() * SHARE))
    height = min(preferred.height(), int(available.height() * SHARE))
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def place(window: QMainWindow, saved: QByteArray | None) -> None:
    """Open at the saved place, or at the first-start size, always within the screen's free area."""
    screen = window.screen() or window.windowHandle() and window.windowHandle().screen()
    available = screen.availableGeometry() if screen else QRect(0, 0, PREFERRED.width(), PREFERRED.height())
    if saved is None or not window.restoreGeometry(saved):
        window.setGeometry(first_size(available))
    frame = window.geometry()
    if not available.contains(frame):
        frame.setSize(frame.size().boundedTo(available.size()))
        frame.moveLeft(max(available.left(), min(frame.left(), available.right() - frame.width())))
        frame.moveTop(max(available.top(), min(frame.top(), available.bottom() - frame.height())))
        window.setGeometry(frame)
