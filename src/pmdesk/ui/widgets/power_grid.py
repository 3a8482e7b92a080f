"""The power/interest grid: the client's people as labelled points in four quadrants.

Drawn with QPainter over a 5 × 5 grid of influence (up) by interest (right). A point can
be dragged to another cell or moved with the arrow keys; the grid only reports the move
(`moved`), the tab saves it through the editor so that undo works.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from pmdesk import vocabulary
from pmdesk.models import CooperationType, Language
from pmdesk.services.stakeholders import HIGH_SCORE, Quadrant, quadrant, quadrant_label

SCORES = range(1, 6)
TYPE_COLOURS = {
    CooperationType.ACTIVE: QColor("#2e7d32"),
    CooperationType.PASSIVE: QColor("#c62828"),
    CooperationType.ROUTINE: QColor("#ef8f00"),
    CooperationType.UNCLASSIFIED: QColor("#8d8d8d"),
}
LEADER_COLOUR = QColor("#1f3a5f")
_QUADRANT_FILLS = {
    Quadrant.MANAGE_CLOSELY: QColor("#fde8e7"),
    Quadrant.KEEP_SATISFIED: QColor("#fff3e0"),
    Quadrant.KEEP_INFORMED: QColor("#e8f1fb"),
    Quadrant.MONITOR: QColor("#f3f3f3"),
}
_DOT = 6  # radius
_ROW = 17  # vertical step between people sharing a cell


@dataclass(frozen=True)
class GridPoint:
    """One person on the grid; `leader` for the client lead and leaders (no type)."""

    person_id: int
    name: str
    influence: int
    interest: int
    cooperation_type: CooperationType
    leader: bool = False

    @property
    def colour(self) -> QColor:
        return LEADER_COLOUR if self.leader else TYPE_COLOURS[self.cooperation_type]


class PowerGrid(QWidget):
    """Influence × interest; drag a point, or select it and use the arrow keys."""

    #: (person id, new influence, new interest): one per drag or key press.
    moved = Signal(int, int, int)
    #: A point was selected by mouse or keyboard.
    selected = Signal(int)

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._points: list[GridPoint] = []
        self._selected: int | None = None
        self._drag: tuple[int, QPointF] | None = None  # person id, where the mouse is
        self._press: QPointF | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(260, 160)
        self.setAccessibleName(self.tr("Power/interest grid"))
        self.setAccessibleDescription(
            self.tr(
                "Drag a person to change their influence and interest. Keyboard: Page Up and "
                "Page Down choose a person, the arrow keys move them."
            )
        )
        self.setToolTip(self.accessibleDescription())

    # -- data ----------------------------------------------------------------------------
    def set_points(self, points: list[GridPoint]) -> None:
        self._points = sorted(points, key=lambda p: p.name)
        if self._selected not in {p.person_id for p in self._points}:
            self._selected = None
        self._drag = None
        self.update()

    def points(self) -> list[GridPoint]:
        return list(self._points)

    def selected_id(self) -> int | None:
        return self._selected

    def select(self, person_id: int | None) -> None:
        if person_id is not None and person_id not in {p.person_id for p in self._points}:
            person_id = None
        if person_id != self._selected:
            self._selected = person_id
            self.update()

    # -- geometry ------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(560, 420)

    def plot_rect(self) -> QRectF:
        """The 5 × 5 area; margins hold the axis titles, scores and legend."""
        return QRectF(42, 10, max(self.width() - 52, 50), max(self.height() - 66, 50))

    def cell_rect(self, influence: int, interest: int) -> QRectF:
        plot = self.plot_rect()
        w, h = plot.width() / 5, plot.height() / 5
        return QRectF(plot.left() + (interest - 1) * w, plot.top() + (5 - influence) * h, w, h)

    def cell_at(self, pos: QPointF) -> tuple[int, int]:
        """(influence, interest) of the cell under `pos`, clamped to the grid."""
        plot = self.plot_rect()
        interest = int((pos.x() - plot.left()) / (plot.width() / 5)) + 1
        influence = 5 - int((pos.y() - plot.top()) / (plot.height() / 5))
        return min(max(influence, 1), 5), min(max(interest, 1), 5)

    def point_position(self, person_id: int) -> QPointF:
        """Where a person's dot is drawn: people sharing a cell are stacked, not piled."""
        point = next(p for p in self._points if p.person_id == person_id)
        same = [
            p
            for p in self._points
            if (p.influence, p.interest) == (point.influence, point.interest)
        ]
        cell = self.cell_rect(point.influence, point.interest)
        index = same.index(point)
        step = min(_ROW, (cell.height() - 6) / max(len(same), 1))
        top = cell.center().y() - step * (len(same) - 1) / 2
        return QPointF(cell.left() + 10, top + index * step)

    def point_at(self, pos: QPointF) -> int | None:
        """The person whose dot or name is under `pos`."""
        for point in reversed(self._points):
            centre = self.point_position(point.person_id)
            cell = self.cell_rect(point.influence, point.interest)
            hit = QRectF(centre.x() - _DOT - 2, centre.y() - 8, cell.width() - 4, 16)
            if hit.contains(pos):
                return point.person_id
        return None

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint(painter)
        painter.end()

    def render_image(self, caption: str = "", scale: float = 2.0) -> QImage:
        """The grid as an image on white, with `caption` above it, for the PNG export."""
        band = 30 if caption else 0
        image = QImage(
            int(self.width() * scale),
            int((self.height() + band) * scale),
            QImage.Format.Format_ARGB32,
        )
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        if caption:
            font = QFont(self.font())
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#1f3a5f"))
            painter.drawText(
                QRectF(8, 4, self.width() - 16, band - 6),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                caption,
            )
            painter.setFont(self.font())
            painter.translate(0, band)
        self._paint(painter, for_export=True)
        painter.end()
        return image

    def _paint(self, painter: QPainter, *, for_export: bool = False) -> None:
        plot = self.plot_rect()
        painter.fillRect(self.rect(), self.palette().base())
        for q in Quadrant:
            painter.fillRect(self._quadrant_rect(q), _QUADRANT_FILLS[q])
        painter.setPen(QPen(QColor("#d0d0d0"), 1))
        for n in range(6):
            x = plot.left() + n * plot.width() / 5
            y = plot.top() + n * plot.height() / 5
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        # The quadrant borders (high is 4–5).
        painter.setPen(QPen(QColor("#7a7a7a"), 2))
        split_x = self.cell_rect(1, HIGH_SCORE).left()
        split_y = self.cell_rect(HIGH_SCORE, 1).bottom()
        painter.drawLine(QPointF(split_x, plot.top()), QPointF(split_x, plot.bottom()))
        painter.drawLine(QPointF(plot.left(), split_y), QPointF(plot.right(), split_y))
        painter.drawRect(plot)
        self._paint_quadrant_names(painter)
        self._paint_axes(painter)
        dragged = self._drag[0] if self._drag else None
        if self._drag is not None:
            influence, interest = self.cell_at(self._drag[1])
            painter.setPen(QPen(QColor("#1f3a5f"), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.cell_rect(influence, interest).adjusted(2, 2, -2, -2))
        for point in self._points:
            if point.person_id != dragged:
                self._paint_point(
                    painter, point, self.point_position(point.person_id), for_export=for_export
                )
        if self._drag is not None:
            point = next(p for p in self._points if p.person_id == self._drag[0])
            self._paint_point(painter, point, self._drag[1])
        self._paint_legend(painter)
        if self.hasFocus() and not for_export:
            painter.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))

    def _quadrant_rect(self, q: Quadrant) -> QRectF:
        high_rows = (5, HIGH_SCORE)
        low_rows = (HIGH_SCORE - 1, 1)
        high_cols = (HIGH_SCORE, 5)
        low_cols = (1, HIGH_SCORE - 1)
        rows, cols = {
            Quadrant.MANAGE_CLOSELY: (high_rows, high_cols),
            Quadrant.KEEP_SATISFIED: (high_rows, low_cols),
            Quadrant.KEEP_INFORMED: (low_rows, high_cols),
            Quadrant.MONITOR: (low_rows, low_cols),
        }[q]
        return self.cell_rect(rows[0], cols[0]).united(self.cell_rect(rows[1], cols[1]))

    def _paint_quadrant_names(self, painter: QPainter) -> None:
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(0, 0, 0, 110))
        for q in Quadrant:
            area = self._quadrant_rect(q).adjusted(6, 3, -6, -3)
            # Names sit at the outer corner, away from the points in the middle.
            bottom = q in (Quadrant.KEEP_INFORMED, Quadrant.MONITOR)
            right = q in (Quadrant.MANAGE_CLOSELY, Quadrant.KEEP_INFORMED)
            flags = (Qt.AlignmentFlag.AlignBottom if bottom else Qt.AlignmentFlag.AlignTop) | (
                Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            )
            painter.drawText(area, int(flags), quadrant_label(q, self.language))
        painter.setFont(self.font())

    def _paint_axes(self, painter: QPainter) -> None:
        plot = self.plot_rect()
        painter.setPen(self.palette().text().color())
        for score in SCORES:
            column = self.cell_rect(1, score)
            painter.drawText(
                QRectF(column.left(), plot.bottom() + 1, column.width(), 16),
                int(Qt.AlignmentFlag.AlignCenter),
                str(score),
            )
            row = self.cell_rect(score, 1)
            painter.drawText(
                QRectF(plot.left() - 16, row.top(), 12, row.height()),
                int(Qt.AlignmentFlag.AlignCenter),
                str(score),
            )
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 15, plot.width(), 16),
            int(Qt.AlignmentFlag.AlignCenter),
            self.tr("Interest →"),
        )
        painter.save()
        painter.translate(14, plot.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-plot.height() / 2, -8, plot.height(), 16),
            int(Qt.AlignmentFlag.AlignCenter),
            self.tr("Influence →"),
        )
        painter.restore()

    def _paint_point(
        self, painter: QPainter, point: GridPoint, centre: QPointF, *, for_export: bool = False
    ) -> None:
        selected = point.person_id == self._selected and not for_export
        if selected:
            painter.setPen(QPen(QColor("#1f3a5f"), 2))
            painter.setBrush(QColor(255, 255, 255, 220))
            painter.drawEllipse(centre, _DOT + 4, _DOT + 4)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(point.colour)
        painter.drawEllipse(centre, _DOT, _DOT)
        cell = self.cell_rect(point.influence, point.interest)
        font = QFont(self.font())
        font.setBold(selected)
        painter.setFont(font)
        width = int(cell.width() - 2 * _DOT - 8)
        text = QFontMetrics(font).elidedText(point.name, Qt.TextElideMode.ElideRight, width)
        painter.setPen(self.palette().text().color())
        painter.drawText(
            QRectF(centre.x() + _DOT + 3, centre.y() - 9, width + 4, 18),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        painter.setFont(self.font())

    def _paint_legend(self, painter: QPainter) -> None:
        entries = [(LEADER_COLOUR, self.tr("Lead / leader"))] + [
            (colour, vocabulary.label(kind, self.language)) for kind, colour in TYPE_COLOURS.items()
        ]
        metrics = QFontMetrics(self.font())
        x = self.plot_rect().left()
        y = self.height() - 12
        for colour, text in entries:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x + 5, y), 5, 5)
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x + 13, y + metrics.ascent() / 2 - 1), text)
            x += 13 + metrics.horizontalAdvance(text) + 16

    # -- mouse ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        hit = self.point_at(event.position())
        if hit is not None:
            self._press = event.position()
            self._drag = (hit, event.position())
            self._select_and_tell(hit)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._drag = (self._drag[0], event.position())
            self.update()
            return
        hit = self.point_at(event.position())
        self.setCursor(Qt.CursorShape.OpenHandCursor if hit else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        person_id, _pos = self._drag
        self._drag = None
        self.update()
        point = next(p for p in self._points if p.person_id == person_id)
        influence, interest = self.cell_at(event.position())
        if (influence, interest) != (point.influence, point.interest):
            self.moved.emit(person_id, influence, interest)

    def event(self, event: object) -> bool:
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QHelpEvent

        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            hit = self.point_at(QPointF(event.pos()))
            if hit is not None:
                QToolTip.showText(event.globalPos(), self.describe(hit), self)
                return True
        return super().event(event)  # type: ignore[arg-type]

    def describe(self, person_id: int) -> str:
        point = next(p for p in self._points if p.person_id == person_id)
        return self.tr("{name}: influence {influence}, interest {interest} — {quadrant}").format(
            name=point.name,
            influence=point.influence,
            interest=point.interest,
            quadrant=quadrant_label(quadrant(point.influence, point.interest), self.language),
        )

    # -- keyboard ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        keys = Qt.Key
        if key in (keys.Key_PageDown, keys.Key_PageUp):
            self._step_selection(1 if key == keys.Key_PageDown else -1)
            return
        steps = {
            keys.Key_Up: (1, 0),
            keys.Key_Down: (-1, 0),
            keys.Key_Right: (0, 1),
            keys.Key_Left: (0, -1),
        }
        if key in steps and self._selected is not None:
            point = next(p for p in self._points if p.person_id == self._selected)
            d_influence, d_interest = steps[keys(key)]
            influence = min(max(point.influence + d_influence, 1), 5)
            interest = min(max(point.interest + d_interest, 1), 5)
            if (influence, interest) != (point.influence, point.interest):
                self.moved.emit(point.person_id, influence, interest)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._selected is None and self._points:
            self._select_and_tell(self._points[0].person_id)
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def _step_selection(self, step: int) -> None:
        if not self._points:
            return
        ids = [p.person_id for p in self._points]
        index = ids.index(self._selected) if self._selected in ids else -step
        self._select_and_tell(ids[(index + step) % len(ids)])

    def _select_and_tell(self, person_id: int) -> None:
        self._selected = person_id
        self.update()
        self.selected.emit(person_id)

    def point_centre(self, person_id: int) -> QPoint:
        """Where a person's dot is, in widget pixels (for tests and accessibility tools)."""
        return self.point_position(person_id).toPoint()
