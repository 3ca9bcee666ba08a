"""Kiosk mode, as a controller over the main window: a welcome screen, touch-sized pages, a lock-down
that holds under a window manager, an idle reset, a way for staff out, and no file written.

Everything a visitor sees is a page of the window (never a separate dialog a window manager could
move, minimise or close): the welcome screen, the map, the red flags, "Take it home" and the PIN pad.
"""

from bodymap.ui.kiosk.controller import KioskController
from bodymap.ui.kiosk.guard import EXIT_TAPS
from bodymap.ui.kiosk.pin_pad import PinPad

__all__ = ["EXIT_TAPS", "KioskController", "PinPad"]
