"""Lead requests: the opinions and questions the client lead raises as a team member,
resolved as they come or turned into action items."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from pmdesk.models import ActionItem, LeadRequest, RequestKind, RequestStatus
from pmdesk.services import progress
from pmdesk.ui.dialogs.progress_forms import RequestDialog
from pmdesk.ui.models.records import DONE_BRUSH, Column, RecordTableModel
from pmdesk.ui.progress.common import PlanShown, ProgressSection, bar, button, field_value
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.selection import current_record
from pmdesk.ui.widgets.tables import fit_columns, record_table


class LeadRequestsSection(ProgressSection):
    """The lead's requests; `step_made` when one became an action item."""

    step_made = Signal()

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("leadRequestsSection")
        label = context.label
        self._owner_choices: list[tuple[Any, str]] = []
        self.requests = RecordTableModel[LeadRequest](
            [
                Column(self.tr("Raised"), lambda r: r.raised_on),
                Column(self.tr("Kind"), lambda r: label(RequestKind(r.kind))),
                Column(self.tr("Request"), lambda r: r.text, stretch=True),
                Column(
                    self.tr("Owner"),
                    lambda r: r.__data__.get("owner"),
                    display=lambda r: r.owner.name if r.owner else "",
                    choices=self._owner_choices,
                    edit=lambda r, v: self._edit_record(r, {"owner": v}, self.tr("Change owner")),
                ),
                Column(
                    self.tr("Status"),
                    lambda r: r.status,
                    display=lambda r: label(RequestStatus(r.status)),
                    choices=context.choices(RequestStatus),
                    edit=self._set_request_status,
                ),
                Column(self.tr("Resolved"), lambda r: r.resolved_on),
                Column(
                    self.tr("Resolution"),
                    lambda r: r.resolution,
                    edit=lambda r, v: self._edit_record(
                        r, {"resolution": str(v).strip()}, self.tr("Resolution")
                    ),
                ),
            ],
            self,
        )
        self.requests.background = lambda r: DONE_BRUSH if r.status == "resolved" else None
        self.requests_view = record_table(self.requests, self.tr("Lead requests"), self)
        self.requests_view.doubleClicked.connect(self._on_requests_view_double_clicked)
        self.to_action_button = button(
            self.tr("&Make an action item"), self, self._on_request_to_action
        )
        self.layout_.addLayout(
            bar(
                button(self.tr("&Add request…"), self, self._on_add_request),
                button(self.tr("&Edit…"), self, self._on_edit_request),
                self.to_action_button,
                button(self.tr("De&lete"), self, self._on_delete_request),
            )
        )
        self.layout_.addWidget(self.requests_view, 1)

    def show_plan(self, shown: PlanShown | None) -> None:
        self.shown = shown
        self._owner_choices[:] = [(None, "—"), *((p.id, p.name) for p in self.people)]
        self.requests.set_rows(progress.lead_requests(shown.project_id) if shown else [])
        fit_columns(self.requests_view)

    def open_count(self) -> int:
        return sum(r.status == RequestStatus.OPEN for r in self.requests.all_rows())

    def _set_request_status(self, request: LeadRequest, status: str) -> None:
        values = progress.request_status_values(status, self._today())
        self._edit_record(request, values, self.tr("Change request status"))

    def _on_add_request(self) -> None:
        if self.project_id is None:
            return
        dialog = RequestDialog(self.context, self.people, None, self._default_lead(), self)
        if dialog.exec() != RequestDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        project_id = self.project_id
        self.context.editor.create(
            LeadRequest,
            lambda: progress.create_request(
                project_id,
                v["text"],
                kind=RequestKind(v["kind"]),
                raised_on=v["raised_on"],
                raised_by_id=v["raised_by"],
                owner_id=v["owner"],
            ),
            self.tr("Add request"),
        )

    def _on_edit_request(self) -> None:
        request = current_record(self.requests_view, self.requests)
        if request is None:
            return
        dialog = RequestDialog(self.context, self.people, request, None, self)
        if dialog.exec() != RequestDialog.DialogCode.Accepted:
            return
        values = {k: v for k, v in dialog.values().items() if v != field_value(request, k)}
        if values.get("text") == "":
            self.context.editor.report(self.tr("text: cannot be empty"))
        elif values:
            self._edit_record(request, values, self.tr("Edit request"))

    def _on_requests_view_double_clicked(self, index: Any) -> None:
        if not self.requests.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self._on_edit_request()

    def _on_request_to_action(self) -> None:
        request = current_record(self.requests_view, self.requests)
        if request is None:
            return
        request_id = request.id
        today = self._today()
        created = self.context.editor.create(
            ActionItem,
            lambda: progress.action_from_request(
                request_id, due_date=today + dt.timedelta(days=7), today=today
            ),
            self.tr("Make an action item"),
        )
        if created is not None:
            self.step_made.emit()

    def _on_delete_request(self) -> None:
        request = current_record(self.requests_view, self.requests)
        if request is not None:
            self.context.editor.delete(LeadRequest, request.id, self.tr("Delete request"))
