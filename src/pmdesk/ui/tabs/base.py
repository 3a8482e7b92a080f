"""What every tab shares: the project it shows and refreshing when its data changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from peewee import Model
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from pmdesk import vocabulary
from pmdesk.models import Language
from pmdesk.services import Changes
from pmdesk.ui.undo import Editor


@dataclass
class TabContext:
    """What the main window hands each tab: the editor (undo stack) and UI language."""

    editor: Editor
    language: Language
    settings: QSettings
    now: Callable[[], dt.datetime] = field(default=lambda: dt.datetime.now())

    def label(self, value: StrEnum | None) -> str:
        return vocabulary.label(value, self.language)

    def label_of(self, enum: type[StrEnum], key: str | None) -> str:
        """A stored key in words ('' when there is none)."""
        return vocabulary.label_of(enum, key, self.language)

    def choices(self, enum: type[StrEnum]) -> list[tuple[str, str]]:
        return [(member.value, self.label(member)) for member in enum]


class ProjectTab(QWidget):
    """A tab over one project's data; reloads when a change touches what it shows."""

    #: The models this tab shows; a change to any of them reloads it.
    watches: tuple[type[Model], ...] = ()

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.project_id: int | None = None
        self._active = True
        self._stale = False

    def set_project(self, project_id: int | None) -> None:
        self.project_id = project_id
        self._refresh()

    def on_data_changed(self, changes: Changes) -> None:
        if changes.touches(*self.watches) or "project" in changes.tables:
            self._refresh()

    def set_active(self, active: bool) -> None:
        """The main window marks the tabs not on screen inactive: they reload when shown,
        so opening a project or saving an edit only loads what the user is looking at."""
        self._active = active
        if active and self._stale:
            self._refresh()

    def ensure_loaded(self) -> None:
        """Load now if the tab is off screen and stale (its actions are about to be used)."""
        if self._stale:
            self._stale = False
            self.reload()

    def _refresh(self) -> None:
        if self._active:
            self._stale = False
            self.reload()
        else:
            self._stale = True

    def reload(self) -> None:
        raise NotImplementedError

    def export_actions(self) -> list[QAction]:
        """This tab's exports, for File → Export (each tab also shows them itself)."""
        return []


def group(title: str, child: QWidget, parent: QWidget | None = None) -> QGroupBox:
    """A titled box around one widget."""
    box = QGroupBox(title, parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(child)
    return box
