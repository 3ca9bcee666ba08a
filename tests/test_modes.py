"""Presentation mode at the table, and kiosk mode in the studio: controllers over the same window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication
from ui_helpers import desk_window, kiosk_window

from bodymap.cli import main
from bodymap.knowledge import Selection, Side
from bodymap.paths import config_dir
from bodymap.pin import hash_pin
from bodymap.session import Mode
from bodymap.settings import Settings, SettingsStore
from bodymap.ui.kiosk import EXIT_TAPS

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


def test_kiosk_has_no_menus_files_search_or_quit(kiosk):
    assert not kiosk.menuBar().isVisible() and not kiosk.toolbar.isVisible()
    for action_id in ("quit", "save_pdf", "print", "present", "undo", "search", "clear"):
        assert not kiosk.actions_by_id[action_id].isEnabled()
    assert not kiosk.note_editor.isVisible() and not kiosk.search.isVisible()
    assert kiosk.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert kiosk.windowFlags() & Qt.WindowType.WindowStaysOnTopHint


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_kiosk_ignores_escape_print_and_save_keys(qtbot, kiosk, key, modifier):
    kiosk.kiosk.welcome.start_button.click()
    kiosk.session.set_selections([Selection("groin", Side.RIGHT)])
    qtbot.keyClick(kiosk.view, key, modifier)
    assert kiosk.isVisible()
    assert kiosk.session.selections == (Selection("groin", Side.RIGHT),)
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not kiosk] == []


def test_kiosk_ignores_the_close_request_and_gives_no_context_menu(qtbot, kiosk):
    kiosk.close()
    assert kiosk.isVisible()
    kiosk.kiosk.welcome.start_button.click()
    qtbot.mouseClick(kiosk.detail.viewport(), Qt.MouseButton.RightButton)
    menu = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), kiosk.detail.viewport().mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(kiosk.detail.viewport(), menu)
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not kiosk] == []


def test_the_layout_cannot_be_changed_by_a_visitor(kiosk):
    assert not kiosk.split.handle(1).isEnabled()


def test_kiosk_resets_everything_after_idle(qtbot, kiosk):
    kiosk.kiosk.welcome.start_button.click()
    assert kiosk.pages.currentWidget() is kiosk.main_page
    kiosk.session.set_selections([Selection("heel", Side.LEFT)])
    kiosk.show_layout("back")
    kiosk.view.zoom_in()
    kiosk.tabs.setCurrentWidget(kiosk.regions)
    kiosk.kiosk.show_take_home()
    qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.kiosk.welcome, timeout=4000)
    assert kiosk.session.selections == () and kiosk.session.focus is None
    assert kiosk.session.layout == kiosk.kb.views.default_layout and kiosk.session.zoom == 1.0
    assert kiosk.tabs.currentWidget() is kiosk.results


def test_start_over_clears_the_map_and_stays_on_it(kiosk):
    kiosk.kiosk.welcome.start_button.click()
    kiosk.session.set_selections([Selection("heel", Side.LEFT)])
    kiosk.kiosk.bar.buttons[0].click()
    assert kiosk.session.selections == () and kiosk.pages.currentWidget() is kiosk.main_page


def test_take_it_home_shows_a_qr_code_of_the_top_muscles(kiosk):
    kiosk.kiosk.welcome.start_button.click()
    kiosk.session.set_selections([Selection("thigh_outer", Side.LEFT)])
    kiosk.kiosk.show_take_home()
    page = kiosk.kiosk.take_home
    assert kiosk.pages.currentWidget() is page
    top = kiosk.session.handout_muscles()
    assert all(kiosk.kb.muscle(m).name in page.text for m in top)
    assert "Outer thigh, left" in page.text and kiosk.kb.safety.disclaimer in page.text
    assert not page.code.pixmap().isNull() and page.code.pixmap().width() >= 200
    assert not page.print_button.isVisible()


def test_the_qr_code_is_a_regular_qr_code_of_the_text(kb):
    import segno

    from bodymap.ui.kiosk.take_home import QR_ERROR, qr_image

    text = "bodymap: your pain map\n1. Gluteus minimus: lean into a ball"
    image = qr_image(text, 300)
    code = segno.make_qr(text, error=QR_ERROR)
    rows = list(code.matrix_iter(border=4))
    cell = image.width() // len(rows)
    for y in (4, len(rows) // 2, len(rows) - 5):
        for x in range(len(rows)):
            dark = image.pixelColor(x * cell + cell // 2, y * cell + cell // 2).lightness() < 128
            assert dark == bool(rows[y][x])
    assert not code.is_micro


def test_kiosk_exits_only_with_the_right_pin(qtbot, kiosk):
    welcome = kiosk.kiosk.welcome
    corner = QPoint(welcome.width() - 10, 10)
    for _ in range(EXIT_TAPS):
        qtbot.mouseClick(welcome, Qt.MouseButton.LeftButton, pos=corner)
    pad = kiosk.kiosk.pin_pad
    assert kiosk.pages.currentWidget() is pad
    pad.entry.setText("111111")
    pad.check()
    assert kiosk.isVisible() and "Wrong PIN" in pad.prompt.text()
    for digit in PIN:
        pad.press(digit)
    pad.press("ok")
    assert not kiosk.isVisible()


def test_return_submits_the_pin_and_presses_no_key(qtbot, kiosk):
    """Return used to press the keypad's default button "1" too, so the next right PIN was rejected."""
    kiosk.kiosk.ask_operator()
    pad = kiosk.kiosk.pin_pad
    qtbot.keyClicks(pad.entry, "999999")
    qtbot.keyClick(pad.entry, Qt.Key.Key_Return)
    assert pad.entry.text() == "" and pad.wrong == 1
    qtbot.keyClicks(pad.entry, PIN)
    qtbot.keyClick(pad.entry, Qt.Key.Key_Return)
    assert not kiosk.isVisible()


