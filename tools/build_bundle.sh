#!/usr/bin/env bash
# Build bodymap as a one-folder program for the machine this runs on (PyInstaller), then smoke-test it.
#
#   bash tools/build_bundle.sh
#
# Result: dist/bodymap/ (start dist/bodymap/bodymap; on Windows bodymap.exe; on macOS also dist/bodymap.app)
# and, on Linux and macOS, dist/bodymap-<version>-<system>-<machine>.tar.gz to hand out.
#
# It builds in a fresh virtual environment made from $PYTHON (default python3: 3.11 or newer, with a
# shared libpython, as python.org's and the distributions' builds are; pyenv needs
# PYTHON_CONFIGURE_OPTS=--enable-shared), so the bundle holds the package and its dependencies and
# nothing else a development environment happens to have. tools/bundle_pyinstaller.py runs
# PyInstaller with its PySide6 hooks and only the Qt modules bodymap uses (read it for what is left
# out and why). Needs network access to PyPI (or a pip cache / PIP_INDEX_URL).
# Environment: PYTHON, DIST (output folder, default dist/), KEEP_WORK=1 keeps the temporary folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
DIST="${DIST:-$ROOT/dist}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bodymap-bundle.XXXXXX")"
if [ "${KEEP_WORK:-}" = 1 ]; then trap 'echo "kept $WORK"' EXIT; else trap 'rm -rf "$WORK"' EXIT; fi
SECONDS=0

case "$(uname -s)" in
    Darwin) SYSTEM=macos; WINDOWED=(--windowed) ;;            # also makes dist/bodymap.app
    MINGW* | MSYS* | CYGWIN*) SYSTEM=windows; WINDOWED=() ;;  # a console program, so the commands print
    *) SYSTEM=linux; WINDOWED=() ;;
esac

echo "== a fresh virtual environment in $WORK (from $("$PYTHON" --version 2>&1))"
"$PYTHON" -m venv "$WORK/venv"
VPY="$WORK/venv/bin/python"
[ -x "$VPY" ] || VPY="$WORK/venv/Scripts/python.exe"
"$VPY" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$VPY" -m pip install --quiet --disable-pip-version-check "$ROOT[bundle]"   # bodymap and PyInstaller
ICON=()
if [ "$SYSTEM" != linux ]; then
    # PyInstaller turns the PNG into an .ico / .icns with Pillow (the Linux bundle takes its icon from
    # the desktop entry that install-desktop writes).
    "$VPY" -m pip install --quiet --disable-pip-version-check pillow
    ICON=(--icon "$ROOT/bodymap/icons/bodymap-512.png")
fi

echo "== PyInstaller"
# Run from the temporary folder, so PyInstaller analyses the installed package, not the checkout.
(cd "$WORK" && "$VPY" "$ROOT/tools/bundle_pyinstaller.py" "$WORK" "$DIST" ${WINDOWED[@]+"${WINDOWED[@]}"} ${ICON[@]+"${ICON[@]}"})
BUILT=$SECONDS

EXE="$DIST/bodymap/bodymap"
[ -x "$EXE" ] || EXE="$DIST/bodymap/bodymap.exe"
VERSION="$("$EXE" --version | awk '{print $2}')"
echo "== built bodymap $VERSION in ${BUILT} s: $DIST/bodymap ($(du -sh "$DIST/bodymap" | cut -f1))"
if [ "$SYSTEM" != windows ]; then
    ARCHIVE="$DIST/bodymap-$VERSION-$SYSTEM-$(uname -m).tar.gz"
    tar -C "$DIST" -czf "$ARCHIVE" bodymap
    echo "== archive: $ARCHIVE ($(du -sh "$ARCHIVE" | cut -f1))"
fi

bash "$ROOT/tools/bundle_smoke.sh" "$DIST/bodymap"
echo "== done in ${SECONDS} s (build ${BUILT} s, smoke test $((SECONDS - BUILT)) s)"
