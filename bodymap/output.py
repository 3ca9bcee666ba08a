"""Where bodymap may write a file a person asked for (a PNG, an SVG, a PDF handout): checked before
any work, written beside the target and renamed over it only once the writing is known to have
worked, so a failure is one clear line and never a half-written file or a false "wrote".

Qt-free: the command line checks the path before Qt loads; :mod:`bodymap.ui.output` does the writing.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bodymap.i18n import _
from bodymap.storage import show


class OutputProblem(Exception):
    """An output file that cannot be written, as one line naming it."""


def check_output(path: Path, suffixes: tuple[str, ...]) -> Path:
    """The absolute path to write, or OutputProblem saying why it cannot be written."""
    shown = show(path)
    if path.suffix.lower() not in suffixes:
        raise OutputProblem(
            _("output '{path}' must end in {suffixes}").format(path=shown, suffixes=", ".join(suffixes))
        )
    try:
        target = path.expanduser().absolute()
        name_max = os.pathconf(target.parent, "PC_NAME_MAX") if target.parent.exists() else 255
    except (OSError, ValueError):
        name_max = 255
    if len(os.fsencode(target.name)) > name_max:
        raise OutputProblem(
            _("output '{path}': the file name is longer than the {count} bytes allowed").format(
                path=shown, count=name_max
            )
        )
    parent = target.parent
    try:
        info = parent.stat()
    except FileNotFoundError:
        raise OutputProblem(
            _("output '{path}': the folder '{folder}' does not exist").format(path=shown, folder=show(parent))
        ) from None
    except OSError as exc:
        raise OutputProblem(
            _("output '{path}': the folder cannot be used ({why})").format(path=shown, why=exc.strerror or exc)
        ) from None
    if not stat.S_ISDIR(info.st_mode):
        raise OutputProblem(_("output '{path}': '{folder}' is not a folder").format(path=shown, folder=show(parent)))
    try:  # the only sure test of a folder (permissions, a read-only or special file system, root)
        fd, probe = tempfile.mkstemp(prefix=".bodymap-", suffix=".probe", dir=parent)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputProblem(
            _("output '{path}': the folder '{folder}' is not writable ({why})").format(
                path=shown, folder=show(parent), why=exc.strerror or exc
            )
        ) from None
    try:
        existing = os.lstat(target)
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise OutputProblem(
            _("output '{path}': cannot be used ({why})").format(path=shown, why=exc.strerror or exc)
        ) from None
    if stat.S_ISLNK(existing.st_mode):
        raise OutputProblem(_("output '{path}': is a link; give the path of the file itself").format(path=shown))
    if not stat.S_ISREG(existing.st_mode):
        raise OutputProblem(_("output '{path}': is a folder or a special file, not a file").format(path=shown))
    return target


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to; renamed over it when the block ends well and
    the file is not empty, removed otherwise. OutputProblem for any failure."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix, dir=target.parent)
    except OSError as exc:
        raise OutputProblem(
            _("output '{path}': cannot be written ({why})").format(path=show(target), why=exc.strerror or exc)
        ) from None
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        if temporary.stat().st_size == 0:
            raise OutputProblem(_("output '{path}': nothing was written").format(path=show(target)))
        os.replace(temporary, target)
    except OSError as exc:
        raise OutputProblem(
            _("output '{path}': cannot be written ({why})").format(path=show(target), why=exc.strerror or exc)
        ) from None
    finally:
        temporary.unlink(missing_ok=True)
