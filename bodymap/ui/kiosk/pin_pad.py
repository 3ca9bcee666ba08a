"""The staff's way out: a large keypad for the operator PIN, as a page of the kiosk window.

After a few wrong PINs the keypad makes the operator wait (30 s, then doubling) and says how long;
it never locks for good, so a mistyped PIN never needs a restart.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from bodymap.i18n import _
from bodymap.pin import verify_pin, wait_after
from bodymap.ui import style
from bodymap.ui.kiosk import touch

KEYPAD_WIDTH = 560
"""The keypad stays phone-like on a wide screen: the keys under one hand, not across the room."""
KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok")


class PinPad(QWidget):
    accepted = Signal()
    cancelled = Signal()

    def __init__(self, stored_hash: str | None, parent=None):
        super().__init__(parent)
        self.stored_hash = stored_hash
        self.wrong = 0
        """Wrong PINs in a row; kept while the kiosk runs, reset by the right one."""
        layout = touch.page_layout(self, "pin_pad", _("Operator PIN"))
        layout.addStretch(1)
        self.prompt = QLabel(self.accessibleName())
        self.prompt.setFont(style.pixel_font(28, base=self.prompt.font()))
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setAccessibleName(self.accessibleName())
        self.entry.setFont(style.pixel_font(32, base=self.entry.font()))
        self.entry.setMaximumWidth(420)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.returnPressed.connect(self.check)
        layout.addWidget(self.prompt)
        layout.addWidget(self.entry, 0, Qt.AlignmentFlag.AlignHCenter)
        keypad = QWidget()
        keypad.setFixedWidth(KEYPAD_WIDTH)
        grid = QGridLayout(keypad)
        self.keys: list = []
        for index, key in enumerate(KEYS):
            text = {"clear": _("Clear"), "ok": _("OK")}.get(key, key)
            pressed = touch.button(text, lambda _checked=False, k=key: self.press(k), pixels=28)
            pressed.setMinimumSize(touch.TARGET + 40, touch.TARGET + 16)
            grid.addWidget(pressed, index // 3, index % 3)
            self.keys.append(pressed)
        layout.addWidget(keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        cancel = touch.button(_("Cancel"), self.cancel, pixels=24)
        cancel.setStyleSheet("min-width: 240px;")
        layout.addSpacing(12)
        layout.addWidget(cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._left = 0

    def open(self) -> None:
        self.entry.clear()
        if not self._left:
            self.prompt.setText(self.accessibleName())
        self.entry.setFocus()

    def cancel(self) -> None:
        self.entry.clear()
        self.cancelled.emit()

    def press(self, key: str) -> None:
        if key == "ok":
            self.check()
        elif key == "clear":
            self.entry.clear()
        elif not self._left:
            self.entry.insert(key)

    def check(self) -> None:
        if self._left:
            return
        if verify_pin(self.entry.text(), self.stored_hash):
            self.wrong = 0
            self.accepted.emit()
            return
        self.wrong += 1
        self.entry.clear()
        self._left = wait_after(self.wrong)
        if self._left:
            self._set_enabled(False)
            self._clock.start()
            self._tick(advance=False)
        else:
            self.prompt.setText(_("Wrong PIN. Try again."))

    def _tick(self, advance: bool = True) -> None:
        if advance:
            self._left -= 1
        if self._left <= 0:
            self._left = 0
            self._clock.stop()
            self._set_enabled(True)
            self.prompt.setText(self.accessibleName())
            return
        self.prompt.setText(_("Too many wrong PINs. Try again in {seconds} s.").format(seconds=self._left))

    def _set_enabled(self, on: bool) -> None:
        self.entry.setEnabled(on)
        for key in self.keys:
            key.setEnabled(on)
