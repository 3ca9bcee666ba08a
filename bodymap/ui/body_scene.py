"""The front and back diagrams as one graphics scene, styled from the session state.

The same scene is shown in the window and rendered by ``bodymap render``, so what a
script saves is what a person sees. Items only draw; which region is under a point is
answered by :mod:`bodymap.diagram`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

from bodymap.diagram import Diagram, Layer, Shape
from bodymap.knowledge import Depth, Side, Zone
from bodymap.ui import style
from bodymap.ui.state import SessionState

GAP = 90.0
"""Space between the front and back figures, in diagram units."""
TOP = 60.0
"""Room above the figures for their titles."""
TITLE_Y = 6.0
"""Top of the titles, in scene units."""
TRIGGER_SIZE = 6.0

ShapeKey = tuple[str, Layer, str, Side | None]


@dataclass(frozen=True)
class _Look:
    """The style of a highlighted region or muscle; equal looks need no restyling.

    Colours are kept as RGBA numbers so looks compare and hash like plain values."""

    fill: int
    alpha: int
    pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern
    outline: int | None = None
    width: float = 1.0
    line: Qt.PenStyle = Qt.PenStyle.SolidLine
    z: float = 1.0


def _apply(item: QGraphicsPathItem, look: _Look) -> None:
    item.setBrush(style.tinted(QColor.fromRgba(look.fill), look.alpha, look.pattern))
    outline = None if look.outline is None else QColor.fromRgba(look.outline)
    item.setPen(style.NO_PEN if outline is None else style.pen(outline, look.width, look.line))
    item.setZValue(look.z)
    item.setVisible(True)


def _path(shape: Shape) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in shape.rings:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring]))
        path.closeSubpath()
    return path


class BodyScene(QGraphicsScene):
    """Both diagrams side by side; restyles itself whenever the session state changes."""

    def __init__(self, diagrams: Mapping[str, Diagram], state: SessionState, legend: bool = False, parent=None):
        super().__init__(parent)
        # Hit-testing is answered by bodymap.diagram, so Qt's spatial index would only be
        # built and kept up to date for painting ~700 items: without it the window shows sooner.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.diagrams = diagrams
        self.state = state
        self.frames: dict[str, QGraphicsRectItem] = {}
        self.items_by_key: dict[ShapeKey, QGraphicsPathItem] = {}
        self._marks: list[QGraphicsItem] = []
        self.selection_outlines: list[QGraphicsItem] = []
        self._static: list[tuple[QPointF, QPainterPath, QPen, QBrush]] = []
        self._applied: dict[ShapeKey, _Look] = {}
        self._marked: tuple | None = None
        """The (selections, focus) the outlines and trigger point marks were drawn for."""
        self._build()
        self.legend = Legend(state, list(self.frames.values())[-1]) if legend else None
        self.hover = QGraphicsPathItem()
        self.hover.setPen(style.pen(style.HOVER, 2.5))
        self.hover.setZValue(10)
        self.hover.setVisible(False)
        self.addItem(self.hover)
        state.changed.connect(self.refresh)
        self.refresh()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        x = 0.0
        for view in self.state.kb.layout('both').views:
            diagram = self.diagrams[view]
            width, height = diagram.size
            frame = QGraphicsRectItem(0, 0, width, height)
            frame.setPen(style.NO_PEN)
            frame.setPos(x, TOP)
            self.addItem(frame)
            self.frames[view] = frame
            self._add_figure(view, diagram, frame)
            self._add_labels(view, frame, width)
            x += width + GAP
        # The figures' frames and the titles above them bound everything drawn; asking the
        # scene for its items' bounds instead walks all ~700 paths (a tenth of the build).
        bounds = QRectF()
        for frame in self.frames.values():
            bounds = bounds.united(frame.sceneBoundingRect())
        bounds.setTop(TITLE_Y)
        self.setSceneRect(bounds.adjusted(-20, -10, 20, 20))

    def _add_figure(self, view: str, diagram: Diagram, frame: QGraphicsRectItem) -> None:
        """Static line work goes to the background; styled regions and muscles become items."""
        offset = frame.pos()
        self._static.append((offset, _path(diagram.silhouette), style.pen(style.SKIN_OUTLINE, 1.4), QBrush(style.SKIN)))
        region_pen = style.pen(style.REGION_BORDER, 0.8)
        idle_muscle_pen = style.pen(style.MUSCLE_IDLE, 0.7)
        for shape in diagram.shapes:
            path = _path(shape)
            if shape.layer is Layer.REGION:
                self._static.append((offset, path, region_pen, style.NO_BRUSH))
            elif self._is_superficial(shape.name):
                self._static.append((offset, path, idle_muscle_pen, style.NO_BRUSH))
            item = QGraphicsPathItem(path, frame)
            item.setVisible(False)
            self.items_by_key[(view, shape.layer, shape.name, shape.side)] = item
        detail_pen = style.pen(style.DETAIL, 0.9)
        for line in diagram.details:
            path = QPainterPath()
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in line.points]))
            if line.closed:
                path.closeSubpath()
            self._static.append((offset, path, detail_pen, style.NO_BRUSH))

    def _is_superficial(self, muscle_id: str) -> bool:
        muscle = self.state.kb.muscles.get(muscle_id)
        return muscle is not None and muscle.depth is Depth.SUPERFICIAL

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt name)
        """Paint what never changes; the view caches this, so a click repaints only what it styled."""
        super().drawBackground(painter, rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for offset, path, pen, brush in self._static:
            if not path.boundingRect().translated(offset).intersects(rect):
                continue
            painter.save()
            painter.translate(offset)
            painter.setPen(pen)
            painter.setBrush(brush)
            painter.drawPath(path)
            painter.restore()

    def _add_labels(self, view: str, frame: QGraphicsRectItem, width: float) -> None:
        title = QGraphicsSimpleTextItem(self.state.kb.view(view).title.upper(), frame)
        title.setFont(style.pixel_font(26, bold=True))
        title.setBrush(style.LABEL)
        rect = title.boundingRect()
        title.setPos((width - rect.width()) / 2, TITLE_Y - TOP)
        # The person's sides: on the front view their right is on the viewer's left.
        for caption in self.state.kb.view(view).captions:
            mark = QGraphicsSimpleTextItem(caption.side.value[0].upper(), frame)
            mark.setFont(style.pixel_font(22, bold=True))
            mark.setBrush(style.LABEL)
            mark.setPos(caption.x - mark.boundingRect().width() / 2, caption.y)

    # -- styling from state ---------------------------------------------------------------
    def refresh(self) -> None:
        """Restyle from the state: only items whose look changed are touched (clicks stay fast)."""
        looks = self._looks()
        for key in self._applied.keys() - looks.keys():
            self.items_by_key[key].setVisible(False)
        for key, look in looks.items():
            if self._applied.get(key) != look:
                _apply(self.items_by_key[key], look)
        self._applied = looks
        marked = (self.state.selections, self.state.focus)
        if marked != self._marked:  # a focus-only or ranking-only change keeps the outlines
            self._marked = marked
            self._draw_selection_outlines()
            self._draw_trigger_points(self.state.focus)
        if self.legend is not None:
            self.legend.refresh()

    def _looks(self) -> dict[ShapeKey, _Look]:
        """How every item that is not at rest should look now."""
        state = self.state
        looks: dict[ShapeKey, _Look] = {}
        for selection in state.selections:
            for view in state.kb.region(selection.region).views:
                looks[(view, Layer.REGION, selection.region, selection.side)] = _Look(style.SELECTED.rgba(), 90)
        focus = state.focus
        for (region_id, side), zone in self._referral_zones(focus).items():
            for view in state.kb.region(region_id).views:
                if zone is Zone.ESSENTIAL:
                    looks[(view, Layer.REGION, region_id, side)] = _Look(style.REFERRAL.rgba(), 170)
                else:
                    looks[(view, Layer.REGION, region_id, side)] = _Look(style.REFERRAL.rgba(), 200, Qt.BrushStyle.Dense5Pattern)
        shown = [(r.muscle.id, r.side) for r in state.ranking]
        if focus is not None:
            shown.append(focus)
        for muscle_id, side in shown:
            for one_side in (side,) if side else tuple(Side):
                rank = state.rank_of(muscle_id, one_side)
                focused = focus is not None and focus[0] == muscle_id and focus[1] in (one_side, None)
                look = self._muscle_look(muscle_id, rank, focused)
                for view in self.diagrams:
                    key = (view, Layer.MUSCLE, muscle_id, one_side)
                    if key in self.items_by_key:
                        looks[key] = look
        return {k: v for k, v in looks.items() if k in self.items_by_key}

    def _referral_zones(self, focus: tuple[str, Side | None] | None) -> dict[tuple[str, Side | None], Zone]:
        if focus is None:
            return {}
        muscle = self.state.kb.muscle(focus[0])
        sides = (focus[1],) if focus[1] else tuple(Side)
        zones: dict[tuple[str, Side | None], Zone] = {}
        for r in muscle.referral:
            region = self.state.kb.region(r.region)
            for side in sides if region.paired else (None,):
                zones[(r.region, side)] = r.zone
        return zones

    def _muscle_look(self, muscle_id: str, rank: int | None, focused: bool) -> _Look:
        deep = not self._is_superficial(muscle_id)
        color = style.rank_color(rank) if rank else style.REFERRAL
        # Deep muscles sit above superficial ones so their dashed outline stays visible.
        z = (2.6 if deep else 2.4) + (0.3 if focused else 0) - min(rank or 0, 50) / 1000
        return _Look(
            color.rgba(), 110 if deep else 165, outline=color.darker(140).rgba(), width=2.6 if focused else 1.4,
            line=Qt.PenStyle.DashLine if deep else Qt.PenStyle.SolidLine, z=z,
        )

    def _draw_selection_outlines(self) -> None:
        """Selected regions are outlined above the muscles, so a highlight never hides them."""
        for outline in self.selection_outlines:
            self.removeItem(outline)
        self.selection_outlines.clear()
        for selection in self.state.selections:
            for view in self.state.kb.region(selection.region).views:
                region = self.items_by_key.get((view, Layer.REGION, selection.region, selection.side))
                if region is None:
                    continue
                outline = QGraphicsPathItem(region.path(), self.frames[view])
                outline.setPen(style.pen(style.SELECTED, 3.0))
                outline.setZValue(7)
                self.selection_outlines.append(outline)

    def _draw_trigger_points(self, focus) -> None:
        for mark in self._marks:
            self.removeItem(mark)
        self._marks.clear()
        if focus is None:
            return
        muscle_id, side = focus
        for view, diagram in self.diagrams.items():
            for point in diagram.trigger_points:
                if point.muscle == muscle_id and (side is None or point.side is side):
                    self._marks.append(self._cross(self.frames[view], point.center))

    def _cross(self, frame: QGraphicsRectItem, center: tuple[float, float]) -> QGraphicsItem:
        x, y = center
        s = TRIGGER_SIZE
        path = QPainterPath()
        path.moveTo(x - s, y - s)
        path.lineTo(x + s, y + s)
        path.moveTo(x - s, y + s)
        path.lineTo(x + s, y - s)
        halo = QGraphicsPathItem(path, frame)
        halo.setPen(style.pen(style.SKIN.lighter(110), 6.0))
        halo.setZValue(8)
        cross = QGraphicsPathItem(path, halo)
        cross.setPen(style.pen(style.TRIGGER, 2.6))
        return halo

    # -- geometry queries the view forwards -----------------------------------------------
    def locate(self, scene_pos: QPointF) -> tuple[str, tuple[float, float]] | None:
        """Which diagram a scene point falls on, and the point in that diagram's units."""
        for view, frame in self.frames.items():
            local = frame.mapFromScene(scene_pos)
            if frame.rect().contains(local):
                return view, (local.x(), local.y())
        return None

    def view_rect(self, view: str | None) -> QRectF:
        """The scene rectangle showing one view (with its title), or both for None; with the legend if shown."""
        frames = list(self.frames.values()) if view is None else [self.frames[view]]
        rect = QRectF()
        for frame in frames:
            rect = rect.united(frame.sceneBoundingRect().adjusted(-10, -TOP, 10, 10))
        if self.legend is not None and self.legend.isVisible():
            legend = self.legend.sceneBoundingRect()
            rect = rect.united(QRectF(rect.right(), rect.top(), legend.right() - rect.right() + 20, 1))
        return rect

    def show_hover(self, view: str | None, layer: Layer, name: str | None, side: Side | None) -> None:
        """Outline the region under the pointer (or hide the outline for None)."""
        item = self.items_by_key.get((view, layer, name, side)) if view and name else None
        if item is None:
            self.hover.setVisible(False)
            return
        self.hover.setPath(item.mapToScene(item.path()))
        self.hover.setVisible(True)



