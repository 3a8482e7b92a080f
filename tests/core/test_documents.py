"""What every client Word file has, in both languages: clean metadata, a running header,
rows kept whole, Latin text tagged English, list bullets, a pack per meeting kind."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest

from pmdesk.exports import ExportOptions, export
from pmdesk.models import Language, Material, Meeting, MeetingKind, Project, ScopeItem
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)
PERIOD = ExportOptions(period_start=dt.date(2026, 11, 1), period_end=TODAY)


def parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {
            n: archive.read(n).decode("utf-8", "replace")
            for n in archive.namelist()
            if n.endswith((".xml", ".rels"))
        } | {"names": "\n".join(archive.namelist())}


def meeting(project_id: int, kind: MeetingKind) -> Meeting:
    return Meeting.get((Meeting.project == project_id) & (Meeting.kind == kind.value))


def client_documents(project_id: int, folder: Path) -> list[Path]:
    kickoff = meeting(project_id, MeetingKind.KICKOFF).id
    other = meeting(project_id, MeetingKind.OTHER).id
    return [
        export("kickoff-pack", kickoff, folder / "pack.docx", ExportOptions()),
        export("kickoff-pack", other, folder / "other-pack.docx", ExportOptions()),
        export("minutes", other, folder / "minutes.docx", ExportOptions()),
        export("report", project_id, folder / "report.docx", PERIOD),
    ]


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_every_client_document_is_clean_and_laid_out(
    database: Path, tmp_path: Path, language: Language
) -> None:
    project_id = demo_project(language, today=TODAY)
    project = Project.get_by_id(project_id)
    for path in client_documents(project_id, tmp_path):
        xml = parts(path)
        assert "thumbnail" not in xml["names"] and "customXml" not in xml["names"], path
        assert "Macintosh" not in xml["docProps/app.xml"]
        assert "<Application>pmdesk</Application>" in xml["docProps/app.xml"]
        header = next(v for k, v in xml.items() if k.startswith("word/header"))
        assert project.name.split(" (")[0][:10] in header, path
        document = xml["word/document.xml"]
        assert document.count("<w:tr>") + document.count("<w:tr ") == document.count(
            "<w:cantSplit"
        ), path
        styles = xml["word/styles.xml"]
        assert 'w:lang w:val="en-GB" w:eastAsia="zh-CN"' in styles
        assert "SimSun" not in styles  # Chinese names in a sans font beside Calibri


def test_pack_sections_are_numbered_without_gaps(database: Path, tmp_path: Path) -> None:
    project_id = demo_project(Language.EN, today=TODAY)
    ScopeItem.delete().execute()  # a project set up in the window: no plan yet
    from pmdesk.models import MilestoneReview, Outcome

    MilestoneReview.delete().execute()
    Outcome.delete().execute()
    path = export(
        "kickoff-pack",
        meeting(project_id, MeetingKind.KICKOFF).id,
        tmp_path / "p.docx",
        ExportOptions(),
    )
    headings = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 1"]
    assert [h.split(".")[0] for h in headings] == [str(n) for n in range(1, len(headings) + 1)]
    assert any("Materials" in h for h in headings)


def test_a_non_kickoff_meeting_has_its_own_pack(database: Path, tmp_path: Path) -> None:
    project_id = demo_project(Language.ZH_CN, today=TODAY)
    other = meeting(project_id, MeetingKind.OTHER)
    Material.update(meeting=other.id).execute()
    path = export("kickoff-pack", other.id, tmp_path / "p.docx", ExportOptions())
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "会议资料" in text and "项目启动会资料" not in text
    assert "会议目标" not in text and "组织架构" not in text
    assert "一、会议信息" in text and "会前阅读材料" in text


def test_help_needed_is_a_real_list(database: Path, tmp_path: Path) -> None:
    project_id = demo_project(Language.EN, today=TODAY)
    path = export("report", project_id, tmp_path / "r.docx", PERIOD)
    document = docx.Document(str(path))
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets and not any(p.text.startswith("•") for p in document.paragraphs)
