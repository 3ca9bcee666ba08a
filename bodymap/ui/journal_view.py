"""The pain journal in the window: "Add this map to my journal", and the journal itself (its entries,
the plot of how each place changed, two entries compared on the diagram, export and delete).

A controller for the desk window; a kiosk never has one, so a visitor's map is never recorded.
The journal file is opened only when the person first uses it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QDateTime, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGraphicsView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bodymap import wording
from bodymap.diagram import Diagram
from bodymap.i18n import _, n_
from bodymap.journal import Entry, Journal, JournalProblem, Place, not_easing, on_this_map
from bodymap.knowledge import KnowledgeBase
from bodymap.session import Pain, Session, State
from bodymap.ui.body_scene import BodyScene
from bodymap.ui.main_window import MainWindow

WARNING_STYLE = "QLabel { background: #fdecea; color: #8a1c14; padding: 6px; }"


def entry_state(entry: Entry) -> State:
    """The map an entry records, as a session state."""
    return State(
        selections=tuple(p.selection for p in entry.places),
        pains={p.selection: Pain(p.intensity, p.quality) for p in entry.places},
    )


def entry_scene(kb: KnowledgeBase, entry: Entry, diagrams: Mapping[str, Diagram]) -> BodyScene:
    """An entry's map: its places, tinted by how much they hurt, and nothing else."""
    session = Session(kb)
    session.restore(entry_state(entry))
    scene = BodyScene(session, diagrams, kb.views.default_layout)
    scene.show_places_only()
    return scene


def places_text(kb: KnowledgeBase, entry: Entry, between: str = ", ") -> str:
    return between.join(wording.place_pain(kb, p.selection, p.intensity) for p in entry.places)


def entry_headers() -> tuple[str, str, str, str]:
    """The columns of the journal's list, on screen and in the report."""
    return (_("When"), _("Where it hurt"), _("Worked on"), _("Note"))


def entry_cell(kb: KnowledgeBase, entry: Entry, column: int, between: str = ", ") -> str:
    """One cell of an entry's row (worded only when shown: a journal may hold thousands)."""
    if column == 0:
        return wording.moment(entry.at)
    if column == 1:
        return places_text(kb, entry, between)
    if column == 2:
        return wording.muscle_names(kb, entry.muscles)
    return entry.note


