"""bodymap benchmarks: start-up against an empty Qt window, click-to-highlight latency,
data and geometry load, peak memory. Prints a table and writes bench/results/latest.json.

    python bench/run.py            # everything (about a minute)
    python bench/run.py --clicks 200 --starts 3

Not part of the test suite: numbers depend on the machine. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"

# A child process that shows a window and reports when its first paint has happened. The app
# is started through its real entry point (the ``bodymap`` command, no arguments), as a person starts it.
_START = r"""
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
class Painted(QObject):
    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Type.Paint and obj.isWidgetType()
                and isinstance(obj.window(), QMainWindow)):
            print(f"{time.time() - t0:.4f}", flush=True)
            QTimer.singleShot(0, app.quit)
            app.removeEventFilter(self)
        return False
painted = Painted()
app.installEventFilter(painted)
if sys.argv[2] == "floor":
    window = QMainWindow()
    window.resize(1360, 860)
    window.show()
    app.exec()
else:
    from bodymap.__main__ import main
    del sys.argv[1:]  # as if typed with no arguments
    main()
"""


def _env(tmp: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["BODYMAP_CONFIG_DIR"] = tmp
    env.setdefault("BODYMAP_CACHE_DIR", str(Path(tmp) / "cache"))
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def startup(runs: int) -> dict[str, float]:
    """Median seconds from process start to first paint: bodymap, and an empty QMainWindow."""
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(tmp)
        (Path(tmp) / "settings.json").write_text('{"first_run_notice_seen": true}')  # a returning user
        subprocess.run(
            [sys.executable, "-c", _START, str(time.time()), "app"], env=env, check=True, capture_output=True
        )  # fills the caches, as any earlier run would have
        times: dict[str, list[float]] = {"floor": [], "app": []}
        for _ in range(runs):
            for kind in ("floor", "app"):
                out = subprocess.run(
                    [sys.executable, "-c", _START, str(time.time()), kind],
                    env=env,
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                times[kind].append(float(out.split()[-1]))
    floor, app = statistics.median(times["floor"]), statistics.median(times["app"])
    return {"floor_s": floor, "app_s": app, "ratio": app / floor}


def loads() -> dict[str, float]:
    """Milliseconds to load data and geometry: cold (no cache) and from the cache."""
    from bodymap.diagram.svg_file import read_diagram
    from bodymap.knowledge import load_knowledge
    from bodymap.resources import asset

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BODYMAP_CACHE_DIR"] = tmp
        for label in ("cold", "cached"):
            t = time.perf_counter()
            load_knowledge()
            out[f"data_{label}_ms"] = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            for view in load_knowledge().views.view:
                read_diagram(asset(view.file), view.id)
            out[f"svg_{label}_ms"] = (time.perf_counter() - t) * 1000
    return out


def clicks(count: int) -> dict[str, float]:
    """Click to highlight: the click's own work (hit-test, rank, restyle, lists) plus the
    diagram's repaint; and the time until the whole window has settled (list, detail text)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtWidgets import QApplication

    from bodymap.diagram import Layer, load_diagrams
    from bodymap.knowledge import load_knowledge
    from bodymap.settings import Settings
    from bodymap.ui.body_view import BodyView
    from bodymap.ui.main_window import MainWindow

    painting: list[float] = []
    real_event = BodyView.viewportEvent

    def timed_event(view, event):  # times the diagram's paint handler, as Qt calls it
        if event.type() != QEvent.Type.Paint:
            return real_event(view, event)
        t = time.perf_counter()
        handled = real_event(view, event)
        painting.append(time.perf_counter() - t)
        return handled

    BodyView.viewportEvent = timed_event
    app = QApplication.instance() or QApplication([])
    window = MainWindow(kb := load_knowledge(), load_diagrams(kb.views), Settings(first_run_notice_seen=True))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    targets = []
    for view, diagram in window.scene.diagrams.items():
        for shape in diagram.layer(Layer.REGION):
            x, y = shape.interior_point()
            targets.append(window.view.mapFromScene(window.scene.frames[view].mapToScene(QPointF(x, y))))
    rng = random.Random(7)
    highlight, settled = [], []
    for _ in range(count):
        pos = rng.choice(targets)
        painting.clear()
        t = time.perf_counter()
        window.view.click_at(pos)
        work = time.perf_counter() - t
        app.processEvents()  # Qt repaints what changed, then the deferred detail text
        settled.append((time.perf_counter() - t) * 1000)
        highlight.append((work + sum(painting)) * 1000)
        if len(window.state.selections) > 4:
            window.state.clear()
            app.processEvents()
    BodyView.viewportEvent = real_event
    highlight.sort()
    settled.sort()
    window.close()
    return {
        "clicks": count,
        "median_ms": statistics.median(highlight),
        "p99_ms": highlight[int(0.99 * (len(highlight) - 1))],
        "max_ms": highlight[-1],
        "settled_median_ms": statistics.median(settled),
        "settled_p99_ms": settled[int(0.99 * (len(settled) - 1))],
    }


def handout_time(runs: int = 3) -> dict[str, float]:
    """Seconds to write the client handout PDF for the left outer thigh (top three muscles)."""
    from bodymap.knowledge import Selection, Side, load_knowledge
    from bodymap.ui.headless import handout

    kb = load_knowledge()
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            t = time.perf_counter()
            pages = handout(kb, Path(tmp) / "h.pdf", [Selection("thigh_outer", Side.LEFT)], [], "a4")
            times.append(time.perf_counter() - t)
    return {"median_ms": statistics.median(times) * 1000, "pages": pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=1000)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    results = {"python": sys.version.split()[0], "machine": os.uname().machine, "cpus": os.cpu_count()}
    results["startup"] = startup(args.starts)
    results["load"] = loads()
    results["click"] = clicks(args.clicks)
    results["handout"] = handout_time()
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    s, ld, c = results["startup"], results["load"], results["click"]
    rows = [
        ("start-up, empty QMainWindow (floor)", f"{s['floor_s'] * 1000:.0f} ms", ""),
        ("start-up, bodymap main window", f"{s['app_s'] * 1000:.0f} ms", f"ratio {s['ratio']:.2f} (target <= 1.3)"),
        ("data load + validate, cold / cached", f"{ld['data_cold_ms']:.0f} / {ld['data_cached_ms']:.0f} ms", ""),
        ("both SVGs to geometry, cold / cached", f"{ld['svg_cold_ms']:.0f} / {ld['svg_cached_ms']:.0f} ms", ""),
        (
            f"click to highlight ({c['clicks']} clicks)",
            f"median {c['median_ms']:.2f} ms",
            f"p99 {c['p99_ms']:.2f} ms (targets 8 / 16)",
        ),
        (
            "click until the whole window settled",
            f"median {c['settled_median_ms']:.2f} ms",
            f"p99 {c['settled_p99_ms']:.2f} ms",
        ),
        (f"handout PDF ({results['handout']['pages']} pages)", f"{results['handout']['median_ms']:.0f} ms", ""),
        ("peak RSS (this process)", f"{results['peak_rss_mb']:.0f} MB", "target <= 150"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>18}  {note}")
    print(f"written to {RESULTS / 'latest.json'}")


if __name__ == "__main__":
    main()
