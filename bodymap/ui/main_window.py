"""The main window: diagrams on the left, search, results, regions and details on the right.

The window assembles widgets around one SessionState and wires actions to them; each widget
reads the state and redraws itself. Modes (normal, presentation, kiosk) change which actions
exist and which panels show, as declared in :mod:`bodymap.ui.actions`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QActionGroup, QCloseEvent, QPagedPaintDevice, QPdfWriter
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from bodymap.diagram import Diagram
from bodymap.knowledge import KnowledgeBase
from bodymap.notes import Notes
from bodymap.paths import config_dir
from bodymap.settings import Settings, SettingsFileKept, save_settings
from bodymap.ui import presentation
from bodymap.ui.actions import ACTIONS, DESK, Mode, build_actions, set_mode
from bodymap.ui.body_scene import BodyScene
from bodymap.ui.body_view import BodyView
from bodymap.ui.detail_panel import DetailPanel
from bodymap.ui.legend_bar import LegendBar
from bodymap.ui.note_editor import NoteEditor
from bodymap.ui.region_list import RegionList
from bodymap.ui.results_panel import ResultsPanel
from bodymap.ui.safety import DisclaimerBar, first_run_dialog, red_flags_dialog
from bodymap.ui.search_box import SearchBox
from bodymap.ui.state import SessionState

class MainWindow(QMainWindow):
    """The diagrams and the panels around one session state."""

    def __init__(
        self,
        kb: KnowledgeBase,
        diagrams: Mapping[str, Diagram],
        settings: Settings | None = None,
        warnings: list[str] | None = None,
        notes: Notes | None = None,
        mode: Mode = Mode.NORMAL,
        parent=None,
    ):
        super().__init__(parent)
        self.kb = kb
        self.settings = settings or Settings()
        self.kiosk = mode is Mode.KIOSK
        # A kiosk keeps no notes: nothing a visitor does may reach the disk.
        self.notes = notes if notes is not None else Notes(config_dir() / "notes.json", {}, available=not self.kiosk)
        self.mode = Mode.NORMAL
        self.unlocked = not self.kiosk
        self.state = SessionState(kb, self)
        self.setWindowTitle("bodymap: where does it hurt?")
        self.setMinimumSize(900, 600)

        self.scene = BodyScene(diagrams, self.state, parent=self)
        self.view = BodyView(self.scene, self.state)
        self.search = SearchBox(self.state)
        self.results = ResultsPanel(self.state)
        self.regions = RegionList(self.state)
        self.detail = DetailPanel(self.state, self.notes)
        self.note_editor = NoteEditor(self.state, self.notes) if not self.kiosk else None
        self.disclaimer = DisclaimerBar(kb.safety)
        self.presentation_bar = presentation.PresentationBar(self.state)
        self.presentation_bar.setVisible(False)
        self.glide = presentation.Glide(self.view)
        self.legend_bar = LegendBar()
        self.hover_label = QLabel(" ")
        self.hover_label.setAccessibleName("Region under the pointer")
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("QLabel { background: #fdecea; color: #8a1c14; padding: 6px; }")
        all_warnings = list(warnings or []) + ([self.notes.warning] if self.notes.warning else [])
        self.warning_label.setVisible(bool(all_warnings))
        self.warning_label.setText("\n".join(all_warnings))

        handlers = {
            "save_pdf": self.save_handout,
            "print": self.print_handout,
            "quit": self.close,
            "view_both": lambda: self.set_view("both"),
            "view_front": lambda: self.set_view("front"),
            "view_back": lambda: self.set_view("back"),
            "zoom_in": self.view.zoom_in,
            "zoom_out": self.view.zoom_out,
            "zoom_fit": self.view.reset_zoom,
            "present": lambda checked=False: self.set_presenting(bool(checked)),
            "next_muscle": lambda: presentation.step(self.state, +1),
            "previous_muscle": lambda: presentation.step(self.state, -1),
            "clear": self.clear,
            "search": self.focus_search,
            "red_flags": self.show_red_flags,
        }
        if self.kiosk and not self.settings.kiosk_allow_print:
            del handlers["print"]
        self.actions_by_id = build_actions(self, handlers, frozenset({Mode.KIOSK}) if self.kiosk else DESK)
        self.pages = QStackedWidget()
        self._layout()
        self.view.hovered.connect(lambda name: self.hover_label.setText(name or " "))
        self.disclaimer.red_flags_requested.connect(self.show_red_flags)
        self.presentation_bar.previous.connect(lambda: presentation.step(self.state, -1))
        self.presentation_bar.next.connect(lambda: presentation.step(self.state, +1))
        if self.note_editor is not None:
            self.note_editor.saved.connect(self.detail.refresh)
        self.state.changed.connect(self._state_changed)
        set_mode(self.actions_by_id, Mode.KIOSK if self.kiosk else Mode.NORMAL)
        if self.kiosk:
            self._start_kiosk()
        else:
            self._restore()

    # -- layout ---------------------------------------------------------------------------
    def _layout(self) -> None:
        if not self.kiosk:
            self._menus()
        toolbar = QToolBar("Diagram")
        toolbar.setObjectName("diagram_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        group = QActionGroup(self)
        for key in ("view_both", "view_front", "view_back"):
            group.addAction(self.actions_by_id[key])
            toolbar.addAction(self.actions_by_id[key])
        toolbar.addSeparator()
        for key in ("zoom_out", "zoom_in", "zoom_fit", "clear", "present"):
            if key in self.actions_by_id:
                toolbar.addAction(self.actions_by_id[key])
        # The toolbar belongs to the main page, so the kiosk's welcome page covers it without
        # hiding it: toggling a main-window toolbar left animation objects behind (soak test).
        self.toolbar = toolbar

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.legend_bar)
        left_layout.addWidget(self.hover_label)
        left_layout.addWidget(self.presentation_bar)

        tabs = QTabWidget()
        tabs.addTab(self.results, "Likely muscles")
        tabs.addTab(self.regions, "All regions")
        tabs.setAccessibleName("Results and regions")
        self.tabs = tabs
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.detail, 1)
        if self.note_editor is not None:
            details_layout.addWidget(self.note_editor)
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(tabs)
        right_split.addWidget(details)
        right_split.setStretchFactor(0, 2)
        right_split.setStretchFactor(1, 3)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 6, 6, 0)
        right_layout.addWidget(self.warning_label)
        right_layout.addWidget(self.search)
        right_layout.addWidget(right_split, 1)
        self.side_panel = right

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 520])

        main = QWidget()
        layout = QVBoxLayout(main)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(split, 1)
        layout.addWidget(self.disclaimer)
        self.main_page = main
        self.pages.addWidget(main)
        self.setCentralWidget(self.pages)
        QWidget.setTabOrder(self.search, self.tabs)
        QWidget.setTabOrder(self.tabs, self.detail)
        QWidget.setTabOrder(self.detail, self.view)

    def _menus(self) -> None:
        menus: dict[str, object] = {}
        for spec in ACTIONS:
            if spec.menu and spec.id in self.actions_by_id:
                menu = menus.get(spec.menu) or self.menuBar().addMenu(f"&{spec.menu}")
                menus[spec.menu] = menu
                menu.addAction(self.actions_by_id[spec.id])

    # -- commands -------------------------------------------------------------------------
    def set_view(self, name: str) -> None:
        """Show both diagrams or one ('both', 'front', 'back'), and remember the choice."""
        self.actions_by_id[f"view_{name}"].setChecked(True)
        self.view.set_view_mode(None if name == 'both' else name)
        if not self.kiosk and self.settings.last_view != name:
            self.settings.last_view = name

    def clear(self) -> None:
        self.search.clear()
        self.state.clear()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_red_flags(self) -> None:
        red_flags_dialog(self.kb.safety, self).open()

    def show_first_run_notice(self) -> None:
        """Show the safety notice once, the first time bodymap starts."""
        if self.settings.first_run_notice_seen or self.kiosk:
            return
        dialog = first_run_dialog(self.kb.safety, self)
        dialog.accepted.connect(self._first_run_seen)
        QTimer.singleShot(0, dialog.open)

    def _first_run_seen(self) -> None:
        self.settings.first_run_notice_seen = True
        self._save_settings()

    def _state_changed(self) -> None:
        if self.state.selections and self.tabs.currentWidget() is not self.results:
            self.tabs.setCurrentWidget(self.results)
        if self.mode is Mode.PRESENT:
            self._glide_to_focus()

    # -- handout --------------------------------------------------------------------------
    def _draw_handout(self, device: QPagedPaintDevice) -> None:
        """Lay the handout out on a PDF writer or a printer; loaded on first use, not at start-up."""
        from bodymap.ui.handout import draw_handout

        muscles = [self.state.focus[0]] if self.state.focus and not self.state.selections else []
        draw_handout(device, self.kb, self.scene.diagrams, list(self.state.selections), muscles, self.notes,
                     self.settings.paper)

    def save_handout(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save handout as PDF", "bodymap-handout.pdf", "PDF (*.pdf)")
        if path:
            self.write_handout(Path(path))

    def write_handout(self, path: Path) -> None:
        writer = QPdfWriter(str(path))
        writer.setResolution(300)
        writer.setTitle("bodymap: your pain map")
        self._draw_handout(writer)

    def print_handout(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._draw_handout(printer)

    # -- presentation ---------------------------------------------------------------------
    def set_presenting(self, on: bool) -> None:
        """Large caption bar and one big view that follows the muscle in focus."""
        self.mode = Mode.PRESENT if on else Mode.NORMAL
        set_mode(self.actions_by_id, self.mode)
        self.actions_by_id["present"].setChecked(on)
        self.side_panel.setVisible(not on)
        self.hover_label.setVisible(not on)
        self.presentation_bar.setVisible(on)
        if on:
            if self.state.focus is None and self.state.ranking:
                presentation.step(self.state, 0)
            self._glide_to_focus()
        else:
            self.set_view(self.settings.last_view)

    def _glide_to_focus(self) -> None:
        view, rect = presentation.focus_area(self.scene, self.state)
        if view is not None and self.view.view_mode is not view:
            self.view.set_view_mode(view)
        if rect is not None:
            self.glide.to(rect)

    # -- kiosk ----------------------------------------------------------------------------
    def _start_kiosk(self) -> None:
        from bodymap.ui import kiosk  # only a kiosk needs it: not loaded for a desk start-up

        self.toolbar.setStyleSheet(
            f"QToolButton {{ min-height: {kiosk.TOUCH_TARGET}px; min-width: 96px; font-size: 20px; }}"
        )
        self.welcome = kiosk.WelcomeScreen(self.kb.safety)
        self.welcome.start.connect(lambda: self._show_welcome(False))
        self.welcome.red_flags.connect(self.show_red_flags)
        self.pages.insertWidget(0, self.welcome)
        self._show_welcome(True)
        self.guard = kiosk.KioskGuard(self, self.settings.kiosk_idle_seconds, self.reset, self)
        self.guard.idle.connect(self.reset)
        self.guard.exit_requested.connect(self.ask_operator)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.disclaimer.button.setMinimumHeight(kiosk.TOUCH_TARGET)
        self.search.setMinimumHeight(kiosk.TOUCH_TARGET)
        self.main_page.setStyleSheet(kiosk.TOUCH_STYLE)
        self.detail.zoomIn(4)
        self.set_view("both")

    def reset(self) -> None:
        """Forget the visitor: selections, search, zoom, dialogs; back to the welcome screen."""
        for dialog in self.findChildren(QWidget):
            if dialog.isWindow() and dialog is not self and dialog.isVisible():
                dialog.close()
        self.search.clear()
        self.state.clear()
        self.view.reset_zoom()
        self._show_welcome(True)

    def _show_welcome(self, on: bool) -> None:
        self.pages.setCurrentWidget(self.welcome if on else self.main_page)

    def ask_operator(self) -> None:
        from bodymap.ui import kiosk

        dialog = kiosk.PinDialog(self.settings.kiosk_pin, self)
        dialog.accepted.connect(self.unlock_and_close)
        dialog.open()

    def unlock_and_close(self) -> None:
        self.unlocked = True
        self.guard.stop()
        self.close()

    # -- persistence ----------------------------------------------------------------------
    def _qsettings(self) -> QSettings:
        return QSettings(str(Path(config_dir()) / "window.ini"), QSettings.Format.IniFormat)

    def _restore(self) -> None:
        geometry = self._qsettings().value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        self.set_view(self.settings.last_view)

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except (OSError, SettingsFileKept) as exc:
            self.warning_label.setText(f"Settings could not be saved: {exc}")
            self.warning_label.setVisible(True)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.unlocked:
            event.ignore()  # a kiosk closes only after the operator's PIN
            return
        if not self.kiosk:
            self._qsettings().setValue("geometry", self.saveGeometry())
            self._save_settings()
        super().closeEvent(event)
