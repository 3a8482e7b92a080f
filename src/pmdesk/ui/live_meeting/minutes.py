"""Minutes and sending: write the minutes and the email draft, and keep the distribution
record (sent, the client's feedback, whether the implementation must be revised)."""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import Language, Meeting, MinutesDistribution
from pmdesk.services import NotFound, ValidationProblem, capture, meetings, projects
from pmdesk.ui.dialogs.minutes_dialogs import (
    DistributionDialog,
    DistributionValues,
    revision_labels,
)
from pmdesk.ui.export_runner import run_export
from pmdesk.ui.live_meeting.common import MeetingSection, MeetingShown
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext, group
from pmdesk.ui.widgets.forms import plain_label, problem_text
from pmdesk.ui.widgets.selection import current_record
from pmdesk.ui.widgets.tables import fit_columns, record_table


class MinutesSection(MeetingSection):
    """The minutes and email of the meeting shown, and the record of their sending."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("minutesSection")
        edit = context.editor.edit_record
        self.by_agenda = QRadioButton(self.tr("Key points by a&genda item"), self)
        self.by_speaker = QRadioButton(self.tr("Key points by s&peaker"), self)
        self.by_agenda.setChecked(True)
        self.cc_team = QCheckBox(self.tr("&Cc the consultant team"), self)
        self.minutes_button = QPushButton(self.tr("Write minutes (.&docx)…"), self)
        self.email_button = QPushButton(self.tr("Write &email draft (.eml)…"), self)
        self.minutes_button.setAccessibleName(self.tr("Write minutes"))
        self.email_button.setAccessibleName(self.tr("Write email draft"))
        self.minutes_action = QAction(self.tr("Meeting &minutes (.docx)…"), self)
        self.email_action = QAction(self.tr("Minutes &email draft (.eml)…"), self)
        self.recipients_label = QLabel(self)
        self.recipients_label.setWordWrap(True)
        self.recipients_label.setTextFormat(Qt.TextFormat.RichText)
        options = QWidget(self)
        options_layout = QVBoxLayout(options)
        row = QHBoxLayout()
        row.addWidget(self.by_agenda)
        row.addWidget(self.by_speaker)
        row.addSpacing(16)
        row.addWidget(self.cc_team)
        row.addStretch(1)
        options_layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.minutes_button)
        row.addWidget(self.email_button)
        row.addStretch(1)
        options_layout.addLayout(row)
        options_layout.addWidget(self.recipients_label)
        minutes_note = QLabel(
            self.tr(
                "The minutes and the email are for the client: what was said is minuted as "
                "said; internal notes, attitudes and your judgement of what each leader "
                "values are never in them."
            ),
            self,
        )
        minutes_note.setWordWrap(True)
        options_layout.addWidget(minutes_note)

        revision = revision_labels()
        self.distributions = RecordTableModel[MinutesDistribution](
            [
                Column(
                    self.tr("Version"),
                    lambda d: d.version,
                    edit=lambda d, v: edit(d, {"version": v}, self.tr("Edit version")),
                ),
                Column(self.tr("Sent at"), lambda d: d.sent_at),
                Column(
                    self.tr("Recipients"),
                    lambda d: d.recipients,
                    edit=lambda d, v: edit(d, {"recipients": v}, self.tr("Edit recipients")),
                ),
                Column(
                    self.tr("Client's feedback"),
                    lambda d: d.client_feedback,
                    stretch=True,
                    edit=lambda d, v: edit(
                        d,
                        {"client_feedback": v},
                        self.tr("Edit client's feedback"),
                    ),
                ),
                Column(
                    self.tr("Revise implementation?"),
                    lambda d: d.revision_needed,
                    display=lambda d: revision[d.revision_needed],
                    choices=list(revision.items()),
                    edit=lambda d, v: edit(
                        d,
                        {"revision_needed": v},
                        self.tr("Change revision decision"),
                    ),
                ),
                Column(
                    self.tr("Items to revise"),
                    lambda d: d.revision_items,
                    edit=lambda d, v: edit(
                        d,
                        {"revision_items": v},
                        self.tr("Edit items to revise"),
                    ),
                ),
            ],
            self,
        )
        self.distributions_view = record_table(
            self.distributions, self.tr("Distribution record"), self
        )
        self.distributions_view.setWordWrap(True)  # feedback and items are read in full
        self.record_sending_button = QPushButton(self.tr("&Record a sending…"), self)
        self.delete_sending_button = QPushButton(self.tr("De&lete"), self)
        self.items_to_actions_button = QPushButton(self.tr("Items → ac&tion items"), self)
        self.items_to_scope_button = QPushButton(self.tr("Items → project &scope"), self)
        self.items_to_actions_button.setToolTip(
            self.tr("Each item to revise becomes an action item of this meeting")
        )
        self.items_to_scope_button.setToolTip(
            self.tr("Each item to revise becomes an in-scope line of the project boundary")
        )
        record_box = QWidget(self)
        record_layout = QVBoxLayout(record_box)
        record_layout.addWidget(self.distributions_view, 1)
        row = QHBoxLayout()
        for button in (
            self.record_sending_button,
            self.delete_sending_button,
            self.items_to_actions_button,
            self.items_to_scope_button,
        ):
            button.setAccessibleName(plain_label(button.text()))
            row.addWidget(button)
        row.addStretch(1)
        record_layout.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(group(self.tr("Minutes and email draft"), options))
        layout.addWidget(
            group(self.tr("Distribution record: sent, feedback, decision"), record_box), 1
        )
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.minutes_button.clicked.connect(self._on_minutes_triggered)
        self.email_button.clicked.connect(self._on_email_triggered)
        self.cc_team.toggled.connect(self._on_cc_team_toggled)
        self.minutes_action.triggered.connect(self._on_minutes_triggered)
        self.email_action.triggered.connect(self._on_email_triggered)
        self.record_sending_button.clicked.connect(self._on_record_sending_clicked)
        self.delete_sending_button.clicked.connect(self._on_delete_sending_clicked)
        self.items_to_actions_button.clicked.connect(self._on_items_to_actions_clicked)
        self.items_to_scope_button.clicked.connect(self._on_items_to_scope_clicked)

    # -- showing -----------------------------------------------------------------------
    def show_meeting(self, shown: MeetingShown | None) -> None:
        self.shown = shown
        self.minutes_action.setEnabled(shown is not None)
        self.email_action.setEnabled(shown is not None)
        if shown is None:
            self.distributions.set_rows([])
            return
        self.distributions.set_rows(capture.distributions(shown.meeting_id))
        fit_columns(self.distributions_view, 240)
        self.distributions_view.resizeRowsToContents()
        self._show_recipients()

    def _show_recipients(self) -> None:
        if self.meeting_id is None:
            return
        to, team = capture.minutes_recipients(self.meeting_id)
        with_email = [p.name for p in to if p.email]
        without = [p.name for p in to if not p.email]
        text = self.tr("To: {names}").format(
            names=html.escape(", ".join(with_email)) or self.tr("nobody with an email address")
        )
        if self.cc_team.isChecked():
            cc = [p.name for p in team if p.email]
            text += "<br>" + self.tr("Cc: {names}").format(names=html.escape(", ".join(cc)))
            missing = capture.left_out_of_email(self.meeting_id, cc_team=True).team
            without += [p.name for p in missing]
        if without:
            text += (
                "<br><span style='color:#b00020'>"
                + self.tr("No email address (add it in Stakeholders): {names}").format(
                    names=html.escape(", ".join(without))
                )
                + "</span>"
            )
        self.recipients_label.setText(text)

    def _on_cc_team_toggled(self, _checked: bool) -> None:
        self._show_recipients()

    # -- minutes and email ---------------------------------------------------------------
    @property
    def grouping(self) -> str:
        return "speaker" if self.by_speaker.isChecked() else "agenda"

    def _document_language(self, meeting: Meeting) -> Language:
        return Language(projects.get_project(meeting.project_id).document_language)

    def _on_minutes_triggered(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        meeting = meetings.get_meeting(meeting_id)
        from pmdesk.exports.minutes_docx import export_minutes, minutes_file_name

        name = minutes_file_name(meeting, self._document_language(meeting)).removesuffix(".docx")
        run_export(
            self,
            self.context.settings,
            "minutes",
            meeting_id,
            name,
            function=functools.partial(export_minutes, grouping=self.grouping),
        )

    def _on_email_triggered(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        meeting = meetings.get_meeting(meeting_id)
        language = self._document_language(meeting)
        from pmdesk.exports.email_eml import export_minutes_email
        from pmdesk.exports.minutes_docx import minutes_file_name

        name = minutes_file_name(meeting, language).removesuffix(".docx")
        cc_team = self.cc_team.isChecked()
        if not self._confirm_left_out(meeting_id, cc_team):
            return
        written = run_export(
            self,
            self.context.settings,
            "email",
            meeting_id,
            name,
            function=functools.partial(
                export_minutes_email, cc_team=cc_team, grouping=self.grouping
            ),
        )
        if written is None:
            return
        to, team = capture.minutes_recipients(meeting_id)
        recipients = [p for p in to if p.email] + ([p for p in team if p.email] if cc_team else [])
        version = capture.next_version(meeting_id)
        answer = QMessageBox.question(
            self,
            self.tr("Record as sent?"),
            self.tr(
                "The email draft is open in your mail program. Record version {version} of "
                "the minutes as sent now, to %n recipient(s)? You can add the client's "
                "feedback later.",
                "",
                len(recipients),
            ).format(version=version),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._save_distribution(
                meeting_id,
                DistributionValues(
                    version,
                    self.context.now().replace(microsecond=0),
                    capture.address_list(recipients),
                    "",
                    None,
                    "",
                ),
            )

    def _confirm_left_out(self, meeting_id: int, cc_team: bool) -> bool:
        """Before the draft is written: name whoever it misses; True to write it anyway."""
        missing = capture.left_out_of_email(meeting_id, cc_team=cc_team)
        if not missing:
            return True
        lines = []
        if missing.clients:
            lines.append(
                self.tr("Not in To (no email address): {names}").format(
                    names=", ".join(p.name for p in missing.clients)
                )
            )
        if missing.team:
            lines.append(
                self.tr("Not in Cc (no email address): {names}").format(
                    names=", ".join(p.name for p in missing.team)
                )
            )
        answer = QMessageBox.question(
            self,
            self.tr("Not everyone gets the draft"),
            "\n".join(lines)
            + "\n\n"
            + self.tr(
                "Write the draft without them? To include them, add their addresses in "
                "Stakeholders first."
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- the distribution record ---------------------------------------------------------
    def _save_distribution(self, meeting_id: int, values: DistributionValues) -> bool:
        try:
            _record, change = capture.record_distribution(
                meeting_id,
                version=values.version,
                sent_at=values.sent_at,
                recipients=values.recipients,
                client_feedback=values.client_feedback,
                revision_needed=values.revision_needed,
                revision_items=values.revision_items,
            )
        except (ValidationProblem, NotFound) as problem:
            self.context.editor.report(problem_text(problem))
            return False
        self._record(self.tr("Record minutes sent"), change)
        return True

    def _on_record_sending_clicked(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        to, _team = capture.minutes_recipients(meeting_id)
        dialog = DistributionDialog(
            capture.next_version(meeting_id),
            self.context.now().replace(second=0, microsecond=0),
            capture.address_list(to),
            functools.partial(self._save_distribution, meeting_id),
            self,
        )
        dialog.exec()

    def selected_distribution(self) -> MinutesDistribution | None:
        return current_record(self.distributions_view, self.distributions)

    def _on_delete_sending_clicked(self) -> None:
        record = self.selected_distribution()
        if record is not None:
            self.context.editor.delete(
                MinutesDistribution, record.id, self.tr("Delete distribution record")
            )

    def _on_items_to_actions_clicked(self) -> None:
        self._revise(
            capture.revision_actions,
            self.tr("Items to revise → action items"),
            lambda n: self.tr("%n action item(s) added; see the Progress tab.", "", n),
        )

    def _on_items_to_scope_clicked(self) -> None:
        self._revise(
            capture.revision_scope_items,
            self.tr("Items to revise → project scope"),
            lambda n: self.tr("%n line(s) added to the project scope.", "", n),
        )

    def _revise(
        self,
        make: Callable[[int], tuple[list[Any], Any]],
        undo_text: str,
        done: Callable[[int], str],
    ) -> None:
        """Turn the chosen sending's items to revise into records, as one undo step."""
        record = self.selected_distribution()
        if record is None:
            self.context.editor.report(self.tr("Select a sending of the minutes first."))
            return
        try:
            created, change = make(record.id)
        except (ValidationProblem, NotFound) as problem:
            self.context.editor.report(problem_text(problem))
            return
        if created:
            self._record(undo_text, change)
        QMessageBox.information(self, self.tr("Items to revise"), done(len(created)))
