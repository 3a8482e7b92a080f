"""The status report: status, problems, help needed and praise, prefilled from the plan
and edited by the PM. Praise in public, follow up in private: a report that names a late
person cannot be exported, and a text written before the plan changed must be refreshed
(keeping the PM's edits, or replacing them when the PM says so) before it goes out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QWidget,
)

from pmdesk import db
from pmdesk.db import OpenState
from pmdesk.models import FollowUp, StatusReport
from pmdesk.services import Changes, ValidationProblem, reports
from pmdesk.services.reports import LateItem, ReportFacts, ReportTexts
from pmdesk.ui.models.records import OVERDUE_BRUSH, Column, RecordTableModel
from pmdesk.ui.progress.common import PlanShown, ProgressSection, bar, button
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.autosave import Throttle
from pmdesk.ui.widgets.dates import DateEdit
from pmdesk.ui.widgets.forms import plain_label
from pmdesk.ui.widgets.tables import fit_columns, record_table


class ReportSection(ProgressSection):
    """The report's four parts, its check, and the late steps' next steps beside it."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("reportSection")
        today = self._today()
        self.period_start = DateEdit(today, self, accessible_name=self.tr("Period from"))
        self.period_end = DateEdit(today, self, accessible_name=self.tr("Period to"))
        from_label = QLabel(self.tr("Fro&m:"), self)
        from_label.setBuddy(self.period_start)
        to_label = QLabel(self.tr("To:"), self)
        to_label.setBuddy(self.period_end)
        self.prefill_button = button(self.tr("Prefill from the pla&n"), self, self._on_prefill)
        self.export_report_button = button(self.tr("E&xport report…"), self, self._on_export_report)
        self.follow_up_button = button(
            self.tr("Follow-&ups for late people…"),
            self,
            self._on_follow_ups,
            self.tr("Internal: one private follow-up per late person (records and a .docx)"),
        )
        self.export_report_action = QAction(self.tr("Status &report (client, .docx)…"), self)
        self.layout_.addLayout(
            bar(
                from_label,
                self.period_start,
                to_label,
                self.period_end,
                self.prefill_button,
                self.export_report_button,
                self.follow_up_button,
            )
        )

        # Shown when the plan changed after the text was written.
        self.stale_label = QLabel(self)
        self.stale_label.setObjectName("reportStale")
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet("color: #8a5a00; font-weight: bold")
        self.refresh_button = button(
            self.tr("Refresh from the plan"),
            self,
            self._on_refresh,
            self.tr("Parts you did not edit are rewritten; for edited parts you are asked"),
        )
        stale_row = QHBoxLayout()
        stale_row.addWidget(self.stale_label, 1)
        stale_row.addWidget(self.refresh_button)
        self.stale_box = QWidget(self)
        self.stale_box.setLayout(stale_row)
        self.stale_box.hide()
        self.layout_.addWidget(self.stale_box)

        self.texts: dict[str, QPlainTextEdit] = {}
        form = QWidget(self)
        form_layout = QFormLayout(form)
        titles = {
            "status": self.tr("St&atus:"),
            "problems": self.tr("Pro&blems:"),
            "help_needed": self.tr("Help needed:"),
            "praise": self.tr("Pra&ise:"),
        }
        self._titles = {part: plain_label(title).rstrip(":：") for part, title in titles.items()}
        for part, title in titles.items():
            edit = QPlainTextEdit(form)
            edit.setAccessibleName(plain_label(title))
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._on_report_text_changed)
            self.texts[part] = edit
            caption = QLabel(title, form)
            caption.setBuddy(edit)
            form_layout.addRow(caption, edit)
        self.check_label = QLabel(form)
        self.check_label.setWordWrap(True)
        self.check_label.setAccessibleName(self.tr("Report check"))
        form_layout.addRow(self.check_label)

        self.late_steps = RecordTableModel[LateItem](
            [
                Column(self.tr("Late step"), lambda i: i.action.title),
                Column(self.tr("Due"), lambda i: i.action.due_date),
                Column(
                    self.tr("Next step (in the report, no names)"),
                    lambda i: i.action.next_step or i.arrangement,
                    stretch=True,
                    edit=lambda i, v: self._edit_action(
                        i.action, {"next_step": str(v).strip()}, self.tr("Next step")
                    ),
                ),
            ],
            self,
        )
        self.late_steps.background = lambda i: None if i.arrangement else OVERDUE_BRUSH
        self.late_view = record_table(self.late_steps, self.tr("Late steps"), self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("progressReportSplitter")
        self.splitter.addWidget(form)
        self.splitter.addWidget(self.late_view)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([650, 600])
        self.layout_.addWidget(self.splitter, 1)

        self._facts: ReportFacts | None = None
        self._report_project: int | None = None
        #: The database the texts shown were loaded from (the same ids may be in another).
        self._report_opened: OpenState | None = None
        #: The text from the plan that the texts shown were written from.
        self._basis: ReportTexts | None = None
        #: The text the plan gives now, when it differs from the basis.
        self._fresh: ReportTexts | None = None
        self._filling = False
        self.autosave = Throttle(self.save_drafts, self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.period_start.changed.connect(self._on_period_changed)
        self.period_end.changed.connect(self._on_period_changed)

    # -- loading -------------------------------------------------------------------------
    def show_plan(self, shown: PlanShown | None) -> None:
        """Gather the period and check every name (the tab calls it only on screen)."""
        self.shown = shown
        replaced = db.state is not self._report_opened  # another database, or a restore
        if self.project_id != self._report_project or replaced:
            if replaced:  # what waited was written before that database closed
                self.autosave.stop()
            else:  # what was typed belongs to the project shown until now
                self.autosave.flush()
            self._report_project, self._report_opened = self.project_id, db.state
            self._basis = self._fresh = None
            start, end = reports.default_period(self._today())
            self._filling = True
            self.period_start.set_value(start)
            self.period_end.set_value(end)
            self._filling = False
            self._gather()
            drafts = reports.load_drafts(self.project_id) if self.project_id else {}
            if drafts:
                self._show_texts(ReportTexts(**{p: drafts.get(p, "") for p in reports.TEXT_PARTS}))
                # The drafts are taken as up to date: nothing to refresh from.
                self._basis, self._fresh = self._from_plan(), None
            else:
                self._prefill()
        else:
            self._gather()
        self._check_report()

    def _period(self) -> tuple[dt.date, dt.date]:
        start, end = self.period_start.value(), self.period_end.value()
        assert start is not None and end is not None  # neither date is optional
        return start, end

    def _from_plan(self) -> ReportTexts | None:
        if self._facts is None:
            return None
        return reports.prefill(self._facts, self._document_language())

    def _gather(self) -> None:
        if self.project_id is None:
            self._facts = None
            self.late_steps.set_rows([])
            return
        start, end = self._period()
        try:
            language = self._document_language()
            plan = self.shown.actions if self.shown is not None else None
            self._facts = reports.gather(self.project_id, start, end, language, plan)
        except ValidationProblem:
            self._facts = None
        self.late_steps.set_rows(self._facts.late_items if self._facts else [])
        fit_columns(self.late_view, 180)  # the next step, typed here, gets the rest
        fresh = self._from_plan()
        self._fresh = fresh if fresh is not None and fresh != self._basis else None

    @property
    def stale(self) -> bool:
        """The plan changed since the text shown was written from it."""
        return self._fresh is not None and self._basis is not None

    def _show_texts(self, texts: ReportTexts) -> None:
        self._filling = True
        for part, text in texts.parts().items():
            self.texts[part].setPlainText(text)
        self._filling = False

    def report_texts(self) -> ReportTexts:
        return ReportTexts(**{p: e.toPlainText().strip() for p, e in self.texts.items()})

    def _prefill(self) -> None:
        texts = self._from_plan()
        self._show_texts(texts or ReportTexts())
        self._basis, self._fresh = texts, None
        if texts is not None and self.project_id is not None:
            reports.discard_drafts(self.project_id)

    def _on_prefill(self) -> None:
        if self.project_id is not None and reports.load_drafts(self.project_id):
            answer = QMessageBox.question(
                self,
                self.tr("Prefill the report"),
                self.tr("Replace the text you wrote with the text from the plan?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._gather()
        self._prefill()
        self._check_report()

    def _on_refresh(self) -> None:
        """Take the plan's new text: parts not edited at once, edited ones if the PM says."""
        fresh, basis = self._fresh, self._basis
        if fresh is None or basis is None:
            return
        shown = self.report_texts()
        merged = {}
        for part, new_text in fresh.parts().items():
            old_text = basis.parts()[part]
            mine = shown.parts()[part]
            if new_text == old_text or mine == new_text.strip():
                merged[part] = self.texts[part].toPlainText()
            elif mine == old_text.strip():
                merged[part] = new_text
            else:
                answer = QMessageBox.question(
                    self,
                    self.tr("Refresh the report"),
                    self.tr(
                        "You edited “{part}” and the plan changed since. Replace your text "
                        "with the text from the plan? No keeps your text as it is."
                    ).format(part=self._titles[part]),
                )
                replace = answer == QMessageBox.StandardButton.Yes
                merged[part] = new_text if replace else self.texts[part].toPlainText()
        self._show_texts(ReportTexts(**merged))
        self._basis, self._fresh = fresh, None
        self.save_drafts()
        self._check_report()

    def _on_period_changed(self, *_args: object) -> None:
        if self._filling:
            return
        self._gather()
        if self.project_id is not None and not reports.load_drafts(self.project_id):
            self._prefill()
        self._check_report()

    def _on_report_text_changed(self) -> None:
        if self._filling:
            return
        self.autosave.changed()
        self._check_report()

    def save_drafts(self) -> None:
        """Keep the report being typed (a crash loses at most the last second), as the
        draft of the project whose report the boxes show."""
        if self._report_project is None:
            return
        for part, edit in self.texts.items():
            reports.save_draft(self._report_project, part, edit.toPlainText())

    # -- the check -----------------------------------------------------------------------
    def _check_report(self) -> bool:
        """Show whether the report may go out; True if it is up to date and names no late
        person."""
        facts = self._facts
        self._show_stale()
        if facts is None:
            self.check_label.setText(self.tr("Choose a period that ends on or after its start."))
            self.export_report_button.setEnabled(False)
            self.follow_up_button.setEnabled(False)
            return False
        found = reports.naming_problems(self.report_texts(), facts, self._document_language())
        if found:
            where = "; ".join(f"{f.found} ({f.where})" for f in found)
            self.check_label.setText(
                self.tr(
                    "Cannot export: the report names people who are late in this period: "
                    "{where}. Praise in public, follow up in private: state the next step "
                    "instead of the name."
                ).format(where=where)
            )
            self.check_label.setStyleSheet("color: #9c0006; font-weight: bold")
        else:
            missing = reports.missing_next_steps(facts)
            text = self.tr("Ready: no late person is named.")
            if missing:
                text += " " + self.tr(
                    "%n late step(s) have no next step yet (the report says it is being "
                    "agreed): fill it in on the right.",
                    "",
                    len(missing),
                )
            self.check_label.setText(text)
            self.check_label.setStyleSheet("color: #1e6b30" if not missing else "color: #8a5a00")
        ready = not found and not self.stale
        self.export_report_button.setEnabled(ready)
        self.follow_up_button.setEnabled(bool(facts.late_people))
        return ready

    def _show_stale(self) -> None:
        if not self.stale:
            self.stale_box.hide()
            return
        assert self._fresh is not None and self._basis is not None
        changed = [
            self._titles[part]
            for part, text in self._fresh.parts().items()
            if text != self._basis.parts()[part]
        ]
        self.stale_label.setText(
            self.tr(
                "The plan changed since this text was written ({parts}): refresh it from the "
                "plan before exporting."
            ).format(parts=", ".join(changed))
        )
        self.stale_box.show()

    # -- exports -------------------------------------------------------------------------
    def export_report(self) -> None:
        """Export the report (File → Export): refused while stale or naming late people."""
        if self.project_id is None or self._facts is None or not self._check_report():
            if self.stale:
                QMessageBox.information(
                    self,
                    self.tr("Status report"),
                    self.tr("The plan changed since the report text was written: refresh it."),
                )
            return
        from pmdesk.exports.status_report_docx import write_report

        facts, texts = self._facts, self.report_texts()
        language = self._document_language()
        saved: dict[str, StatusReport] = {}

        def write(path: Path) -> Path:
            written, saved["report"] = write_report(facts, texts, path, language)
            return written

        project = facts.project
        name = self.tr("{project} status report {date}").format(
            project=project.code or project.name, date=facts.period_end.isoformat()
        )
        project_id = self.project_id

        def sent() -> None:
            # The record of what was sent is no undo step: undo cannot take a file back.
            self.context.editor.notify(Changes.of(StatusReport))
            self.autosave.stop()  # the text went out: no draft of it comes back
            reports.discard_drafts(project_id)

        self._save_file(name, ".docx", self.tr("Word documents (*.docx)"), write, then=sent)

    def _on_export_report(self) -> None:
        self.export_report()

    def _on_follow_ups(self) -> None:
        if self.project_id is None or self._facts is None or not self._facts.late_people:
            return
        from pmdesk.exports.follow_up_drafts import write_follow_ups

        facts, today, language = self._facts, self._today(), self._document_language()
        drafts = reports.follow_up_drafts(facts, language, today)
        name = f"INTERNAL follow-ups {facts.period_end.isoformat()}"
        written = self._save_file(
            name,
            ".docx",
            self.tr("Word documents (*.docx)"),
            lambda path: write_follow_ups(facts, drafts, path, language, today),
        )
        if written is None:
            return
        created = reports.create_follow_ups(self.project_id, drafts, today)
        with self.context.editor.macro(self.tr("Follow-ups for late people")):
            for follow_up_id in created:
                self.context.editor.created(FollowUp, follow_up_id, self.tr("Follow-up"))
