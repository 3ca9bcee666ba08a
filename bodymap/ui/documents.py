"""Client maps as documents in the window: New, Open, Save, Save As, recent maps, the file's name
with a * in the title while there are unsaved changes, and a question before they are lost.

A controller, like presentation and kiosk: it registers the File commands with the window and
follows the session's change records; the window itself knows nothing of files. Never made for
a kiosk (a visitor's map is saved nowhere).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from bodymap import client_map
from bodymap.i18n import _
from bodymap.session import Change
from bodymap.ui.main_window import MainWindow

RECENT = 8
"""Maps listed under File > Open recent."""
FILTER = "bodymap (*.bodymap)"


class DocumentController(QObject):
    """The window's File commands for client maps."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.session = window.session
        window.handle(
            {
                "new": self.new,
                "open": self.ask_open,
                "save": self.save,
                "save_as": self.save_as,
            }
        )
        self.recent_menu = QMenu(_("Open recent"), window)
        self.recent_menu.setObjectName("recent_maps")
        window.menus["file"].insertMenu(window.actions_by_id["save"], self.recent_menu)
        window.close_guards.append(self.may_discard)
        window.signals.changed.connect(self.on_change)
        self._refresh_recent()
        self.on_change(Change(document=True))

    # -- following the session ------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        if change.document:
            path = self.session.document.path
            name = Path(path).name if path else _("New map")
            self.window.setWindowTitle(_("{name}[*] – bodymap").format(name=name))
            self.window.setWindowModified(self.session.modified)

    # -- commands -------------------------------------------------------------------------
    def new(self) -> None:
        if self.may_discard():
            self.session.new_document(source=self)

    def ask_open(self) -> None:
        if not self.may_discard():
            return
        start = str(Path(self.session.document.path).parent) if self.session.document.path else ""
        path, _chosen = QFileDialog.getOpenFileName(self.window, _("Open a client map"), start, FILTER)
        if path:
            self.open(Path(path), asked=True)

    def open(self, path: Path, asked: bool = False) -> bool:
        """Show a saved map; a bad file is a message naming it and what is wrong, and nothing changes."""
        if not asked and not self.may_discard():
            return False
        try:
            saved = client_map.read(path)
            state = client_map.to_state(self.session.kb, saved, path)
        except client_map.MapProblem as exc:
            self.window.tell(_("Map not opened"), str(exc), QMessageBox.Icon.Warning)
            return False
        self.session.open_document(str(path), state, saved.note, saved.notes, source=self)
        self._remember(path)
        return True

    def save(self) -> bool:
        path = self.session.document.path
        return self.write(Path(path)) if path else self.save_as()

    def save_as(self) -> bool:
        current = self.session.document.path
        suggested = current or str(Path.home() / _("client map.bodymap"))
        path, _chosen = QFileDialog.getSaveFileName(self.window, _("Save the client map"), suggested, FILTER)
        if not path:
            return False
        target = Path(path)
        if target.suffix != client_map.SUFFIX:
            target = target.with_name(target.name + client_map.SUFFIX)
        return self.write(target)

    def write(self, path: Path) -> bool:
        """Save the map, with the therapist's notes on its muscles; a failure says why and keeps the map."""
        notes = self._notes()
        content = client_map.from_session(self.session.state, self.session.document.note, notes)
        try:
            client_map.write(path, content)
        except client_map.MapProblem as exc:
            self.window.tell(_("Map not saved"), str(exc), QMessageBox.Icon.Warning)
            return False
        self.session.mark_saved(str(path), notes, source=self)
        self._remember(path)
        self.window.statusBar().showMessage(_("Saved {name}").format(name=path.name), 6000)
        return True

    def _notes(self) -> dict[str, str]:
        """The notes on this map's muscles: the therapist's own, else those the file brought."""
        muscles = {r.muscle.id for r in self.session.ranking} | set(self.session.handout_muscles())
        if self.session.focus:
            muscles.add(self.session.focus[0])
        notes = {}
        for muscle_id in sorted(muscles):
            text = self.window.notes.get(muscle_id) or self.session.document.notes.get(muscle_id)
            if text:
                notes[muscle_id] = text
        return notes

    # -- unsaved changes ------------------------------------------------------------------
    def may_discard(self) -> bool:
        """True when there is nothing unsaved, or the person saved it or chose to discard it."""
        if not self.session.modified or self.session.mode.kiosk:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Unsaved map"),
            _("This map has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("unsaved_question")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- recent maps ----------------------------------------------------------------------
    def _remember(self, path: Path) -> None:
        settings = self.window.store.settings
        shown = str(path.absolute())
        settings.recent_maps = [shown, *(p for p in settings.recent_maps if p != shown)][:RECENT]
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for path in self.window.store.settings.recent_maps[:RECENT]:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open(Path(p)))
        menu.setEnabled(not menu.isEmpty())
