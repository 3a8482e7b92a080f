"""A person's assessment timeline: engagement over time, cooperation type as colour, and
the history of assessments beside it."""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QWidget

from pmdesk import vocabulary
from pmdesk.models import Assessment, CooperationType, Engagement, Language, Person
from pmdesk.services import people
from pmdesk.services import stakeholders as sh
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.stakeholders.common import PersonPage
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.power_grid import TYPE_COLOURS
from pmdesk.ui.widgets.tables import fit_columns, record_table


class AssessmentTimeline(QWidget):
    """A person's assessments over time: engagement as height, cooperation type as colour.

    A routine person turning active shows as the marker changing from amber to green.
    """

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._rows: list[Assessment] = []
        self.setMinimumHeight(90)
        self.setAccessibleName(self.tr("Assessment timeline"))

    def sizeHint(self) -> QSize:
        return QSize(520, 190)

    def set_history(self, rows: list[Assessment]) -> None:
        self._rows = list(rows)
        self.setAccessibleDescription(
            "; ".join(f"{r.assessed_at:%Y-%m-%d}: {self._describe(r)}" for r in self._rows)
        )
        self.update()

    def _describe(self, row: Assessment) -> str:
        words = []
        if row.engagement:
            words.append(vocabulary.label(Engagement(row.engagement), self.language))
        if row.cooperation_type:
            words.append(vocabulary.label(CooperationType(row.cooperation_type), self.language))
        return ", ".join(words)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetrics(self.font())
        levels = list(Engagement)
        label_width = max(
            metrics.horizontalAdvance(vocabulary.label(e, self.language)) for e in levels
        )
        left, right = label_width + 16, self.width() - 24
        top, bottom = 22, self.height() - 34
        step = (bottom - top) / (len(levels) - 1)

        def y_of(engagement: Engagement) -> float:
            return bottom - levels.index(engagement) * step

        painter.setPen(QPen(QColor("#e0e0e0"), 1))
        for level in levels:
            painter.drawLine(QPointF(left, y_of(level)), QPointF(right, y_of(level)))
        painter.setPen(self.palette().text().color())
        for level in levels:
            painter.drawText(
                QRectF(4, y_of(level) - 9, label_width + 4, 18),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                vocabulary.label(level, self.language),
            )
        if not self._rows:
            painter.drawText(
                QRectF(left, top, right - left, bottom - top),
                int(Qt.AlignmentFlag.AlignCenter),
                self.tr("No assessments yet."),
            )
            painter.end()
            return
        first = self._rows[0].assessed_at
        span = max((self._rows[-1].assessed_at - first).total_seconds(), 1.0)
        width = right - left - 60

        def x_of(when: dt.datetime) -> float:
            if len(self._rows) == 1:
                return left + (right - left) / 2
            return left + 30 + (when - first).total_seconds() / span * width

        # Engagement and type carry forward when an assessment records only one of them.
        engagement: Engagement | None = None
        kind: CooperationType | None = None
        points: list[tuple[QPointF, CooperationType | None, bool, Assessment]] = []
        for row in self._rows:
            engagement = Engagement(row.engagement) if row.engagement else engagement
            changed = row.cooperation_type is not None and row.cooperation_type != kind
            kind = CooperationType(row.cooperation_type) if row.cooperation_type else kind
            y = y_of(engagement) if engagement else bottom + 10
            points.append((QPointF(x_of(row.assessed_at), y), kind, changed, row))
        painter.setPen(QPen(QColor("#1f3a5f"), 2))
        for (a, *_), (b, *_) in itertools.pairwise(points):
            painter.drawLine(a, QPointF(b.x(), a.y()))
            painter.drawLine(QPointF(b.x(), a.y()), b)
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        last_date_right = -1e9
        for centre, point_kind, changed, row in points:
            colour = TYPE_COLOURS[point_kind] if point_kind else QColor("white")
            painter.setPen(QPen(QColor("#1f3a5f"), 1.5))
            painter.setBrush(QBrush(colour))
            painter.drawEllipse(centre, 7, 7)
            painter.setFont(small)
            if changed and point_kind is not None:
                painter.setPen(TYPE_COLOURS[point_kind].darker(130))
                text = vocabulary.label(point_kind, self.language)
                painter.drawText(
                    QRectF(centre.x() - 60, centre.y() - 24, 120, 14),
                    int(Qt.AlignmentFlag.AlignCenter),
                    text,
                )
            date_text = row.assessed_at.strftime("%m-%d")
            if centre.x() - 20 > last_date_right:  # skip dates that would overlap
                painter.setPen(self.palette().text().color())
                painter.drawText(
                    QRectF(centre.x() - 20, self.height() - 20, 40, 16),
                    int(Qt.AlignmentFlag.AlignCenter),
                    date_text,
                )
                last_date_right = centre.x() + 20
            painter.setFont(self.font())
        painter.end()


def _note_text(assessment: Assessment) -> str:
    note = assessment.note if assessment.__data__.get("note") else None
    return note.text if note is not None else ""


class HistoryPage(PersonPage):
    """The timeline and the table of the person's assessments."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.timeline = AssessmentTimeline(context.language, self)
        self.history = RecordTableModel[Assessment](
            [
                Column(self.tr("Date"), lambda a: a.assessed_at),
                Column(
                    self.tr("Engagement"),
                    lambda a: context.label_of(Engagement, a.engagement),
                ),
                Column(
                    self.tr("Cooperation type"),
                    lambda a: context.label_of(CooperationType, a.cooperation_type),
                ),
                Column(self.tr("Source"), lambda a: a.source),
                Column(self.tr("Comment"), lambda a: a.comment, stretch=True),
            ],
            self,
        )
        self.history.tooltip = _note_text
        self.history_view = record_table(self.history, self.tr("Assessment history"), self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.history_view, 1)

    def show_person(self, person: Person | None, record: sh.OnTimeRecord) -> None:
        super().show_person(person, record)
        self.history.set_rows(people.assessments(person.id) if person else [])
        self.timeline.set_history(self.history.all_rows())
        fit_columns(self.history_view)
