"""One running pmdesk per database: a second launch brings the first window to the front.

Two windows on one file would each keep their own undo history and views of the data.
Who has the file is decided by an operating-system lock keyed on the file's identity
(`pmdesk.file_lock`), so hard links, symlinks and TMPDIR do not matter; a local socket
named after the same identity (in a fixed folder, not TMPDIR) lets a new launch hand
over to the window that already has it. QtNetwork is loaded only to listen or to call:
the app's start listens once its data is on screen (`claim(..., listen=False)`).
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from pmdesk.file_lock import DatabaseLock, file_identity

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

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
    name = server_name(db_path)
    if sys.platform != "win32" and not os.path.exists(name):
        return False  # nobody listens: no socket file (a named pipe on Windows)
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
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
        self._server: QLocalServer | None = None  # made when it first listens
        self.db_path: Path | None = None
        self._lock = DatabaseLock(Path())

    def claim(self, db_path: Path, *, listen: bool = True) -> bool:
        """Become the instance for `db_path`; False if another running pmdesk has it
        (it is asked to come to the front). Without `listen`, later launches are heard
        once `listen()` is called (until then they only find the file taken)."""
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
        self.db_path = db_path
        if listen:
            self._listen(db_path)
        else:
            self._close_server()
        return True

    def listen(self) -> None:
        """Hear later launches on the claimed file (each is told to come to the front)."""
        if self.db_path is not None and (self._server is None or not self._server.isListening()):
            self._listen(self.db_path)

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
        self._close_server()
        self._release_lock()
        self.db_path = None

    def _close_server(self) -> None:
        if self._server is not None:
            self._server.close()

    def _listen(self, db_path: Path) -> None:
        from PySide6.QtNetwork import QLocalServer

        if self._server is None:
            self._server = QLocalServer(self)
            self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            self._server.newConnection.connect(self._on_server_new_connection)
        self._server.close()
        name = server_name(db_path)
        if not self._server.listen(name):
            # A socket file left by a crashed pmdesk: nobody answered, so remove it.
            QLocalServer.removeServer(name)
            self._server.listen(name)

    def _release_lock(self) -> None:
        self._lock.release()

    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.waitForReadyRead(500)
            if bytes(socket.readAll().data()).startswith(_ACTIVATE.strip()):
                self.activation_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()
