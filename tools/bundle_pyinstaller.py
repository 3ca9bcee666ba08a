"""The PyInstaller step of tools/build_bundle.sh, run by the Python of its temporary environment
(where bodymap and PyInstaller are installed): a one-folder bundle with only the Qt we use.

    python tools/bundle_pyinstaller.py WORK_DIR DIST_DIR [--windowed] [--icon PNG]

- PySide6 modules other than the five bodymap imports are excluded, so none is pulled in by accident.
- PyInstaller's PySide6 hooks collect the Qt plugins of those modules; three are left out (below):
  each would bring libraries bodymap never needs, and the GTK theme would mix the host's GTK with
  the bundle's own GLib, Pango and Cairo.
- Babel's locale data (about 30 MB) is kept only for English and the languages bodymap carries a
  catalogue or content for: bodymap needs it only for dates and numbers in those languages.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

KEEP_QT = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport")
"""What bodymap imports: grep -rhoE 'PySide6\\.Qt[A-Za-z]+' bodymap | sort -u"""
DROP_PLUGINS = {
    "qgtk3": "the GTK theme: would load the host's GTK over the bundle's own GLib, Pango and Cairo",
    "qvnc": "the VNC server platform: needs QtNetwork",
    "qtuiotouchplugin": "TUIO touch over the network: needs QtNetwork",
}
LAUNCHER = "from bodymap.__main__ import main\n\nraise SystemExit(main())\n"


def other_qt_modules() -> list[str]:
    """Every PySide6 module this PySide6 has, except the ones bodymap uses."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    names = {
        p.name.split(".")[0]
        for p in folder.iterdir()
        if p.name.startswith("Qt") and p.suffix in {".pyi", ".so", ".pyd"}
    }
    missing = set(KEEP_QT) - names
    if missing:
        raise SystemExit(f"this PySide6 has no {', '.join(sorted(missing))}")
    return [f"PySide6.{name}" for name in sorted(names - set(KEEP_QT))]


def _plugin_name(path: str) -> str:
    stem = Path(path).name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def leave_out_plugins() -> None:
    """Filter the plugins PyInstaller's Qt hooks collect (they run in this process)."""
    try:
        from PyInstaller.utils.hooks.qt import QtLibraryInfo
    except ImportError:
        print("bundle: this PyInstaller has no QtLibraryInfo; every Qt plugin is kept", file=sys.stderr)
        return
    collect = QtLibraryInfo.collect_plugins

    def collect_plugins(self, plugin_type):
        kept = []
        for source, destination in collect(self, plugin_type):
            why = DROP_PLUGINS.get(_plugin_name(source))
            if why:
                print(f"bundle: leaving out {plugin_type}/{Path(source).name}: {why}")
            else:
                kept.append((source, destination))
        return kept

    QtLibraryInfo.collect_plugins = collect_plugins


def prune_babel(bundle: Path) -> None:
    """Keep Babel's locale data for English (and the root) and for the languages bodymap carries."""
    internal = bundle / "_internal"
    data = next(internal.glob("babel/locale-data"), None)
    if data is None:
        return
    languages = {"root", "en"}
    for folder in (internal / "bodymap" / "locale", internal / "bodymap" / "data" / "lang"):
        if folder.is_dir():
            languages |= {p.name.split("_")[0] for p in folder.iterdir() if p.is_dir()}
    removed = 0
    for path in data.glob("*.dat"):
        if path.stem.split("_")[0] not in languages:
            removed += path.stat().st_size
            path.unlink()
    print(f"bundle: Babel locale data kept for {', '.join(sorted(languages))} ({removed / 1e6:.0f} MB left out)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path)
    parser.add_argument("dist", type=Path)
    parser.add_argument("--windowed", action="store_true")
    parser.add_argument("--icon", type=Path)
    args = parser.parse_args()
    work = args.work.resolve()
    dist = args.dist.resolve()
    launcher = work / "bodymap_launcher.py"
    launcher.write_text(LAUNCHER, encoding="utf-8")
    options = [
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        "--onedir",
        "--name=bodymap",
        f"--distpath={dist}",
        f"--workpath={work / 'build'}",
        f"--specpath={work}",
        # What the wheel carries inside the package: data, assets, icons, desktop files, locale.
        "--collect-data=bodymap",
        "--copy-metadata=bodymap",
        "--exclude-module=tkinter",
    ]
    options += [f"--exclude-module={module}" for module in other_qt_modules()]
    if sys.platform.startswith("linux"):
        options.append("--strip")  # a Python built with debug symbols carries ~20 MB of them
    if args.windowed:
        options.append("--windowed")
    if args.icon:
        options.append(f"--icon={args.icon.resolve()}")
    print(f"bundle: Qt modules kept: {', '.join(KEEP_QT)}; {len(other_qt_modules())} other PySide6 modules excluded")
    leave_out_plugins()

    import PyInstaller.__main__

    PyInstaller.__main__.run([*options, str(launcher)])
    prune_babel(dist / "bodymap")
    shutil.rmtree(work / "build", ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
