"""The command line's messages in Chinese: the catalogue is whole and nests reasons."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmdesk import messages
from pmdesk.imports.xlsx_files import _OTHER_KINDS
from pmdesk.languages import Language


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messages, "current", Language.ZH_CN)


def test_every_pattern_fills_its_chinese_template_exactly() -> None:
    for pattern, chinese in messages._ZH_CN:
        groups = set(re.compile(pattern).groupindex)
        fields = {name for _, name, _, _ in string.Formatter().parse(chinese) if name}
        assert groups == fields, pattern


def test_a_reason_inside_a_message_is_translated_too(chinese: None) -> None:
    line = messages.say(
        "pmdesk: error: /d/b.db cannot be restored: its tables are not the ones pmdesk makes: "
        "an extra trigger wipe"
    )
    assert (
        line
        == "pmdesk：错误：/d/b.db 无法恢复：它的表结构与 pmdesk 创建的不同：an extra trigger wipe"
    )


def test_english_and_unknown_messages_are_left_as_they_are(
    chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert messages.say("something new") == "something new"
    monkeypatch.setattr(messages, "current", Language.EN)
    assert messages.say("Wrote x.docx") == "Wrote x.docx"


def test_the_system_language_comes_from_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert messages.use(None) == Language.ZH_CN
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert messages.use(None) == Language.EN
    assert messages.use(Language.ZH_CN) == Language.ZH_CN


# -- every reason the core gives has its Chinese words --------------------------------------
_CORE = Path(messages.__file__).parent
#: Values tried for each {…} of an f-string reason: a number, words, a field's name,
#: the kinds of file a tracker may turn out to be.
_SAMPLES = ("7", "start date", "Wang Fang", *_OTHER_KINDS.values())
#: Functions whose returned strings are reasons raised elsewhere.
_REASON_FUNCTIONS = {"_char_problem", "_integrity_message"}


def _reasons() -> Iterator[tuple[str, list[str]]]:
    """(where, the reason with each sample) for every `raise …Problem(field, reason)`, every
    `raise …Problem(line)` and every reason-building function's return in the Qt-free
    core."""
    for path in sorted(_CORE.rglob("*.py")):
        if "ui" in path.relative_to(_CORE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            found: ast.expr | None = None
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                func = node.exc.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name.endswith("Problem") and node.exc.args:
                    # (field, reason), or a whole line (a database's, an export's).
                    found = node.exc.args[1 if len(node.exc.args) >= 2 else 0]
            elif isinstance(node, ast.FunctionDef) and node.name in _REASON_FUNCTIONS:
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Return) and inner.value is not None:
                        texts = _texts(inner.value)
                        if texts:
                            yield f"{path.name}:{inner.lineno}", texts
            if found is not None:
                texts = _texts(found)
                if texts:
                    yield f"{path.name}:{node.lineno}", texts


def _texts(node: ast.expr) -> list[str]:
    """The reason a node writes, once per sample; [] for one passed through (a variable)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [
            "".join(v.value if isinstance(v, ast.Constant) else sample for v in node.values)
            for sample in _SAMPLES
        ]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _texts(node.left), _texts(node.right)
        return [a + b for a in left for b in right] if left and right else []
    return []


def test_every_reason_the_core_gives_is_said_in_chinese(chinese: None) -> None:
    reasons = list(_reasons())
    assert len(reasons) > 100  # the walk finds them
    missing = [
        (where, texts[0])
        for where, texts in reasons
        if all(messages.say(text) == text for text in texts)
    ]
    assert not missing, missing


def test_a_file_of_another_kind_is_named_in_chinese(chinese: None) -> None:
    for kind in _OTHER_KINDS.values():
        line = messages.say(f"t.docx: is {kind}; save the tracker as an Excel .xlsx workbook")
        assert kind not in line and line.endswith("；请把跟踪表另存为 Excel .xlsx 工作簿"), line


def test_a_server_address_in_a_line_is_kept_whole(chinese: None) -> None:
    line = messages.say("Cannot connect to postgresql://ann@db.example/pm: connection refused")
    assert line == "无法连接到 postgresql://ann@db.example/pm：connection refused"
