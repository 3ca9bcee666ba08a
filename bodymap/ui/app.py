"""The one QApplication, created on demand with the names QSettings and the desktop use."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

from bodymap import __version__


def application(headless: bool = False) -> QApplication:
    """The running QApplication, created if needed; ``headless`` draws offscreen, with no display."""
    existing = QApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    if headless and not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # keeps any offscreen options already given
    app = QApplication(sys.argv[:1])
    app.setApplicationName("bodymap")
    app.setOrganizationName("bodymap")
    app.setApplicationDisplayName("bodymap")
    app.setApplicationVersion(__version__)
    return app
