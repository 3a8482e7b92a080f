"""The search dialog (Ctrl+K; Ctrl+F in a tab opens it too): type, see hits, Enter opens.

It searches as one types (each search is one query: milliseconds, see bench), in the
current project or, ticked, in every project. Enter or a double click asks the window to
open the hit in its tab (`open_requested`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from pmdesk.services import projects, search
from pmdesk.services.search import HitKind, SearchHit
from pmdesk.ui.search.model import SearchResultsModel


class SearchDialog(QDialog):
    """Search notes, decisions, meetings, agenda items, actions, people and follow-ups."""

    #: The user chose a hit to open.
    open_requested = Signal(object)

    def __init__(self, project_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle(self.tr("Search"))
        self.resize(720, 520)
        self.project_id = project_id
        self.query_edit = QLineEdit(self)
        self.query_edit.setObjectName("searchQuery")
        self.query_edit.setPlaceholderText(
            self.tr("Words in notes, decisions, meetings, actions, people…")
        )
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setAccessibleName(self.tr("Search for"))
        self.all_projects = QCheckBox(self.tr("&All projects"), self)
        self.all_projects.setEnabled(project_id is not None)
        self.all_projects.setChecked(project_id is None)
        kinds = {
            HitKind.DECISION: self.tr("Decisions"),
            HitKind.NOTE: self.tr("Notes"),
            HitKind.MEETING: self.tr("Meetings"),
            HitKind.AGENDA_ITEM: self.tr("Agenda items"),
            HitKind.ACTION_ITEM: self.tr("Actions"),
            HitKind.PERSON: self.tr("People"),
            HitKind.FOLLOW_UP: self.tr("Follow-ups"),
        }
        self.model = SearchResultsModel(kinds, self.tr("internal"), self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)
        self.status = QLabel(self)

        top = QHBoxLayout()
        label = QLabel(self.tr("&Find:"), self)
        label.setBuddy(self.query_edit)
        top.addWidget(label)
        top.addWidget(self.query_edit, 1)
        top.addWidget(self.all_projects)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._connect_signals()
        self.query_edit.setFocus()

    def _connect_signals(self) -> None:
        self.query_edit.textChanged.connect(self._on_query_edit_text_changed)
        self.query_edit.returnPressed.connect(self._on_query_edit_return_pressed)
        self.all_projects.toggled.connect(self._on_all_projects_toggled)
        self.results.activated.connect(self._on_results_activated)

    def set_query(self, text: str) -> None:
        self.query_edit.setText(text)

    def run_search(self) -> None:
        text = self.query_edit.text()
        scope = None if self.all_projects.isChecked() else self.project_id
        hits = search.search(text, project_id=scope)
        names = {p.id: p.name for p in projects.list_projects()} if scope is None else {}
        self.model.set_hits(hits, names)
        first = self.model.first_hit_row()
        if first >= 0:
            self.results.setCurrentIndex(self.model.index(first))
        if not text.strip():
            self.status.clear()
        elif hits:
            self.status.setText(self.tr("%n result(s)", "", len(hits)))
        else:
            self.status.setText(self.tr("Nothing found."))

    def current_hit(self) -> SearchHit | None:
        index = self.results.currentIndex()
        return self.model.hit(index.row()) if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Up and Down in the query move through the results without leaving the field.
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.query_edit.hasFocus():
            self._step(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)

    def _step(self, step: int) -> None:
        row = self.results.currentIndex().row()
        count = self.model.rowCount()
        row += step
        while 0 <= row < count and self.model.hit(row) is None:
            row += step
        if 0 <= row < count:
            self.results.setCurrentIndex(self.model.index(row))

    def _open(self, hit: SearchHit | None) -> None:
        if hit is not None:
            self.open_requested.emit(hit)
            self.accept()

    def _on_query_edit_text_changed(self, _text: str) -> None:
        self.run_search()

    def _on_query_edit_return_pressed(self) -> None:
        self._open(self.current_hit())

    def _on_all_projects_toggled(self, _checked: bool) -> None:
        self.run_search()

    def _on_results_activated(self, index: QModelIndex) -> None:
        self._open(self.model.hit(index.row()))
