"""Search results as a list model: a header row per kind, then that kind's hits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from pmdesk.services.search import HitKind, SearchHit, grouped

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
INTERNAL_BRUSH = QBrush(QColor("#8a1c1c"))


class SearchResultsModel(QAbstractListModel):
    """Rows are either a kind (a group header, not selectable) or a hit."""

    def __init__(self, kind_names: dict[HitKind, str], internal_mark: str, parent: Any = None):
        super().__init__(parent)
        self._kind_names = kind_names
        self._internal_mark = internal_mark
        self._rows: list[HitKind | SearchHit] = []
        self._projects: dict[int, str] = {}

    def set_hits(self, hits: list[SearchHit], projects: dict[int, str] | None = None) -> None:
        """Show `hits`, grouped by kind; `projects` names them when searching all."""
        self.beginResetModel()
        self._projects = projects or {}
        self._rows = []
        for kind, group in grouped(hits):
            self._rows.append(kind)
            self._rows.extend(group)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        value = self._rows[row] if 0 <= row < len(self._rows) else None
        return value if isinstance(value, SearchHit) else None

    def first_hit_row(self) -> int:
        return next((n for n, r in enumerate(self._rows) if isinstance(r, SearchHit)), -1)

    def hit_count(self) -> int:
        return sum(isinstance(r, SearchHit) for r in self._rows)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if isinstance(self._rows[index.row()], SearchHit):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if isinstance(row, HitKind):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._kind_names[row]
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = " ".join(row.text.split())
            if role == Qt.ItemDataRole.DisplayRole and len(text) > 160:
                text = text[:157] + "…"
            project = self._projects.get(row.project_id)
            prefix = f"[{project}] " if project else ""
            mark = f"  ({self._internal_mark})" if row.internal else ""
            return f"    {prefix}{text}{mark}"
        if role == Qt.ItemDataRole.ForegroundRole and row.internal:
            return INTERNAL_BRUSH
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._kind_names[row.kind]}: {row.text}"
        return None
