"""Help > About: the icon, the version, the licence, the Qt underneath, and the reference works
the content comes from (counted from the muscle files, so the list follows the data)."""

from __future__ import annotations

import platform
from html import escape

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from bodymap.i18n import _, n_
from bodymap.identity import LICENCE, cited_references, version
from bodymap.knowledge import KnowledgeBase
from bodymap.ui.app import app_icon

ICON_SIZE = 96


class AboutDialog(QDialog):
    """Who made what the person is reading: version and licence above, the content's sources below."""

    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(_("About bodymap"))
        self.setMinimumSize(560, 480)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))
        icon.setAccessibleName(_("The bodymap icon"))
        self.heading = QLabel(
            "<h2>bodymap</h2><p>" + escape(_("Version {version}").format(version=version())) + "</p>"
            "<p>" + escape(_("Click where it hurts: find the muscles whose trigger points refer pain there.")) + "</p>"
        )
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.heading, 1)
        self.body = QTextBrowser()
        self.body.setHtml(about_html(kb))
        self.body.setAccessibleName(_("About bodymap"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def text(self) -> str:
        """Everything the dialog says, as plain text (what a screen reader reads; what tests check)."""
        return f"{self.heading.text()}\n{self.body.toPlainText()}"


def about_html(kb: KnowledgeBase) -> str:
    """The licence, the libraries' versions and the reference works with how many muscles cite each."""
    licence = _("Free software under the {licence} licence: use, change and share it.").format(licence=LICENCE)
    built = _("Built with Qt {qt} and PySide6 {pyside} on Python {python}.").format(
        qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version()
    )
    sources = "".join(
        f"<li>{escape(n_('{reference}: cited by {count} muscle', '{reference}: cited by {count} muscles', count).format(reference=reference, count=count))}</li>"
        for reference, count in cited_references(kb)
    )
    return (
        f"<p>{escape(licence)}</p><p>{escape(built)}</p>"
        f"<h3>" + escape(_("Where the content comes from")) + "</h3>"
        "<p>"
        + escape(
            _(
                "Each muscle lists its own sources (see its page). These are the reference works they cite; all text and drawings were written for this project."
            )
        )
        + f"</p>"
        f"<ul>{sources}</ul>"
    )


def show_about(kb: KnowledgeBase, parent: QWidget | None = None) -> AboutDialog:
    """Open the About dialog over ``parent`` without waiting for it to close."""
    dialog = AboutDialog(kb, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
