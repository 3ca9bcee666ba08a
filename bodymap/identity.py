"""Who the app is: its id on the desktop, its version, its licence, its icon and where its content
comes from. Qt-free, so the window's About box, the desktop installer and the bundle share it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from bodymap import __version__
from bodymap.resources import resource_dir

if TYPE_CHECKING:  # the installer needs no knowledge base (nor pydantic's import time)
    from bodymap.knowledge import KnowledgeBase

APP_ID = "io.github.bodymap.Bodymap"
"""Reverse-DNS id: the desktop entry's and the icon's file name, and Qt's desktop file name."""
LICENCE = "MIT"
"""The licence of the code (see LICENSE)."""
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The PNG sizes rendered from the SVG (tools/render_icons.py), as desktops want them."""


def version() -> str:
    """The installed distribution's version; the package's own when there is none (a bundle, a checkout)."""
    from importlib import metadata  # only the About box and the installer ask

    try:
        return metadata.version("bodymap")
    except metadata.PackageNotFoundError:
        return __version__


def icon_file(size: int | None = None) -> Path:
    """The icon: the SVG (``size`` None) or the PNG of one of :data:`ICON_SIZES`."""
    if size is not None and size not in ICON_SIZES:
        raise ValueError(f"no {size} px icon; sizes: {', '.join(map(str, ICON_SIZES))}")
    name = "bodymap.svg" if size is None else f"bodymap-{size}.png"
    path = resource_dir("icons") / name
    if not path.is_file():
        raise FileNotFoundError(f"bodymap's icon {path} is missing; reinstall bodymap")
    return path


def cited_references(kb: KnowledgeBase) -> list[tuple[str, int]]:
    """Every reference work the muscle files cite, with how many muscles cite it; most cited first."""
    counts: Counter[str] = Counter()
    for muscle in kb.muscles.values():
        counts.update({source.reference for source in muscle.sources})
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
