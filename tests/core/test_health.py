"""Project health figures (services.health) on both backends."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmdesk.models import (
    ActionItem,
    ActionStatus,
    Engagement,
    Language,
    MilestoneReview,
    Person,
    Project,
    Side,
)
from pmdesk.services import NotFound, health

TODAY = dt.date(2026, 11, 27)  # a Friday
MONDAY = dt.date(2026, 11, 23)


def _project() -> int:
    return int(Project.create(name="ERP rollout").id)


def _step(project: int, due: dt.date, status: ActionStatus, done: dt.date | None = None) -> None:
    ActionItem.create(
        project=project, title=f"Step due {due}", due_date=due, status=status.value,
        completed_on=done,
    )  # fmt: skip


def test_steps_are_counted_by_the_week_they_were_due(database: Path) -> None:
    project = _project()
    last_week = MONDAY - dt.timedelta(days=7)
    _step(project, last_week, ActionStatus.DONE, last_week)  # on time
    _step(project, last_week + dt.timedelta(days=2), ActionStatus.DONE, MONDAY)  # late
    _step(project, last_week + dt.timedelta(days=4), ActionStatus.OPEN)  # overdue
    _step(project, TODAY, ActionStatus.IN_PROGRESS)
    _step(project, TODAY, ActionStatus.CANCELLED)  # not counted
    _step(project, MONDAY - dt.timedelta(weeks=8), ActionStatus.OPEN)  # before the chart
    other = _project()
    _step(other, TODAY, ActionStatus.OPEN)

    weeks = health.step_weeks(project, TODAY)

    assert len(weeks) == health.WEEKS
    assert weeks[-1].monday == MONDAY
    assert weeks[0].monday == MONDAY - dt.timedelta(weeks=health.WEEKS - 1)
    assert (weeks[-2].on_time, weeks[-2].late, weeks[-2].open) == (1, 1, 1)
    assert (weeks[-1].on_time, weeks[-1].late, weeks[-1].open) == (0, 0, 1)
    assert sum(w.total for w in weeks[:-2]) == 0


def test_review_turnaround_is_the_median_and_longest_and_what_waits(database: Path) -> None:
    project = _project()
    for submitted, reviewed in ((1, 3), (10, 14), (20, 21)):
        MilestoneReview.create(
            project=project,
            title=f"Review {submitted}",
            submitted_on=dt.date(2026, 11, submitted),
            reviewed_on=dt.date(2026, 11, reviewed),
        )
    MilestoneReview.create(project=project, title="Waits", submitted_on=dt.date(2026, 11, 22))
    MilestoneReview.create(project=project, title="Not submitted")

    turnaround = health.review_turnaround(project, TODAY)

    assert turnaround == health.Turnaround(
        reviewed=3, median_days=2, longest_days=4, waiting=1, waiting_days=5
    )
    assert health.review_turnaround(_project(), TODAY).median_days is None


def test_the_median_of_an_even_count_is_the_mean_of_the_middle_two() -> None:
    import statistics

    for days in ([3], [4, 1], [2, 9, 4, 4], [0, 1, 5, 8, 13, 21]):
        assert health.median(days) == statistics.median(days)
    assert health.median([1, 4]) == 2.5


def test_engagement_gaps_are_client_people_with_both_levels_widest_first(database: Path) -> None:
    project = _project()

    def person(
        name: str, current: Engagement | None, desired: Engagement | None, **more: str
    ) -> None:
        Person.create(
            project=project,
            name=name,
            engagement_current=current.value if current else None,
            engagement_desired=desired.value if desired else None,
            **more,
        )

    person("王芳", Engagement.RESISTANT, Engagement.LEADING)
    person("Li Wei", Engagement.NEUTRAL, Engagement.SUPPORTIVE)
    person("Zhao", Engagement.SUPPORTIVE, Engagement.SUPPORTIVE)
    person("No level", None, Engagement.LEADING)
    person("Our consultant", Engagement.UNAWARE, Engagement.LEADING, side=Side.CONSULTANT.value)

    gaps = health.engagement_gaps(project)

    assert [(g.name, g.current, g.desired, g.gap) for g in gaps] == [
        ("王芳", 1, 4, 3),
        ("Li Wei", 2, 3, 1),
        ("Zhao", 3, 3, 0),
    ]


def test_the_demo_project_has_figures_to_draw(database: Path) -> None:
    from pmdesk.demo import create_demo_project

    demo = create_demo_project(Language.EN, today=TODAY)
    figures = health.project_health(demo, TODAY)
    assert figures.project_id == demo
    assert sum(w.total for w in figures.weeks) > 0
    assert figures.gaps
    with pytest.raises(NotFound):
        health.project_health(demo + 999, TODAY)
