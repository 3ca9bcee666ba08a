"""Choosing the language in the window: a Language menu on the desk, a big button per language on
the kiosk's welcome screen. Switching builds the window again in the new language (every sentence,
the content and the catalogue), carrying the map on show over, so nothing the person did is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from bodymap import i18n
from bodymap.i18n import _
from bodymap.knowledge.languages import available
from bodymap.resources import resource_dir


def languages() -> tuple[str, ...]:
    """The languages bodymap can show: English and every language its data is translated into."""
    return available(resource_dir("data"))


def native_name(code: str) -> str:
    """A language's name in itself ('Español'), as people look for their own language in a list."""
    from babel import Locale  # loaded when a language list is shown

    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def language_menu(parent_menu: QMenu, chosen: str | None, switch: Callable[[str | None], object]) -> QMenu:
    """A Language submenu: the system's language, then each language in its own name."""
    menu = parent_menu.addMenu(_("Language"))
    menu.setObjectName("language_menu")
    group = QActionGroup(menu)
    entries: list[tuple[str | None, str]] = [(None, _("The system's language"))]
    entries += [(code, native_name(code)) for code in languages()]
    for code, name in entries:
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: switch(c))
        group.addAction(action)
        menu.addAction(action)
    return menu


def current() -> str:
    return i18n.requested_language()
