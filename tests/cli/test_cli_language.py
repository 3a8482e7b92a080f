"""A service's problem inside a CLI error speaks the user's language, as a real
`python -m pmdesk` shows it: the frame and the reason, the field named as the window
names it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from pmdesk import messages
from pmdesk.languages import Language


def pmdesk(tmp_path: Path, *argv: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"LC_ALL", "LC_MESSAGES", "LANG"}}
    return subprocess.run(
        [sys.executable, "-m", "pmdesk", *(str(arg) for arg in argv)],
        env={**clean, "XDG_CONFIG_HOME": str(tmp_path / "config"), "LANG": "C.UTF-8", **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@pytest.fixture
def returned_tracker(tmp_path: Path) -> tuple[Path, Path]:
    """The English demo and its tracker, returned with a made-up status and a made-up ID."""
    db = tmp_path / "demo.db"
    assert pmdesk(tmp_path, "demo", "--db", db).returncode == 0
    tracker = tmp_path / "tracker.xlsx"
    exported = pmdesk(tmp_path, "export", "tracker", "--project", "1", "--db", db, "-o", tracker)
    assert exported.returncode == 0, exported.stderr
    workbook = openpyxl.load_workbook(tracker)
    sheet = workbook["Tracker"]
    sheet.cell(3, 6).value = "Nonsense"
    sheet.cell(4, 1).value = "A-9999"
    workbook.save(tracker)
    return db, tracker


def english_words(text: str) -> list[str]:
    """Latin words left in a Chinese message, beyond names, IDs and the command itself."""
    allowed = {"pmdesk", "Tracker", "Status", "xlsx", "tracker", "Nonsense", "db", "postgresql"}
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in allowed]


def test_a_tracker_row_problem_is_chinese_under_lang_and_the_system_language(
    tmp_path: Path, returned_tracker: tuple[Path, Path]
) -> None:
    db, tracker = returned_tracker
    by_option = pmdesk(tmp_path, "--lang", "zh_CN", "import", "tracker", tracker, "--project", "1",
                       "--db", db)  # fmt: skip
    by_system = pmdesk(tmp_path, "import", "tracker", tracker, "--project", "1", "--db", db,
                       LANG="zh_CN.UTF-8")  # fmt: skip
    for run in (by_option, by_system):
        assert run.returncode == 1
        assert run.stderr.strip() == (
            "pmdesk：错误：工作表“Tracker”第 3 行 F 列（Status）：未知的取值“Nonsense”"
            "（可选：未开始、进行中、已完成、受阻、已取消）（另有 1 个问题）；没有导入任何内容"
        )
    english = pmdesk(tmp_path, "import", "tracker", tracker, "--project", "1", "--db", db)
    assert english.stderr.startswith("pmdesk: error: sheet 'Tracker', row 3, column F (Status)")
    assert english.stderr.strip().endswith("(and 1 more problems); nothing was imported")


def test_a_missing_or_foreign_file_is_chinese_end_to_end(
    tmp_path: Path, returned_tracker: tuple[Path, Path]
) -> None:
    db, _tracker = returned_tracker
    missing = pmdesk(tmp_path, "--lang", "zh_CN", "import", "tracker", tmp_path / "没有.xlsx",
                     "--project", "1", "--db", db)  # fmt: skip
    assert missing.stderr.strip() == "pmdesk：错误：没有.xlsx：文件不存在"
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    foreign = pmdesk(tmp_path, "--lang", "zh_CN", "import", "tracker", text, "--project", "1",
                     "--db", db)  # fmt: skip
    assert foreign.stderr.strip() == "pmdesk：错误：notes.xlsx：不是 Excel .xlsx 工作簿"
    members = pmdesk(tmp_path, "--lang", "zh_CN", "members", "list", "--project", "1",
                     "--db", db)  # fmt: skip
    assert members.returncode == 1
    assert english_words(members.stderr) == []


@pytest.mark.parametrize(
    ("problem", "chinese"),
    [
        ("due_date: cannot be empty", "截止日期：不能为空"),
        ("starts_at: the meeting has no date and time yet", "开始：会议还没有日期和时间"),
        ("owner: not a person of this project", "负责人：不是本项目的人员"),
        ("title: at most 500 characters", "标题：最多 500 个字符"),
        ("ends_at: the meeting cannot end before it starts", "结束：会议结束时间不能早于开始时间"),
    ],
)
def test_a_validation_problem_names_the_field_in_chinese(problem: str, chinese: str) -> None:
    messages.use(Language.ZH_CN)
    try:
        assert messages.say(f"pmdesk: error: {problem}") == f"pmdesk：错误：{chinese}"
    finally:
        messages.use(Language.EN)
    assert messages.say(f"pmdesk: error: {problem}") == f"pmdesk: error: {problem}"
