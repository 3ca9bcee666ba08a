"""Render bodymap's icon, bodymap/icons/bodymap.svg, to the PNG sizes desktops want (beside it).

    python tools/render_icons.py

Run it after changing the SVG and commit the PNGs: the app, the desktop installer and the bundle
use them as they are. Drawn offscreen with QtSvg, so it needs no display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from bodymap.identity import ICON_SIZES, icon_file  # noqa: E402


def render(svg: Path, size: int, output: Path) -> None:
    """Draw the SVG on a transparent square of ``size`` pixels and save it as PNG."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(output), "PNG"):
        raise SystemExit(f"{output}: cannot be written")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QtSvg needs one)
    svg = icon_file()
    for size in ICON_SIZES:
        output = svg.with_name(f"bodymap-{size}.png")
        render(svg, size, output)
        print(f"{output.relative_to(ROOT)}  {size}x{size}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
