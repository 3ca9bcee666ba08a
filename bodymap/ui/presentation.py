"""Presentation mode: one big view that glides to the area in question, and a caption bar
readable from across the table, stepping through the candidate muscles."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QRectF, QVariantAnimation, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from bodymap.diagram import Layer
from bodymap.knowledge import Side, describe
from bodymap.ui import style
from bodymap.ui.body_scene import BodyScene
from bodymap.ui.body_view import BodyView
from bodymap.ui.state import SessionState

CAPTION_PX = 30
BUTTON_PX = 26
ZOOM_MS = 450


class PresentationBar(QWidget):
    """Previous, the muscle in focus with why it is listed, Next."""

    previous = Signal()
    next = Signal()

    def __init__(self, state: SessionState, parent=None):
        super().__init__(parent)
        self.state = state
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        self.back = QPushButton("◀  Previous")
        self.forward = QPushButton("Next  ▶")
        for button, signal in ((self.back, self.previous), (self.forward, self.next)):
            button.setFont(style.pixel_font(BUTTON_PX, bold=True, base=button.font()))
            button.setMinimumSize(220, 72)
            button.clicked.connect(signal)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAccessibleName("Muscle shown")
        self.caption.setFont(style.pixel_font(CAPTION_PX, base=self.caption.font()))
        layout.addWidget(self.back)
        layout.addWidget(self.caption, 1)
        layout.addWidget(self.forward)
        state.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        ranking, focus = self.state.ranking, self.state.focus
        place = next((i for i, r in enumerate(ranking) if (r.muscle.id, r.side) == focus), None)
        if focus is None:
            self.caption.setText("Touch where it hurts.")
        elif place is None:
            self.caption.setText(f"<b>{self.state.kb.muscle(focus[0]).name}</b>")
        else:
            ranked = ranking[place]
            self.caption.setText(
                f"<b>{place + 1} of {len(ranking)}: {ranked.title}</b><br>"
                f"{describe(self.state.kb, ranked)}"
            )
        self.back.setEnabled(place is not None and place > 0)
        self.forward.setEnabled(place is not None and place < len(ranking) - 1)


def step(state: SessionState, delta: int) -> None:
    """Focus the next (or previous) muscle of the ranking."""
    ranking = state.ranking
    if not ranking:
        return
    keys = [(r.muscle.id, r.side) for r in ranking]
    place = keys.index(state.focus) if state.focus in keys else -1
    muscle_id, side = keys[max(0, min(len(keys) - 1, place + delta))]
    state.set_focus(muscle_id, side)


def focus_area(scene: BodyScene, state: SessionState) -> tuple[str | None, QRectF | None]:
    """The view, and the scene area on it, that show the selection and the muscle in focus."""
    focus = state.focus
    if focus is None:
        return None, None
    wanted = [(Layer.REGION, s.region, s.side) for s in state.selections]
    wanted += [(Layer.MUSCLE, focus[0], side) for side in ((focus[1],) if focus[1] else tuple(Side))]
    for view, diagram in scene.diagrams.items():
        if not any(mark.muscle == focus[0] for mark in diagram.trigger_points):
            continue  # show the muscle where its trigger points are drawn
        rect = QRectF()
        for shape in filter(None, (diagram.shape(*key) for key in wanted)):
            x0, y0, x1, y1 = shape.bbox
            rect = rect.united(QRectF(x0, y0, x1 - x0, y1 - y0))
        if not rect.isEmpty():
            return view, scene.frames[view].mapRectToScene(rect.adjusted(-60, -60, 60, 60))
    return None, None


class Glide:
    """Zooms a view smoothly from what it shows to a target scene rectangle."""

    def __init__(self, view: BodyView):
        self.view = view
        self.animation = QVariantAnimation()
        self.animation.setDuration(ZOOM_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self.animation.valueChanged.connect(self._show)

    def to(self, target: QRectF) -> None:
        self.animation.stop()
        current = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        self.animation.setStartValue(current)
        self.animation.setEndValue(target)
        self.animation.start()

    def _show(self, rect: QRectF) -> None:
        self.view.center_on_selection(rect)
