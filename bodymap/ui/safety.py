"""The disclaimer that is always visible, and the red flags one click away."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout

from bodymap.knowledge.model import Safety


def red_flags_html(safety: Safety) -> str:
    """The red flags as HTML, for the dialog, the kiosk and the handout."""
    items = "".join(f"<li><b>{escape(f.sign)}.</b> {escape(f.why)}</li>" for f in safety.red_flag)
    return f"<p>{escape(safety.red_flags_intro)}</p><ul>{items}</ul>"


class DisclaimerBar(QFrame):
    """A slim bar along the bottom of the window: the disclaimer and a Red flags button."""

    red_flags_requested = Signal()

    def __init__(self, safety: Safety, parent=None):
        super().__init__(parent)
        self.setObjectName("disclaimer")
        self.setStyleSheet("#disclaimer { background: #fff4e5; border-top: 1px solid #f0c98a; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        text = QLabel(safety.disclaimer)
        text.setWordWrap(True)
        text.setAccessibleName("Disclaimer")
        layout.addWidget(text, 1)
        button = QPushButton("Red flags: when to see a clinician")
        button.setStyleSheet("QPushButton { color: #a4161a; font-weight: bold; padding: 4px 10px; }")
        button.setAccessibleName("Red flags")
        button.clicked.connect(self.red_flags_requested)
        layout.addWidget(button)
        self.button = button


class SafetyDialog(QDialog):
    """A readable dialog for the red flags or the first-run notice."""

    def __init__(self, title: str, html: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(560, 460)
        layout = QVBoxLayout(self)
        body = QTextBrowser()
        body.setHtml(html)
        body.setAccessibleName(title)
        layout.addWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)


def red_flags_dialog(safety: Safety, parent=None) -> SafetyDialog:
    return SafetyDialog("Red flags: see a clinician now", red_flags_html(safety), parent)


def first_run_dialog(safety: Safety, parent=None) -> SafetyDialog:
    html = f"<h2>Before you start</h2><p>{escape(safety.first_run)}</p>{red_flags_html(safety)}"
    return SafetyDialog("Welcome to bodymap", html, parent)
