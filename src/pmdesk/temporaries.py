"""pmdesk's own temporary files (an export or a backup being written), and removing those
a killed pmdesk left behind.

Each one is made beside its target (so the final move is one atomic rename), noted in a
small marker file in the data folder, and locked (`flock`) while it is written. At the
next start `remove_stale` deletes every noted file nobody holds any more, with the
`-journal` SQLite may have left beside it. Only files pmdesk noted are ever removed.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from pmdesk.paths import data_folder


def _markers() -> Path:
    return data_folder() / "pending-writes"


@contextlib.contextmanager
def temporary_beside(target: Path, suffix: str) -> Iterator[Path]:
    """A new temporary file `.<target name>.XXXX<suffix>` in the target's folder, noted
    and locked until the block ends; the file itself is removed then if still there.

    OSError if the folder cannot be written."""
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=suffix, dir=target.parent)
    temporary = Path(name)
    marker: Path | None = None
    if sys.platform == "win32":  # no lock there, and an open file cannot be renamed
        os.close(fd)
        fd = -1
    try:
        _lock(fd)
        with contextlib.suppress(OSError):  # no data folder: only the clean-up is lost
            _markers().mkdir(parents=True, exist_ok=True)
            marker = _markers() / f"{uuid.uuid4().hex}.txt"
            marker.write_text(str(temporary.absolute()), encoding="utf-8")
        yield temporary
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if fd >= 0:
            os.close(fd)
        if marker is not None:
            with contextlib.suppress(OSError):
                marker.unlink()


def remove_stale() -> list[Path]:
    """Delete the noted temporary files no running pmdesk is writing; returns them."""
    removed: list[Path] = []
    try:
        markers = list(_markers().glob("*.txt"))
    except OSError:
        return removed
    for marker in markers:
        try:
            temporary = Path(marker.read_text(encoding="utf-8").strip())
        except (OSError, UnicodeDecodeError):
            continue
        if temporary.exists() and _held(temporary):
            continue
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
        with contextlib.suppress(OSError):
            marker.unlink()
    return removed


def _lock(fd: int) -> None:
    if sys.platform != "win32":  # on Windows an open file cannot be deleted anyway
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _held(path: Path) -> bool:
    """True while another process (a pmdesk still writing) holds `path`'s lock."""
    if sys.platform == "win32":
        return False  # deleting it fails while it is open
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False
