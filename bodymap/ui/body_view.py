"""The interactive diagram: fits the window, zooms, pans, names what is under the pointer.

A press and release without movement is a click (or a touch tap, which Qt turns into one):
it toggles the region under it. A press that moves pans. The view asks the diagram layer
which region is at the point; it never decides that itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QNativeGestureEvent, QPainter, QPainterPath, QWheelEvent
from PySide6.QtWidgets import QFrame, QGestureEvent, QGraphicsView, QPinchGesture

from bodymap.diagram import Layer
from bodymap.knowledge import Selection, Side
from bodymap.ui.body_scene import BodyScene
from bodymap.ui.state import SessionState

MIN_ZOOM, MAX_ZOOM = 1.0, 8.0
WHEEL_STEP = 1.15
DRAG_THRESHOLD = 6


class BodyView(QGraphicsView):
    """Shows the scene; forwards clicks and taps to the session state as selections."""

    hovered = Signal(str)
    """The plain name of the region under the pointer ('' when off the body)."""

    def __init__(self, scene: BodyScene, state: SessionState, parent=None):
        super().__init__(scene, parent)
        self.body = scene
        self.state = state
        self.view_mode: str | None = None
        self.zoom = 1.0
        self._press: QPoint | None = None
        self._dragging = False
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
        self.setAccessibleName("Body diagrams")
        self.setAccessibleDescription(
            "Front and back body diagrams. Click where it hurts; use the region list for the keyboard."
        )

    # -- view and zoom --------------------------------------------------------------------
    def set_view_mode(self, view: str | None) -> None:
        """Show both diagrams (None) or one of them, fitted to the window."""
        self.view_mode = view
        self.zoom = 1.0
        self.fit()

    def fit(self) -> None:
        rect = self.body.view_rect(self.view_mode)
        self.setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom != 1.0:
            self.scale(self.zoom, self.zoom)

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        factor = zoom / self.zoom
        self.zoom = zoom
        self.scale(factor, factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * 1.25)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / 1.25)

    def reset_zoom(self) -> None:
        self.zoom = 1.0
        self.fit()

    def center_on_selection(self, rect) -> None:
        """Zoom smoothly onto a scene rectangle (used by presentation mode)."""
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom = max(MIN_ZOOM, self.transform().m11() / self._fit_scale())

    def _fit_scale(self) -> float:
        rect = self.body.view_rect(self.view_mode)
        viewport = self.viewport().rect()
        return min(viewport.width() / max(rect.width(), 1), viewport.height() / max(rect.height(), 1))

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt name)
        """With one view chosen, show only it: a window wider than the figure would otherwise
        show part of the other figure at the side."""
        super().drawForeground(painter, rect)
        if self.view_mode is None:
            return
        beyond = QPainterPath()
        beyond.addRect(rect)
        shown = QPainterPath()
        shown.addRect(self.sceneRect())
        painter.fillPath(beyond.subtracted(shown), self.palette().base())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            self.set_zoom(self.zoom * WHEEL_STEP**steps, event.position())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture) if isinstance(event, QGestureEvent) else None
            if isinstance(pinch, QPinchGesture):
                self.set_zoom(self.zoom * pinch.scaleFactor(), pinch.centerPoint())
                return True
        if event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:  # touchpad pinch
                self.set_zoom(self.zoom * (1 + event.value()), event.position())
                return True
        if event.type() == QEvent.Type.Leave:
            self._hover(None)
        return super().viewportEvent(event)

    # -- pointer ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._dragging = False
            event.accept()
            return
        super().mousePressEvent(event)

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

    def region_at(self, pos: QPoint) -> tuple[str, str, Side | None] | None:
        """The (view, region, side) under a viewport point; nothing on a view not shown."""
        located = self.body.locate(self.mapToScene(pos))
        if located is None or self.view_mode not in (None, located[0]):
            return None
        view, point = located
        hit = self.body.diagrams[view].region_at(point)
        return (view, *hit) if hit else None

    def click_at(self, pos: QPoint) -> None:
        """Toggle the region under a viewport point (what a click or a tap does)."""
        hit = self.region_at(pos)
        if hit is not None:
            _, region, side = hit
            self.state.toggle(Selection(region, side))

    def _hover(self, pos: QPoint | None) -> None:
        hit = self.region_at(pos) if pos is not None else None
        if hit is None:
            self.body.show_hover(None, Layer.REGION, None, None)
            self.setToolTip("")
            self.hovered.emit("")
            return
        view, region, side = hit
        self.body.show_hover(view, Layer.REGION, region, side)
        name = self.state.kb.region(region).name_on(side)
        self.setToolTip(name)
        self.hovered.emit(name)
