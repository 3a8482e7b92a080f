"""Autosave of a text box into a draft, and the draft offered back after a crash."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from pmdesk.services import drafts

#: Milliseconds after the last key: "nothing typed is lost but the last second".
AUTOSAVE_MS = 700


class DraftKeeper(QObject):
    """Saves what is typed in `box` as the draft `key()` names, a moment after each key.

    The owner calls `restore()` after showing a record's saved text (it puts an unsaved
    draft back and returns True) and `discard()` once the text is saved for real.
    `key()` returns None while the box shows nothing that can be saved.
    """

    def __init__(
        self,
        box: QPlainTextEdit | QLineEdit,
        key: Callable[[], str | None],
        project_id: Callable[[], int | None],
    ) -> None:
        super().__init__(box)
        self._box = box
        self._key = key
        self._project_id = project_id
        self._restoring = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)
        box.textChanged.connect(self._on_box_text_changed)

    def _text(self) -> str:
        box = self._box
        return box.toPlainText() if isinstance(box, QPlainTextEdit) else box.text()

    def _on_box_text_changed(self, *_args: object) -> None:
        if not self._restoring and self._key() is not None:
            self._timer.start()

    def save_now(self) -> None:
        key = self._key()
        if key is not None:
            drafts.save(key, self._text(), self._project_id())

    def restore(self) -> bool:
        """Put back the draft of the current key, if it differs from what is shown."""
        self._timer.stop()
        key = self._key()
        draft = drafts.load(key) if key is not None else None
        if draft is None or draft.text == self._text():
            return False
        self._restoring = True
        try:
            if isinstance(self._box, QPlainTextEdit):
                self._box.setPlainText(draft.text)
            else:
                self._box.setText(draft.text)
        finally:
            self._restoring = False
        return True

    def discard(self) -> None:
        self._timer.stop()
        key = self._key()
        if key is not None:
            drafts.discard(key)
