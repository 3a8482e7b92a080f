"""The power/interest grid of the client's people: drag (or keys) to move someone, and
save the grid as a PNG, marked confidential."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.exports.files import ExportProblem, write_atomically
from pmdesk.models import CooperationType, Person, Role, Side
from pmdesk.services import projects
from pmdesk.services import stakeholders as sh
from pmdesk.ui.stakeholders.common import save_person
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.forms import problem_text
from pmdesk.ui.widgets.power_grid import GridPoint, PowerGrid


class GridSection(QWidget):
    """The grid over the register's client people; `selected` names who was clicked."""

    selected = Signal(int)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.project_id: int | None = None
        self.grid = PowerGrid(context.language, self)
        self.grid_png_button = QPushButton(self.tr("Save grid as P&NG…"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.grid, 1)
        row = QHBoxLayout()
        hint = QLabel(
            self.tr("Drag a person, or Page Up/Down then the arrow keys, to move them."), self
        )
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        row.addWidget(self.grid_png_button)
        layout.addLayout(row)
        self.grid.moved.connect(self._on_grid_moved)
        self.grid.selected.connect(self.selected)
        self.grid_png_button.clicked.connect(self._on_export_grid)

    def show_people(self, shown: list[Person], selected: int | None) -> None:
        self.grid.set_points(
            [
                GridPoint(
                    p.id,
                    p.name,
                    p.influence,
                    p.interest,
                    CooperationType(p.cooperation_type),
                    leader=p.role != Role.COOPERATING_STAFF,
                )
                for p in shown
                if p.side == Side.CLIENT
            ]
        )
        self.grid.select(selected)

    def _on_grid_moved(self, person_id: int, influence: int, interest: int) -> None:
        problem = save_person(
            self.context,
            person_id,
            {"influence": influence, "interest": interest},
            self.tr("Move on the power/interest grid"),
        )
        if problem:
            self.context.editor.report(problem)
        self.grid.select(person_id)

    def _on_export_grid(self) -> None:
        if self.project_id is None:
            return
        project = projects.get_project(self.project_id)
        grid_name = self.tr("power-interest grid")
        suggested = str(Path.home() / f"{project.name} - {grid_name}.png")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save grid as PNG"), suggested, self.tr("PNG images (*.png)")
        )
        if not name:
            return
        target = Path(name) if name.lower().endswith(".png") else Path(name + ".png")
        title = self.tr("Power/interest grid")
        image = self.grid.render_image(f"{project.name} — {title} — {sh.CONFIDENTIAL}")

        def write(path: Path) -> None:
            if not image.save(str(path)):  # the temporary name ends in .png
                raise OSError(f"could not encode {path.name}")

        try:
            write_atomically(target, write)
        except ExportProblem as problem:
            QMessageBox.warning(self, self.tr("Grid not saved"), problem_text(problem))
