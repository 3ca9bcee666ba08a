"""Where start-up time goes: the real ``bodymap`` start, split into steps by time marks.

Each run is a fresh process, like a person starting the app (a returning user, caches
filled); the table shows the median of each step. Used for the table in bench/README.md.

    python bench/startup_steps.py [--runs 9]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import _env

# The child imports in the order the real start does, marking the time after each step, and
# then runs the real entry point with the three loading steps wrapped to mark their ends.
_CHILD = r"""
import gc, sys, time
t0 = float(sys.argv[1])
marks = []
def mark(name):
    marks.append((name, time.time() - t0))
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
mark("Python, Qt import, QApplication")
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() and isinstance(obj.window(), QMainWindow):
            mark("first paint")
            QTimer.singleShot(0, app.quit)
            app.removeEventFilter(self)
        return False
painted = Painted()
app.installEventFilter(painted)
gc.disable()  # as bodymap.__main__ does
import pydantic
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator
mark("import pydantic")
import bodymap.knowledge
mark("our pydantic models, knowledge core")
import bodymap.cli as cli
mark("rest of the command line's imports")
from PySide6.QtCore import Qt
mark("Qt's Qt namespace")
import bodymap.ui.launch as launch
mark("window modules")
def marked(module, name, label):
    real = getattr(module, name)
    def call(*args, **kwargs):
        result = real(*args, **kwargs)
        mark(label)
        return result
    setattr(module, name, call)
marked(cli, "load_knowledge", "knowledge base (cache)")
marked(launch, "load_diagrams", "settings, notes, diagrams (cache)")
marked(launch, "MainWindow", "building the window")
del sys.argv[1:]
cli.main()
for name, t in marks:
    print(f"{name}\t{t * 1000:.2f}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    steps: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(tmp)
        (Path(tmp) / "settings.json").write_text('{"first_run_notice_seen": true}')
        for run in range(args.runs + 1):
            out = subprocess.run(
                [sys.executable, "-c", _CHILD, str(time.time())], env=env, check=True, capture_output=True, text=True
            ).stdout
            if run == 0:
                continue  # fills the caches
            previous = 0.0
            for line in out.splitlines():
                name, at = line.split("\t")
                steps.setdefault(name, []).append(float(at) - previous)
                previous = float(at)
    medians = {name: statistics.median(values) for name, values in steps.items()}
    width = max(map(len, medians))
    for name, ms in medians.items():
        print(f"{name:<{width}}  {ms:6.0f} ms")
    print(f"{'total (sum of medians)':<{width}}  {sum(medians.values()):6.0f} ms")


if __name__ == "__main__":
    main()
