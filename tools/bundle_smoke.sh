#!/usr/bin/env bash
# Smoke-test a built bundle: run its program the ways a person and a script do, away from the
# checkout and from any Python, and fail loudly on the first thing that does not work.
#
#   bash tools/bundle_smoke.sh [dist/bodymap]
#
# Called at the end of tools/build_bundle.sh. Draws offscreen (QT_QPA_PLATFORM=offscreen), with a
# private config and cache folder, so it needs no display and touches none of the person's files.
set -euo pipefail

BUNDLE="$(cd "${1:-dist/bodymap}" && pwd)"
EXE="$BUNDLE/bodymap"
[ -x "$EXE" ] || EXE="$BUNDLE/bodymap.exe"
[ -x "$EXE" ] || { echo "bundle_smoke: no bodymap program in $BUNDLE" >&2; exit 1; }
OUT="$(mktemp -d "${TMPDIR:-/tmp}/bodymap-smoke.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT
cd "$OUT"
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV
export QT_QPA_PLATFORM=offscreen BODYMAP_CONFIG_DIR="$OUT/config" BODYMAP_CACHE_DIR="$OUT/cache"

fail() {
    echo "bundle_smoke: FAILED: $*" >&2
    exit 1
}

# A PNG file of at least MIN_BYTES whose picture is at least MIN_SIDE pixels each way.
check_png() {
    local file=$1 min_bytes=$2 min_side=$3
    [ -s "$file" ] || fail "$file was not written"
    local size
    size=$(wc -c < "$file")
    [ "$size" -ge "$min_bytes" ] || fail "$file is only $size bytes"
    [ "$(od -An -tx1 -N8 "$file" | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$file is not a PNG"
    local b w h
    read -r -a b <<< "$(od -An -tu1 -j16 -N8 "$file")"
    w=$(((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]))
    h=$(((b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7]))
    [ "$w" -ge "$min_side" ] && [ "$h" -ge "$min_side" ] || fail "$file is only ${w}x${h}"
    echo "   $file: ${w}x${h}, $size bytes"
}

echo "== $EXE --version"
version="$("$EXE" --version)"
echo "   $version"
[[ $version == "bodymap "* ]] || fail "--version printed '$version'"

echo "== validate (the shipped data and diagrams)"
"$EXE" validate

echo "== query thigh_outer:left"
ranking="$("$EXE" query thigh_outer:left)"
printf '%s\n' "$ranking" | sed -n '1,4p'
"$EXE" query thigh_outer:left --json | grep -q '"gluteus_minimus"' || fail "query did not rank gluteus minimus"

echo "== render --select thigh_outer:left --output x.png"
"$EXE" render --select thigh_outer:left --output "$OUT/x.png"
check_png "$OUT/x.png" 20000 300

echo "== snapshot --output y.png (the real window, offscreen)"
"$EXE" snapshot --output "$OUT/y.png"
check_png "$OUT/y.png" 20000 600

if [ "$(uname -s)" = Linux ]; then
    echo "== install-desktop / --remove into a private XDG_DATA_HOME"
    export XDG_DATA_HOME="$OUT/share"
    "$EXE" install-desktop > "$OUT/install.txt"
    entry="$XDG_DATA_HOME/applications/io.github.bodymap.Bodymap.desktop"
    grep '^Exec=' "$entry" | grep -qF "$EXE" || fail "the entry does not start $EXE: $(grep '^Exec=' "$entry")"
    [ -s "$XDG_DATA_HOME/icons/hicolor/256x256/apps/io.github.bodymap.Bodymap.png" ] || fail "no icon installed"
    if command -v desktop-file-validate > /dev/null; then desktop-file-validate "$entry" || fail "invalid entry"; fi
    "$EXE" install-desktop --remove > /dev/null
    [ ! -e "$entry" ] || fail "--remove left $entry"
    echo "   ok: $(grep -c '^wrote' "$OUT/install.txt") files written and removed"
fi
echo "== bundle smoke test passed"
