"""The decision log as it prints: LibreOffice renders it to PDF, and the pages' text is
read. One page wide with every column, page X of Y, and a decision of several lines
printed whole above the next one (a row left at the default height printed its second
line over the next row). Skipped with a reason where LibreOffice or poppler is missing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from pmdesk.exports import ExportOptions
from pmdesk.exports.decisions_xlsx import WORDS, export_decisions
from pmdesk.models import Language, Note, NoteKind
from tests.core.test_tracker_print import render
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)
LONG = {
    Language.EN: " ".join(["The supplier portal goes live in two waves"] * 6) + " LAST-WORD.",
    Language.ZH_CN: "供应商门户分两批上线，先华东后华北，" * 8 + "末尾词。",
}


@pytest.fixture
def backend() -> str:
    return "sqlite"  # a property of the file, not of the database


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_the_decision_log_prints_one_page_wide_with_each_decision_whole(
    database: Path, tmp_path: Path, language: Language
) -> None:
    project = demo_project(language, today=TODAY)
    decisions = list(
        Note.select()
        .where((Note.kind == NoteKind.DECISION.value) & (Note.internal == False))  # noqa: E712
        .order_by(Note.id)
    )
    first = decisions[0]
    Note.update(text=LONG[language]).where(Note.id == first.id).execute()
    path = export_decisions(project, tmp_path / "decisions.xlsx", ExportOptions())

    pages = render(path, tmp_path)
    words = WORDS[language]
    assert len(pages) == 1, "the demo's log fits one page"
    for header in words["headers"]:
        assert header in pages[0], header
    assert words["page"].replace("&P", "1").replace("&N", "1") in pages[0]
    lines = pages[0].splitlines()
    last = next((i for i, line in enumerate(lines) if LONG[language][-5:-1] in line), None)
    assert last is not None, "the long decision prints whole, its last word too"
    others = [n.text for n in decisions if n.id != first.id]
    below = [i for i, line in enumerate(lines) for text in others if text[:12] in line]
    assert below and all(i != last for i in below), "no decision prints over another"

    sheet = openpyxl.load_workbook(path).active
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 4).value == LONG[language])
    assert (sheet.row_dimensions[row].height or 0) >= 3 * 15, "as high as its lines"
