"""The core never depends on widgets: the direction of imports is enforced here."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import bodymap

PACKAGE = Path(bodymap.__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _modules(under: str = "") -> list[Path]:
    return sorted((PACKAGE / under).rglob("*.py"))


def test_knowledge_imports_no_qt():
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(n for n in _imports(p) if n.startswith(("PySide6", "shiboken6")))
        for p in _modules("knowledge")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_ui_imports_widgets():
    offenders = {}
    for path in _modules():
        if path.relative_to(PACKAGE).parts[0] == "ui":
            continue
        bad = sorted(n for n in _imports(path) if "QtWidgets" in n)
        if bad:
            offenders[str(path.relative_to(PACKAGE))] = bad
    assert offenders == {}


def test_scanner_sees_imports():
    """The checks above would pass vacuously if the scanner missed imports: prove it sees them."""
    ui_imports = set().union(*(_imports(p) for p in _modules("ui"))) if _modules("ui") else set()
    assert "pydantic" in _imports(PACKAGE / "knowledge" / "model.py")
    assert not ui_imports or any("PySide6" in n for n in ui_imports)


def test_importing_the_core_loads_no_qt():
    code = (
        "import sys, bodymap.knowledge, bodymap.cli; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_desk_window_starts_without_what_it_does_not_show():
    """The real ``bodymap`` start-up loads no kiosk, handout, printing or SVG parser (the
    cached geometry suffices), and the garbage collector paused for start-up runs again."""
    code = """
import gc, sys
from PySide6.QtCore import QTimer
from bodymap.ui.app import application
app = application()
def report():
    lazy = ("bodymap.ui.kiosk", "bodymap.ui.handout", "PySide6.QtPrintSupport", "svgelements")
    print(sorted(m for m in lazy if m in sys.modules), gc.isenabled(), gc.get_freeze_count() > 0)
    app.quit()
QTimer.singleShot(0, report)  # runs once the window is up and the event loop turns
sys.argv[1:] = []
from bodymap.__main__ import main
main()
"""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from bodymap.diagram import load_diagrams; from bodymap.knowledge import load_knowledge; load_diagrams(load_knowledge().views)['front']",
        ],
        check=True,
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[-2] == "[] True True"