def test_wrong_pins_bring_a_growing_wait_never_a_lockout(qtbot, kiosk):
    kiosk.kiosk.ask_operator()
    pad = kiosk.kiosk.pin_pad
    for _ in range(5):
        pad.entry.setText("000001")
        pad.check()
    assert not pad.entry.isEnabled() and "30 s" in pad.prompt.text()
    pad.press("1")
    assert pad.entry.text() == ""
    pad._left = 1
    pad._tick()
    assert pad.entry.isEnabled()
    for digit in PIN:
        pad.press(digit)
    pad.press("ok")
    assert not kiosk.isVisible()


def test_taps_elsewhere_do_not_open_the_pin_pad(qtbot, kiosk):
    for _ in range(EXIT_TAPS):
        qtbot.mouseClick(kiosk.kiosk.welcome, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    assert kiosk.pages.currentWidget() is kiosk.kiosk.welcome


def test_kiosk_touch_targets_and_text_are_large(qtbot, kiosk):
    kiosk.kiosk.welcome.start_button.click()
    kiosk.session.set_selections([Selection("heel", Side.LEFT)])
    qtbot.wait(10)
    rows = [kiosk.results.visualItemRect(kiosk.results.item(i)) for i in range(kiosk.results.count())]
    assert rows and all(r.height() >= 48 for r in rows)
    assert kiosk.kiosk.welcome.start_button.height() >= 48
    assert kiosk.disclaimer.button.height() >= 44
    assert all(b.height() >= 44 and b.width() >= 44 for b in kiosk.kiosk.bar.buttons)
    assert kiosk.results.font().pixelSize() >= 18 or kiosk.results.font().pointSizeF() * 96 / 72 >= 18


def test_kiosk_setup_stores_a_salted_hash(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PIN}\n{PIN}\n"))
    assert main(["kiosk-setup", "--idle-seconds", "45"]) == 0
    store = SettingsStore()
    assert store.warning is None and store.settings.kiosk_idle_seconds == 45
    pin = store.settings.kiosk_pin
    assert pin and PIN not in pin and pin.startswith("pbkdf2_sha256$")


@pytest.mark.parametrize("pin", ["٢٤٦٨١٣", "²⁴⁶⁸", "12ab34", "123"])
def test_kiosk_setup_refuses_pins_the_keypad_cannot_type(monkeypatch, capsys, pin):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{pin}\n{pin}\n"))
    assert main(["kiosk-setup"]) == 2
    assert "digits 0-9" in capsys.readouterr().err


@pytest.mark.parametrize("iterations", [1, 2**64, 20_000_000])
def test_a_stored_pin_hash_of_an_unusable_cost_is_refused(iterations):
    from bodymap.pin import stored_problem, verify_pin

    stored = hash_pin(PIN, iterations=1).replace("$1$", f"${iterations}$")
    assert stored_problem(stored) is not None
    assert not verify_pin(PIN, stored)


def test_kiosk_refuses_to_start_without_a_pin(capsys):
    assert main(["--kiosk"]) == 2
    assert "kiosk-setup" in capsys.readouterr().err


def test_kiosk_that_cannot_read_its_settings_says_so(capsys):
    path = config_dir() / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{broken")
    assert main(["--kiosk"]) == 2
    err = capsys.readouterr().err
    assert "the kiosk needs its settings" in err and "using default settings" not in err


def _set_pin(monkeypatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PIN}\n{PIN}\n"))
    assert main(["kiosk-setup"]) == 0


def test_autostart_shows_and_writes_a_restarting_unit_and_leaves_the_settings_alone(monkeypatch, capsys, tmp_path):
    from bodymap.kiosk_install import MARK

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    _set_pin(monkeypatch)
    settings = (config_dir() / "settings.json").read_bytes()
    monkeypatch.setattr("sys.stdin", None)  # no PIN is asked for when one is set: reading would fail
    assert main(["kiosk-setup", "--autostart"]) == 0
    shown = capsys.readouterr().out
    unit = tmp_path / "xdg/systemd/user/bodymap-kiosk.service"
    entry = tmp_path / "xdg/autostart/bodymap-kiosk.desktop"
    for path in (unit, entry):
        text = path.read_text()
        assert text.splitlines()[0] == MARK and str(path) in shown
    text = unit.read_text()
    assert "Restart=always" in text and "--kiosk" in text
    assert f"BODYMAP_CONFIG_DIR={config_dir()}" in text  # the kiosk finds the same settings at login
    assert (config_dir() / "settings.json").read_bytes() == settings
    assert main(["kiosk-check"]) in (0, 2)
    assert "ok       autostart: installed" in capsys.readouterr().out


def test_removing_autostart_removes_only_what_bodymap_wrote(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    _set_pin(monkeypatch)
    assert main(["kiosk-setup", "--autostart"]) == 0
    entry = tmp_path / "xdg/autostart/bodymap-kiosk.desktop"
    entry.write_text("[Desktop Entry]\nName=someone else's\n")  # replaced by the administrator
    assert main(["kiosk-setup", "--remove-autostart"]) == 0
    said = capsys.readouterr().out
    assert not (tmp_path / "xdg/systemd/user/bodymap-kiosk.service").exists()
    assert entry.read_text().startswith("[Desktop Entry]\nName=someone else's") and "kept" in said


def test_kiosk_check_says_what_is_missing(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("DISPLAY", ":0")
    assert main(["kiosk-check"]) == 2
    said = capsys.readouterr().out
    assert "MISSING  operator PIN" in said and "MISSING  autostart" in said and said.rstrip().endswith("not ready")
    _set_pin(monkeypatch)
    assert main(["kiosk-setup", "--autostart"]) == 0
    capsys.readouterr()
    main(["kiosk-check"])
    said = capsys.readouterr().out
    assert "ok       operator PIN" in said and "ok       autostart" in said and "ok       display" in said


@pytest.mark.parametrize("size", [(1366, 768), (800, 1280)], ids=["landscape", "portrait"])
def test_the_kiosk_map_page_keeps_its_parts_in_proportion(qtbot, kb, size):
    """Seen on a real kiosk: the legend in large type forced the map wider than the screen, squeezing
    the panel to a sliver; long red flags left no room for the list; a note box showed in a kiosk."""
    settings = Settings(first_run_notice_seen=True, kiosk_pin=hash_pin(PIN))
    window = kiosk_window(kb, settings)
    qtbot.addWidget(window)
    window.kiosk.guard.stop()  # the test screen is 1920x1200: let the window take the size of the kiosk's screen
    window.resize(*size)
    window.show()
    window.kiosk.welcome.start_button.click()
    window.session.set_selections([Selection("low_back", Side.LEFT), Selection("low_back", Side.RIGHT)])
    window.session.focus_muscle("quadratus_lumborum")
    qtbot.wait(50)
    width, height = size
    portrait = height > width
    map_part, panel = window.split.sizes()
    assert panel >= 0.3 * (map_part + panel), "the side panel keeps its share of the screen"
    assert all(label.width() >= label.sizeHint().width() for label in window.legend_bar.words), "no legend word cut"
    assert window.legend_bar.width() <= width
    assert window.place_flags.isVisible() and window.place_flags.height() <= 0.3 * height + 12
    assert window.results.height() >= 2 * 48, "room for at least two likely muscles"
    assert not window.note_editor.isVisible(), "a visitor's note would be kept nowhere: no note box"
    inner = Qt.Orientation.Horizontal if portrait else Qt.Orientation.Vertical
    assert window.panel_split.orientation() == inner
    window.kiosk.unlock_and_close()
