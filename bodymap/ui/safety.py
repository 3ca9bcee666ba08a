"""Safety on every screen: the disclaimer always in view, the red flags that concern the chosen
places beside the results, and the whole list one click away."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
)

from bodymap.i18n import _
from bodymap.knowledge.model import RedFlag, Safety
from bodymap.session import Change, Session

FLAG_STYLE = "#placeflags { background: #fdecea; border: 1px solid #e6a19a; border-radius: 4px; }"
FLAG_TEXT = "#8a1c14"
"""Dark red text on the pale red box: 7.9:1 contrast."""


def red_flags_html(safety: Safety, flags: tuple[RedFlag, ...] | None = None) -> str:
    """Red flags as HTML (all of them by default), for the dialog, the kiosk and the handout."""
    items = "".join(f"<li><b>{escape(f.sign)}.</b> {escape(f.why)}</li>" for f in (flags or safety.red_flag))
    return f"<p>{escape(safety.red_flags_intro)}</p><ul>{items}</ul>"


def flags_for_session(session: Session) -> tuple[RedFlag, ...]:
    """The red flags that concern the places selected and the pain qualities given."""
    places = {s.region for s in session.selections}
    qualities = {quality.value for s in session.selections if (quality := session.pain(s).quality) is not None}
    return session.kb.safety.flags_for(places, qualities)


class DisclaimerBar(QFrame):
    """A slim bar along the bottom of the window: the disclaimer and a Red flags button."""

    red_flags_requested = Signal()

    def __init__(self, safety: Safety, parent=None):
        super().__init__(parent)
        self.setObjectName("disclaimer")
        self.setStyleSheet("#disclaimer { background: #fff4e5; border-top: 1px solid #f0c98a; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        self.row = layout
        self.text = QLabel(safety.disclaimer)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(_("Disclaimer"))
        layout.addWidget(self.text, 1)
        self.button = QPushButton(_("Red flags: when to see a clinician"))
        self.button.setStyleSheet("QPushButton { color: #a4161a; font-weight: bold; padding: 4px 10px; }")
        self.button.setAccessibleName(_("Red flags"))
        self.button.clicked.connect(self.red_flags_requested)
        layout.addWidget(self.button)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Side by side while the words fit in two lines beside the button; else the button goes under
        the words (a narrow or portrait window), which is lower than five squeezed lines."""
        super().resizeEvent(event)
        margins = self.row.contentsMargins()
        beside = event.size().width() - margins.left() - margins.right() - self.button.sizeHint().width() - 12
        lines = self.text.heightForWidth(max(beside, 1)) / max(self.text.fontMetrics().lineSpacing(), 1)
        wanted = QBoxLayout.Direction.LeftToRight if lines <= 2.5 else QBoxLayout.Direction.TopToBottom
        if self.row.direction() != wanted:
            self.row.setDirection(wanted)


class PlaceFlags(QFrame):
    """The few red flags that concern the chosen places, shown next to the results, not only behind a button."""

    more = Signal()

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("placeflags")
        self.setStyleSheet(FLAG_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setContentsMargins(6, 4, 6, 4)
        self.label.setAccessibleName(_("Red flags for these places"))
        self.label.linkActivated.connect(lambda _link: self.more.emit())
        self.label.setStyleSheet("background: transparent")
        # Long lists scroll inside the box, so the results below keep their room (see cap()).
        self.area = QScrollArea()
        self.area.setWidget(self.label)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.viewport().setAutoFillBackground(False)
        layout.addWidget(self.area)
        self._cap = 10_000
        self.flags: tuple[RedFlag, ...] = ()
        self.refresh()

    def cap(self, pixels: int) -> None:
        """The most room the box may take; the window gives it a share of the side panel."""
        self._cap = pixels
        self._fit()

    def _fit(self) -> None:
        """As tall as its words (no empty space), never above the cap (then it scrolls)."""
        width = max(self.area.viewport().width(), 100)
        wanted = self.label.heightForWidth(width) + 6
        self.area.setFixedHeight(max(48, min(wanted, self._cap)))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit()

    def on_change(self, change: Change) -> None:
        if change.selection:
            self.refresh()

    def refresh(self) -> None:
        self.flags = flags_for_session(self.session)
        self.setVisible(bool(self.flags))
        if not self.flags:
            return
        items = "".join(f"<li>{escape(f.sign)}</li>" for f in self.flags)
        self.label.setText(
            f"<span style='color:{FLAG_TEXT}'><b>" + escape(_("See a clinician first if you have:")) + f"</b>"
            f"<ul style='margin:2px 0 2px -20px'>{items}</ul>"
            f"<a href='#flags'>" + escape(_("Why, and the other red flags")) + "</a></span>"
        )
        self._fit()


class SafetyDialog(QDialog):
    """A readable dialog for the red flags or the first-run notice."""

    def __init__(self, title: str, html: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(560, 460)
        layout = QVBoxLayout(self)
        self.body = QTextBrowser()
        self.body.setHtml(html)
        self.body.setAccessibleName(title)
        layout.addWidget(self.body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)


def red_flags_dialog(safety: Safety, parent=None) -> SafetyDialog:
    return SafetyDialog(_("Red flags: see a clinician now"), red_flags_html(safety), parent)


def first_run_dialog(safety: Safety, parent=None) -> SafetyDialog:
    html = "<h2>" + escape(_("Before you start")) + f"</h2><p>{escape(safety.first_run)}</p>{red_flags_html(safety)}"
    return SafetyDialog(_("Welcome to bodymap"), html, parent)
