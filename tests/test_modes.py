"""Presentation mode at the table, and kiosk mode in the studio: controllers over the same window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolButton
from ui_helpers import desk_window, kiosk_window

from bodymap.cli import main
from bodymap.knowledge import Selection, Side
from bodymap.paths import config_dir
from bodymap.pin import hash_pin
from bodymap.session import Mode
from bodymap.settings import Settings, SettingsStore
from bodymap.ui.kiosk import EXIT_TAPS, PinDialog

PIN = "246813"


@pytest.fixture
def presenter(qtbot, kb):
    window = desk_window(kb, Settings(first_run_notice_seen=True))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.session.set_selections([Selection("thigh_outer", Side.LEFT)])
    window.presenter.enter()
    return window


def test_presentation_is_full_screen_and_steps_through_the_candidates(qtbot, presenter):
    ranking = presenter.session.ranking
    bar = presenter.presenter.bar
    assert presenter.isFullScreen()
    assert presenter.session.mode is Mode.PRESENTING
    assert presenter.session.focus == (ranking[0].muscle.id, ranking[0].side)
    assert bar.isVisible() and not presenter.side_panel.isVisible()
    qtbot.keyClick(presenter.view, Qt.Key.Key_PageDown)
    assert presenter.session.focus == (ranking[1].muscle.id, ranking[1].side)
    qtbot.keyClick(presenter.view, Qt.Key.Key_Right)
    assert presenter.session.focus[0] == ranking[2].muscle.id
    qtbot.mouseClick(bar.back, Qt.MouseButton.LeftButton)
    assert presenter.session.focus[0] == ranking[1].muscle.id
    assert f"2 of {len(ranking)}" in bar.caption.text()
    assert bar.caption.font().pixelSize() >= 28


def test_the_caption_keeps_its_height_and_says_where_on_the_body(qtbot, presenter):
    bar = presenter.presenter.bar
    heights = set()
    for _ in range(len(presenter.session.ranking)):
        heights.add(bar.caption.height())
        presenter.session.step(+1)
    assert len(heights) == 1
    assert "left side" in bar.cue.text()


def test_presentation_shows_only_the_muscle_in_focus_and_zooms_to_it(qtbot, presenter):
    qtbot.waitUntil(lambda: presenter.presenter.animation.state().name == "Stopped", timeout=3000)
    scene = presenter.view.body
    assert len(scene.view_ids) == 1
    assert not scene.badges
    assert {key[2] for key in scene._styled} == {presenter.session.focus[0]}
    assert presenter.view.transform().m11() > presenter.view.fit_scale() * 1.2


def test_escape_leaves_presentation_and_keeps_the_map(qtbot, presenter):
    selections = presenter.session.selections
    qtbot.keyClick(presenter.view, Qt.Key.Key_Escape)
    assert presenter.session.mode is Mode.NORMAL
    assert presenter.session.selections == selections
    assert presenter.side_panel.isVisible() and not presenter.presenter.bar.isVisible()
    assert not presenter.isFullScreen()
    assert not presenter.actions_by_id["next_muscle"].isEnabled()


def test_search_is_reachable_while_presenting(qtbot, presenter):
    qtbot.keyClick(presenter, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = presenter.presenter.bar.search
    assert search.isVisible() and search.hasFocus()
    qtbot.keyClicks(search, "Piriformis")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert presenter.session.focus[0] == "piriformis"


@pytest.fixture
def kiosk(qtbot, kb):
    files_before = sorted(p.name for p in config_dir().glob("**/*")) if config_dir().exists() else []
    settings = Settings(first_run_notice_seen=True, kiosk_pin=hash_pin(PIN), kiosk_idle_seconds=1)
    window = kiosk_window(kb, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    if window.isVisible():
        window.kiosk.unlock_and_close()  # pytest-qt's own close comes first and is (rightly) refused
    files_after = sorted(p.name for p in config_dir().glob("**/*")) if config_dir().exists() else []
    assert files_after == files_before, "a kiosk session wrote to disk"


def test_a_kiosk_window_reports_its_mode(kiosk):
    assert kiosk.session.mode is Mode.KIOSK_WELCOME
    kiosk.kiosk.welcome.start_button.click()
    assert kiosk.session.mode is Mode.KIOSK_ACTIVE


def test_kiosk_has_no_menus_files_or_quit(kiosk):
    assert not kiosk.menuBar().isVisible()
    for action_id in ("quit", "save_pdf", "print", "present", "undo"):
        assert not kiosk.actions_by_id[action_id].isEnabled()
    assert not kiosk.note_editor.isVisible()
    assert kiosk.windowFlags() & Qt.WindowType.FramelessWindowHint


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_kiosk_ignores_escape_keys(qtbot, kiosk, key, modifier):
    kiosk.kiosk.welcome.start_button.click()
    kiosk.session.set_selections([Selection("groin", Side.RIGHT)])
    qtbot.keyClick(kiosk.view, key, modifier)
    assert kiosk.isVisible()
    assert kiosk.session.selections == (Selection("groin", Side.RIGHT),)


def test_kiosk_ignores_the_close_request(kiosk):
    kiosk.close()
    assert kiosk.isVisible()


def test_kiosk_resets_after_idle(qtbot, kiosk):
    kiosk.kiosk.welcome.start_button.click()
    assert kiosk.pages.currentWidget() is kiosk.main_page
    kiosk.session.set_selections([Selection("heel", Side.LEFT)])
    kiosk.show_layout("back")
    kiosk.search.setText("soleus")
    qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.kiosk.welcome, timeout=4000)
    assert kiosk.session.selections == () and kiosk.session.focus is None
    assert kiosk.session.layout == kiosk.kb.views.default_layout
    assert kiosk.search.text() == ""


def test_kiosk_exits_only_with_the_right_pin(qtbot, kiosk):
    welcome = kiosk.kiosk.welcome
    corner = QPoint(welcome.width() - 10, 10)
    for _ in range(EXIT_TAPS):
        qtbot.mouseClick(welcome, Qt.MouseButton.LeftButton, pos=corner)
    dialog = kiosk.findChild(PinDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.entry.setText("111111")
    dialog.check()
    assert kiosk.isVisible() and dialog.isVisible()
    assert "Wrong PIN" in dialog.prompt.text()
    for digit in PIN:
        dialog._press(digit)
    dialog._press("OK")
    assert not kiosk.isVisible()


def test_taps_elsewhere_do_not_open_the_pin_pad(qtbot, kiosk):
    for _ in range(EXIT_TAPS):
        qtbot.mouseClick(kiosk.kiosk.welcome, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    assert kiosk.findChild(PinDialog) is None


def test_kiosk_touch_targets_are_large(qtbot, kiosk):
    kiosk.kiosk.welcome.start_button.click()
    kiosk.session.set_selections([Selection("heel", Side.LEFT)])
    qtbot.wait(10)
    rows = [kiosk.results.visualItemRect(kiosk.results.item(i)) for i in range(kiosk.results.count())]
    assert rows and all(r.height() >= 48 for r in rows)
    assert kiosk.kiosk.welcome.start_button.height() >= 48
    assert kiosk.disclaimer.button.minimumHeight() >= 48
    assert kiosk.search.minimumHeight() >= 48
    buttons = kiosk.toolbar.findChildren(QToolButton)
    assert buttons and all(b.height() >= 48 for b in buttons if b.isVisible())


def test_kiosk_setup_stores_a_salted_hash(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PIN}\n{PIN}\n"))
    assert main(["kiosk-setup", "--idle-seconds", "45"]) == 0
    store = SettingsStore()
    assert store.warning is None and store.settings.kiosk_idle_seconds == 45
    pin = store.settings.kiosk_pin
    assert pin and PIN not in pin and pin.startswith("pbkdf2_sha256$")


def test_kiosk_refuses_to_start_without_a_pin(capsys):
    assert main(["--kiosk"]) == 2
    assert "kiosk-setup" in capsys.readouterr().err
