"""The stakeholder register export, read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pmdesk.exports import EXPORTS, Audience, ExportOptions, export
from pmdesk.exports.register_xlsx import CONFIDENTIAL, text_width
from pmdesk.models import Assessment, Language, Person
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)
AS_OF = ExportOptions(period_end=TODAY)


def test_the_register_is_an_internal_export() -> None:
    assert EXPORTS["stakeholders"].audience == Audience.INTERNAL


def test_register_and_history_read_back(database: Path, tmp_path: Path) -> None:
    pid = demo_project(Language.EN, today=TODAY)
    target = export("stakeholders", pid, tmp_path / "register.xlsx", AS_OF)
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["Register", "History"]
    register, history = workbook["Register"], workbook["History"]

    for sheet in (register, history):
        assert sheet["A2"].value == CONFIDENTIAL
        assert sheet.freeze_panes == "C5"
        assert CONFIDENTIAL in sheet.oddHeader.center.text
    assert register["A1"].value.startswith("Stakeholder register — ")
    headers = [c.value for c in register[4]]
    assert headers[:4] == ["ID", "Name", "Side", "Role"]
    assert {
        "Engagement now",
        "Engagement wanted",
        "Influence",
        "Interest",
        "Grid quadrant",
        "Cooperation type",
        "Suggested type",
        "On-time rate",
        "Common causes",
        "Causes",
        "Strategy",
        "Next action",
        "Success factors",
        "Coaching plan",
    } <= set(headers)
    rows = {
        r[1]: dict(zip(headers, r, strict=True))
        for r in register.iter_rows(min_row=5, values_only=True)
    }
    assert len(rows) == Person.select().where(Person.project == pid).count()
    mark = rows["Mark Davies"]
    assert (mark["Cooperation type"], mark["Suggested type"]) == ("Passive", "Passive")
    assert mark["On-time rate"] == 0 and mark["Carried over"] == 3
    assert rows["Emma Clarke"]["Suggested type"] == "Routine"
    assert rows["Helen Brooks"]["Suggested type"] is None, "only cooperating staff get one"
    assert "Worried the cleansing" in mark["Causes"]
    assert "Lacks the skills or system access" in mark["Common causes"]
    assert rows["Tom Wilson"]["Success factors"]
    assert rows["David Harrington"]["Grid quadrant"] == "Manage closely"
    assert isinstance(rows["Tom Wilson"]["Last assessed"], dt.datetime)
    (table,) = register.tables.values()
    assert table.ref == f"A4:AB{4 + len(rows)}"

    history_rows = list(history.iter_rows(min_row=5, values_only=True))
    people = Person.select().where(Person.project == pid)
    assert len(history_rows) == Assessment.select().where(Assessment.person.in_(people)).count()
    assert all(isinstance(r[0], dt.datetime) for r in history_rows)
    priya = [r for r in history_rows if r[1] == "Priya Shah"]
    assert [r[4] for r in priya] == ["Routine", "Active"], "the routine → active change"
    assert history["A5"].number_format == "d mmm yyyy hh:mm"

    props = workbook.properties
    for value in (props.title, props.subject, props.description):
        assert CONFIDENTIAL in value
    assert "confidential" in props.keywords
    with zipfile.ZipFile(target) as archive:
        core = archive.read("docProps/core.xml").decode()
    assert "内部资料 严禁外传" in core


def test_chinese_register_has_chinese_words_and_wide_columns(
    database: Path, tmp_path: Path
) -> None:
    pid = demo_project(Language.ZH_CN, today=TODAY)
    target = export("stakeholders", pid, tmp_path / "干系人.xlsx", AS_OF)
    workbook = openpyxl.load_workbook(target)
    register = workbook.worksheets[0]
    assert register.title == "干系人登记表"
    assert [c.value for c in register[4]][:4] == ["编号", "姓名", "所属方", "项目角色"]
    titles = [r[5] for r in register.iter_rows(min_row=5, values_only=True)]
    widest = max(text_width(t) for t in titles if t)
    assert register.column_dimensions["F"].width >= widest, "CJK counted double"
    types = {r[14] for r in register.iter_rows(min_row=5, values_only=True)}
    assert {"积极配合者", "消极配合者", "按部就班者"} <= types
    assert workbook.worksheets[1]["A5"].number_format == "yyyy-mm-dd hh:mm"


def test_language_option_overrides_the_project(database: Path, tmp_path: Path) -> None:
    pid = demo_project(Language.ZH_CN, today=TODAY)
    options = ExportOptions(language=Language.EN, period_end=TODAY)
    target = export("stakeholders", pid, tmp_path / "r.xlsx", options)
    assert openpyxl.load_workbook(target).sheetnames == ["Register", "History"]


def test_cjk_width() -> None:
    assert text_width("王海峰") == 6
    assert text_width("ab（c）") == 7
    assert text_width("line one\nlonger line two") == 15


def test_a_missing_folder_is_refused_and_nothing_written(database: Path, tmp_path: Path) -> None:
    from pmdesk.exports.files import ExportProblem

    pid = demo_project(Language.EN, today=TODAY)
    with pytest.raises(ExportProblem, match="does not exist"):
        export("stakeholders", pid, tmp_path / "nope" / "r.xlsx", AS_OF)
