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
SEARCHES = ("psoas", "glute", "outer thigh", "knee", "jaw", "zzz", "", "calf", "heel, left", "TFL")


def rss_mb() -> float:
    """Current resident memory of this process (Linux), in MB."""
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
        if kind != QtMsgType.QtDebugMsg and "propagateSizeHints" not in message:
            warnings.append(message)

    previous = qInstallMessageHandler(collect)
    errors: list[str] = []
    hook = sys.excepthook
    sys.excepthook = lambda kind, value, trace: errors.append(f"{kind.__name__}: {value}")
    targets = []
    for view, diagram in window.scene.diagrams.items():
        for shape in diagram.layer(Layer.REGION):
            x, y = shape.interior_point()
            targets.append((view, QPointF(x, y)))
    rng = random.Random(seed)
    samples = []
    try:
        for step in range(steps):
            action = rng.random()
            if window.pages.currentWidget() is window.welcome:
                window.welcome.start_button.click()
            elif action < 0.70:
                view, point = rng.choice(targets)
                scene_point = window.scene.frames[view].mapToScene(point)
                window.view.click_at(window.view.mapFromScene(scene_point))
            elif action < 0.80:
                window.search.setText(rng.choice(SEARCHES))
                window.search.choose(window.search.text())
            elif action < 0.90:
                rng.choice((window.view.zoom_in, window.view.zoom_out, window.view.reset_zoom))()
            elif action < 0.95 and window.state.ranking:
                ranked = rng.choice(window.state.ranking)
                window.state.set_focus(ranked.muscle.id, ranked.side)
            else:
                window.guard.idle.emit()  # the simulated clock: an idle spell has passed
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
    from bodymap.pin import hash_pin
    from bodymap.settings import Settings
    from bodymap.ui.actions import Mode
    from bodymap.ui.main_window import MainWindow

    app = QApplication([])
    window = MainWindow(kb := load_knowledge(), load_diagrams(kb.views), Settings(kiosk_pin=hash_pin("0000")), mode=Mode.KIOSK)
    window.resize(1280, 800)
    window.show()
    result = run_soak(window, app, args.steps)
    written = sorted(str(p) for p in Path(os.environ["BODYMAP_CONFIG_DIR"]).rglob("*"))
    result["files_written"] = written
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "soak.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"{result['steps']} actions: {len(result['exceptions'])} exceptions, {len(result['qt_warnings'])} Qt warnings, "
          f"RSS {result['rss_warm_mb']:.0f} -> {result['rss_end_mb']:.0f} MB after warm-up "
          f"(+{result['rss_growth_mb']:.1f} MB), Qt objects {result['qobjects_warm']} -> {result['qobjects_end']}, "
          f"files written {len(written)}")
    window.unlock_and_close()


if __name__ == "__main__":
    main()
