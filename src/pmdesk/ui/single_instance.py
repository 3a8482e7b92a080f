"""One running pmdesk per database: a second launch brings the first window to the front.

Two windows on one file would each keep their own undo history and views of the data;
the local socket named after the database path lets a new launch hand over to the
window that already has the file open.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_ACTIVATE = b"activate\n"


def server_name(db_path: Path) -> str:
    """A name unique to this user and database file (sockets are per machine)."""
    key = f"{getpass.getuser()}:{Path(db_path).resolve()}".encode()
    return "pmdesk-" + hashlib.sha256(key).hexdigest()[:24]


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


class InstanceGuard(QObject):
    """Listens for later launches on the same database; emits `activation_requested`."""

    activation_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)
        self.db_path: Path | None = None

    def claim(self, db_path: Path) -> bool:
        """Become the instance for `db_path`; False if another running pmdesk has it."""
        if activate_running(db_path):
            return False
        self._server.close()
        name = server_name(db_path)
        if not self._server.listen(name):
            # A socket file left by a crashed pmdesk: nobody answered, so remove it.
            QLocalServer.removeServer(name)
            self._server.listen(name)
        self.db_path = db_path
        return True

    def release(self) -> None:
        self._server.close()
        self.db_path = None

    def _on_server_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.waitForReadyRead(500)
            if bytes(socket.readAll().data()).startswith(_ACTIVATE.strip()):
                self.activation_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()
