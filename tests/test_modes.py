"""Presentation mode at the table, and kiosk mode in the studio."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QToolButton

from bodymap.cli import main
from bodymap.diagram import load_diagrams
from bodymap.knowledge import Selection, Side
from bodymap.paths import config_dir
from bodymap.pin import hash_pin
from bodymap.settings import Settings, load_settings
from bodymap.ui.actions import Mode
from bodymap.ui.kiosk import EXIT_TAPS, PinDialog
from bodymap.ui.main_window import MainWindow

PIN = "2468"


@pytest.fixture
def presenter(qtbot, kb):
    window = MainWindow(kb, load_diagrams(kb.views), Settings(first_run_notice_seen=True))
    qtbot.addWidget(window)
    window.show()
    window.state.set_selections([Selection("thigh_outer", Side.LEFT)])
    window.set_presenting(True)
    return window


def test_presentation_steps_through_the_candidates(qtbot, presenter):
    ranking = presenter.state.ranking
    assert presenter.state.focus == (ranking[0].muscle.id, ranking[0].side)
    assert presenter.presentation_bar.isVisible() and not presenter.side_panel.isVisible()
    qtbot.keyClick(presenter.view, Qt.Key.Key_PageDown)
    assert presenter.state.focus == (ranking[1].muscle.id, ranking[1].side)
    qtbot.keyClick(presenter.view, Qt.Key.Key_Right)
    assert presenter.state.focus[0] == ranking[2].muscle.id
    qtbot.mouseClick(presenter.presentation_bar.back, Qt.MouseButton.LeftButton)
    assert presenter.state.focus[0] == ranking[1].muscle.id
    assert f"2 of {len(ranking)}" in presenter.presentation_bar.caption.text()
    assert presenter.presentation_bar.caption.font().pixelSize() >= 28


def test_presentation_zooms_to_the_muscle(qtbot, presenter):
    qtbot.waitUntil(lambda: presenter.glide.animation.state().name == "Stopped", timeout=3000)
    assert presenter.view.view_mode is not None
    assert presenter.view.transform().m11() > presenter.view._fit_scale() * 1.2


def test_presentation_toggles_off(qtbot, presenter):
    presenter.set_presenting(False)
    assert presenter.side_panel.isVisible() and not presenter.presentation_bar.isVisible()
    assert not presenter.actions_by_id["next_muscle"].isEnabled()


@pytest.fixture
def kiosk_window(qtbot, kb):
    files_before = sorted(p.name for p in config_dir().glob("**/*")) if config_dir().exists() else []
    settings = Settings(first_run_notice_seen=True, kiosk_pin=hash_pin(PIN), kiosk_idle_seconds=1)
    window = MainWindow(kb, load_diagrams(kb.views), settings, mode=Mode.KIOSK)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    if window.isVisible():
        window.unlock_and_close()  # pytest-qt's own close comes first and is (rightly) refused
    files_after = sorted(p.name for p in config_dir().glob("**/*")) if config_dir().exists() else []
    assert files_after == files_before, "a kiosk session wrote to disk"


def test_kiosk_has_no_menus_files_or_quit(kiosk_window):
    assert kiosk_window.menuBar().actions() == []
    for action_id in ("quit", "save_pdf", "print", "present"):
        assert action_id not in kiosk_window.actions_by_id
    assert kiosk_window.note_editor is None
    assert kiosk_window.windowFlags() & Qt.WindowType.FramelessWindowHint


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_kiosk_ignores_escape_keys(qtbot, kiosk_window, key, modifier):
    kiosk_window.welcome.start_button.click()
    kiosk_window.state.set_selections([Selection("groin", Side.RIGHT)])
    qtbot.keyClick(kiosk_window.view, key, modifier)
    assert kiosk_window.isVisible()
    assert kiosk_window.state.selections == (Selection("groin", Side.RIGHT),)


def test_kiosk_ignores_the_close_event(kiosk_window):
    event = QCloseEvent()
    kiosk_window.closeEvent(event)
    assert not event.isAccepted()
    kiosk_window.close()
    assert kiosk_window.isVisible()


def test_kiosk_resets_after_idle(qtbot, kiosk_window):
    kiosk_window.welcome.start_button.click()
    assert kiosk_window.pages.currentWidget() is kiosk_window.main_page
    kiosk_window.state.set_selections([Selection("heel", Side.LEFT)])
    kiosk_window.search.setText("soleus")
    qtbot.waitUntil(lambda: kiosk_window.pages.currentWidget() is kiosk_window.welcome, timeout=4000)
    assert kiosk_window.state.selections == () and kiosk_window.state.focus is None
    assert kiosk_window.search.text() == ""


def test_kiosk_exits_only_with_the_right_pin(qtbot, kiosk_window):
    corner = QPoint(kiosk_window.welcome.width() - 10, 10)
    for _ in range(EXIT_TAPS):
        qtbot.mouseClick(kiosk_window.welcome, Qt.MouseButton.LeftButton, pos=corner)
    dialog = kiosk_window.findChild(PinDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.entry.setText("1111")
    dialog.check()
    assert kiosk_window.isVisible() and dialog.isVisible()
    assert "Wrong PIN" in dialog.prompt.text()
    for digit in PIN:
        dialog._press(digit)
    dialog._press("OK")
    assert not kiosk_window.isVisible()


def test_taps_elsewhere_do_not_open_the_pin_pad(qtbot, kiosk_window):
    for _ in range(EXIT_TAPS):
        qtbot.mouseClick(kiosk_window.welcome, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    assert kiosk_window.findChild(PinDialog) is None


def test_kiosk_touch_targets_are_large(qtbot, kiosk_window):
    kiosk_window.welcome.start_button.click()
    kiosk_window.state.set_selections([Selection("heel", Side.LEFT)])
    qtbot.wait(10)
    rows = [kiosk_window.results.visualItemRect(kiosk_window.results.item(i)) for i in range(kiosk_window.results.count())]
    assert rows and all(r.height() >= 48 for r in rows)
    assert kiosk_window.welcome.start_button.height() >= 48
    assert kiosk_window.disclaimer.button.minimumHeight() >= 48
    assert kiosk_window.search.minimumHeight() >= 48
    buttons = kiosk_window.toolbar.findChildren(QToolButton)
    assert buttons and all(b.height() >= 48 for b in buttons if b.isVisible())


def test_kiosk_setup_stores_a_salted_hash(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PIN}\n{PIN}\n"))
    assert main(["kiosk-setup", "--idle-seconds", "45"]) == 0
    settings, warning = load_settings()
    assert warning is None and settings.kiosk_idle_seconds == 45
    assert settings.kiosk_pin and PIN not in settings.kiosk_pin and settings.kiosk_pin.startswith("pbkdf2_sha256$")


def test_kiosk_refuses_to_start_without_a_pin(capsys):
    assert main(["--kiosk"]) == 2
    assert "kiosk-setup" in capsys.readouterr().err
