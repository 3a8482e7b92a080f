"""`pmdesk search`, `list decisions`, series in `list meetings`, `export decisions` (#18)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pmdesk import db as pmdb
from pmdesk.models import Note, NoteKind
from tests.cli.test_cli import assert_one_line_error, create_demo, list_json, run_cli


@pytest.fixture
def demo_zh(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "pmdesk.db"
    return path, create_demo(capsys, path, "zh_CN")


def test_list_meetings_shows_series_and_status(
    capsys: pytest.CaptureFixture[str], demo_zh: tuple[Path, int]
) -> None:
    path, pid = demo_zh
    rows = list_json(capsys, path, "meetings", "--project", str(pid))
    weekly = [r for r in rows if r["series"] == "项目周例会"]
    assert len(weekly) == 4  # three held, the next one planned
    assert sorted(r["status"] for r in weekly) == [
        "minutes_confirmed",
        "minutes_confirmed",
        "minutes_sent",
        "planned",
    ]
    assert all(r["series"] is None for r in rows if r not in weekly)
    code, out, _ = run_cli(capsys, "list", "meetings", "--db", path)
    assert code == 0 and "series" in out.splitlines()[0]


def test_list_decisions_with_one_superseded(
    capsys: pytest.CaptureFixture[str], demo_zh: tuple[Path, int]
) -> None:
    path, pid = demo_zh
    rows = list_json(capsys, path, "decisions", "--project", str(pid))
    superseded = [r for r in rows if r["status"] == "superseded"]
    assert len(superseded) == 1
    later = next(r for r in rows if r["id"] == superseded[0]["superseded_by"])
    assert later["text"].startswith("上线日期改为7月1日")
    assert any(r["internal"] for r in rows)


def test_search_json_two_and_three_chinese_characters(
    capsys: pytest.CaptureFixture[str], demo_zh: tuple[Path, int]
) -> None:
    path, pid = demo_zh
    code, out, err = run_cli(capsys, "search", "预算", "--project", pid, "--json", "--db", path)
    assert (code, err) == (0, "")
    hits = json.loads(out)
    assert hits and all("预算" in h["text"] for h in hits)
    assert set(hits[0]) == {"kind", "id", "project_id", "text", "internal"}
    assert {h["kind"] for h in hits} >= {"decision", "note"}
    assert any(h["internal"] for h in hits)
    code, out, _ = run_cli(capsys, "search", "上线日期", "--db", path, "--json")
    assert [h["kind"] for h in json.loads(out)] == ["decision", "decision"]
    code, out, err = run_cli(capsys, "search", "x", "--project", "999", "--db", path)
    assert code == 1
    assert_one_line_error(err, "999")


def test_export_decisions_leaves_out_internal_and_writes_text_not_formulas(
    capsys: pytest.CaptureFixture[str], demo_zh: tuple[Path, int], tmp_path: Path
) -> None:
    path, pid = demo_zh
    pmdb.open_database(path)
    try:
        # A decision a client could have typed as a formula.
        note = Note.select().where(Note.kind == NoteKind.DECISION.value).first()
        Note.update(text='=HYPERLINK("http://x","y")').where(Note.id == note.id).execute()
    finally:
        pmdb.close_database()
    target = tmp_path / "decisions.xlsx"
    code, _, err = run_cli(
        capsys, "export", "decisions", "--project", pid, "-o", target, "--db", path
    )
    assert (code, err) == (0, "")
    sheet = openpyxl.load_workbook(target).active
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "预留10%预算应对变更（内部）。" not in texts
    assert "先在包装品类试点，每个工厂指定一名关键用户。" in texts
    assert "已被取代" in texts
    assert '=HYPERLINK("http://x","y")' in texts
    with zipfile.ZipFile(target) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml


def test_search_as_a_real_process(demo_zh: tuple[Path, int]) -> None:
    path, _ = demo_zh
    result = subprocess.run(
        [sys.executable, "-m", "pmdesk", "search", "门户", "--db", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    header, *lines = result.stdout.splitlines()
    assert header.split() == ["kind", "id", "project_id", "internal", "text"]
    assert lines and all("门户" in line for line in lines)
