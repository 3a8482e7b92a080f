"""What can be done with a Today item: its one action, and done / snooze / dismiss.

The action opens the flow that already does the thing — the reminder draft of the chase
list, a private follow-up with the late step filled in, the person's playbook, the
meeting's minutes and sending record, the report builder… — after switching the window
to the item's project and tab. Done, snooze and dismiss go through
`services.today` (one transaction each) and are undoable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from pmdesk.models import TodayState
from pmdesk.services import Changes
from pmdesk.services import today as today_items
from pmdesk.services.today import Disposition, TodayItem
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.selection import select_record


def listed(project_id: int | None, today: dt.date) -> list[TodayItem]:
    """Today's items of one project or all, without those done, snoozed or dismissed."""
    return today_items.items(project_id, today)


def closed(project_id: int | None, today: dt.date) -> list[tuple[TodayItem, Disposition]]:
    """The items taken off the list, each with what was done (mark, until, reason)."""
    return today_items.closed(project_id, today)


def reopen(item: TodayItem) -> Changes:
    """Put a done, snoozed or dismissed item back on the list."""
    today_items.reopen(item.key)
    return MARKS


#: What a mark changes (the state functions return nothing): the marks' table.
MARKS = Changes.of(TodayState)


# -- opening the flow that does the item ------------------------------------------------
def _progress(window: Any, section_name: str) -> Any:
    tab = window.progress_tab
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    section = getattr(tab, section_name)
    tab.sections.setCurrentWidget(section)
    return section


def _open_review(window: Any, item: TodayItem) -> None:
    section = _progress(window, "gatekeeper")
    select_record(section.reviews_view, section.reviews, item.record_id)
    section.reviews_view.setFocus()


def _nudge_draft(window: Any, item: TodayItem) -> None:
    """The review in the gatekeeper queue, and the nudge draft (.eml) to the client lead."""
    from pmdesk.exports import ExportOptions
    from pmdesk.exports.nudge_eml import export_nudge, nudge_file_name
    from pmdesk.models import MilestoneReview

    _open_review(window, item)
    section = window.progress_tab.gatekeeper
    review = MilestoneReview.get_or_none(MilestoneReview.id == item.record_id)
    if review is None:
        return
    review_id = review.id
    section._save_file(  # the gatekeeper section's own export: where, write, open
        nudge_file_name(review, section._document_language(), section._today()),
        ".eml",
        QCoreApplication.translate("ItemActions", "Email drafts (*.eml)"),
        lambda path: export_nudge(review_id, path, ExportOptions()),
    )


def _open_request(window: Any, item: TodayItem) -> None:
    section = _progress(window, "lead_requests")
    select_record(section.requests_view, section.requests, item.record_id)
    section.requests_view.setFocus()


def _reminder_draft(window: Any, item: TodayItem) -> None:
    section = _progress(window, "chase")
    if select_record(section.chase_view, section.chase, item.record_id):
        section._on_reminder()  # the chase list's own reminder draft (.eml)
    else:
        _open_step(window, item)


def _open_step(window: Any, item: TodayItem) -> None:
    section = _progress(window, "steps")
    select_record(section.plan_view, section.plan, item.record_id)
    section.plan_view.setFocus()


def _open_report(window: Any, item: TodayItem) -> None:
    section = _progress(window, "report")
    section.setFocus()


def _stakeholders(window: Any, item: TodayItem) -> Any:
    tab = window.stakeholders_tab
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    if item.person_id is not None:
        tab.register_section.select(item.person_id)
    return tab


def _new_follow_up(window: Any, item: TodayItem) -> None:
    from pmdesk.models import ActionItem

    tab = _stakeholders(window, item)
    tab.overview.setCurrentWidget(tab.follow_up_section)
    step = ActionItem.get_or_none(ActionItem.id == item.record_id)
    tab.follow_up_section.add_follow_up(
        item.person_id,
        reason=step.title if step is not None else "",
        action_item_id=step.id if step is not None else None,
    )


def _open_playbook(window: Any, item: TodayItem) -> None:
    tab = _stakeholders(window, item)
    tab.detail.setCurrentIndex(0)  # the playbook page of the person's type
    tab.detail.setFocus()


def _kickoff(window: Any, section_name: str, item: TodayItem) -> None:
    tab = window.kickoff_tab
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    section = getattr(tab, section_name)
    tab.sections.setCurrentWidget(section)
    select_record(section.view, section.model, item.record_id)
    section.view.setFocus()


def _open_minutes(window: Any, item: TodayItem) -> None:
    from pmdesk.models import MinutesDistribution

    meeting_id = item.record_id
    distribution = None
    if item.kind != "minutes_unsent":
        distribution = MinutesDistribution.get_or_none(MinutesDistribution.id == item.record_id)
        if distribution is not None:
            meeting_id = distribution.__data__["meeting"]
    tab = window.live_tab
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    position = tab.meeting_box.findData(meeting_id)
    if position >= 0:
        tab.meeting_box.setCurrentIndex(position)
    tab.pages.setCurrentWidget(tab.minutes)
    minutes = tab.minutes
    if distribution is not None:
        select_record(minutes.distributions_view, minutes.distributions, distribution.id)
    minutes.distributions_view.setFocus()


_OPENERS: dict[str, Callable[[Any, TodayItem], None]] = {
    "nudge_draft": _nudge_draft,
    "answer_request": _open_request,
    "reminder_draft": _reminder_draft,
    "new_follow_up": _new_follow_up,
    "check_step": _open_step,
    "thank": _open_report,
    "report_builder": _open_report,
    "tick_checklist": lambda w, i: _kickoff(w, "checklist", i),
    "record_material_feedback": lambda w, i: _kickoff(w, "materials", i),
    "send_minutes": _open_minutes,
    "record_feedback": _open_minutes,
    "send_revision": _open_minutes,
}
_PLAYBOOK = {
    "classify",
    "escalation_memo",
    "send_help",
    "coaching_plan",
    "coaching_session",
    "success_factors",
    "review_type",
}


