"""The one QApplication, created on demand with the names QSettings and the desktop use, and the icon."""

from __future__ import annotations

import json
import os
import sys
import tempfile

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from bodymap import __version__
from bodymap.identity import APP_ID, ICON_SIZES, icon_file


def application(headless: bool = False, screen: tuple[int, int] | None = None) -> QApplication:
    """The running QApplication, created if needed. ``headless`` draws offscreen, with no display;
    ``screen`` (width, height) gives that offscreen display a size, so a snapshot shows the window
    as it first opens on such a screen."""
    existing = QApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    if screen is not None:
        width, height = screen
        config = {
            "screens": [
                {
                    "name": "snapshot",
                    "x": 0,
                    "y": 0,
                    "width": width,
                    "height": height,
                    "logicalDpi": 96,
                    "logicalBaseDpi": 96,
                    "dpr": 1,
                }
            ]
        }
        with tempfile.NamedTemporaryFile("w", suffix=".json", prefix="bodymap-screen-", delete=False) as file:
            json.dump(config, file)
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={file.name}"
    elif headless and not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # keeps any offscreen options already given
    app = QApplication(sys.argv[:1])
    app.setApplicationName("bodymap")
    app.setOrganizationName("bodymap")
    app.setApplicationDisplayName("bodymap")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """bodymap's icon at every size it is drawn in; each PNG is read only when a size is first shown."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_file(size)), QSize(size, size))
    return icon
