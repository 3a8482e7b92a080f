"""One running pmdesk per database: a second launch brings the first window to the front.

Two windows on one file would each keep their own undo history and views of the data.
Who has the file is decided by an operating-system lock keyed on the file's identity
(`pmdesk.file_lock`), so hard links, symlinks and TMPDIR do not matter; a local socket
named after the same identity (in a fixed folder, not TMPDIR) lets a new launch hand
over to the window that already has it.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from pmdesk.file_lock import DatabaseLock, file_identity

_ACTIVATE = b"activate\n"


def server_name(db_path: Path) -> str:
    """A name unique to this user and database file (sockets are per machine).

    The file's device and inode when it exists (every link to it gets the same name);
    on Linux and macOS a full path in /tmp, so TMPDIR does not move it."""
    key = f"{getpass.getuser()}:{file_identity(db_path)}".encode()
    name = "pmdesk-" + hashlib.sha256(key).hexdigest()[:24]
    return name if sys.platform == "win32" else f"/tmp/{name}"


def activate_running(db_path: Path, timeout_ms: int = 800) -> bool:
    """Ask a pmdesk that has `db_path` open to come to the front; False if none does."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(_ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


class InstanceGuard(QObject):
    """Listens for later launches on the same database; emits `activation_requested`."""

    activation_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)
        self.db_path: Path | None = None
        self._lock = DatabaseLock(Path())

    def claim(self, db_path: Path) -> bool:
        """Become the instance for `db_path`; False if another running pmdesk has it
        (it is asked to come to the front)."""
        if self.db_path is not None and _same_file(self.db_path, db_path):
            return True
        lock = DatabaseLock(db_path)
        if not lock.acquire():
            activate_running(db_path)
            return False
        if activate_running(db_path):  # an older pmdesk, which only listens
            lock.release()
            return False
        self._release_lock()
        self._lock = lock
        self._listen(db_path)
        self.db_path = db_path
        return True

    def hold(self) -> None:
        """Lock the file now that it exists (a new database did not at `claim`), or anew
        when another file took its name (a recovery puts a backup in its place)."""
        if self.db_path is None or (self._lock.held and not self._lock.moved):
            return
        lock = DatabaseLock(self.db_path)
        if lock.acquire() and lock.held:
            self._release_lock()
            self._lock = lock
            self._listen(self.db_path)

    def release(self) -> None:
        self._server.close()
        self._release_lock()
        self.db_path = None

    def _listen(self, db_path: Path) -> None:
        self._server.close()
        name = server_name(db_path)
        if not self._server.listen(name):
            # A socket file left by a crashed pmdesk: nobody answered, so remove it.
            QLocalServer.removeServer(name)
            self._server.listen(name)

    def _release_lock(self) -> None:
        self._lock.release()

    def _on_server_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.waitForReadyRead(500)
            if bytes(socket.readAll().data()).startswith(_ACTIVATE.strip()):
                self.activation_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()
