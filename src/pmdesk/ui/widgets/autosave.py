"""Autosave of a text box into a draft, and the draft offered back after a crash."""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from pmdesk.services import drafts

#: A draft is written this long after the first change since the last write, however
#: steadily the typing goes on: so at most this long after the last key, and at least
#: this often while typing continues ("nothing typed is lost but the last second"; a
#: timer restarted on every key never fires for someone typing without a pause).
AUTOSAVE_MS = 500


class Waiting(Protocol):
    """Something that holds what is not saved yet (typed text, a running time)."""

    def flush(self) -> bool:
        """Save it now; True if there was anything."""
        ...


#: Everything alive that may hold what is not saved yet, so that it is saved before the
#: database it belongs to closes (`flush_all`).
_LIVE: weakref.WeakSet[Waiting] = weakref.WeakSet()


def save_before_closing(waiting: Waiting) -> None:
    """Have `flush_all` save what `waiting` holds (kept only as long as it lives)."""
    _LIVE.add(waiting)


def flush_all() -> int:
    """Save now whatever waits to be saved, in the database it was typed for: the window
    calls it before it closes or switches the database (a timer firing after the switch
    would write one database's text into another). Returns how many saves ran."""
    saved = 0
    for waiting in list(_LIVE):
        try:
            saved += waiting.flush()
        except RuntimeError:  # its Qt object is gone with its widget: nothing waits
            continue
    return saved


class Throttle(QObject):
    """Calls `save` `AUTOSAVE_MS` after the first change since the last call (a throttle,
    not a debounce: later changes do not push the call back)."""

    def __init__(
        self, save: Callable[[], object], parent: QObject, interval_ms: int = AUTOSAVE_MS
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        save_before_closing(self)

    def changed(self) -> None:
        """Something to save changed: save it within the interval."""
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> bool:
        """Save now what is waiting (switching records, closing); True if anything was."""
        if not self._timer.isActive():
            return False
        self._timer.stop()
        self._save()
        return True

    def stop(self) -> None:
        """Nothing to save after all (the text was saved for real)."""
        self._timer.stop()

    def isActive(self) -> bool:
        return self._timer.isActive()

    def _on_timer_timeout(self) -> None:
        self._save()


class DraftKeeper(QObject):
    """Saves what is typed in `box` as the draft `key()` names, within `AUTOSAVE_MS`.

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
        #: What the timer will write: the key, text and project as they were when typed
        #: (the box may show another record, or another database be open, by then).
        self._waiting: tuple[str, str, int | None] | None = None
        self._timer = Throttle(self._save_waiting, self)
        box.textChanged.connect(self._on_box_text_changed)

    def _text(self) -> str:
        box = self._box
        return box.toPlainText() if isinstance(box, QPlainTextEdit) else box.text()

    def _on_box_text_changed(self, *_args: object) -> None:
        if self._restoring:
            return
        key = self._key()
        if self._waiting is not None and self._waiting[0] != key:
            self._timer.flush()  # the box shows another record: keep what was typed for it
        if key is not None:
            self._waiting = (key, self._text(), self._project_id())
            self._timer.changed()

    def _save_waiting(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            drafts.save(*waiting)

    def save_now(self) -> None:
        """Save what the box shows now, as the draft of the record it shows."""
        self._timer.stop()
        self._waiting = None
        key = self._key()
        if key is not None:
            drafts.save(key, self._text(), self._project_id())

    def restore(self) -> bool:
        """Put back the draft of the current key, if it differs from what is shown."""
        self._timer.stop()  # the owner just showed the record's saved text
        self._waiting = None
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
        self._waiting = None
        key = self._key()
        if key is not None:
            drafts.discard(key)


_ATTACHED = "pmdeskDraftsAttached"


class DialogDrafts(QObject):
    """Every dialog's text boxes autosaved, and offered back if the app died mid-dialog.

    Installed once on the application. A dialog's boxes are keyed by the dialog's class,
    title and the box's place in it; a draft is only put back into a box that opens with
    the same text it had when the typing started (so a draft made while editing one step
    never lands in another). Closing the dialog, with OK or Cancel, ends its drafts.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and not isinstance(watched, (QMessageBox, QFileDialog))
        ):
            self.on_dialog_shown(watched)
        return False

    def on_dialog_shown(self, dialog: QDialog) -> None:
        """Attach the drafts of a dialog shown for the first time. The app calls it from
        its one dialog filter (`forms.DialogFocus.on_show`), not as a filter of its own."""
        if not dialog.property(_ATTACHED):
            dialog.setProperty(_ATTACHED, True)
            self._attach(dialog)

    def _attach(self, dialog: QDialog) -> None:
        keepers: list[BoxDraft] = []
        found: list[QLineEdit | QPlainTextEdit] = [
            *dialog.findChildren(QLineEdit),
            *dialog.findChildren(QPlainTextEdit),
        ]
        boxes = [
            box
            for box in found
            if not isinstance(box.parent(), (QAbstractSpinBox, QComboBox)) and not box.isReadOnly()
        ]
        for number, box in enumerate(boxes):
            key = f"dialog:{type(dialog).__name__}:{dialog.windowTitle()}:{number}"
            keeper = BoxDraft(box, key)
            keeper.restore()
            keepers.append(keeper)

        def end(_result: int) -> None:
            for keeper in keepers:
                keeper.discard()

        dialog.finished.connect(end)


class BoxDraft(QObject):
    """One dialog box: saves {initial, text} within `AUTOSAVE_MS` of each change."""

    def __init__(self, box: QLineEdit | QPlainTextEdit, key: str) -> None:
        super().__init__(box)
        self._box = box
        self._key = key
        self._initial = self._text()
        self._timer = Throttle(self._save, self)
        box.textChanged.connect(self._timer.changed)

    def _text(self) -> str:
        box = self._box
        return box.toPlainText() if isinstance(box, QPlainTextEdit) else box.text()

    def _save(self) -> None:
        drafts.save(self._key, json.dumps({"initial": self._initial, "text": self._text()}))

    def restore(self) -> None:
        draft = drafts.load(self._key)
        if draft is None:
            return
        try:
            saved = json.loads(draft.text)
        except ValueError:
            return
        if saved.get("initial") != self._initial or saved.get("text") == self._initial:
            return
        self._box.blockSignals(True)
        if isinstance(self._box, QPlainTextEdit):
            self._box.setPlainText(saved["text"])
        else:
            self._box.setText(saved["text"])
        self._box.blockSignals(False)
        self._box.setToolTip(
            QCoreApplication.translate(
                "autosave", "Restored what you typed here before pmdesk closed unexpectedly."
            )
        )

    def discard(self) -> None:
        self._timer.stop()
        drafts.discard(self._key)
