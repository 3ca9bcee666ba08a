"""One layout of the diagrams (a view, or views side by side) as a graphics scene, drawn from the session.

The window, ``bodymap render`` and the handout draw the same scene, so what a script saves is
what a person sees. What never changes (skin, region borders, quiet muscle outlines, line art)
is painted once into the background; the parts that change are items styled from
:mod:`bodymap.ui.style`, created the first time they are needed and restyled only when their
look changes. Items only draw: which region or muscle is under a point is answered by
:mod:`bodymap.diagram`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from bodymap import wording
from bodymap.diagram import Diagram, Layer, Shape
from bodymap.i18n import _
from bodymap.knowledge import Depth, Side, Zone
from bodymap.session import Change, Focus, Mode, Session
from bodymap.ui import style
from bodymap.ui.style import Part

GAP = 90.0
"""Space between figures side by side, in diagram units."""
TOP = 60.0
"""Room above each figure for its title."""
TITLE_PX = 26
BADGE_SLACK = 6
MAGNIFIER_OFFSET = 16.0
"""Diagram units between the top of a part and its lens."""
"""Screen pixels around a badge that still count as tapping it."""
CAPTION_PX = 22
CROP_CAPTION_PX = 14
"""A closer view is drawn larger: its side words are set smaller to look the same size."""

ShapeKey = tuple[str, Layer, str, Side | None]
"""(view id, layer, region or muscle id, side): one drawn shape."""


def shape_path(shape: Shape) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in shape.rings:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring]))
        path.closeSubpath()
    return path


def _lines_path(lines) -> QPainterPath:
    path = QPainterPath()
    for line in lines:
        path.moveTo(*line[0])
        for point in line[1:]:
            path.lineTo(*point)
    return path


def _sides(side: Side | None) -> tuple[Side, ...]:
    """The sides a ranked or focused muscle is drawn on: its own, or both for None."""
    return (side,) if side else tuple(Side)


def _inside(shape: Shape, crop: tuple[float, float, float, float]) -> bool:
    x, y = shape.interior_point()
    return crop[0] <= x <= crop[2] and crop[1] <= y <= crop[3]


def _clusters(shapes: list[Shape], reach: float = 120.0) -> list[list[Shape]]:
    """Shapes grouped by nearness: the two hands are two groups, the face one."""
    groups: list[list[Shape]] = []
    for shape in shapes:
        x, y = shape.interior_point()
        near = [
            g for g in groups if any(abs(x - o.interior_point()[0]) + abs(y - o.interior_point()[1]) < reach for o in g)
        ]
        merged = [shape] + [s for g in near for s in g]
        groups = [g for g in groups if g not in near] + [merged]
    return groups


def _is_focus(focus: Focus | None, muscle_id: str, side: Side) -> bool:
    return focus is not None and focus[0] == muscle_id and focus[1] in (side, None)


@dataclass(frozen=True)
class _Style:
    """A shape's look right now; equal styles need no restyling."""

    part: Part
    rgba: int
    deep: bool = False


class _PainPattern(QGraphicsItem):
    """The focused muscle's pain zones on one view: each filled, with a rim that fades outwards,
    never painted outside the body.

    On screen the zones are drawn once into a picture of their own at the view's scale and that
    picture is shown until the zones or the scale change: one clip to the body outline for all of
    them, and the rims written straight into the picture (no blending of each translucent stroke
    with what is under it, which cost half of a click's repaint). Exported pictures (render,
    handout) are drawn as shapes, for print quality."""

    def __init__(self, body: QPainterPath, parent: QGraphicsItem):
        super().__init__(parent)
        self.body = body
        self.shown: tuple[tuple[ShapeKey, Part], ...] = ()
        self._zones: list[tuple[QPainterPath, Part]] = []
        self._bounds = QRectF()
        self._picture: tuple[tuple[float, float, float, float], QImage, QRect] | None = None
        self.setZValue(style.LOOKS[Part.ESSENTIAL].z)

    def show_zones(self, shown: tuple[tuple[ShapeKey, Part], ...], paths: Mapping[ShapeKey, QPainterPath]) -> None:
        if shown == self.shown:
            return
        self.prepareGeometryChange()
        self.shown = shown
        self._zones = [(paths[key], part) for key, part in shown]
        self._picture = None
        bounds = QRectF()
        for path, _part in self._zones:
            bounds = bounds.united(path.boundingRect())
        self._bounds = bounds.adjusted(-6, -6, 6, 6) if self._zones else QRectF()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self._zones:
            return
        if widget is None:  # an exported picture: shapes, blended as usual
            painter.save()
            painter.setClipPath(self.body)
            for path, part in self._zones:
                style.paint_soft_path(painter, path, part, style.PAIN)
            painter.restore()
            return
        to_widget = painter.worldTransform()
        scale = (to_widget.m11(), to_widget.m12(), to_widget.m21(), to_widget.m22())
        if self._picture is None or self._picture[0] != scale:
            self._picture = (scale, *self._draw(QTransform(*scale[:2], *scale[2:], 0.0, 0.0)))
        _scale, image, place = self._picture
        painter.save()
        painter.resetTransform()
        painter.drawImage(QPointF(place.left() + to_widget.dx(), place.top() + to_widget.dy()), image)
        painter.restore()

    def _draw(self, scale: QTransform) -> tuple[QImage, QRect]:
        place = scale.mapRect(self._bounds).toAlignedRect()
        image = QImage(place.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-place.left(), -place.top())
        painter.setTransform(scale, combine=True)
        style.paint_soft_zones(painter, self._zones, self.body, style.PAIN)
        painter.end()
        return image, place


