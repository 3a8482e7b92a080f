"""People on both sides of a project, in the order a PM reads a register."""

from __future__ import annotations

from pmdesk.models import ActionItem, Assessment, Meeting, Note, Person, Role, Side
from pmdesk.services.common import get_or_fail

ROLE_ORDER = list(Role)


def list_people(project_id: int, side: Side | None = None) -> list[Person]:
    query = Person.select().where(Person.project == project_id)
    if side is not None:
        query = query.where(Person.side == side.value)
    people = list(query)
    people.sort(key=lambda p: (p.side != Side.CLIENT, ROLE_ORDER.index(Role(p.role)), p.name))
    return people


def get_person(person_id: int) -> Person:
    return get_or_fail(Person, person_id)


def assessments(person_id: int) -> list[Assessment]:
    return list(
        Assessment.select()
        .where(Assessment.person == person_id)
        .order_by(Assessment.assessed_at, Assessment.id)
    )


def notes_said(person_id: int) -> list[Note]:
    """Everything the person said in meetings, newest meeting first."""
    return list(
        Note.select(Note, Meeting)
        .join(Meeting)
        .where(Note.speaker == person_id)
        .order_by(Meeting.starts_at.desc(nulls="LAST"), Note.offset_seconds)
    )


def actions_owned(person_id: int) -> list[ActionItem]:
    return list(
        ActionItem.select()
        .where(ActionItem.owner == person_id)
        .order_by(ActionItem.due_date.asc(nulls="LAST"), ActionItem.id)
    )
