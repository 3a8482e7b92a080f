"""Colleagues' changes on a team server appear without a restart (LISTEN/NOTIFY).

Each project has its own channel, whose name only its members can read; the listener
follows the projects the role is on (again when membership changes, and every half
minute, for projects created or joined since)."""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal


class ChangeListener(QObject):
    """Emits `changed` with the tables other sessions changed, a moment after they commit
    (bursts are gathered, so a colleague's import refreshes the view once)."""

    changed = Signal(frozenset)

    def __init__(self, server: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from pmdesk import db_server

        self._server = db_server
        self._connection, self._own_pid = db_server.listen(server)
        self._pending: set[str] = set()
        self._notifier = QSocketNotifier(self._connection.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)
        self._gather = QTimer(self, singleShot=True, interval=300)
        self._gather.timeout.connect(self._on_gathered)
        self._follow = QTimer(self, interval=30_000)
        self._follow.timeout.connect(self._on_follow)
        self._follow.start()

    def _on_readable(self) -> None:
        try:
            self._pending |= self._server.heard(self._connection, self._own_pid)
        except Exception as exc:  # the server went away: stop listening, keep working
            logging.getLogger(__name__).warning("stopped hearing changes: %s", exc)
            self.close()
            return
        if self._pending:
            self._gather.start()

    def _on_follow(self) -> None:
        try:
            self._server.follow_projects(self._connection)
        except Exception as exc:
            logging.getLogger(__name__).warning("stopped hearing changes: %s", exc)
            self.close()

    def _on_gathered(self) -> None:
        tables, self._pending = frozenset(self._pending), set()
        self.changed.emit(tables)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        self._gather.stop()
        self._follow.stop()
        self._pending.clear()
        with contextlib.suppress(Exception):  # already gone
            self._connection.close()
