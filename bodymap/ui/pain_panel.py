"""Where it hurts, and how much: each chosen place with its intensity (0-10) and, if the person says,
what the pain feels like; and a note on this visit. Everything here is the session's: a slider
drag is one undo step, the ranking follows each value, and a saved map keeps them all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bodymap import wording
from bodymap.i18n import _
from bodymap.knowledge import Quality, Selection
from bodymap.session import Change, Session

ROWS_SHOWN = 4
"""Places shown before the list scrolls: the results below keep their room."""


class PlaceRow:
    """The controls of one chosen place (in the panel's grid)."""

    def __init__(self, panel: PainPanel, selection: Selection, row: int):
        self.selection = selection
        session = panel.session
        grid = panel.grid
        self.name = QLabel(wording.selection_name(session.kb, selection))
        self.name.setWordWrap(True)
        self.less = _tool("−", _("Hurts less"), lambda: self.step(-1, session, panel))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 10)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setAccessibleName(_("How much it hurts at {place}, 0 to 10").format(place=self.name.text()))
        self.more = _tool("+", _("Hurts more"), lambda: self.step(1, session, panel))
        self.value = QLabel()
        self.value.setMinimumWidth(self.value.fontMetrics().horizontalAdvance("10/10") + 4)
        self.quality = QComboBox()
        self.quality.addItem(_("Feels…"), None)
        for quality in Quality:  # Qt keeps a str-based enum as a plain str: the value goes in, Quality() back out
            self.quality.addItem(wording.quality_name(quality), quality.value)
        self.quality.setAccessibleName(_("What the pain at {place} feels like").format(place=self.name.text()))
        self.remove = _tool("×", _("Remove this place"), lambda: session.toggle(selection, source=panel))
        self.slider.valueChanged.connect(lambda value: session.set_intensity(selection, value, source=panel))
        self.quality.activated.connect(
            lambda index: session.set_quality(selection, _quality(self.quality.itemData(index)), source=panel)
        )
        self.index = -1
        self.place(grid, row)
        self.show(session)

    def place(self, grid: QGridLayout, row: int) -> None:
        for column, widget in enumerate(self.widgets()):
            grid.removeWidget(widget)
            grid.addWidget(widget, row, column)
        self.index = row

    def step(self, delta: int, session: Session, panel: PainPanel) -> None:
        session.set_intensity(self.selection, session.pain(self.selection).intensity + delta, source=panel)

    def show(self, session: Session) -> None:
        pain = session.pain(self.selection)
        self.slider.blockSignals(True)
        self.slider.setValue(pain.intensity)
        self.slider.blockSignals(False)
        self.value.setText(_("{value}/10").format(value=pain.intensity))
        self.quality.setCurrentIndex(max(0, self.quality.findData(pain.quality.value if pain.quality else None)))

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.name, self.less, self.slider, self.more, self.value, self.quality, self.remove)


def _quality(value: str | None) -> Quality | None:
    return Quality(value) if value else None


def _tool(text: str, tip: str, slot) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.clicked.connect(slot)
    return button


class PainPanel(QFrame):
    """The chosen places with how much each hurts; hidden while nothing is chosen."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("pain_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        self.title = QLabel(_("<b>Where it hurts</b> (0 no pain, 10 the worst; keys 0-9 set the last place)"))
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        holder = QWidget()
        self.grid = QGridLayout(holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(2, 1)
        self.area = QScrollArea()
        self.area.setWidget(holder)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.area)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("A note on this visit (saved with the map)"))
        self.note.setAccessibleName(_("Note on this visit"))
        self.note.setClearButtonEnabled(True)
        self.note.textEdited.connect(lambda text: session.set_note(text, source=self))
        layout.addWidget(self.note)
        self.rows: dict[Selection, PlaceRow] = {}
        self.refresh()

    def on_change(self, change: Change) -> None:
        if change.selection or change.mode:
            self.refresh()
        if change.document and change.source is not self and self.note.text() != self.session.document.note:
            self.note.setText(self.session.document.note)

    @property
    def last(self) -> Selection | None:
        """The place the number keys set: the one chosen last."""
        return self.session.selections[-1] if self.session.selections else None

    def set_last(self, intensity: int) -> None:
        if self.last is not None:
            self.session.set_intensity(self.last, intensity, source=self)

    def refresh(self) -> None:
        session = self.session
        chosen = () if session.mode.kiosk else session.selections  # a kiosk says where, not how much
        if list(self.rows) != list(chosen):
            self._arrange(chosen)
        for row in self.rows.values():
            row.show(session)
        self.setVisible(bool(chosen))
        if self.rows:
            self.grid.activate()
            heights = [
                max(
                    w.heightForWidth(w.width()) if w.hasHeightForWidth() else w.sizeHint().height() for w in r.widgets()
                )
                for r in self.rows.values()
            ]
            shown = heights[:ROWS_SHOWN]
            height = sum(shown) + self.grid.verticalSpacing() * len(shown) + 2
            if height != self.area.height():
                self.area.setFixedHeight(height)

    def _arrange(self, chosen: tuple[Selection, ...]) -> None:
        """Rows for the chosen places, in order: a place already shown keeps its widgets (a click
        adds one row, it does not rebuild them all) and only rows that moved are placed again."""
        for selection in set(self.rows) - set(chosen):
            for widget in self.rows.pop(selection).widgets():
                self.grid.removeWidget(widget)
                widget.deleteLater()
        rows = {}
        for index, selection in enumerate(chosen):
            row = self.rows.get(selection)
            if row is None:
                row = PlaceRow(self, selection, index)
            elif row.index != index:
                row.place(self.grid, index)
            rows[selection] = row
        self.rows = rows

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """A narrower panel wraps the place names onto more lines: make room for them."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.refresh()
