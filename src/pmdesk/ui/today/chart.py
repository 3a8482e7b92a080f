"""Project health at a glance, drawn in Qt beside Today's list (issue #19).

Three panels over `services.health.ProjectHealth`: steps by the week they were due
(stacked: on time, late, still open) for the last eight weeks; the client lead's review
turnaround; and each client person's engagement now (filled dot) against where the
project needs them (ring). The widget only draws what it is given.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from pmdesk import vocabulary
from pmdesk.models import Engagement, Language
from pmdesk.services.health import ProjectHealth

ON_TIME = QColor("#2e7d32")
LATE = QColor("#ef8f00")
OPEN = QColor("#c62828")
INK = QColor("#1f3a5f")
MUTED = QColor("#6b6b6b")
RULE = QColor("#d0d0d0")
_MARGIN = 10
_GAP_ROWS = 8  # people shown in the engagement panel (widest gaps first)


class HealthChart(QWidget):
    """One project's health: steps by week, review turnaround, engagement gaps."""

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("healthChart")
        self.language = language
        self.health: ProjectHealth | None = None
        self.setAccessibleName(self.tr("Project health"))
        self.setMinimumWidth(260)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 560)

    def show_health(self, health: ProjectHealth | None) -> None:
        self.health = health
        self.setToolTip(self.summary())
        self.update()

    def summary(self) -> str:
        """The figures in words (the tooltip, and what a screen reader gets)."""
        health = self.health
        if health is None:
            return ""
        weeks = health.weeks
        lines = [
            self.tr("Steps due in the last %1 weeks: %2 on time, %3 late, %4 open")
            .replace("%1", str(len(weeks)))
            .replace("%2", str(sum(w.on_time for w in weeks)))
            .replace("%3", str(sum(w.late for w in weeks)))
            .replace("%4", str(sum(w.open for w in weeks))),
            self._turnaround_text(),
        ]
        return "\n".join(lines)

    # -- drawing -------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if self.health is None:
            painter.setPen(MUTED)
            painter.drawText(
                self.rect().adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.tr("Choose a project to see its health."),
            )
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        width = self.width() - 2 * _MARGIN
        top = float(_MARGIN)
        top = self._title(painter, top, self.tr("Health: %1").replace("%1", self.health.name))
        bars_height = max(140.0, (self.height() - 9 * line) * 0.45)
        top = self._steps(painter, QRectF(_MARGIN, top, width, bars_height), line)
        top = self._title(painter, top + line * 0.6, self.tr("The client lead's reviews"))
        painter.setPen(INK)
        painter.drawText(
            QRectF(_MARGIN, top, width, line * 2.2),
            int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
            self._turnaround_text(),
        )
        top += line * 2.4
        top = self._title(painter, top, self.tr("Engagement: now ● and needed ○"))
        self._gaps(painter, QRectF(_MARGIN, top, width, self.height() - top - _MARGIN), line)
        painter.end()

    def _title(self, painter: QPainter, top: float, text: str) -> float:
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(INK)
        metrics = QFontMetrics(font)
        painter.drawText(
            QPointF(_MARGIN, top + metrics.ascent()),
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.width() - 2 * _MARGIN),
        )
        painter.setFont(self.font())
        return top + metrics.height() + 4

    def _steps(self, painter: QPainter, area: QRectF, line: int) -> float:
        assert self.health is not None
        weeks = self.health.weeks
        legend = [
            (ON_TIME, self.tr("on time")),
            (LATE, self.tr("late")),
            (OPEN, self.tr("open")),
        ]
        metrics = QFontMetrics(self.font())
        x = area.left()
        for colour, text in legend:  # the legend, one line
            painter.fillRect(QRectF(x, area.top() + 3, 10, 10), colour)
            painter.setPen(INK)
            painter.drawText(QPointF(x + 14, area.top() + metrics.ascent()), text)
            x += 14 + metrics.horizontalAdvance(text) + 14
        plot = QRectF(area.left() + 24, area.top() + line + 6, area.width() - 24, 0)
        plot.setBottom(area.bottom() - line - 4)
        highest = max([w.total for w in weeks] + [1])
        painter.setPen(QPen(RULE, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(area.left(), plot.top() - line / 2, 20, line),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            str(highest),
        )
        painter.drawText(
            QRectF(area.left(), plot.bottom() - line / 2, 20, line),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            "0",
        )
        slot = plot.width() / max(1, len(weeks))
        bar = slot * 0.62
        for number, week in enumerate(weeks):
            left = plot.left() + number * slot + (slot - bar) / 2
            bottom = plot.bottom()
            for count, colour in ((week.on_time, ON_TIME), (week.late, LATE), (week.open, OPEN)):
                if count:
                    height = plot.height() * count / highest
                    painter.fillRect(QRectF(left, bottom - height, bar, height), colour)
                    bottom -= height
            label = self._week_label(week.monday)
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(plot.left() + number * slot, plot.bottom() + 2, slot, line),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                label,
            )
        return area.bottom()

    def _week_label(self, monday: dt.date) -> str:
        """The week's Monday, short: "12 Oct", "10/12"."""
        if self.language == Language.ZH_CN:
            return f"{monday.month}/{monday.day}"
        return f"{monday.day} {vocabulary.MONTHS[monday.month - 1]}"

    def _turnaround_text(self) -> str:
        assert self.health is not None
        t = self.health.turnaround
        if t.reviewed:
            done = (
                self.tr(
                    "%n reviewed: %1 days to review at the median, %2 at the longest.",
                    "",
                    t.reviewed,
                )
                .replace("%1", f"{t.median_days:g}")
                .replace("%2", str(t.longest_days))
            )
        else:
            done = self.tr("Nothing reviewed yet.")
        if t.waiting:
            waiting = self.tr("%n waiting, the oldest for %1 days.", "", t.waiting).replace(
                "%1", str(t.waiting_days)
            )
        else:
            waiting = self.tr("Nothing waiting for review.")
        return f"{done} {waiting}"

    def _gaps(self, painter: QPainter, area: QRectF, line: int) -> None:
        assert self.health is not None
        gaps = self.health.gaps
        if not gaps:
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(area.left(), area.top(), area.width(), line * 2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                self.tr("No client person has both engagement levels set."),
            )
            return
        metrics = QFontMetrics(self.font())
        levels = list(Engagement)
        names = [vocabulary.label(level, self.language) for level in levels]
        widest = max(metrics.horizontalAdvance(g.name) for g in gaps)
        name_width = min(area.width() * 0.32, widest + 8)
        scale = QRectF(area.left() + name_width, area.top(), area.width() - name_width, 0)
        step = scale.width() / (len(levels) - 1) if len(levels) > 1 else scale.width()
        inset = min(step / 2, max(metrics.horizontalAdvance(n) for n in names) / 2 + 2)
        scale.adjust(inset, 0, -inset, 0)
        step = scale.width() / (len(levels) - 1)
        # The level names above the scale, alternating rows so wide names do not overlap.
        y = area.top()
        for position, name in enumerate(names):
            x = scale.left() + position * step
            row = y + (line if position % 2 else 0)
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(x - step, row, step * 2, line),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                name,
            )
        y += line * 2 + 4
        row_height = max(line + 4, 20)
        shown = gaps[: max(1, min(_GAP_ROWS, int((area.bottom() - y) // row_height)))]
        for gap in shown:
            centre = y + row_height / 2
            painter.setPen(INK)
            painter.drawText(
                QRectF(area.left(), y, name_width - 6, row_height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(gap.name, Qt.TextElideMode.ElideRight, int(name_width - 6)),
            )
            painter.setPen(QPen(RULE, 1))
            painter.drawLine(QPointF(scale.left(), centre), QPointF(scale.right(), centre))
            now = QPointF(scale.left() + gap.current * step, centre)
            needed = QPointF(scale.left() + gap.desired * step, centre)
            colour = OPEN if gap.gap > 1 else LATE if gap.gap == 1 else ON_TIME
            if gap.gap:
                painter.setPen(QPen(colour, 3))
                painter.drawLine(now, needed)
            painter.setPen(QPen(INK, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(needed, 6, 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(now, 5, 5)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            y += row_height
        if len(gaps) > len(shown):
            painter.setPen(MUTED)
            painter.drawText(
                QPointF(area.left(), y + metrics.ascent()),
                self.tr("and %n more", "", len(gaps) - len(shown)),
            )
