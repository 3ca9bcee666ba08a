"""The main window: diagrams on the left, search, results, regions and details on the right.

The window only assembles widgets around one SessionState and wires actions to them; each
widget reads the state and redraws itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from bodymap.diagram import Diagram
from bodymap.knowledge import KnowledgeBase, View
from bodymap.paths import config_dir
from bodymap.settings import Settings, save_settings
from bodymap.ui.actions import build_actions
from bodymap.ui.body_scene import BodyScene
from bodymap.ui.body_view import BodyView
from bodymap.ui.detail_panel import DetailPanel
from bodymap.ui.region_list import RegionList
from bodymap.ui.results_panel import ResultsPanel
from bodymap.ui.safety import DisclaimerBar, first_run_dialog, red_flags_dialog
from bodymap.ui.search_box import SearchBox
from bodymap.ui.state import SessionState

VIEW_NAMES: dict[str, View | None] = {"both": None, "front": View.FRONT, "back": View.BACK}


class MainWindow(QMainWindow):
    """The diagrams and the panels around one session state."""

    def __init__(
        self,
        kb: KnowledgeBase,
        diagrams: Mapping[View, Diagram],
        settings: Settings | None = None,
        warnings: list[str] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.kb = kb
        self.settings = settings or Settings()
        self.state = SessionState(kb, self)
        self.setWindowTitle("bodymap: where does it hurt?")
        self.setMinimumSize(900, 600)

        self.scene = BodyScene(diagrams, self.state, parent=self)
        self.view = BodyView(self.scene, self.state)
        self.search = SearchBox(self.state)
        self.results = ResultsPanel(self.state)
        self.regions = RegionList(self.state)
        self.detail = DetailPanel(self.state)
        self.disclaimer = DisclaimerBar(kb.safety)
        self.hover_label = QLabel(" ")
        self.hover_label.setAccessibleName("Region under the pointer")
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("QLabel { background: #fdecea; color: #8a1c14; padding: 6px; }")
        self.warning_label.setVisible(bool(warnings))
        self.warning_label.setText("\n".join(warnings or []))

        self.actions_by_id = build_actions(self, {
            "view_both": lambda: self.set_view("both"),
            "view_front": lambda: self.set_view("front"),
            "view_back": lambda: self.set_view("back"),
            "zoom_in": self.view.zoom_in,
            "zoom_out": self.view.zoom_out,
            "zoom_fit": self.view.reset_zoom,
            "clear": self.clear,
            "search": self.focus_search,
            "red_flags": self.show_red_flags,
            "quit": self.close,
        })
        self._layout()
        self.view.hovered.connect(lambda name: self.hover_label.setText(name or " "))
        self.disclaimer.red_flags_requested.connect(self.show_red_flags)
        self.state.changed.connect(self._state_changed)
        self._restore()

    # -- layout ---------------------------------------------------------------------------
    def _layout(self) -> None:
        toolbar = QToolBar("Diagram")
        toolbar.setObjectName("diagram_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        group = QActionGroup(self)
        for key in ("view_both", "view_front", "view_back"):
            group.addAction(self.actions_by_id[key])
            toolbar.addAction(self.actions_by_id[key])
        toolbar.addSeparator()
        for key in ("zoom_out", "zoom_in", "zoom_fit"):
            toolbar.addAction(self.actions_by_id[key])
        toolbar.addSeparator()
        toolbar.addAction(self.actions_by_id["clear"])
        self.addToolBar(toolbar)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.hover_label)

        tabs = QTabWidget()
        tabs.addTab(self.results, "Likely muscles")
        tabs.addTab(self.regions, "All regions")
        tabs.setAccessibleName("Results and regions")
        self.tabs = tabs
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(tabs)
        right_split.addWidget(self.detail)
        right_split.setStretchFactor(0, 2)
        right_split.setStretchFactor(1, 3)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 6, 6, 0)
        right_layout.addWidget(self.warning_label)
        right_layout.addWidget(self.search)
        right_layout.addWidget(right_split, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 520])
        self.splitter = split

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(split, 1)
        layout.addWidget(self.disclaimer)
        self.setCentralWidget(central)
        QWidget.setTabOrder(self.search, self.tabs)
        QWidget.setTabOrder(self.tabs, self.detail)
        QWidget.setTabOrder(self.detail, self.view)

    # -- commands -------------------------------------------------------------------------
    def set_view(self, name: str) -> None:
        """Show both diagrams or one ('both', 'front', 'back'), and remember the choice."""
        self.actions_by_id[f"view_{name}"].setChecked(True)
        self.view.set_view_mode(VIEW_NAMES[name])
        if self.settings.last_view != name:
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
        if self.settings.first_run_notice_seen:
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
        except OSError as exc:
            self.warning_label.setText(f"Settings could not be saved: {exc}")
            self.warning_label.setVisible(True)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._qsettings().setValue("geometry", self.saveGeometry())
        self._save_settings()
        super().closeEvent(event)
