"""The main window: diagrams on one side; search, results, regions and details on the other.

The window composes widgets around one session and wires the actions to it; each widget redraws
itself from the session's change records. It has no mode branches: presentation and kiosk are
controllers (:mod:`bodymap.ui.presentation`, :mod:`bodymap.ui.kiosk`) that take it over while
they are active. It writes no file itself either: whoever opens it decides what is saved on close
(:mod:`bodymap.ui.launch`), so drawing a snapshot never touches the person's files.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QPagedPaintDevice, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bodymap import wording
from bodymap.diagram import Diagram
from bodymap.i18n import _
from bodymap.knowledge import KnowledgeBase
from bodymap.knowledge.views import ViewKind
from bodymap.notes import Notes
from bodymap.session import Change, Mode, Session
from bodymap.settings import SettingsStore
from bodymap.ui.about import show_about
from bodymap.ui.actions import (
    IN_USE,
    VIEW_PREFIX,
    build_actions,
    build_intensity_actions,
    build_menus,
    build_view_actions,
    enable_for,
)
from bodymap.ui.body_view import BodyView
from bodymap.ui.detail_panel import DetailPanel
from bodymap.ui.legend_bar import LegendBar
from bodymap.ui.note_editor import NoteEditor
from bodymap.ui.pain_panel import PainPanel
from bodymap.ui.region_list import RegionList
from bodymap.ui.results_panel import ResultsPanel
from bodymap.ui.safety import DisclaimerBar, PlaceFlags, SafetyDialog, first_run_dialog, red_flags_dialog
from bodymap.ui.search_box import SearchBox
from bodymap.ui.session_signals import SessionSignals

FOCUS_STYLE = """
QListWidget:focus, QTreeWidget:focus, QTextBrowser:focus, QPlainTextEdit:focus, QLineEdit:focus,
QGraphicsView:focus { border: 2px solid #1A56C4; }
QPushButton:focus, QToolButton:focus { outline: 2px solid #1A56C4; }
"""
"""Every widget shows clearly when it has the keyboard."""
WARNING_STYLE = "QLabel { background: #fdecea; color: #8a1c14; padding: 6px; }"
PORTRAIT = 1.05
"""A window this much taller than wide puts the map above the panel."""
MAP_SHARE = 0.62
"""The part of the window the map takes beside (or above) the panel."""
SIDE_MIN = 300
FLAGS_SHARE = 0.3
"""The most of the side panel's height the place's red flags take before they scroll."""
"""The side panel's narrowest width beside the map: its lists and text stay readable."""


class MainWindow(QMainWindow):
    """The diagrams and the panels around one session."""

    closing = Signal()
    """Emitted when the window has agreed to close (after the note being typed is saved)."""

    def __init__(
        self,
        kb: KnowledgeBase,
        diagrams: Mapping[str, Diagram],
        settings: SettingsStore,
        notes: Notes,
        session: Session | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.kb = kb
        self.store = settings
        self.notes = notes
        layout = settings.settings.last_view
        self.session = session or Session(kb, layout if layout in kb.layouts else None)
        self.signals = SessionSignals(self.session, self)
        self.setWindowTitle(_("bodymap: where does it hurt?"))
        self.setMinimumSize(320, 400)
        self.setStyleSheet(FOCUS_STYLE)

        self.view = BodyView(self.session, diagrams)
        self.view.set_shown_candidates(settings.settings.shown_candidates)
        self.search = SearchBox(self.session)
        self.results = ResultsPanel(self.session)
        self.regions = RegionList(self.session)
        self.place_flags = PlaceFlags(self.session)
        self.pain_panel = PainPanel(self.session)
        self.detail = DetailPanel(self.session, notes)
        self.note_editor = NoteEditor(self.session, notes)
        self.disclaimer = DisclaimerBar(kb.safety)
        self.legend_bar = LegendBar()
        self.hover_label = QLabel(" ")
        self.hover_label.setAccessibleName(_("What the pointer is on"))
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.setVisible(False)
        for warning in (settings.warning, notes.warning):
            if warning:
                self.show_warning(warning)

        self.body_layout = layout if layout in kb.layouts and self._is_body_layout(layout) else kb.views.default_layout
        """The whole-figure layout last shown: where 'Whole body' goes back to from a closer view."""
        self.switch_to: str | None = None
        """Set when the window closes to open again in another language (see launch.run)."""
        self.close_guards: list[Callable[[], bool]] = []
        """Asked in turn before the window closes; any False keeps it open (unsaved changes kept)."""
        self.search_target: Callable[[], QWidget] = lambda: self.search
        """Where Ctrl+F sends the keyboard: a controller may point it at its own search box."""
        self.handlers: dict[str, Callable[[], object]] = {
            "save_pdf": self.save_handout,
            "print": self.print_handout,
            "quit": self.close,
            "undo": lambda: self.session.undo(source=self),
            "redo": lambda: self.session.redo(source=self),
            "clear": self.clear,
            "search": self.focus_search,
            "zoom_in": self.view.zoom_in,
            "zoom_out": self.view.zoom_out,
            "zoom_fit": lambda: self.session.set_zoom(1.0),
            "whole_body": lambda: self.show_layout(self.body_layout),
            "red_flags": self.show_red_flags,
            "about": lambda: show_about(self.kb, self),
        }
        self.actions_by_id = build_actions(self, self.handlers)
        self.actions_by_id |= build_view_actions(self, kb, self.show_layout)
        self.actions_by_id |= build_intensity_actions(self, self.pain_panel.set_last)
        self.menus = build_menus(self.menuBar(), self.actions_by_id)
        self.toolbar = self._toolbar()
        self.pages = QStackedWidget()
        self._layout()
        self.view.hovered.connect(lambda text: self.hover_label.setText(text or " "))
        # Through the handler: a controller (the kiosk) shows the red flags its own way.
        self.disclaimer.red_flags_requested.connect(lambda: self.handlers["red_flags"]())
        self.place_flags.more.connect(lambda: self.handlers["red_flags"]())
        for now in (self.view, self.detail, self.note_editor):
            self.signals.changed.connect(now.on_change)
        for later in (self.results, self.regions, self.place_flags, self.pain_panel):
            self.signals.settled.connect(later.on_change)
        self.signals.changed.connect(self.on_change)
        self.on_change(Change(selection=True, layout=True, mode=True))

    # -- layout ---------------------------------------------------------------------------
    def _toolbar(self) -> QToolBar:
        toolbar = QToolBar(_("Diagram"))
        toolbar.setObjectName("diagram_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.actions_by_id["whole_body"])
        views = [a for key, a in self.actions_by_id.items() if key.startswith(VIEW_PREFIX)]
        bodies = [a for a in views if self._is_body_layout(a.objectName()[len(VIEW_PREFIX) :])]
        for action in bodies:
            toolbar.addAction(action)
        closeups = QToolButton()
        closeups.setText(_("Closer views"))
        closeups.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        closeups.setAccessibleName(_("Close-up views"))
        menu = QMenu(closeups)
        for action in views:
            if action not in bodies:
                menu.addAction(action)
        closeups.setMenu(menu)
        closeups.setVisible(not menu.isEmpty())
        self.closeup_button = closeups
        toolbar.addWidget(closeups)
        toolbar.addSeparator()
        for key in ("undo", "redo", "zoom_out", "zoom_in", "zoom_fit", "clear", "present"):
            if key in self.actions_by_id:
                toolbar.addAction(self.actions_by_id[key])
        return toolbar

    def _is_body_layout(self, layout_id: str) -> bool:
        """Whole figures (not a close-up, not a closer part of a figure)."""
        layout = self.kb.layout(layout_id)
        return layout.crop is None and all(self.kb.view(v).kind is ViewKind.BODY for v in layout.views)

    def _layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.legend_bar)
        left_layout.addWidget(self.hover_label)
        self.map_area = left_layout

        tabs = QTabWidget()
        tabs.addTab(self.results, _("Likely muscles"))
        tabs.addTab(self.regions, _("All regions"))
        tabs.setAccessibleName(_("Results and regions"))
        self.tabs = tabs
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.detail, 1)
        details_layout.addWidget(self.note_editor)
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(tabs)
        right_split.addWidget(details)
        right_split.setStretchFactor(0, 2)
        right_split.setStretchFactor(1, 3)
        self.panel_split = right_split
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 6, 6, 0)
        right_layout.addWidget(self.warning_label)
        right_layout.addWidget(self.search)
        right_layout.addWidget(self.place_flags)
        right_layout.addWidget(self.pain_panel)
        right_layout.addWidget(right_split, 1)
        self.side_panel = right

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, round(MAP_SHARE * 100))
        split.setStretchFactor(1, round((1 - MAP_SHARE) * 100))
        split.setChildrenCollapsible(False)
        self._split_sized = False
        self.split = split

        main = QWidget()
        main.setObjectName("main_page")
        layout = QVBoxLayout(main)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(split, 1)
        layout.addWidget(self.disclaimer)
        self.main_layout = layout
        self.main_page = main
        self.pages.addWidget(main)
        self.setCentralWidget(self.pages)
        QWidget.setTabOrder(self.search, self.tabs)
        QWidget.setTabOrder(self.tabs, self.detail)
        QWidget.setTabOrder(self.detail, self.view)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        """On a portrait screen the map goes above the panel; on a landscape one, beside it. The map
        keeps about three fifths of the room (the stretch factors keep that share as the window
        changes size) until the person moves the divider."""
        super().resizeEvent(event)
        size = event.size()
        portrait = size.height() > size.width() * PORTRAIT
        panel_height = size.height() * (1 - MAP_SHARE) if portrait else size.height()
        self.place_flags.cap(round(panel_height * FLAGS_SHARE))
        orientation = Qt.Orientation.Vertical if portrait else Qt.Orientation.Horizontal
        if self.split.orientation() != orientation or not self._split_sized:
            self.split.setOrientation(orientation)
            # Under the map (portrait) the panel is wide and low: the list and the muscle sit side by side.
            inner = Qt.Orientation.Horizontal if portrait else Qt.Orientation.Vertical
            self.panel_split.setOrientation(inner)
            self.panel_split.setStretchFactor(0, 1 if portrait else 2)
            self.panel_split.setStretchFactor(1, 1 if portrait else 3)
            self.side_panel.setMinimumWidth(0 if portrait else SIDE_MIN)
            QTimer.singleShot(0, self._share_split)

    def _share_split(self) -> None:
        total = self.split.height() if self.split.orientation() == Qt.Orientation.Vertical else self.split.width()
        if total > 0:
            self.split.setSizes([round(total * MAP_SHARE), round(total * (1 - MAP_SHARE))])
            self._split_sized = True

    # -- following the session ------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        session = self.session
        if change.mode:
            self._enable_actions()
        if change.layout or change.mode:
            action = self.actions_by_id.get(VIEW_PREFIX + session.layout)
            if action is not None:
                action.setChecked(True)
            closer = not self._is_body_layout(session.layout)
            if not closer:
                self.body_layout = session.layout
            self.actions_by_id["whole_body"].setEnabled(closer and session.mode in IN_USE)
            self.actions_by_id["whole_body"].setVisible(closer)
            if session.mode is Mode.NORMAL:
                self.store.settings.last_view = session.layout
        if change.selection or change.focus:
            self._enable_history()

    def handle(self, handlers: Mapping[str, Callable[[], object] | None]) -> None:
        """Register (or with None values, withdraw) the handlers of some actions: how a controller
        takes commands over; actions follow at once."""
        for action_id, handler in handlers.items():
            if handler is None:
                self.handlers.pop(action_id, None)
            else:
                self.handlers[action_id] = handler
        self._enable_actions()

    def _enable_actions(self) -> None:
        """The actions the mode allows and someone handles; undo and redo only with a step to take."""
        enable_for(self.actions_by_id, self.handlers, self.session.mode)
        self._enable_history()

    def _enable_history(self) -> None:
        session = self.session
        in_use = session.mode in IN_USE and "undo" in self.handlers
        self.actions_by_id["undo"].setEnabled(in_use and session.can_undo)
        self.actions_by_id["redo"].setEnabled(in_use and session.can_redo)

    # -- commands -------------------------------------------------------------------------
    def show_layout(self, layout_id: str) -> None:
        """Show a layout (both views, one view, a close-up)."""
        self.session.set_layout(layout_id, source=self)

    def clear(self) -> None:
        self.search.clear()
        self.session.clear(source=self)

    def focus_search(self) -> None:
        target = self.search_target()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if hasattr(target, "selectAll"):
            target.selectAll()

    def show_warning(self, text: str) -> None:
        """Show a problem the person should know about (a file kept as it is, a save that failed)."""
        shown = self.warning_label.text()
        self.warning_label.setText(f"{shown}\n{text}" if shown else text)
        self.warning_label.setVisible(True)

    def tell(self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> QMessageBox:
        """A message the person must see, over the window but without stopping it (it waits on no answer)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("message")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box

    def show_red_flags(self) -> None:
        red_flags_dialog(self.kb.safety, self).open()

    def show_first_run_notice(self, seen: Callable[[], object]) -> SafetyDialog:
        """Show the safety notice; ``seen`` runs once the person has read and accepted it."""
        dialog = first_run_dialog(self.kb.safety, self)
        dialog.accepted.connect(seen)
        QTimer.singleShot(0, dialog.open)
        return dialog

    # -- handout --------------------------------------------------------------------------
    def _draw_handout(self, device: QPagedPaintDevice) -> int:
        """Lay the handout out on a PDF writer or a printer; loaded on first use, not at start-up."""
        from bodymap.ui.handout import draw_handout

        return draw_handout(device, self.session, self.view.diagrams, self.notes, self.store.settings.paper)

    def save_handout(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save handout as PDF"), "bodymap-handout.pdf", "PDF (*.pdf)"
        )
        if path:
            self.write_handout(Path(path))

    def write_handout(self, path: Path) -> None:
        """Write the handout PDF and say whether it worked: a message, never silence."""
        from bodymap.ui.output import OutputProblem, write_pdf

        try:
            pages = write_pdf(path, self._draw_handout, _("bodymap: your pain map"))
        except OutputProblem as exc:
            self.tell(_("Handout not saved"), str(exc), QMessageBox.Icon.Warning)
            return
        said = wording.handout_saved(path, pages)
        self.statusBar().showMessage(said, 8000)
        box = self.tell(_("Handout saved"), said)
        opener = box.addButton(_("Open it"), QMessageBox.ButtonRole.ActionRole)
        opener.setObjectName("open_handout")
        opener.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

    def print_handout(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._draw_handout(printer)

    # -- closing --------------------------------------------------------------------------
    def reopen_in(self, language: str) -> None:
        """Close, to open again in ``language`` with the same map (nothing to save: the map goes on)."""
        self.switch_to = language
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.switch_to is None and not all(guard() for guard in self.close_guards):
            event.ignore()
            return
        self.note_editor.save()
        self.notes.keep_drafts()  # the next start names the file it wrote, so closing never waits on a dialog
        self.closing.emit()
        super().closeEvent(event)
