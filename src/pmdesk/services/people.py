"""People on both sides of a project by seniority: the client first, by role (the leaders,
the project lead, the cooperating staff; then the PM and the team), and within a role by
the rank the PM sets (the sponsor first). Client documents list people so, and so does the
window."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, TypeVar

from peewee import fn

from pmdesk.db import transaction
from pmdesk.models import ActionItem, Assessment, Meeting, Note, Person, Role, Side
from pmdesk.services.common import Changes, get_or_fail, read_records

ROLE_ORDER = [
    Role.CLIENT_LEADER,
    Role.CLIENT_LEAD,
    Role.COOPERATING_STAFF,
    Role.CONSULTANT_PM,
    Role.CONSULTANT_MEMBER,
]

T = TypeVar("T")


def seniority_key(person: Person) -> tuple[bool, int, int, int]:
    """Where `person` stands in a list by seniority (client first, by role, then rank)."""
    return (
        person.side != Side.CLIENT,
        ROLE_ORDER.index(Role(person.role)),
        person.seniority,
        person.id,
    )


def by_seniority(people: Iterable[Person]) -> list[Person]:
    return sorted(people, key=seniority_key)


def by_person_seniority(records: Iterable[T], person_of: Callable[[T], Person]) -> list[T]:
    """`records` (attendees, priorities…) in the seniority order of their people."""
    return sorted(records, key=lambda record: seniority_key(person_of(record)))


def list_people(project_id: int, side: Side | None = None) -> list[Person]:
    query = Person.select().where(Person.project == project_id)
    if side is not None:
        query = query.where(Person.side == side.value)
    return by_seniority(read_records(Person, query))


def next_seniority(project_id: int) -> int:
    """The rank a person added now gets: after everyone of their role."""
    highest = Person.select(fn.MAX(Person.seniority)).where(Person.project == project_id).scalar()
    return 0 if highest is None else int(highest) + 1


class SeniorityMove(NamedTuple):
    """Ranks of the people of one role before and after a move (undo puts `before` back)."""

    before: dict[int, int]
    after: dict[int, int]


def move(person_id: int, step: int, among: Sequence[int] | None = None) -> SeniorityMove | None:
    """Move a person up (-1, more senior) or down (+1) among the people of their role;
    None if they are already first or last.

    `among`: the people shown (a filtered register, a meeting's attendees): the person
    passes the next of them, whoever is in between. One transaction.
    """
    person = get_or_fail(Person, person_id)
    group = by_seniority(
        Person.select().where(
            (Person.project == person.__data__["project"]) & (Person.role == person.role)
        )
    )
    ids = [p.id for p in group]
    visible = [i for i in ids if among is None or i in among or i == person_id]
    index = visible.index(person_id)
    target = index + step
    if step == 0 or not 0 <= target < len(visible):
        return None
    passed = visible[target]
    ids.remove(person_id)
    at = ids.index(passed)
    ids.insert(at if step < 0 else at + 1, person_id)
    before = {p.id: p.seniority for p in group}
    after = {pid: rank for rank, pid in enumerate(ids)}
    apply_seniority(after)
    return SeniorityMove(before, after)


def apply_seniority(ranks: dict[int, int]) -> Changes:
    """Give people these ranks, in one transaction (a move, its undo and redo)."""
    with transaction():
        for person_id, rank in ranks.items():
            person = get_or_fail(Person, person_id)
            if person.seniority != rank:
                Person.update(seniority=rank).where(Person.id == person_id).execute()
    return Changes.of(Person)


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
