"""Writing export files safely: all of the file or none of it, with a clear message.

A client file is written to a temporary file in the target folder and moved over the
target in one step, so a crash, a full disk or a target open in Word never leaves a
half-written file, and an existing file is only replaced by a complete one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from pmdesk.temporaries import temporary_beside


class ExportProblem(Exception):
    """An export that could not be written; the message says why, and what to try."""


class ProtectedTarget(ExportProblem):
    """The target is the open database, one of its own files, or in its backup folder."""


def write_atomically(target: Path, write: Callable[[Path], object]) -> Path:
    """Call `write(temporary_path)`, then move the result over `target`."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ExportProblem(f"{target} is a folder: give the file a name")
    if not folder.is_dir():
        raise ExportProblem(f"Cannot write {target}: the folder {folder} does not exist")
    refuse_protected(target)
    try:
        with temporary_beside(target, target.suffix) as temporary:
            try:
                write(temporary)
                # mkstemp makes the file private (0600): give it the mode a new file would
                # have, or the one of the file it replaces.
                os.chmod(temporary, _mode_for(target))
                os.replace(temporary, target)
            except PermissionError as exc:
                raise ExportProblem(
                    f"Cannot replace {target}: it may be open in another program (Word, "
                    f"Excel). Close it, or save under another name such as "
                    f"{alternative_name(target).name}"
                ) from exc
            except OSError as exc:
                raise ExportProblem(f"Cannot write {target}: {exc.strerror or exc}") from exc
    except OSError as exc:  # the temporary file itself could not be made
        raise ExportProblem(
            f"Cannot write in {folder} ({exc.strerror or exc}); choose another folder"
        ) from exc
    return target


def refuse_protected(target: Path) -> None:
    """Never the open database, its -wal/-shm/-journal or its backup folder."""
    from pmdesk import db

    try:
        db.refuse_protected_target(target)
    except db.DatabaseProblem as problem:
        raise ProtectedTarget(str(problem)) from None


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def alternative_name(target: Path) -> Path:
    """The first free name of the form 'name (2).ext' beside `target`."""
    for number in range(2, 1000):
        candidate = target.with_name(f"{target.stem} ({number}){target.suffix}")
        if not candidate.exists():
            return candidate
    return target.with_name(f"{target.stem} (new){target.suffix}")
