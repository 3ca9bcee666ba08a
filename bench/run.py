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
import resource, sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
class Painted(QObject):
    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Type.Paint and obj.isWidgetType()
                and isinstance(obj.window(), QMainWindow)):
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{time.time() - t0:.4f} {rss:.1f}", flush=True)
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
        memory: dict[str, list[float]] = {"floor": [], "app": []}
        for _ in range(runs):
            for kind in ("floor", "app"):
                out = subprocess.run(
                    [sys.executable, "-c", _START, str(time.time()), kind],
                    env=env,
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                seconds, rss = out.split()[-2:]
                times[kind].append(float(seconds))
                memory[kind].append(float(rss))
    floor, app = statistics.median(times["floor"]), statistics.median(times["app"])
    return {
        "floor_s": floor,
        "app_s": app,
        "ratio": app / floor,
        "floor_rss_mb": statistics.median(memory["floor"]),
        "app_rss_mb": statistics.median(memory["app"]),
    }


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


def _window():
    """The desk window as a person gets it (presentation, client maps, journal), shown offscreen."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from bodymap.knowledge import load_knowledge
    from bodymap.notes import Notes
    from bodymap.settings import Settings, SettingsStore
    from bodymap.ui import launch

    app = QApplication.instance() or QApplication([])
    kb = load_knowledge()
    store = SettingsStore(writable=False)
    store.settings = Settings(first_run_notice_seen=True)
    desk = launch.desk_window(kb, store, Notes.none())
    desk.window.close_guards.clear()  # closes without asking to save the map
    desk.window.resize(1280, 800)
    desk.window.show()
    app.processEvents()
    return app, desk


def _until_quiet(app, most: int = 20) -> None:
    """Turn the event loop until a turn paints nothing (the whole window has settled)."""
    from PySide6.QtCore import QEvent, QObject

    painted = [0]

    class Paints(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint:
                painted[0] += 1
            return False

    watcher = Paints()
    app.installEventFilter(watcher)
    for _ in range(most):
        painted[0] = 0
        app.processEvents()
        if not painted[0]:
            break
    app.removeEventFilter(watcher)


def clicks(count: int, layout: str = "both") -> dict[str, float]:
    """Click to highlight: the click's own work (hit-test, rank, restyle) plus the diagram's first
    repaint; and the time until the whole window has settled (side panel, lists, detail text).
    ``layout``: the views clicked on (the whole figures, or a close-up)."""
    from PySide6.QtCore import QEvent, QPointF

    from bodymap.diagram import Layer
    from bodymap.ui.body_view import BodyView

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
    app, desk = _window()
    window = desk.window
    window.show_layout(layout)
    app.processEvents()
    scene = window.view.body
    targets = []
    for view, diagram in scene.diagrams.items():
        for shape in diagram.layer(Layer.REGION):
            x, y = shape.interior_point()
            point = scene.frames[view].mapToScene(QPointF(x, y))
            if scene.magnifier_at(point) is None:  # a lens opens a close-up: timed in closeups()
                targets.append(window.view.mapFromScene(point))
    rng = random.Random(7)
    highlight, settled = [], []
    for _ in range(count):
        pos = rng.choice(targets)
        painting.clear()
        t = time.perf_counter()
        window.view.click_at(pos)
        work = time.perf_counter() - t
        _until_quiet(app)  # the diagram's repaint, then the side panel's turn, its layout and paint
        settled.append((time.perf_counter() - t) * 1000)
        highlight.append((work + painting[0] if painting else work) * 1000)
        if len(window.session.selections) > 4:
            window.session.clear()
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


def closeups(runs: int = 10) -> dict[str, float]:
    """Milliseconds to switch from the whole figures to a close-up (the hand) and back, until the
    window has repainted; the floor is a repaint of the whole window with nothing changed."""
    app, desk = _window()
    window = desk.window
    to_close, back, floor = [], [], []
    for _ in range(runs):
        t = time.perf_counter()
        window.show_layout("hands_palm")
        app.processEvents()
        to_close.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        window.show_layout("both")
        app.processEvents()
        back.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        window.repaint()
        app.processEvents()
        floor.append((time.perf_counter() - t) * 1000)
    window.close()
    return {
        "to_closeup_ms": statistics.median(to_close),
        "back_ms": statistics.median(back),
        "floor_ms": statistics.median(floor),
    }


def journal(entries: int = 5000, runs: int = 10) -> dict[str, float]:
    """Adding an entry to a journal that holds ``entries`` and redrawing its plot, as the window
    does when the journal view is open; the floor is one plain SQLite insert with the same safety
    settings (WAL, full sync) on a file of the same size."""
    import datetime as dt
    import sqlite3

    from bodymap.journal import Journal, Place
    from bodymap.knowledge import Selection, Side

    app, desk = _window()
    places = [Place(Selection("thigh_outer", Side.LEFT), 6), Place(Selection("groin", Side.LEFT), 3)]
    start = dt.datetime(2020, 1, 1).astimezone()
    with tempfile.TemporaryDirectory() as tmp:
        book = Journal(Path(tmp) / "journal.sqlite3")
        db = book._connect(create=True)
        assert db is not None
        with db:  # filling it fast: one transaction, the same rows the window writes
            for n in range(entries):
                Journal._insert(db, f"{start + dt.timedelta(hours=8 * n):%Y-%m-%dT%H:%M:%SZ}", places, [], "")
        desk.journal._journal = book
        desk.journal.show_journal()
        app.processEvents()
        add, floor = [], []
        raw = sqlite3.connect(Path(tmp) / "floor.sqlite3", isolation_level=None)
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute("PRAGMA synchronous = FULL")
        raw.execute("CREATE TABLE t (at TEXT, region TEXT, intensity INTEGER)")
        raw.executemany("INSERT INTO t VALUES (?, ?, ?)", [("2020", "groin", 3)] * entries * 2)
        for n in range(runs):
            t = time.perf_counter()
            desk.journal.save(places, start + dt.timedelta(days=3000 + n), ["vastus_lateralis"], "")
            app.processEvents()
            add.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO t VALUES (?, ?, ?)", ("2026", "groin", 3))
            raw.execute("COMMIT")
            floor.append((time.perf_counter() - t) * 1000)
        raw.close()
        book.close()
    desk.window.close()
    return {
        "entries": entries,
        "add_and_redraw_ms": statistics.median(add),
        "floor_insert_ms": statistics.median(floor),
    }


def open_map(runs: int = 20) -> dict[str, float]:
    """Opening a saved client map until the window shows it; the floor is reading the file's JSON."""
    from bodymap.knowledge import Quality, Selection, Side

    app, desk = _window()
    session = desk.window.session
    for region, side, value in (("thigh_outer", Side.LEFT, 8), ("groin", Side.LEFT, 3), ("low_back", None, 6)):
        session.toggle(Selection(region, side))
        session.set_intensity(Selection(region, side), value)
    session.set_quality(Selection("groin", Side.LEFT), Quality.ACHING)
    opened, floor = [], []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "client.bodymap"
        desk.documents.write(path)
        for _ in range(runs):
            session.clear()
            app.processEvents()
            t = time.perf_counter()
            desk.documents.open(path, asked=True)
            app.processEvents()
            opened.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            json.loads(path.read_text(encoding="utf-8"))
            floor.append((time.perf_counter() - t) * 1000)
    desk.window.close()
    return {"open_ms": statistics.median(opened), "floor_json_ms": statistics.median(floor)}


def handout_time(runs: int = 3) -> dict[str, float]:
    """Seconds to write the client handout PDF for the left outer thigh (top three muscles)."""
    from bodymap.knowledge import Selection, Side, load_knowledge
    from bodymap.session import Session
    from bodymap.ui.headless import handout

    session = Session(load_knowledge())
    session.toggle(Selection("thigh_outer", Side.LEFT))
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            t = time.perf_counter()
            pages = handout(session, Path(tmp) / "h.pdf", "a4")
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
    results["closeup_click"] = clicks(args.clicks // 2, "hands_palm")
    results["handout"] = handout_time()
    results["closeup"] = closeups()
    results["journal"] = journal()
    results["open_map"] = open_map()
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
        (
            f"click in a close-up, the palms ({results['closeup_click']['clicks']} clicks)",
            f"median {results['closeup_click']['median_ms']:.2f} ms",
            f"p99 {results['closeup_click']['p99_ms']:.2f} ms (targets 8 / 16)",
        ),
        (
            "close-up (hand) and back, floor: repaint",
            f"{results['closeup']['to_closeup_ms']:.0f} / {results['closeup']['back_ms']:.0f} ms",
            f"floor {results['closeup']['floor_ms']:.1f} ms",
        ),
        (
            f"journal: add + redraw plot ({results['journal']['entries']} entries)",
            f"{results['journal']['add_and_redraw_ms']:.0f} ms",
            f"floor (one SQLite insert) {results['journal']['floor_insert_ms']:.1f} ms; target < 100",
        ),
        (
            "open a .bodymap file until shown",
            f"{results['open_map']['open_ms']:.1f} ms",
            f"floor (read its JSON) {results['open_map']['floor_json_ms']:.2f} ms; target < 50",
        ),
        (
            "RSS at first paint, bodymap / floor",
            f"{s['app_rss_mb']:.0f} / {s['floor_rss_mb']:.0f} MB",
            "target <= 150",
        ),
        ("peak RSS of this benchmark process", f"{results['peak_rss_mb']:.0f} MB", "(cold SVG parse, 5,000 entries)"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>18}  {note}")
    print(f"written to {RESULTS / 'latest.json'}")


if __name__ == "__main__":
    main()
