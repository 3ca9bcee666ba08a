"""The interactive diagram: shows the session's layout, zooms, pans, names what is under the pointer.

A press and release without movement is a click (or a touch tap, which Qt turns into one): on a
candidate muscle drawn on the map it brings that muscle into focus, elsewhere it toggles the region
under it. A press that moves pans. With the keyboard, the arrow keys walk a cursor over the regions
of the layout and Space or Enter toggles the one under it. The view asks the diagram layer and the
scene what is at a point; it never decides that itself, and every change goes through the session.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QNativeGestureEvent, QPainter, QPainterPath, QWheelEvent
from PySide6.QtWidgets import QFrame, QGestureEvent, QGraphicsView, QPinchGesture

from bodymap import wording
from bodymap.diagram import Diagram, Layer
from bodymap.i18n import _
from bodymap.knowledge import Selection, Side
from bodymap.session import Change, Session
from bodymap.ui import style
from bodymap.ui.body_scene import BodyScene, ShapeKey

WHEEL_STEP = 1.15
BUTTON_STEP = 1.25
DRAG_THRESHOLD = 6
KEPT_SCENES = 4
"""Layouts whose scenes stay built (the whole figures and the last close-ups): switching back is instant."""


class BodyView(QGraphicsView):
    """Shows one scene per layout (built the first time it is shown) and forwards intent to the session."""

    hovered = Signal(str)
    """What a click at the pointer would do, in words ('' when off the body)."""

    def __init__(self, session: Session, diagrams: Mapping[str, Diagram], parent=None):
        super().__init__(parent)
        self.session = session
        self.diagrams = diagrams
        self.scenes: dict[str, BodyScene] = {}
        self.shown_candidates: int | None = None
        self._press: QPoint | None = None
        self._dragging = False
        self._cursor: int | None = None
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setMouseTracking(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(_("Body diagrams"))
        self.setAccessibleDescription(
            _(
                "Click or tap where it hurts. With the keyboard: arrow keys move between regions, "
                "Space selects, plus and minus zoom."
            )
        )
        self._show_layout()

    @property
    def body(self) -> BodyScene:
        """The scene of the layout shown now."""
        return self.scenes[self.session.layout]

    # -- following the session ------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        if change.layout:
            self._show_layout()
            return
        self.body.on_change(change)
        if change.zoom and change.source is not self:
            self.fit()
        if change.selection or change.focus:
            self._hover(self.mapFromGlobal(self.cursor().pos()) if self.underMouse() else None)

    def _show_layout(self) -> None:
        layout = self.session.layout
        scene = self.scenes.pop(layout, None)
        if scene is None:
            scene = BodyScene(self.session, self.diagrams, layout, parent=self)
        self.scenes[layout] = scene  # most recently shown last
        if self.shown_candidates is not None:
            scene.shown = self.shown_candidates
        scene.refresh()
        self.setScene(scene)
        while len(self.scenes) > KEPT_SCENES:  # a kiosk that runs for days keeps its memory flat
            old = self.scenes.pop(next(iter(self.scenes)))
            old.setParent(None)  # owned by Python alone now: freed at once, with all its items
        self._cursor = None
        self.fit()

    def set_shown_candidates(self, count: int) -> None:
        """How many candidate muscles the diagrams draw (a setting)."""
        self.shown_candidates = count
        self.body.shown = count
        self.body.refresh()

    # -- fitting and zoom -----------------------------------------------------------------
    def fit(self) -> None:
        """Fit the layout to the window, then apply the session's zoom around the centre."""
        rect = self.body.content_rect()
        self.setSceneRect(rect)
        self.resetTransform()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        zoom = self.session.zoom
        if zoom != 1.0:
            self.scale(zoom, zoom)
        self.body.set_pixel_scale(self.transform().m11())

    def fit_scale(self) -> float:
        """Pixels per diagram unit when the layout is fitted to the window."""
        rect = self.body.content_rect()
        viewport = self.viewport().rect()
        return min(viewport.width() / max(rect.width(), 1), viewport.height() / max(rect.height(), 1))

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom about a viewport point (the pointer, a pinch centre) or the centre, and tell the session."""
        before = self.session.zoom
        if not self.session.set_zoom(before * factor, source=self):
            return
        actual = self.session.zoom / before
        self.setTransformationAnchor(
            QGraphicsView.ViewportAnchor.AnchorUnderMouse
            if anchor is not None
            else QGraphicsView.ViewportAnchor.AnchorViewCenter
        )
        self.scale(actual, actual)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.body.set_pixel_scale(self.transform().m11())

    def zoom_in(self) -> None:
        self.zoom_by(BUTTON_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / BUTTON_STEP)

    def show_rect(self, rect: QRectF) -> None:
        """Show a scene rectangle as large as fits (presentation mode glides through these)."""
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.session.set_zoom(self.transform().m11() / max(self.fit_scale(), 1e-9), source=self)
        self.body.set_pixel_scale(self.transform().m11())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        """Over a chosen place the wheel says how much it hurts (one step per notch); elsewhere, or with
        Ctrl held, it zooms."""
        steps = event.angleDelta().y() / 120
        zoom_only = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        hit = self.region_at(event.position().toPoint()) if steps and not zoom_only else None
        selection = Selection(hit[1], hit[2]) if hit else None
        if selection is not None and selection in self.session.selections and not self.session.mode.kiosk:
            notches = round(steps) or (1 if steps > 0 else -1)
            self.session.set_intensity(selection, self.session.pain(selection).intensity + notches, source=self)
        elif steps:
            self.zoom_by(WHEEL_STEP**steps, event.position())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor(), pinch.centerPoint())
                return True
        if event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:  # touchpad pinch
                self.zoom_by(1 + event.value(), event.position())
                return True
        if event.type() == QEvent.Type.Leave:
            self._hover(None)
        return super().viewportEvent(event)

    # -- pointer --------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._dragging = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """A quick second tap is a second click (it undoes the first), never lost as a double-click."""
        self.mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = pos - self._press
            if self._dragging or delta.manhattanLength() > DRAG_THRESHOLD:
                self._dragging = True
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
                self._press = pos
            return
        self._hover(pos)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
                self.click_at(event.position().toPoint())
            self._press = None
            self._dragging = False
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _located(self, pos: QPoint) -> tuple[str, tuple[float, float]] | None:
        scene_pos = self.mapToScene(pos)
        visible = self.body.visible_rect()
        if visible is not None and not visible.contains(scene_pos):
            return None  # hidden around a closer view
        return self.body.locate(scene_pos)

    def drawForeground(self, painter: QPainter, exposed: QRectF | QRect) -> None:  # noqa: N802 (Qt name)
        """Around a closer view, cover the rest of the figure: it is not part of what is shown."""
        super().drawForeground(painter, exposed)
        rect = QRectF(exposed)
        visible = self.body.visible_rect()
        if visible is None:
            return
        around = QPainterPath()
        around.addRect(rect)
        shown = QPainterPath()
        shown.addRect(visible)
        painter.fillPath(around.subtracted(shown), self.palette().base())
        painter.setPen(style.pen(style.REGION_BORDER, 1.0))
        painter.drawRect(visible)

    def region_at(self, pos: QPoint) -> tuple[str, str, Side | None] | None:
        """The (view, region, side) under a viewport point."""
        located = self._located(pos)
        if located is None:
            return None
        view, point = located
        hit = self.diagrams[view].region_at(point)
        return (view, *hit) if hit else None

    def click_at(self, pos: QPoint) -> None:
        """What a click or a tap does: on a candidate's rank badge, show that muscle; elsewhere,
        toggle the region under it."""
        badge = self.body.badge_at(self.mapToScene(pos))
        if badge is not None:
            self.session.focus_on(*badge.key, source=self)
            return
        lens = self.body.magnifier_at(self.mapToScene(pos))
        if lens is not None:
            self.session.set_layout(lens.layout, source=self)
            return
        located = self._located(pos)
        hit = self.diagrams[located[0]].region_at(located[1]) if located else None
        if hit is not None:
            self.session.toggle(Selection(*hit), source=self)

    def _hover(self, pos: QPoint | None) -> None:
        """Say what a click would do here: show a muscle (on its badge), or select the region, naming
        the candidate muscle the pointer is over."""
        kb = self.session.kb
        located = self._located(pos) if pos is not None else None
        badge = self.body.badge_at(self.mapToScene(pos)) if pos is not None else None
        hit = self.diagrams[located[0]].region_at(located[1]) if located else None
        candidate = self.body.candidate_at(*located) if located else None
        lens = self.body.magnifier_at(self.mapToScene(pos)) if pos is not None and badge is None else None
        if lens is not None:
            text = _("{view}: click for a closer view").format(view=kb.layout(lens.layout).title)
            self.body.outline_shape(self.body.hover, None)
        elif badge is not None:
            ranked = self.session.ranked(badge.key)
            name = wording.candidate_title(ranked) if ranked else kb.muscle(badge.key[0]).name
            text = _("{muscle}: click to show it").format(muscle=name)
            self.body.outline_shape(
                self.body.hover, (badge.view_id, Layer.MUSCLE, badge.muscle_shape.name, badge.muscle_shape.side)
            )
        elif hit is not None and located is not None:
            text = wording.region_name(kb.region(hit[0]), hit[1])
            if candidate is not None:
                ranked = self.session.ranked(self.body.ranked_focus(candidate))
                if ranked is not None:
                    text = _("{region} · {muscle} ({rank})").format(
                        region=text, muscle=wording.candidate_title(ranked), rank=self.session.ranking.index(ranked) + 1
                    )
            self.body.outline_shape(self.body.hover, (located[0], Layer.REGION, *hit))
        else:
            text = ""
            self.body.outline_shape(self.body.hover, None)
        self.setToolTip(text)
        self.hovered.emit(text)

    # -- keyboard -------------------------------------------------------------------------
    def _region_keys(self) -> list[ShapeKey]:
        """Every region side of the layout, in reading order: view by view, top to bottom."""
        keys: list[ShapeKey] = []
        for view in self.body.view_ids:
            shapes = sorted(
                self.diagrams[view].layer(Layer.REGION),
                key=lambda s: (round(s.interior_point()[1] / 40), s.interior_point()[0]),
            )
            keys += [(view, Layer.REGION, s.name, s.side) for s in shapes]
        return keys

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        keys = self._region_keys()
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}.get(
            Qt.Key(event.key())
        )
        if step is not None and keys:
            self._cursor = (step - 1) // 2 % len(keys) if self._cursor is None else (self._cursor + step) % len(keys)
            self._show_cursor(keys)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._cursor is not None:
            region, side = keys[self._cursor][2:]
            self.session.toggle(Selection(region, side), source=self)
            event.accept()
            return
        super().keyPressEvent(event)

    def _show_cursor(self, keys: list[ShapeKey]) -> None:
        key = keys[self._cursor] if self._cursor is not None else None
        self.body.outline_shape(self.body.cursor, key if self.hasFocus() else None)
        if key is not None:
            text = wording.region_name(self.session.kb.region(key[2]), key[3])
            self.hovered.emit(text)
            self.setAccessibleDescription(text)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self._show_cursor(self._region_keys())

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.body.outline_shape(self.body.cursor, None)
