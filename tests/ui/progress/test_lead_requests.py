"""Lead requests resolved, or made action items."""

from __future__ import annotations

from pmdesk.models import (
    ActionItem,
    ActionSource,
    LeadRequest,
)
from pmdesk.ui.progress.tab import ProgressTab

from ..conftest import TODAY
from .conftest import row_where


def test_lead_request_resolved_and_made_an_action_item(tab: ProgressTab) -> None:
    requests = tab.lead_requests.requests
    row = row_where(requests, lambda r: r.status == "open")
    request_id = requests.row(row).id
    tab.lead_requests.requests_view.selectRow(row)
    tab.lead_requests._on_request_to_action()
    step = ActionItem.get(ActionItem.lead_request == request_id, ActionItem.id > 20)
    assert step.source == ActionSource.LEAD_REQUEST
    assert tab.sections.currentWidget() is tab.steps
    row = row_where(requests, lambda r: r.id == request_id)
    requests.setData(requests.index(row, requests.column_index("Status")), "resolved")
    assert LeadRequest.get_by_id(request_id).resolved_on == TODAY
