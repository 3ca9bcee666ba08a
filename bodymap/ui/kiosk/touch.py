"""The kiosk's sizes and touch style, declared once: finger-sized targets, large type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from bodymap.ui import style

TARGET = 64
"""Smallest button and row in kiosk mode, in pixels (the guideline is 44)."""
TEXT_PX = 20
"""Body text in the kiosk (at least 18 px)."""
STYLE = f"""
#main_page QWidget {{ font-size: {TEXT_PX}px; }}
QListWidget::item, QTreeWidget::item {{ min-height: {TARGET}px; }}
QTabBar::tab {{ min-height: {TARGET - 8}px; min-width: 160px; }}
QScrollBar:vertical {{ width: 32px; }}
QPushButton, QToolButton {{ min-height: {TARGET}px; min-width: {TARGET}px; padding: 4px 14px; }}
QPushButton#primary {{ background: #a0177e; color: white; border-radius: 14px; font-weight: bold; }}
"""
"""Large type on the map page and finger-sized rows and buttons on every kiosk page. The type rule
stops at the map page: a style sheet's size would override the pages' own heading sizes."""


def button(text: str, slot, parent: QWidget | None = None, primary: bool = False, pixels: int = TEXT_PX) -> QPushButton:
    """A finger-sized button."""
    made = QPushButton(text, parent)
    made.setFont(style.pixel_font(pixels, bold=primary, base=made.font()))
    made.setMinimumHeight(TARGET)
    made.setAutoDefault(False)  # Return never presses a button by surprise (the PIN pad's "1")
    made.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touched, not tabbed to: no focus frame on a kiosk screen
    if primary:
        made.setObjectName("primary")
    made.clicked.connect(slot)
    return made


PAGE_BACKGROUND = "#f7f1ec"
"""The warm paper colour behind every kiosk page (the welcome screen, the PIN pad, take-home)."""


def page_layout(widget: QWidget, name: str, title: str) -> QVBoxLayout:
    """Make the widget a kiosk page: named (the title is what screen readers and the window title
    say), on the page colour, with generous margins."""
    widget.setObjectName(name)
    widget.setAccessibleName(title)
    widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    widget.setStyleSheet(f"#{name} {{ background: {PAGE_BACKGROUND}; }}")
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(48, 40, 48, 32)
    return layout
