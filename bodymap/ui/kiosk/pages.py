"""The kiosk's pages besides the map: the welcome screen, a page of text (the red flags), the
closer views as big buttons, and the bar of big buttons over the map."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QTextBrowser, QWidget

from bodymap.i18n import _
from bodymap.knowledge.base import KnowledgeBase
from bodymap.knowledge.model import Safety
from bodymap.ui import style
from bodymap.ui.grid_fit import columns_that_fit, place_in_columns
from bodymap.ui.kiosk import touch


class WelcomeScreen(QWidget):
    """What a visitor sees first, and again after every idle reset."""

    start = Signal()
    red_flags = Signal()
    language = Signal(str)

    def __init__(self, safety: Safety, parent=None):
        super().__init__(parent)
        from bodymap.ui.languages import current, languages, native_name  # Babel, for the names

        row = QHBoxLayout()
        row.addStretch(1)
        self.language_buttons = []
        for code in languages():
            if code != current():
                chosen = touch.button(native_name(code), lambda _c=False, c=code: self.language.emit(c), pixels=24)
                chosen.setObjectName(f"language_{code}")
                row.addWidget(chosen)
                self.language_buttons.append(chosen)
        layout = touch.page_layout(self, "welcome", _("Where does it hurt?"))
        self.page = layout
        layout.addLayout(row)
        layout.addStretch(2)
        title = QLabel(self.accessibleName())
        title.setFont(style.pixel_font(56, bold=True, base=title.font()))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        lead = QLabel(
            _(
                "Touch the body map where you feel pain. We show the muscles that most often send "
                "pain there, and how people release them at home."
            )
        )
        lead.setFont(style.pixel_font(28, base=lead.font()))
        lead.setWordWrap(True)
        lead.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = touch.button(_("Start"), self.start.emit, primary=True, pixels=36)
        self.start_button.setStyleSheet("min-width: 320px; min-height: 110px;")  # over the kiosk's button rule
        flags = touch.button(_("Red flags: when to see a clinician"), self.red_flags.emit)
        note = QLabel(safety.disclaimer)
        note.setFont(style.pixel_font(touch.TEXT_PX, base=note.font()))
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        layout.addSpacing(24)
        layout.addWidget(lead)
        layout.addStretch(1)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(flags, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(note)
        self.wrapped = (title, lead, note)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Each wrapped text keeps the lines it needs at this width (a long language needs more)."""
        super().resizeEvent(event)
        margins = self.page.contentsMargins()
        width = event.size().width() - margins.left() - margins.right()
        for label in self.wrapped:
            label.setMinimumHeight(label.heightForWidth(width))


class TextPage(QWidget):
    """A page of large text with a way back (the red flags)."""

    back = Signal()

    def __init__(self, name: str, title: str, html: str, parent=None):
        super().__init__(parent)
        layout = touch.page_layout(self, name, title)
        heading = QLabel(title)
        heading.setFont(style.pixel_font(34, bold=True, base=heading.font()))
        heading.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setHtml(html)
        self.body.zoomIn(6)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(heading)
        layout.addWidget(self.body, 1)
        layout.addWidget(
            touch.button(_("◀ Back"), self.back.emit, primary=True, pixels=26), 0, Qt.AlignmentFlag.AlignHCenter
        )


class CloserViews(QWidget):
    """Every closer view as a big button: how a visitor reaches the face, the hands, the knees."""

    back = Signal()

    def __init__(self, kb: KnowledgeBase, show: Callable[[str], None], parent=None):
        super().__init__(parent)
        layout = touch.page_layout(self, "closer_views", _("Look closer"))
        self.page = layout
        heading = QLabel(self.accessibleName())
        heading.setFont(style.pixel_font(34, bold=True, base=heading.font()))
        layout.addWidget(heading)
        self.grid = QGridLayout()
        self.buttons = []
        for layout_id, spec in kb.layouts.items():
            if len(spec.views) == 1 and (spec.crop is not None or kb.view(spec.views[0]).kind.value == "closeup"):
                self.buttons.append(touch.button(spec.title, lambda _c=False, i=layout_id: show(i), pixels=24))
        layout.addSpacing(16)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        layout.addWidget(
            touch.button(_("◀ Back to the map"), self.back.emit, primary=True, pixels=26),
            0,
            Qt.AlignmentFlag.AlignHCenter,
        )
        self.columns = 0
        self.arrange(2)

    def arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        place_in_columns(self.grid, self.buttons, columns)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """As many columns (three at most) as the titles allow, never cutting a title."""
        super().resizeEvent(event)
        margins = self.page.contentsMargins()
        room = event.size().width() - margins.left() - margins.right()
        self.arrange(columns_that_fit([b.sizeHint().width() for b in self.buttons], room, self.grid.spacing(), 3))


class KioskBar(QWidget):
    """Big buttons over the map, wrapping onto two rows on a narrow (portrait) screen."""

    def __init__(self, buttons: list, parent=None):
        super().__init__(parent)
        self.buttons = buttons
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 6, 8, 6)
        self.grid.setSpacing(6)
        self._columns = 0
        self.arrange(len(buttons))

    def arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        place_in_columns(self.grid, self.buttons, columns)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """One row when the buttons fit, else as many columns as they fit in (two rows on a portrait screen)."""
        super().resizeEvent(event)
        margins = self.grid.contentsMargins()
        widths = [max(b.sizeHint().width(), touch.TARGET) for b in self.buttons]
        room = event.size().width() - margins.left() - margins.right()
        self.arrange(columns_that_fit(widths, room, self.grid.spacing()))
