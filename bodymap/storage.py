"""Reading and writing user files so that nothing a person saved is ever lost or half-written.

A file is written to a temporary sibling, flushed to disk, then renamed over the old one:
a crash at any moment leaves either the old file or the new one, never a mix.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_json_model(path: Path, model: type[M]) -> tuple[M | None, str | None]:
    """Read a user's JSON file as ``model``: (value, None), (None, None) when there is no file,
    or (None, why) naming the file and the line or entry that is wrong. Never raises for bad content."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"{path}: cannot be read ({exc.__class__.__name__})"
    try:
        return model.model_validate(json.loads(raw)), None
    except json.JSONDecodeError as exc:
        return None, f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})"
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(file)"
        return None, f"{path}: entry '{where}': {first['msg']}"
