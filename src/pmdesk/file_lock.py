"""An operating-system lock that says "a pmdesk has this database open".

The lock is taken on a small lock file named after the database file's identity (its
device and inode; on Windows its volume serial and file index), so every name of the
file (a hard link, a symlink, a path spelled differently) meets the same lock, and no
environment variable (TMPDIR, XDG_*) moves it: on Linux and macOS the lock files are in
a private folder in /tmp, on Windows in the user's local application data.

It is not a lock on the database file itself. SQLite locks that file with POSIX record
locks (on Windows, LockFileEx), and a second kind of lock on the same file is not
independent of them everywhere: on macOS and the BSDs a `flock` conflicts with SQLite's
own `fcntl` locks, NFS emulates `flock` as a whole-file `fcntl` lock, SMB makes byte
locks mandatory, and closing any other descriptor of the file drops a process's POSIX
locks. A separate file meets none of that. The lock goes with the process: a crashed
pmdesk holds nothing. Two users of one computer each have their own locks (a window
can only be brought to the front for its own user anyway).
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import os
import stat
import sys
from pathlib import Path


def file_identity(db_path: Path) -> str:
    """What every name of the file shares: device and inode (Windows: volume serial and
    file index); the resolved path where the file system gives no inode (or none yet)."""
    try:
        info = os.stat(db_path)
    except OSError:
        return str(Path(db_path).resolve())
    if info.st_ino == 0:  # some network file systems on Windows
        return str(Path(db_path).resolve())
    return f"{info.st_dev}:{info.st_ino}"


def lock_folder() -> Path:
    """Where the lock files are: a folder of this user's that no environment moves."""
    if sys.platform == "win32":
        from pmdesk.paths import data_folder

        return data_folder() / "locks"
    return Path("/tmp") / f"pmdesk-{os.getuid()}"


def lock_file(db_path: Path) -> Path:
    key = f"{getpass.getuser()}:{file_identity(db_path)}".encode()
    return lock_folder() / f"{hashlib.sha256(key).hexdigest()[:32]}.lock"


class DatabaseLock:
    """The lock of one database file; `acquire` is False while another process holds it."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._fd: int | None = None
        self._identity = ""

    @property
    def held(self) -> bool:
        return self._fd is not None

    @property
    def moved(self) -> bool:
        """True if another file has the name now (a recovery put a backup in its place)."""
        return self.held and file_identity(self.db_path) != self._identity

    def acquire(self) -> bool:
        """Take the lock; True if held now, False if another process holds it.

        A file that does not exist yet has no identity: True, not `held`; call again
        once the file is made. A special file (a FIFO) or one that cannot be examined is
        not locked either: opening it as a database says why."""
        if self._fd is not None:
            return True
        try:
            if not stat.S_ISREG(os.stat(self.db_path).st_mode):
                return True
            identity = file_identity(self.db_path)
            fd = _open_lock_file(lock_file(self.db_path))
        except OSError:
            return True
        if not _try_lock(fd):
            os.close(fd)
            return False
        self._fd, self._identity = fd, identity
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        _unlock(fd)
        os.close(fd)


def _open_lock_file(path: Path) -> int:
    """The lock file, made if needed, in a folder only this user may use."""
    folder = path.parent
    if sys.platform == "win32":
        folder.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder, 0o700)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise PermissionError(f"{folder} is not this user's folder")  # someone else's: no lock
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW
    fd = os.open(path, flags, 0o600)
    os.utime(fd)  # fresh, so a /tmp cleaner that ages files leaves it
    return fd


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


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)
