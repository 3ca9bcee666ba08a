"""Start a translation: write, for each English data file named, its overlay for a language with
every text field in place (still in English), in the layout bodymap reads (see
bodymap/knowledge/overlay.py). The translator then replaces each English text by its translation.

    python tools/overlay_skeleton.py es data/muscles/gluteus_medius.toml data/regions.toml

An existing overlay file is never overwritten. When the pass is done, `bodymap translations`
says what is still missing and `bodymap translations --stamp es` records what was translated from.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bodymap.knowledge.languages import LANG_FOLDER, kind_of  # noqa: E402
from bodymap.knowledge.overlay import ENTRIES, TEXT_FIELDS  # noqa: E402

DATA = ROOT / "data"


def _string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's; non-ASCII letters stay as they are)."""
    return json.dumps(text, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, str):
        return _string(value)
    items = ",\n".join(f"  {_string(v)}" for v in value)
    return f"[\n{items},\n]"


def _fields(kind: str, record: dict[str, Any], keys: tuple[str, ...]) -> list[str]:
    lines = [f"{key} = {_string(record[key])}" for key in keys if isinstance(record.get(key), str)]
    for name in TEXT_FIELDS[kind]:
        value = record.get(name)
        if value in (None, "", []):
            continue
        lines.append(f"{name} = {_value(value)}")
    return lines


def skeleton(kind: str, record: dict[str, Any]) -> str:
    lines = _fields(kind, record, ("id",) if kind == "muscle" else ())
    for name, (entry_kind, key) in ENTRIES.get(kind, {}).items():
        for item in record.get(name, []):
            texts = [n for n in TEXT_FIELDS[entry_kind] if item.get(n) not in (None, "", [])]
            if not texts:
                continue  # nothing to translate (a referral without a 'why')
            lines += ["", f"[[{name}]]", *_fields(entry_kind, item, (key,) if key else ())]
    return "\n".join(lines).lstrip("\n") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", help="language code, e.g. es")
    parser.add_argument("files", nargs="+", type=Path, help="English data files under data/")
    args = parser.parse_args()
    for path in args.files:
        relative = path.resolve().relative_to(DATA).as_posix()
        kind = kind_of(relative)
        if kind is None:
            print(f"{path}: not a file that has an overlay (muscles/*.toml, regions.toml, safety.toml, views.toml)")
            return 2
        target = DATA / LANG_FOLDER / args.language / relative
        if target.exists():
            print(f"{target}: exists, left as it is")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(skeleton(kind, tomllib.loads(path.read_text(encoding="utf-8"))), encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
