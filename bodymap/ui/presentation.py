"""Presentation mode, as a controller: full screen, one big view that glides to the muscle in
focus, a caption readable from across the table, and Previous / Next through the candidates.

The controller owns its widgets, its animation and its keys; while presenting it hides the
side panel and the toolbar, and it gives everything back as it was when the mode ends (Escape,
F5, or the button). The window knows nothing of it.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QRectF, Qt, QVariantAnimation
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bodymap import wording
from bodymap.diagram import Layer
from bodymap.i18n import _
from bodymap.knowledge import Side
from bodymap.session import Change, Focus, Mode, Session
from bodymap.ui import style
from bodymap.ui.main_window import MainWindow
from bodymap.ui.search_box import SearchBox

CAPTION_PX = 30
CUE_PX = 20
BUTTON_PX = 26
CAPTION_LINES = 3
ZOOM_MS = 450
MARGIN = 60.0
"""Diagram units shown around the muscle and the places when the view glides to them."""


class PresentationBar(QWidget):
    """Previous; the muscle in focus, why it is listed and where on the body we are; Next."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("presentation_bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        self.back = QPushButton(_("◀  Previous"))
        self.forward = QPushButton(_("Next  ▶"))
        for button in (self.back, self.forward):
            button.setFont(style.pixel_font(BUTTON_PX, bold=True, base=button.font()))
            button.setMinimumSize(220, 72)
        self.back.clicked.connect(lambda: session.step(-1, source=self))
        self.forward.clicked.connect(lambda: session.step(+1, source=self))
        middle = QVBoxLayout()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAccessibleName(_("Muscle shown"))
        self.caption.setFont(style.pixel_font(CAPTION_PX, base=self.caption.font()))
        # A fixed height: the view above does not jump when a caption needs more or fewer lines.
        self.caption.setFixedHeight(round(CAPTION_PX * 1.35 * CAPTION_LINES) + 8)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.cue = QLabel()
        self.cue.setAccessibleName(_("Where on the body"))
        self.cue.setFont(style.pixel_font(CUE_PX, bold=True, base=self.cue.font()))
        self.search = SearchBox(session)
        self.search.setVisible(False)
        middle.addWidget(self.caption)
        row = QHBoxLayout()
        row.addWidget(self.cue, 1)
        row.addWidget(self.search, 1)
        middle.addLayout(row)
        layout.addWidget(self.back)
        layout.addLayout(middle, 1)
        layout.addWidget(self.forward)
        self.refresh()

    def refresh(self, view_title: str = "") -> None:
        session = self.session
        ranking, focus = session.ranking, session.focus
        ranked = session.ranked(focus)
        place = ranking.index(ranked) if ranked else None
        if focus is None:
            self.caption.setText(_("Touch where it hurts."))
        elif ranked is None or place is None:
            self.caption.setText(f"<b>{session.kb.muscle(focus[0]).name}</b>")
        else:
            self.caption.setText(
                f"<b>{wording.rank_line(place + 1, len(ranking), ranked)}</b><br>{wording.why(session.kb, ranked)}"
            )
        self.cue.setText(_cue(view_title, focus))
        self.back.setEnabled(place is not None and place > 0)
        self.forward.setEnabled(place is not None and place < len(ranking) - 1)


def _cue(view_title: str, focus: Focus | None) -> str:
    """'Back · the person's left side': which figure and which side the close view shows."""
    if not view_title:
        return ""
    if focus is None or focus[1] is None:
        return view_title
    side = _("the person's left side") if focus[1] is Side.LEFT else _("the person's right side")
    return _("{view} · {side}").format(view=view_title, side=side)


class PresentationController:
    """Takes the window over while the session is presenting, and gives it back afterwards."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.session = window.session
        self.bar = PresentationBar(self.session)
        self.bar.setVisible(False)
        window.map_area.addWidget(self.bar)
        self.animation = QVariantAnimation()
        self.animation.setDuration(ZOOM_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self.animation.valueChanged.connect(window.view.show_rect)
        self._before: tuple[str, Qt.WindowState] | None = None
        window.handle(
            {
                "present": self.toggle,
                "next_muscle": lambda: self.session.step(+1, source=self),
                "previous_muscle": lambda: self.session.step(-1, source=self),
                "leave_presentation": self.leave,
            }
        )
        window.signals.changed.connect(self.on_change)

    def toggle(self) -> None:
        if self.session.mode is Mode.PRESENTING:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        self.session.set_mode(Mode.PRESENTING, source=self)

    def leave(self) -> None:
        self.session.set_mode(Mode.NORMAL, source=self)

    def on_change(self, change: Change) -> None:
        if change.mode:
            self._show(self.session.mode is Mode.PRESENTING)
        if self.session.mode is Mode.PRESENTING and (change.focus or change.selection or change.mode):
            self._glide_to_focus()
            self.bar.refresh(self._view_title())

    def _show(self, on: bool) -> None:
        window = self.window
        window.actions_by_id["present"].setChecked(on)
        if on and self._before is None:
            self._before = (self.session.layout, window.windowState())
            window.showFullScreen()
            window.search_target = self._search
        elif not on and self._before is not None:
            layout, state = self._before
            self._before = None
            self.animation.stop()
            window.setWindowState(state)
            window.search_target = lambda: window.search
            self.bar.search.setVisible(False)
            self.session.set_layout(layout, source=self)
            self.session.set_zoom(1.0, source=None)
        for widget in (window.side_panel, window.hover_label, window.toolbar, window.menuBar()):
            widget.setVisible(not on)
        self.bar.setVisible(on)

    def _search(self) -> QWidget:
        self.bar.search.setVisible(True)
        return self.bar.search

    def _view_title(self) -> str:
        views = self.window.kb.layout(self.session.layout).views
        return self.window.kb.view(views[0]).title if len(views) == 1 else ""

    def _glide_to_focus(self) -> None:
        view, rect = focus_area(self.window, self.session)
        if view is None or rect is None:
            return
        if self.session.layout != view:
            self.session.set_layout(view, source=self)
        self.animation.stop()
        body_view = self.window.view
        self.animation.setStartValue(body_view.mapToScene(body_view.viewport().rect()).boundingRect())
        self.animation.setEndValue(body_view.body.frames[view].mapRectToScene(rect))
        self.animation.start()


def focus_area(window: MainWindow, session: Session) -> tuple[str | None, QRectF | None]:
    """The view, and the area of it, that show the muscle in focus and the places chosen: the first
    view of the registry that draws the muscle's trigger points."""
    focus = session.focus
    if focus is None:
        return None, None
    diagrams = window.view.diagrams
    wanted = [(Layer.REGION, s.region, s.side) for s in session.selections]
    wanted += [(Layer.MUSCLE, focus[0], side) for side in ((focus[1],) if focus[1] else tuple(Side))]
    body_views = [v.id for v in session.kb.views.view]
    for view in body_views:
        diagram = diagrams[view]
        if not any(mark.muscle == focus[0] for mark in diagram.trigger_points):
            continue
        rect = QRectF()
        for shape in filter(None, (diagram.shape(*key) for key in wanted)):
            x0, y0, x1, y1 = shape.bbox
            rect = rect.united(QRectF(x0, y0, x1 - x0, y1 - y0))
        if not rect.isEmpty():
            return view, rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
    return None, None
