"""The status report: prefill, "praise in public, never name laggards", export, follow-ups."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from pmdesk.exports import ExportOptions
from pmdesk.exports.follow_up_drafts import export_follow_up_drafts
from pmdesk.exports.status_report_docx import export_status_report, write_report
from pmdesk.models import (
    ActionItem,
    ActionStatus,
    Assessment,
    CoachingSession,
    EscalationMemo,
    FollowUp,
    Language,
    Meeting,
    Note,
    Person,
    Project,
    Side,
    StatusReport,
)
from pmdesk.services import reports
from pmdesk.services.reports import LateNameProblem, ReportTexts
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)
START, END = reports.default_period(TODAY)
D = lambda n: TODAY + dt.timedelta(days=n)  # noqa: E731


@pytest.fixture
def team(database: Path) -> dict[str, Person]:
    """On time only; late only; late on one step and on time on another; a consultant."""
    project = Project.create(name="Rollout", client_org="Acme")
    people = {
        key: Person.create(project=project, name=name, side=side)
        for key, name, side in (
            ("punctual", "Wang Fang", Side.CLIENT),
            ("late", "Li Qiang", Side.CLIENT),
            ("mixed", "Zhou Ting", Side.CLIENT),
            ("consultant", "Chen Yu", Side.CONSULTANT),
        )
    }

    def step(owner: str, title: str, due: int, done: int | None, **kw: object) -> None:
        ActionItem.create(
            project=project,
            owner=people[owner],
            title=title,
            start_date=D(-20),
            due_date=D(due),
            status=ActionStatus.DONE if done is not None else ActionStatus.OPEN,
            completed_on=None if done is None else D(done),
            **kw,
        )

    step("punctual", "Approval matrix", -2, -3)
    step("late", "Supplier extract", -4, None, next_step="IT analyst helps on Thursday")
    step("mixed", "Workshop slots", -3, -3)
    step("mixed", "Cleansing rules", -5, -1)
    step("consultant", "As-is maps", -1, -2)
    step("punctual", "Old step, before the period", -15, -16)
    return people


def facts_and_texts(team: dict[str, Person]) -> tuple[reports.ReportFacts, ReportTexts]:
    project_id = team["late"].__data__["project"]
    facts = reports.gather(project_id, START, END, Language.EN)
    return facts, reports.prefill(facts, Language.EN)


def test_late_people_include_those_on_time_elsewhere(team: dict[str, Person]) -> None:
    facts, texts = facts_and_texts(team)
    assert {p.name for p in facts.late_people} == {"Li Qiang", "Zhou Ting"}
    assert [p.name for p in facts.praised] == ["Wang Fang"], (
        "a person late on one step is not praised for another; consultants are not praised"
    )
    assert "Wang Fang" in texts.praise
    assert "Zhou Ting" not in texts.praise and "Li Qiang" not in texts.praise
    assert [item.action.title for item in facts.late_items] == ["Supplier extract"]
    assert facts.late_items[0].arrangement == "IT analyst helps on Thursday"
    assert {a.title for a in facts.finished_late} == {"Cleansing rules"}
    assert {a.title for a in facts.done} == {
        "Approval matrix",
        "Workshop slots",
        "Cleansing rules",
        "As-is maps",
    }
    assert reports.naming_problems(texts, facts, Language.EN) == []


@pytest.mark.parametrize(
    ("part", "text", "name"),
    [
        ("status", "Thanks to Zhou Ting for the workshop slots.", "Zhou Ting"),
        ("problems", "li qiang has not sent the extract.", "Li Qiang"),
        ("help_needed", "Please ask Qiang to hurry.", "Qiang"),
        ("praise", "Thank you to Wang Fang and Zhou Ting.", "Zhou Ting"),
    ],
)
def test_check_refuses_a_late_name_anywhere(
    team: dict[str, Person], part: str, text: str, name: str
) -> None:
    facts, texts = facts_and_texts(team)
    setattr(texts, part, text)
    found = reports.naming_problems(texts, facts, Language.EN)
    assert [(f.where, f.found) for f in found] == [(part, name)]
    with pytest.raises(LateNameProblem) as problem:
        reports.check_report(texts, facts, Language.EN)
    assert problem.value.field == part and name in problem.value.message


def test_check_looks_at_next_steps_and_titles_too(team: dict[str, Person]) -> None:
    step = ActionItem.get(ActionItem.title == "Supplier extract")
    step.next_step = "Li Qiang promised Friday"
    step.save()
    facts, texts = facts_and_texts(team)
    [found] = reports.naming_problems(texts, facts, Language.EN)
    assert found.where == "next step of: Supplier extract"


def test_name_parts_that_are_not_names_do_not_trip_the_check(team: dict[str, Person]) -> None:
    facts, texts = facts_and_texts(team)
    texts.status = "The Lithuanian team and the tingling deadline are fine."
    assert reports.naming_problems(texts, facts, Language.EN) == []


def test_chinese_given_name_counts_as_naming(database: Path) -> None:
    project = Project.create(name="P")
    late = Person.create(project=project, name="张伟明")
    ActionItem.create(project=project, owner=late, title="导出", due_date=D(-3))
    facts = reports.gather(project.id, START, END, Language.ZH_CN)
    texts = reports.prefill(facts, Language.ZH_CN)
    assert reports.naming_problems(texts, facts, Language.ZH_CN) == []
    texts.problems = "伟明的数据还没到。"
    assert [f.found for f in reports.naming_problems(texts, facts, Language.ZH_CN)] == ["伟明"]


def test_demo_report_prefill(database: Path) -> None:
    project_id = demo_project(Language.EN, today=TODAY)
    facts = reports.gather(project_id, START, END, Language.EN)
    texts = reports.prefill(facts, Language.EN)
    architect = next(p for p in facts.late_people if p.name == "Daniel Green")
    assert architect not in facts.praised, "late on one step, on time on another"
    assert "Emma Clarke" in texts.praise
    assert "Provide the active supplier master data extract" in texts.help_needed
    assert "Blocked: Approve SAP sandbox access" in texts.problems
    arrangements = {i.action.title: i.arrangement for i in facts.late_items}
    assert arrangements["Provide the active supplier master data extract"] == (
        "New completion date agreed: 29 Nov 2026."
    ), "the date agreed in the private follow-up is the next step"
    assert reports.missing_next_steps(facts) == [], "every late demo step has its arrangement"
    late = facts.late_items[0].action
    ActionItem.update(next_step="").where(ActionItem.id == late.id).execute()
    FollowUp.delete().where(FollowUp.action_item == late.id).execute()
    facts_again = reports.gather(project_id, START, END, Language.EN)
    missing = [a.title for a in reports.missing_next_steps(facts_again)]
    assert missing == [late.title], "the UI warns about a late step with no arrangement"
    assert facts.awaiting_review and all(r.state == "submitted" for r in facts.awaiting_review)


def test_export_refused_while_a_late_name_appears(team: dict[str, Person], tmp_path: Path) -> None:
    facts, texts = facts_and_texts(team)
    texts.praise += " Also Zhou Ting."
    target = tmp_path / "report.docx"
    with pytest.raises(LateNameProblem):
        write_report(facts, texts, target, Language.EN)
    assert not target.exists()
    assert StatusReport.select().count() == 0


def test_export_writes_the_report_and_keeps_it(team: dict[str, Person], tmp_path: Path) -> None:
    facts, texts = facts_and_texts(team)
    texts.status = "Edited status."
    path, saved = write_report(facts, texts, tmp_path / "report.docx", Language.EN)
    document = _all_text(path)
    assert "Edited status." in document and "Wang Fang" in document
    assert "IT analyst helps on Thursday" in document
    for late in ("Li Qiang", "Zhou Ting", "Chen Yu"):
        assert late not in document
    assert (saved.period_start, saved.period_end) == (START, END)
    assert saved.status_text == "Edited status." and saved.file_name == "report.docx"


def test_command_line_export_uses_the_prefill_and_the_period(
    team: dict[str, Person], tmp_path: Path
) -> None:
    project_id = team["late"].__data__["project"]
    target = tmp_path / "r.docx"
    export_status_report(project_id, target, ExportOptions(period_start=START, period_end=END))
    assert "Wang Fang" in _all_text(target)
    report = StatusReport.get()
    assert (report.period_start, report.period_end) == (START, END)


def _all_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        )


MARK = "LEAKCHECK-7f3a"


def plant_markers(project_id: int) -> None:
    """Put a marker into every internal field and internal note of the project."""
    for person in Person.select().where(Person.project == project_id):
        for name in ("causes", "strategy", "next_action", "success_factors", "coaching_plan"):
            setattr(person, name, f"{MARK} {name}")
        person.cause_factors = f'["{MARK}"]'
        person.save()
        Assessment.create(person=person, comment=MARK, source=MARK)
        EscalationMemo.create(person=person, cause=MARK, text=MARK, decision_note=MARK)
        CoachingSession.create(person=person, topic=MARK, notes=MARK)
    ActionItem.update(notes=f"{MARK} notes").where(ActionItem.project == project_id).execute()
    FollowUp.update(reason=MARK, outcome=MARK).where(FollowUp.project == project_id).execute()
    meeting = Meeting.get(Meeting.project == project_id)
    Note.create(meeting=meeting, text=f"{MARK} internal note", internal=True)


@pytest.mark.parametrize("language", list(Language))
def test_report_never_carries_internal_analysis(
    database: Path, tmp_path: Path, language: Language
) -> None:
    project_id = demo_project(language, today=TODAY)
    plant_markers(project_id)
    target = tmp_path / "report.docx"
    export_status_report(project_id, target, ExportOptions(period_start=START, period_end=END))
    with zipfile.ZipFile(target) as archive:
        for name in archive.namelist():
            assert MARK.encode() not in archive.read(name), name
        core = archive.read("docProps/core.xml").decode()
    assert "<dc:creator></dc:creator>" in core or "<dc:creator/>" in core


def test_follow_up_drafts_one_per_late_person(database: Path, tmp_path: Path) -> None:
    project_id = demo_project(Language.EN, today=TODAY)
    facts = reports.gather(project_id, START, END, Language.EN)
    drafts = reports.follow_up_drafts(facts, Language.EN, TODAY)
    assert [d.person.name for d in drafts] == [p.name for p in facts.late_people]
    architect = next(d for d in drafts if d.person.name == "Daniel Green")
    assert "was finished 24 Nov 2026" in architect.reason
    assert any("Thank them" in point for point in architect.talking_points)

    before = FollowUp.select().count()
    created = reports.create_follow_ups(project_id, drafts, TODAY)
    assert len(created) == len(drafts)
    assert reports.create_follow_ups(project_id, drafts, TODAY) == [], "no duplicates today"
    assert FollowUp.select().count() == before + len(drafts)

    target = tmp_path / "follow-ups.docx"
    export_follow_up_drafts(project_id, target, ExportOptions(period_start=START, period_end=END))
    text = _all_text(target)
    assert "Internal — confidential" in text
    with zipfile.ZipFile(target) as archive:
        assert "Internal — confidential" in archive.read("docProps/core.xml").decode()
        header = next(n for n in archive.namelist() if n.startswith("word/header"))
        assert "Internal — confidential" in archive.read(header).decode()


def test_drafts_survive_and_are_discarded(database: Path) -> None:
    project = Project.create(name="P")
    reports.save_draft(project.id, "status", "half typed")
    reports.save_draft(project.id, "status", "half typed, more")
    reports.save_draft(project.id, "praise", "Thanks")
    assert reports.load_drafts(project.id) == {"status": "half typed, more", "praise": "Thanks"}
    reports.discard_drafts(project.id)
    assert reports.load_drafts(project.id) == {}


def test_period_must_not_end_before_it_starts(database: Path) -> None:
    project = Project.create(name="P")
    with pytest.raises(reports.ValidationProblem):
        reports.gather(project.id, TODAY, TODAY - dt.timedelta(days=1), Language.EN)


def test_client_dates() -> None:
    assert reports.client_date(dt.date(2026, 11, 30), Language.EN) == "30 Nov 2026"
    assert reports.client_date(dt.date(2026, 11, 30), Language.ZH_CN) == "2026年11月30日"


def test_export_refused_for_text_that_breaks_the_input_rules(
    team: dict[str, Person], tmp_path: Path
) -> None:
    """A control character pasted into the report is named before anything is written."""
    from pmdesk.services import ValidationProblem

    facts, texts = facts_and_texts(team)
    texts.problems += "\x07"
    target = tmp_path / "report.docx"
    with pytest.raises(ValidationProblem) as refused:
        write_report(facts, texts, target, Language.EN)
    assert refused.value.field == "problems" and "U+0007" in refused.value.message
    assert not target.exists()
    assert StatusReport.select().count() == 0


def test_a_step_beginning_with_the_verb_mark_is_not_a_late_mark(database: Path) -> None:
    project = Project.create(name="P")
    late = Person.create(project=project, name="Mark Davies")
    ActionItem.create(project=project, owner=late, title="Supplier extract", due_date=D(-3))
    ActionItem.create(
        project=project,
        title="Mark the invoices as paid",
        due_date=D(-2),
        needs_client_assistance=True,
    )
    facts = reports.gather(project.id, START, END, Language.EN)
    texts = reports.prefill(facts, Language.EN)
    assert reports.naming_problems(texts, facts, Language.EN) == []
    texts.problems = "Mark has not sent the extract."
    assert [f.found for f in reports.naming_problems(texts, facts, Language.EN)] == ["Mark"]


def test_every_piece_naming_someone_late_is_found_among_many_steps(database: Path) -> None:
    """The check searches all pieces at once: each naming piece is still found once, in
    its own place, after titles whose case folding changes their length (ß → ss)."""
    project = Project.create(name="P")
    late = Person.create(project=project, name="Jane Doe")
    late_zh = Person.create(project=project, name="刘洋")
    ActionItem.create(project=project, owner=late, title="Supplier extract", due_date=D(-3))
    ActionItem.create(project=project, owner=late_zh, title="导出", due_date=D(-3))
    for n in range(300):
        title = f"Straße {n} ẞ check" if n % 2 else f"Workshop {n}"
        if n in (120, 260):
            title = f"Call JANE DOE about order {n}"
        if n == 200:
            title = f"请刘总确认 {n}"
        ActionItem.create(project=project, title=title, due_date=D(-2))  # late, no owner
    facts = reports.gather(project.id, START, END, Language.EN)
    texts = reports.prefill(facts, Language.EN)
    texts.praise = "Thanks to Jane Doe."
    found = [(f.where, f.found) for f in reports.naming_problems(texts, facts, Language.EN)]
    assert found == [
        ("praise", "Jane Doe"),
        ("step: Call JANE DOE about order 120", "Jane Doe"),
        ("step: 请刘总确认 200", "刘总"),
        ("step: Call JANE DOE about order 260", "Jane Doe"),
    ]


def test_surname_and_title_count_as_naming(database: Path) -> None:
    project = Project.create(name="P")
    late = Person.create(project=project, name="刘洋")
    ActionItem.create(project=project, owner=late, title="导出", due_date=D(-3))
    facts = reports.gather(project.id, START, END, Language.ZH_CN)
    texts = reports.prefill(facts, Language.ZH_CN)
    for text, found in (
        ("刘工的数据还没到。", "刘工"),
        ("请老刘协助。", "老刘"),
        ("刘洋未完成。", "刘洋"),
    ):
        texts.problems = text
        assert [f.found for f in reports.naming_problems(texts, facts, Language.ZH_CN)] == [found]
    texts.problems = "交流工作进展。"
    assert reports.naming_problems(texts, facts, Language.ZH_CN) == []


def test_a_past_period_uses_only_its_own_facts(database: Path) -> None:
    project = Project.create(name="P")
    owner = Person.create(project=project, name="Emma Clarke")
    later = ActionItem.create(
        project=project,
        owner=owner,
        title="Load the vendor list",
        due_date=D(-3),
        status="done",
        completed_on=END + dt.timedelta(days=4),
        needs_client_assistance=True,
    )
    facts = reports.gather(project.id, START, END, Language.EN)
    assert later not in facts.done  # finished after the period
    assert [item.action.id for item in facts.late_items] == [later.id]  # late at its end
    assert [a.id for a in facts.assistance] == [later.id] and facts.open_count == 1


def test_one_step_reads_as_one_not_one_steps(database: Path) -> None:
    """The prefill goes to the client: its counts read right for 1 as for 2."""
    project = Project.create(name="P")
    owner = Person.create(project=project, name="Sam Ortiz")
    ActionItem.create(project=project, owner=owner, title="Train the night shift", due_date=D(-3))
    facts = reports.gather(project.id, START, END, Language.EN)
    texts = reports.prefill(facts, Language.EN)
    for text in texts.parts().values():
        assert "1 steps" not in text and "1 steps are" not in text
    assert "Steps open: 1, past their due date: 1." in texts.status
    assert "Steps past their due date: 1;" in texts.problems
