"""Fill untranslated messages of a catalogue from a TOML table of translations (msgid = "translation"),
so a translator can hand over a short file for the messages added since the last pass.

    python tools/fill_po.py es new-messages.toml && bash tools/messages.sh
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parent.parent / "bodymap" / "locale"


def main() -> int:
    language, table = sys.argv[1], Path(sys.argv[2])
    path = LOCALE / language / "LC_MESSAGES" / "bodymap.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    given = tomllib.loads(table.read_text(encoding="utf-8"))
    filled = 0
    for message in catalogue:
        if message.id in given:
            text = given[message.id]
            message.string = tuple([text] * len(message.string)) if isinstance(message.string, tuple) else text
            message.flags.discard("fuzzy")
            filled += 1
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=100)
    unknown = set(given) - {m.id for m in catalogue}
    print(f"filled {filled} messages in {path}" + (f"; not in the catalogue: {sorted(unknown)}" if unknown else ""))
    return 1 if unknown else 0


if __name__ == "__main__":
    sys.exit(main())
