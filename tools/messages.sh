#!/usr/bin/env bash
# The message catalogues (GNU gettext, with Babel): extract every _(), n_() and p_() of bodymap into
# the template, bring each language's catalogue up to date with it, and compile them for the app.
#   bash tools/messages.sh            extract, update, compile
#   bash tools/messages.sh init LANG  start a new language (then translate bodymap/locale/LANG/LC_MESSAGES/bodymap.po)
# Run it after changing any user-visible sentence; tests/test_catalogue.py fails while a catalogue is behind.
set -euo pipefail
cd "$(dirname "$0")/.."
locale=bodymap/locale
template=$locale/bodymap.pot
pybabel extract --no-default-keywords -k _ -k n_:1,2 -k p_:1c,2 --add-comments=Translators: \
    --project=bodymap --copyright-holder="bodymap developers" --msgid-bugs-address="" \
    --omit-header --sort-by-file -o "$template" bodymap >/dev/null 2>&1
if [ "${1:-}" = "init" ]; then
    pybabel init -i "$template" -d "$locale" -D bodymap -l "$2"
fi
for catalogue in "$locale"/*/LC_MESSAGES/bodymap.po; do
    [ -e "$catalogue" ] || continue
    language=$(basename "$(dirname "$(dirname "$catalogue")")")
    pybabel update -i "$template" -d "$locale" -D bodymap -l "$language" --no-fuzzy-matching --ignore-obsolete >/dev/null
done
pybabel compile -d "$locale" -D bodymap --statistics