class Legend(QGraphicsRectItem):
    """Key for a rendered chart: rank colours with names, and the referral pattern symbols."""

    WIDTH = 380.0

    def __init__(self, state: SessionState, beside: QGraphicsRectItem):
        super().__init__(0, 0, self.WIDTH, 10)
        self.state = state
        beside.scene().addItem(self)
        self.setPos(beside.sceneBoundingRect().right() + 40, TOP)
        self.setPen(style.NO_PEN)
        self._children: list[QGraphicsItem] = []

    def refresh(self) -> None:
        for child in self._children:
            self.scene().removeItem(child)
        self._children.clear()
        y = 0.0
        y = self._text("Most likely muscles", y, size=22, bold=True)
        if not self.state.ranking:
            y = self._text("Select where it hurts.", y, size=18)
        for place, ranked in enumerate(self.state.ranking[: style.SHOWN_RANKS], 1):
            deep = ranked.muscle.depth is Depth.DEEP
            chip = QGraphicsRectItem(0, y + 4, 26, 18, self)
            chip.setBrush(style.tinted(style.rank_color(place), 110 if deep else 165))
            chip.setPen(style.pen(style.rank_color(place).darker(140), 1.4,
                                  Qt.PenStyle.DashLine if deep else Qt.PenStyle.SolidLine))
            self._children.append(chip)
            label = f"{place}. {ranked.muscle.name}, {ranked.side_name}" + (" (deep)" if deep else "")
            self._text(label, y, size=18, indent=36)
            y += 30
        y += 16
        y = self._text("Key", y, size=20, bold=True)
        for kind, text in style.KEY:
            self._children.append(_KeySymbol(kind, QRectF(0, y + 4, 26, 18), self))
            self._text(text, y, size=18, indent=36)
            y += 30
        self.setRect(0, 0, self.WIDTH, y)

    def _text(self, text: str, y: float, size: int, bold: bool = False, indent: float = 0) -> float:
        item = QGraphicsSimpleTextItem(text, self)
        item.setFont(style.pixel_font(size, bold))
        item.setBrush(style.LABEL)
        item.setPos(indent, y)
        self._children.append(item)
        return y + item.boundingRect().height() + 8


class _KeySymbol(QGraphicsItem):
    """One symbol of the key, painted by the same code as the window's key."""

    def __init__(self, kind: str, box: QRectF, parent: QGraphicsItem):
        super().__init__(parent)
        self.kind = kind
        self.box = box

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        return self.box.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        style.paint_key_symbol(painter, self.kind, self.box)
