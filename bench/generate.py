"""Deterministic data for benchmarks: the demo, or many projects of realistic shape.

    python -m bench.generate large bench/data/large.db
    python -m bench.generate --projects 5 --people 200 ... FILE

The same size and seed always give the same rows. Rows are inserted in bulk, one
transaction per table, so building the large database takes seconds, not minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import Model

from pmdesk import db
from pmdesk.demo import create_demo_project
from pmdesk.models import (
    ActionItem,
    ActionStatus,
    Attendee,
    CooperationType,
    Engagement,
    Language,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MilestoneReview,
    Note,
    NoteKind,
    Person,
    Priority,
    Project,
    ReviewState,
    Role,
    Rsvp,
    Side,
)

TODAY = dt.date(2026, 11, 27)


@dataclass(frozen=True)
class Size:
    projects: int
    people: int
    meetings: int
    notes: int
    actions: int


SIZES = {
    "tiny": Size(projects=2, people=40, meetings=8, notes=400, actions=300),
    "medium": Size(projects=10, people=1000, meetings=400, notes=20_000, actions=10_000),
    "large": Size(projects=50, people=5000, meetings=2000, notes=100_000, actions=50_000),
}

SURNAMES = [
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Zhao",
    "Huang",
    "Zhou",
    "Wu",
    "Smith",
    "Jones",
    "Brown",
    "Taylor",
    "Evans",
]
GIVEN = [
    "Wei",
    "Fang",
    "Min",
    "Jing",
    "Lei",
    "Tao",
    "Ying",
    "Hui",
    "Emma",
    "Oliver",
    "Sophie",
    "James",
    "Grace",
    "Daniel",
    "Chloe",
]
CJK_NAMES = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨磊", "赵强", "黄丽", "周涛", "吴芳"]
WORDS = [
    "supplier",
    "master",
    "data",
    "approval",
    "workflow",
    "invoice",
    "purchase",
    "order",
    "budget",
    "baseline",
    "interface",
    "migration",
    "training",
    "rollout",
    "plant",
    "warehouse",
    "contract",
    "savings",
    "report",
    "供应商",
    "主数据",
    "审批",
    "流程",
    "发票",
    "采购订单",
    "预算",
    "基线",
    "接口",
    "培训",
    "上线",
    "工厂",
    "仓库",
    "合同",
]


def _chunks(rows: list[dict[str, Any]], size: int = 2000) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _insert(model: type[Model], rows: list[dict[str, Any]]) -> None:
    with db.transaction():
        for chunk in _chunks(rows):
            model.insert_many(chunk).execute()


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _spread(total: int, parts: int) -> list[int]:
    """`total` items over `parts` owners, as evenly as possible."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def generate(size: Size, seed: int = 7) -> None:
    """Fill the open database with `size` worth of projects (ids from 1)."""
    rng = random.Random(seed)
    start = dt.datetime(2026, 1, 5, 9, 0)
    _insert(
        Project,
        [
            {
                "name": f"Project {n + 1:03d} — {_sentence(rng, 3)}",
                "client_org": f"Client {n + 1:03d} Group",
                "code": f"P{n + 1:04d}",
                "start_date": TODAY - dt.timedelta(days=200),
                "end_date": TODAY + dt.timedelta(days=200),
                "status": "active",
                "description": _sentence(rng, 20),
                "document_language": Language.ZH_CN.value if n % 2 else Language.EN.value,
                "created_at": start,
            }
            for n in range(size.projects)
        ],
    )
    project_ids = [p.id for p in Project.select(Project.id).order_by(Project.id)]
    roles = [
        Role.CLIENT_LEAD,
        Role.CLIENT_LEADER,
        Role.COOPERATING_STAFF,
        Role.CONSULTANT_PM,
        Role.CONSULTANT_MEMBER,
    ]
    people_rows: list[dict[str, Any]] = []
    for project_id, count in zip(project_ids, _spread(size.people, len(project_ids)), strict=True):
        for n in range(count):
            role = (
                roles[min(n, 4)]
                if n < 5
                else rng.choice(
                    [Role.COOPERATING_STAFF, Role.COOPERATING_STAFF, Role.CONSULTANT_MEMBER]
                )
            )
            client = role in (Role.CLIENT_LEAD, Role.CLIENT_LEADER, Role.COOPERATING_STAFF)
            name = (
                rng.choice(CJK_NAMES) + str(n)
                if project_id % 2 == 0
                else f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)} {n}"
            )
            people_rows.append(
                {
                    "project": project_id,
                    "name": name,
                    "side": (Side.CLIENT if client else Side.CONSULTANT).value,
                    "role": role.value,
                    "org_unit": rng.choice(["Finance", "Procurement", "IT", "Plant", "采购部"]),
                    "title": _sentence(rng, 2),
                    "email": f"person{len(people_rows)}@example.com",
                    "phone": "",
                    "engagement_current": rng.choice(list(Engagement)).value if client else None,
                    "engagement_desired": Engagement.SUPPORTIVE.value if client else None,
                    "influence": rng.randint(1, 5),
                    "interest": rng.randint(1, 5),
                    "cooperation_type": rng.choice(list(CooperationType)).value,
                    "causes": "",
                    "strategy": "",
                    "next_action": "",
                }
            )
    _insert(Person, people_rows)
    people_by_project: dict[int, list[int]] = {}
    for person_id, project_id in (
        Person.select(Person.id, Person.project).order_by(Person.id).tuples()
    ):
        people_by_project.setdefault(project_id, []).append(person_id)

    meeting_rows = []
    for project_id, count in zip(
        project_ids, _spread(size.meetings, len(project_ids)), strict=True
    ):
        for n in range(count):
            begins = start + dt.timedelta(days=7 * n, hours=rng.randint(0, 6))
            meeting_rows.append(
                {
                    "project": project_id,
                    "kind": (MeetingKind.KICKOFF if n == 0 else MeetingKind.PROGRESS_REVIEW).value,
                    "title": f"Meeting {n + 1}: {_sentence(rng, 3)}",
                    "starts_at": begins,
                    "ends_at": begins + dt.timedelta(hours=2),
                    "venue": "Room " + str(rng.randint(1, 30)),
                    "status": MeetingStatus.HELD.value,
                }
            )
    _insert(Meeting, meeting_rows)
    meetings = list(Meeting.select(Meeting.id, Meeting.project).order_by(Meeting.id).tuples())
    attendee_rows = []
    for meeting_id, project_id in meetings:
        for position, person_id in enumerate(people_by_project[project_id][:8]):
            attendee_rows.append(
                {
                    "meeting": meeting_id,
                    "person": person_id,
                    "responsibility": "",
                    "rsvp": Rsvp.ATTENDED.value,
                    "position": position,
                }
            )
    _insert(Attendee, attendee_rows)

    kinds = list(NoteKind)
    note_rows = []
    meeting_counts = _spread(size.notes, len(meetings))
    for (meeting_id, project_id), count in zip(meetings, meeting_counts, strict=True):
        speakers = people_by_project[project_id][:8]
        for n in range(count):
            note_rows.append(
                {
                    "meeting": meeting_id,
                    "offset_seconds": n * 20,
                    "speaker": rng.choice(speakers),
                    "kind": rng.choice(kinds).value,
                    "text": _sentence(rng, rng.randint(6, 25)),
                    "internal": rng.random() < 0.05,
                    "created_at": start,
                }
            )
    _insert(Note, note_rows)

    statuses = list(ActionStatus)
    action_rows = []
    for project_id, count in zip(project_ids, _spread(size.actions, len(project_ids)), strict=True):
        owners = people_by_project[project_id]
        for _n in range(count):
            begin = TODAY - dt.timedelta(days=rng.randint(0, 150))
            due = begin + dt.timedelta(days=rng.randint(3, 40))
            status = rng.choice(statuses)
            done = (
                due + dt.timedelta(days=rng.randint(-3, 4)) if status == ActionStatus.DONE else None
            )
            action_rows.append(
                {
                    "project": project_id,
                    "title": _sentence(rng, rng.randint(3, 10)),
                    "owner": rng.choice(owners),
                    "start_date": begin,
                    "due_date": due,
                    "status": status.value,
                    "completed_on": done,
                    "source": "manual",
                    "priority": rng.choice(list(Priority)).value,
                    "needs_client_assistance": rng.random() < 0.1,
                    "carry_over_count": rng.choice([0, 0, 0, 1, 2, 3]),
                    "reminders_sent": 0,
                    "notes": "",
                    "client_comment": "",
                    "created_at": start,
                    "next_step": "",
                }
            )
    _insert(ActionItem, action_rows)
    _insert(
        MilestoneReview,
        [
            {
                "project": project_id,
                "title": f"Milestone {n + 1}",
                "kind": "milestone",
                "due_date": TODAY + dt.timedelta(days=14 * n - 30),
                "state": rng.choice(list(ReviewState)).value,
                "comment": "",
            }
            for project_id in project_ids
            for n in range(5)
        ],
    )


def build(target: Path, size_name: str, seed: int = 7) -> Path:
    """A fresh database file at `target` holding the named size (or the demo)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    db.open_database(target)
    try:
        if size_name == "small":
            create_demo_project(Language.EN, today=TODAY)
        else:
            generate(SIZES[size_name], seed)
        db.database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close_database()
    return target


def counts(rows: Iterable[type[Model]]) -> dict[str, int]:
    return {m.__name__: m.select().count() for m in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=["small", *SIZES])
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    build(args.target, args.size, args.seed)
    print(f"wrote {args.target} ({args.target.stat().st_size / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main()