class _Marker(QGraphicsItem):
    """Something drawn at a point at the same size on screen at every zoom (a trigger point's X, a
    rank badge): ``size`` is in screen pixels, turned into scene units by the scene's pixel scale."""

    def __init__(self, center: tuple[float, float], parent: QGraphicsItem, size: float, scale: float):
        super().__init__(parent)
        self.size = size
        self.scale_px = scale
        self.setPos(*center)

    def set_scale(self, scale: float) -> None:
        self.prepareGeometryChange()
        self.scale_px = scale

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        s = (self.size + 4) / self.scale_px
        return QRectF(-s, -s, 2 * s, 2 * s)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(1 / self.scale_px, 1 / self.scale_px)
        self.draw(painter)
        painter.restore()

    def draw(self, painter: QPainter) -> None:
        raise NotImplementedError


class _Cross(_Marker):
    def __init__(self, center: tuple[float, float], parent: QGraphicsItem, scale: float):
        super().__init__(center, parent, style.TRIGGER_SIZE, scale)
        self.setZValue(style.LOOKS[Part.TRIGGER].z)

    def draw(self, painter: QPainter) -> None:
        style.paint_cross(painter, QPointF(0, 0), self.size)


class RankBadge(_Marker):
    """A candidate's place in the list, drawn on the muscle on its side."""

    def __init__(
        self,
        view: str,
        shape: Shape,
        parent: QGraphicsItem,
        rank: int,
        color: QColor,
        deep: bool,
        key: Focus,
        scale: float,
    ):
        super().__init__(shape.interior_point(), parent, style.BADGE_RADIUS, scale)
        self.view_id, self.muscle_shape, self.rank, self.color, self.deep, self.key = (
            view,
            shape,
            rank,
            color,
            deep,
            key,
        )
        self.setZValue(style.LOOKS[Part.BADGE].z)

    def draw(self, painter: QPainter) -> None:
        style.paint_badge(painter, QPointF(0, 0), self.size, self.rank, self.color, self.deep)


class Magnifier(_Marker):
    """A lens over a part of a whole figure that has a closer view: tapping it opens that view. It
    counts the places chosen there, so a choice made in a close-up shows on the whole figure too."""

    def __init__(
        self, center: tuple[float, float], parent: QGraphicsItem, layout: str, regions: set[str], scale: float
    ):
        super().__init__(center, parent, style.MAGNIFIER_RADIUS, scale)
        self.layout, self.regions, self.chosen = layout, regions, 0
        self.setZValue(style.LOOKS[Part.BADGE].z - 0.5)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """On paper and in exported pictures a lens cannot be tapped: only one that counts chosen
        places is drawn there (it is then the only sign of them on the whole figure)."""
        if widget is not None or self.chosen:
            super().paint(painter, option, widget)

    def draw(self, painter: QPainter) -> None:
        style.paint_magnifier(painter, QPointF(0, 0), self.size, self.chosen)


