"""The command line's messages in Chinese: the catalogue is whole and nests reasons."""

from __future__ import annotations

import re
import string

import pytest

from pmdesk import messages
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
