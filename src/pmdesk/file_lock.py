"""An operating-system lock that says "a pmdesk has this database open".

On Linux and macOS it is a `flock` on the database file itself, so every name of the
file (a hard link, a symlink, a path spelled differently) meets the same lock, and no
environment variable (TMPDIR) changes where it is. `flock` locks are separate from the
POSIX record locks SQLite takes; but closing any descriptor of the file would drop those,
so a released lock's descriptor stays open until the process ends. On Windows, where
locks are mandatory and would block SQLite's own reads, it is a lock on a `.lock` file
beside the database. The lock goes with the process: a crashed pmdesk holds nothing.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

#: Descriptors of released locks: never closed while SQLite may hold the same file.
_retired: list[int] = []


class DatabaseLock:
    """The lock of one database file; `acquire` is False while another process holds it."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock; True if held now, False if another process holds it.

        A file that does not exist yet cannot be locked (on Linux): True, not `held`;
        call again once the file is made."""
        if self._fd is not None:
            return True
        try:
            fd = self._open()
        except FileNotFoundError:
            return True
        except OSError:
            return True  # unreadable here: opening the database will say why
        if not _try_lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if sys.platform == "win32":
            import msvcrt

            with contextlib.suppress(OSError):
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            os.close(fd)
            return
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)
        _retired.append(fd)

    def _open(self) -> int:
        if sys.platform == "win32":
            lock_file = self.db_path.with_name(self.db_path.name + ".lock")
            return os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
        if not stat.S_ISREG(os.stat(self.db_path).st_mode):
            raise OSError(f"{self.db_path} is not a regular file")  # a FIFO would block
        return os.open(self.db_path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