class BodyScene(QGraphicsScene):
    """The views of one layout side by side, restyled whenever the session changes."""

    def __init__(
        self, session: Session, diagrams: Mapping[str, Diagram], layout: str, legend: bool = False, parent=None
    ):
        super().__init__(parent)
        # Hit-testing is answered by bodymap.diagram, so Qt's spatial index would only be built and
        # kept up to date for painting: without it the window shows sooner.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.session = session
        self.kb = session.kb
        self.layout_id = layout
        self.view_ids = self.kb.layout(layout).views
        self.crop = self.kb.layout(layout).crop
        """Part of the one view shown, for a closer view; None shows the views whole."""
        self.diagrams = {view: diagrams[view] for view in self.view_ids}
        self.frames: dict[str, QGraphicsRectItem] = {}
        self.shown = style.DEFAULT_SHOWN
        """How many candidate muscles are drawn; the rest are in the list only."""
        self.places_only = False
        """Only the chosen places are drawn (see show_places_only)."""
        self.pixel_scale = 0.5
        """Screen pixels per diagram unit, as the layout is shown now (the view or a render says)."""
        self._bodies: dict[str, QPainterPath] = {}
        self._items: dict[ShapeKey, QGraphicsPathItem] = {}
        self._patterns: dict[str, _PainPattern] = {}
        self._zone_paths: dict[ShapeKey, QPainterPath] = {}
        self._styled: dict[ShapeKey, _Style] = {}
        self._selected: dict[ShapeKey, QGraphicsPathItem] = {}
        self._marks: list[QGraphicsItem] = []
        self._marks_fixed: list[_Marker] = []
        """Marks that stay while the scene lives (the magnifiers); they follow the pixel scale too."""
        self.badges: list[RankBadge] = []
        self.colors: dict[str, QColor] = {}
        """Each ranked muscle's colour, by muscle id; the list chips use the same."""
        self._static: list[tuple[QPointF, QPainterPath, QPen, QBrush]] = []
        self._build()
        self.magnifiers = self._add_magnifiers()
        self.hover = self._overlay(Part.HOVER, style.HOVER)
        self.cursor = self._overlay(Part.KEYBOARD, style.HOVER, Qt.PenStyle.DashLine)
        self.legend = Legend(self, self.frames[self.view_ids[-1]]) if legend else None
        self.refresh()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        x = 0.0
        for view in self.view_ids:
            diagram = self.diagrams[view]
            width, height = diagram.size
            frame = QGraphicsRectItem(0, 0, width, height)
            frame.setPen(style.NO_PEN)
            frame.setPos(x, TOP)
            self.addItem(frame)
            self.frames[view] = frame
            self._bodies[view] = shape_path(diagram.silhouette)
            self._patterns[view] = _PainPattern(self._bodies[view], frame)
            self._add_figure(diagram, frame)
            if self.crop is None:
                self._add_labels(view, frame, width)
            else:
                self._add_crop_captions(view, frame)
            x += width + GAP
        # The frames and the titles above them bound everything drawn; asking the scene for its
        # items' bounds instead walks every path.
        bounds = QRectF()
        for frame in self.frames.values():
            bounds = bounds.united(frame.sceneBoundingRect())
        self.setSceneRect(bounds.adjusted(-20, -TOP - 10, 20, 20))

    def _add_figure(self, diagram: Diagram, frame: QGraphicsRectItem) -> None:
        """Static line work goes to the background; everything else becomes an item when first styled."""
        offset = frame.pos()
        self._static.append(
            (offset, shape_path(diagram.silhouette), style.pen(style.SKIN_OUTLINE, 1.4), QBrush(style.SKIN))
        )
        region_pen = style.pen(style.REGION_BORDER, 0.8)
        idle_muscle_pen = style.pen(style.MUSCLE_IDLE, 0.7)
        for shape in diagram.shapes:
            if shape.layer is Layer.REGION:
                self._static.append((offset, shape_path(shape), region_pen, style.NO_BRUSH))
            elif self._depth(shape.name) is Depth.SUPERFICIAL:
                self._static.append((offset, shape_path(shape), idle_muscle_pen, style.NO_BRUSH))
        detail_pen = style.pen(style.DETAIL, 0.9)
        for line in diagram.details:
            path = QPainterPath()
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in line.points]))
            if line.closed:
                path.closeSubpath()
            self._static.append((offset, path, detail_pen, style.NO_BRUSH))

    def _add_labels(self, view: str, frame: QGraphicsRectItem, width: float) -> None:
        title = QGraphicsSimpleTextItem(self.kb.view(view).title.upper(), frame)
        title.setFont(style.pixel_font(TITLE_PX, bold=True))
        title.setBrush(style.LABEL)
        title.setPos((width - title.boundingRect().width()) / 2, -TOP + 6)
        for caption in self.kb.view(view).captions:
            mark = QGraphicsSimpleTextItem(wording.side_caption(caption.side), frame)
            mark.setFont(style.pixel_font(CAPTION_PX, bold=True))
            mark.setBrush(style.LABEL)
            mark.setPos(caption.x - mark.boundingRect().width() / 2, caption.y)

    def _add_crop_captions(self, view: str, frame: QGraphicsRectItem) -> None:
        """A closer view keeps its side words: each in the top corner of the crop on its side of the
        figure, on a pale backdrop so that it reads over the drawing."""
        assert self.crop is not None
        x0, y0, x1, _ = self.crop
        middle = self.diagrams[view].size[0] / 2
        for caption in self.kb.view(view).captions:
            mark = QGraphicsSimpleTextItem(wording.side_caption(caption.side))
            mark.setFont(style.pixel_font(CROP_CAPTION_PX, bold=True))
            mark.setBrush(style.LABEL)
            box = mark.boundingRect().adjusted(-4, -2, 4, 2)
            backdrop = QGraphicsRectItem(box, frame)
            backdrop.setBrush(style.tinted(QColor("white"), 210))
            backdrop.setPen(style.NO_PEN)
            backdrop.setZValue(style.LOOKS[Part.HOVER].z)
            mark.setParentItem(backdrop)
            left = x0 + 6 - box.left() if caption.x < middle else x1 - 6 - box.right()
            backdrop.setPos(left, y0 + 6 - box.top())

    def _add_magnifiers(self) -> list[Magnifier]:
        """A lens for each closer view a whole figure leads to, by the part they share."""
        if self.crop is not None:
            return []
        lenses: list[Magnifier] = []
        for view in self.view_ids:
            diagram = self.diagrams[view]
            for target in self.kb.view(view).closeups:
                layout = self.kb.layout(target)
                regions = {r.id for v in layout.views for r in self.kb.regions_on(v)} if layout.crop is None else set()
                shapes = [
                    s
                    for s in diagram.layer(Layer.REGION)
                    if (s.name in regions) or (layout.crop is not None and _inside(s, layout.crop))
                ]
                if layout.crop is not None:
                    regions = {s.name for s in shapes}
                clusters = _clusters(shapes)
                if not clusters:
                    continue
                # The finest part the closer view shows (the hand rather than the forearm), and of two
                # alike (the two hands), the one on the viewer's right: one calm lens per closer view.
                cluster = min(
                    clusters,
                    key=lambda c: (round(sum(s.area for s in c) / len(c), -2), -max(s.interior_point()[0] for s in c)),
                )
                if layout.crop is not None:  # a closer part of the figure: the lens sits in its middle
                    x, y = (layout.crop[0] + layout.crop[2]) / 2, (layout.crop[1] + layout.crop[3]) / 2
                else:  # a close-up: just above the part it shows, not on it
                    x = sum(s.interior_point()[0] for s in cluster) / len(cluster)
                    y = min(s.bbox[1] for s in cluster) - MAGNIFIER_OFFSET
                lens = Magnifier((x, y), self.frames[view], target, regions, self.pixel_scale)
                lens.setToolTip(_("{view}: a closer view").format(view=layout.title))
                lenses.append(lens)
                self._marks_fixed.append(lens)
        return lenses

    def magnifier_at(self, scene_pos: QPointF) -> Magnifier | None:
        reach = (style.MAGNIFIER_RADIUS + BADGE_SLACK) / self.pixel_scale
        hits = [m for m in self.magnifiers if QLineF(m.scenePos(), scene_pos).length() <= reach]
        return min(hits, key=lambda m: QLineF(m.scenePos(), scene_pos).length()) if hits else None

    def visible_rect(self) -> QRectF | None:
        """The scene rectangle a closer view shows (everything else is hidden and answers no tap)."""
        if self.crop is None:
            return None
        x0, y0, x1, y1 = self.crop
        return self.frames[self.view_ids[0]].mapRectToScene(QRectF(x0, y0, x1 - x0, y1 - y0))

    def _overlay(self, part: Part, color: QColor, line: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QGraphicsPathItem:
        item = QGraphicsPathItem()
        item.setPen(style.pen(color, style.LOOKS[part].outline_width, line))
        item.setZValue(style.LOOKS[part].z)
        item.setVisible(False)
        self.addItem(item)
        return item

    def _depth(self, muscle_id: str) -> Depth:
        muscle = self.kb.muscles.get(muscle_id)
        return muscle.depth if muscle is not None else Depth.SUPERFICIAL

    def drawBackground(self, painter: QPainter, exposed: QRectF | QRect) -> None:  # noqa: N802 (Qt name)
        """Paint what never changes; the view caches this, so a click repaints only what it styled."""
        super().drawBackground(painter, exposed)
        rect = QRectF(exposed)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for offset, path, pen, brush in self._static:
            # An upright or level line has a box of no width or height, which intersects nothing: pad it.
            if not path.boundingRect().translated(offset).adjusted(-1, -1, 1, 1).intersects(rect):
                continue
            painter.save()
            painter.translate(offset)
            painter.setPen(pen)
            painter.setBrush(brush)
            painter.drawPath(path)
            painter.restore()

    # -- styling from the session ---------------------------------------------------------
    def on_change(self, change: Change) -> None:
        """Redraw for a session change that concerns the picture."""
        if change.selection or change.focus or change.mode:
            self.refresh()

    def refresh(self) -> None:
        """Restyle from the session: only shapes whose look changed are touched (clicks stay fast)."""
        session = self.session
        shown = self._shown_candidates()
        focus = None if self.places_only else session.focus
        self.colors = style.muscle_colors(session.ranking, focus[0] if focus else None)
        drawn: list[tuple[str, Side, Part]] = []
        for muscle_id, side in shown:
            for one_side in _sides(side):
                if not _is_focus(focus, muscle_id, one_side):
                    drawn.append((muscle_id, one_side, Part.CANDIDATE))
        if focus is not None:
            drawn += [(focus[0], one_side, Part.FOCUS) for one_side in _sides(focus[1])]
        styles: dict[ShapeKey, _Style] = {}
        for muscle_id, one_side, part in drawn:
            color = self.colors[muscle_id]
            deep = self._depth(muscle_id) is Depth.DEEP
            for view in self.view_ids:
                if self.diagrams[view].shape(Layer.MUSCLE, muscle_id, one_side) is not None:
                    styles[(view, Layer.MUSCLE, muscle_id, one_side)] = _Style(part, color.rgba(), deep)
        for key in self._styled.keys() - styles.keys():
            self._items[key].setVisible(False)
        for key, wanted in styles.items():
            if self._styled.get(key) != wanted:
                self._apply(key, wanted)
        self._styled = styles
        self._draw_zones(focus)
        self._draw_marks(shown, focus)
        chosen = {s.region for s in session.selections}
        for lens in self.magnifiers:
            count = len(lens.regions & chosen)
            if count != lens.chosen:
                lens.chosen = count
                lens.update()
        if self.legend is not None:
            self.legend.refresh()

    def show_places_only(self) -> None:
        """Draw where it hurts and nothing else (no candidates, no lens without a chosen place under
        it): a journal entry records the places, and two of them side by side compare only those."""
        self.places_only = True
        self.refresh()
        for lens in self.magnifiers:
            lens.setVisible(lens.chosen > 0)

    def _shown_candidates(self) -> list[Focus]:
        """The ranked (muscle, side) entries whose muscle is among the first ``shown`` distinct ones;
        presenting shows the muscle in focus alone."""
        if self.session.mode is Mode.PRESENTING or self.places_only:
            return []
        muscles: list[str] = []
        shown: list[Focus] = []
        for ranked in self.session.ranking:
            if ranked.muscle.id not in muscles:
                if len(muscles) >= self.shown:
                    continue
                muscles.append(ranked.muscle.id)
            shown.append((ranked.muscle.id, ranked.side))
        return shown

    def _item(self, key: ShapeKey) -> QGraphicsPathItem:
        item = self._items.get(key)
        if item is None:
            item = self._items[key] = self._path_item(key)
        return item

    def _path_item(self, key: ShapeKey) -> QGraphicsPathItem:
        """A new item drawing a shape of the diagrams, in its view's frame."""
        view, layer, name, side = key
        shape = self.diagrams[view].shape(layer, name, side)
        assert shape is not None
        return QGraphicsPathItem(shape_path(shape), self.frames[view])

    def _apply(self, key: ShapeKey, wanted: _Style) -> None:
        item = self._item(key)
        color = QColor.fromRgba(wanted.rgba)
        item.setBrush(style.fill(wanted.part, color))
        item.setPen(style.outline(wanted.part, style.outline_color(color), wanted.deep))
        item.setZValue(style.LOOKS[wanted.part].z)
        item.setVisible(True)
        for child in item.childItems():
            child.setVisible(wanted.part is Part.FOCUS)
        if wanted.part is Part.FOCUS and not item.childItems():
            self._add_fibres(key, item, color)

    def _add_fibres(self, key: ShapeKey, item: QGraphicsPathItem, color: QColor) -> None:
        view, _layer, name, side = key
        fibres = self.diagrams[view].fibres_of(name, side) if side else None
        if fibres is None:
            return
        lines = QGraphicsPathItem(_lines_path(fibres.lines), item)
        lines.setPen(style.pen(style.outline_color(color), style.LOOKS[Part.FIBRES].outline_width))
        lines.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, False)

    def _draw_zones(self, focus: Focus | None) -> None:
        """The focused muscle's pain pattern, above the muscles; the selected regions above all."""
        wanted: dict[ShapeKey, Part] = {}
        if focus is not None:
            muscle = self.kb.muscle(focus[0])
            sides = (focus[1],) if focus[1] else tuple(Side)
            for referral in muscle.referral:
                region = self.kb.region(referral.region)
                part = Part.ESSENTIAL if referral.zone is Zone.ESSENTIAL else Part.SPILLOVER
                for view in set(region.views) & set(self.view_ids):
                    for side in sides if region.paired else (None,):
                        wanted[(view, Layer.REGION, region.id, side)] = part
        by_view: dict[str, list[tuple[ShapeKey, Part]]] = {view: [] for view in self.view_ids}
        for key, part in wanted.items():
            if key not in self._zone_paths:
                shape = self.diagrams[key[0]].shape(*key[1:])
                if shape is None:
                    continue
                self._zone_paths[key] = shape_path(shape)
            by_view[key[0]].append((key, part))
        for view, shown in by_view.items():
            self._patterns[view].show_zones(tuple(shown), self._zone_paths)
        for selection in self.session.selections:
            for view in set(self.kb.region(selection.region).views) & set(self.view_ids):
                key = (view, Layer.REGION, selection.region, selection.side)
                if self.diagrams[view].shape(*key[1:]) is not None:
                    self._select(key, self.session.pain(selection).intensity)
        selected = {(v, Layer.REGION, s.region, s.side) for s in self.session.selections for v in self.view_ids}
        for key, item in self._selected.items():
            item.setVisible(key in selected)

    def _select(self, key: ShapeKey, intensity: int) -> None:
        """Outline a chosen place, tinted as strongly as it hurts."""
        item = self._selected.get(key)
        if item is None:
            item = self._selected[key] = self._path_item(key)
            item.setPen(style.outline(Part.SELECTED, style.SELECTED))
            item.setZValue(style.LOOKS[Part.SELECTED].z)
        brush = style.intensity_fill(intensity, alone=self.places_only)
        if item.brush() != brush:
            item.setBrush(brush)
        item.setVisible(True)

    def _draw_marks(self, shown: list[Focus], focus: Focus | None) -> None:
        """Trigger points of the muscle in focus, and a rank badge on every other candidate shown."""
        for mark in self._marks:
            self.removeItem(mark)
        self._marks.clear()
        self.badges = []
        if focus is not None:
            for view in self.view_ids:
                for point in self.diagrams[view].trigger_points:
                    if point.muscle == focus[0] and (focus[1] is None or point.side is focus[1]):
                        self._marks.append(_Cross(point.center, self.frames[view], self.pixel_scale))
        for muscle_id, side in shown:
            rank = self.session.rank_of(muscle_id, side)
            if rank is None:
                continue
            deep = self._depth(muscle_id) is Depth.DEEP
            for one_side in (side,) if side else tuple(Side):
                for view in self.view_ids:
                    shape = self.diagrams[view].shape(Layer.MUSCLE, muscle_id, one_side)
                    if shape is not None:
                        badge = RankBadge(
                            view,
                            shape,
                            self.frames[view],
                            rank,
                            self.colors[muscle_id],
                            deep,
                            (muscle_id, side),
                            self.pixel_scale,
                        )
                        self.badges.append(badge)
                        self._marks.append(badge)
        self._place_badges()

    def set_pixel_scale(self, scale: float) -> None:
        """Tell the scene how large it is shown (pixels per unit): marks keep their size on screen and
        badges are placed so that none covers another."""
        if scale <= 0 or abs(scale - self.pixel_scale) < self.pixel_scale * 0.02:
            return
        self.pixel_scale = scale
        for mark in [*self._marks, *self._marks_fixed]:
            mark.set_scale(scale)  # type: ignore[attr-defined]
        self._place_badges()

    def _place_badges(self) -> None:
        """Each badge goes to the first of its muscle's label points that is clear of the badges and
        trigger points placed before it (rank order); failing that, to the clearest one, nudged clear."""
        gap = (2 * style.BADGE_RADIUS + 3) / self.pixel_scale
        placed: list[QPointF] = [mark.scenePos() for mark in self._marks if isinstance(mark, _Cross)]
        for badge in self.badges:
            frame = badge.parentItem()
            options = [
                frame.mapToScene(QPointF(*p))
                for p in badge.muscle_shape.anchors or (badge.muscle_shape.interior_point(),)
            ]

            def clearance(point: QPointF) -> float:
                return min((QLineF(point, other).length() for other in placed), default=float("inf"))

            best = next((p for p in options if clearance(p) >= gap), max(options, key=clearance))
            for _attempt in range(8):
                nearest = min(placed, key=lambda other: QLineF(best, other).length(), default=None)
                if nearest is None or QLineF(best, nearest).length() >= gap:
                    break
                away = QLineF(nearest, best)
                if away.length() < 1e-6:
                    away = QLineF(nearest, nearest + QPointF(0, 1))
                away.setLength(gap)
                best = away.p2()
            badge.setPos(frame.mapFromScene(best))
            placed.append(best)

    # -- geometry queries the view forwards -----------------------------------------------
    def locate(self, scene_pos: QPointF) -> tuple[str, tuple[float, float]] | None:
        """Which view a scene point falls on, and the point in that view's units."""
        for view, frame in self.frames.items():
            local = frame.mapFromScene(scene_pos)
            if frame.rect().contains(local):
                return view, (local.x(), local.y())
        return None

    def candidate_at(self, view: str, point: tuple[float, float]) -> ShapeKey | None:
        """The shape of a candidate muscle drawn (not in focus) at a point of a view, for naming it."""
        for key, styled in self._styled.items():
            v, layer, name, side = key
            if v == view and styled.part is Part.CANDIDATE and side is not None:
                shape = self.diagrams[view].shape(layer, name, side)
                if shape is not None and shape.contains(*point):
                    return key
        return None

    def marks(self) -> list[dict[str, object]]:
        """What a picture file says about each shown candidate, for machines: rank, muscle, side,
        whether it is the one in focus, and where its badge is (scene coordinates)."""
        focus = self.session.focus
        return [
            {
                "rank": badge.rank,
                "muscle": badge.key[0],
                "side": wording.side_id(badge.muscle_shape.side),
                "focus": focus is not None and focus[0] == badge.key[0] and focus[1] in (badge.key[1], None),
                "center": badge.scenePos(),
                "color": badge.color.name(),
                "deep": badge.deep,
            }
            for badge in self.badges
        ]

    def ranked_focus(self, key: ShapeKey) -> Focus:
        """The focus a drawn muscle stands for: its ranked side, or both sides for midline pain."""
        name, side = key[2], key[3]
        return (name, side) if self.session.ranked((name, side)) else (name, None)

    def badge_at(self, scene_pos: QPointF) -> RankBadge | None:
        """The rank badge under a scene point (with a few pixels to spare, for fingers): tapping it
        brings its muscle into focus."""
        reach = (style.BADGE_RADIUS + BADGE_SLACK) / self.pixel_scale
        hits = [b for b in self.badges if QLineF(b.scenePos(), scene_pos).length() <= reach]
        return min(hits, key=lambda b: QLineF(b.scenePos(), scene_pos).length()) if hits else None

    def render_fitted(self, painter: QPainter, target: QRectF) -> QRectF:
        """Draw the whole content into ``target``, as large as fits without distortion, centred at the
        top; returns the rectangle it took (a caller puts what follows right under it)."""
        source = self.content_rect()
        scale = min(target.width() / source.width(), target.height() / source.height())
        size = QSizeF(source.width() * scale, source.height() * scale)
        drawn = QRectF(target.left() + (target.width() - size.width()) / 2, target.top(), size.width(), size.height())
        self.render(painter, drawn, source, Qt.AspectRatioMode.KeepAspectRatio)
        return drawn

    def content_rect(self) -> QRectF:
        """The scene rectangle showing the layout's figures, their titles and side captions (and the
        legend, if drawn), without the empty margins of the drawings: one view shown alone fills
        the space."""
        visible = self.visible_rect()
        if visible is not None:
            return visible.adjusted(-4, -4, 4, 4)
        rect = QRectF()
        for view, frame in self.frames.items():
            x0, y0, x1, y1 = self.diagrams[view].silhouette.bbox
            figure = frame.mapRectToScene(QRectF(x0, y0, x1 - x0, y1 - y0))
            labels = QRectF()
            for child in frame.childItems():
                if isinstance(child, QGraphicsSimpleTextItem):
                    labels = labels.united(child.sceneBoundingRect())
            rect = rect.united(figure.united(labels).adjusted(-12, -10, 12, 12))
        if self.legend is not None:
            legend = self.legend.sceneBoundingRect()
            rect = rect.united(QRectF(rect.right(), rect.top(), legend.right() - rect.right() + 20, 1))
        return rect

    def outline_shape(self, item: QGraphicsPathItem, key: ShapeKey | None) -> None:
        """Show ``item`` (the hover or keyboard outline) around one shape, or hide it for None."""
        shape = self.diagrams[key[0]].shape(*key[1:]) if key else None
        if key is None or shape is None:
            item.setVisible(False)
            return
        item.setPath(self.frames[key[0]].mapToScene(shape_path(shape)))
        item.setVisible(True)


