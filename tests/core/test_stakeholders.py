"""Stakeholder analysis: the suggested type, the register with its history, the playbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmdesk.models import (
    ActionItem,
    ActionStatus,
    Assessment,
    CooperationType,
    Engagement,
    EscalationMemo,
    EscalationOption,
    FollowUp,
    Language,
    LeadDecision,
    Person,
    Project,
    Role,
    Side,
)
from pmdesk.services import ValidationProblem, people
from pmdesk.services import stakeholders as sh
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)
D = dt.timedelta
DONE, OPEN, CANCELLED = ActionStatus.DONE, ActionStatus.OPEN, ActionStatus.CANCELLED


def on_time(n: int) -> list[tuple[dt.date, dt.date, str]]:
    return [(TODAY - D(10 + i), TODAY - D(11 + i), DONE) for i in range(n)]


def late(n: int) -> list[tuple[dt.date, dt.date, str]]:
    return [(TODAY - D(10 + i), TODAY - D(5), DONE) for i in range(n)]


def overdue(n: int) -> list[tuple[dt.date, None, str]]:
    return [(TODAY - D(1 + i), None, OPEN) for i in range(n)]


# --- the suggested type --------------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        (on_time(3), CooperationType.ACTIVE),
        (on_time(4) + late(1), CooperationType.ACTIVE),  # 80% on time
        (on_time(3) + late(1) + overdue(1), CooperationType.ROUTINE),  # 60%
        (on_time(2) + late(1), CooperationType.ROUTINE),  # 67%
        (on_time(1) + late(1), CooperationType.UNCLASSIFIED),  # only 2 deadlines judged
        (on_time(2) + late(2), CooperationType.PASSIVE),  # 50%
        (on_time(6) + overdue(2), CooperationType.PASSIVE),  # 75%, but two overdue
        (late(3), CooperationType.PASSIVE),
        ([], CooperationType.UNCLASSIFIED),
    ],
)
def test_suggested_type_follows_the_on_time_record(
    history: list, expected: CooperationType
) -> None:
    assert sh.suggest_cooperation_type(history, TODAY).suggested == expected


def test_items_not_yet_due_or_cancelled_are_not_judged() -> None:
    future = [(TODAY + D(3), None, OPEN), (None, None, OPEN), (TODAY - D(3), None, CANCELLED)]
    record = sh.suggest_cooperation_type(on_time(2) + future, TODAY)
    assert (record.judged, record.not_due) == (2, 2)
    assert not record.enough_history
    assert record.suggested == CooperationType.UNCLASSIFIED
    due_today = sh.suggest_cooperation_type([(TODAY, None, OPEN)], TODAY)
    assert due_today.overdue == 0, "due today is not late yet"


def test_each_carry_over_counts_as_a_missed_deadline() -> None:
    record = sh.suggest_cooperation_type([(TODAY - D(2), None, OPEN, 3)], TODAY)
    assert (record.overdue, record.carried_over, record.judged) == (1, 3, 4)
    assert record.rate == 0
    assert record.suggested == CooperationType.PASSIVE


def test_the_numbers_behind_the_suggestion() -> None:
    record = sh.suggest_cooperation_type(on_time(3) + late(1) + overdue(1), TODAY)
    assert (record.on_time, record.late, record.overdue, record.judged) == (3, 1, 1, 5)
    assert record.rate == pytest.approx(0.6)


def test_demo_suggestions_come_from_the_action_items(database: Path) -> None:
    pid = demo_project(Language.EN, today=TODAY)
    records = sh.on_time_records(pid, TODAY)
    mark = Person.get((Person.project == pid) & (Person.name == "Mark Davies"))
    assert records[mark.id].suggested == CooperationType.PASSIVE
    assert records[mark.id] == sh.on_time_record(mark.id, TODAY)
    assert set(records) == {p.id for p in people.list_people(pid)}


# --- engagement, grid, causes --------------------------------------------------------


def test_quadrants_and_engagement_gap(database: Path) -> None:
    assert sh.quadrant(5, 5) == sh.Quadrant.MANAGE_CLOSELY
    assert sh.quadrant(4, 3) == sh.Quadrant.KEEP_SATISFIED
    assert sh.quadrant(3, 4) == sh.Quadrant.KEEP_INFORMED
    assert sh.quadrant(1, 1) == sh.Quadrant.MONITOR
    assert sh.quadrant_label(sh.Quadrant.MANAGE_CLOSELY, Language.ZH_CN) == "重点管理"
    project = Project.create(name="P")
    a = Person.create(
        project=project, name="A", engagement_current="resistant", engagement_desired="supportive"
    )
    b = Person.create(
        project=project, name="B", engagement_current="resistant", engagement_desired="supportive"
    )
    c = Person.create(project=project, name="C")
    assert sh.engagement_gap(a) == 2 and sh.engagement_gap(c) is None
    matrix = sh.engagement_matrix([a, b, c])
    assert matrix == {(Engagement.RESISTANT, Engagement.SUPPORTIVE): [a, b]}


def test_cause_factors_are_stored_as_keys_with_labels_in_both_languages() -> None:
    assert {f.key for f in sh.CAUSE_FACTORS} >= {
        "workload",
        "unclear_role",
        "no_incentive",
        "skills_gap",
        "leader_priority",
        "change_resistance",
        "personal_recognition",
        "clear_instructions",
    }
    stored = sh.dump_cause_factors(["workload", "skills_gap"])
    assert sh.parse_cause_factors(stored) == ["workload", "skills_gap"]
    assert sh.parse_cause_factors("not json") == []
    assert sh.cause_factor_label("workload", Language.ZH_CN) == "本职工作繁忙"
    with pytest.raises(ValidationProblem) as problem:
        sh.dump_cause_factors(["lazy"])
    assert problem.value.field == "cause_factors"


# --- the register and its history ----------------------------------------------------

NOW = dt.datetime(2026, 11, 27, 10, 0)


def test_adding_a_person_starts_their_history(database: Path) -> None:
    project = Project.create(name="P")
    person, changes = sh.add_person(
        project.id,
        {
            "name": " 王芳 ",
            "role": "cooperating_staff",
            "engagement_current": "neutral",
            "cooperation_type": "routine",
            "cause_factors": ["workload"],
        },
        when=NOW,
        source="First contact",
    )
    assert changes.touches(Person, Assessment)
    assert person.name == "王芳" and person.side == Side.CLIENT
    assert sh.parse_cause_factors(person.cause_factors) == ["workload"]
    (first,) = people.assessments(person.id)
    assert (first.engagement, first.cooperation_type, first.source) == (
        "neutral",
        "routine",
        "First contact",
    )


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "X", "influence": 6}, "influence"),
        ({"name": "X", "interest": "high"}, "interest"),
        ({"name": "X", "email": "not-an-address"}, "email"),
        ({"name": "X", "side": "client", "role": "consultant_pm"}, "role"),
        ({"name": "X", "cooperation_type": "lazy"}, "cooperation_type"),
        ({"name": "X", "shoe_size": 9}, "shoe_size"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(
    database: Path, values: dict, field: str
) -> None:
    project = Project.create(name="P")
    with pytest.raises(ValidationProblem) as problem:
        sh.add_person(project.id, values)
    assert problem.value.field == field
    assert Person.select().count() == 0


def test_changing_type_writes_an_assessment_and_undo_takes_both_back(database: Path) -> None:
    project = Project.create(name="P")
    person = Person.create(
        project=project, name="Emma", cooperation_type="routine", engagement_current="neutral"
    )
    change = sh.update_person(
        person.id,
        {"cooperation_type": "active", "influence": 4},
        when=NOW,
        source="Weekly review",
        comment="Took ownership of the AP test cases",
    )
    assert change is not None
    (row,) = people.assessments(person.id)
    assert (row.cooperation_type, row.engagement, row.assessed_at) == ("active", "neutral", NOW)
    assert row.comment == "Took ownership of the AP test cases"
    sh.undo_person_change(change)
    restored = Person.get_by_id(person.id)
    assert (restored.cooperation_type, restored.influence) == ("routine", 3)
    assert people.assessments(person.id) == []
    sh.redo_person_change(change)
    assert Person.get_by_id(person.id).cooperation_type == "active"
    assert [a.id for a in people.assessments(person.id)] == [row.id]


def test_edits_that_do_not_touch_engagement_or_type_leave_no_history(database: Path) -> None:
    project = Project.create(name="P")
    person = Person.create(project=project, name="Emma")
    assert sh.update_person(person.id, {"name": "Emma"}) is None
    change = sh.update_person(person.id, {"strategy": "Coach", "interest": 5})
    assert change is not None and change.assessment is None
    assert Assessment.select().count() == 0


def test_a_role_of_the_other_side_is_refused_on_edit(database: Path) -> None:
    project = Project.create(name="P")
    person = Person.create(project=project, name="Emma")
    with pytest.raises(ValidationProblem) as problem:
        sh.update_person(person.id, {"role": Role.CONSULTANT_MEMBER})
    assert problem.value.field == "role"
    assert (
        sh.update_person(person.id, {"role": Role.CONSULTANT_MEMBER, "side": Side.CONSULTANT})
        is not None
    )


# --- the playbook --------------------------------------------------------------------


@pytest.fixture
def demo(database: Path) -> int:
    return demo_project(Language.EN, today=TODAY)


def staff(pid: int, name: str) -> Person:
    return Person.get((Person.project == pid) & (Person.name == name))


def test_memo_text_is_prefilled_from_causes_and_record(demo: int) -> None:
    mark = staff(demo, "Mark Davies")
    sh.update_person(mark.id, {"cause_factors": ["skills_gap", "personal_recognition"]})
    mark = Person.get_by_id(mark.id)
    record = sh.on_time_record(mark.id, TODAY)
    text = sh.draft_memo_text(mark, EscalationOption.SEND_HELP, record, Language.EN, "Sarah")
    assert text.startswith("Dear Sarah,")
    assert "Lacks the skills or system access" in text
    assert "Values personal recognition" not in text, "only hindering causes are escalated"
    assert mark.causes in text
    assert f"Of {record.judged} deadlines so far, 0 were met on time" in text
    assert "consultants works alongside Mark Davies" in text
    zh = sh.draft_memo_text(mark, EscalationOption.INCENTIVE, record, Language.ZH_CN, "王海峰")
    assert zh.startswith("王海峰：") and "技能或系统权限不足" in zh and "激励" in zh


def test_memo_decision_and_send_help(demo: int) -> None:
    mark = staff(demo, "Mark Davies")
    memo = sh.create_escalation(
        mark.id,
        proposal="send_help",
        cause="No SAP access",
        text="Dear Sarah, …",
        written_on=TODAY - D(2),
        sent_on=TODAY - D(2),
    )
    assert sh.escalations(mark.id)[0].id == memo.id
    with pytest.raises(ValidationProblem) as problem:
        sh.decide_escalation(memo.id, LeadDecision.SEND_HELP, None)
    assert problem.value.field == "decided_on"
    edit = sh.decide_escalation(memo.id, "send_help", TODAY, " Priya and Chloe help ")
    assert edit.before["decision"] == "pending"
    memo = EscalationMemo.get_by_id(memo.id)
    assert (memo.decision, memo.decided_on, memo.decision_note) == (
        "send_help",
        TODAY,
        "Priya and Chloe help",
    )
    chloe = staff(demo, "Chloe Bennett")
    title = sh.help_title(mark, Language.EN)
    assert title.startswith("Help Mark Davies with: ")
    action = sh.send_help(memo.id, chloe.id, title, TODAY + D(5))
    assert (action.owner.id, action.due_date, action.status) == (chloe.id, TODAY + D(5), "open")
    assert EscalationMemo.get_by_id(memo.id).help_action.id == action.id
    with pytest.raises(ValidationProblem) as problem:
        sh.send_help(memo.id, mark.id, "Help", TODAY)
    assert problem.value.field == "owner"


def test_bad_memo_input_is_refused(demo: int) -> None:
    mark = staff(demo, "Mark Davies")
    with pytest.raises(ValidationProblem, match="text"):
        sh.create_escalation(mark.id, proposal="replace", cause="", text=" ", written_on=TODAY)
    with pytest.raises(ValidationProblem, match="sent_on"):
        sh.create_escalation(
            mark.id, proposal="replace", cause="", text="x", written_on=TODAY, sent_on=TODAY - D(1)
        )


def test_coaching_log(demo: int) -> None:
    emma = staff(demo, "Emma Clarke")
    before = len(sh.coaching_sessions(emma.id))
    session = sh.add_coaching_session(emma.id, topic="Invoice exceptions", planned_on=TODAY)
    assert len(sh.coaching_sessions(emma.id)) == before + 1
    edit = sh.update_coaching_session(session.id, {"held_on": TODAY, "notes": "Went well"})
    assert edit.after == {"held_on": TODAY, "notes": "Went well"}
    with pytest.raises(ValidationProblem, match="topic"):
        sh.add_coaching_session(emma.id, topic=" ", planned_on=TODAY)
    with pytest.raises(ValidationProblem, match="planned_on"):
        sh.add_coaching_session(emma.id, topic="x")


def test_carrying_success_factors_over(demo: int) -> None:
    tom, emma, lucy = (staff(demo, n) for n in ("Tom Wilson", "Emma Clarke", "Lucy Evans"))
    sh.update_person(tom.id, {"success_factors": ""})
    with pytest.raises(ValidationProblem, match="success_factors"):
        sh.carry_over_success_factors(tom.id, [emma.id])
    sh.update_person(tom.id, {"success_factors": "Public praise by name"})
    with pytest.raises(ValidationProblem, match="carry_over_to"):
        sh.carry_over_success_factors(tom.id, [])
    changes = sh.carry_over_success_factors(tom.id, [emma.id, lucy.id])
    assert len(changes) == 2
    assert Person.get_by_id(emma.id).strategy.endswith("↳ Tom Wilson: Public praise by name")
    assert {p.id for p in sh.carried_over_to(Person.get_by_id(tom.id))} == {emma.id, lucy.id}
    sh.undo_person_change(changes[0])
    assert Person.get_by_id(emma.id).strategy == emma.strategy
    sh.redo_person_change(changes[0])
    sh.update_person(tom.id, {"success_factors": "Praise and a demo slot"})
    sh.carry_over_success_factors(tom.id, [emma.id])
    strategy = Person.get_by_id(emma.id).strategy
    assert strategy.count("↳ Tom Wilson:") == 1 and "demo slot" in strategy
    assert strategy.startswith(emma.strategy), "her own strategy is kept"


def test_follow_up_log(demo: int) -> None:
    gary = staff(demo, "Gary Thompson")
    action = ActionItem.get(ActionItem.owner == gary.id)
    record = sh.add_follow_up(
        demo,
        gary.id,
        follow_up_on=TODAY,
        reason=" Late again ",
        outcome="New date agreed",
        new_commitment_date=TODAY + D(3),
        action_item_id=action.id,
    )
    assert record.reason == "Late again"
    assert record in sh.follow_ups(demo, gary.id)
    with pytest.raises(ValidationProblem) as problem:
        sh.add_follow_up(
            demo, gary.id, follow_up_on=TODAY, reason="x", new_commitment_date=TODAY - D(1)
        )
    assert problem.value.field == "new_commitment_date"
    with pytest.raises(ValidationProblem, match="reason"):
        sh.update_follow_up(record.id, {"reason": "  "})
    edit = sh.update_follow_up(record.id, {"outcome": "Agreed Friday "})
    assert FollowUp.get_by_id(record.id).outcome == "Agreed Friday"
    assert edit.before == {"outcome": "New date agreed"}
    other = Project.create(name="Other")
    stranger = Person.create(project=other, name="S")
    with pytest.raises(ValidationProblem, match="person"):
        sh.add_follow_up(demo, stranger.id, follow_up_on=TODAY, reason="x")
