"""The engagement matrix: client people by engagement now (rows) and wanted (columns);
off-diagonal cells are the gaps to close."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from pmdesk.models import Engagement, Person, Side
from pmdesk.services import stakeholders as sh
from pmdesk.ui.tabs.base import TabContext

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class EngagementMatrixModel(QAbstractTableModel):
    """Client people by engagement: rows now, columns wanted; off-diagonal cells are gaps."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.levels = list(Engagement)
        self.cells: dict[tuple[Engagement, Engagement], list[Person]] = {}

    def set_people(self, everyone: list[Person]) -> None:
        self.beginResetModel()
        self.cells = sh.engagement_matrix(p for p in everyone if p.side == Side.CLIENT)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.levels)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.levels)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.context.label(self.levels[section])
        return None

    def names(self, row: int, column: int) -> list[str]:
        return [p.name for p in self.cells.get((self.levels[row], self.levels[column]), [])]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        names = self.names(index.row(), index.column())
        gap = index.column() - index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return ", ".join(names)
        if role == Qt.ItemDataRole.ToolTipRole and names:
            return self.tr("{n} · gap {gap} step(s): {names}").format(
                n=len(names), gap=gap, names=", ".join(names)
            )
        if role == Qt.ItemDataRole.BackgroundRole:
            if gap == 0:
                return QBrush(QColor("#e6f4ea"))
            if gap > 0:  # must move up: the further, the warmer
                return QBrush(QColor(["#fff8e1", "#ffe9b3", "#ffd180", "#ffab91"][min(gap, 4) - 1]))
            return QBrush(QColor("#eeeeee"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class EngagementSection(QWidget):
    """The matrix with a line saying how many must move up and who is not assessed."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = EngagementMatrixModel(context, self)
        self.matrix_view = QTableView(self)
        self.matrix_view.setModel(self.matrix)
        self.matrix_view.setAccessibleName(
            self.tr("Engagement now (rows) against wanted (columns)")
        )
        self.matrix_view.setWordWrap(True)
        self.matrix_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.matrix_summary = QLabel(self)
        self.matrix_summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        caption = QLabel(self.tr("Rows: engagement now · columns: engagement wanted"), self)
        caption.setWordWrap(True)
        layout.addWidget(caption)
        layout.addWidget(self.matrix_view, 1)
        layout.addWidget(self.matrix_summary)

    def show_people(self, everyone: list[Person]) -> None:
        self.matrix.set_people(everyone)
        client = [p for p in everyone if p.side == Side.CLIENT]
        unassessed = [p.name for p in client if sh.engagement_gap(p) is None]
        gaps = [p for p in client if (sh.engagement_gap(p) or 0) > 0]
        summary = self.tr("{gaps} of {n} client people must move up.").format(
            gaps=len(gaps), n=len(client)
        )
        if unassessed:
            summary += " " + self.tr("Not assessed: {names}").format(names=", ".join(unassessed))
        self.matrix_summary.setText(summary)