class Legend(QGraphicsRectItem):
    """Key for a rendered chart: the candidates with their badges, and the symbols, in the window's words."""

    WIDTH = 400.0

    def __init__(self, scene: BodyScene, beside: QGraphicsRectItem):
        super().__init__(0, 0, self.WIDTH, 10)
        self.body = scene
        scene.addItem(self)
        self.setPos(beside.sceneBoundingRect().right() + 40, TOP)
        self.setPen(style.NO_PEN)
        self._children: list[QGraphicsItem] = []

    def refresh(self) -> None:
        for child in self._children:
            self.body.removeItem(child)
        self._children.clear()
        session = self.body.session
        y = self._text(_("Most likely muscles"), y=0.0, size=22, bold=True)
        if not session.ranking and session.focus is None:
            y = self._text(_("Select where it hurts."), y, size=18)
        drawn = len(self.body._shown_candidates())  # every badge on the figures has its line
        for place, ranked in enumerate(session.ranking[: max(drawn, 1)], 1):
            deep = ranked.muscle.depth is Depth.DEEP
            badge = _LegendSymbol(
                "badge", QRectF(2, y + 2, 22, 22), self, self.body.colors.get(ranked.muscle.id), place, deep
            )
            self._children.append(badge)
            self._text(wording.candidate_title(ranked), y, size=18, indent=36)
            y += 30
        y += 16
        y = self._text(_("Key"), y, size=20, bold=True)
        for kind, text in wording.key_entries():
            self._children.append(_LegendSymbol(kind, QRectF(0, y + 4, 26, 18), self))
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


class _LegendSymbol(QGraphicsItem):
    """One symbol of the key, painted by the same code as the diagram."""

    def __init__(
        self,
        kind: str,
        box: QRectF,
        parent: QGraphicsItem,
        color: QColor | None = None,
        number: int = 1,
        deep: bool = False,
    ):
        super().__init__(parent)
        self.kind, self.box, self.color, self.number, self.deep = kind, box, color, number, deep

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        return self.box.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.kind == "badge" and self.color is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            style.paint_badge(painter, self.box.center(), self.box.height() / 2, self.number, self.color, self.deep)
        else:
            style.paint_key_symbol(painter, self.kind, self.box)
