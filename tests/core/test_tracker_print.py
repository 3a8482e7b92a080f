"""The tracker as it prints: LibreOffice renders it to PDF, and the pages' text is read.

Checks what a client holding the printout sees: the title row, the header with project
and client, the column headers on every page, "Page X of Y", the instructions whole on
the page (nothing cut at the right edge), and nothing of the hidden baseline. Skipped
with a reason where `soffice` or `pdftotext` (poppler-utils) is missing.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from pmdesk.exports import ExportOptions
from pmdesk.exports.tracker_xlsx import STEPS, export_tracker
from pmdesk.models import ActionItem, Language
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def backend() -> str:
    return "sqlite"  # a property of the file, not of the database


def render(path: Path, folder: Path) -> list[str]:
    """The PDF LibreOffice prints from `path`, as the text of each page."""
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = folder / (path.stem + ".pdf")
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("language", "title", "page", "header"),
    [
        (Language.EN, "Action tracker · Procure-to-Pay", "Page {n} of {total}", "Status"),
        (Language.ZH_CN, "工作跟踪表 · 数字化采购平台", "第 {n} 页，共 {total} 页", "状态"),
    ],
)
def test_the_tracker_prints_with_titles_and_page_numbers(
    database: Path, tmp_path: Path, language: Language, title: str, page: str, header: str
) -> None:
    project = demo_project(language, today=TODAY)
    ActionItem.insert_many(
        [{"project": project, "title": f"Follow-up step {i}"} for i in range(60)]
    ).execute()  # enough steps for the tracker to run over two pages
    path = export_tracker(project, tmp_path / "tracker.xlsx", ExportOptions())
    pages = render(path, tmp_path)
    total = len(pages)
    tracker_pages = [p for p in pages if "A-0001" in p or "Follow-up step" in p]
    assert len(tracker_pages) >= 2
    assert title in pages[0]
    for number, text in enumerate(pages, start=1):
        assert page.format(n=number, total=total) in text, number
    for text in tracker_pages:
        assert header in text, "the header row prints on every page"
    assert "pmdesk-baseline" not in "".join(pages), "the baseline sheet does not print"

    instructions = _words("".join(p for p in pages if p not in tracker_pages))
    for line in STEPS[language]:
        # Wrapped, each line is whole: its last words are on the page, not cut at the edge.
        tail = _words(line)[-12:]
        assert tail.replace(" ", "") in instructions.replace(" ", ""), line
