"""Kiosk soak: thousands of random taps, searches, zooms and idle resets on a kiosk window.

The idle clock is simulated (resets are triggered, not waited for), so 20,000 actions take
minutes, not days. Reports exceptions, Qt warnings, resident memory and the number of Qt
objects, which must stay flat once warm.

    python bench/soak.py [--steps 20000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    """Current resident memory of this process (Linux), in MB, after handing memory the process has
    freed back to the system (glibc keeps freed blocks mapped; without this, a scene built and freed
    again would count as growth)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def run_soak(window, app, steps: int, seed: int = 1) -> dict:
    """Drive a kiosk window with random visitor actions; returns what was measured."""
    from PySide6.QtCore import QObject, QPointF, QtMsgType, qInstallMessageHandler
    from PySide6.QtTest import QTest

    from bodymap.diagram import Layer

    warnings: list[str] = []

    def collect(kind, _context, message):
        # The offscreen platform says it cannot raise or grab for popups (the search suggestions);
        # that is the test platform's limit, not the app's.
        if kind != QtMsgType.QtDebugMsg and not any(
            noise in message for noise in ("propagateSizeHints", "This plugin does not support")
        ):
            warnings.append(message)

    previous = qInstallMessageHandler(collect)
    errors: list[str] = []
    hook = sys.excepthook
    sys.excepthook = lambda kind, value, trace: errors.append(f"{kind.__name__}: {value}")
    kb = window.kb
    layouts = list(kb.layouts)
    targets = []
    for layout in layouts:
        for view in kb.layout(layout).views:
            for shape in window.view.diagrams[view].layer(Layer.REGION):
                x, y = shape.interior_point()
                targets.append((layout, view, QPointF(x, y)))
    rng = random.Random(seed)
    samples = []
    kiosk = window.kiosk
    kiosk.enter_use()
    for layout in layouts:  # warm-up: every view and page used once, as a kiosk's first hour would
        window.show_layout(layout)
        layout_, view, point = next(t for t in targets if t[0] == layout)
        window.view.click_at(window.view.mapFromScene(window.view.body.frames[view].mapToScene(point)))
        window.view.zoom_in()
        app.processEvents()
    for page in (kiosk.show_take_home, lambda: kiosk.show_page(kiosk.closer), kiosk.show_red_flags, kiosk.ask_operator):
        page()
        app.processEvents()
        kiosk.back_from_page()
    kiosk.reset()
    app.processEvents()
    try:
        for step in range(steps):
            action = rng.random()
            session = window.session
            kiosk = window.kiosk
            if window.pages.currentWidget() is kiosk.welcome:
                kiosk.welcome.start_button.click()
            elif window.pages.currentWidget() is not window.main_page:
                kiosk.back_from_page()  # every page has its Back button
            elif action < 0.55:
                layout, view, point = rng.choice([t for t in targets if t[0] == session.layout] or targets)
                if layout != session.layout:
                    window.show_layout(layout)
                scene_point = window.view.body.frames[view].mapToScene(point)
                window.view.click_at(window.view.mapFromScene(scene_point))
            elif action < 0.63:
                window.show_layout(rng.choice(layouts))
            elif action < 0.70:
                rng.choice((window.view.zoom_in, window.view.zoom_out, window.handlers["zoom_fit"]))()
            elif action < 0.77 and session.ranking:
                ranked = rng.choice(session.ranking)
                session.focus_on(ranked.muscle.id, ranked.side)
            elif action < 0.81:
                kiosk.show_take_home()  # the QR code of the visitor's map
            elif action < 0.84:
                kiosk.show_page(kiosk.closer)
            elif action < 0.87:
                kiosk.show_red_flags()
            elif action < 0.89:
                kiosk.ask_operator()  # a visitor found the corner: the PIN pad, a wrong PIN, then Back
                kiosk.pin_pad.entry.setText("123456")
                kiosk.pin_pad.check()
            elif action < 0.93:
                kiosk.start_over()
            else:
                kiosk.guard.idle.emit()  # the simulated clock: an idle spell has passed
            app.processEvents()
            if step % max(1, steps // 20) == 0:
                # Let short-lived fades (the search box's clear button) finish, as real time would.
                QTest.qWait(300)
                samples.append((step, rss_mb(), len(window.findChildren(QObject))))
    finally:
        qInstallMessageHandler(previous)
        sys.excepthook = hook
    warm = samples[len(samples) // 4]
    return {
        "steps": steps,
        "exceptions": errors,
        "qt_warnings": warnings[:20],
        "rss_warm_mb": warm[1],
        "rss_end_mb": samples[-1][1],
        "rss_growth_mb": samples[-1][1] - warm[1],
        "qobjects_warm": warm[2],
        "qobjects_end": samples[-1][2],
        "samples": samples,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20_000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    os.environ["BODYMAP_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bodymap-soak-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from bodymap.diagram import load_diagrams
    from bodymap.knowledge import load_knowledge
    from bodymap.notes import Notes
    from bodymap.pin import hash_pin
    from bodymap.settings import Settings, SettingsStore
    from bodymap.ui.kiosk import KioskController
    from bodymap.ui.main_window import MainWindow

    app = QApplication([])
    kb = load_knowledge()
    store = SettingsStore(writable=False)
    store.settings = Settings(kiosk_pin=hash_pin("000000"))
    window = MainWindow(kb, load_diagrams(kb.views), store, Notes.none())
    window.kiosk = KioskController(window, store.settings)
    window.kiosk.pin_pad.wrong = -(10**9)  # the wrong PINs of the soak never make the keypad wait
    window.resize(1280, 800)
    window.show()
    result = run_soak(window, app, args.steps)
    written = sorted(str(p) for p in Path(os.environ["BODYMAP_CONFIG_DIR"]).rglob("*"))
    result["files_written"] = written
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "soak.json").write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"{result['steps']} actions: {len(result['exceptions'])} exceptions, {len(result['qt_warnings'])} Qt warnings, "
        f"RSS {result['rss_warm_mb']:.0f} -> {result['rss_end_mb']:.0f} MB after warm-up "
        f"(+{result['rss_growth_mb']:.1f} MB), Qt objects {result['qobjects_warm']} -> {result['qobjects_end']}, "
        f"files written {len(written)}"
    )
    window.kiosk.unlock_and_close()


if __name__ == "__main__":
    main()
