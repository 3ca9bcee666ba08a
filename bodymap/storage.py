"""Reading and writing the files a person owns, so that nothing they saved is lost or half-written.

Reading goes through one guard: only a regular file is read (a FIFO, a device or a folder is
refused without blocking), up to a size cap, with a UTF-8 byte-order mark accepted, nesting and
number sizes bounded, and every failure turned into one line that names the file. Writing goes
to a temporary sibling that is flushed and renamed over the old file, so a crash leaves either
the old file or the new one. Saving merges: the file is read again and only what this process
changed is written over it, so two windows, or a window and ``bodymap kiosk-setup``, never
undo each other's edits. A file written by a newer version of bodymap is never rewritten.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)

USER_FILE_BYTES = 4 * 1024 * 1024
"""The largest settings or notes file bodymap reads (a notes file of 4,000 full notes is ~2 MB)."""
MAX_DEPTH = 32
"""The deepest nesting of lists and objects a user file may have (ours need 4)."""
STALE_TEMP_SECONDS = 60
"""A temporary file from a save older than this was left by a killed process."""
_MISSING = object()


class FileProblem(Exception):
    """A file that cannot be used, as one line naming it and what is wrong."""


class FileKept(FileProblem):
    """Saving is refused: the file on disk could not be read (or is newer) and is kept as it is."""


def show(text: object) -> str:
    """User-supplied text made safe for a one-line message: control characters shown escaped."""
    out = []
    for char in str(text):
        code = ord(char)
        out.append(char if code >= 32 and code != 127 and not 0x80 <= code < 0xA0 else f"\\x{code:02x}")
    return "".join(out)


def read_bytes(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of a regular file, None when there is no file; FileProblem for anything else.

    The file is opened without blocking, so a FIFO (or a device) named like a user file is
    refused instead of freezing the app, and at most ``max_bytes`` are read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        if os.path.lexists(path):
            raise FileProblem(f"{show(path)}: is a link to a file that does not exist") from None
        return None
    except OSError as exc:
        raise FileProblem(f"{show(path)}: cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise FileProblem(f"{show(path)}: is {kind}")
        if info.st_size > max_bytes:
            raise FileProblem(f"{show(path)}: {info.st_size} bytes is more than the {max_bytes} bytes allowed")
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise FileProblem(f"{show(path)}: is more than the {max_bytes} bytes allowed")
        return b"".join(chunks)
    except OSError as exc:
        raise FileProblem(f"{show(path)}: cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    finally:
        os.close(fd)


def decode(raw: bytes, path: Path) -> str:
    """UTF-8 text, with the byte-order mark some editors write (Windows Notepad) accepted."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(f"{show(path)}: is not UTF-8 text (byte {exc.start})") from None


def nesting_depth(text: str, limit: int) -> int:
    """How deeply brackets nest outside strings, counting no further than ``limit + 1``."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def parse_json(text: str, path: Path) -> Any:
    """JSON with its size of work bounded: nesting, number length; errors as one line."""
    if nesting_depth(text, MAX_DEPTH) > MAX_DEPTH:
        raise FileProblem(f"{show(path)}: nests lists or objects more than {MAX_DEPTH} deep")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileProblem(f"{show(path)}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    except (ValueError, RecursionError, MemoryError) as exc:  # e.g. Python's limit on integer digits
        raise FileProblem(f"{show(path)}: cannot be read as JSON ({show(str(exc)[:120])})") from None


def read_json_model(path: Path, model: type[M], version: int | None = None) -> tuple[M | None, str | None]:
    """Read a user's JSON file as ``model``: (value, None), (None, None) when there is no file, or
    (None, why) naming the file and the entry that is wrong. Never raises for bad content.

    With ``version``, a file whose ``schema_version`` is newer is refused (it was written by a newer
    bodymap, and reading it as this version would lose what it holds)."""
    try:
        raw = read_bytes(path, USER_FILE_BYTES)
        if raw is None:
            return None, None
        data = parse_json(decode(raw, path), path)
    except FileProblem as exc:
        return None, str(exc)
    if version is not None and isinstance(data, dict):
        found = data.get("schema_version", 1)
        if isinstance(found, int) and not isinstance(found, bool) and found > version:
            return None, (
                f"{show(path)}: was written by a newer version of bodymap (format {found}; "
                f"this version reads up to {version})"
            )
    try:
        return model.model_validate(data), None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(file)"
        return None, f"{show(path)}: entry '{show(where)}': {first['msg']}"


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


def remove_stale_temporaries(path: Path) -> None:
    """Delete what a save killed half way left beside ``path`` (the file itself is always whole)."""
    now = time.time()
    try:
        for temporary in path.parent.glob(f".{path.name}.*.tmp"):
            if now - temporary.lstat().st_mtime > STALE_TEMP_SECONDS:
                temporary.unlink(missing_ok=True)
    except OSError:
        pass  # a folder we cannot list or clean: nothing to lose by leaving it


def apply_changes(disk: dict, base: dict, mine: dict, containers: Iterable[str] = ()) -> dict:
    """``disk`` with what differs between ``base`` (what this process read) and ``mine`` (what it
    holds now) applied on top; keys nobody here touched keep the value on disk. Keys named in
    ``containers`` hold objects merged entry by entry (the notes, by muscle)."""
    nested = set(containers)
    out = dict(disk)
    for key in base.keys() | mine.keys():
        before, after = base.get(key, _MISSING), mine.get(key, _MISSING)
        if before == after:
            continue
        if key in nested and isinstance(after, dict) and isinstance(out.get(key), dict):
            out[key] = apply_changes(out[key], before if isinstance(before, dict) else {}, after)
        elif after is _MISSING:
            out.pop(key, None)
        else:
            out[key] = after
    return out


def save_merged(path: Path, model: type[M], base: M, mine: M, version: int, containers: Iterable[str] = ()) -> M:
    """Write ``mine`` over ``path``, keeping every change made to the file since ``base`` was read by
    anyone else; returns what is now on disk (the next save's ``base``). FileKept when the file on
    disk cannot be read or is newer: it is never written over."""
    on_disk, problem = read_json_model(path, model, version)
    if problem:
        raise FileKept(f"{problem}; it is kept as it is: fix or remove it to save")
    disk = on_disk.model_dump(mode="json") if on_disk is not None else {}
    before = base.model_dump(mode="json")
    merged = model.model_validate(apply_changes(disk, before, mine.model_dump(mode="json"), containers))
    write_atomically(path, merged.model_dump_json(indent=2) + "\n")
    return merged
