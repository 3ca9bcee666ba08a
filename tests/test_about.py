"""Help > About and the app's identity: driven on the real window, as a person opens it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from bodymap import __version__
from bodymap.identity import APP_ID, ICON_SIZES, cited_references, icon_file, version
from bodymap.ui.about import AboutDialog


def _shown_about() -> AboutDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible()), None)


def test_help_about_shows_the_version_the_licence_and_the_sources(qtbot, window):
    action = window.actions_by_id["about"]
    assert action in window.menus["help"].actions() and action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: _shown_about() is not None)
    dialog = _shown_about()
    assert dialog is not None and dialog.parent() is window
    text = dialog.text()
    assert version() in text and "MIT" in text and "Travell & Simons" in text and "Gray's Anatomy" in text
    assert "PySide6" in text
    dialog.reject()
    qtbot.waitUntil(lambda: _shown_about() is None)


def test_every_cited_work_is_counted_once_per_muscle(kb):
    counts = dict(cited_references(kb))
    assert all(1 <= n <= len(kb.muscles) for n in counts.values())
    assert sum(counts.values()) == sum(len({s.reference for s in m.sources}) for m in kb.muscles.values())
    first, *_rest = cited_references(kb)
    assert first[1] == max(counts.values())


def test_the_version_is_the_installed_one_or_the_package_s(monkeypatch):
    from importlib import metadata

    def missing(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    assert version()
    monkeypatch.setattr(metadata, "version", missing)
    assert version() == __version__


def test_the_app_icon_has_every_size_and_the_svg_it_came_from(qtbot):
    from bodymap.ui.app import app_icon  # the icon application() gives the app (tests make their own QApplication)

    icon = app_icon()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)
    for size in ICON_SIZES:
        assert icon.pixmap(size, size).width() == size
    assert icon_file().read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert APP_ID == "io.github.bodymap.Bodymap"
