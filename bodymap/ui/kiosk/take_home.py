"""'Take it home': the visitor's top muscles and how to release them, as a QR code a phone camera reads
as plain text (no network, nothing stored), and printing straight to the studio's printer, with one
tap, no dialog and never to a file."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QWidget

from bodymap import wording
from bodymap.i18n import _
from bodymap.session import Session
from bodymap.ui import style
from bodymap.ui.kiosk import touch

QR_MIN = 240
"""The smallest the code is drawn, in pixels: still easy for a phone held at arm's length."""
QR_ERROR = "l"
"""Low error correction: a screen shows a clean code, so fewer, larger modules read more easily."""
ROOM_Y = 300
"""Pixels of the page's height that the heading, the words and the buttons need besides the code."""


def qr_image(text: str, pixels: int) -> QImage:
    """A QR code (never a Micro QR: phones do not read those) of ``text``, square, with its quiet zone,
    drawn in whole pixels per module so every module is sharp."""
    import segno  # loaded when a visitor asks for it, not at start-up

    code = segno.make_qr(text, error=QR_ERROR)
    rows = list(code.matrix_iter(border=4))
    cell = max(1, pixels // len(rows))
    image = QImage(QSize(cell * len(rows), cell * len(rows)), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * cell, y * cell, cell, cell, Qt.GlobalColor.black)
    painter.end()
    return image


class TakeHome(QWidget):
    """The QR code of the visitor's map beside the very words it holds, and printing if the studio
    allows it. Code and words sit side by side on a landscape screen, one above the other on a
    portrait one."""

    back = Signal()

    def __init__(self, session: Session, can_print: bool, print_now, parent=None):
        super().__init__(parent)
        self.session = session
        layout = touch.page_layout(self, "take_home", _("Take it home"))
        heading = QLabel(self.accessibleName())
        heading.setFont(style.pixel_font(34, bold=True, base=heading.font()))
        lead = QLabel(
            _(
                "Point your phone's camera at the code: it shows the words below as text on your phone. "
                "Nothing is sent anywhere or kept here."
            )
        )
        lead.setWordWrap(True)
        lead.setFont(style.pixel_font(touch.TEXT_PX + 2, base=lead.font()))
        self.code = QLabel()
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setAccessibleName(_("QR code of your pain map"))
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setFont(style.pixel_font(touch.TEXT_PX - 2, base=self.preview.font()))
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.row.setSpacing(32)
        self.row.addWidget(self.code, 0, Qt.AlignmentFlag.AlignCenter)
        self.row.addWidget(self.preview, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        layout.addWidget(lead)
        layout.addSpacing(12)
        layout.addLayout(self.row, 1)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = touch.button(_("Print it"), print_now, pixels=24)
        self.print_button.setVisible(can_print)
        buttons.addWidget(self.print_button)
        buttons.addWidget(touch.button(_("◀ Back to the map"), self.back.emit, primary=True, pixels=26))
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.text = ""

    def refresh(self) -> None:
        """Draw the code for the map as it is now, as large as the page allows."""
        self.text = wording.take_home_text(self.session.kb, self.session)
        self.preview.setText(self.text)
        self._draw()
        self.status.setText("")

    def _draw(self) -> None:
        if not self.text:
            return
        portrait = self.height() > self.width()
        self.row.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        room_y = self.height() - ROOM_Y
        side = min(self.width() - 96, room_y // 2) if portrait else min(room_y, self.width() // 2 - 80)
        self.code.setPixmap(QPixmap.fromImage(qr_image(self.text, max(QR_MIN, side))))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._draw()


def print_direct(session: Session, diagrams, printer_name: str | None, paper: str) -> str:
    """Print the visitor's handout on the studio's printer with no dialog; never to a file. Returns what
    to tell the visitor."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    from bodymap.ui.handout import draw_handout

    info = QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        return _("No printer is ready. Please ask at the desk.")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setOutputFileName("")  # never a file, whatever the printer's defaults say
    printer.setDocName(_("bodymap: your pain map"))
    pages = draw_handout(printer, session, diagrams, None, paper)
    return wording.n_pages_printed(pages)


__all__ = ["QR_ERROR", "TakeHome", "print_direct", "qr_image"]
