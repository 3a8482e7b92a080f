"""Edit → Undo and Redo that say what they do and where.

The menu names the step ("Undo Capture note"), and the tab it happened in when that is
not the tab on screen ("Undo Import of tracker (Progress)"); undoing or redoing shows
that tab (and the box the user was in) and says what was done ("Undid: …"). Each step
remembers its place when it is pushed (`place`, called by the undo commands). Qt only:
the shell builds these before the data layer is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QStackedWidget, QStatusBar, QTabWidget, QWidget


@dataclass
class Place:
    """Where a step was taken: the workflow tab, and the box that had the focus."""

    tab: int
    focus: QWidget | None = None


class UndoMenu(QObject):
    """The Undo and Redo actions over `stack`, placed by the tabs of `tabs`."""

    def __init__(
        self, stack: QUndoStack, tabs: QTabWidget, status: QStatusBar, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._stack = stack
        self._tabs = tabs
        self._status = status
        #: Did the last undo or redo change nothing (a conflict, a replaced row)? Set by
        #: the commands (ui.undo), which report why.
        self.failed = False
        self.undo_action = QAction(self.tr("&Undo"), parent)
        self.redo_action = QAction(self.tr("&Redo"), parent)
        self.undo_action.triggered.connect(self._on_undo_triggered)
        self.redo_action.triggered.connect(self._on_redo_triggered)
        stack.indexChanged.connect(self._on_stack_changed)
        stack.cleanChanged.connect(self._on_stack_changed)
        tabs.currentChanged.connect(self._on_stack_changed)
        self._on_stack_changed()

    # -- what the commands call --------------------------------------------------------
    def mark_failed(self) -> None:
        """The undo or redo under way changed nothing (its command said why)."""
        self.failed = True

    def place(self) -> Place:
        """Where the user is now (taken when a step is saved)."""
        focus = QApplication.focusWidget()
        if focus is not None and not self._tabs.isAncestorOf(focus):
            focus = None
        return Place(self._tabs.currentIndex(), focus)

    # -- the actions -------------------------------------------------------------------
    def _step(self, index: int) -> tuple[str, Place | None] | None:
        """The text and place of the step at `index` of the stack (None if none)."""
        if not 0 <= index < self._stack.count():
            return None
        command = self._stack.command(index)
        return command.text(), _place_of(command)

    def _where(self, place: Place | None) -> str:
        """ " (Tab)" when the step is on another tab than the one on screen."""
        if place is None or place.tab == self._tabs.currentIndex():
            return ""
        return f" ({self._tab_name(place.tab)})"

    def _tab_name(self, index: int) -> str:
        # Without its mnemonic: "&Progress", "进度推进(&P)".
        return re.sub(r"\(&.\)$", "", self._tabs.tabText(index)).replace("&", "")

    def _on_stack_changed(self, *_args: object) -> None:
        if not (shiboken6.isValid(self._stack) and shiboken6.isValid(self._tabs)):
            return  # the window is being taken down
        undo = self._step(self._stack.index() - 1)
        redo = self._step(self._stack.index())
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)
        if undo is None:
            self.undo_action.setText(self.tr("&Undo"))
        else:
            self.undo_action.setText(
                self.tr("&Undo {step}").format(step=undo[0]) + self._where(undo[1])
            )
        if redo is None:
            self.redo_action.setText(self.tr("&Redo"))
        else:
            self.redo_action.setText(
                self.tr("&Redo {step}").format(step=redo[0]) + self._where(redo[1])
            )
        for action in (self.undo_action, self.redo_action):
            action.setStatusTip(action.text().replace("&", ""))

    def _on_undo_triggered(self) -> None:
        step = self._step(self._stack.index() - 1)
        if step is None:
            return
        self._replay(step, self._stack.undo, self.tr("Undid: {step}"))

    def _on_redo_triggered(self) -> None:
        step = self._step(self._stack.index())
        if step is None:
            return
        self._replay(step, self._stack.redo, self.tr("Redid: {step}"))

    def _replay(self, step: tuple[str, Place | None], run: object, done: str) -> None:
        text, place = step
        self.failed = False
        if place is not None and 0 <= place.tab < self._tabs.count():
            # Show the place first: the views there refresh as the step is replayed.
            self._tabs.setCurrentIndex(place.tab)
            _show(place.focus)
        assert callable(run)
        run()
        if self.failed:
            return  # the command reported why nothing changed
        where = ""
        if place is not None and 0 <= place.tab < self._tabs.count():
            where = f" ({self._tab_name(place.tab)})"
        self._status.showMessage(done.format(step=text) + where, 8000)


def _place_of(command: QUndoCommand) -> Place | None:
    place = getattr(command, "place", None)
    if place is None and command.childCount():
        place = getattr(command.child(0), "place", None)  # a macro: its first step
    return place if isinstance(place, Place) else None


def _show(widget: QWidget | None) -> None:
    """Bring `widget` on screen inside its tab (inner tab pages too) and focus it."""
    if widget is None or not shiboken6.isValid(widget):
        return
    ancestor = widget.parentWidget()
    while ancestor is not None:
        # A tab widget's own pages stack sits inside it: choose the page on the tabs.
        paged = isinstance(ancestor, QTabWidget) or (
            isinstance(ancestor, QStackedWidget)
            and not isinstance(ancestor.parentWidget(), QTabWidget)
        )
        if paged:
            assert isinstance(ancestor, (QTabWidget, QStackedWidget))
            for index in range(ancestor.count()):
                page = ancestor.widget(index)
                if page is not None and (page is widget or page.isAncestorOf(widget)):
                    ancestor.setCurrentIndex(index)
        ancestor = ancestor.parentWidget()
    if widget.isVisible():
        widget.setFocus()
