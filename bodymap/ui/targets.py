"""How big every region is on screen, where people tap it: measured on the real window as it opens on
a screen of a given size (a desk window, or the kiosk full screen), in every view the window can show
alone (a whole figure, a close-up, a closer part of a figure).

A region's size in a view is the narrower of the width and height of its shape there, in logical
pixels; a shape in several pieces (the crown in two head profiles) counts its largest piece, since
tapping either piece chooses it. A region's best view is the one where it is largest.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect

from bodymap.diagram import Layer, Shape, load_diagrams
from bodymap.knowledge import KnowledgeBase, Side
from bodymap.notes import Notes
from bodymap.settings import SettingsStore
from bodymap.ui import window_geometry
from bodymap.ui.app import application
from bodymap.ui.main_window import MainWindow

DESK_MINIMUM = 24
KIOSK_MINIMUM = 44


@dataclass(frozen=True)
class Target:
    """One region side and its on-screen size in each view that draws it."""

    region: str
    side: Side | None
    sizes: dict[str, float]

    @property
    def best_view(self) -> str:
        return max(self.sizes, key=lambda view: self.sizes[view])

    @property
    def best(self) -> float:
        return self.sizes[self.best_view]


def _pixels(shape: Shape, scale: float, crop: tuple[float, float, float, float] | None) -> float:
    """The narrower side of the largest piece of a shape (within the crop of a closer view), in pixels."""
    cx0, cy0, cx1, cy1 = crop or (float("-inf"), float("-inf"), float("inf"), float("inf"))
    best = 0.0
    for ring in shape.rings:
        xs = [x for x, _ in ring]
        ys = [y for _, y in ring]
        width = min(max(xs), cx1) - max(min(xs), cx0)
        height = min(max(ys), cy1) - max(min(ys), cy0)
        best = max(best, min(width, height))
    return best * scale


def measure(kb: KnowledgeBase, screen: tuple[int, int], kiosk: bool = False) -> tuple[list[Target], dict[str, float]]:
    """Every region side's size in every view that shows it, and each view's scale (pixels per unit)."""
    app = application(headless=True, screen=screen)
    store = SettingsStore(writable=False)
    window = MainWindow(kb, load_diagrams(kb.views), store, Notes.none())
    try:
        if kiosk:
            from bodymap.ui.kiosk import KioskController

            KioskController(window, store.settings).enter_use()
            window.setGeometry(QRect(0, 0, *screen))
        else:
            window.setGeometry(window_geometry.first_size(QRect(0, 0, *screen)))
        window.show()
        app.processEvents()
        scales: dict[str, float] = {}
        sizes: dict[tuple[str, Side | None], dict[str, float]] = {}
        for layout in kb.layouts.values():
            if len(layout.views) != 1:
                continue  # views side by side are each larger alone
            window.show_layout(layout.id)
            app.processEvents()
            scale = window.view.transform().m11()
            scales[layout.id] = scale
            for shape in window.view.diagrams[layout.views[0]].layer(Layer.REGION):
                size = _pixels(shape, scale, layout.crop)
                if size > 0:
                    sizes.setdefault((shape.name, shape.side), {})[layout.id] = size
    finally:
        window.hide()
        window.deleteLater()
    targets = [
        Target(region, side, sizes.get((region, side), {})) for region, r in kb.regions.items() for side in r.sides
    ]
    return targets, scales