def open_item(window: Any, item: TodayItem) -> None:
    """Show the item where it is done: its project, its tab, its record (and start the
    flow where there is one to start, such as the reminder draft or the follow-up)."""
    if window.project_id != item.project_id:
        window.select_project(item.project_id)
    opener = _OPENERS.get(item.action)
    if opener is None:
        opener = _open_playbook if item.action in _PLAYBOOK or item.person_id else _open_step
    opener(window, item)


# -- the buttons ------------------------------------------------------------------------
class ItemActions(QWidget):
    """The selected item's buttons: its action, Done, Snooze…, Dismiss…, and the list of
    done and snoozed items to reopen."""

    #: The user asked to do the item (the tab opens its flow).
    do_requested = Signal(object)
    #: The user asked for the done / snoozed / dismissed list.
    closed_requested = Signal()

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item: TodayItem | None = None
        self.do_button = QPushButton(self.tr("Do it"), self)
        self.do_button.setObjectName("todayDo")
        self.done_button = QPushButton(self.tr("&Done"), self)
        self.snooze_button = QPushButton(self.tr("S&nooze…"), self)
        self.dismiss_button = QPushButton(self.tr("Dis&miss…"), self)
        self.closed_button = QPushButton(self.tr("Done and snoo&zed…"), self)
        self.done_button.setToolTip(
            self.tr("Mark it done: it leaves Today (Ctrl+Z brings it back)")
        )
        self.snooze_button.setToolTip(self.tr("Hide it until a date you choose"))
        self.dismiss_button.setToolTip(self.tr("Hide it for good, saying why"))
        self.closed_button.setToolTip(self.tr("The items done, snoozed or dismissed: reopen one"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.do_button, self.done_button, self.snooze_button, self.dismiss_button):
            layout.addWidget(button)
        layout.addStretch(1)
        layout.addWidget(self.closed_button)
        self.do_button.clicked.connect(self._on_do_clicked)
        self.done_button.clicked.connect(self._on_done_clicked)
        self.snooze_button.clicked.connect(self._on_snooze_clicked)
        self.dismiss_button.clicked.connect(self._on_dismiss_clicked)
        self.closed_button.clicked.connect(self.closed_requested.emit)
        self.show_item(None)

    def action_label(self, item: TodayItem) -> str:
        """The action button's words for `item`."""
        labels = {
            "nudge_draft": self.tr("Write the nudge email…"),
            "answer_request": self.tr("Open the lead's request"),
            "reminder_draft": self.tr("Write the reminder email…"),
            "new_follow_up": self.tr("Log a private follow-up…"),
            "check_step": self.tr("Open the step"),
            "thank": self.tr("Open the status report"),
            "report_builder": self.tr("Open the report builder"),
            "tick_checklist": self.tr("Open the kickoff checklist"),
            "record_material_feedback": self.tr("Open the material"),
            "send_minutes": self.tr("Open the minutes to send"),
            "record_feedback": self.tr("Open the minutes' sending record"),
            "send_revision": self.tr("Open the minutes' sending record"),
        }
        return labels.get(item.action, self.tr("Open the person's playbook"))

    def show_item(self, item: TodayItem | None) -> None:
        self.item = item
        self.do_button.setText(self.action_label(item) if item else self.tr("Do it"))
        self.do_button.setEnabled(item is not None)
        for button in (self.done_button, self.snooze_button, self.dismiss_button):
            button.setEnabled(item is not None)

    def _on_do_clicked(self) -> None:
        if self.item is not None:
            self.do_requested.emit(self.item)

    # -- done / snooze / dismiss ---------------------------------------------------------
    def mark_done(self, item: TodayItem) -> None:
        self._close(self.tr("Done: %1"), item, lambda: today_items.done(item))

    def snooze(self, item: TodayItem, until: dt.date) -> None:
        self._close(self.tr("Snooze: %1"), item, lambda: today_items.snooze(item, until))

    def dismiss(self, item: TodayItem, reason: str) -> None:
        self._close(self.tr("Dismiss: %1"), item, lambda: today_items.dismiss(item, reason))

    def _close(self, text: str, item: TodayItem, close: Callable[[], object]) -> None:
        from pmdesk.services import ValidationProblem

        try:
            close()
        except ValidationProblem as problem:
            from pmdesk.ui.widgets.forms import problem_text

            self.context.editor.report(problem_text(problem))
            return
        key = item.key
        self.context.editor.record(
            text.replace("%1", _short(item.reason(self.context.language))),
            redo=close,
            undo=lambda: today_items.reopen(key),
            changes=MARKS,
        )

    def _on_done_clicked(self) -> None:
        if self.item is not None:
            self.mark_done(self.item)

    def _on_snooze_clicked(self) -> None:
        item = self.item
        if item is None:
            return
        from pmdesk.ui.today.marks import SnoozeDialog

        today = self.context.now().date()
        dialog = SnoozeDialog(today, self)
        if dialog.exec() == SnoozeDialog.DialogCode.Accepted:
            self.snooze(item, dialog.until())

    def _on_dismiss_clicked(self) -> None:
        item = self.item
        if item is None:
            return
        from pmdesk.ui.today.marks import DismissDialog

        dialog = DismissDialog(self)
        if dialog.exec() == DismissDialog.DialogCode.Accepted:
            self.dismiss(item, dialog.reason())


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