class AddEntryDialog(QDialog):
    """What goes into the journal from the map on screen: when, the muscles worked on, a note."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Add this map to my journal"))
        self.setObjectName("journal_add")
        kb = session.kb
        form = QFormLayout(self)
        where = QLabel(", ".join(wording.place_pain(kb, s, session.pain(s).intensity) for s in session.selections))
        where.setWordWrap(True)
        form.addRow(_("Where it hurts:"), where)
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
        form.addRow(_("When:"), self.when)
        self.muscles = QListWidget()
        self.muscles.setAccessibleName(_("Muscles you worked on"))
        for muscle_id in dict.fromkeys([*session.handout_muscles(), *(r.muscle.id for r in session.ranking[:8])]):
            item = QListWidgetItem(kb.muscle(muscle_id).name)
            item.setData(Qt.ItemDataRole.UserRole, muscle_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.muscles.addItem(item)
        self.muscles.setMaximumHeight(160)
        form.addRow(_("Muscles you worked on:"), self.muscles)
        self.note = QLineEdit(session.document.note)
        self.note.setPlaceholderText(_("e.g. ball against the wall, 2 minutes; slept better"))
        form.addRow(_("Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.session = session

    def entry(self) -> tuple[list[Place], dt.datetime, list[str], str]:
        places = [
            Place(s, self.session.pain(s).intensity, self.session.pain(s).quality) for s in self.session.selections
        ]
        when = self.when.dateTime().toPython()
        assert isinstance(when, dt.datetime)
        muscles = [
            self.muscles.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.muscles.count())
            if self.muscles.item(i).checkState() == Qt.CheckState.Checked
        ]
        return places, when.astimezone(), muscles, self.note.text().strip()


class EntryTable(QAbstractTableModel):
    """The entries, newest first, worded only when a row is shown (a journal may hold thousands)."""

    def __init__(self, kb: KnowledgeBase, parent=None):
        super().__init__(parent)
        self.kb = kb
        self.entries: list[Entry] = []
        self.headers = entry_headers()

    def show(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(reversed(entries))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 (Qt names and defaults)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return entry_cell(self.kb, entry, index.column(), "\n" if role == Qt.ItemDataRole.ToolTipRole else ", ")


class MapPicture(QGraphicsView):
    """One entry's map, drawn small and read-only."""

    def __init__(self, kb: KnowledgeBase, diagrams: Mapping[str, Diagram], parent=None):
        super().__init__(parent)
        self.kb = kb
        self.diagrams = diagrams
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setInteractive(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.entry: Entry | None = None

    def show_entry(self, entry: Entry) -> None:
        """Show an entry: the first builds the scene, the next only restyle it (a journal that
        gains an entry redraws one small map, it does not rebuild the figures)."""
        if entry == self.entry:
            return
        self.entry = entry
        scene = self.scene()
        if isinstance(scene, BodyScene):
            scene.session.restore(entry_state(entry))
            scene.show_places_only()
        else:
            scene = entry_scene(self.kb, entry, self.diagrams)
            self.setScene(scene)
            self.fitInView(scene.content_rect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.caption.setText(f"<b>{wording.moment(entry.at)}</b><br>{places_text(self.kb, entry)}")

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        scene = self.scene()
        if isinstance(scene, BodyScene):
            self.fitInView(scene.content_rect(), Qt.AspectRatioMode.KeepAspectRatio)


class JournalDialog(QDialog):
    """The journal: entries, the plot, two entries side by side, export and delete."""

    def __init__(self, controller: JournalController, parent=None):
        super().__init__(parent)
        self.controller = controller
        kb = controller.window.kb
        self.kb = kb
        self.setWindowTitle(_("My pain journal"))
        self.setObjectName("journal_view")
        self.resize(1100, 760)
        layout = QVBoxLayout(self)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet(WARNING_STYLE)
        layout.addWidget(self.advice)
        from bodymap.ui.journal_plot import make_plot

        self.plot = make_plot()
        self.plot.setMinimumHeight(220)
        self.model = EntryTable(kb, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # where it hurt: the widest
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().selectionChanged.connect(self._compare)
        self.table.setAccessibleName(_("Journal entries"))
        diagrams = controller.window.view.diagrams
        self.pictures = (MapPicture(kb, diagrams), MapPicture(kb, diagrams))
        compare = QWidget()
        grid = QGridLayout(compare)  # captions in one row, so the two pictures line up
        for column, picture in enumerate(self.pictures):
            grid.addWidget(picture.caption, 0, column, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(picture, 1, column)
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(1, 1)
        self.compare_hint = QLabel(_("Select two entries to compare their maps side by side."))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.plot)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.table)
        lower.addWidget(compare)
        lower.setSizes([520, 520])
        split.addWidget(lower)
        split.setSizes([300, 420])
        layout.addWidget(split, 1)
        layout.addWidget(self.compare_hint)
        buttons = QHBoxLayout()
        self.delete_button = QPushButton(_("Delete entry"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_all_button = QPushButton(_("Delete the whole journal…"))
        self.delete_all_button.clicked.connect(self.delete_all)
        csv_button = QPushButton(_("Export table (CSV)…"))
        csv_button.clicked.connect(lambda: self.export(".csv"))
        pdf_button = QPushButton(_("Export report for a clinician (PDF)…"))
        pdf_button.clicked.connect(lambda: self.export(".pdf"))
        close = QPushButton(_("Close"))
        close.clicked.connect(self.close)
        for button in (self.delete_button, self.delete_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (csv_button, pdf_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.where = QLabel(_("Kept only on this computer, in {path}.").format(path=controller.journal.path))
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where)
        self.entries: list[Entry] = []
        self.refresh()

    def refresh(self) -> None:
        """Read the journal again and show it (the plot, the table, the advice)."""
        from bodymap.ui.journal_plot import draw

        try:
            self.entries, unknown = self.controller.entries()
        except JournalProblem as exc:
            self.entries = []
            self.advice.setText(str(exc))
            self.advice.setVisible(True)
            return
        draw(self.plot, self.kb, self.entries)
        first_time = not self.model.entries
        self.model.show(self.entries)
        if first_time and self.entries:
            self.table.resizeColumnToContents(0)
        stuck = not_easing(self.entries)
        said = [wording.not_easing(self.kb, s) for s in stuck] or [
            n_("{count} entry.", "{count} entries.", len(self.entries)).format(count=len(self.entries))
        ]
        if unknown:
            said.append(wording.unknown_places(unknown))
        self.advice.setText("\n".join(said))
        self.advice.setStyleSheet(WARNING_STYLE if stuck else "")
        self.delete_all_button.setEnabled(bool(self.entries))
        self._compare()

    def _selected(self) -> list[Entry]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()}, reverse=True)
        return [self.model.entries[row] for row in rows]  # oldest first

    def _compare(self) -> None:
        chosen = self._selected()
        if not chosen and self.entries:
            chosen = [self.entries[0], self.entries[-1]] if len(self.entries) > 1 else [self.entries[-1]]
        for picture, entry in zip(self.pictures, chosen[:2]):
            picture.show_entry(entry)
        self.delete_button.setEnabled(bool(self._selected()))

    def delete_selected(self) -> None:
        for entry in self._selected():
            self.controller.journal.delete(entry.id)
        self.refresh()

    def delete_all(self) -> None:
        answer = QMessageBox.question(
            self,
            _("Delete the whole journal?"),
            n_(
                "This deletes your journal's {count} entry from this computer. It cannot be undone.",
                "This deletes all {count} entries of your journal from this computer. It cannot be undone.",
                len(self.entries),
            ).format(count=len(self.entries)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.journal.delete_all()
            self.refresh()

    def export(self, suffix: str) -> None:
        names = {".csv": "bodymap-journal.csv", ".pdf": "bodymap-journal.pdf"}
        path, _chosen = QFileDialog.getSaveFileName(
            self, _("Export the journal"), str(Path.home() / names[suffix]), f"(*{suffix})"
        )
        if path:
            self.controller.export(Path(path))


class JournalController(QObject):
    """The Journal menu of a desk window."""

    def __init__(self, window: MainWindow, journal: Journal | None = None):
        super().__init__(window)
        self.window = window
        self._journal = journal
        self.dialog: JournalDialog | None = None
        window.handle({"journal_add": self.add, "journal_view": self.show_journal})

    @property
    def journal(self) -> Journal:
        if self._journal is None:
            self._journal = Journal()
        return self._journal

    def entries(self) -> tuple[list[Entry], set[str]]:
        """The entries as this version's map can show them, and the regions it left out."""
        return on_this_map(self.journal.entries(), self.window.kb.regions)

    def add(self) -> None:
        session = self.window.session
        if not session.selections:
            self.window.tell(_("Nothing to add yet"), _("Choose where it hurts on the map first."))
            return
        dialog = AddEntryDialog(session, self.window)
        dialog.accepted.connect(lambda: self.save(*dialog.entry()))
        dialog.open()

    def save(self, places: Sequence[Place], when: dt.datetime, muscles: list[str], note: str) -> None:
        try:
            self.journal.add(places, when, muscles, note)
            entries, _unknown = self.entries()
        except (JournalProblem, ValueError) as exc:
            self.window.tell(_("Not added to the journal"), str(exc), QMessageBox.Icon.Warning)
            return
        self.window.statusBar().showMessage(
            n_(
                "Added to your journal ({count} entry).", "Added to your journal ({count} entries).", len(entries)
            ).format(count=len(entries)),
            8000,
        )
        stuck = [s for s in not_easing(entries) if s in {p.selection for p in places}]
        if stuck:
            self.window.tell(
                _("Not getting better"),
                "\n".join(wording.not_easing(self.window.kb, s) for s in stuck),
            )
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refresh()

    def show_journal(self) -> None:
        if self.dialog is None:
            self.dialog = JournalDialog(self, self.window)
        else:
            self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()

    def export(self, path: Path) -> None:
        from bodymap.output import OutputProblem

        try:
            if path.suffix.lower() == ".csv":
                rows = self.journal.export_csv(path)
                said = _("Wrote {path} ({rows} rows).").format(path=path, rows=rows)
            else:
                from bodymap.ui.journal_report import write_report

                pages = write_report(self.window.kb, self.entries()[0], path, self.window.view.diagrams)
                said = wording.handout_saved(path, pages)
        except (JournalProblem, OutputProblem) as exc:
            self.window.tell(_("Journal not exported"), str(exc), QMessageBox.Icon.Warning)
            return
        self.window.tell(_("Journal exported"), said)
