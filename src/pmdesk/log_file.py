"""pmdesk.log: a rotating log file that is opened at its first record.

Most starts log nothing, so the start does not import `logging.handlers` (with socket,
pickle and queue) before the data is on screen; the first record opens the file.
"""

from __future__ import annotations

import logging
from pathlib import Path


class LogFile(logging.Handler):
    """A `RotatingFileHandler` (1 MB, 3 old files) made when the first record comes."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None
        self._failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None and not self._failed:
            import logging.handlers

            try:
                self._file = logging.handlers.RotatingFileHandler(
                    self.path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
                )
            except OSError:
                self._failed = True  # a folder pmdesk cannot write in keeps no log
                return
            self._file.setFormatter(self.formatter)
        if self._file is not None:
            self._file.emit(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()
