"""Opening a search hit in its tab: the project, the tab, and the record where it can."""

from __future__ import annotations

from typing import Any

from pmdesk.services.search import HitKind, SearchHit


def open_hit(window: Any, hit: SearchHit) -> None:
    """Show `hit` in the main window: its project, its tab, its meeting or decision."""
    if window.project_id != hit.project_id:
        window.select_project(hit.project_id)
    if hit.kind == HitKind.DECISION:
        window.tabs.setCurrentWidget(window.decisions_tab)
        window.decisions_tab.select_decision(hit.record_id)
    elif hit.kind in (HitKind.NOTE, HitKind.MEETING, HitKind.AGENDA_ITEM):
        window.tabs.setCurrentWidget(window.live_tab)
        box = window.live_tab.meeting_box
        position = box.findData(hit.meeting_id)
        if position >= 0:
            box.setCurrentIndex(position)
    elif hit.kind == HitKind.PERSON:
        window.tabs.setCurrentWidget(window.stakeholders_tab)
    else:  # actions and follow-ups
        window.tabs.setCurrentWidget(window.progress_tab)
